import GongbuCore

/// A search result's context: the text around the first place a query matched.
public typealias SearchSnippet = TextSnippet

public enum Snippets {
    /// About `radius` characters either side of the first occurrence (case-insensitive) of any
    /// of `highlights` (longest first), cut by `TextSnippet.around`; the start of the text when
    /// none occurs. Lines are joined with spaces.
    public static func make(_ text: String, highlights: [String], radius: Int = 40) -> SearchSnippet {
        let characters = Array(text.split(whereSeparator: { $0.isNewline }).joined(separator: " "))
        // Compared character by character, each lower-cased on its own, so positions in the
        // lowered text are positions in the original (lower-casing can change lengths).
        let lowered = characters.map { String($0).lowercased() }
        var found: (start: Int, length: Int)?
        for highlight in highlights.sorted(by: { $0.count > $1.count }) where !highlight.isEmpty {
            let needle = highlight.map { String($0).lowercased() }
            guard needle.count <= lowered.count else { continue }
            var position = 0
            search: while position + needle.count <= lowered.count {
                if found.map({ position >= $0.start }) == true { break }
                if lowered[position] == needle[0] {
                    var offset = 1
                    while offset < needle.count, lowered[position + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count {
                        found = (position, needle.count)
                        break search
                    }
                }
                position += 1
            }
        }
        let bytes = Array(String(characters).utf8)
        guard let (start, length) = found else { return TextSnippet.head(bytes, radius: radius) }
        // Character positions to byte offsets.
        let startByte = characters[..<start].reduce(0) { $0 + $1.utf8.count }
        let endByte = startByte + characters[start..<(start + length)].reduce(0) { $0 + $1.utf8.count }
        return TextSnippet.around(bytes, start: startByte, end: endByte, radius: radius)
    }
}
