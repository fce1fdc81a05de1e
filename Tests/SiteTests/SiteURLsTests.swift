import Content
import Testing
import Write

@testable import Site

@Suite("Site URLs")
struct SiteURLsTests {
    let urls = SiteURLs(baseURL: "https://example.org/study")

    @Test func outputPaths() {
        #expect(PageLocation.home.outputPath == "index.html")
        #expect(PageLocation.note(slug: "notes/pods").outputPath == "notes/pods/index.html")
        #expect(PageLocation.tag(slug: "커뮤니티").outputPath == "tags/커뮤니티/index.html")
        #expect(PageLocation.notFound.outputPath == "404.html")
        // A note's page is its site path; the content folder's own index page is the home page.
        #expect(PageLocation.note(slug: "k8s-basic/section-04/service").outputPath == "k8s-basic/section-04/service/index.html")
        #expect(PageLocation.note(slug: "").outputPath == "index.html")
        #expect(PageLocation.file("assets/gongbu.css").outputPath == "assets/gongbu.css")
    }

    @Test func relativeLinksBetweenPages() {
        #expect(urls.href(to: .note(slug: "notes/pods"), from: .home) == "notes/pods/")
        #expect(urls.href(to: .home, from: .home) == "./")
        #expect(urls.href(to: .home, from: .note(slug: "notes/pods")) == "../../")
        #expect(urls.href(to: .tag(slug: "커뮤니티"), from: .note(slug: "notes/pods")) == "../../tags/%EC%BB%A4%EB%AE%A4%EB%8B%88%ED%8B%B0/")
        #expect(urls.href(to: .file("notes/img/a b.png"), from: .note(slug: "notes/x")) == "../../notes/img/a%20b.png")
        #expect(urls.href(to: .note(slug: "notes/x"), from: .file("old/path/index.html")) == "../../notes/x/")
        #expect(urls.root(from: .tagIndex) == "../")
        #expect(urls.href(to: urls.concept("pod"), from: .note(slug: "a/b/c")) == "../../../concepts/pod/")
    }

    @Test func theGlossaryMovesAsideForNotesThatUseItsFolder() {
        #expect(SiteURLs.glossaryFolder(avoiding: ["notes/pod", "", "conceptual/x"]) == "concepts")
        // A docs site's concepts/ section, a note's old URL, a file: the notes keep their URLs.
        #expect(SiteURLs.glossaryFolder(avoiding: ["concepts/workloads/pods"]) == "glossary")
        #expect(SiteURLs.glossaryFolder(avoiding: ["/Concepts/pod/"]) == "glossary")
        #expect(SiteURLs.glossaryFolder(avoiding: ["concepts", "glossary/pod"]) == "gongbu-glossary")
        #expect(
            SiteURLs.glossaryFolder(avoiding: ["concepts", "glossary", "gongbu-glossary", "gongbu-glossary-2/a"]) == "gongbu-glossary-3")
        let moved = SiteURLs(baseURL: "/", glossaryFolder: "glossary")
        #expect(moved.href(to: moved.concept("pod"), from: .note(slug: "concepts/workloads/pods")) == "../../../glossary/pod/")
        #expect(moved.conceptIndex.outputPath == "glossary/index.html")
    }

    @Test func notFoundPageUsesTheBasePath() {
        #expect(urls.basePath == "/study/")
        #expect(urls.href(to: .tagIndex, from: .notFound) == "/study/tags/")
        #expect(SiteURLs(baseURL: "/").href(to: .home, from: .notFound) == "/")
    }

    @Test func absoluteURLs() {
        #expect(urls.absolute(.note(slug: "notes/파드")) == "https://example.org/study/notes/%ED%8C%8C%EB%93%9C/")
    }
}

@Suite("Output paths")
struct OutputFileTests {
    @Test(arguments: ["../x", "/etc/passwd", "a/../../b", "a//b", "a\\b", "a/./b", "", "x\u{0}y"])
    func rejectsUnsafePaths(path: String) {
        #expect(OutputFile.problem(with: path) != nil)
    }

    @Test(arguments: ["index.html", "notes/파드/index.html", "tags/c++/index.html"])
    func acceptsSafePaths(path: String) {
        #expect(OutputFile.problem(with: path) == nil)
    }

    @Test func collisionsNameBothOrigins() {
        let diagnostics = OutputWriter.plan([
            OutputFile(path: "notes/a/index.html", text: "1", origin: "content/a.md"),
            OutputFile(path: "notes/A/index.html", text: "2", origin: "alias '/notes/A/' of content/b.md"),
            OutputFile(path: "../escape", text: "3", origin: "content/c.md"),
        ])
        #expect(
            diagnostics.map(\.message) == [
                "alias '/notes/A/' of content/b.md and content/a.md would both be written to notes/A/index.html",
                "cannot write '../escape' from content/c.md: '..' segment in path",
            ])
    }

    @Test(arguments: [
        ("/old/pods/", "old/pods/index.html"),
        ("old.html", "old.html"),
        ("https://example.org/a/b", "a/b/index.html"),
        ("/%ED%8C%8C%EB%93%9C/", "파드/index.html"),
    ])
    func aliasPaths(alias: String, expected: String) {
        #expect(SiteRenderer.aliasOutputPath(alias) == expected)
    }

    @Test(arguments: ["../../etc/cron.d/x", "/", "a\\b", "/a/./b"])
    func unsafeAliasesAreRefused(alias: String) {
        #expect(SiteRenderer.aliasOutputPath(alias) == nil)
    }
}
