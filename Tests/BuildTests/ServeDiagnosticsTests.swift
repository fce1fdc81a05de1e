import Foundation
import GongbuCore
import GongbuTestSupport
import Testing

@testable import Build

/// `gongbu serve` must report exactly what `gongbu build` reports for the same files: at the
/// first build and after every edit, including what only rendering finds (unusable aliases,
/// two sources claiming one output path).
@Suite("Serve and build report the same diagnostics")
struct ServeDiagnosticsTests {
    /// A site with a problem from every stage: loading (bad front matter), analysis (a missing
    /// image, a wikilink to nothing), the model (an unused concept) and rendering (an alias that
    /// is no site path, an alias that lands on another note's page).
    static let files: [String: String] = [
        "content/glossary/pod.md": "---\ntitle: 파드 (Pod)\naliases: [파드, Pod]\nsummary: 가장 작은 배포 단위\n---\n파드는 컨테이너를 묶는다.\n",
        "content/glossary/node.md": "---\ntitle: 노드 (Node)\naliases: [노드]\nsummary: 파드가 도는 머신\n---\n노드 설명\n",
        "content/notes/first.md": "---\ntitle: 첫 노트\naliases: [\"../밖으로\", \"notes/second/\"]\n---\n파드를 만든다. ![그림](missing.png)\n",
        "content/notes/second.md": "---\ntitle: 둘째 노트\n---\n[[없는-개념]]을 찾는다.\n",
        "content/notes/broken.md": "---\ntitle: [닫히지 않음\n---\n본문\n",
    ]

    func buildDiagnostics(_ source: String) -> [String] {
        let report = TestBuild.run(source: source, output: source + "/public") { $0.dryRun = true }
        return report.diagnostics.map(\.description)
    }

    func serveDiagnostics(_ build: IncrementalBuild) -> [String] {
        build.diagnostics.map(\.description)
    }

    @Test func firstBuildAndEveryEditReportWhatABuildReports() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        try scratch.write(Self.files.mapKeys { "site/" + $0 })
        let source = scratch.join("site")
        let options = BuildOptions(
            fileSystem: LocalFileSystem(), sourceRoot: source, outputRoot: source + "/public", homeDirectory: "/nonexistent")
        let serve = IncrementalBuild(options: options, generatorVersion: "test")
        let first = serve.rebuildAll()

        let expected = buildDiagnostics(source)
        // Every stage's problem is there, so the comparison means something.
        for rule in ["[front-matter]", "[missing-file]", "[wikilink]", "[alias]", "[output]"] {
            #expect(expected.contains { $0.hasSuffix(rule) }, "the fixture has no \(rule) diagnostic: \(expected)")
        }
        #expect(first.diagnostics.map(\.description) == expected)
        #expect(serveDiagnostics(serve) == expected)

        // Fix the front matter, drop the colliding alias, add a new unusable one.
        let edits: [(String, String)] = [
            ("content/notes/broken.md", "---\ntitle: 고친 노트\n---\n파드와 노드\n"),
            ("content/notes/first.md", "---\ntitle: 첫 노트\naliases: [\"a/../../b\"]\n---\n파드를 만든다.\n"),
            ("content/notes/second.md", "---\ntitle: 둘째 노트\n---\n[[pod]]을 찾는다.\n"),
        ]
        for (path, text) in edits {
            try scratch.write("site/" + path, text)
            let update = serve.update(changedPaths: [source + "/" + path])
            let expected = buildDiagnostics(source)
            #expect(update.diagnostics.map(\.description) == expected, "after editing \(path)")
            #expect(serveDiagnostics(serve) == expected, "after editing \(path)")
        }
        // The last state has one unusable alias left and nothing else.
        #expect(serveDiagnostics(serve).filter { $0.contains(": error: ") } == [])
        #expect(serveDiagnostics(serve).contains { $0.hasSuffix("[alias]") })
    }
}

extension Dictionary {
    func mapKeys<T: Hashable>(_ transform: (Key) -> T) -> [T: Value] {
        [T: Value](uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}
