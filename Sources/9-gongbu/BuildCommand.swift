import ArgumentParser
import Build
import Foundation
import GongbuCore

/// Exit codes every command shares.
enum ExitStatus {
    static let contentProblems = ExitCode(1)
    static let usageOrIO = ExitCode(2)
}

/// Options naming the site's source folder, shared by the commands.
struct SourceOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("Folder holding content/, templates/ and gongbu.yml (default: the current folder).", valueName: "dir"))
    var source: String?

    var sourceRoot: String {
        Path.absolute(source ?? ".", relativeTo: LocalFileSystem.currentDirectory)
    }
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the static site.",
        discussion: """
            Reads content/ (notes; content/glossary/ holds concept entries), templates/ and gongbu.yml,
            and writes the site into the output folder. Nothing is written when the notes have errors:
            the previous site stays as it was.

            Examples:
              gongbu build
              gongbu build --source ~/study --output ~/study-site --drafts
            """
    )

    @OptionGroup var sourceOptions: SourceOptions

    @Option(name: .long, help: ArgumentHelp("Output folder (default: public/ inside the source folder).", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "Include notes marked `draft: true`.")
    var drafts = false

    @Flag(name: .long, help: "Print only errors and warnings, no summary line.")
    var quiet = false

    @Flag(name: .long, help: "Do not keep the previous site beside the output folder (.public.gongbu-spare) for faster rebuilds.")
    var noSpare = false

    @Flag(
        name: .long,
        help: "Fail the build on problems in manifest examples (otherwise they are warnings), as `strict: true` in gongbu.yml does.")
    var strict = false

    @Option(
        name: .long,
        help: ArgumentHelp("Print at most this many lines for each rule (the closing count line still counts them all).", valueName: "n"))
    var maxPerRule: Int?

    @Flag(name: .long, help: "Print how long each step of the build took, and each phase of writing.")
    var timings = false

    @Option(
        name: .long, help: ArgumentHelp("Threads per core that render and write files (default 2).", valueName: "n", visibility: .hidden))
    var writeThreadsPerCore = 2

    func run() throws {
        let terminal = Terminal()
        let sourceRoot = sourceOptions.sourceRoot
        let outputRoot = Path.absolute(
            output ?? Path.join(sourceRoot, SourceLayout.defaultOutputFolder), relativeTo: terminal.currentDirectory)
        var options = BuildOptions(
            fileSystem: LocalFileSystem(), sourceRoot: sourceRoot, outputRoot: outputRoot,
            homeDirectory: LocalFileSystem.homeDirectory)
        options.includeDrafts = drafts
        options.keepSpare = !noSpare
        options.strict = strict
        options.writeThreadsPerCore = max(1, writeThreadsPerCore)
        let phases = Locked([(String, Double)]())
        if timings { options.writeTrace = { phase, seconds in phases.withLock { $0.append((phase, seconds)) } } }
        let build = SiteBuild(options: options, generatorVersion: Gongbu.version)
        let report = build.run(progress: quiet ? { _ in } : terminal.progress)
        terminal.clearProgress()
        terminal.report(report.diagnostics, sourceRoot: sourceRoot, maxPerRule: maxPerRule)

        if timings {
            for timing in report.timings {
                let name = timing.step.padding(toLength: 18, withPad: " ", startingAt: 0)
                let line = String(
                    format: "%7.3f s  (cpu %7.3f s, peak memory %5d MB)", timing.seconds, timing.cpuSeconds, timing.peakMemory >> 20)
                FileHandle.standardError.write(Data("  \(name) \(line)\n".utf8))
            }
            for (phase, seconds) in phases.withLock({ $0 }) {
                FileHandle.standardError.write(Data("    write/\(phase): \(String(format: "%.3f", seconds)) s\n".utf8))
            }
            // What the write step wrote (the other steps write nothing), by area, largest first.
            if let written = report.written {
                func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }
                let line =
                    "  wrote              \(megabytes(written.bytes)) in \(written.files) files (\(written.written) changed), \(written.folders) folders (\(written.foldersMade) made)\n"
                FileHandle.standardError.write(Data(line.utf8))
                for (area, totals) in written.areas.sorted(by: { $0.value.bytes > $1.value.bytes }) {
                    let name = area.padding(toLength: 16, withPad: " ", startingAt: 0)
                    FileHandle.standardError.write(
                        Data("    \(name) \(megabytes(totals.bytes).leftPadded(10))  \(totals.files) files\n".utf8))
                }
            }
        }
        if let fatal = report.fatal {
            terminal.error(fatal)
            throw ExitStatus.usageOrIO
        }
        let errors = report.diagnostics.errors.count
        let warnings = report.diagnostics.warnings.count
        if errors > 0 {
            terminal.writeError(
                "Build failed: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"); the output folder was not changed."
            )
            throw ExitStatus.contentProblems
        }
        if !quiet {
            let seconds = String(format: "%.2f", report.seconds)
            let kind = report.sourceKind.map { " from a \($0.displayName)" } ?? ""
            var line = "Built \(report.pages) pages (\(report.notes) notes, \(report.tags) tags)\(kind) in \(seconds) s"
            if warnings > 0 { line += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
            print(line + " → " + terminal.displayPath(outputRoot, sourceRoot: "/"))
        }
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
