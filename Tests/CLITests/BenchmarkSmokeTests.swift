import Foundation
import Testing

/// The benchmark script is not run by CI in full; this runs it once on 50 notes so it cannot rot.
@Suite("Benchmark script")
struct BenchmarkSmokeTests {
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.tags(.slow), .skippedWhenQuick, .enabled(if: python != nil, "python3 is not installed"))
    func smokeRunWithFiftyNotes() throws {
        let work = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python!)
        process.arguments = [
            CLI.repositoryRoot + "/scripts/bench/benchmark.py", "--notes", "50", "--runs", "1",
            "--validate-files", "10", "--big-note", "1", "--no-search-bytes", "--gongbu", CLI.binary, "--work", work,
        ]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(stdout.contains("build time (median)"))

        let data = try Data(contentsOf: URL(fileURLWithPath: work + "/results.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let sizes = try #require(report["sizes"] as? [[String: Any]])
        #expect(sizes.first?["notes"] as? Int == 50)
        let build = try #require((sizes.first?["build"] as? [String: Any])?["gongbu"] as? [String: Any])
        #expect((build["seconds"] as? Double ?? 0) > 0)
        #expect((build["peakMB"] as? Double ?? 0) > 1)
        let targets = try #require(report["targets"] as? [[String: Any]])
        #expect(targets.count >= 5)
        #expect(targets.allSatisfy { ["pass", "miss", "missing"].contains($0["status"] as? String ?? "") })
        let big = try #require(report["bigNote"] as? [String: Any])
        #expect((big["noteMB"] as? Double ?? 0) >= 1)
        #expect((big["memoryOverSize"] as? Double ?? 0) > 0)
        // The corpus is deterministic: the same seed gives the same notes.
        #expect(FileManager.default.fileExists(atPath: work + "/corpus-50/gongbu/content/notes/note-00049.md"))
    }
}
