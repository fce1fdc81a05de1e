/// A note's text split into its YAML front matter and its Markdown body.
///
/// Front matter is Jekyll/Hugo style: the first line is exactly `---` (trailing spaces allowed)
/// and it ends at the next line that is `---` or `...`.
public struct FrontMatterSplit: Sendable, Hashable {
    /// The YAML text between the fences, or nil when the note has no front matter.
    public var yaml: String?
    /// 1-based line of the first YAML line in the file.
    public var yamlStartLine: Int
    /// The Markdown after the closing fence (or the whole text).
    public var body: String
    /// 1-based line of the first body line in the file, to map Markdown positions back to the file.
    public var bodyStartLine: Int
    /// True when an opening fence was found but no closing one.
    public var unterminated: Bool

    public static func split(_ text: String) -> FrontMatterSplit {
        let whole = FrontMatterSplit(yaml: nil, yamlStartLine: 1, body: text, bodyStartLine: 1, unterminated: false)
        guard text.hasPrefix("---") else { return whole }
        let utf8 = text.utf8
        guard let firstNewline = utf8.firstIndex(of: 0x0A) else {
            // A file that is only `---`: treat as empty front matter with no body.
            return isFence(text[...]) ? FrontMatterSplit(yaml: "", yamlStartLine: 2, body: "", bodyStartLine: 2, unterminated: true) : whole
        }
        guard isFence(text[text.startIndex..<firstNewline]) else { return whole }
        var lineStart = utf8.index(after: firstNewline)
        var line = 2
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            let content = text[lineStart..<lineEnd]
            if isFence(content) || isDocumentEnd(content) {
                let yaml = String(text[utf8.index(after: firstNewline)..<lineStart])
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                return FrontMatterSplit(
                    yaml: yaml, yamlStartLine: 2, body: String(text[bodyStart...]),
                    bodyStartLine: line + 1, unterminated: false)
            }
            line += 1
            lineStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
        }
        return FrontMatterSplit(yaml: nil, yamlStartLine: 2, body: text, bodyStartLine: 1, unterminated: true)
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }

    private static func isDocumentEnd(_ line: Substring) -> Bool {
        line.hasPrefix("...") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
