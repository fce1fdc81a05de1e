import Markdown
import Testing

/// GitHub-flavoured Markdown as Korean notes write it.
@Suite("GFM in Korean notes")
struct GFMKoreanTests {
    func html(_ markdown: String) -> String { MarkdownDocument(parsing: markdown).renderHTML() }

    @Test(arguments: [
        // Bold ending in punctuation, then a particle: CommonMark leaves the asterisks.
        ("**규약(contract)**을 지킨다.", "<p><strong>규약(contract)</strong>을 지킨다.</p>\n"),
        ("이것은 **`npm publish`**를 실행한다.", "<p>이것은 <strong><code>npm publish</code></strong>를 실행한다.</p>\n"),
        ("**\"파드\"**는 묶음이다.", "<p><strong>&quot;파드&quot;</strong>는 묶음이다.</p>\n"),
        ("*「강조」*의 예", "<p><em>「강조」</em>의 예</p>\n"),
        ("값은 **50%**이다.", "<p>값은 <strong>50%</strong>이다.</p>\n"),
        // What CommonMark already takes stays as it is.
        ("**파드**를 만든다.", "<p><strong>파드</strong>를 만든다.</p>\n"),
        ("그냥 *기울임* 글", "<p>그냥 <em>기울임</em> 글</p>\n"),
        // English without CJK is untouched: intraword underscores, a lone asterisk.
        ("snake_case_name and 2 * 3 * 4", "<p>snake_case_name and 2 * 3 * 4</p>\n"),
        ("**foo(bar)**baz", "<p>**foo(bar)**baz</p>\n"),
    ])
    func cjkFriendlyEmphasis(markdown: String, expected: String) {
        #expect(html(markdown) == expected)
    }

    @Test(arguments: [
        ("~~생성하고~~ 삭제한다.", "<p><del>생성하고</del> 삭제한다.</p>\n"),
        ("파드를 ~~만든다~~지운다.", "<p>파드를 <del>만든다</del>지운다.</p>\n"),
        ("세 개 ~~~이상~~~은 아니다", "<p>세 개 ~~~이상~~~은 아니다</p>\n"),
    ])
    func strikethrough(markdown: String, expected: String) {
        #expect(html(markdown) == expected)
    }

    @Test(arguments: [
        (
            "https://kind.sigs.k8s.io/examples/ingress/usage.yaml입니다",
            "<p><a href=\"https://kind.sigs.k8s.io/examples/ingress/usage.yaml\">https://kind.sigs.k8s.io/examples/ingress/usage.yaml</a>입니다</p>\n"
        ),
        (
            "문서는 https://kubernetes.io/ko/docs/을 보자.",
            "<p>문서는 <a href=\"https://kubernetes.io/ko/docs/\">https://kubernetes.io/ko/docs/</a>을 보자.</p>\n"
        ),
        (
            "https://ko.wikipedia.org/wiki/쿠버네티스 참고",
            "<p><a href=\"https://ko.wikipedia.org/wiki/%EC%BF%A0%EB%B2%84%EB%84%A4%ED%8B%B0%EC%8A%A4\">https://ko.wikipedia.org/wiki/쿠버네티스</a> 참고</p>\n"
        ),
        (
            "문서는 https://kubernetes.io/ko/docs/입니다.",
            "<p>문서는 <a href=\"https://kubernetes.io/ko/docs/\">https://kubernetes.io/ko/docs/</a>입니다.</p>\n"
        ),
        ("(www.example.com)에서 받는다.", "<p>(<a href=\"http://www.example.com\">www.example.com</a>)에서 받는다.</p>\n"),
        ("메일은 study@example.co.kr로.", "<p>메일은 <a href=\"mailto:study@example.co.kr\">study@example.co.kr</a>로.</p>\n"),
        ("`https://in.code/` 는 그대로", "<p><code>https://in.code/</code> 는 그대로</p>\n"),
    ])
    func autolinksStopAtKoreanText(markdown: String, expected: String) {
        #expect(html(markdown) == expected)
    }

    @Test func tablesInListsAndQuotesAndAfterAParagraph() {
        let markdown = """
            리소스 비교:
            | 종류 | 용도 |
            | :--- | ---: |
            | 파드 | `kubectl get po` |
            | 서비스 | 노출 \\| 연결 |

            - 목록 안의 표
              | a | b |
              |---|---|
              | 1 | 2 |

            > | 인용 | 표 |
            > |---|---|
            > | x | y |
            """
        let rendered = html(markdown)
        #expect(rendered.contains("<p>리소스 비교:</p>\n<table>"), "\(rendered)")
        #expect(rendered.contains("<th align=\"left\">종류</th><th align=\"right\">용도</th>"))
        #expect(rendered.contains("<td align=\"right\"><code>kubectl get po</code></td>"))
        #expect(rendered.contains("<td align=\"right\">노출 | 연결</td>"))
        #expect(rendered.contains("<li>\n<p>목록 안의 표</p>\n<table>") || rendered.contains("<li>목록 안의 표\n<table>"), "\(rendered)")
        #expect(rendered.contains("<blockquote>\n<table>"))
        #expect(rendered.components(separatedBy: "<table>").count == 4)
    }

    @Test func taskListsAndFootnotes() {
        let rendered = html("- [ ] 파드 만들기\n- [x] 노드 보기\n\n본문[^참고].\n\n[^참고]: 공식 문서를 본다.\n")
        #expect(rendered.contains("<li><input disabled=\"\" type=\"checkbox\"> 파드 만들기</li>"))
        #expect(rendered.contains("<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> 노드 보기</li>"))
        #expect(rendered.contains("본문<sup class=\"footnote-ref\"><a href=\"#fn1\" id=\"fnref1\">1</a></sup>."))
        #expect(rendered.contains("<li id=\"fn1\">\n<p>공식 문서를 본다. <a href=\"#fnref1\" class=\"footnote-backref\">↩</a></p>"))
    }

    /// The prose search and linking read includes cells, struck words and footnotes.
    @Test func proseIncludesCellsAndFootnotes() {
        let document = MarkdownDocument(parsing: "| 종류 | 설명 |\n|---|---|\n| 파드 | 컨테이너 묶음 |\n\n~~옛날~~ 글[^1]\n\n[^1]: 각주의 노드\n")
        let text = document.proseText()
        #expect(text.contains("파드 컨테이너 묶음"), "\(text)")
        #expect(text.contains("옛날 글"))
        #expect(text.contains("각주의 노드"))
    }
}
