import GongbuTestSupport
import HTML
import Testing

@Suite("HTML sanitizer")
struct HTMLSanitizerTests {
    let sanitizer = HTMLSanitizer()

    func clean(_ html: String) -> String { sanitizer.sanitize([html]).pieces.joined() }

    @Test(arguments: [
        // Kept as written.
        ("<details><summary>정답</summary>파드다</details>", "<details><summary>정답</summary>파드다</details>"),
        ("<kbd>Ctrl</kbd>+<kbd>C</kbd>", "<kbd>Ctrl</kbd>+<kbd>C</kbd>"),
        (
            "<u>밑줄</u> <ins>추가</ins> <del>삭제</del> <s>취소</s> <mark>강조</mark>",
            "<u>밑줄</u> <ins>추가</ins> <del>삭제</del> <s>취소</s> <mark>강조</mark>"
        ),
        (
            "H<sub>2</sub>O, x<sup>2</sup>, <small>작게</small>, <abbr title=\"Custom Resource\">CR</abbr>",
            "H<sub>2</sub>O, x<sup>2</sup>, <small>작게</small>, <abbr title=\"Custom Resource\">CR</abbr>"
        ),
        ("줄<br>바꿈<br/>", "줄<br>바꿈<br>"),
        ("<aside>💡 질문: 파드는 왜 필요할까?</aside>", "<aside>💡 질문: 파드는 왜 필요할까?</aside>"),
        // Alignment becomes a class; everything else about presentation goes.
        (
            "<p align=\"center\"><img src=\"https://example.com/a.png\" width=\"400\" style=\"border:0\"></p>",
            "<p class=\"align-center\"><img src=\"https://example.com/a.png\" width=\"400\"></p>"
        ),
        ("<center>출처: 공식 문서</center>", "<div class=\"align-center\">출처: 공식 문서</div>"),
        ("<div align=\"right\" class=\"x\" id=\"y\">오른쪽</div>", "<div class=\"align-right\">오른쪽</div>"),
        // Unknown and layout elements go, their text stays.
        ("<font color=\"red\">빨강</font> <section><label>이름</label></section>", "빨강 이름"),
        ("<Tabs><TabItem value=\"a\">첫째</TabItem></Tabs>", "첫째"),
        // Tables.
        (
            "<table><tr><th colspan=\"2\">헤더</th></tr><tr><td align=\"center\">칸</td></tr></table>",
            "<table><tbody><tr><th colspan=\"2\">헤더</th></tr><tr><td class=\"align-center\">칸</td></tr></tbody></table>"
        ),
        // Text is escaped again; entities are decoded by the parser.
        ("<span>a &lt; b &amp;&amp; c &gt; d</span>", "<span>a &lt; b &amp;&amp; c &gt; d</span>"),
        // Links: safe schemes stay; new tabs get rel.
        (
            "<a href=\"https://kubernetes.io\" target=\"_blank\">문서</a>",
            "<a href=\"https://kubernetes.io\" target=\"_blank\" rel=\"noopener noreferrer\">문서</a>"
        ),
        (
            "<a href=\"mailto:me@example.com\">메일</a> <a href=\"#intro\">처음</a>",
            "<a href=\"mailto:me@example.com\">메일</a> <a href=\"#intro\">처음</a>"
        ),
    ])
    func keepsSafeMarkup(input: String, expected: String) {
        #expect(clean(input) == expected)
    }

    @Test(arguments: [
        ("<script>alert(1)</script>본문", "본문", [String]()),
        ("<style>body{display:none}</style>본문", "본문", []),
        ("<div onclick=\"alert(2)\" onmouseover=\"x()\">클릭</div>", "<div>클릭</div>", []),
        ("<iframe src=\"https://www.youtube.com/embed/x\"></iframe>영상", "영상", ["<iframe>"]),
        ("<a href=\"javascript:alert(3)\">링크</a>", "<a>링크</a>", ["link with an unsafe 'href'"]),
        ("<a href=\" JaVa&#x09;ScRiPt:alert(4)\">링크</a>", "<a>링크</a>", ["link with an unsafe 'href'"]),
        ("<img src=\"data:image/png;base64,AAAA\" alt=\"그림\">", "", ["image with an unsafe 'src'"]),
        ("<svg><script>alert(5)</script><text>글</text></svg>뒤", "뒤", ["<svg>"]),
        ("<form action=\"/x\"><input name=\"q\"><button>검색</button></form>", "검색", ["<input>"]),
        ("<object data=\"x.swf\"></object><embed src=\"y.swf\">", "", ["<object>", "<embed>"]),
        ("<math><mi>x</mi></math>", "", ["<math>"]),
        ("<!-- 숨은 메모 -->보이는 글", "보이는 글", []),
    ])
    func removesActiveContent(input: String, expected: String, removed: [String]) {
        let result = sanitizer.sanitize([input])
        #expect(result.pieces.joined() == expected)
        #expect(result.removed.map(\.what) == removed)
        #expect(ActiveContentScan.findings(inHTML: result.pieces.joined()).isEmpty)
    }

    @Test func piecesOpenedAndClosedApartStayInStep() {
        // `<details>` … Markdown … `</details>`: the element spans the Markdown between pieces.
        let result = sanitizer.sanitize(["<details>\n<summary>풀이 보기</summary>", "</details>", "<kbd>", "</kbd>"])
        #expect(result.pieces == ["<details>\n<summary>풀이 보기</summary>", "</details>", "<kbd>", "</kbd>"])
    }

    @Test func anUnclosedElementIsClosedInTheLastPiece() {
        let result = sanitizer.sanitize(["<div align=\"center\">", "<br>"])
        #expect(result.pieces == ["<div class=\"align-center\">", "<br></div>"])
    }

    @Test func markersInsideRemovedRawTextStayInStep() {
        // The script swallows the next piece as text; the pieces still line up.
        let result = sanitizer.sanitize(["<script>", "x()", "</script>", "<b>굵게</b>"])
        #expect(result.pieces.count == 4)
        #expect(result.pieces.last == "<b>굵게</b>")
    }

    @Test func aForgedMarkerIsOnlyAComment() {
        let result = sanitizer.sanitize(["<!--gongbu-piece--><b>a</b>", "<i>b</i>"])
        #expect(result.pieces == ["<b>a</b>", "<i>b</i>"])
    }

    @Test func relativeURLsAreRewrittenAndTheRemovalNamesItsPiece() {
        let result = sanitizer.sanitize(["<p>앞</p>", "<img src=\"images/diagram.png\"><a href=\"../pods.md\">파드</a><iframe></iframe>"]) {
            url, kind, _ in (kind == .image ? "IMG:" : "A:") + url
        }
        #expect(result.pieces[1] == "<img src=\"IMG:images/diagram.png\"><a href=\"A:../pods.md\">파드</a>")
        #expect(result.removed == [.init(what: "<iframe>", piece: 1)])
        #expect(result.text == "앞파드")
    }

    @Test func hostileAttributeValuesAreQuotedSafely() {
        let html = clean("<abbr title='\"><script>alert(1)</script>'>x</abbr>")
        #expect(html == "<abbr title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">x</abbr>")
        #expect(ActiveContentScan.findings(inHTML: html).isEmpty)
    }
}
