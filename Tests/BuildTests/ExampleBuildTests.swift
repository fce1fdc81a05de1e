import Analysis
import Foundation
import GongbuCore
import GongbuTestSupport
import Testing
@testable import Build

@Suite("Manifest examples in builds")
struct ExampleBuildTests {
    @Test func exampleErrorsPointAtNoteLinesAndFailTheBuild() {
        let report = TestSupport.build(source: TestSupport.fixtures + "/examples", output: "/unused")
        #expect(report.diagnostics.map(\.description) == [
            "content/broken.md:18:28: error: spec.containers[0].ports[0].containerPort: containerPort 70000 is out of range: must be between 1 and 65535 [port-range]",
            "content/broken.md:21:1: error: this example is marked expect-error but has no error; fix the example or remove the flag [expect-error]",
        ])
        #expect(!report.wroteOutput)
    }

    @Test func validateRunMatchesTheBuild() throws {
        let run = ValidationRun(fileSystem: LocalFileSystem(), paths: [TestSupport.fixtures + "/examples/content"],
                                displayBase: TestSupport.fixtures + "/examples", options: .init())
        let report = run.run()
        let summary = report.summary
        let counts: [Int] = [summary.documents, summary.valid, summary.invalid, summary.expectedInvalid, summary.skipped]
        #expect(counts == [3, 0, 2, 0, 1])
        #expect(!report.succeeded)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        let results = try #require(json["results"] as? [[String: Any]])
        #expect(results.map { $0["status"] as? String } == ["invalid", "invalid", "skipped"])
        let first = results[0]
        #expect(first["file"] as? String == "content/broken.md")
        #expect(first["line"] as? Int == 9)
        #expect(first["document"] as? Int == 1)
        #expect(first["apiVersion"] as? String == "v1")
        #expect(first["kind"] as? String == "Pod")
        #expect(first["name"] as? String == "web")
        let tap = report.tap()
        #expect(tap.hasPrefix("TAP version 13\n1..3\n"))
        #expect(tap.contains("not ok 1 - content/broken.md:9 Pod web"))
        #expect(tap.contains("# SKIP marked no-validate"))
        let junit = report.junit()
        #expect(junit.contains("<testsuites name=\"gongbu validate\" tests=\"3\" failures=\"2\" skipped=\"1\">"))
        #expect(junit.contains("<failure message=\"spec.containers[0].ports[0].containerPort: containerPort 70000 is out of range: must be between 1 and 65535\">"))
    }

    @Test func bundledExamplesAreValidAndPublished() throws {
        let output = TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(output) }
        let report = TestSupport.build(source: TestSupport.repositoryRoot, output: output + "/public")
        #expect(report.succeeded)
        #expect(report.examples >= 20)
        let files = TestSupport.snapshot(output + "/public")
        let examples = files.keys.filter { $0.hasPrefix("examples/") && $0.hasSuffix(".yaml") }
        #expect(examples.count == report.examples)
        let run = ValidationRun(fileSystem: LocalFileSystem(), paths: [TestSupport.repositoryRoot + "/content"],
                                displayBase: TestSupport.repositoryRoot, options: .init())
        let validation = run.run()
        #expect(validation.succeeded)
        #expect(validation.summary.invalid == 0)
        #expect(validation.summary.expectedInvalid >= 5)
        #expect(validation.summary.warnings == 0)
        // The five teaching mistakes are each caught by the rule that explains them.
        let rules = Set(validation.documents.filter { $0.document.status == .expectedInvalid }.flatMap { $0.document.issues.map(\.rule) })
        for rule in ["selector-match", "schema", "port-range", "name"] { #expect(rules.contains(rule), "no expect-error example shows \(rule)") }
        let page = String(decoding: files["notes/hello-node-lab/index.html"]!, as: UTF8.self)
        #expect(page.contains("badge-expected-error"))
        #expect(page.contains("kubectl apply -f 1-deployment-hello-node.yaml"))
    }
}
