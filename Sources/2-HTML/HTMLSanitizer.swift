import CGumbo
import Foundation
import GongbuCore

/// Rebuilds an author's raw HTML from an allowlist (`HTMLPolicy`), after reading it with a
/// conforming HTML5 parser (Gumbo), so what is kept is what a browser would have seen.
///
/// Markdown splits raw HTML into pieces (`<details>` and `</details>` are two blocks with
/// Markdown between them; `<kbd>` and `</kbd>` are two inline pieces around text), so the
/// sanitizer takes a note's pieces in order and parses them as one fragment, with a marker
/// comment between each pair. The rebuilt HTML is cut at the markers again, one result per
/// piece, so elements opened in one piece and closed in another stay open across the Markdown
/// between them, as they would in a browser. Where a marker does not survive the parse (a
/// piece that ends inside a tag), each piece is sanitized on its own instead.
///
///     let result = HTMLSanitizer().sanitize(["<details><summary>답</summary>", "</details>"])
///     // result.pieces == ["<details><summary>답</summary>", "</details>"]
public struct HTMLSanitizer: Sendable {
    /// What a URL in the HTML points at, for `sanitize(_:rewrite:)`'s rewrite function.
    public enum URLKind: Sendable { case link, image }

    /// Something a reader would have seen that the sanitizer removed.
    public struct Removal: Hashable, Sendable {
        /// What it was, for a message: `<iframe>`, `'javascript:' link`, `'data:' image`.
        public var what: String
        /// Which input piece it came from.
        public var piece: Int

        public init(what: String, piece: Int) {
            self.what = what
            self.piece = piece
        }
    }

    public struct Result: Sendable {
        /// The sanitized HTML of each input piece, in order.
        public var pieces: [String]
        /// What was removed that a reader would have seen, in document order.
        public var removed: [Removal]
        /// The visible text that was kept, for search.
        public var text: String
    }

    public init() {}

    /// Sanitizes the pieces of one document's raw HTML. `rewrite` maps every kept relative URL
    /// (a link's `href`, an image's `src`, with the index of the piece it is in) to the one the
    /// page should use.
    public func sanitize(_ pieces: [String], rewrite: (String, URLKind, Int) -> String = { url, _, _ in url }) -> Result {
        withoutActuallyEscaping(rewrite) { sanitize(pieces, rewriting: $0) }
    }

    private func sanitize(_ pieces: [String], rewriting rewrite: @escaping (String, URLKind, Int) -> String) -> Result {
        if pieces.isEmpty { return Result(pieces: [], removed: [], text: "") }
        var marker = "gongbu-piece"
        while pieces.contains(where: { $0.contains(marker) }) { marker += "-" }
        let joined = pieces.enumerated().map { $0.offset == 0 ? $0.element : "<!--\(marker)-->" + $0.element }.joined()
        var writer = Writer(marker: marker, rewrite: rewrite)
        parse(joined) { writer.write(children: $0) }
        writer.finish()
        if writer.pieces.count == pieces.count { return Result(pieces: writer.pieces, removed: writer.removed, text: writer.text) }
        // A marker was swallowed: sanitize each piece alone.
        var result = Result(pieces: [], removed: [], text: "")
        for (index, piece) in pieces.enumerated() {
            var alone = Writer(marker: nil, rewrite: rewrite)
            alone.piece = index
            parse(piece) { alone.write(children: $0) }
            alone.finish()
            result.pieces.append(alone.pieces.joined())
            result.removed += alone.removed
            result.text += alone.text
        }
        return result
    }

    /// Parses HTML as the content of a `<div>` and hands the fragment's top nodes to `body`.
    private func parse(_ html: String, _ body: (GumboVector) -> Void) {
        var options = kGumboDefaultOptions
        options.fragment_context = GUMBO_TAG_DIV
        options.fragment_namespace = GUMBO_NAMESPACE_HTML
        var bytes = Array(html.utf8)
        bytes.append(0)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { text in
                guard let output = gumbo_parse_with_options(&options, text, buffer.count - 1) else { return }
                defer { gumbo_destroy_output(&options, output) }
                // A fragment parses into an <html> element whose children are the fragment.
                guard let root = output.pointee.root, root.pointee.type == GUMBO_NODE_ELEMENT else { return }
                body(root.pointee.v.element.children)
            }
        }
    }
}

/// Serializes the allowed part of a Gumbo tree, cutting it into pieces at the markers.
private struct Writer {
    let marker: String?
    let rewrite: (String, HTMLSanitizer.URLKind, Int) -> String
    var pieces: [String] = []
    var current = ""
    var removed: [HTMLSanitizer.Removal] = []
    var text = ""
    var piece = 0

    init(marker: String?, rewrite: @escaping (String, HTMLSanitizer.URLKind, Int) -> String) {
        self.marker = marker
        self.rewrite = rewrite
    }

    mutating func finish() {
        pieces.append(current)
        current = ""
    }

    mutating func split() {
        pieces.append(current)
        current = ""
        piece += 1
    }

    mutating func report(_ what: String) {
        let removal = HTMLSanitizer.Removal(what: what, piece: piece)
        if !removed.contains(removal) { removed.append(removal) }
    }

    mutating func write(children: GumboVector) {
        for index in 0..<Int(children.length) {
            guard let raw = children.data[index] else { continue }
            write(raw.assumingMemoryBound(to: GumboNode.self))
        }
    }

    mutating func write(_ node: UnsafeMutablePointer<GumboNode>) {
        switch node.pointee.type {
        case GUMBO_NODE_TEXT, GUMBO_NODE_WHITESPACE, GUMBO_NODE_CDATA:
            let value = String(cString: node.pointee.v.text.text)
            current += Escape.html(value)
            text += value
        case GUMBO_NODE_COMMENT:
            if isMarker(String(cString: node.pointee.v.text.text)) { split() }
        case GUMBO_NODE_ELEMENT:
            writeElement(node.pointee.v.element)
        default:
            // Templates and documents hold nothing a note may show.
            skipContent(of: node)
        }
    }

    func isMarker(_ comment: String) -> Bool { marker.map { comment == $0 } ?? false }

    mutating func writeElement(_ element: GumboElement) {
        let name = tagName(element)
        if element.tag_namespace != GUMBO_NAMESPACE_HTML {
            report("<\(name)>")
            skipContent(element.children)
            return
        }
        if HTMLPolicy.silentlyRemoved.contains(name) {
            skipContent(element.children)
            return
        }
        if HTMLPolicy.reportedRemoved.contains(name) {
            report("<\(name)>")
            skipContent(element.children)
            return
        }
        var outputName = name
        var alignment: String?
        if let renamed = HTMLPolicy.renamedElements[name] {
            outputName = renamed.name
            alignment = renamed.alignment
        } else if !HTMLPolicy.keptElements.contains(name) {
            // Unknown and layout-only elements (font, section, label, button, MDX components)
            // go; what they hold stays.
            write(children: element.children)
            return
        }
        var attributes: [(String, String)] = []
        var openInNewTab = false
        var dropped = false
        for index in 0..<Int(element.attributes.length) {
            guard let raw = element.attributes.data[index] else { continue }
            let attribute = raw.assumingMemoryBound(to: GumboAttribute.self).pointee
            let key = String(cString: attribute.name).lowercased()
            let value = String(cString: attribute.value)
            if key == "align", HTMLPolicy.alignable.contains(outputName) {
                let side = value.lowercased().trimmingCharacters(in: .whitespaces)
                if ["left", "center", "right", "justify"].contains(side) { alignment = side }
                continue
            }
            guard HTMLPolicy.allows(key, on: outputName) else { continue }
            switch (outputName, key) {
            case ("a", "href"):
                if let safe = safeURL(value, kind: .link) { attributes.append((key, safe)) } else { dropped = true }
            case ("img", "src"):
                if let safe = safeURL(value, kind: .image) { attributes.append((key, safe)) } else { dropped = true }
            case ("a", "target"):
                openInNewTab = value.lowercased() == "_blank"
            case (_, "width"), (_, "height"), (_, "colspan"), (_, "rowspan"), (_, "span"), (_, "start"), (_, "value"):
                if HTMLPolicy.isNumeric(value) { attributes.append((key, value)) }
            case (_, "dir"):
                if ["ltr", "rtl", "auto"].contains(value.lowercased()) { attributes.append((key, value.lowercased())) }
            case (_, "cite"):
                if let safe = safeURL(value, kind: .link) { attributes.append((key, safe)) }
            default:
                attributes.append((key, value))
            }
        }
        if outputName == "img" {
            // An image that may not load from where it says is no image at all.
            guard attributes.contains(where: { $0.0 == "src" }) else {
                if dropped { report("image with an unsafe 'src'") }
                return
            }
        }
        if outputName == "a" && dropped { report("link with an unsafe 'href'") }
        if openInNewTab && attributes.contains(where: { $0.0 == "href" }) {
            attributes.append(("target", "_blank"))
            attributes.append(("rel", "noopener noreferrer"))
        }
        if let alignment { attributes.append(("class", "align-\(alignment)")) }
        current += "<" + outputName
        for (key, value) in attributes { current += " \(key)=\"\(Escape.html(value))\"" }
        current += ">"
        if HTMLPolicy.voidElements.contains(outputName) { return }
        write(children: element.children)
        current += "</\(outputName)>"
    }

    /// The URL to keep, or nil when its scheme could run code or fetch something unsafe.
    func safeURL(_ value: String, kind: HTMLSanitizer.URLKind) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if let scheme = HTMLPolicy.scheme(of: trimmed) {
            let allowed = kind == .image ? HTMLPolicy.imageSchemes : HTMLPolicy.linkSchemes
            return allowed.contains(scheme.lowercased()) ? trimmed : nil
        }
        if trimmed.hasPrefix("//") { return trimmed }
        return trimmed.hasPrefix("#") ? trimmed : rewrite(trimmed, kind, piece)
    }

    /// Walks a removed subtree only for the markers in it, so the pieces stay in step.
    mutating func skipContent(of node: UnsafeMutablePointer<GumboNode>) {
        switch node.pointee.type {
        case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE: skipContent(node.pointee.v.element.children)
        case GUMBO_NODE_DOCUMENT: skipContent(node.pointee.v.document.children)
        case GUMBO_NODE_COMMENT: if isMarker(String(cString: node.pointee.v.text.text)) { split() }
        case GUMBO_NODE_TEXT, GUMBO_NODE_WHITESPACE, GUMBO_NODE_CDATA:
            // Raw-text elements (script, style, iframe, textarea) read a marker as text.
            guard let marker else { return }
            let value = String(cString: node.pointee.v.text.text)
            var rest = Substring(value)
            while let range = rest.range(of: "<!--\(marker)-->") {
                split()
                rest = rest[range.upperBound...]
            }
        default: return
        }
    }

    mutating func skipContent(_ children: GumboVector) {
        for index in 0..<Int(children.length) {
            guard let raw = children.data[index] else { continue }
            skipContent(of: raw.assumingMemoryBound(to: GumboNode.self))
        }
    }

    func tagName(_ element: GumboElement) -> String {
        if element.tag != GUMBO_TAG_UNKNOWN, let name = gumbo_normalized_tagname(element.tag) {
            return String(cString: name)
        }
        // An unknown tag: its name from the source, `<my-tag a="1">` → `my-tag`.
        var piece = element.original_tag
        gumbo_tag_from_original_text(&piece)
        guard let data = piece.data, piece.length > 0 else { return "unknown" }
        let bytes = UnsafeRawBufferPointer(start: data, count: piece.length)
        return String(decoding: bytes, as: UTF8.self).lowercased()
    }
}
