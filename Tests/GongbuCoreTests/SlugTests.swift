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
        ("../../etc/passwd", "etcpasswd"),
        ("a/b\\c", "abc"),
        ("🚀 실습 🚀", "실습"),
        ("C++ & Go!", "c-go"),
        ("CON", "con_"),
        ("Ünïcödé", "Ünïcödé"),
        ("v1.2.3", "v123"),
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
