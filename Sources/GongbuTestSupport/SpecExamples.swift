import Foundation

/// The examples of a CommonMark-style spec file (the GFM spec and cmark-gfm's extension tests):
/// Markdown, a line holding `.`, the expected HTML, between fences of 32 backticks. `→` stands
/// for a tab.
public struct SpecExample: Sendable {
    public var number: Int
    /// The section heading it is under (`Tables (extension)`).
    public var section: String
    /// The word after `example` on the opening fence (`table`, `strikethrough` …), if any.
    public var kind: String
    public var markdown: String
    public var html: String

    /// Reads every example of a spec file; empty when the file is absent.
    public static func read(_ path: String) -> [SpecExample] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        let fence = String(repeating: "`", count: 32)
        var examples: [SpecExample] = []
        var section = ""
        var lines = text.components(separatedBy: "\n")[...]
        while let line = lines.popFirst() {
            if line.hasPrefix("#") && !line.hasPrefix("#!") {
                section = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard line.hasPrefix(fence + " example") else { continue }
            let kind = line.dropFirst(fence.count + " example".count).trimmingCharacters(in: .whitespaces)
            var markdown: [String] = []
            var html: [String] = []
            var inHTML = false
            while let body = lines.popFirst(), !body.hasPrefix(fence) {
                if body == "." && !inHTML {
                    inHTML = true
                } else if inHTML {
                    html.append(body)
                } else {
                    markdown.append(body)
                }
            }
            func text(_ lines: [String]) -> String {
                lines.isEmpty ? "" : lines.joined(separator: "\n").replacingOccurrences(of: "→", with: "\t") + "\n"
            }
            examples.append(
                SpecExample(number: examples.count + 1, section: section, kind: kind, markdown: text(markdown), html: text(html)))
        }
        return examples
    }

    /// `<input type="checkbox" disabled="">` → `<input disabled="" type="checkbox">`: attribute
    /// order does not matter.
    static func sortingAttributes(_ tag: String) -> String {
        guard !tag.hasPrefix("</"), !tag.hasPrefix("<!"), !tag.hasPrefix("<?") else { return tag }
        let inner = tag.dropFirst().dropLast()
        guard let space = inner.firstIndex(of: " ") else { return tag }
        let name = inner[..<space]
        var attributes: [String] = []
        var rest = inner[space...].drop { $0 == " " }
        while !rest.isEmpty {
            var end = rest.startIndex
            var quote: Character?
            while end < rest.endIndex {
                let character = rest[end]
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == "\"" || character == "'" {
                    quote = character
                } else if character == " " {
                    break
                }
                end = rest.index(after: end)
            }
            attributes.append(String(rest[..<end]))
            rest = rest[end...].drop { $0 == " " }
        }
        return "<" + name + " " + attributes.sorted().joined(separator: " ") + ">"
    }

    /// HTML reduced to what matters for comparing renderers, as the spec's own test script
    /// does: no whitespace next to block-level tags, runs of whitespace as one space (outside
    /// `<pre>`), and void tags without their closing slash.
    public static func normalize(_ html: String) -> String {
        let blockTags: Set<String> = [
            "article", "blockquote", "body", "dd", "div", "dl", "dt", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "html",
            "li", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
        ]
        var pieces: [(isTag: Bool, text: String)] = []
        var rest = Substring(html)
        while !rest.isEmpty {
            if rest.first == "<", let end = rest.firstIndex(of: ">") {
                var tag = String(rest[...end])
                if tag.hasSuffix(" />") {
                    tag = String(tag.dropLast(3)) + ">"
                } else if tag.hasSuffix("/>") && !tag.hasPrefix("<!--") {
                    tag = String(tag.dropLast(2)) + ">"
                }
                pieces.append((true, sortingAttributes(tag)))
                rest = rest[rest.index(after: end)...]
            } else {
                let end = rest.dropFirst().firstIndex(of: "<") ?? rest.endIndex
                pieces.append((false, String(rest[..<end])))
                rest = rest[end...]
            }
        }
        func tagName(_ tag: String) -> String {
            String(tag.dropFirst().drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }).lowercased()
        }
        var output = ""
        var inPre = 0
        for (index, piece) in pieces.enumerated() {
            if piece.isTag {
                let name = tagName(piece.text)
                if name == "pre" { inPre += piece.text.hasPrefix("</") ? -1 : 1 }
                output += piece.text
                continue
            }
            if inPre > 0 {
                output += piece.text
                continue
            }
            var text = piece.text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
            if index == 0 || (pieces[index - 1].isTag && blockTags.contains(tagName(pieces[index - 1].text))) {
                text = String(text.drop { $0 == " " })
            }
            if index == pieces.count - 1 || (pieces[index + 1].isTag && blockTags.contains(tagName(pieces[index + 1].text))) {
                while text.hasSuffix(" ") { text.removeLast() }
            }
            output += text
        }
        return output
    }
}
