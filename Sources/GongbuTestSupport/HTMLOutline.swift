import Foundation

/// What two Markdown renderers must agree on, read from their HTML: the sequence of
/// block-level elements and the text, with attributes, inline markup and whitespace left out
/// (and emphasis delimiters, which gongbu's CJK-friendly emphasis turns into markup where
/// CommonMark leaves them as text).
public struct HTMLOutline: Equatable, CustomStringConvertible {
    public var blocks: [String]
    public var text: String

    static let blockTags: Set<String> = [
        "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "section", "table", "tbody", "td", "th",
        "thead", "tr", "ul",
    ]

    public init(html: String) {
        var blocks: [String] = []
        var text = ""
        var rest = Substring(html)
        while !rest.isEmpty {
            if rest.first == "<", let end = rest.firstIndex(of: ">") {
                let tag = rest[rest.index(after: rest.startIndex)..<end]
                let closing = tag.hasPrefix("/")
                let name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }).lowercased()
                if Self.blockTags.contains(name) {
                    blocks.append(closing ? "/" + name : name)
                    text += " "
                }
                rest = rest[rest.index(after: end)...]
            } else {
                let end = rest.firstIndex(of: "<") ?? rest.endIndex
                text += rest[..<end]
                rest = rest[end...]
            }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        text = text.filter { $0 != "*" && $0 != "_" }
        self.blocks = blocks
        self.text = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    public var description: String { blocks.joined(separator: " ") + "\n" + text }
}
