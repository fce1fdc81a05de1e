import GongbuCore
import Testing

@Suite("Byte search")
struct ByteSearchTests {
    @Test(
        arguments: [
            ("abcabd", "abd", 0, 3), ("abcabd", "abc", 0, 0), ("abcabd", "abc", 1, nil), ("aaab", "aab", 0, 1), ("파드가 뜬다", "뜬", 0, 10),
            ("abc", "abcd", 0, nil), ("", "a", 0, nil), ("abc", "c", 2, 2),
        ] as [(String, String, Int, Int?)])
    func firstOffset(haystack: String, needle: String, start: Int, expected: Int?) {
        #expect(ByteSearch.firstOffset(of: Array(needle.utf8), in: Array(haystack.utf8), from: start) == expected)
        #expect(ByteSearch.contains(haystack, needle) == (ByteSearch.firstOffset(of: Array(needle.utf8), in: Array(haystack.utf8)) != nil))
    }
}
