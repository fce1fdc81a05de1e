import Markdown
import Testing

/// Obsidian's `==highlight==`, on for notes and off for GitHub's own extensions.
@Suite("Highlights")
struct HighlightMarkTests {
    func notes(_ markdown: String) -> String { MarkdownDocument(parsing: markdown, extensions: .notes).renderHTML() }

    @Test(arguments: [
        ("파드는 ==가장 작은 단위==다.", "<p>파드는 <mark>가장 작은 단위</mark>다.</p>\n"),
        ("==**굵게** 강조==", "<p><mark><strong>굵게</strong> 강조</mark></p>\n"),
        ("a == b 이면 같다", "<p>a == b 이면 같다</p>\n"),
        ("`==코드==`", "<p><code>==코드==</code></p>\n"),
        ("=== 세 개 ===", "<p>=== 세 개 ===</p>\n"),
        ("==열리기만", "<p>==열리기만</p>\n"),
        ("가 ==가나==는 b", "<p>가 <mark>가나</mark>는 b</p>\n"),
        ("가 ==ab== 다", "<p>가 <mark>ab</mark> 다</p>\n"),
        ("if a==b and c==d then", "<p>if a==b and c==d then</p>\n"),
        ("Pod의 ==restartPolicy==는 Always", "<p>Pod의 <mark>restartPolicy</mark>는 Always</p>\n"),
    ])
    func highlights(markdown: String, html: String) {
        #expect(notes(markdown) == html)
    }

    @Test func notInGitHubsExtensions() {
        #expect(MarkdownDocument(parsing: "==강조==", extensions: .all).renderHTML() == "<p>==강조==</p>\n")
    }
}
