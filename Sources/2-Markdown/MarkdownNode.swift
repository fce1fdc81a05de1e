import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The kinds of node cmark produces (CommonMark 0.30), plus custom nodes gongbu inserts.
public enum NodeKind: Sendable, Hashable {
    case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph, heading, thematicBreak
    case text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong, link, image
    case unknown

    init(_ type: cmark_node_type) {
        switch type {
        case CMARK_NODE_DOCUMENT: self = .document
        case CMARK_NODE_BLOCK_QUOTE: self = .blockQuote
        case CMARK_NODE_LIST: self = .list
        case CMARK_NODE_ITEM: self = .item
        case CMARK_NODE_CODE_BLOCK: self = .codeBlock
        case CMARK_NODE_HTML_BLOCK: self = .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: self = .customBlock
        case CMARK_NODE_PARAGRAPH: self = .paragraph
        case CMARK_NODE_HEADING: self = .heading
        case CMARK_NODE_THEMATIC_BREAK: self = .thematicBreak
        case CMARK_NODE_TEXT: self = .text
        case CMARK_NODE_SOFTBREAK: self = .softBreak
        case CMARK_NODE_LINEBREAK: self = .lineBreak
        case CMARK_NODE_CODE: self = .code
        case CMARK_NODE_HTML_INLINE: self = .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: self = .customInline
        case CMARK_NODE_EMPH: self = .emphasis
        case CMARK_NODE_STRONG: self = .strong
        case CMARK_NODE_LINK: self = .link
        case CMARK_NODE_IMAGE: self = .image
        default: self = .unknown
        }
    }

    var cmarkType: cmark_node_type {
        switch self {
        case .document: CMARK_NODE_DOCUMENT
        case .blockQuote: CMARK_NODE_BLOCK_QUOTE
        case .list: CMARK_NODE_LIST
        case .item: CMARK_NODE_ITEM
        case .codeBlock: CMARK_NODE_CODE_BLOCK
        case .htmlBlock: CMARK_NODE_HTML_BLOCK
        case .customBlock: CMARK_NODE_CUSTOM_BLOCK
        case .paragraph: CMARK_NODE_PARAGRAPH
        case .heading: CMARK_NODE_HEADING
        case .thematicBreak: CMARK_NODE_THEMATIC_BREAK
        case .text: CMARK_NODE_TEXT
        case .softBreak: CMARK_NODE_SOFTBREAK
        case .lineBreak: CMARK_NODE_LINEBREAK
        case .code: CMARK_NODE_CODE
        case .htmlInline: CMARK_NODE_HTML_INLINE
        case .customInline: CMARK_NODE_CUSTOM_INLINE
        case .emphasis: CMARK_NODE_EMPH
        case .strong: CMARK_NODE_STRONG
        case .link: CMARK_NODE_LINK
        case .image: CMARK_NODE_IMAGE
        case .unknown: CMARK_NODE_NONE
        }
    }

    public var isBlock: Bool {
        switch self {
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .customBlock, .paragraph, .heading, .thematicBreak: true
        default: false
        }
    }
}

/// A handle to a node inside a `MarkdownDocument`'s tree.
///
/// It keeps the tree it came from alive, so a node read from a temporary document stays valid.
/// It stays valid while the node is in the tree (a removed node must not be used again).
/// Use it on one thread at a time, like the document.
public struct MarkdownNode: Hashable {
    let pointer: OpaquePointer
    /// The tree the node belongs to; nil for a new node not yet inserted anywhere.
    let owner: TreeOwner?

    init(_ pointer: OpaquePointer, owner: TreeOwner?) {
        self.pointer = pointer
        self.owner = owner
    }

    public static func == (lhs: MarkdownNode, rhs: MarkdownNode) -> Bool { lhs.pointer == rhs.pointer }
    public func hash(into hasher: inout Hasher) { hasher.combine(pointer) }

    private func wrap(_ pointer: OpaquePointer?) -> MarkdownNode? {
        pointer.map { MarkdownNode($0, owner: owner) }
    }

    public var kind: NodeKind { NodeKind(cmark_node_get_type(pointer)) }

    // MARK: Tree navigation

    public var parent: MarkdownNode? { wrap(cmark_node_parent(pointer)) }
    public var firstChild: MarkdownNode? { wrap(cmark_node_first_child(pointer)) }
    public var lastChild: MarkdownNode? { wrap(cmark_node_last_child(pointer)) }
    public var next: MarkdownNode? { wrap(cmark_node_next(pointer)) }
    public var previous: MarkdownNode? { wrap(cmark_node_previous(pointer)) }

    /// The direct children, captured up front so the tree may be edited while iterating.
    public var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    // MARK: Content

    /// Text of text, code, code block and HTML nodes.
    public var literal: String? {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_literal(pointer, newValue) }
    }

    public var url: String? {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_url(pointer, newValue ?? "") }
    }

    public var title: String? {
        get { cmark_node_get_title(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_title(pointer, newValue ?? "") }
    }

    /// The info string of a fenced code block (`yaml expect-error`), empty for indented blocks.
    public var fenceInfo: String {
        cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? ""
    }

    public var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    /// 1-based line in the parsed text where the node starts (0 when cmark does not track it).
    /// Nodes gongbu makes from source text (`PastedCode`) carry the position of that text.
    public var startLine: Int { placed?.startLine ?? Int(cmark_node_get_start_line(pointer)) }
    public var startColumn: Int { placed?.startColumn ?? Int(cmark_node_get_start_column(pointer)) }
    public var endLine: Int { placed?.endLine ?? Int(cmark_node_get_end_line(pointer)) }
    public var endColumn: Int { Int(cmark_node_get_end_column(pointer)) }

    private var placed: TreeOwner.Position? {
        guard let owner, !owner.positions.isEmpty else { return nil }
        return owner.positions[pointer]
    }

    /// The text a reader sees: text, code and line breaks of all descendants, no markup.
    /// Image alt text is included; raw HTML is not.
    public var plainText: String {
        var text = ""
        for (node, event) in MarkdownWalk(root: self) where event == .enter {
            switch node.kind {
            case .text, .code: text += node.literal ?? ""
            case .softBreak, .lineBreak: text += " "
            case .codeBlock: text += node.literal ?? ""
            default: break
            }
        }
        return text
    }

    // MARK: Editing

    /// Inserts `node` (a new or unlinked node) just before this one.
    public func insertBefore(_ node: MarkdownNode) {
        cmark_node_insert_before(pointer, node.pointer)
    }

    public func insertAfter(_ node: MarkdownNode) {
        cmark_node_insert_after(pointer, node.pointer)
    }

    public func appendChild(_ node: MarkdownNode) {
        cmark_node_append_child(pointer, node.pointer)
    }

    /// Takes the node out of the tree and frees it with its children.
    public func remove() {
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }

    /// Takes the node out of the tree without freeing it, to re-insert it elsewhere.
    public func unlink() {
        cmark_node_unlink(pointer)
    }

    /// Puts `replacement` where this node is, and frees this node and its children.
    public func replace(with replacement: MarkdownNode) {
        cmark_node_insert_before(pointer, replacement.pointer)
        remove()
    }

    /// Moves all children of this node into `other`, in order.
    public func moveChildren(to other: MarkdownNode) {
        while let child = firstChild {
            child.unlink()
            other.appendChild(child)
        }
    }

    // MARK: Making nodes

    /// A new text node, not yet in a tree (insert it, or it leaks).
    public static func text(_ literal: String) -> MarkdownNode {
        let node = MarkdownNode(cmark_node_new(CMARK_NODE_TEXT), owner: nil)
        node.literal = literal
        return node
    }

    /// An inline node that renders `onEnter`, its children, then `onExit` — verbatim, even in
    /// safe mode, so callers must escape whatever they put in.
    public static func customInline(onEnter: String, onExit: String) -> MarkdownNode {
        let node = MarkdownNode(cmark_node_new(CMARK_NODE_CUSTOM_INLINE), owner: nil)
        cmark_node_set_on_enter(node.pointer, onEnter)
        cmark_node_set_on_exit(node.pointer, onExit)
        return node
    }

    /// The block counterpart of `customInline`; it may hold blocks or inlines.
    public static func customBlock(onEnter: String, onExit: String) -> MarkdownNode {
        let node = MarkdownNode(cmark_node_new(CMARK_NODE_CUSTOM_BLOCK), owner: nil)
        cmark_node_set_on_enter(node.pointer, onEnter)
        cmark_node_set_on_exit(node.pointer, onExit)
        return node
    }

    public var onEnter: String { cmark_node_get_on_enter(pointer).map { String(cString: $0) } ?? "" }

    /// Whether the node is inside the footnotes `GFMFootnotes` lists at the end of a document
    /// (an aside to the text: a manifest there is not one of the note's examples).
    public var isInFootnote: Bool {
        var current = parent
        while let node = current {
            if node.kind == .customBlock, let enter = cmark_node_get_on_enter(node.pointer),
                strncmp(enter, "<section class=\"footnotes\"", 26) == 0
            {
                return true
            }
            current = node.parent
        }
        return false
    }

    /// A table cell (`<td>`, `<th>`), which `GFMTables` makes a custom inline of its row.
    public var isTableCell: Bool {
        guard kind == .customInline, let enter = cmark_node_get_on_enter(pointer) else { return false }
        return strncmp(enter, "<td", 3) == 0 || strncmp(enter, "<th", 3) == 0
    }

    /// A custom inline that is a link or stands for one (concept links, wikilinks, footnote
    /// references, checkboxes): nothing inside it is linked again.
    public var isCustomLink: Bool {
        guard kind == .customInline, let enter = cmark_node_get_on_enter(pointer) else { return false }
        // `<a `, `<sup` (footnote references) or `<input`: compared without making a String.
        return strncmp(enter, "<a ", 3) == 0 || strncmp(enter, "<sup", 4) == 0 || strncmp(enter, "<input", 6) == 0
    }
}

/// Owns a cmark tree and frees it when the last document or node handle is gone.
final class TreeOwner {
    let root: OpaquePointer
    /// Where the nodes made from source text after parsing start and end (cmark's own
    /// positions cannot be set): 1-based lines, the column of the first line.
    struct Position {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
    }
    var positions: [OpaquePointer: Position] = [:]
    init(_ root: OpaquePointer) { self.root = root }
    deinit { cmark_node_free(root) }
}
