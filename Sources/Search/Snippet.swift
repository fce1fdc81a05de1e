import Foundation

/// A piece of text around the first place a query matched.
public struct SearchSnippet: Sendable, Hashable {
    public var before: String
    public var match: String
    public var after: String

    public var plain: String { before + match + after }
}

public enum Snippets {
    /// About `radius` characters either side of the first occurrence (case-insensitive) of any
    /// of `highlights` (longest first); the start of the text when none occurs.
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
        guard let (start, length) = found else {
            let head = String(characters.prefix(radius * 2))
            return SearchSnippet(before: head + (characters.count > radius * 2 ? "…" : ""), match: "", after: "")
        }
        let low = max(0, start - radius)
        let high = min(characters.count, start + length + radius)
        return SearchSnippet(before: (low > 0 ? "…" : "") + String(characters[low..<start]),
                             match: String(characters[start..<(start + length)]),
                             after: String(characters[(start + length)..<high]) + (high < characters.count ? "…" : ""))
    }
}
