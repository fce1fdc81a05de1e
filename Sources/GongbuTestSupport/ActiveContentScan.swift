/// Finds markup in a rendered page that a browser would execute: script elements other than the
/// theme's own, frames and plug-in elements, event-handler attributes, and URLs whose scheme runs
/// code (`javascript:`, `vbscript:`, `data:`).
///
/// The scan reads tags the way a browser tokenizer does (text between tags is ignored, so escaped
/// prose such as `javascript:alert(1)` written in a paragraph is not a finding; attribute values
/// are entity-decoded and stripped of the whitespace and control characters browsers skip before
/// checking a scheme). It backs the fuzz target for rendered pages and the markup tests, which
/// need an oracle that cannot be fooled by either escaped text or an encoded attack.
public enum ActiveContentScan {
    /// One piece of active content: what it is and the tag it was found in.
    public struct Finding: Equatable, Sendable, CustomStringConvertible {
        public var reason: String
        public var tag: String
        public var description: String { "\(reason): \(tag)" }
    }

    /// Scripts the built-in theme loads (and the study page's cards, JSON data gongbu writes);
    /// anything else in a `<script>` is a finding.
    static let themeScripts = ["assets/gongbu.js", "assets/search.js", "assets/study.js", "/cards.js"]
    static let executableElements: Set<String> = ["iframe", "frame", "object", "embed", "applet", "base"]
    static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset", "ping",
    ]
    static let executableSchemes = ["javascript:", "vbscript:", "data:"]

    public static func findings(inHTML html: String) -> [Finding] {
        var result: [Finding] = []
        let bytes = Array(html.utf8)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            // Comments and declarations hold no attributes a browser runs.
            if bytes[index...].starts(with: Array("<!--".utf8)) {
                index = bytes[min(index + 4, bytes.count)...].firstRange(of: Array("-->".utf8))?.upperBound ?? bytes.count
                continue
            }
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            guard isLetter(next) else {
                index += 1
                continue
            }
            let (tag, end) = readTag(bytes, from: index)
            let text = String(decoding: bytes[index..<min(end, bytes.count)], as: UTF8.self)
            inspect(tag, text: text, into: &result)
            if tag.name == "script" || tag.name == "style" {
                // Raw text elements: skip to the end tag without reading their content as tags.
                let close = Array("</\(tag.name)".utf8)
                index = findCaseInsensitive(close, in: bytes, from: end) ?? bytes.count
            } else {
                index = end
            }
        }
        return result
    }

    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
    }

    static func inspect(_ tag: Tag, text: String, into result: inout [Finding]) {
        let short = String(text.prefix(120))
        if tag.name == "script" {
            let source = tag.attributes.first { $0.name == "src" }?.value ?? ""
            if !themeScripts.contains(where: { source.hasSuffix($0) }) {
                result.append(Finding(reason: "script element", tag: short))
            }
        }
        if executableElements.contains(tag.name) {
            result.append(Finding(reason: "\(tag.name) element", tag: short))
        }
        // Alias pages redirect with a meta refresh to a relative URL in the site; a refresh to
        // another site or to an executable scheme is a finding.
        if tag.name == "meta", tag.attributes.contains(where: { $0.name == "http-equiv" && $0.value.lowercased() == "refresh" }) {
            let content = decodeEntities(tag.attributes.first { $0.name == "content" }?.value ?? "").lowercased()
            let target = content.range(of: "url=").map { String(content[$0.upperBound...]) } ?? ""
            let squeezed = String(String.UnicodeScalarView(target.unicodeScalars.filter { $0.value > 0x20 && $0 != "'" && $0 != "\"" }))
            if squeezed.contains(":") || squeezed.hasPrefix("//") || squeezed.hasPrefix("\\") {
                result.append(Finding(reason: "meta refresh to another site or scheme", tag: short))
            }
        }
        for attribute in tag.attributes {
            if attribute.name.hasPrefix("on") && attribute.name.count > 2 {
                result.append(Finding(reason: "event handler \(attribute.name)", tag: short))
            }
            if urlAttributes.contains(attribute.name) || attribute.name == "style" {
                let squeezed = String(String.UnicodeScalarView(decodeEntities(attribute.value).unicodeScalars.filter { $0.value > 0x20 }))
                    .lowercased()
                if attribute.name == "style" {
                    if squeezed.contains("javascript:") || squeezed.contains("expression(") {
                        result.append(Finding(reason: "script in style", tag: short))
                    }
                } else if let scheme = executableSchemes.first(where: { squeezed.hasPrefix($0) }) {
                    result.append(Finding(reason: "\(scheme) URL in \(attribute.name)", tag: short))
                }
            }
        }
    }

    /// Reads `<name attr=value …>` starting at `start`; returns the tag and the index after `>`.
    static func readTag(_ bytes: [UInt8], from start: Int) -> (Tag, Int) {
        var index = start + 1
        func readName() -> String {
            let begin = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"),
                bytes[index] != UInt8(ascii: "/"), bytes[index] != UInt8(ascii: "=")
            {
                index += 1
            }
            return String(decoding: bytes[begin..<index], as: UTF8.self).lowercased()
        }
        var tag = Tag(name: readName(), attributes: [])
        while index < bytes.count {
            while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
            guard index < bytes.count else { break }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                break
            }
            let name = readName()
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            var value = ""
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    let begin = index + 1
                    index = begin
                    while index < bytes.count, bytes[index] != quote { index += 1 }
                    value = String(decoding: bytes[begin..<min(index, bytes.count)], as: UTF8.self)
                    index += 1
                } else {
                    let begin = index
                    while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = String(decoding: bytes[begin..<index], as: UTF8.self)
                }
            }
            if !name.isEmpty { tag.attributes.append((name, value)) }
        }
        return (tag, index)
    }

    /// Decodes numeric character references and the named references that can spell a scheme.
    static func decodeEntities(_ value: String) -> String {
        guard value.contains("&") else { return value }
        let named: [String: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "tab": "\t", "newline": "\n", "colon": ":",
        ]
        var output = ""
        var rest = Substring(value)
        while let ampersand = rest.firstIndex(of: "&") {
            output += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            let body = after.prefix { $0.isLetter || $0.isNumber || $0 == "#" }
            var consumed = body.endIndex
            if consumed < after.endIndex, after[consumed] == ";" { consumed = after.index(after: consumed) }
            if body.hasPrefix("#") {
                let digits = body.dropFirst()
                let scalar =
                    digits.lowercased().hasPrefix("x")
                    ? UInt32(digits.dropFirst(), radix: 16)
                    : UInt32(digits, radix: 10)
                if let scalar, let character = Unicode.Scalar(scalar) {
                    output.unicodeScalars.append(character)
                    rest = after[consumed...]
                    continue
                }
            } else if let replacement = named[body.lowercased()] {
                output += replacement
                rest = after[consumed...]
                continue
            }
            output += "&"
            rest = after
        }
        output += rest
        return output
    }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }

    static func findCaseInsensitive(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start <= bytes.count - needle.count else { return nil }
        for index in start...(bytes.count - needle.count) {
            var matches = true
            for offset in 0..<needle.count where (bytes[index + offset] | 0x20) != (needle[offset] | 0x20) {
                matches = false
                break
            }
            if matches { return index }
        }
        return nil
    }
}
