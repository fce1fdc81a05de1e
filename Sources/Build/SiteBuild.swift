import Content
import Foundation
import Glossary
import GongbuCore
import Manifests
import Search
import Site

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
    public var seconds: Double = 0
    /// Seconds spent in each named step, in order.
    public var timings: [StepTiming] = []

    public var succeeded: Bool { fatal == nil && !diagnostics.hasErrors }

    public init() {}
}

/// The pipeline: load → parse and analyse → render → write, as named steps.
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

    /// Steps 1–3: load, parse and analyse every note and concept, and build the concept graph.
    /// Returns nil (with `report.fatal` set) when the source folder cannot be used at all.
    public func analyse(_ report: inout BuildReport, progress: (String) -> Void = { _ in }) -> SiteAnalysis? {
        var clock = StepClock()
        defer { report.timings += clock.timings }
        let fileSystem = options.fileSystem
        guard fileSystem.isDirectory(options.sourceRoot) else {
            report.fatal = "source folder \(options.sourceRoot) does not exist or is not a folder"
            return nil
        }

        // 1. Load
        progress("reading notes")
        let loader = ContentLoader(fileSystem: fileSystem, sourceRoot: options.sourceRoot,
                                   excludedPaths: [options.outputRoot], includeDrafts: options.includeDrafts)
        let content = loader.load()
        report.diagnostics += content.diagnostics
        let (theme, themeDiagnostics) = Theme.load(fileSystem: fileSystem, templatesFolder: Path.join(options.sourceRoot, "templates"),
                                                   displayFolder: "templates")
        report.diagnostics += themeDiagnostics
        let (glossary, glossaryDiagnostics) = Glossary.load(content.glossary)
        report.diagnostics += glossaryDiagnostics
        clock.finish("load")

        // 2. Parse, link and render each note's body, on all cores
        progress("rendering \(content.notes.count) notes")
        var (processor, setupDiagnostics) = Self.makeProcessor(content: content, theme: theme, glossary: glossary)
        processor.searchIndexOnly = options.searchIndexOnly
        report.diagnostics += setupDiagnostics
        var pages: [NotePage] = []
        do {
            let processed = content.notes.concurrentMap(processor.process)
            pages.reserveCapacity(processed.count)
            for (page, diagnostics) in processed {
                pages.append(page)
                report.diagnostics += diagnostics
            }
        }
        let conceptBodies = glossary.concepts.indices.concurrentMap(processor.processConcept)
        for concept in conceptBodies { report.diagnostics += concept.diagnostics }
        report.examples = pages.reduce(0) { $0 + $1.examples.count }
        clock.finish("notes")

        // 3. Cross-note analysis: ordering, tags, the concept graph and backlinks, the search index
        var (model, modelDiagnostics) = Self.assemble(config: content.config, pages: consume pages, staticFiles: content.staticFiles,
                                                      glossary: glossary, conceptBodies: conceptBodies)
        // Rendering never reads the prose the index was built from; `gongbu search` does.
        if !options.searchIndexOnly { model.releaseSearchText() }
        report.diagnostics += modelDiagnostics
        report.notes = model.notes.count
        report.tags = model.tags.count
        clock.finish("graph and search")
        return SiteAnalysis(theme: theme, model: model, urls: processor.urls)
    }

    /// The per-note processor for a set of notes (it knows their slugs and titles for links).
    static func makeProcessor(content: LoadedContent, theme: Theme, glossary: Glossary, notes: [SourceNote]? = nil) -> (NoteProcessor, [Diagnostic]) {
        let notes = notes ?? content.notes
        var diagnostics: [Diagnostic] = []
        var noteTitles: [String: String] = [:]
        for note in notes { noteTitles[note.slug] = note.metadata.title ?? note.nameTitle }
        var validation = ValidationOptions(strict: content.config.strictManifests)
        if let requested = content.config.kubernetesVersion {
            if let resolved = KubernetesSchema.shared.resolveVersion(requested) {
                validation.version = resolved
            } else {
                diagnostics.append(.warning("kubernetes_version '\(requested)' is not supported (gongbu ships \(KubernetesSchema.shared.availableVersions.joined(separator: ", "))); using \(validation.version)",
                                            at: SourceLocation(file: SiteConfig.fileName), rule: "config"))
            }
        }
        let processor = NoteProcessor(config: content.config,
                                      linkTargets: LinkTargets(notes: notes, staticFiles: content.staticFiles, assets: theme.assets.keys),
                                      urls: SiteURLs(baseURL: content.config.baseURL), glossary: glossary, noteTitles: noteTitles,
                                      validation: validation)
        return (processor, diagnostics)
    }

    /// The cross-note steps: the site model (order, tags), the concept graph, and the search
    /// index (terms per document on all cores, then one merge).
    /// The site model over processed pages; `searchIndex: false` leaves the index to be built
    /// later (the preview server builds it only when a search file is asked for).
    static func assemble(config: SiteConfig, pages: [NotePage], staticFiles: [StaticFile], glossary: Glossary,
                         conceptBodies: [(html: String, text: String, diagnostics: [Diagnostic])], searchIndex: Bool = true,
                         analyse: (SearchDocument) -> TermAnalysis = IndexBuilder.analyse) -> (SiteModel, [Diagnostic]) {
        var model = SiteModel(config: config, notes: pages, staticFiles: staticFiles)
        let diagnostics = model.tagCollisions + model.attach(glossary: glossary, conceptBodies: conceptBodies.map(\.html))
        model.conceptTexts = conceptBodies.map(\.text)
        if searchIndex { buildSearchIndex(&model, analyse: analyse) }
        return (model, diagnostics)
    }

    static func buildSearchIndex(_ model: inout SiteModel, analyse: (SearchDocument) -> TermAnalysis = IndexBuilder.analyse) {
        model.searchIndex = IndexBuilder.build(model.searchDocuments(), analyse: analyse)
    }

    /// The whole build: analyse, render every page, and write the site only when nothing is wrong.
    public func run(progress: (String) -> Void = { _ in }) -> BuildReport {
        var report = BuildReport()
        let started = DispatchTime.now()
        var writer = OutputWriter(fileSystem: options.fileSystem, outputRoot: options.outputRoot)
        writer.keepSpare = options.keepSpare
        if !options.dryRun, let problem = writer.checkTarget(sourceRoot: options.sourceRoot, homeDirectory: options.homeDirectory) {
            report.fatal = problem.message
            return finish(report, started)
        }
        guard let analysis = analyse(&report, progress: progress) else { return finish(report, started) }

        // 4. Plan every output file; pages are rendered as they are written.
        var clock = StepClock()
        progress("planning pages")
        let renderer = PageRenderer(theme: analysis.theme, config: analysis.model.config,
                                    ui: UIStrings.forLanguage(analysis.model.config.language), generatorVersion: generatorVersion)
        let (files, renderDiagnostics) = SiteRenderer(renderer: renderer, model: analysis.model).plan()
        report.diagnostics += renderDiagnostics
        report.diagnostics += OutputWriter.plan(files)
        report.pages = files.filter { $0.path.hasSuffix(".html") }.count
        report.files = files.count + 1
        clock.finish("plan")

        // 5. Write, only when nothing is wrong
        guard !report.diagnostics.hasErrors, !options.dryRun else {
            report.timings += clock.timings
            return finish(report, started)
        }
        progress("rendering and writing \(files.count) files")
        do {
            _ = try writer.write(files)
            report.wroteOutput = true
        } catch {
            report.fatal = error.message
        }
        clock.finish("render and write")
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

    mutating func finish(_ step: String) {
        let now = DispatchTime.now()
        let (cpu, peak) = Self.usage()
        timings.append(StepTiming(step: step, seconds: Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9,
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
