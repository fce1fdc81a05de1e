import Foundation

/// `[[target]]`, `[[target|label]]` and `[[note-slug#heading]]` in text.
enum Wikilinks {
    struct Found {
        /// Byte range of the whole `[[…]]`.
        var range: Range<Int>
        /// What is between the brackets.
        var raw: String
        /// The id, slug or alias named.
        var target: String
        var label: String?
        /// A heading of a note (`[[pods#만들기]]`).
        var fragment: String?
    }

    static func find(in bytes: [UInt8]) -> [Found] {
        var result: [Found] = []
        var index = 0
        let count = bytes.count
        while index + 1 < count {
            guard bytes[index] == 0x5B, bytes[index + 1] == 0x5B else {
                index += 1
                continue
            }
            var end = index + 2
            var closed = false
            while end + 1 < count {
                if bytes[end] == 0x5D && bytes[end + 1] == 0x5D {
                    closed = true
                    break
                }
                if bytes[end] == 0x5B || bytes[end] == 0x0A { break }
                end += 1
            }
            guard closed, end > index + 2 else {
                index += 2
                continue
            }
            let raw = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
            var target = raw
            var label: String?
            if let bar = raw.firstIndex(of: "|") {
                target = String(raw[..<bar])
                label = String(raw[raw.index(after: bar)...]).trimmingCharacters(in: .whitespaces)
                if label?.isEmpty == true { label = nil }
            }
            var fragment: String?
            if let hash = target.firstIndex(of: "#") {
                fragment = String(target[target.index(after: hash)...]).trimmingCharacters(in: .whitespaces)
                target = String(target[..<hash])
            }
            target = target.trimmingCharacters(in: .whitespaces)
            if !target.isEmpty {
                result.append(
                    Found(
                        range: index..<(end + 2), raw: raw, target: target, label: label,
                        fragment: fragment?.isEmpty == false ? fragment : nil))
            }
            index = end + 2
        }
        return result
    }
}

/// Hugo shortcodes (`{{< glossary_tooltip term_id="job" >}}`, `{{% note %}}`) in notes moved over
/// from a Hugo site: their insides are markup, not prose, so nothing in them is linked.
enum Shortcodes {
    static func spans(in bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = 0
        let count = bytes.count
        while index + 2 < count {
            guard bytes[index] == 0x7B, bytes[index + 1] == 0x7B, bytes[index + 2] == 0x3C || bytes[index + 2] == 0x25 else {
                index += 1
                continue
            }
            let closer = bytes[index + 2] == 0x3C ? UInt8(0x3E) : UInt8(0x25)
            var end = index + 3
            var found = false
            while end + 2 < count {
                if bytes[end] == closer && bytes[end + 1] == 0x7D && bytes[end + 2] == 0x7D {
                    found = true
                    break
                }
                end += 1
            }
            guard found else { break }
            result.append(index..<(end + 3))
            index = end + 3
        }
        return result
    }
}
