import Foundation
import GongbuCore

/// Every file under a folder as relative path → bytes, and golden trees compared whole.
public enum TreeSnapshot {
    /// Every file under `root` (hidden files included), as relative path → bytes.
    public static func read(_ root: String, fileSystem: any FileSystem = LocalFileSystem()) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        func visit(_ relative: String) {
            let path = relative.isEmpty ? root : root + "/" + relative
            if fileSystem.kind(of: path) == .directory {
                for name in (try? fileSystem.contentsOfDirectory(at: path)) ?? [] { visit(relative.isEmpty ? name : relative + "/" + name) }
            } else if let bytes = try? fileSystem.readFile(at: path) {
                result[relative] = bytes
            }
        }
        visit("")
        return result
    }

    /// The environment variable that makes every golden comparison record its baseline.
    public static let recordVariable = "GONGBU_RECORD_GOLDEN"

    /// Whether this run records golden trees instead of comparing them.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment[recordVariable] == "1" }

    /// Compares `actual` (relative path → bytes) with the golden tree in `expectedFolder`,
    /// file by file: a file that differs, an unexpected file and a missing file are each a
    /// difference. With `GONGBU_RECORD_GOLDEN=1` the folder is replaced by `actual` and the
    /// result is one difference saying so, so a recording run never passes by accident (the
    /// way swift-argument-parser's `assertSnapshot` fails on record).
    ///
    /// - Parameter ignoring: relative paths left out of the comparison (a file whose bytes
    ///   change on every run, such as the output marker).
    /// - Returns: one line per difference; empty when the trees are the same.
    public static func compare(_ actual: [String: [UInt8]], withGolden expectedFolder: String, ignoring: Set<String> = []) -> [String] {
        let actual = actual.filter { !ignoring.contains($0.key) }
        let fs = LocalFileSystem()
        if isRecording {
            try? fs.removeItem(at: expectedFolder)
            for (path, bytes) in actual { try? fs.writeFile(bytes, to: Path.join(expectedFolder, path)) }
            return ["recorded \(actual.count) files into \(expectedFolder); review the diff and run again without \(recordVariable)"]
        }
        let expected = read(expectedFolder).filter { !ignoring.contains($0.key) }
        var differences: [String] = []
        for path in Set(actual.keys).union(expected.keys).sorted() {
            switch (actual[path], expected[path]) {
            case (nil, _): differences.append("missing from the output: \(path)")
            case (_, nil): differences.append("not in the golden tree: \(path)")
            case (let a?, let e?) where a != e: differences.append("differs from its golden file: \(path)\(firstDifference(a, e))")
            default: continue
            }
        }
        return differences
    }

    /// Where two files first differ, as line and the two lines.
    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
        let left = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let right = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? String(left[index]) : "(end of file)"
            let r = index < right.count ? String(right[index]) : "(end of file)"
            if l != r { return " (line \(index + 1): got \(l.prefix(160)) expected \(r.prefix(160)))" }
        }
        return ""
    }
}
