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
                "content/notes/old-lab.md:10:1: warning: this output is from an older Kubernetes: Deployment in the 'extensions' group was last served in 1.17; today it reads 'deployment.apps/hello-node created' [kubectl-output]",
                "content/notes/old-lab.md:11:29: warning: 'kubectl run hello-node' makes a Pod since kubectl 1.18, not a Deployment, so there is no deployment 'hello-node' here; make one with 'kubectl create deployment hello-node --image=hello-node:v1 --port=8080' [kubectl-run-pod]",
                "content/notes/old-lab.md:15:13: warning: apiVersion: Deployment in extensions/v1beta1 is gone since Kubernetes 1.18 (last in 1.17; deprecated as of 1.11); use apps/v1 [api-version]",
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
