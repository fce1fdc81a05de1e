/// "Did you mean …?" support: Damerau-style edit distance over Unicode scalars.
public enum Suggest {
    /// Optimal string alignment distance (insertions, deletions, substitutions and adjacent
    /// transpositions each cost 1), so `contianers` is one edit from `containers`.
    /// Stops early and returns `limit + 1` once the distance must exceed `limit`.
    public static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let s = Array(a.unicodeScalars)
        let t = Array(b.unicodeScalars)
        if abs(s.count - t.count) > limit { return limit == .max ? limit : limit + 1 }
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var previousPrevious = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[t.count]
    }

    /// The candidate closest to `word` (case-insensitive), if it is close enough to be a likely typo:
    /// at most a third of the word's length, and at most 3 edits.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        ranked(word, among: candidates, limit: 1).first
    }

    /// Up to `limit` plausible candidates, closest first, ties in alphabetical order.
    public static func ranked(_ word: String, among candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let lowered = word.lowercased()
        let threshold = max(1, min(3, lowered.unicodeScalars.count / 3))
        var scored: [(Int, String)] = []
        for candidate in candidates {
            let distance = distance(lowered, candidate.lowercased(), limit: threshold)
            if distance <= threshold { scored.append((distance, candidate)) }
        }
        scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var seen = Set<String>()
        return scored.map(\.1).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
    }
}
