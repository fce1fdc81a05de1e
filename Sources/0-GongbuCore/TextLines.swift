extension StringProtocol {
    /// The lines of the text, split at each `\n` on its UTF-8 bytes (empty lines kept): what
    /// `split(separator: "\n", omittingEmptySubsequences: false)` gives for text whose line
    /// breaks are LF (`TextDecoding` makes every note's so), without breaking the text into
    /// characters first, which showed up in profiles on Korean notes.
    public func lines() -> [SubSequence] {
        var lines: [SubSequence] = []
        var start = startIndex
        var index = utf8.startIndex
        while let newline = utf8[index...].firstIndex(of: 0x0A) {
            lines.append(self[start..<newline])
            index = utf8.index(after: newline)
            start = index
        }
        lines.append(self[start...])
        return lines
    }
}
