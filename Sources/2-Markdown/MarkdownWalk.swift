import CCmark

/// Depth-first traversal of a subtree with enter and exit events, using cmark's own iterator,
/// so arbitrarily deep nesting never grows the Swift stack.
///
/// Editing during a walk: the current node may have siblings inserted after it or be replaced
/// only if the walk is told to skip it (see `MarkdownDocument.rewrite`). For other edits,
/// collect nodes first and edit afterwards.
public struct MarkdownWalk: Sequence, IteratorProtocol {
    public enum Event: Sendable { case enter, exit }

    private let iterator: IteratorBox
    private let owner: TreeOwner?

    public init(root: MarkdownNode) {
        iterator = IteratorBox(cmark_iter_new(root.pointer))
        owner = root.owner
    }

    public mutating func next() -> (MarkdownNode, Event)? {
        let event = cmark_iter_next(iterator.pointer)
        switch event {
        case CMARK_EVENT_ENTER:
            return (MarkdownNode(cmark_iter_get_node(iterator.pointer), owner: owner), .enter)
        case CMARK_EVENT_EXIT:
            return (MarkdownNode(cmark_iter_get_node(iterator.pointer), owner: owner), .exit)
        default:
            return nil
        }
    }

    /// Continue the walk at `node` with `event`, e.g. to skip a subtree after editing it.
    public func reset(to node: MarkdownNode, event: Event) {
        cmark_iter_reset(iterator.pointer, node.pointer, event == .enter ? CMARK_EVENT_ENTER : CMARK_EVENT_EXIT)
    }
}

private final class IteratorBox {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { cmark_iter_free(pointer) }
}
