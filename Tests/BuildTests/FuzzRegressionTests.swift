import Analysis
import GongbuTestSupport
import Site
import Testing

@testable import Build

/// Inputs found by the FuzzNotePage target (scripts/fuzz.sh), kept as regression tests.
@Suite("Note pipeline: fuzz regressions")
struct NotePipelineFuzzRegressionTests {
    static let pipeline = NotePipeline(siteFiles: [
        "content/glossary/pod.md":
            "---\ntitle: 파드 (Pod)\naliases: [파드, 포드, Pod, Pods]\nsummary: 가장 작은 배포 단위\nrelated: [node]\n---\n파드는 노드에서 실행된다.\n",
        "content/glossary/node.md":
            "---\ntitle: 노드 (Node)\naliases: [노드, Node, 워커 노드]\nnot: [Node.js, hello-node]\nsummary: 머신\nrequires: [pod]\n---\n노드 설명\n",
        "content/notes/other.md": "---\ntitle: 다른 노트\ntags: [기초]\n---\n서비스와 파드\n",
    ])

    /// crash-87898fe5: front matter that never closes, spliced by the fuzzer so that a link's
    /// `[` was lost. The whole file is then prose: `…](javascript:alert(3))` is escaped text, not
    /// a link. The first oracle (a substring search for "javascript:alert") called that a crash;
    /// the scan reads tags the way a browser does, and the page has no active content.
    @Test func unterminatedFrontMatterWithHostileText() throws {
        let note = """
            ---
            title: <script>alert("title")</script> 위험한 제목
            date: 2024-05-01T09:30:00+09:00
            tags: ["<b>태그</b>", 보안]
            summary: "요약에도 <img src=x one링크](javascript:alert(3)) 와 [대문자](JaVaScRiPt:alert(4)) 그리고 ![data 이미지](data:text/html;base64,PHNjcmlwdD4=).

            <ifra{e src="https://evil.example"></iframe>

            """
        let output = Self.pipeline.run(Array(note.utf8))
        #expect(output.diagnostics.contains { $0.message.contains("front matter") }, "\(output.diagnostics)")
        let page = try #require(output.pages["notes/note/index.html"])
        #expect(ActiveContentScan.findings(inHTML: page).isEmpty, "\(ActiveContentScan.findings(inHTML: page))")
        #expect(page.contains("javascript:alert(3))"))  // kept as text
        #expect(!page.lowercased().contains("href=\"javascript:"))
        for (path, html) in output.pages where path.hasSuffix(".html") {
            #expect(ActiveContentScan.findings(inHTML: html).isEmpty, "\(path)")
        }
    }
}
