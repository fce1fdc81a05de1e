import Analysis
import Content
import Glossary
import GongbuCore
import Manifests
import Testing

/// The passes over one note's tree, in their documented order, on notes of our own.
@Suite("Note analysis passes")
struct NoteAnalyzerTests {
    static let glossaryEntry = "---\ntitle: 파드 (Pod)\naliases: [파드, Pod]\nsummary: 가장 작은 배포 단위\n---\n파드는 컨테이너를 묶는다.\n"

    /// Loads `files` (relative to the site) from memory and analyses the note at `notePath`.
    func analyse(_ files: [String: String], note notePath: String, searchOnly: Bool = false) throws -> NoteAnalysis {
        let fileSystem = InMemoryFileSystem()
        for (path, text) in files { try fileSystem.writeString(text, to: "/site/" + path) }
        try fileSystem.writeString(Self.glossaryEntry, to: "/site/content/glossary/pod.md")
        let content = ContentLoader(fileSystem: fileSystem, sourceRoot: "/site").load()
        let glossary = Glossary.load(content.glossary).0
        var titles: [String: String] = [:]
        for note in content.notes { titles[note.slug] = note.metadata.title ?? note.nameTitle }
        var analyzer = NoteAnalyzer(
            config: content.config, linkTargets: LinkTargets(notes: content.notes, staticFiles: content.staticFiles, assets: []),
            urls: SiteURLs(baseURL: "/"), glossary: glossary, noteTitles: titles, validation: ValidationOptions())
        analyzer.searchIndexOnly = searchOnly
        let note = try #require(content.notes.first { $0.document.contentPath == notePath })
        return analyzer.analyse(note)
    }

    @Test func passesRunInTheDocumentedOrder() {
        #expect(
            NoteAnalyzer.passes == [
                .title, .markup, .callouts, .cards, .examples, .commands, .links, .rawHTML, .concepts, .headingIDs, .images, .highlight,
            ])
        #expect(NoteAnalyzer.searchPasses == [.title, .markup, .callouts, .rawHTML, .concepts, .headingIDs, .images])
        // Every pass has a place in the full list.
        #expect(Set(NoteAnalyzer.passes) == Set(NoteAnalyzer.Pass.allCases))
    }

    @Test func titleHeadingBecomesTheTitleAndLeavesTheBody() throws {
        let result = try analyse(["content/notes/a.md": "# 파드 정리\n\n본문에서 파드를 만든다.\n\n## 만들기\n"], note: "notes/a.md")
        #expect(result.page.title == "파드 정리")
        #expect(!result.page.bodyHTML.contains("<h1"))
        #expect(result.page.headings.map(\.text) == ["만들기"])
        #expect(result.diagnostics == [])
    }

    @Test func examplesAreReplacedByTheirBoxesBeforeConceptsAreLinked() throws {
        let manifest =
            "```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n```\n"
        let result = try analyse(["content/notes/a.md": "---\ntitle: 예제\n---\n파드 예제:\n\n" + manifest], note: "notes/a.md")
        #expect(result.page.examples.count == 1)
        // The example box (its `kind: Pod` included) is not prose: only the paragraph's 파드 links.
        #expect(result.page.bodyHTML.components(separatedBy: "data-concept=").count == 2)
        #expect(result.page.bodyHTML.contains("data-concept=\"pod\""))
        #expect(!result.page.bodyHTML.contains("<pre><code class=\"language-yaml\">"))
    }

    @Test func linksPassRewritesNoteLinksAndWarnsAboutMissingTargets() throws {
        let files = [
            "content/notes/a.md": "---\ntitle: 첫째\n---\n[둘째](b.md)와 ![그림](없는.png)\n",
            "content/notes/b.md": "---\ntitle: 둘째\n---\n본문\n",
        ]
        let result = try analyse(files, note: "notes/a.md")
        #expect(result.page.linkedNotes == ["notes/b"])
        #expect(result.page.bodyHTML.contains("<a href=\"../../notes/b/\">둘째</a>"))
        #expect(
            result.diagnostics.map(\.description) == [
                "content/notes/a.md:4:19: warning: image '없는.png' does not exist in the content folder [missing-file]"
            ])
    }

    @Test func searchPassesMakeNoHTMLAndNoDiagnostics() throws {
        let result = try analyse(["content/notes/a.md": "# 제목\n\n파드와 ![그림](없는.png)\n\n## 둘\n"], note: "notes/a.md", searchOnly: true)
        #expect(result.page.bodyHTML == "")
        #expect(result.diagnostics == [])
        #expect(result.page.mentions.map(\.concept) == [0])
        #expect(result.page.headings.map(\.text) == ["둘"])
        #expect(result.page.searchText.contains("파드와"))
    }

    /// Every callout dialect becomes one component with a Korean label.
    @Test(arguments: [
        ("> [!NOTE]\n> 파드는 **작다**.\n", "<aside class=\"callout callout-note\" role=\"note\"><p class=\"callout-title\">참고</p>"),
        (
            "> [!warning]- 조심할 점\n> 지우면 되돌릴 수 없다.\n",
            "<details class=\"callout callout-warning\"><summary class=\"callout-title\">조심할 점</summary>"
        ),
        ("> [!tip]+\n> 짧게 쓴다.\n", "<details class=\"callout callout-tip\" open><summary class=\"callout-title\">팁</summary>"),
        (
            "!!! danger \"위험\"\n    지우면 되돌릴 수 없다.\n\n다음 문단\n",
            "<aside class=\"callout callout-danger\" role=\"note\"><p class=\"callout-title\">위험</p>"
        ),
        ("??? question\n    왜 그럴까?\n", "<details class=\"callout callout-question\"><summary class=\"callout-title\">질문</summary>"),
        (":::tip 요령\n짧게 쓴다.\n:::\n", "<aside class=\"callout callout-tip\" role=\"note\"><p class=\"callout-title\">요령</p>"),
        (
            "{{< callout type=\"info\" >}}\n정보다.\n{{< /callout >}}\n",
            "<aside class=\"callout callout-info\" role=\"note\"><p class=\"callout-title\">참고</p>"
        ),
        (
            "{{< caution >}}\n조심한다.\n{{< /caution >}}\n",
            "<aside class=\"callout callout-caution\" role=\"note\"><p class=\"callout-title\">주의</p>"
        ),
    ])
    func calloutDialects(markdown: String, opening: String) throws {
        let result = try analyse(["content/notes/a.md": "---\ntitle: 콜아웃\n---\n" + markdown], note: "notes/a.md")
        let html = result.page.bodyHTML
        #expect(html.contains(opening), "\(html)")
        #expect(!html.contains("[!") && !html.contains("!!!") && !html.contains(":::") && !html.contains("{{<"), "\(html)")
        #expect(!html.contains("<blockquote>") && !html.contains("<pre>"), "\(html)")
        #expect(result.diagnostics == [])
    }
}

@Suite("GitHub Markdown in the passes")
struct GFMPassesTests {
    let analyzerTests = NoteAnalyzerTests()

    /// A term in a table cell or a footnote links; a manifest in a footnote is an aside, not
    /// one of the note's examples.
    @Test func cellsAndFootnotesAreProseAndFootnoteManifestsAreNotExamples() throws {
        let note = """
            ---
            title: 표와 각주
            ---
            | 개념 | 설명 |
            |---|---|
            | 파드 | 묶음 |

            본문[^1].

            [^1]: 예를 들어 파드는 이렇게 쓴다.

                ```yaml
                apiVersion: v1
                kind: Pod
                metadata:
                  name: Bad_Name
                ```
            """
        let analysis = try analyzerTests.analyse(["content/notes/a.md": note], note: "notes/a.md")
        #expect(analysis.page.bodyHTML.contains("<td><a class=\"concept\" data-concept=\"pod\""), "\(analysis.page.bodyHTML)")
        #expect(analysis.page.bodyHTML.contains("예를 들어 <a class=\"concept\" data-concept=\"pod\""))
        #expect(analysis.page.examples.isEmpty)
        #expect(analysis.diagnostics.filter { $0.rule == "name" }.isEmpty, "\(analysis.diagnostics)")
        #expect(
            analysis.page.bodyHTML.contains(
                "<code id=\"code-1\" class=\"language-yaml\"><span class=\"tok-key\">apiVersion</span>"),
            "\(analysis.page.bodyHTML)")
    }
}

@Suite("Which notes link concepts")
struct LinkControlTests {
    let analyzerTests = NoteAnalyzerTests()

    @Test func aNoteCanTurnLinkingOff() throws {
        let files = [
            "content/notes/off.md": "---\ntitle: 끔\nconcepts: false\n---\n파드를 만든다. [[pod]]는 남는다.\n",
            "content/notes/on.md": "---\ntitle: 켬\n---\n파드를 만든다.\n",
        ]
        let off = try analyzerTests.analyse(files, note: "notes/off.md")
        #expect(
            !off.page.bodyHTML.contains("class=\"concept\" data-concept=\"pod\" href=\"../../concepts/pod/\" title=\"가장 작은 배포 단위\">파드</a>"))
        #expect(off.page.bodyHTML.contains("파드를 만든다."))
        // An explicit wikilink is the author's choice and stays.
        #expect(off.page.bodyHTML.contains("wikilink"), "\(off.page.bodyHTML)")
        let on = try analyzerTests.analyse(files, note: "notes/on.md")
        #expect(on.page.bodyHTML.contains("data-concept=\"pod\""))
    }

    @Test(arguments: [
        ("link:\n  exclude: [\"content/blog/**\"]\n", ["content/notes/a.md"]),
        ("link:\n  include: [\"content/notes/**\"]\n", ["content/notes/a.md"]),
        ("link:\n  include: [\"content/devops/**\"]\n", [String]()),
    ])
    func gongbuYMLChoosesFolders(config: String, linked: [String]) throws {
        let files = [
            "gongbu.yml": config, "content/notes/a.md": "# 가\n\n파드를 본다.\n", "content/blog/b.md": "# 나\n\n파드를 본다.\n",
        ]
        for path in ["content/notes/a.md", "content/blog/b.md"] {
            let analysis = try analyzerTests.analyse(files, note: String(path.dropFirst("content/".count)))
            #expect(analysis.page.bodyHTML.contains("data-concept=\"pod\"") == linked.contains(path), "\(path) with \(config)")
        }
    }
}
