import GongbuCore
import Testing

@testable import Analysis

/// `gongbu validate` over a folder: examples in notes and YAML files are checked together, each
/// file on its own, with locations relative to the folder shown.
@Suite("Validation runs")
struct ValidationRunTests {
    @Test func notesAndYAMLFilesAreCheckedWithTheirLines() {
        let fileSystem = InMemoryFileSystem(files: [
            "/site/content/notes/ns.md":
                "# 네임스페이스\n\n대문자는 쓸 수 없다.\n\n```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: Dev\n```\n",
            "/site/content/manifests/ns.yaml": "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n",
            "/site/content/notes/readme.txt": "검사하지 않는 파일\n",
        ])
        let report = ValidationRun(fileSystem: fileSystem, paths: ["/site/content"], displayBase: "/site", options: .init()).run()
        let summary = report.summary
        #expect([summary.documents, summary.valid, summary.invalid, summary.expectedInvalid, summary.skipped] == [2, 1, 1, 0, 0])
        #expect(!report.succeeded)
        let documents = report.documents.map { "\($0.source.source.file):\($0.document.line) \($0.document.status)" }.sorted()
        #expect(documents == ["content/manifests/ns.yaml:1 valid", "content/notes/ns.md:6 invalid"])
        let issues = report.documents.flatMap { $0.document.issues.map { "\($0.line):\($0.column) \($0.rule)" } }
        // The name's line and column in the note, not in the code block.
        #expect(issues == ["9:9 name"])
    }

    @Test func aMissingPathIsAnIOError() {
        let report = ValidationRun(fileSystem: InMemoryFileSystem(), paths: ["/site/nope"], displayBase: "/site", options: .init()).run()
        #expect(report.problems.map(\.description) == ["nope: error: no such file or folder [io]"])
        #expect(report.summary.documents == 0)
        #expect(!report.succeeded)
    }
}
