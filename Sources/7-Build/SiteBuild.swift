import Content
import Foundation
import GongbuCore
import Site
import Write

/// Options of one build, as the CLI (or a test) sets them.
public struct BuildOptions: Sendable {
    public var fileSystem: any FileSystem
    /// Absolute folder holding content/, templates/ and gongbu.yml.
    public var sourceRoot: String
    /// Absolute output folder.
    public var outputRoot: String
    public var includeDrafts = false
    /// Keep the previous site beside the output as `.<name>.gongbu-spare`, so the next build
    /// rewrites only what changed (faster on large sites, at the cost of a second copy on disk).
    public var keepSpare = true
    /// Refused as an output folder.
    public var homeDirectory: String
    /// Analyse only what the search index needs (see `NoteProcessor.searchIndexOnly`).
    public var searchIndexOnly = false
    /// Run every stage but do not write (for `gongbu validate`-style checks and tests).
    public var dryRun = false
    /// Problems in manifest examples are errors (`--strict`), as `strict: true` in gongbu.yml makes them.
    public var strict = false
    /// Threads per core that render and write output files (see `OutputWriter`).
    public var writeThreadsPerCore = 2
    /// Receives each phase of writing and its seconds (`gongbu build --timings`).
    public var writeTrace: (@Sendable (_ phase: String, _ seconds: Double) -> Void)?

    public init(fileSystem: any FileSystem, sourceRoot: String, outputRoot: String, homeDirectory: String) {
        self.fileSystem = fileSystem
        self.sourceRoot = Path.normalize(sourceRoot)
        self.outputRoot = Path.normalize(outputRoot)
        self.homeDirectory = homeDirectory
    }
}

/// What a build did, for the summary line and the exit code.
public struct BuildReport: Sendable {
    public var notes = 0
    public var tags = 0
    /// What kind of folder the source was read as.
    public var sourceKind: SourceKind?
    /// Manifest examples checked.
    public var examples = 0
    /// HTML pages written (notes, tags, index pages, 404, redirects).
    public var pages = 0
    /// All files written.
    public var files = 0
    public var diagnostics: [Diagnostic] = []
    /// A usage or I/O failure (exit code 2) as opposed to content problems (exit code 1).
    public var fatal: String?
    public var wroteOutput = false
    /// What the write step put in the output folder, by area.
    public var written: WriteSummary?
    public var seconds: Double = 0
    /// Seconds spent in each named step, in order.
    public var timings: [StepTiming] = []

    public var succeeded: Bool { fatal == nil && !diagnostics.hasErrors }

    public init() {}
}

/// `gongbu build`: runs the `Pipeline` steps in order and writes the site.
///
/// Data flows one way through plain values; nothing is written until every step has run and
/// found no error, so a failed build leaves the previous site untouched.
public struct SiteBuild: Sendable {
    public var options: BuildOptions
    public var generatorVersion: String

    public init(options: BuildOptions, generatorVersion: String) {
        self.options = options
        self.generatorVersion = generatorVersion
    }

    /// Steps `load`, `notes` and `model`: load, parse and analyse every note and concept, and
    /// build the site model. Returns nil (with `report.fatal` set) when the source folder cannot
    /// be used at all.
    public func analyse(_ report: inout BuildReport, progress: (String) -> Void = { _ in }) -> SiteAnalysis? {
        var clock = StepClock()
        defer { report.timings += clock.timings }
        progress("reading notes")
        guard let site = Pipeline.load(options) else {
            report.fatal = "source folder \(options.sourceRoot) does not exist or is not a folder"
            return nil
        }
        clock.finish(.load)
        progress("rendering \(site.content.notes.count) notes")
        let analysed = Pipeline.analyse(site, searchIndexOnly: options.searchIndexOnly) { clock.finish($0) }
        report.diagnostics += analysed.diagnostics
        report.examples = analysed.notes.reduce(0) { $0 + $1.page.examples.count }
        report.notes = analysed.model.notes.count
        report.sourceKind = site.content.profile.kind
        report.tags = analysed.model.tags.count
        return SiteAnalysis(theme: site.theme, model: analysed.model, urls: analysed.analyzer.urls)
    }

    /// The whole build: analyse, render every page, and write the site only when nothing is wrong.
    public func run(progress: (String) -> Void = { _ in }) -> BuildReport {
        var report = BuildReport()
        let started = DispatchTime.now()
        var writer = OutputWriter(fileSystem: options.fileSystem, outputRoot: options.outputRoot)
        writer.keepSpare = options.keepSpare
        writer.writeThreadsPerCore = options.writeThreadsPerCore
        writer.trace = options.writeTrace
        if !options.dryRun, let problem = writer.checkTarget(sourceRoot: options.sourceRoot, homeDirectory: options.homeDirectory) {
            report.fatal = problem.message
            return finish(report, started)
        }
        guard let analysis = analyse(&report, progress: progress) else { return finish(report, started) }

        // Step `plan`: every output file; pages are rendered as they are written.
        var clock = StepClock()
        progress("planning pages")
        let rendered = Pipeline.render(analysis.model, theme: analysis.theme, generatorVersion: generatorVersion)
        let files = rendered.files
        report.diagnostics += rendered.diagnostics
        report.pages = files.filter { $0.path.hasSuffix(".html") }.count
        report.files = files.count + 1
        clock.finish(.plan)

        // Step `write`, only when nothing is wrong
        guard !report.diagnostics.hasErrors, !options.dryRun else {
            report.timings += clock.timings
            return finish(report, started)
        }
        progress("rendering and writing \(files.count) files")
        do {
            report.written = try writer.write(files)
            report.wroteOutput = true
        } catch {
            report.fatal = error.message
        }
        clock.finish(.write)
        report.timings += clock.timings
        return finish(report, started)
    }

    private func finish(_ report: BuildReport, _ started: DispatchTime) -> BuildReport {
        var report = report
        report.diagnostics = report.diagnostics.sortedForDisplay()
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return report
    }
}

/// Everything the analysis steps produced, for rendering or for commands that print data
/// (`gongbu graph`).
public struct SiteAnalysis: Sendable {
    public var theme: Theme
    public var model: SiteModel
    public var urls: SiteURLs
}

/// How long one step of a build took, on the clock and on the processors.
public struct StepTiming: Sendable {
    public var step: String
    public var seconds: Double
    /// User plus system time of all threads; `cpuSeconds / seconds` is how many cores the step kept busy.
    public var cpuSeconds: Double
    /// The process's peak resident memory so far, in bytes.
    public var peakMemory: Int
}

/// Times the named steps of a build.
struct StepClock {
    private var last = DispatchTime.now()
    private var lastCPU = StepClock.usage().cpu
    private(set) var timings: [StepTiming] = []

    mutating func finish(_ step: Pipeline.Step) {
        finish(step.rawValue)
    }

    mutating func finish(_ step: String) {
        let now = DispatchTime.now()
        let (cpu, peak) = Self.usage()
        timings.append(
            StepTiming(
                step: step, seconds: Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9,
                cpuSeconds: cpu - lastCPU, peakMemory: peak))
        last = now
        lastCPU = cpu
    }

    /// Processor seconds used so far and peak resident memory in bytes.
    static func usage() -> (cpu: Double, peak: Int) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return (seconds(usage.ru_utime) + seconds(usage.ru_stime), Int(usage.ru_maxrss) * 1024)
    }
}
