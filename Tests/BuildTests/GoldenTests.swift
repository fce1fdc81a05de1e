import Foundation
import GongbuCore
import GongbuTestSupport
import Testing

@testable import Build

/// The fixture site `Tests/Fixtures/golden` (notes without front matter, Jekyll names, plain
/// text, raw HTML), built and compared whole with its `expected/` folder. Re-record every golden
/// tree with `GONGBU_RECORD_GOLDEN=1 swift test --filter "GoldenTests|GlossaryBuildTests"`
/// (that run fails on purpose), review the diff, and run again without the variable.
@Suite("Golden pages")
struct GoldenTests {
    @Test func wholeOutputMatchesTheGoldenTree() {
        let (report, differences) = TestBuild.goldenDifferences(ofFixture: "golden")
        #expect(report.fatal == nil)
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    }

    @Test func fixtureWarningsAreExact() {
        let output = ScratchFolder()
        defer { output.remove() }
        let report = TestBuild.run(source: TestPaths.fixture("golden"), output: output.join("public"))
        #expect(report.wroteOutput)
        let warnings = report.diagnostics.map(\.description)
        #expect(
            warnings == [
                "content/notes/no-front-matter.md:8:1: warning: image '/Users/me/Desktop/pod.png' does not exist in the content folder [missing-file]",
                "content/notes/raw-html.md:13:1: warning: raw HTML: <iframe> removed (the site keeps only safe HTML; its text stays); set 'unsafe_html: true' in gongbu.yml to publish it as written [raw-html]",
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
        #expect(
            report.diagnostics.map(\.description) == [
                "content/broken.md:4:5: error: invalid front matter YAML: did not find expected ',' or ']' (while parsing a flow sequence that started at line 3, column 7) [front-matter]",
                "content/tabs.md:3:1: error: invalid front matter YAML: found a tab character that violates indentation (while scanning a plain scalar that started at line 2, column 8); note: line 3 is indented with a tab, and YAML allows only spaces [front-matter]",
            ])
        #expect(!report.wroteOutput)
        #expect(LocalFileSystem().kind(of: output + "/public") == nil)
    }
}
