import Foundation
import GongbuCore
import GongbuTestSupport
import Testing
@testable import Build

/// Rendered pages of small fixture notes, compared byte for byte with files under
/// Fixtures/golden/expected. Regenerate with `GONGBU_UPDATE_GOLDEN=1 swift test --filter GoldenTests`
/// and review the diff.
@Suite("Golden pages")
struct GoldenTests {
    static let goldenPages = [
        "notes/no-front-matter/index.html",
        "notes/jekyll-style/index.html",
        "notes/plain-text/index.html",
        "notes/raw-html/index.html",
        "index.html",
        "tags/index.html",
        "atom.xml",
        "sitemap.xml",
    ]

    @Test func fixturePagesMatchGoldenFiles() throws {
        let output = TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(output) }
        let report = TestSupport.build(source: TestSupport.fixtures + "/golden", output: output + "/public")
        #expect(report.fatal == nil)
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        let fs = LocalFileSystem()
        let expectedFolder = TestSupport.fixtures + "/golden/expected"
        let update = ProcessInfo.processInfo.environment["GONGBU_UPDATE_GOLDEN"] == "1"
        for page in Self.goldenPages {
            let actual = String(decoding: try fs.readFile(at: output + "/public/" + page), as: UTF8.self)
            if update {
                try fs.writeString(actual, to: expectedFolder + "/" + page)
                continue
            }
            let expected = String(decoding: try fs.readFile(at: expectedFolder + "/" + page), as: UTF8.self)
            #expect(actual == expected, "\(page) differs from its golden file")
        }
    }

    @Test func fixtureWarningsAreExact() {
        let report = TestSupport.build(source: TestSupport.fixtures + "/golden", output: "/unused", fileSystem: LocalFileSystem())
        let warnings = report.diagnostics.map(\.description)
        #expect(warnings == [
            "content/notes/no-front-matter.md:8:1: warning: image '/Users/me/Desktop/pod.png' does not exist in the content folder [missing-file]",
            "content/notes/raw-html.md:7:1: warning: raw HTML is not rendered (and 2 more places); set 'unsafe_html: true' in gongbu.yml to allow it [raw-html]",
        ])
    }

    @Test func rawHTMLAndScriptsAreDropped() throws {
        let output = TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(output) }
        _ = TestSupport.build(source: TestSupport.fixtures + "/golden", output: output + "/public")
        let html = String(decoding: try LocalFileSystem().readFile(at: output + "/public/notes/raw-html/index.html"), as: UTF8.self)
        let body = html.components(separatedBy: "<main id=\"main\">")[1].components(separatedBy: "</main>")[0]
        #expect(!body.contains("<script"))
        #expect(!body.contains("<iframe"))
        #expect(!body.contains("onclick"))
        #expect(!body.contains("onerror=alert"))
        #expect(!body.lowercased().contains("javascript:"))
        #expect(!body.contains("data:text/html"))
        #expect(html.contains("<title>&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; 위험한 제목 · 골든 테스트</title>"))
    }

    @Test func badFrontMatterFailsWithExactErrors() {
        let output = TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(output) }
        let report = TestSupport.build(source: TestSupport.fixtures + "/bad-front-matter", output: output + "/public")
        #expect(report.diagnostics.map(\.description) == [
            "content/broken.md:4:5: error: invalid front matter YAML: did not find expected ',' or ']' (while parsing a flow sequence that started at line 3, column 7) [front-matter]",
            "content/tabs.md:3:1: error: invalid front matter YAML: found a tab character that violates indentation (while scanning a plain scalar that started at line 2, column 8); note: line 3 is indented with a tab, and YAML allows only spaces [front-matter]",
        ])
        #expect(!report.wroteOutput)
        #expect(LocalFileSystem().kind(of: output + "/public") == nil)
    }
}
