import Foundation
import Testing

@testable import GongbuCore

@Suite("Paths")
struct PathTests {
    @Test(arguments: [
        ("/a/b/../c", "/a/c"),
        ("/a/./b//c/", "/a/b/c"),
        ("/../..", "/"),
        ("a/../../b", "../b"),
        ("", "."),
    ])
    func normalises(input: String, expected: String) {
        #expect(Path.normalize(input) == expected)
    }

    @Test func namesAndExtensions() {
        #expect(Path.stem("content/2019-02-03-pods.md") == "2019-02-03-pods")
        #expect(Path.fileExtension("a/B.MD") == "md")
        #expect(Path.fileExtension(".hidden") == "")
        #expect(Path.parent(of: "/a") == "/")
        #expect(Path.lastComponent("/a/b.md") == "b.md")
    }

    @Test func containment() {
        #expect(Path.isInside("/a/b", "/a"))
        #expect(Path.isInside("/a", "/a"))
        #expect(!Path.isInside("/ab", "/a"))
        #expect(Path.relative("/src/content/x.md", to: "/src") == "content/x.md")
        #expect(Path.absolute("x", relativeTo: "/work") == "/work/x")
    }
}

@Suite("Suggestions")
struct SuggestTests {
    @Test(arguments: [
        ("contianers", "containers", 1),
        ("replica", "replicas", 1),
        ("kublet", "kubelet", 1),
        ("pod", "pod", 0),
        ("abc", "xyz", 3),
    ])
    func distance(a: String, b: String, expected: Int) {
        #expect(Suggest.distance(a, b) == expected)
    }

    @Test func closestCandidate() {
        #expect(Suggest.closest(to: "replica", among: ["replicas", "selector", "template"]) == "replicas")
        #expect(Suggest.closest(to: "xyz", among: ["replicas"]) == nil)
        #expect(Suggest.ranked("titel", among: ["title", "tile", "subtitle"]) == ["title"])
    }
}

@Suite("Parallel map")
struct ParallelTests {
    @Test func keepsOrder() {
        let input = Array(0..<10_000)
        #expect(input.concurrentMap { $0 * 2 } == input.map { $0 * 2 })
        #expect([Int]().concurrentMap { $0 }.isEmpty)
    }

    @Test func moreThreadsThanCoresKeepOrderAndVisitEachElementOnce() {
        let input = Array(0..<5_000)
        let seen = Counter()
        let output = input.concurrentMap(threads: Parallelism.processorCount * 3 + 1) { value -> String in
            seen.add()
            return String(value)
        }
        #expect(output == input.map(String.init))
        #expect(seen.value == input.count)
    }
}

private final class Counter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()
    func add() {
        lock.lock()
        count += 1
        lock.unlock()
    }
    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}

@Suite("Diagnostics")
struct DiagnosticTests {
    @Test func formatsLikeACompiler() {
        let diagnostic = Diagnostic.error("bad thing", at: SourceLocation(file: "content/a.md", line: 3, column: 7), rule: "schema")
        #expect(diagnostic.description == "content/a.md:3:7: error: bad thing [schema]")
        #expect(Diagnostic.warning("w", at: SourceLocation(file: "b.md")).description == "b.md: warning: w")
    }

    @Test func sortsByFileThenLine() {
        let list: [Diagnostic] = [
            .warning("c", at: SourceLocation(file: "b.md", line: 1)),
            .error("b", at: SourceLocation(file: "a.md", line: 10)),
            .error("a", at: SourceLocation(file: "a.md", line: 2)),
        ]
        #expect(list.sortedForDisplay().map(\.message) == ["a", "b", "c"])
    }
}
