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
    func report(_ diagnostics: [Diagnostic], sourceRoot: String?) {
        var lastFile: String?
        for diagnostic in diagnostics {
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
