import Testing

@testable import Markdown

@Suite("cmark wrapper")
struct MarkdownDocumentTests {
    @Test func walksNodesWithPositions() {
        let document = MarkdownDocument(parsing: "# 제목\n\n본문 *강조*\n\n```yaml expect-error\nkind: Pod\n```\n")
        let blocks = document.root.children
        #expect(blocks.map(\.kind) == [.heading, .paragraph, .codeBlock])
        #expect(blocks[0].headingLevel == 1)
        #expect(blocks[1].startLine == 3)
        #expect(blocks[2].fenceInfo == "yaml expect-error")
        #expect(blocks[2].literal == "kind: Pod\n")
        #expect(blocks[2].startLine == 5)
        #expect(document.nodes(of: .emphasis).count == 1)
        #expect(blocks[1].plainText == "본문 강조")
    }

    @Test func editsTextNodesAndRendersCustomInlines() {
        let document = MarkdownDocument(parsing: "파드가 뜬다\n")
        let text = document.nodes(of: .text)[0]
        let link = MarkdownNode.customInline(onEnter: "<a class=\"concept\" href=\"../pod/\">", onExit: "</a>")
        link.appendChild(.text("파드"))
        text.insertBefore(link)
        text.literal = "가 뜬다"
        #expect(document.renderHTML() == "<p><a class=\"concept\" href=\"../pod/\">파드</a>가 뜬다</p>\n")
    }

    @Test func safeModeDropsRawHTMLAndDangerousURLs() {
        let markdown =
            "<script>alert(1)</script>\n\n[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) <b onclick=\"x\">b</b>\n\n![i](vbscript:x)\n"
        let html = MarkdownDocument(parsing: markdown).renderHTML()
        #expect(!html.contains("<script"))
        #expect(!html.lowercased().contains("javascript:"))
        #expect(!html.contains("onclick"))
        #expect(!html.contains("vbscript"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
        let unsafe = MarkdownDocument(parsing: markdown).renderHTML(.init(unsafe: true))
        #expect(unsafe.contains("<script>alert(1)</script>"))
    }

    @Test func codeBlocksKeepLanguageClasses() {
        let html = MarkdownDocument(parsing: "```bash\nkubectl get pods\n```\n").renderHTML()
        #expect(html == "<pre><code class=\"language-bash\">kubectl get pods\n</code></pre>\n")
    }

    @Test func deepNestingDoesNotOverflow() {
        let markdown = String(repeating: ">", count: 5_000) + " deep\n" + String(repeating: "- ", count: 2_000) + "item\n"
        let document = MarkdownDocument(parsing: markdown)
        var count = 0
        for _ in document.walk() { count += 1 }
        #expect(count > 10_000)
        #expect(document.renderHTML().contains("deep"))
    }

    @Test func inlineRenderingOfAHeading() {
        let document = MarkdownDocument(parsing: "## `kubectl` *명령*\n")
        #expect(MarkdownDocument.renderInlineHTML(document.root.children[0]) == "<code>kubectl</code> <em>명령</em>")
        // The heading keeps its children afterwards.
        #expect(document.renderHTML() == "<h2><code>kubectl</code> <em>명령</em></h2>\n")
    }
}

@Suite("Rendering block by block")
struct ConsumeHTMLTests {
    /// `consumeHTML` frees the tree as it goes and must give exactly `renderHTML`'s output.
    @Test(arguments: [
        "# 제목\n\n문단 *강조* `코드`\n둘째 줄\n",
        "- 하나\n- 둘\n\n  이어진 문단\n- 셋\n\n1. 번호\n2. 목록\n",
        "> 인용\n> > 중첩\n\n```yaml\na: 1\n```\n\n    들여쓴 코드\n",
        "<div>\n원시 HTML\n</div>\n\n---\n\n[링크](http://example.com) ![그림](a.png)\n",
        "",
        "문단 하나뿐",
    ])
    func sameAsRenderingTheWholeDocument(markdown: String) {
        for unsafe in [false, true] {
            let options = MarkdownDocument.RenderOptions(unsafe: unsafe)
            let expected = MarkdownDocument(parsing: markdown).renderHTML(options)
            let document = MarkdownDocument(parsing: markdown)
            #expect(document.consumeHTML(options) == expected)
            #expect(document.root.firstChild == nil)
        }
    }
}

@Suite("Headings and text")
struct HeadingTests {
    @Test func givesStableUniqueIDs() {
        let document = MarkdownDocument(
            parsing: "## 파드 만들기\n\n## 파드 만들기\n\n### 실습 🚀\n\n## 🚀\n\n## Pod & Service\n\n## 3. PV / PVC 동작 원리\n")
        let headings = HeadingAnchors.apply(to: document)
        // GitHub's ids, so links copied from a README land: runs of hyphens are kept.
        #expect(headings.map(\.id) == ["파드-만들기", "파드-만들기-1", "실습-", "section", "pod--service", "3-pv--pvc-동작-원리"])
        #expect(headings.map(\.level) == [2, 2, 3, 2, 2, 2])
        #expect(headings[2].text == "실습 🚀")
        let html = document.renderHTML()
        #expect(
            html.hasPrefix(
                "<h2 id=\"파드-만들기\">파드 만들기<a class=\"heading-anchor\" href=\"#파드-만들기\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h2>\n"
            ))
    }

    /// Repeats number on from the last number their base used, skipping ids taken by literal
    /// headings (`파드-2`) and reserved ids, exactly as a walk from 1 would.
    @Test(
        arguments: [
            (["파드", "파드", "파드"], [], ["파드", "파드-1", "파드-2"]),
            (["파드-2", "파드", "파드", "파드", "파드"], [], ["파드-2", "파드", "파드-1", "파드-3", "파드-4"]),
            (["파드", "파드", "파드-1"], [], ["파드", "파드-1", "파드-1-1"]),
            (["toc", "toc"], ["toc", "toc-1"], ["toc-2", "toc-3"]),
            (["🚀", "✨", "섹션"], [], ["section", "section-1", "섹션"]),
        ] as [([String], [String], [String])])
    func repeatedHeadingIDs(texts: [String], reserved: [String], expected: [String]) {
        var ids = HeadingAnchors.UniqueIDs(used: Set(reserved))
        #expect(texts.map { ids.make(for: $0) } == expected)
    }

    /// 20,000 headings with one text (notes joined into one file) stay linear: this took
    /// minutes when each repeat walked every earlier number.
    @Test func manyRepeatsStayLinear() {
        var ids = HeadingAnchors.UniqueIDs()
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<20_000 { _ = ids.make(for: "매니페스트 예제") }
        }
        #expect(ids.make(for: "매니페스트 예제") == "매니페스트-예제-20000")
        #expect(elapsed < .seconds(5), "\(elapsed)")
    }

    @Test func headingMarkupStaysSafe() {
        let document = MarkdownDocument(parsing: "## <img src=x onerror=alert(1)> 제목\n")
        HeadingAnchors.apply(to: document)
        let html = document.renderHTML()
        #expect(!html.contains("onerror"))
        // The tag is dropped before the id is made, so only the text names the heading.
        #expect(
            html
                == "<h2 id=\"제목\"><!-- raw HTML omitted --> 제목<a class=\"heading-anchor\" href=\"#제목\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h2>\n"
        )
    }

    @Test func leadingTitleAndFirstLine() {
        #expect(MarkdownDocument(parsing: "# 제목\n\n본문").leadingTitleHeading?.plainText == "제목")
        #expect(MarkdownDocument(parsing: "본문\n\n# 제목").leadingTitleHeading == nil)
        #expect(MarkdownDocument(parsing: "```\ncode\n```\n\n첫 줄이다\n둘째 줄").firstLineOfText == "첫 줄이다")
    }

    @Test func summaryIsTheFirstParagraphCut() {
        let long = String(repeating: "가나다 ", count: 100)
        let summary = MarkdownDocument(parsing: "## h\n\n\(long)\n").summary(limit: 20)!
        #expect(summary.hasSuffix("…"))
        #expect(summary.count <= 21)
    }
}
