import Testing

@testable import GongbuCore

@Suite("Slugs")
struct SlugTests {
    @Test(arguments: [
        ("Hello World", "hello-world"),
        ("파드 기초", "파드-기초"),
        ("Pod 네트워크 (심화)", "pod-네트워크-심화"),
        ("  spaced   out  ", "spaced-out"),
        ("snake_case-and-dash", "snake_case-and-dash"),
        ("../../etc/passwd", "etc-passwd"),
        ("a/b\\c", "a-b-c"),
        ("Adapter Pattern(어댑터)", "adapter-pattern-어댑터"),
        ("그림 1. 파드의 구조", "그림-1-파드의-구조"),
        ("don't stop", "dont-stop"),
        ("🚀 실습 🚀", "실습"),
        ("C++ & Go!", "c-go"),
        ("CON", "con_"),
        ("Ünïcödé", "Ünïcödé"),
        ("v1.2.3", "v1-2-3"),
        ("🚀", ""),
    ])
    func makesSafeSlugs(input: String, expected: String) {
        #expect(Slug.make(input) == expected)
    }

    @Test func fallbackIsStableAndShort() {
        let first = Slug.fallback(for: "🚀.md", prefix: "note")
        #expect(first == Slug.fallback(for: "🚀.md", prefix: "note"))
        #expect(first.hasPrefix("note-") && first.count == 13)
        #expect(first != Slug.fallback(for: "🎉.md", prefix: "note"))
    }
}
