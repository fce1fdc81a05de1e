import Analysis
import Foundation
import GongbuCore
import GongbuTestSupport
import Testing

@testable import Build

@Suite("Manifest examples in builds")
struct ExampleBuildTests {
    @Test func exampleErrorsPointAtNoteLinesAndFailTheBuild() {
        let output = ScratchFolder()
        defer { output.remove() }
        let report = TestBuild.run(source: TestPaths.fixture("examples"), output: output.join("public")) { $0.strict = true }
        #expect(
            report.diagnostics.map(\.description) == [
                "content/broken.md:18:28: error: spec.containers[0].ports[0].containerPort: containerPort 70000 is out of range: must be between 1 and 65535 [port-range]",
                "content/broken.md:21:1: error: this example is marked expect-error but has no error; fix the example or remove the flag [expect-error]",
            ])
        #expect(!report.wroteOutput)
    }

    /// Without `--strict`, a mistake in someone's example is a warning: the site is published
    /// with the example's badge and diagnostics, and the summary counts it.
    @Test func exampleProblemsAreWarningsUnlessStrict() {
        let output = ScratchFolder()
        defer { output.remove() }
        let report = TestBuild.run(source: TestPaths.fixture("examples"), output: output.join("public"))
        #expect(
            report.diagnostics.map(\.description) == [
                "content/broken.md:18:28: warning: spec.containers[0].ports[0].containerPort: containerPort 70000 is out of range: must be between 1 and 65535 [port-range]",
                "content/broken.md:21:1: warning: this example is marked expect-error but has no error; fix the example or remove the flag [expect-error]",
            ])
        #expect(report.wroteOutput)
        // The terminal speaks English; the page tells the reader in the site's language, rule id kept.
        let page = String(decoding: (try? LocalFileSystem().readFile(at: output.join("public/broken/index.html"))) ?? [], as: UTF8.self)
        #expect(page.contains("^ containerPort 70000은(는) 범위를 벗어납니다. 1에서 65535 사이여야 합니다 [port-range]"), "\(page)")
        #expect(page.contains("expect-error로 표시했지만 오류가 없는 예제입니다. 예제를 고치거나 표시를 지우세요 [expect-error]"))
        #expect(!page.contains("is out of range"))
    }

    @Test func validateRunMatchesTheBuild() throws {
        let run = ValidationRun(
            fileSystem: LocalFileSystem(), paths: [TestSupport.fixtures + "/examples/content"],
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
        #expect(
            junit.contains(
                "<failure message=\"spec.containers[0].ports[0].containerPort: containerPort 70000 is out of range: must be between 1 and 65535\">"
            ))
    }

    /// A site of its own (`Tests/Fixtures/example-build`): two notes with six examples. The
    /// valid ones pass, each expect-error example is caught by the rule that explains its
    /// mistake, a no-validate one is skipped, and every example is published as a file with its
    /// `kubectl apply -f` line.
    @Test func examplesAreValidatedAndPublished() throws {
        let site = TestPaths.fixture("example-build")
        let output = ScratchFolder()
        defer { output.remove() }
        let report = TestBuild.run(source: site, output: output.join("public"))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.wroteOutput)
        #expect(report.examples == 6)
        let files = TreeSnapshot.read(output.join("public"))
        // Examples are downloaded from their pages: no file of their own.
        #expect(!files.keys.contains { $0.hasPrefix("examples/") })

        let run = ValidationRun(fileSystem: LocalFileSystem(), paths: [site + "/content"], displayBase: site, options: .init())
        let validation = run.run()
        #expect(validation.succeeded)
        let summary = validation.summary
        let counts: [Int] = [summary.documents, summary.valid, summary.invalid, summary.expectedInvalid, summary.skipped, summary.warnings]
        #expect(counts == [7, 2, 0, 4, 1, 0])
        let caught = validation.documents.filter { $0.document.status == .expectedInvalid }
            .map { "\($0.source.source.file):\($0.document.line) \($0.document.issues.map(\.rule).joined(separator: ","))" }
        #expect(
            caught == [
                "content/notes/mistakes.md:12 schema", "content/notes/mistakes.md:36 port-range", "content/notes/mistakes.md:53 name",
                "content/notes/web-lab.md:48 selector-match",
            ])

        let page = String(decoding: try #require(files["notes/web-lab/index.html"]), as: UTF8.self)
        #expect(page.components(separatedBy: "badge-expected-error").count - 1 == 1)
        #expect(page.contains("<p class=\"example-apply\"><code>kubectl apply -f 1-deployment-web.yaml</code></p>"))
        // Each download link carries its example alone, saved under the example's own name.
        let links = page.components(separatedBy: "<a class=\"download\" href=\"data:application/yaml;charset=utf-8;base64,").dropFirst()
        #expect(links.count == 2)
        let first = try #require(links.first)
        let encoded = String(first.prefix { $0 != "\"" })
        let text = String(decoding: try #require(Data(base64Encoded: encoded)), as: UTF8.self)
        #expect(text.hasPrefix("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"))
        #expect(!text.contains("name: front"))
        #expect(
            first.contains(
                "\" download=\"1-deployment-web.yaml\" data-example=\"example-1-code\" data-file-name=\"1-deployment-web.yaml\">"))
    }
}
