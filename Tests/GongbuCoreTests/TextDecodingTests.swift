import Testing

@testable import GongbuCore

@Suite("Text decoding")
struct TextDecodingTests {
    @Test func dropsByteOrderMark() throws {
        let decoded = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("---\ntitle: x\n---\n".utf8))
        #expect(decoded.text == "---\ntitle: x\n---\n")
    }

    @Test(arguments: [
        ("a\r\nb\r\n", "a\nb\n"),
        ("a\rb\r", "a\nb\n"),
        ("a\r\n\rb", "a\n\nb"),
        ("plain\n", "plain\n"),
    ])
    func normalisesLineEndings(input: String, expected: String) throws {
        #expect(try TextDecoding.decode(Array(input.utf8)).text == expected)
    }

    @Test func replacesNULAndSaysSo() throws {
        let decoded = try TextDecoding.decode(Array("a\u{0}b".utf8))
        #expect(decoded.text == "a\u{FFFD}b")
        #expect(decoded.notes == [DecodedText.Note(message: "1 NUL byte replaced with U+FFFD (the first here)", line: 1, column: 2)])
        // Lines count every kind of line ending; columns count characters.
        let mixed = try TextDecoding.decode(Array("하나\r둘\r\n셋째 줄\u{0}\u{0}\n".utf8))
        #expect(mixed.notes.map(\.line) == [3])
        #expect(mixed.notes.map(\.column) == [5])
        #expect(mixed.notes.first?.message.hasPrefix("2 NUL bytes") == true)
    }

    @Test func reportsOffsetLineAndColumnOfInvalidUTF8() {
        let bytes = Array("첫 줄\n둘째 ".utf8) + [0xFF] + Array(" 끝".utf8)
        #expect(throws: TextDecodingError(byteOffset: 15, line: 2, column: 8)) {
            try TextDecoding.decode(bytes)
        }
    }

    @Test(arguments: [
        ([0xC0, 0x80] as [UInt8], 0),  // overlong NUL
        ([0x61, 0xED, 0xA0, 0x80], 1),  // UTF-16 surrogate
        ([0x61, 0x62, 0xE0, 0x80], 2),  // truncated: the lead byte is reported
        ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
        ([0x61, 0xEA, 0xB0], 1),  // cut off at the end
    ])
    func findsInvalidSequences(bytes: [UInt8], offset: Int) {
        #expect(TextDecoding.firstInvalidUTF8Offset(bytes) == offset)
    }

    @Test func acceptsValidMultibyteText() {
        #expect(TextDecoding.firstInvalidUTF8Offset(Array("파드 Pod 🚀 é".utf8)) == nil)
    }

    @Test func composesDecomposedHangul() throws {
        let decomposed = "\u{1111}\u{1161}\u{1103}\u{1173}"  // 파드 as conjoining jamo (macOS file names)
        let decoded = try TextDecoding.decode(Array(decomposed.utf8))
        #expect(decoded.text.unicodeScalars.map(\.value) == [0xD30C, 0xB4DC])
        #expect(decoded.text == "파드")
    }

    @Test func composesCombiningAccents() {
        #expect(TextDecoding.nfc("e\u{301}").unicodeScalars.map(\.value) == [0xE9])
    }
}
