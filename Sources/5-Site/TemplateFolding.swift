import GongbuCore

/// Writes the values every page shares (`{{ui.…}}`, `{{site.…}}`) into a template's text once,
/// before it is parsed, so rendering does not look them up on every page and in every entry of
/// a list.
///
/// swift-mustache looks a name up by splitting it at dots and asking each object on the
/// context stack, with several dynamic casts per object: about 1.6 µs for a name found at the
/// top of the stack and 4.6 µs for `{{ui.mentionCountSuffix}}` inside a list (the entry misses,
/// the page's root answers). A 10,000-note site looked such names up about 600,000 times,
/// half of them inside the lists of backlinks on concept pages.
///
/// Folding must not change a page, so a tag is written in only where its value cannot differ:
/// - only variable tags (`{{ui.home}}`, `{{{ui.home}}}`, `{{& ui.home}}`), never sections;
/// - not inside a section over a note's front matter (`params`), whose maps may hold a `ui` or
///   `site` key of their own; a partial included there turns folding off for every template;
/// - not in a template that sets delimiters, switches content type or uses inheritance;
/// - not a value that is empty, blank, holds a line break (partials indent by lines) or braces
///   that would read as a tag.
///
/// Names the table lacks are left as tags (they render empty, as before).
public enum TemplateFolding {
    /// What folding one template found.
    public struct Result: Equatable, Sendable {
        /// The template with the constant tags written in; nil when the template cannot be folded.
        public var text: String?
        /// Whether a partial is included inside a section over front matter.
        public var partialInUserSection: Bool
    }

    /// Folds `constants` (dotted name → raw value) into `template`; `escape` is the template's
    /// HTML escaping, applied to values written in for `{{name}}`.
    public static func fold(_ template: String, constants: [String: String], escape: (String) -> String) -> Result {
        let bytes = Array(template.utf8)
        for refused in ["{{=", "{{%", "{{<", "{{$"] where ByteSearch.contains(template, refused) {
            // Its sections cannot be read here: any partial it includes may be inside one.
            return Result(text: nil, partialInUserSection: ByteSearch.contains(template, "{{>"))
        }
        let open = Array("{{".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        // For each open section: whether it (or one around it) is over front matter.
        var sections: [Bool] = []
        var partialInUserSection = false
        var index = 0
        while index < bytes.count {
            guard let start = ByteSearch.firstOffset(of: open, in: bytes, from: index) else {
                output += bytes[index...]
                break
            }
            output += bytes[index..<start]
            let triple = start + 2 < bytes.count && bytes[start + 2] == UInt8(ascii: "{")
            let close = Array((triple ? "}}}" : "}}").utf8)
            let innerStart = start + (triple ? 3 : 2)
            guard let end = ByteSearch.firstOffset(of: close, in: bytes, from: innerStart) else {
                output += bytes[start...]
                break
            }
            let tag = bytes[start..<end + close.count]
            index = end + close.count
            // The sigil is the byte right after the braces, as swift-mustache reads it.
            let inner = bytes[innerStart..<end]
            let inUserSection = sections.last ?? false
            var name = trimmed(inner)
            var raw = triple
            if !triple, let sigil = inner.first {
                switch sigil {
                case UInt8(ascii: "#"), UInt8(ascii: "^"):
                    let sectionName = String(decoding: trimmed(inner.dropFirst()), as: UTF8.self)
                    sections.append(inUserSection || isUserData(sectionName))
                    output += tag
                    continue
                case UInt8(ascii: "/"):
                    _ = sections.popLast()
                    output += tag
                    continue
                case UInt8(ascii: ">"):
                    if inUserSection { partialInUserSection = true }
                    output += tag
                    continue
                case UInt8(ascii: "&"):
                    name = trimmed(inner.dropFirst())
                    raw = true
                case UInt8(ascii: "!"):
                    output += tag
                    continue
                default:
                    break
                }
            }
            guard !inUserSection, let value = constants[String(decoding: name, as: UTF8.self)], canFold(value) else {
                output += tag
                continue
            }
            output += (raw ? value : escape(value)).utf8
        }
        return Result(text: String(decoding: output, as: UTF8.self), partialInUserSection: partialInUserSection)
    }

    /// The names folding writes in: `ui.<key>` for every interface string, `site.<key>` for
    /// the site's settings.
    public static func constants(ui: [String: String], site: [String: String]) -> [String: String] {
        var constants: [String: String] = [:]
        for (key, value) in ui { constants["ui." + key] = value }
        for (key, value) in site { constants["site." + key] = value }
        return constants
    }

    /// A section whose objects come from the author's front matter.
    static func isUserData(_ name: String) -> Bool {
        name.split(separator: ".").contains("params")
    }

    /// Single braces are text (`{count}` placeholders the scripts fill in), but a value must not
    /// make a tag with its neighbours: no `{{` or `}}`, no `{` at its end or `}` at its start.
    static func canFold(_ value: String) -> Bool {
        let bytes = value.utf8
        guard let first = bytes.first, let last = bytes.last else { return false }
        return bytes.contains { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
            && !bytes.contains { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
            && last != UInt8(ascii: "{") && first != UInt8(ascii: "}")
            && !ByteSearch.contains(value, "{{") && !ByteSearch.contains(value, "}}")
    }

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var slice = bytes
        while let first = slice.first, isSpace(first) { slice = slice.dropFirst() }
        while let last = slice.last, isSpace(last) { slice = slice.dropLast() }
        return slice
    }
}
