import Foundation
import GongbuTestSupport
import Testing

/// Runs the `gongbu` executable that `swift test` built next to the test bundle.
enum CLI {
    static let repositoryRoot = TestPaths.repositoryRoot
    static let fixtures = TestPaths.fixtures
    /// The site the command line tests run in unless they say otherwise: one note with four
    /// manifests (one of them an expected error) and three concepts.
    static let site = TestPaths.fixture("cli")
    static var binary: String { ProcessRunner.gongbuBinary }

    typealias Result = ProcessRunner.Result

    static func run(_ arguments: [String], in directory: String = site, input: String? = nil) throws -> Result {
        try ProcessRunner.run(binary, arguments, in: directory, input: input)
    }

    static func temporaryFolder() -> String { ScratchFolder("gongbu-cli").path }
}

@Suite("Command line")
struct CLITests {
    @Test func versionAndHelp() throws {
        let version = try CLI.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try CLI.run(["validate", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Examples:"))
        // Usage errors from the argument parser exit with EX_USAGE.
        #expect(try CLI.run(["no-such-command"]).status == 64)
    }

    /// Diagnostics grouped by file, then one line counting each rule; `--max-per-rule` caps the lines.
    @Test func diagnosticsEndWithACountOfEachRule() throws {
        let work = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let result = try CLI.run(["build", "--source", CLI.fixtures + "/golden", "--output", work + "/out"])
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines.last == "5 warnings: api-version 1, kubectl-output 1, kubectl-run-pod 1, missing-file 1, raw-html 1", "\(result.stderr)")
        let capped = try CLI.run(["build", "--source", CLI.fixtures + "/golden", "--output", work + "/out", "--max-per-rule", "0"])
        #expect(
            capped.stderr.split(separator: "\n").map(String.init) == [
                "5 warnings: api-version 1, kubectl-output 1, kubectl-run-pod 1, missing-file 1, raw-html 1"
            ], "\(capped.stderr)")
    }

    @Test func buildExitCodes() throws {
        let work = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let good = try CLI.run(["build", "--source", CLI.site, "--output", work + "/out"])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.hasPrefix("Built 12 pages (1 notes, 2 tags) from a gongbu site in "), "\(good.stdout)")
        #expect(good.stderr.isEmpty, "\(good.stderr)")
        let bad = try CLI.run(["build", "--source", CLI.fixtures + "/bad-front-matter", "--output", work + "/out2"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("content/broken.md:4:5: error: invalid front matter YAML"))
        #expect(!FileManager.default.fileExists(atPath: work + "/out2"))
        let refused = try CLI.run(["build", "--source", CLI.site, "--output", "/"])
        #expect(refused.status == 2)
        let missing = try CLI.run(["build", "--source", work + "/nope"])
        #expect(missing.status == 2)
    }

    @Test func validateExitCodesAndFormats() throws {
        // With no paths, validate reads content/ of the current folder: the fixture's one note.
        let ok = try CLI.run(["validate", "--output", "json"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(ok.stdout.utf8)) as? [String: Any]
        let summary = json?["summary"] as? [String: Int]
        #expect(summary == ["documents": 4, "valid": 3, "invalid": 0, "expectedInvalid": 1, "skipped": 0])
        let failing = try CLI.run(["validate", CLI.fixtures + "/examples/content/broken.md"])
        #expect(failing.status == 1)
        #expect(
            failing.stderr.contains(
                "broken.md:18:28: error: spec.containers[0].ports[0].containerPort: containerPort 70000 is out of range"))
        let junit = try CLI.run(["validate", "--output", "junit", CLI.fixtures + "/examples"])
        #expect(junit.status == 1)
        #expect(junit.stdout.hasPrefix("<?xml"))
        #expect(try CLI.run(["validate", "/no/such/path"]).status == 2)
        #expect(try CLI.run(["validate", "--kubernetes-version", "1.2"]).status == 2)
        #expect(try CLI.run(["validate", "--output", "yaml"]).status == 64)
    }

    @Test func graphPrintsJSONAndDOT() throws {
        let json = try CLI.run(["graph", "--source", CLI.site])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let concepts = (object?["concepts"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(concepts == ["limit-range", "namespace", "resource-quota"])
        let dot = try CLI.run(["graph", "--source", CLI.site, "--format", "dot"])
        #expect(dot.status == 0)
        #expect(dot.stdout.hasPrefix("digraph gongbu {"))
    }

    /// `gongbu yaml`: the manifest of each generator command, the commands read as one story.
    @Test func yamlPrintsWhatGeneratorCommandsMake() throws {
        let made = try CLI.run(["yaml", "kubectl create deployment web --image=nginx --port=80", "kubectl expose deploy web"])
        #expect(made.status == 0)
        #expect(made.stdout.hasPrefix("apiVersion: apps/v1\nkind: Deployment\n"))
        #expect(made.stdout.contains("\n---\napiVersion: v1\nkind: Service\n"))
        let json = try CLI.run(["yaml", "--json", "kubectl get pods"])
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let first = (object?["commands"] as? [[String: Any]])?.first
        #expect(first?["command"] as? String == "kubectl get pods")
        #expect(first?["yaml"] is NSNull)
    }
}
