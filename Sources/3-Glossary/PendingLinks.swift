import Markdown

/// Concept links found in a document but not yet made into link nodes (see
/// `ConceptLinker.linkDeferred`), in document order.
///
/// A link costs three cmark nodes and its opening tag; a note of tens of megabytes has hundreds
/// of thousands of them. Applied one top-level block at a time, just before the block is
/// rendered and freed, they never all exist at once.
public final class PendingLinks {
    struct Entry {
        var node: MarkdownNode
        var pieces: [ConceptLinker.Piece]
        /// Where the text after the last link starts.
        var tail: Int
    }

    let linker: ConceptLinker
    var entries: [Entry] = []
    /// Entries before this one have been applied.
    private var next = 0

    init(linker: ConceptLinker) {
        self.linker = linker
    }

    public var isEmpty: Bool { next == entries.count }

    /// Applies the links inside `block` (a top-level block of the document). Blocks must come
    /// in document order, each before it is changed or freed.
    public func materialize(in block: MarkdownNode) {
        while next < entries.count, Self.node(entries[next].node, isInside: block) { applyNext() }
    }

    /// Applies every remaining link.
    public func materializeAll() {
        while next < entries.count { applyNext() }
    }

    /// Applies the next entry and lets its pieces go.
    private func applyNext() {
        let entry = entries[next]
        if let literal = entry.node.literal {
            linker.apply(entry.pieces, tail: entry.tail, to: entry.node, bytes: Array(literal.utf8))
        }
        entries[next].pieces = []
        next += 1
    }

    static func node(_ node: MarkdownNode, isInside block: MarkdownNode) -> Bool {
        var current: MarkdownNode? = node
        while let candidate = current {
            if candidate == block { return true }
            current = candidate.parent
        }
        return false
    }
}
