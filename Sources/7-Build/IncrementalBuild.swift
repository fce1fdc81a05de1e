import Analysis
import Content
import Dispatch
import Foundation
import Glossary
import GongbuCore
import Search
import Site
import Write

/// The site kept in memory for `gongbu serve`, brought up to date file by file.
///
/// A thin coordinator: a full rebuild runs the same `Pipeline` steps as `gongbu build`; after
/// an edit, `ChangePlan` decides what to analyse and render again and `PublishedSite` holds
/// the result. Editing a glossary entry, a template or gongbu.yml rebuilds everything. The
/// result and the diagnostics are always those of a full build of the same files (tests
/// compare them).
public final class IncrementalBuild: Sendable {
    public let options: BuildOptions
    let generatorVersion: String
    private let state = Locked(State())

    /// One note file and what its analysis produced.
    struct NoteEntry {
        /// Nil when the file has errors or is a draft.
        var note: SourceNote?
        /// Nil until analysed, and for notes that are not published (a slug another note has).
        var analysis: NoteAnalysis?
        /// Bumped each time the note is analysed again, to invalidate cached search terms.
        var revision: Int
    }

    /// Everything from the last (re)build; only touched under the lock.
    struct State {
        var site: LoadedSite?
        var analyzer: NoteAnalyzer?
        var pageRenderer: PageRenderer?
        var model: SiteModel?
        var concepts: [ConceptBody] = []
        /// By content path, so the order is the same as a full build's.
        var entries: [String: NoteEntry] = [:]
        /// The loader's problems with each Markdown file (by its path in diagnostics), so an edit
        /// replaces its own file's and nothing else's.
        var fileDiagnostics: [String: [Diagnostic]] = [:]
        /// The loader's other problems, the theme's and the glossary's.
        var siteDiagnostics: [Diagnostic] = []
        var setupDiagnostics: [Diagnostic] = []
        var slugDiagnostics: [Diagnostic] = []
        var modelDiagnostics: [Diagnostic] = []
        var renderDiagnostics: [Diagnostic] = []
        var searchTerms: [String: (revision: Int, tags: [String], analysis: TermAnalysis)] = [:]
        var revisionCounter = 0
        var published = PublishedSite()

        var renderer: SiteRenderer? {
            guard let pageRenderer, let model else { return nil }
            return SiteRenderer(renderer: pageRenderer, model: model)
        }

        func diagnostics() -> [Diagnostic] {
            var all = siteDiagnostics + setupDiagnostics + slugDiagnostics
            for key in fileDiagnostics.keys.sorted() { all += fileDiagnostics[key]! }
            for concept in concepts { all += concept.diagnostics }
            // Only the notes with something to say, read in place (an entry is a large value).
            var noted: [(key: String, diagnostics: [Diagnostic])] = []
            for index in entries.indices where !(entries.values[index].analysis?.diagnostics.isEmpty ?? true) {
                noted.append((entries.keys[index], entries.values[index].analysis?.diagnostics ?? []))
            }
            for (_, diagnostics) in noted.sorted(by: { $0.key < $1.key }) { all += diagnostics }
            all += modelDiagnostics + renderDiagnostics
            return all.sortedForDisplay()
        }
    }

    public init(options: BuildOptions, generatorVersion: String) {
        self.options = options
        self.generatorVersion = generatorVersion
    }

    /// What one (re)build did.
    public struct Update: Sendable {
        public var full: Bool
        public var seconds: Double
        /// Output paths written or rewritten.
        public var changed: [String]
        /// Output paths that no longer exist.
        public var removed: [String]
        public var diagnostics: [Diagnostic]
        public var fatal: String?
        public var notes: Int
        public var pages: Int
        /// Pages rendered by this update (what it had to look at, not only what changed).
        public var rendered = 0
        /// Whether the site model was assembled again from every note (rather than patched).
        public var reassembled = true
        /// Where an incremental update's time went, step by step (seconds).
        public var steps: [(name: String, seconds: Double)] = []

        public var hasErrors: Bool { fatal != nil || diagnostics.hasErrors }
    }

    // MARK: - Full build

    /// Reads and renders everything.
    @discardableResult
    public func rebuildAll() -> Update {
        state.withLock { rebuildAll(&$0) }
    }

    private func rebuildAll(_ state: inout State) -> Update {
        let started = DispatchTime.now()
        guard var site = Pipeline.load(options, checkSlugs: false) else {
            return Update(
                full: true, seconds: 0, changed: [], removed: [], diagnostics: [],
                fatal: "source folder \(options.sourceRoot) does not exist or is not a folder", notes: 0, pages: 0)
        }
        state.fileDiagnostics = [:]
        state.siteDiagnostics = site.themeAndGlossaryDiagnostics
        for diagnostic in site.content.diagnostics {
            if let file = diagnostic.location?.file, SourceLayout.isMarkdown(file), diagnostic.rule != "symlink" {
                state.fileDiagnostics[file, default: []].append(diagnostic)
            } else {
                state.siteDiagnostics.append(diagnostic)
            }
        }
        state.entries = [:]
        state.searchTerms = [:]
        for note in site.content.notes {
            state.entries[note.document.contentPath] = NoteEntry(note: note, analysis: nil, revision: 0)
        }
        var none: [String: NotePage] = [:]
        let kept = checkSlugs(&state, dropped: &none)
        site.content.notes = kept
        let analysed = Pipeline.analyse(site, searchIndex: false)
        for (note, analysis) in zip(kept, analysed.notes) {
            state.revisionCounter += 1
            state.entries[note.document.contentPath]?.analysis = analysis
            state.entries[note.document.contentPath]?.revision = state.revisionCounter
        }
        state.site = site
        state.analyzer = analysed.analyzer
        state.setupDiagnostics = analysed.setupDiagnostics
        state.concepts = analysed.concepts
        state.model = analysed.model
        state.modelDiagnostics = analysed.modelDiagnostics
        state.pageRenderer = PageRenderer(
            theme: site.theme, config: site.content.config, ui: UIStrings.forLanguage(site.content.config.language),
            generatorVersion: generatorVersion)
        state.renderDiagnostics = Pipeline.render(analysed.model, theme: site.theme, generatorVersion: generatorVersion).diagnostics

        let diagnostics = state.diagnostics()
        var update = Update(
            full: true, seconds: 0, changed: [], removed: [], diagnostics: diagnostics, fatal: nil,
            notes: analysed.model.notes.count, pages: 0)
        if diagnostics.hasErrors && !state.published.isEmpty {
            // Keep serving the last good site until the errors are fixed.
            state.published.pendingAll = true
        } else {
            // The first build is published even with errors, so there is something to look at.
            (update.changed, update.removed) = publishAll(&state)
        }
        update.pages = state.published.pageCount
        update.seconds = seconds(since: started)
        return update
    }

    /// The content paths (outside `excluding`) of the analysed notes that pass `test`, each
    /// read in place: an entry is a large value, not copied for each of the site's notes.
    static func notes(
        in entries: [String: NoteEntry], excluding: Set<String>, where test: (NoteAnalysis) -> Bool
    ) -> Set<String> {
        var result = Set<String>()
        for index in entries.indices where entries.values[index].analysis.map(test) == true {
            let key = entries.keys[index]
            if !excluding.contains(key) { result.insert(key) }
        }
        return result
    }

    /// Where the note at `contentPath` is among `notes` (in content-path order), found by halves.
    static func position(of contentPath: String, in notes: [SourceNote]) -> Int? {
        let place = notes.partitionPoint { $0.document.contentPath < contentPath }
        return place < notes.count && notes[place].document.contentPath == contentPath ? place : nil
    }

    /// The notes to publish, in content-path order, without those whose slug an earlier note
    /// has (reported, as a full build reports them).
    /// Returns the pages of notes that were published and no longer are.
    @discardableResult
    private func checkSlugs(_ state: inout State, dropped: inout [String: NotePage]) -> [SourceNote] {
        var notes = state.entries.keys.sorted().compactMap { state.entries[$0]?.note }
        state.slugDiagnostics = ContentLoader.checkSlugs(&notes)
        let kept = Set(notes.map(\.document.contentPath))
        for key in state.entries.keys where !kept.contains(key) {
            if let page = state.entries[key]?.analysis?.page { dropped[key] = page }
            state.entries[key]?.analysis = nil
        }
        return notes
    }

    /// Renders every file (search index included) and publishes the site.
    private func publishAll(_ state: inout State) -> (changed: [String], removed: [String]) {
        buildSearchIndex(&state)
        guard let renderer = state.renderer else { return ([], []) }
        return state.published.replaceAll(with: renderer.render().files)
    }

    /// Builds the model's search index, reusing the term analysis of every note that has not
    /// been analysed again since it was last indexed.
    private func buildSearchIndex(_ state: inout State) {
        guard var model = state.model, model.searchIndex == nil else { return }
        var revisions: [String: Int] = [:]
        for entry in state.entries.values { if let page = entry.analysis?.page { revisions[page.source] = entry.revision } }
        let cache = state.searchTerms
        let fresh = Locked([String: (revision: Int, tags: [String], analysis: TermAnalysis)]())
        Pipeline.buildSearchIndex(&model) { document in
            guard document.kind == .note, let revision = revisions[document.source] else { return IndexBuilder.analyse(document) }
            if let cached = cache[document.source], cached.revision == revision, cached.tags == document.tags { return cached.analysis }
            let analysis = IndexBuilder.analyse(document)
            fresh.withLock { $0[document.source] = (revision, document.tags, analysis) }
            return analysis
        }
        for (key, value) in fresh.withLock({ $0 }) { state.searchTerms[key] = value }
        let live = Set(model.notes.map(\.source))
        state.searchTerms = state.searchTerms.filter { live.contains($0.key) }
        state.model = model
    }

    // MARK: - Incremental updates

    /// What a changed path means for the site.
    private enum Change {
        /// Read everything again (config, templates, glossary, folders, new or removed files).
        case everything
        /// A note file, by content path.
        case note(contentPath: String)
        /// A static file edited in place.
        case staticFile(OutputFile)
        case nothing
    }

    private func classify(_ path: String, site: LoadedSite, contentRoot: String) -> Change {
        let relative = Path.relative(path, to: options.sourceRoot)
        let templates = SourceLayout.templatesFolder
        if relative == SourceLayout.configFile || relative.hasPrefix(templates + "/") || relative == templates { return .everything }
        guard Path.isInside(path, contentRoot), path != contentRoot else { return .nothing }
        let contentPath = Path.relative(path, to: contentRoot)
        if contentPath.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { return .nothing }
        let glossary = SourceLayout.glossaryFolder
        if contentRoot != options.sourceRoot, contentPath.hasPrefix(glossary + "/") || contentPath == glossary { return .everything }
        if Path.isInside(path, options.outputRoot) { return .nothing }
        // What the source's rules leave out (gongbu.yml's exclude:, Hugo's ignoreFiles …).
        let kind = options.fileSystem.kind(of: path)
        if site.content.profile.excludes(relative, isDirectory: kind == .directory, includeDrafts: options.includeDrafts) {
            return .nothing
        }
        if SourceLayout.isMarkdown(path) { return .note(contentPath: contentPath) }
        // A folder appeared, disappeared or was renamed, or changed its label or position
        // (`_category_.json`): read everything again.
        if kind == .directory || ContentLoader.folderInfoNames.contains(Path.lastComponent(contentPath)) { return .everything }
        // Images and other static files change the set of link targets.
        let known = site.content.staticFiles.contains { $0.contentPath == contentPath }
        let exists = kind != nil
        if known != exists { return .everything }
        if !exists { return .nothing }
        return .staticFile(OutputFile(path: contentPath, contents: .copy(from: path), origin: relative))
    }

    /// Brings the site up to date after files changed (absolute paths; deleted files included).
    public func update(changedPaths: [String]) -> Update {
        state.withLock { update(&$0, changedPaths: changedPaths) }
    }

    private func update(_ state: inout State, changedPaths: [String]) -> Update {
        let started = DispatchTime.now()
        var steps: [(name: String, seconds: Double)] = []
        var mark = started
        func step(_ name: String) {
            let now = DispatchTime.now()
            steps.append((name, Double(now.uptimeNanoseconds - mark.uptimeNanoseconds) / 1e9))
            mark = now
        }
        guard let site = state.site, let oldModel = state.model, state.analyzer != nil else { return rebuildAll(&state) }
        let loader = Pipeline.contentLoader(options)
        let contentRoot = loader.contentRoot
        var changedNotes: [String: String] = [:]  // content path → absolute path
        for path in changedPaths.map(Path.normalize) {
            switch classify(path, site: site, contentRoot: contentRoot) {
            case .everything: return rebuildAll(&state)
            case .note(let contentPath): changedNotes[contentPath] = path
            case .staticFile(let file): state.published.replace(file)
            case .nothing: continue
            }
        }
        guard !changedNotes.isEmpty else {
            return Update(
                full: false, seconds: seconds(since: started), changed: [], removed: [], diagnostics: state.diagnostics(),
                fatal: nil, notes: oldModel.notes.count, pages: state.published.pageCount)
        }

        // Read the changed notes again.
        var before: [String: NotePage] = [:]
        var titleOrSlugChanged = false
        // Whether every changed note was published before and keeps its slug and the paths
        // that link to it: then the slug check and the link targets stay as they were.
        var samePlaces = true
        var affectedSlugs = Set<String>()
        var retitled: [(slug: String, title: String)] = []
        for (contentPath, absolute) in changedNotes {
            let old = state.entries[contentPath]
            if let page = old?.analysis?.page { before[contentPath] = page } else { samePlaces = false }
            if let slug = old?.note?.slug { affectedSlugs.insert(slug) }
            let display = Path.relative(absolute, to: options.sourceRoot)
            guard options.fileSystem.kind(of: absolute) != nil else {
                state.entries[contentPath] = nil
                state.fileDiagnostics[display] = nil
                titleOrSlugChanged = true
                samePlaces = false
                continue
            }
            let (note, _, diagnostics) = loader.loadFile(at: absolute)
            state.fileDiagnostics[display] = diagnostics.isEmpty ? nil : diagnostics
            let oldTitle = old?.note?.linkTitle
            let newTitle = note?.linkTitle
            if old?.note?.slug != note?.slug || oldTitle != newTitle { titleOrSlugChanged = true }
            if old?.note?.slug != note?.slug || old?.note?.linkedPaths != note?.linkedPaths { samePlaces = false }
            if let note, let newTitle, oldTitle != newTitle { retitled.append((note.slug, newTitle)) }
            if let slug = note?.slug { affectedSlugs.insert(slug) }
            state.entries[contentPath] = NoteEntry(note: note, analysis: nil, revision: 0)
        }

        step("read")
        // Which notes to analyse: the changed ones, notes that a slug check now lets through,
        // and (when a slug or title changed) notes whose links depend on them.
        var dropped: [String: NotePage] = [:]
        let kept: [SourceNote]
        if samePlaces {
            // The same notes under the same slugs: the check would keep the same notes.
            var notes = site.content.notes
            for (contentPath, _) in changedNotes {
                if let position = Self.position(of: contentPath, in: notes), let note = state.entries[contentPath]?.note {
                    notes[position] = note
                }
            }
            kept = notes
        } else {
            kept = checkSlugs(&state, dropped: &dropped)
        }
        // The changed notes, and any the slug check now lets through.
        var toAnalyse =
            samePlaces ? Set(changedNotes.keys) : Set(kept.map(\.document.contentPath).filter { state.entries[$0]?.analysis == nil })
        let droppedNow = Set(dropped.keys)
        for (key, page) in dropped where before[key] == nil { before[key] = page }
        if titleOrSlugChanged || !droppedNow.isEmpty {
            titleOrSlugChanged = true
            if samePlaces, var analyzer = state.analyzer {
                // Only titles changed: the wikilinks that show them read the new ones.
                for (slug, title) in retitled { analyzer.retitle(slug, to: title) }
                state.analyzer = analyzer
            } else {
                let (analyzer, setup) = Pipeline.makeAnalyzer(
                    site, notes: state.entries.keys.sorted().compactMap { state.entries[$0]?.note })
                state.analyzer = analyzer
                state.setupDiagnostics = setup
            }
            toAnalyse.formUnion(Self.notes(in: state.entries, excluding: toAnalyse) { ChangePlan.dependsOn(affectedSlugs, $0) })
        }
        // Notes that show a changed note's text (`![[노트]]`) read its new body.
        if !titleOrSlugChanged || samePlaces, state.analyzer != nil {
            for (contentPath, _) in changedNotes {
                if let slug = before[contentPath]?.slug { state.analyzer?.notesBySlug[slug] = nil }
                if let note = state.entries[contentPath]?.note { state.analyzer?.notesBySlug[note.slug] = note }
            }
        }
        toAnalyse.formUnion(Self.notes(in: state.entries, excluding: toAnalyse) { ChangePlan.embeds(affectedSlugs, $0) })
        for key in toAnalyse where before[key] == nil {
            if let page = state.entries[key]?.analysis?.page { before[key] = page }
        }
        step("plan analysis")
        guard let analyzer = state.analyzer else { return rebuildAll(&state) }
        let keys = toAnalyse.sorted().filter { state.entries[$0]?.note != nil }
        let results = keys.compactMap { state.entries[$0]?.note }.concurrentMap(analyzer.analyse)
        for (key, result) in zip(keys, results) {
            state.revisionCounter += 1
            state.entries[key]?.analysis = result
            state.entries[key]?.revision = state.revisionCounter
        }

        step("analyse")
        let touched = toAnalyse.union(changedNotes.keys).union(droppedNow)
        let changes = touched.sorted().map { key in (before: before[key], after: state.entries[key]?.analysis?.page) }
        var reassembled = true
        var current = site
        current.content.notes = kept
        state.site = current
        if let patched = ChangePlan.patchedModel(oldModel, changes: changes) {
            reassembled = false
            state.model = patched
            state.modelDiagnostics = patched.tagCollisions + patched.graph.unusedConcepts(site.glossary)
        } else {
            let pages = kept.compactMap { state.entries[$0.document.contentPath]?.analysis?.page }
            (state.model, state.modelDiagnostics) = Pipeline.assemble(current, pages: pages, concepts: state.concepts, searchIndex: false)
        }
        step(reassembled ? "assemble" : "patch")
        let newModel = state.model!
        // New tags mean new tag pages, whose paths are checked with the rest.
        if reassembled || !changes.allSatisfy({ ChangePlan.sameOutputs($0.before, $0.after) && $0.before?.tagNames == $0.after?.tagNames })
        {
            state.renderDiagnostics = Pipeline.render(newModel, theme: site.theme, generatorVersion: generatorVersion).diagnostics
        }
        let diagnostics = state.diagnostics()
        let plan = ChangePlan.pages(old: oldModel, new: newModel, changes: changes)
        step("plan pages")

        var update = Update(
            full: false, seconds: 0, changed: [], removed: [], diagnostics: diagnostics, fatal: nil,
            notes: newModel.notes.count, pages: 0)
        update.reassembled = reassembled
        if diagnostics.hasErrors {
            // Keep serving the last good site; remember what to refresh when the errors are fixed.
            state.published.pendingJobs.formUnion(plan.jobs)
            state.published.pendingAll = state.published.pendingAll || titleOrSlugChanged
        } else if state.published.pendingAll {
            (update.changed, update.removed) = publishAll(&state)
        } else {
            let jobs = plan.jobs.union(state.published.pendingJobs)
            state.published.pendingJobs = []
            (update.changed, update.removed, update.rendered) = publish(
                &state, jobs: jobs, changedSources: plan.changedSources, oldModel: oldModel)
        }
        step("render")
        // The model before the change is freed on another thread: freeing a large site's
        // model (its search index above all) takes tens of milliseconds no one waits for.
        let retired = Retired(consume oldModel)
        DispatchQueue.global(qos: .utility).async { retired.value = nil }
        update.pages = state.published.pageCount
        update.seconds = seconds(since: started)
        update.steps = steps
        return update
    }

    /// A value to be let go of elsewhere (`value = nil` on the thread that should free it).
    private final class Retired<Value: Sendable>: @unchecked Sendable {
        var value: Value?
        init(_ value: consuming Value) { self.value = value }
    }

    /// Renders the given pages, replaces the changed notes' own files, and marks the files
    /// computed from the whole site for regeneration on their next request.
    private func publish(
        _ state: inout State, jobs: Set<SiteRenderer.Job>, changedSources: Set<String>,
        oldModel: SiteModel
    ) -> (changed: [String], removed: [String], rendered: Int) {
        guard let renderer = state.renderer, let model = state.model else { return ([], [], 0) }
        var removed = Set<String>()
        // Files that belonged to the changed notes before.
        let old = SiteRenderer(renderer: renderer.renderer, model: oldModel)
        for index in oldModel.notes.indices where changedSources.contains(oldModel.notes[index].source) {
            removed.insert(PageLocation.note(slug: oldModel.notes[index].slug).outputPath)
            removed.formUnion(old.redirectFiles(ofNote: index).0.map(\.path))
        }
        // Folder pages of folders that are gone or now have a page note of their own.
        let folderPages = Set(
            model.sections.filter { $0.page == nil && !$0.path.isEmpty }.map { PageLocation.note(slug: $0.path).outputPath })
        for section in oldModel.sections where section.page == nil && !section.path.isEmpty {
            let path = PageLocation.note(slug: section.path).outputPath
            if !folderPages.contains(path) { removed.insert(path) }
        }
        // Tag pages that lost their last note.
        let tagPaths = Set(model.tags.map { PageLocation.tag(slug: $0.tag.slug).outputPath })
        for group in oldModel.tags where !tagPaths.contains(PageLocation.tag(slug: group.tag.slug).outputPath) {
            removed.insert(PageLocation.tag(slug: group.tag.slug).outputPath)
        }
        // Later pages of lists a change shortened.
        removed.formUnion(old.listPagePaths.subtracting(renderer.listPagePaths))
        let pages = renderer.withTheirPages(jobs, comparedWith: old, changedNotes: changedSources)
        var files = pages.concurrentMap(renderer.renderPage)
        for index in model.notes.indices where changedSources.contains(model.notes[index].source) {
            // Their problems (unusable aliases) are in `renderDiagnostics` already.
            files += renderer.redirectFiles(ofNote: index).0
        }
        let (changed, gone) = state.published.apply(files, removing: removed)
        return (changed, gone, pages.count)
    }

    // MARK: - Reading the site

    /// The file at an output path (rendering whole-site data on demand), or nil.
    public func file(at path: String) -> OutputFile? {
        state.withLock { state in
            if state.published.dataIsStale && PublishedSite.isData(path) { refreshData(&state) }
            return state.published.files[path]
        }
    }

    /// Regenerates the graph, feeds, sitemap and search index files together.
    private func refreshData(_ state: inout State) {
        buildSearchIndex(&state)
        guard let renderer = state.renderer else { return }
        state.published.refreshData(renderer.dataFiles())
    }

    /// Every file of the site, all generated (for tests and for writing the site out).
    public func snapshot() -> [String: OutputFile] {
        state.withLock { state in
            if state.published.dataIsStale { refreshData(&state) }
            return state.published.files
        }
    }

    /// The problems of the current files, as `gongbu build` would report them.
    public var diagnostics: [Diagnostic] {
        state.withLock { $0.diagnostics() }
    }

    private func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
