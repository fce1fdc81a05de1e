import Foundation
import Testing

/// A build killed part-way (power cut, Ctrl-\, the OOM killer) must leave the previous site
/// exactly as it was, and the next build must clean up after it.
@Suite("Killed builds")
struct KilledBuildTests {
    static func snapshot(_ root: String) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let paths = FileManager.default.enumerator(atPath: root) else { return result }
        for case let path as String in paths {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder)
            if !isFolder.boolValue { result[path] = FileManager.default.contents(atPath: root + "/" + path) }
        }
        return result
    }

    /// A site large enough that writing it takes a while: 1,500 notes.
    static func makeSite(_ root: String, version: Int) throws {
        let notes = root + "/content/notes"
        try FileManager.default.createDirectory(atPath: notes, withIntermediateDirectories: true)
        for number in 0..<1500 {
            let text =
                "---\ntitle: 노트 \(number) 판 \(version)\ntags: [t\(number % 20)]\n---\n"
                + String(repeating: "파드와 서비스를 공부했다. 판 \(version).\n\n", count: 20)
            try text.write(toFile: notes + "/n\(number).md", atomically: false, encoding: .utf8)
        }
    }

    @Test(.tags(.slow), .skippedWhenQuick, arguments: ["writing", "analysing"])
    func theOldSiteSurvivesAKillDuring(phase: String) throws {
        let root = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Self.makeSite(root, version: 1)
        let first = try CLI.run(["build", "--quiet", "--source", root])
        #expect(first.status == 0, "\(first.stderr)")
        let before = Self.snapshot(root + "/public")
        #expect(before.count > 1500)

        try Self.makeSite(root, version: 2)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["build", "--quiet", "--source", root]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let staging = root + "/.public.gongbu-tmp-\(process.processIdentifier)"
        let deadline = Date().addingTimeInterval(120)
        if phase == "writing" {
            // Kill as soon as the new site is being assembled beside the old one.
            while process.isRunning, !FileManager.default.fileExists(atPath: staging), Date() < deadline { usleep(1000) }
            usleep(20_000)
        } else {
            usleep(150_000)
        }
        let killedWhileRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(killedWhileRunning, "the build finished before it could be killed; make the site larger")
        #expect(process.terminationReason == .uncaughtSignal || !killedWhileRunning)

        #expect(Self.snapshot(root + "/public") == before, "the previous site changed")

        // The next build finishes the job and leaves only the site and its spare behind.
        let next = try CLI.run(["build", "--quiet", "--source", root])
        #expect(next.status == 0, "\(next.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
        #expect(names.filter { $0.contains("gongbu-tmp") || $0.contains("gongbu-old") }.isEmpty, "\(names)")
        #expect(String(data: Self.snapshot(root + "/public")["notes/n7/index.html"] ?? Data(), encoding: .utf8)?.contains("판 2") == true)
    }
}
