import Foundation
import GongbuCore
import Testing

/// `NumberText` writes what `String(format:)` writes, without Foundation's formatter.
@Suite("Number text")
struct NumberTextTests {
    @Test(arguments: [(7, 2), (2024, 4), (12, 2), (5, 4), (0, 2), (-3, 3), (123_456, 2), (-45, 2)])
    func paddedMatchesPrintf(value: Int, width: Int) {
        #expect(NumberText.padded(value, width) == String(format: "%0*d", width, value))
    }

    @Test(arguments: [0.0, 0.4, 0.5, 1.5, 2.5, 426.0, 133.99, 1e6 + 0.5, -0.3, -2.5, -7.6])
    func wholeMatchesPrintf(value: Double) {
        #expect(NumberText.whole(value) == String(format: "%.0f", value))
    }
}

/// `lines()` splits as `split(separator: "\n", omittingEmptySubsequences: false)` does on LF text.
@Suite("Text lines")
struct TextLinesTests {
    @Test(arguments: ["", "\n", "한 줄", "첫째\n둘째", "a\n\nb\n", "\n\n끝", "👩‍👩‍👧 가족\n–\t탭\n"])
    func splitsAsCharactersDo(text: String) {
        #expect(text.lines() == text.split(separator: "\n", omittingEmptySubsequences: false))
        let sub = text.dropFirst(0)
        #expect(sub.lines() == sub.split(separator: "\n", omittingEmptySubsequences: false))
    }
}
