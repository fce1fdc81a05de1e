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
            guard bytes[index] == 0x5B, bytes[index + 1] == 0x5B else { index += 1; continue }
            var end = index + 2
            var closed = false
            while end + 1 < count {
                if bytes[end] == 0x5D && bytes[end + 1] == 0x5D { closed = true; break }
                if bytes[end] == 0x5B || bytes[end] == 0x0A { break }
                end += 1
            }
            guard closed, end > index + 2 else { index += 2; continue }
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
                result.append(Found(range: index..<(end + 2), raw: raw, target: target, label: label,
                                    fragment: fragment?.isEmpty == false ? fragment : nil))
            }
            index = end + 2
        }
        return result
    }
}
