import Foundation
import GongbuCore
import GongbuTestSupport
import Testing

@testable import Build

@Suite("End-to-end builds")
struct EndToEndTests {
    /// The one test of the bundled study notes (`content/` at the repository root): they build
    /// with no errors, no warnings and no broken links. Every other test builds a fixture of its
    /// own, so editing the notes can only break this one.
    @Test func bundledContentBuildsCleanlyWithNoBrokenLinks() throws {
        let output = TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(output) }
        // Built as CI builds it: strict, so a problem in any bundled example fails.
        let report = TestBuild.run(source: TestSupport.repositoryRoot, output: output + "/public") { $0.strict = true }
        #expect(report.fatal == nil)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(report.notes > 0)
        let files = TestSupport.snapshot(output + "/public")
        let pages = files.keys.filter { $0.hasSuffix(".html") }
        // home + tag index + 404 + one page per note and per tag
        #expect(pages.count == report.pages)
        #expect(pages.count >= 3 + report.notes + report.tags)
        let names = Set(files.keys)
        var broken: [String] = []
        for page in pages.sorted() where page != "404.html" {
            broken += TestSupport.brokenLinks(in: String(decoding: files[page]!, as: UTF8.self), page: page, files: names)
        }
        #expect(broken.isEmpty, "\(broken.prefix(20).joined(separator: "\n"))")
        for required in ["index.html", "404.html", "sitemap.xml", "atom.xml", "tags/index.html", "assets/gongbu.css"] {
            #expect(names.contains(required), "missing \(required)")
        }
        // The known traps of the notes' own prose stay plain text: another sense of a concept's
        // word, or a word inside something else's name (`quality/bundled-site-links.tsv` holds
        // the judgement of every link).
        let traps: [(page: String, text: String)] = [
            ("notes/hello-node-lab/index.html", "안에서 node가 PID 1로"),  // the Node.js process
            ("notes/services/index.html", "앞단에 자체 로드밸런서를"),  // a load balancer, not the Service type
            ("notes/services/index.html", "클라우드의 로드밸런서를 만들어서"),
            ("notes/continuous-delivery/index.html", "Jenkins 잡이 끝나면"),  // a Jenkins job
            ("notes/containers-and-docker/index.html", "격리는 강하지만, 이미지가 수 GB"),  // a VM image
            ("concepts/kubelet/index.html", "노드의 시스템 서비스(systemd 등)"),  // an operating-system service
            ("concepts/rollback/index.html", "이전 버전으로 돌아가 서비스를 살리는"),  // service as in "up and serving"
            ("concepts/kubelet/index.html", "CRI(Container Runtime Interface)"),  // a name of its own
        ]
        for trap in traps {
            let html = String(decoding: files[trap.page] ?? [], as: UTF8.self)
            #expect(html.contains(trap.text), "\(trap.page): '\(trap.text)' is linked or gone")
        }
        let services = String(decoding: files["notes/services/index.html"] ?? [], as: UTF8.self)
        #expect(services.contains(#"data-concept="loadbalancer""#) && services.contains(">LoadBalancer 타입</a>은"))
    }

    @Test func aFailingBuildLeavesThePreviousOutputAsItWas() throws {
        let work = TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(work) }
        try TestSupport.copyTree(TestPaths.fixture("end-to-end"), to: work + "/site")
        let first = TestSupport.build(source: work + "/site", output: work + "/out")
        #expect(first.wroteOutput)
        let before = TestSupport.snapshot(work + "/out")
        try LocalFileSystem().writeString("---\ntitle: [broken\n---\n", to: work + "/site/content/notes/broken.md")
        try LocalFileSystem().writeString("새 노트", to: work + "/site/content/notes/new.md")
        let second = TestSupport.build(source: work + "/site", output: work + "/out")
        #expect(
            second.diagnostics.map(\.description) == [
                "content/notes/broken.md:3:1: error: invalid front matter YAML: did not find expected ',' or ']' (while parsing a flow sequence that started at line 2, column 8) [front-matter]"
            ])
        #expect(!second.wroteOutput)
        #expect(TestSupport.snapshot(work + "/out") == before)
        #expect(try LocalFileSystem().contentsOfDirectory(at: work).sorted() == ["out", "site"])
    }

    @Test func aFolderOfOnlyMarkdownBuilds() throws {
        let work = TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(work) }
        let fs = LocalFileSystem()
        try fs.writeString("# 첫 노트\n\n내용", to: work + "/notes/first.md")
        try fs.writeString("둘째 노트의 첫 줄\n\n본문", to: work + "/notes/sub/second.md")
        let report = TestSupport.build(source: work + "/notes", output: work + "/site")
        #expect(report.succeeded)
        #expect(report.notes == 2)
        let files = TestSupport.snapshot(work + "/site")
        // A plain folder's notes live at their paths in it.
        #expect(files["first/index.html"] != nil)
        #expect(files["notes/first/index.html"] == nil)
        let second = String(decoding: try #require(files["sub/second/index.html"]), as: UTF8.self)
        #expect(second.contains("<h1 class=\"note-title\">둘째 노트의 첫 줄</h1>"))
    }

    @Test func refusesToReplaceAFolderItDidNotMake() throws {
        let work = TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(work) }
        let fs = LocalFileSystem()
        try fs.writeString("# 노트", to: work + "/src/a.md")
        try fs.writeString("my thesis", to: work + "/documents/thesis.txt")
        let report = TestSupport.build(source: work + "/src", output: work + "/documents")
        #expect(report.fatal?.contains("was not created by gongbu") == true)
        #expect(String(decoding: try fs.readFile(at: work + "/documents/thesis.txt"), as: UTF8.self) == "my thesis")
    }

    @Test func buildsAreDeterministic() throws {
        let work = TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(work) }
        let first = TestSupport.build(source: TestPaths.fixture("end-to-end"), output: work + "/a")
        let second = TestSupport.build(source: TestPaths.fixture("end-to-end"), output: work + "/b")
        #expect(first.wroteOutput && second.wroteOutput, "\(first.diagnostics)")
        #expect(TestSupport.snapshot(work + "/a") == TestSupport.snapshot(work + "/b"))
    }
}

@Suite("Note bodies in templates")
struct NoteBodySpliceTests {
    /// The body is spliced into the page once; templates that show it twice, escape it or
    /// leave it out still get exactly what they asked for, and the placeholder never shows.
    @Test(arguments: [
        ("<main>{{{note.html}}}</main>", ["<main><p>본문 <a class=\"concept\""], 1),
        ("<main>{{{note.html}}}</main><aside>{{{note.html}}}</aside>", ["<main><p>본문", "<aside><p>본문"], 2),
        ("<pre>{{note.html}}</pre>", ["<pre>&lt;p&gt;본문"], 1),
        ("<p>{{note.title}}</p>", ["<p>제목</p>"], 0),
    ])
    func templatesGetTheBodyAsWritten(template: String, expected: [String], bodies: Int) throws {
        let site = try ScratchSite(text: [
            "content/notes/a.md": "---\ntitle: 제목\nsummary: 요약\n---\n본문 파드를 만든다.\n",
            "templates/note.mustache": template,
        ])
        defer { site.remove() }
        let report = site.build()
        #expect(report.errorLines.isEmpty, "\(report.errorLines)")
        let page = try #require(site.page("notes/a/index.html"))
        for text in expected { #expect(page.contains(text), "\(text) in \(page)") }
        #expect(page.components(separatedBy: "본문 ").count - 1 == bodies)
        #expect(!page.contains("gongbu-note-body-"))
    }
}
