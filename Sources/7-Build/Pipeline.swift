import Analysis
import Content
import Glossary
import GongbuCore
import Manifests
import Search
import Site
import Write

/// The source folder as the load step read it: config, notes, glossary entries and theme.
public struct LoadedSite: Sendable {
    public var content: LoadedContent
    public var theme: Theme
    public var glossary: Glossary
    /// Problems in the templates and the glossary entries.
    public var themeAndGlossaryDiagnostics: [Diagnostic]

    /// Problems found while loading (content, theme and glossary), for the report.
    public var diagnostics: [Diagnostic] { content.diagnostics + themeAndGlossaryDiagnostics }
}

/// Every note and concept analysed, and the site model built from them.
public struct AnalysedSite: Sendable {
    public var site: LoadedSite
    /// The analyzer the notes went through (it knows every note's slug and title).
    public var analyzer: NoteAnalyzer
    /// Problems with the analyzer's set-up (an unsupported `kubernetes_version` …).
    public var setupDiagnostics: [Diagnostic]
    /// One result per note, in the order of `site.content.notes`.
    public var notes: [NoteAnalysis]
    /// One body per concept, in the order of `site.glossary.concepts`.
    public var concepts: [ConceptBody]
    public var model: SiteModel
    /// Problems the cross-note step found (tag collisions, unused concepts …).
    public var modelDiagnostics: [Diagnostic]

    /// Every problem the analysis found, in no particular order.
    public var diagnostics: [Diagnostic] {
        site.diagnostics + setupDiagnostics + notes.flatMap(\.diagnostics) + concepts.flatMap(\.diagnostics) + modelDiagnostics
    }
}

/// The site's output files, planned: paths known, pages rendered when they are written.
public struct RenderedSite: Sendable {
    public var renderer: SiteRenderer
    public var files: [OutputFile]
    /// Redirects that cannot be written, and output paths that two sources both claim.
    public var diagnostics: [Diagnostic]
}

/// The pipeline, written once: load → analyse (notes, concepts, then the cross-note model) →
/// render → write. `SiteBuild` (gongbu build, graph, search), `IncrementalBuild` (gongbu serve)
/// and the test harness all run these steps; they differ only in what they do with the result
/// (write it, keep it in memory, or look at one note).
public enum Pipeline {
    /// The named steps, in order, as `--timings` reports them.
    public enum Step: String, CaseIterable, Sendable {
        /// Read content/, templates/ and gongbu.yml; load the theme and the glossary.
        case load
        /// Run `NoteAnalyzer.passes` over every note and concept entry, on all cores.
        case notes
        /// The cross-note step: order, tags, the concept graph and backlinks, the search index.
        case model = "graph and search"
        /// Every output file's path and origin, and the collisions between them.
        case plan
        /// Render each page as it is written, and swap the new site in.
        case write = "render and write"
    }

    /// Step `load`. Nil when the source folder does not exist.
    public static func load(_ options: BuildOptions, checkSlugs: Bool = true) -> LoadedSite? {
        guard options.fileSystem.isDirectory(options.sourceRoot) else { return nil }
        let loader = contentLoader(options)
        var content = loader.load(checkSlugs: checkSlugs)
        if options.strict { content.config.strict = true }
        return load(content, fileSystem: options.fileSystem, sourceRoot: options.sourceRoot)
    }

    /// The theme and glossary for content already read.
    public static func load(_ content: LoadedContent, fileSystem: any FileSystem, sourceRoot: String) -> LoadedSite {
        let (theme, themeDiagnostics) = Theme.load(
            fileSystem: fileSystem, templatesFolder: Path.join(sourceRoot, SourceLayout.templatesFolder),
            displayFolder: SourceLayout.templatesFolder)
        let (glossary, glossaryDiagnostics) = Glossary.load(content.glossary, bundled: content.config.bundledGlossary)
        return LoadedSite(
            content: content, theme: theme, glossary: glossary, themeAndGlossaryDiagnostics: themeDiagnostics + glossaryDiagnostics)
    }

    public static func contentLoader(_ options: BuildOptions) -> ContentLoader {
        ContentLoader(
            fileSystem: options.fileSystem, sourceRoot: options.sourceRoot, excludedPaths: [options.outputRoot],
            includeDrafts: options.includeDrafts)
    }

    /// Step `notes` and step `model`: analyses `notes` (the site's own unless given) and every
    /// concept, then assembles the site model. `searchIndex: false` leaves the index to be
    /// built later (the preview server builds it when a search file is first asked for).
    public static func analyse(
        _ site: LoadedSite, notes: [SourceNote]? = nil, searchIndexOnly: Bool = false, searchIndex: Bool = true,
        clock: ((Step) -> Void)? = nil
    ) -> AnalysedSite {
        let notes = notes ?? site.content.notes
        var (analyzer, setupDiagnostics) = makeAnalyzer(site, notes: notes)
        analyzer.searchIndexOnly = searchIndexOnly
        let analyses = notes.concurrentMap(analyzer.analyse)
        let concepts = site.glossary.concepts.indices.concurrentMap(analyzer.analyseConcept)
        clock?(.notes)
        var (model, modelDiagnostics) = assemble(site, pages: analyses.map(\.page), concepts: concepts, searchIndex: searchIndex)
        // Rendering never reads the prose the index was built from; `gongbu search` does, and
        // so does an index built later.
        if searchIndex && !searchIndexOnly { model.releaseSearchText() }
        clock?(.model)
        return AnalysedSite(
            site: site, analyzer: analyzer, setupDiagnostics: setupDiagnostics, notes: analyses, concepts: concepts,
            model: model, modelDiagnostics: modelDiagnostics)
    }

    /// The per-note analyzer for a set of notes (it knows their slugs and titles for links).
    public static func makeAnalyzer(_ site: LoadedSite, notes: [SourceNote]) -> (NoteAnalyzer, [Diagnostic]) {
        let config = site.content.config
        var diagnostics: [Diagnostic] = []
        var noteTitles: [String: String] = [:]
        for note in notes { noteTitles[note.slug] = note.linkTitle }
        var validation = ValidationOptions(strict: config.strictManifests)
        if let requested = config.kubernetesVersion {
            if let resolved = KubernetesSchema.shared.resolveVersion(requested) {
                validation.version = resolved
            } else {
                let shipped = KubernetesSchema.shared.availableVersions.joined(separator: ", ")
                diagnostics.append(
                    .warning(
                        "kubernetes_version '\(requested)' is not supported (gongbu ships \(shipped)); using \(validation.version)",
                        at: SourceLocation(file: SourceLayout.configFile), rule: "config"))
            }
        }
        let urls = SiteURLs(config)
        let targets = LinkTargets(
            notes: notes, staticFiles: site.content.staticFiles, assets: site.theme.assets.keys, basePath: urls.basePath)
        var analyzer = NoteAnalyzer(
            config: config, linkTargets: targets, urls: SiteURLs(config), glossary: site.glossary,
            noteTitles: noteTitles, validation: validation)
        analyzer.notesBySlug = Dictionary(notes.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        return (analyzer, diagnostics)
    }

    /// Step `model`: the site model (order, tags), the concept graph, and the search index
    /// (terms per document on all cores, then one merge).
    public static func assemble(
        _ site: LoadedSite, pages: [NotePage], concepts: [ConceptBody], searchIndex: Bool = true,
        analyse: (SearchDocument) -> TermAnalysis = IndexBuilder.analyse
    ) -> (SiteModel, [Diagnostic]) {
        var model = SiteModel(
            config: site.content.config, notes: pages, staticFiles: site.content.staticFiles, folders: site.content.folders)
        let diagnostics = model.tagCollisions + model.attach(glossary: site.glossary, conceptBodies: concepts.map(\.html))
        model.conceptTexts = concepts.map(\.text)
        if searchIndex { buildSearchIndex(&model, analyse: analyse) }
        return (model, diagnostics)
    }

    public static func buildSearchIndex(_ model: inout SiteModel, analyse: (SearchDocument) -> TermAnalysis = IndexBuilder.analyse) {
        model.searchIndex = IndexBuilder.build(model.searchDocuments(), analyse: analyse)
    }

    /// Step `plan`: every output file of the model, rendered when it is written (or by
    /// `OutputFile.materialized()`), with the problems planning found.
    public static func render(_ model: SiteModel, theme: Theme, generatorVersion: String) -> RenderedSite {
        let pageRenderer = PageRenderer(
            theme: theme, config: model.config, ui: UIStrings.forLanguage(model.config.language),
            generatorVersion: generatorVersion)
        let renderer = SiteRenderer(renderer: pageRenderer, model: model)
        let (files, diagnostics) = renderer.plan()
        return RenderedSite(renderer: renderer, files: files, diagnostics: diagnostics + OutputWriter.plan(files))
    }
}
