import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A parsed CommonMark document that owns its cmark tree.
///
/// Not thread-safe; the pipeline gives each note its own document on its own worker.
public final class MarkdownDocument {
    public let root: MarkdownNode

    /// Parses Markdown: CommonMark by libcmark, then GitHub's extensions (`GFMExtensions`:
    /// tables, strikethrough, task lists, autolinks, footnotes, CJK-friendly emphasis) unless
    /// `extensions` leaves them out. Source positions are always tracked (they map diagnostics to note lines).
    public init(parsing text: String, smartPunctuation: Bool = false, extensions: MarkdownExtensions = .all) {
        var options = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
        if smartPunctuation { options |= CMARK_OPT_SMART }
        let node =
            text.utf8.withContiguousStorageIfAvailable { buffer in
                buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, options) }
            }
            ?? {
                var copy = text
                return copy.withUTF8 { buffer in
                    buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, options) }
                }
            }()
        root = MarkdownNode(node!, owner: TreeOwner(node!))
        if !extensions.isEmpty { GFMExtensions(document: self, source: text, enabled: extensions).apply() }
    }

    public struct RenderOptions: Sendable, Hashable {
        /// Keep raw HTML and dangerous URLs (`javascript:` …). Off by default: cmark then drops raw
        /// HTML (leaving a comment) and empties `javascript:`, `vbscript:`, `file:` and most `data:` URLs.
        public var unsafe = false
        /// Render soft line breaks as `<br />` (notes pasted from chat and blogs often rely on it).
        public var hardBreaks = false

        public init(unsafe: Bool = false, hardBreaks: Bool = false) {
            self.unsafe = unsafe
            self.hardBreaks = hardBreaks
        }
    }

    public func renderHTML(_ options: RenderOptions = RenderOptions()) -> String {
        Self.renderHTML(root, options)
    }

    /// Renders the document one top-level block at a time, freeing each block once rendered,
    /// and leaves the document empty. The HTML is the same as `renderHTML`'s, but the whole tree,
    /// cmark's output buffer and the Swift copy never exist at once: for a note of tens of
    /// megabytes that is the difference between a few times its size in memory and tens.
    ///
    /// `before` runs on each top-level block just before it is rendered (to apply deferred
    /// concept links to it).
    public func consumeHTML(_ options: RenderOptions = RenderOptions(), before: (MarkdownNode) -> Void = { _ in }) -> String {
        // Joined once at the end into a string of exactly the right size (appending would leave
        // up to twice the page's size reserved in every page the site model keeps).
        var parts: [String] = []
        while let block = root.firstChild {
            before(block)
            block.unlink()
            parts.append(Self.renderHTML(block, options))
            cmark_node_free(block.pointer)
        }
        return parts.joined()
    }

    /// Renders any subtree (a heading's inline content, one paragraph …).
    public static func renderHTML(_ node: MarkdownNode, _ options: RenderOptions = RenderOptions()) -> String {
        var flags: Int32 = 0
        if options.unsafe { flags |= CMARK_OPT_UNSAFE }
        if options.hardBreaks { flags |= CMARK_OPT_HARDBREAKS }
        guard let rendered = cmark_render_html(node.pointer, flags) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// The HTML of a node's children only (for example a heading's content without `<h2>`).
    public static func renderInlineHTML(_ node: MarkdownNode, _ options: RenderOptions = RenderOptions()) -> String {
        let paragraph = MarkdownNode(cmark_node_new(CMARK_NODE_PARAGRAPH), owner: nil)
        defer { cmark_node_free(paragraph.pointer) }
        // Render copies by temporarily moving children into a paragraph, then moving them back.
        let children = node.children
        for child in children {
            child.unlink()
            paragraph.appendChild(child)
        }
        var html = renderHTML(paragraph, options)
        for child in children {
            child.unlink()
            node.appendChild(child)
        }
        if html.hasPrefix("<p>") { html.removeFirst(3) }
        if html.hasSuffix("</p>\n") { html.removeLast(5) }
        return html
    }

    /// Merges adjacent text nodes (cmark splits text at brackets and other special characters),
    /// so a term such as `[[pod]]` or `파드[1]` is seen whole.
    public func consolidateTextNodes() {
        cmark_consolidate_text_nodes(root.pointer)
    }

    /// Every node of the tree, in document order, with enter and exit events.
    public func walk() -> MarkdownWalk { MarkdownWalk(root: root) }

    /// All nodes of one kind, in document order.
    public func nodes(of kind: NodeKind) -> [MarkdownNode] {
        var result: [MarkdownNode] = []
        for (node, event) in walk() where event == .enter && node.kind == kind { result.append(node) }
        return result
    }
}
