/// Maps positions in a text between bytes and characters, for diagnostics.
///
/// Parsers report byte columns (cmark) or scalar columns (libyaml); editors and terminals
/// count characters. Only built when a diagnostic needs it.
public struct SourceText: Sendable {
    private let bytes: [UInt8]
    /// Byte offset of the start of each line (line 1 at index 0).
    private let lineStarts: [Int]

    public init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
        lineStarts = starts
    }

    public var lineCount: Int { lineStarts.count }

    /// The text of a 1-based line, without its newline.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end < start { end = start }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The 1-based character column of a 1-based byte column on a line.
    public func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return max(byteColumn, 1) }
        let start = lineStarts[line - 1]
        let end = min(start + byteColumn - 1, bytes.count)
        var characters = 0
        for index in start..<end where bytes[index] & 0xC0 != 0x80 { characters += 1 }
        return characters + 1
    }

    /// The 1-based byte column where `needle` first occurs on `line` at or after `fromByteColumn`.
    public func byteColumn(of needle: String, line: Int, fromByteColumn: Int = 1) -> Int? {
        guard let text = self.line(line) else { return nil }
        let lineBytes = Array(text.utf8)
        let target = Array(needle.utf8)
        guard !target.isEmpty, lineBytes.count >= target.count else { return nil }
        var index = max(fromByteColumn - 1, 0)
        while index + target.count <= lineBytes.count {
            if lineBytes[index..<(index + target.count)].elementsEqual(target) { return index + 1 }
            index += 1
        }
        return nil
    }
}
