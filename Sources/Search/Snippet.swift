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
        let flat = text.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
        let lower = flat.lowercased()
        var found: Range<String.Index>?
        for highlight in highlights.sorted(by: { $0.count > $1.count }) where !highlight.isEmpty {
            if let range = lower.range(of: highlight.lowercased()), found == nil || range.lowerBound < found!.lowerBound {
                found = range
            }
        }
        guard let range = found, lower.count == flat.count else {
            let head = String(flat.prefix(radius * 2))
            return SearchSnippet(before: head + (flat.count > radius * 2 ? "…" : ""), match: "", after: "")
        }
        // `lower` and `flat` have the same characters (lower-casing Hangul and ASCII keeps counts).
        let start = flat.distance(from: flat.startIndex, to: lower.index(lower.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: range.lowerBound)))
        let length = lower.distance(from: range.lowerBound, to: range.upperBound)
        let characters = Array(flat)
        let low = max(0, start - radius)
        let high = min(characters.count, start + length + radius)
        return SearchSnippet(before: (low > 0 ? "…" : "") + String(characters[low..<start]),
                             match: String(characters[start..<(start + length)]),
                             after: String(characters[(start + length)..<high]) + (high < characters.count ? "…" : ""))
    }
}
