import Foundation
import GongbuCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Output conventions shared by the commands: diagnostics on stderr, colour only on a terminal,
/// paths shown relative to where the user ran the command.
struct Terminal {
    let stderrIsTTY = isatty(2) == 1
    let stdoutIsTTY = isatty(1) == 1
    var useColor: Bool { stderrIsTTY && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }
    let currentDirectory = LocalFileSystem.currentDirectory

    func error(_ message: String) {
        writeError(paint("error:", "1;31") + " " + message)
    }

    func writeError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    func paint(_ text: String, _ code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// A path inside the source folder, as the user should see it: relative to the current
    /// directory when the source is below it, absolute otherwise.
    func displayPath(_ relative: String, sourceRoot: String) -> String {
        let absolute = Path.join(sourceRoot, relative)
        if Path.isInside(absolute, currentDirectory) { return Path.relative(absolute, to: currentDirectory) }
        return absolute
    }

    /// Prints diagnostics grouped by file (they arrive sorted), compiler style. Locations are
    /// relative to `sourceRoot`, or already as the user should see them when it is nil.
    /// Prints diagnostics compiler style, grouped by file (files in order, errors before
    /// warnings within each), then a line counting each rule (`12 warnings: missing-file 7,
    /// raw-html 5`). `maxPerRule` caps how many lines each rule prints; the count line still
    /// counts them all.
    func report(_ diagnostics: [Diagnostic], sourceRoot: String?, maxPerRule: Int? = nil) {
        var fileOrder: [String] = []
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics {
            let file = diagnostic.location?.file ?? ""
            if byFile[file] == nil { fileOrder.append(file) }
            byFile[file, default: []].append(diagnostic)
        }
        var printed: [String: Int] = [:]
        var lastFile: String?
        for file in fileOrder {
            let group = byFile[file]!
            let ordered = group.filter { $0.severity == .error } + group.filter { $0.severity != .error }
            for diagnostic in ordered {
                let rule = diagnostic.rule ?? ""
                if let maxPerRule, printed[rule, default: 0] >= maxPerRule { continue }
                printed[rule, default: 0] += 1
                var shown = diagnostic
                if var location = shown.location, let sourceRoot {
                    location.file = displayPath(location.file, sourceRoot: sourceRoot)
                    shown.location = location
                }
                if let last = lastFile, last != shown.location?.file { writeError("") }
                lastFile = shown.location?.file
                var line = ""
                if let location = shown.location { line += paint(location.description + ":", "1") + " " }
                switch shown.severity {
                case .error: line += paint("error:", "1;31")
                case .warning: line += paint("warning:", "1;33")
                case .note: line += paint("note:", "1;36")
                }
                line += " " + shown.message
                if let rule = shown.rule { line += paint(" [\(rule)]", "2") }
                writeError(line)
            }
        }
        for line in Self.ruleCounts(diagnostics) { writeError(line) }
    }

    /// `3 errors: yaml 2, schema 1` and `96 warnings: missing-file 46, …`, most common rule first.
    static func ruleCounts(_ diagnostics: [Diagnostic]) -> [String] {
        var lines: [String] = []
        for (severity, noun) in [(Severity.error, "error"), (.warning, "warning")] {
            let matching = diagnostics.filter { $0.severity == severity }
            guard !matching.isEmpty else { continue }
            var counts: [String: Int] = [:]
            for diagnostic in matching { counts[diagnostic.rule ?? "other", default: 0] += 1 }
            let rules = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            lines.append("\(matching.count) \(noun)\(matching.count == 1 ? "" : "s"): " + rules.joined(separator: ", "))
        }
        return lines.isEmpty ? [] : [""] + lines
    }

    /// A single status line that rewrites itself on a terminal and stays silent elsewhere.
    func progress(_ message: String) {
        guard stderrIsTTY else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(paint("▸", "36")) \(message)…".utf8))
    }

    func clearProgress() {
        guard stderrIsTTY else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
