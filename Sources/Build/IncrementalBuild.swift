import Content
import Dispatch
import Foundation
import Glossary
import GongbuCore
import Search
import Site

/// The site kept in memory for `gongbu serve`, brought up to date file by file.
///
/// Editing a note re-reads and re-renders that note (and notes whose links to it changed),
/// then re-renders only the pages that show it: the home page, its tag pages, the concept
/// pages it mentions, and the files computed from the whole site. Editing a glossary entry,
/// a template or gongbu.yml rebuilds everything. The result is always the same as a full
/// build (a test compares them byte for byte).
public final class IncrementalBuild: @unchecked Sendable {
    public let options: BuildOptions
    let generatorVersion: String

    /// One note and everything derived from it.
    struct NoteEntry {
        var absolutePath: String
        var fingerprint: FileFingerprint
        var note: SourceNote?
        var loadDiagnostics: [Diagnostic]
        var page: NotePage?
        var processDiagnostics: [Diagnostic]
        /// Bumped each time the note is processed again, to invalidate cached search terms.
        var revision: Int
    }

    struct FileFingerprint: Equatable {
        var modified: Date?
        var size: Int
    }

    // State from the last (re)build. Guarded by `lock`.
    private let lock = NSLock()
    private var content: LoadedContent?
    private var theme: Theme?
    private var glossary = Glossary.empty
    private var glossaryDiagnostics: [Diagnostic] = []
    private var setupDiagnostics: [Diagnostic] = []
    private var processor: NoteProcessor?
    private var conceptBodies: [(html: String, text: String, diagnostics: [Diagnostic])] = []
    /// By content path, so the order is the same as a full build's.
    private var entries: [String: NoteEntry] = [:]
    private var searchTerms: [String: (revision: Int, tags: [String], analysis: TermAnalysis)] = [:]
    private var model: SiteModel?
    private var renderer: SiteRenderer?
    private var slugDiagnostics: [Diagnostic] = []
    private var graphDiagnostics: [Diagnostic] = []
    private var renderDiagnostics: [Diagnostic] = []
    private var revisionCounter = 0

    /// The site as last built without errors: output path → file.
    private var published: [String: OutputFile] = [:]
    /// Files computed from the whole site, produced on first request after a change.
    private var lazyData: Set<String> = []
    /// Output paths to refresh once the notes are free of errors again.
    private var pending: Set<SiteRenderer.Job> = []
    private var pendingAll = false

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

        public var hasErrors: Bool { fatal != nil || diagnostics.hasErrors }
    }

    // MARK: - Full build

    /// Reads and renders everything.
    @discardableResult
    public func rebuildAll() -> Update {
        lock.lock()
        defer { lock.unlock() }
        return rebuildAllLocked()
    }

    private func rebuildAllLocked() -> Update {
        let started = DispatchTime.now()
        let fileSystem = options.fileSystem
        guard fileSystem.isDirectory(options.sourceRoot) else {
            return Update(full: true, seconds: 0, changed: [], removed: [], diagnostics: [],
                          fatal: "source folder \(options.sourceRoot) does not exist or is not a folder", notes: 0, pages: 0)
        }
        let loader = makeLoader()
        let loaded = loader.load()
        let (theme, themeDiagnostics) = Theme.load(fileSystem: fileSystem, templatesFolder: Path.join(options.sourceRoot, "templates"),
                                                   displayFolder: "templates")
        let (glossary, glossaryDiagnostics) = Glossary.load(loaded.glossary)
        self.content = loaded
        self.theme = theme
        self.glossary = glossary
        self.glossaryDiagnostics = loaded.diagnostics + themeDiagnostics + glossaryDiagnostics
        let (processor, setup) = SiteBuild.makeProcessor(content: loaded, theme: theme, glossary: glossary)
        self.processor = processor
        self.setupDiagnostics = setup
        self.conceptBodies = glossary.concepts.indices.concurrentMap(processor.processConcept)

        let root = loader.contentRoot
        let processed = loaded.notes.concurrentMap(processor.process)
        entries = [:]
        searchTerms = [:]
        for (note, result) in zip(loaded.notes, processed) {
            revisionCounter += 1
            let path = Path.join(root, note.document.contentPath)
            entries[note.document.contentPath] = NoteEntry(absolutePath: path, fingerprint: fingerprint(path), note: note, loadDiagnostics: [],
                                                           page: result.0, processDiagnostics: result.1, revision: revisionCounter)
        }
        // Notes the loader dropped (errors, duplicate slugs, drafts) are tracked too, so that
        // fixing them is noticed.
        slugDiagnostics = []
        assembleModel()
        let previous = published
        let diagnostics = currentDiagnostics()
        var update = Update(full: true, seconds: 0, changed: [], removed: [], diagnostics: diagnostics, fatal: nil,
                            notes: model?.notes.count ?? 0, pages: 0)
        if diagnostics.hasErrors && !published.isEmpty {
            // Keep serving the last good site until the errors are fixed.
            pendingAll = true
        } else {
            // The first build is published even with errors, so there is something to look at.
            publishAll()
            update.changed = published.keys.filter { key in previous[key].map { !same($0, published[key]!) } ?? true }.sorted()
            update.removed = previous.keys.filter { published[$0] == nil }.sorted()
        }
        update.pages = published.keys.filter { $0.hasSuffix(".html") }.count
        update.seconds = seconds(since: started)
        return update
    }

    func makeLoader() -> ContentLoader {
        ContentLoader(fileSystem: options.fileSystem, sourceRoot: options.sourceRoot, excludedPaths: [options.outputRoot],
                      includeDrafts: options.includeDrafts)
    }

    func fingerprint(_ path: String) -> FileFingerprint {
        let size = (try? options.fileSystem.readFile(at: path).count) ?? -1
        return FileFingerprint(modified: options.fileSystem.modificationDate(of: path), size: size)
    }

    /// Rebuilds the model (order, tags, graph, search) from the processed notes: linear, reusing
    /// each unchanged note's search terms.
    private func assembleModel() {
        guard let content, let theme else { return }
        var notes = entries.keys.sorted().compactMap { entries[$0]?.note }
        slugDiagnostics = ContentLoader.checkSlugs(&notes)
        let kept = Set(notes.map(\.document.contentPath))
        let pages = entries.keys.sorted().filter(kept.contains).compactMap { entries[$0]?.page }
        // The search index is built when a search file is first asked for (`refreshData`): an
        // edit re-renders a few pages, and merging 10,000 notes' terms would cost more than that.
        let (model, graphDiagnostics) = SiteBuild.assemble(config: content.config, pages: pages, staticFiles: content.staticFiles, glossary: glossary,
                                                          conceptBodies: conceptBodies, searchIndex: false)
        self.model = model
        self.graphDiagnostics = graphDiagnostics
        makeRenderer()
    }

    private func makeRenderer() {
        guard let content, let theme, let model else { return }
        let pageRenderer = PageRenderer(theme: theme, config: content.config, ui: UIStrings.forLanguage(content.config.language),
                                        generatorVersion: generatorVersion)
        renderer = SiteRenderer(renderer: pageRenderer, model: model)
    }

    /// Builds the model's search index, reusing the term analysis of every note that has not
    /// been processed again since it was last indexed.
    private func buildSearchIndex() {
        guard var model, model.searchIndex == nil else { return }
        let revisions = Dictionary(uniqueKeysWithValues: entries.values.compactMap { entry in entry.page.map { ($0.source, entry.revision) } })
        let cache = searchTerms
        var fresh: [String: (revision: Int, tags: [String], analysis: TermAnalysis)] = [:]
        let freshLock = NSLock()
        SiteBuild.buildSearchIndex(&model) { document in
            guard document.kind == .note, let revision = revisions[document.source] else { return IndexBuilder.analyse(document) }
            if let cached = cache[document.source], cached.revision == revision, cached.tags == document.tags { return cached.analysis }
            let analysis = IndexBuilder.analyse(document)
            freshLock.lock()
            fresh[document.source] = (revision, document.tags, analysis)
            freshLock.unlock()
            return analysis
        }
        for (key, value) in fresh { searchTerms[key] = value }
        let live = Set(model.notes.map(\.source))
        searchTerms = searchTerms.filter { live.contains($0.key) }
        self.model = model
        makeRenderer()
    }

    private func currentDiagnostics() -> [Diagnostic] {
        var all = glossaryDiagnostics + setupDiagnostics + slugDiagnostics
        for concept in conceptBodies { all += concept.diagnostics }
        for key in entries.keys.sorted() {
            let entry = entries[key]!
            all += entry.loadDiagnostics + entry.processDiagnostics
        }
        all += graphDiagnostics
        return all.sortedForDisplay()
    }

    private func publishAll() {
        buildSearchIndex()
        guard let renderer else { return }
        let (files, _) = renderer.render()
        var fresh: [String: OutputFile] = [:]
        for file in files { fresh[file.path] = file }
        published = fresh
        lazyData = []
        pending = []
        pendingAll = false
    }

    // MARK: - Incremental updates

    /// Brings the site up to date after files changed (absolute paths; deleted files included).
    public func update(changedPaths: [String]) -> Update {
        lock.lock()
        defer { lock.unlock() }
        let started = DispatchTime.now()
        guard let content, renderer != nil else { return rebuildAllLocked() }
        let loader = makeLoader()
        let root = loader.contentRoot
        var changedNotes: [String: String] = [:]  // content path → absolute path
        for path in changedPaths.map(Path.normalize) {
            let relative = Path.relative(path, to: options.sourceRoot)
            if relative == SiteConfig.fileName || relative.hasPrefix("templates/") || relative == "templates" {
                return rebuildAllLocked()
            }
            guard Path.isInside(path, root), path != root else { continue }
            let contentPath = Path.relative(path, to: root)
            if contentPath.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            if root != options.sourceRoot, contentPath.hasPrefix(ContentLoader.glossaryFolder + "/") || contentPath == ContentLoader.glossaryFolder {
                return rebuildAllLocked()
            }
            if Path.isInside(path, options.outputRoot) { continue }
            let fileExtension = Path.fileExtension(path)
            if fileExtension == "md" || fileExtension == "markdown" {
                changedNotes[contentPath] = path
            } else if options.fileSystem.kind(of: path) == .directory {
                // A folder appeared, disappeared or was renamed: read everything again.
                return rebuildAllLocked()
            } else {
                // Images and other static files change the set of link targets.
                let known = content.staticFiles.contains { $0.contentPath == contentPath }
                let exists = options.fileSystem.kind(of: path) != nil
                if known != exists { return rebuildAllLocked() }
                if exists { published[contentPath] = OutputFile(path: contentPath, contents: .copy(from: path), origin: Path.relative(path, to: options.sourceRoot)) }
            }
        }
        guard !changedNotes.isEmpty else {
            return Update(full: false, seconds: seconds(since: started), changed: [], removed: [], diagnostics: currentDiagnostics(),
                          fatal: nil, notes: model?.notes.count ?? 0, pages: published.keys.filter { $0.hasSuffix(".html") }.count)
        }

        let oldModel = model!
        var oldEntries: [String: NoteEntry] = [:]
        for key in changedNotes.keys { if let entry = entries[key] { oldEntries[key] = entry } }

        // Re-read the changed notes.
        var titleOrSlugChanged = false
        for (contentPath, absolute) in changedNotes {
            if options.fileSystem.kind(of: absolute) == nil {
                entries[contentPath] = nil
                titleOrSlugChanged = true
                continue
            }
            let (note, _, diagnostics) = loader.loadFile(at: absolute)
            revisionCounter += 1
            let old = entries[contentPath]?.note
            if old?.slug != note?.slug || (old?.metadata.title ?? old?.nameTitle) != (note?.metadata.title ?? note?.nameTitle) {
                titleOrSlugChanged = true
            }
            entries[contentPath] = NoteEntry(absolutePath: absolute, fingerprint: fingerprint(absolute), note: note, loadDiagnostics: diagnostics,
                                             page: nil, processDiagnostics: [], revision: revisionCounter)
        }

        // Notes whose links depend on the changed notes' slugs and titles are processed again too.
        var toProcess = Set(changedNotes.keys.filter { entries[$0]?.note != nil })
        if titleOrSlugChanged {
            let allNotes = entries.keys.sorted().compactMap { entries[$0]?.note }
            let (processor, setup) = SiteBuild.makeProcessor(content: content, theme: theme!, glossary: glossary, notes: allNotes)
            self.processor = processor
            self.setupDiagnostics = setup
            var affectedSlugs = Set<String>()
            for (key, old) in oldEntries { if let slug = old.note?.slug { affectedSlugs.insert(slug) }; if let slug = entries[key]?.note?.slug { affectedSlugs.insert(slug) } }
            for (key, entry) in entries where !toProcess.contains(key) {
                guard let page = entry.page else { continue }
                if !Set(page.noteLinks.keys).isDisjoint(with: affectedSlugs) || page.linkedNotes.contains(where: affectedSlugs.contains)
                    || entry.processDiagnostics.contains(where: { $0.rule == "wikilink" || $0.rule == "missing-file" }) {
                    toProcess.insert(key)
                }
            }
        }
        guard let processor else { return rebuildAllLocked() }
        // What each note looked like before, to tell which listings and concept pages change.
        var previousPages: [String: NotePage] = [:]
        for key in toProcess.union(oldEntries.keys) {
            if let page = oldEntries[key]?.page ?? entries[key]?.page { previousPages[key] = page }
        }
        let keys = toProcess.sorted()
        let results = keys.compactMap { entries[$0]?.note }.concurrentMap(processor.process)
        for (key, result) in zip(keys.filter { entries[$0]?.note != nil }, results) {
            revisionCounter += 1
            entries[key]?.page = result.0
            entries[key]?.processDiagnostics = result.1
            entries[key]?.revision = revisionCounter
        }
        for key in toProcess where entries[key]?.note == nil { entries[key]?.page = nil }

        var reassembled = true
        if !titleOrSlugChanged, let patched = patchedModel(oldModel, keys: toProcess.union(oldEntries.keys), previousPages: previousPages) {
            reassembled = false
            model = patched
            graphDiagnostics = patched.tagCollisions + patched.graph.unusedConcepts(glossary)
            makeRenderer()
        } else {
            assembleModel()
        }
        let newModel = model!
        let diagnostics = currentDiagnostics()

        // Which pages show what changed. Lists (the home page, tag pages) show a note's title,
        // date, summary and tags; a concept page shows each note's mention of it. Pages whose
        // part of a changed note is the same are not rendered again: after an edit to one note's
        // text on a 10,000-note site that leaves only the note's own page and the pages of the
        // concepts whose mentions changed.
        var jobs = Set<SiteRenderer.Job>()
        var changedSources = Set<String>()
        var listedSources = Set<String>()
        var changedMentions: [String: Set<Int>] = [:]
        for key in toProcess.union(oldEntries.keys) {
            let before = previousPages[key]
            let after = entries[key]?.page
            for source in [before?.source, after?.source].compactMap({ $0 }) {
                changedSources.insert(source)
                if before == nil || after == nil || !Self.sameListing(before!, after!) { listedSources.insert(source) }
                changedMentions[source, default: []].formUnion(Mention.changedConcepts(from: before?.mentions ?? [], to: after?.mentions ?? []))
            }
        }
        if !listedSources.isEmpty || newModel.notes.count != oldModel.notes.count {
            jobs.insert(.home)
            jobs.insert(.tagIndex)
        }
        var conceptIndices = Set<Int>()
        var tagSlugs = Set<String>()
        // A note listed differently also reads differently in every concept page's backlinks.
        for (index, note) in oldModel.notes.enumerated() where changedSources.contains(note.source) {
            conceptIndices.formUnion(changedMentions[note.source] ?? [])
            if listedSources.contains(note.source) {
                tagSlugs.formUnion(oldModel.noteTags[index].map(\.slug))
                conceptIndices.formUnion(note.mentions.map(\.concept))
            }
        }
        for (index, note) in newModel.notes.enumerated() where changedSources.contains(note.source) {
            jobs.insert(.note(index))
            conceptIndices.formUnion(changedMentions[note.source] ?? [])
            if listedSources.contains(note.source) {
                tagSlugs.formUnion(newModel.noteTags[index].map(\.slug))
                conceptIndices.formUnion(note.mentions.map(\.concept))
            }
        }
        // A tag whose displayed spelling changed shows on every note that carries it.
        let oldSpelling = Dictionary(uniqueKeysWithValues: oldModel.tags.map { ($0.tag.slug, $0.tag.name) })
        for group in newModel.tags where oldSpelling[group.tag.slug] != group.tag.name {
            tagSlugs.insert(group.tag.slug)
            for index in group.noteIndices { jobs.insert(.note(index)) }
        }
        for (index, group) in newModel.tags.enumerated() where tagSlugs.contains(group.tag.slug) { jobs.insert(.tag(index)) }
        for index in conceptIndices where index < newModel.glossary.concepts.count { jobs.insert(.concept(index)) }
        if newModel.notes.count != oldModel.notes.count { jobs.insert(.conceptIndex) }

        var update = Update(full: false, seconds: 0, changed: [], removed: [], diagnostics: diagnostics, fatal: nil,
                            notes: newModel.notes.count, pages: 0)
        update.reassembled = reassembled
        if diagnostics.hasErrors {
            // Keep serving the last good site; remember what to refresh when the errors are fixed.
            pending.formUnion(jobs)
            pendingAll = pendingAll || titleOrSlugChanged
            update.pages = published.keys.filter { $0.hasSuffix(".html") }.count
            update.seconds = seconds(since: started)
            return update
        }
        if pendingAll {
            let previous = published
            publishAll()
            update.changed = published.keys.filter { key in previous[key].map { !same($0, published[key]!) } ?? true }.sorted()
            update.removed = previous.keys.filter { published[$0] == nil }.sorted()
        } else {
            jobs.formUnion(pending)
            pending = []
            (update.changed, update.removed) = publish(jobs: jobs, changedSources: changedSources, oldModel: oldModel)
            update.rendered = jobs.count
        }
        update.pages = published.keys.filter { $0.hasSuffix(".html") }.count
        update.seconds = seconds(since: started)
        return update
    }

    /// The model with the changed notes' pages replaced in place, when nothing but their
    /// bodies and mentions changed: the same notes in the same order with the same listing
    /// (title, date, tags …). Re-assembling the model orders, groups and links every note of the
    /// site (about 200 ms on 10,000 notes); this replaces one page and patches the concept graph.
    /// Nil when the change is larger; the caller then assembles the model again.
    private func patchedModel(_ old: SiteModel, keys: Set<String>, previousPages: [String: NotePage]) -> SiteModel? {
        var model = old
        var indexBySource: [String: Int] = [:]
        var slugIndex: [String: Int] = [:]
        for (index, note) in model.notes.enumerated() {
            indexBySource[note.source] = index
            slugIndex[note.slug] = index
        }
        var replacements: [(index: Int, page: NotePage)] = []
        for key in keys {
            guard let before = previousPages[key], let after = entries[key]?.page, before.source == after.source,
                  Self.sameListing(before, after), let index = indexBySource[before.source] else { return nil }
            replacements.append((index, after))
        }
        for (index, page) in replacements {
            let previous = model.notes[index]
            model.notes[index] = page
            model.graph.replaceNote(at: index, old: Self.graphNode(previous), new: Self.graphNode(page)) { slugIndex[$0] }
        }
        model.searchIndex = nil
        return model
    }

    static func graphNode(_ page: NotePage) -> NoteNode {
        NoteNode(slug: page.slug, title: page.title, source: page.source, mentions: page.mentions, noteLinks: page.noteLinks)
    }

    /// Whether a note appears the same in lists: home page, tag pages, feeds (and, through its
    /// date, its place among the others).
    static func sameListing(_ a: NotePage, _ b: NotePage) -> Bool {
        a.title == b.title && a.slug == b.slug && a.date == b.date && a.summary == b.summary && a.tagNames == b.tagNames
            && a.categories == b.categories && a.lastModified == b.lastModified
    }

    /// Renders the given pages, replaces the changed notes' own files, and marks the files
    /// computed from the whole site for regeneration on their next request.
    private func publish(jobs: Set<SiteRenderer.Job>, changedSources: Set<String>, oldModel: SiteModel) -> ([String], [String]) {
        guard let renderer, let model else { return ([], []) }
        var removed = Set<String>()
        // Files that belonged to the changed notes before.
        for (index, note) in oldModel.notes.enumerated() where changedSources.contains(note.source) {
            let old = SiteRenderer(renderer: renderer.renderer, model: oldModel)
            removed.insert(PageLocation.note(slug: note.slug).outputPath)
            removed.formUnion(old.redirectFiles(ofNote: index).0.map(\.path))
            removed.formUnion(old.exampleFiles(ofNote: index).map(\.path))
        }
        // Tag pages that lost their last note.
        let tagPaths = Set(model.tags.map { PageLocation.tag(slug: $0.tag.slug).outputPath })
        for group in oldModel.tags where !tagPaths.contains(PageLocation.tag(slug: group.tag.slug).outputPath) {
            removed.insert(PageLocation.tag(slug: group.tag.slug).outputPath)
        }
        var files = Array(jobs).concurrentMap(renderer.renderPage)
        for (index, note) in model.notes.enumerated() where changedSources.contains(note.source) {
            files += renderer.redirectFiles(ofNote: index).0
            files += renderer.exampleFiles(ofNote: index)
        }
        var changed: [String] = []
        for file in files {
            removed.remove(file.path)
            if published[file.path].map({ !same(file, $0) }) ?? true { changed.append(file.path) }
            published[file.path] = file
        }
        for path in removed { published[path] = nil }
        // Whole-site data files: regenerated when next asked for.
        for file in ["graph.json", "sitemap.xml", "atom.xml"] { lazyData.insert(file) }
        for path in published.keys where path.hasPrefix(IndexFiles.folder + "/") { lazyData.insert(path) }
        lazyData.insert(IndexFiles.folder + "/meta.json")
        return (changed.sorted(), removed.sorted())
    }

    // MARK: - Reading the site

    /// The file at an output path (rendering whole-site data on demand), or nil.
    public func file(at path: String) -> OutputFile? {
        lock.lock()
        defer { lock.unlock() }
        if lazyData.contains(path) || (path.hasPrefix(IndexFiles.folder + "/") && !lazyData.isEmpty && lazyData.contains(IndexFiles.folder + "/meta.json")) {
            refreshData()
        }
        return published[path]
    }

    /// Regenerates the graph, feeds, sitemap and search index files together.
    private func refreshData() {
        guard !lazyData.isEmpty else { return }
        buildSearchIndex()
        guard let renderer else { return }
        for path in published.keys where path.hasPrefix(IndexFiles.folder + "/") { published[path] = nil }
        for file in renderer.dataFiles() { published[file.path] = file }
        lazyData = []
    }

    /// Every file of the site, all generated (for tests and for writing the site out).
    public func snapshot() -> [String: OutputFile] {
        lock.lock()
        defer { lock.unlock() }
        refreshData()
        return published
    }

    public var diagnostics: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return currentDiagnostics()
    }

    private func same(_ a: OutputFile, _ b: OutputFile) -> Bool {
        switch (a.contents, b.contents) {
        case (.bytes(let x), .bytes(let y)): return x == y
        case (.copy(let x), .copy(let y)): return x == y
        default: return false
        }
    }

    private func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
