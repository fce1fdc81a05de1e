import Analysis
import Content
import Foundation
import Glossary
import GongbuCore
import Mustache
import Search
import Study
import Write

/// Stage 4 of the pipeline: turns the site model into output files (pages, feeds, assets).
///
/// Pages are independent, so they render on all cores.
public struct SiteRenderer: Sendable {
    public var renderer: PageRenderer
    public var model: SiteModel

    /// The review cards and how many each deck has, made once on first use (`studySet`).
    let studyCache = Locked<StudySet?>(nil)

    public init(renderer: PageRenderer, model: SiteModel) {
        self.renderer = renderer
        self.model = model
        self.renderer.hasStudyPage = Self.hasStudyPage(model)
    }

    /// A study page is made when there can be cards: a glossary or a note with cards of its own.
    public static func hasStudyPage(_ model: SiteModel) -> Bool {
        !model.glossary.concepts.isEmpty || model.notes.contains { !$0.cards.isEmpty }
    }

    /// The site's cards (`StudyDeck`) and, for the deck links on concept, tag and folder pages,
    /// how many cards each has.
    struct StudySet: Sendable {
        var cards: [Card]
        var byConcept: [String: Int] = [:]
        var byTag: [String: Int] = [:]
        /// By section index: the cards of its notes and of its subfolders' notes.
        var bySection: [Int: Int] = [:]
    }

    var studySet: StudySet {
        studyCache.withLock { cached in
            if let cached { return cached }
            var set = StudySet(cards: StudyDeck.cards(model, urls: urls, ui: ui))
            for card in set.cards {
                for concept in card.concepts { set.byConcept[concept, default: 0] += 1 }
                for tag in card.tags { set.byTag[tag, default: 0] += 1 }
            }
            for (index, note) in model.notes.enumerated() where !note.cards.isEmpty && model.noteSection.indices.contains(index) {
                var section: Int? = model.noteSection[index]
                while let current = section, current < model.sections.count {
                    set.bySection[current, default: 0] += note.cards.count
                    section = model.sections[current].parent
                }
            }
            cached = set
            return set
        }
    }

    /// The link to a filtered deck on the study page (`study/?tag=…`), or false without cards.
    func studyLink(count: Int, filter: String, value: String, from location: PageLocation) -> Any {
        guard count > 0 else { return false }
        let query = Escape.urlPathSegment(value)
        return [
            "url": urls.href(to: urls.study, from: location) + "?\(filter)=" + query,
            "count": ui["studyCardCount"].replacingOccurrences(of: "{count}", with: String(count)),
        ] as [String: Any]
    }

    var urls: SiteURLs { renderer.urls }
    var ui: UIStrings { renderer.ui }

    /// A page to render, described cheaply so the work list can be split across cores.
    public enum Job: Sendable, Hashable {
        case home, note(Int), tagIndex, tag(Int), notFound, conceptIndex, concept(Int)
        /// The study page (`study/`), when the site has review cards.
        case study
        /// A folder's page, for a folder without a README, index or _index note of its own.
        case section(Int)
        /// Page 2 or later of a long list; page 1 is the list's own page (`Listing.firstPage`).
        case listPage(Listing, page: Int)
    }

    /// A list that grows with the site, shown in pages of `pageSize` entries (a concept's
    /// backlinks: `backlinksWithSnippets` on its page, `backlinksPerLaterPage` on each later
    /// one), so no page grows with the site: page 1 at the list's own URL, page n at `<list>/page/<n>/`.
    public enum Listing: Sendable, Hashable {
        /// Every note, newest first.
        case home
        case tag(Int)
        /// A folder's notes and subfolders (its page note, or its folder page, is page 1).
        case section(Int)
        /// The notes that mention a concept.
        case concept(Int)
    }

    /// Entries of a list on one page.
    public static let pageSize = 50

    /// Every page of the site.
    public var allJobs: [Job] {
        var jobs: [Job] = [.home, .tagIndex, .notFound]
        jobs += model.notes.indices.map(Job.note)
        jobs += model.tags.indices.map(Job.tag)
        jobs += model.sections.indices.filter { model.sections[$0].page == nil && !model.sections[$0].path.isEmpty }.map(Job.section)
        if !model.glossary.concepts.isEmpty {
            jobs.append(.conceptIndex)
            jobs += model.glossary.concepts.indices.map(Job.concept)
        }
        for listing in listings { jobs += laterPages(of: listing) }
        if renderer.hasStudyPage { jobs.append(.study) }
        return jobs
    }

    /// Every list of the site.
    var listings: [Listing] {
        var lists: [Listing] = [.home]
        lists += model.tags.indices.map(Listing.tag)
        lists += model.sections.indices.filter { !model.sections[$0].path.isEmpty }.map(Listing.section)
        lists += model.glossary.concepts.indices.map(Listing.concept)
        return lists
    }

    func entryCount(_ listing: Listing) -> Int {
        switch listing {
        case .home: model.notes.count
        case .tag(let index): model.tags[index].noteIndices.count
        case .section(let index): model.sections[index].order.count
        case .concept(let index): model.graph.backlinks[index].count
        }
    }

    /// Entries on page 1 and on each later page: a concept's page shows its first backlinks
    /// with their snippets, and its later pages list the rest compactly.
    func pageSizes(_ listing: Listing) -> (first: Int, later: Int) {
        if case .concept = listing { return (Self.backlinksWithSnippets, Self.backlinksPerLaterPage) }
        return (Self.pageSize, Self.pageSize)
    }

    func pageCount(_ listing: Listing) -> Int {
        let (first, later) = pageSizes(listing)
        let count = entryCount(listing)
        return count <= first ? 1 : 1 + (count - first + later - 1) / later
    }

    /// The entries of page `page` (1-based).
    func range(_ listing: Listing, page: Int) -> Range<Int> {
        let (first, later) = pageSizes(listing)
        let count = entryCount(listing)
        let start = page <= 1 ? 0 : first + (page - 2) * later
        let end = page <= 1 ? first : start + later
        return min(start, count)..<min(end, count)
    }

    /// Where page 1 of a list is.
    func firstPage(_ listing: Listing) -> PageLocation {
        switch listing {
        case .home: return .home
        case .tag(let index): return .tag(slug: model.tags[index].tag.slug)
        case .section(let index):
            let section = model.sections[index]
            return .note(slug: section.page.map { model.notes[$0].slug } ?? section.path)
        case .concept(let index): return urls.concept(model.glossary.concepts[index].id)
        }
    }

    func location(_ listing: Listing, page: Int) -> PageLocation {
        page <= 1 ? firstPage(listing) : .listPage(base: firstPage(listing).path, number: page)
    }

    func laterPages(of listing: Listing) -> [Job] {
        let count = pageCount(listing)
        return count < 2 ? [] : (2...count).map { Job.listPage(listing, page: $0) }
    }

    /// The jobs with the later pages of the lists they are page 1 of that show something
    /// different from before (for the preview server, which re-renders a list when an entry
    /// changes): a later page is rendered again when its entries are not the ones it had in
    /// `old`, or when one of them is a note in `changedNotes` (by source path). Without `old`,
    /// every later page.
    public func withTheirPages(_ jobs: Set<Job>, comparedWith old: SiteRenderer? = nil, changedNotes: Set<String> = []) -> [Job] {
        var result = Set(jobs)
        let comparison = old.map { EntryComparison(new: self, old: $0, changedNotes: changedNotes) }
        func add(_ listing: Listing) {
            let later = laterPages(of: listing)
            guard let comparison, let before = comparison.old.sameListing(as: listing, in: self) else {
                result.formUnion(later)
                return
            }
            for case .listPage(_, let page) in later where !comparison.pageUnchanged(listing, before, page: page) {
                result.insert(.listPage(listing, page: page))
            }
        }
        for job in jobs {
            switch job {
            case .home: add(.home)
            case .tag(let index):
                add(.tag(index))
                if let comparison, tagPageUnchanged(index, comparison) { result.remove(job) }
            case .section(let index): add(.section(index))
            case .concept(let index):
                add(.concept(index))
                if let comparison, conceptPageUnchanged(index, comparison) { result.remove(job) }
            case .note(let index):
                if let section = model.sectionOfPage[index] { add(.section(section)) }
            default: break
            }
        }
        return Array(result)
    }

    /// Whether a concept's first page would come out as it was: the same notes with the same
    /// counts among the backlinks it shows, none of them changed, the same number of backlinks
    /// and cards. A retitled note that is not among a concept's most-mentioning notes leaves
    /// that page alone (at 10,000 notes, most of the pages a retitle used to render again).
    func conceptPageUnchanged(_ index: Int, _ comparison: EntryComparison) -> Bool {
        let old = comparison.old
        guard let before = old.sameListing(as: .concept(index), in: self), case .concept(let oldIndex) = before else { return false }
        let id = model.glossary.concepts[index].id
        return model.graph.backlinks[index].count == old.model.graph.backlinks[oldIndex].count
            && comparison.pageUnchanged(.concept(index), before, page: 1)
            && studySet.byConcept[id] == old.studySet.byConcept[id]
    }

    /// The same for a tag's first page: the same notes on it, none of them changed, the same
    /// number of notes and cards.
    func tagPageUnchanged(_ index: Int, _ comparison: EntryComparison) -> Bool {
        let old = comparison.old
        guard let before = old.sameListing(as: .tag(index), in: self), case .tag(let oldIndex) = before else { return false }
        let tag = model.tags[index].tag
        return model.tags[index].noteIndices.count == old.model.tags[oldIndex].noteIndices.count
            && tag.name == old.model.tags[oldIndex].tag.name
            && comparison.pageUnchanged(.tag(index), before, page: 1)
            && studySet.byTag[tag.name] == old.studySet.byTag[tag.name]
    }

    /// The listing of `other`'s model that is this one's (the same tag, folder or concept).
    func sameListing(as listing: Listing, in other: SiteRenderer) -> Listing? {
        switch listing {
        case .home: return .home
        case .tag(let index):
            let slug = other.model.tags[index].tag.slug
            return model.tags.firstIndex { $0.tag.slug == slug }.map(Listing.tag)
        case .section(let index):
            let path = other.model.sections[index].path
            return model.sections.firstIndex { $0.path == path }.map(Listing.section)
        case .concept(let index):
            let id = other.model.glossary.concepts[index].id
            return model.glossary.indexByID[id].map(Listing.concept)
        }
    }

    /// Compares list pages of this renderer's model with those of the model before a change.
    ///
    /// When both models hold the same notes at the same indices (any edit that kept every
    /// note's slug and place, such as a new title), entries compare as note indices; else as
    /// slugs. The changed notes are looked up by index either way, so comparing the 10,000
    /// backlinks of a concept builds no string.
    struct EntryComparison {
        let new: SiteRenderer
        let old: SiteRenderer
        /// Indices, in the new model, of the notes that changed.
        let changed: Set<Int>
        let sameNotes: Bool

        init(new: SiteRenderer, old: SiteRenderer, changedNotes: Set<String>) {
            self.new = new
            self.old = old
            let notes = new.model.notes
            changed = changedNotes.isEmpty ? [] : Set(notes.indices.filter { changedNotes.contains(notes[$0].source) })
            let before = old.model.notes
            sameNotes = notes.count == before.count && notes.indices.allSatisfy { notes[$0].slug == before[$0].slug }
        }

        /// Whether page `page` of `listing` (this model's) shows what page `page` of `before`
        /// (the old model's) showed, and none of the changed notes.
        func pageUnchanged(_ listing: Listing, _ before: Listing, page: Int) -> Bool {
            let now = new.range(listing, page: page)
            let then = old.range(before, page: page)
            guard now.count == then.count else { return false }
            let sameEntries: Bool
            if sameNotes, case .concept(let index) = listing, case .concept(let oldIndex) = before {
                // Backlinks are plain numbers: a page's slice compares at once (a different
                // place among a note's mentions renders the same later page, but is rare).
                sameEntries = new.model.graph.backlinks[index][now] == old.model.graph.backlinks[oldIndex][then]
            } else {
                sameEntries = zip(now, then).allSatisfy { position, oldPosition in
                    new.entryKey(listing, at: position, byIndex: sameNotes) == old.entryKey(before, at: oldPosition, byIndex: sameNotes)
                }
            }
            return sameEntries && !new.pageShows(listing, page: page, anyOf: changed)
        }
    }

    /// One entry of a list's page, as compared between two models: a note (by index when the
    /// models hold the same notes, else by slug) or a subfolder's path and, for backlinks, the
    /// mention count or, for folders, the note count.
    struct EntryKey: Equatable {
        var note: Int
        var name: String
        var count: Int
    }

    /// The entry at `position` of a list, as a key.
    func entryKey(_ listing: Listing, at position: Int, byIndex: Bool) -> EntryKey {
        func note(_ index: Int, count: Int = -1) -> EntryKey {
            byIndex ? EntryKey(note: index, name: "", count: count) : EntryKey(note: -1, name: model.notes[index].slug, count: count)
        }
        switch listing {
        case .home: return note(position)
        case .tag(let index): return note(model.tags[index].noteIndices[position])
        case .section(let index):
            switch model.sections[index].order[position] {
            case .note(let index): return note(index)
            case .section(let section):
                return EntryKey(note: -1, name: "/" + model.sections[section].path, count: Self.noteCount(of: section, in: model.sections))
            }
        case .concept(let index):
            let backlink = model.graph.backlinks[index][position]
            return note(backlink.note, count: backlink.count + backlink.wikilinks)
        }
    }

    /// Whether a list's page shows one of the notes `indices` (a subfolder's entry shows its page note's summary).
    func pageShows(_ listing: Listing, page: Int, anyOf indices: Set<Int>) -> Bool {
        guard !indices.isEmpty else { return false }
        return range(listing, page: page).contains { position in
            switch listing {
            case .home: return indices.contains(position)
            case .tag(let index): return indices.contains(model.tags[index].noteIndices[position])
            case .section(let index):
                switch model.sections[index].order[position] {
                case .note(let note): return indices.contains(note)
                case .section(let section): return model.sections[section].page.map(indices.contains) ?? false
                }
            case .concept(let index): return indices.contains(model.graph.backlinks[index][position].note)
            }
        }
    }

    /// The output paths of every later list page (to remove those a change makes unneeded).
    public var listPagePaths: Set<String> {
        Set(listings.flatMap { listing in laterPages(of: listing).map { target(of: $0).path } })
    }

    /// Links between a list's pages, for the template (`{{> pagination}}`) and the head's
    /// `rel=prev/next`: the first and last page, and two on each side of this one.
    func pagination(_ listing: Listing, page: Int, from location: PageLocation) -> [String: Any] {
        let total = pageCount(listing)
        guard total > 1 else { return ["hasPagination": false] }
        func href(_ number: Int) -> String { urls.href(to: self.location(listing, page: number), from: location) }
        var pages: [[String: Any]] = []
        var previous = 0
        for number in 1...total where number == 1 || number == total || abs(number - page) <= 2 {
            if number > previous + 1 { pages.append(["isGap": true, "isCurrent": false]) }
            pages.append(["number": number, "url": href(number), "isCurrent": number == page, "isGap": false])
            previous = number
        }
        return [
            "hasPagination": true, "current": page, "total": total, "pages": pages,
            "prevURL": page > 1 ? href(page - 1) : false, "nextURL": page < total ? href(page + 1) : false,
        ]
    }

    /// The page head of a list's page, with its `rel=prev/next` and, after page 1, the page in its title.
    func head(_ head: PageHead, _ listing: Listing, page: Int, from location: PageLocation) -> PageHead {
        var head = head
        let total = pageCount(listing)
        guard total > 1 else { return head }
        if page > 1 { head.previous = urls.href(to: self.location(listing, page: page - 1), from: location) }
        if page < total { head.next = urls.href(to: self.location(listing, page: page + 1), from: location) }
        if page > 1 {
            let number = String(page)
            head.title =
                head.title.map { $0 + " " + ui["pageTitle"].replacingOccurrences(of: "{n}", with: number) }
                ?? ui["pageNumber"].replacingOccurrences(of: "{n}", with: number)
        }
        return head
    }

    /// A file computed from the whole site.
    enum DataJob: Sendable {
        case graph, sitemap, feed
        case search(IndexFiles.Part)
        /// `study/cards.js` and `study/<site>.apkg`, when the site has cards.
        case studyCards, ankiPackage
    }

    /// Pages and data files are made in one pass over all cores.
    enum AnyJob: Sendable {
        case page(Job)
        case data(DataJob)
    }

    /// Every file of the site, pages and data files rendered now on all cores.
    public func render() -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        let (files, diagnostics) = plan()
        return (files.concurrentMap { $0.materialized() }, diagnostics)
    }

    /// Every file of the site with its path known and its contents made only when it is written.
    ///
    /// The writer renders each page on the core that writes it and drops it right after, so
    /// memory holds the site model and a few pages, not the whole site. Pages come in
    /// descending order of size so no core is left with a large one at the end.
    public func plan() -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        let layout = model.searchIndex.map(IndexFiles.layout)
        var jobs = allJobs.map(AnyJob.page)
        jobs += [.data(.graph), .data(.sitemap), .data(.feed)] + studyDataJobs.map(AnyJob.data)
        if let layout { jobs += IndexFiles.parts(layout).map { .data(.search($0)) } }
        jobs.sort { Self.weight($0) > Self.weight($1) }
        var files = jobs.map { job -> OutputFile in
            switch job {
            case .page(let page):
                let (path, origin) = target(of: page)
                return OutputFile(path: path, contents: .deferred { renderPage(page).renderedBytes }, origin: origin)
            case .data(let data):
                return OutputFile(
                    path: dataPath(data), contents: .deferred { dataFile(data, layout: layout).renderedBytes }, origin: dataOrigin(data))
            }
        }
        var diagnostics: [Diagnostic] = []
        for index in model.notes.indices {
            let (redirects, problems) = redirectFiles(ofNote: index)
            files += redirects
            diagnostics += problems
        }
        files += assetFiles()
        files += staticFiles()
        return (files, diagnostics)
    }

    /// The output path of a page and what it comes from (for collision errors).
    public func target(of job: Job) -> (path: String, origin: String) {
        switch job {
        case .home: return (PageLocation.home.outputPath, "the home page")
        case .note(let index):
            let note = model.notes[index]
            return (PageLocation.note(slug: note.slug).outputPath, note.source)
        case .tagIndex: return (PageLocation.tagIndex.outputPath, "the tag index")
        case .tag(let index):
            let group = model.tags[index]
            return (PageLocation.tag(slug: group.tag.slug).outputPath, "tag '\(group.tag.name)'")
        case .conceptIndex: return (urls.conceptIndex.outputPath, "the glossary index")
        case .concept(let index):
            let concept = model.glossary.concepts[index]
            return (urls.concept(concept.id).outputPath, concept.source)
        case .notFound: return (PageLocation.notFound.outputPath, "the 404 page")
        case .study: return (urls.study.outputPath, "the study page")
        case .section(let index):
            let section = model.sections[index]
            return (PageLocation.note(slug: section.path).outputPath, "the folder \(section.path)")
        case .listPage(let listing, let page):
            return (
                location(listing, page: page).outputPath,
                "page \(page) of \(firstPage(listing).path.isEmpty ? "the home page" : firstPage(listing).path)"
            )
        }
    }

    func dataPath(_ job: DataJob) -> String {
        switch job {
        case .graph: return "graph.json"
        case .sitemap: return "sitemap.xml"
        case .feed: return "atom.xml"
        case .search(let part): return IndexFiles.path(part)
        case .studyCards: return studyCardsPath
        case .ankiPackage: return ankiPackagePath
        }
    }

    public var studyCardsPath: String { urls.studyFolder + "/cards.js" }
    public var ankiPackagePath: String { urls.studyFolder + "/gongbu.apkg" }

    func dataOrigin(_ job: DataJob) -> String {
        switch job {
        case .graph: return "the concept graph"
        case .sitemap: return "the sitemap"
        case .feed: return "the Atom feed"
        case .search: return "the search index"
        case .studyCards: return "the study cards"
        case .ankiPackage: return "the Anki package"
        }
    }

    static func weight(_ job: AnyJob) -> Int {
        switch job {
        case .data(.graph), .data(.sitemap): return 3
        case .page(.home), .page(.concept), .page(.tag), .page(.conceptIndex), .page(.section), .page(.listPage): return 2
        case .data: return 1
        default: return 0
        }
    }

    func dataFile(_ job: DataJob, layout: IndexFiles.Layout?) -> OutputFile {
        switch job {
        case .graph: return graphFile()
        case .sitemap: return sitemapFile()
        case .feed: return feedFile()
        case .search(let part):
            let file = IndexFiles.file(part, index: model.searchIndex!, layout: layout!)
            return OutputFile(path: file.path, text: file.text, origin: "the search index")
        case .studyCards:
            return OutputFile(path: studyCardsPath, text: StudyDeck.script(studySet.cards), origin: "the study cards")
        case .ankiPackage:
            let decks = StudyDeck.ankiDecks(studySet.cards, siteTitle: model.config.title)
            let bytes =
                (try? AnkiPackage.package(
                    decks: decks, siteURL: urls.baseURL.contains("://") ? urls.baseURL : nil, modified: StudyDeck.modified(model))) ?? []
            return OutputFile(path: ankiPackagePath, contents: .bytes(bytes), origin: "the Anki package")
        }
    }

    /// Data files about the cards, when there are any.
    var studyDataJobs: [DataJob] { renderer.hasStudyPage ? [.studyCards, .ankiPackage] : [] }

    /// Files computed from the whole site: the concept graph, the search index, the sitemap and the feed.
    public func dataFiles() -> [OutputFile] {
        let layout = model.searchIndex.map(IndexFiles.layout)
        var jobs: [DataJob] = [.graph, .sitemap, .feed] + studyDataJobs
        if let layout { jobs += IndexFiles.parts(layout).map(DataJob.search) }
        return jobs.concurrentMap { dataFile($0, layout: layout) }
    }

    public func graphFile() -> OutputFile {
        OutputFile(path: "graph.json", text: GraphExport.json(model, urls: urls), origin: "the concept graph")
    }

    public func searchFiles() -> [OutputFile] {
        guard let index = model.searchIndex else { return [] }
        return IndexFiles.files(index).map { OutputFile(path: $0.path, text: $0.text, origin: "the search index") }
    }

    public func sitemapFile() -> OutputFile {
        OutputFile(path: "sitemap.xml", text: Feeds.sitemap(model, urls: urls), origin: "the sitemap")
    }

    public func feedFile() -> OutputFile {
        OutputFile(path: "atom.xml", text: Feeds.atom(model, urls: urls), origin: "the Atom feed")
    }

    /// Redirect pages for a note's front matter aliases.
    public func redirectFiles(ofNote index: Int) -> ([OutputFile], [Diagnostic]) {
        let note = model.notes[index]
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        for alias in note.aliases {
            guard let path = Self.aliasOutputPath(alias) else {
                diagnostics.append(
                    .warning(
                        "alias '\(alias)' is not a usable site path; no redirect is written",
                        at: SourceLocation(file: note.source), rule: "alias"))
                continue
            }
            files.append(OutputFile(path: path, text: redirectPage(to: index, from: path), origin: "alias '\(alias)' of \(note.source)"))
        }
        if let old = model.legacyPaths[index], !files.contains(where: { $0.path == old }) {
            files.append(OutputFile(path: old, text: redirectPage(to: index, from: old), origin: "the earlier URL of \(note.source)"))
        }
        return (files, diagnostics)
    }

    public func assetFiles() -> [OutputFile] {
        renderer.theme.assets.sorted(by: { $0.key < $1.key }).map { path, asset in
            switch asset {
            case .embedded(let text):
                return OutputFile(path: "assets/" + path, text: text, origin: "the built-in theme")
            case .file(let absolute, let display):
                return OutputFile(path: "assets/" + path, contents: .copy(from: absolute), origin: display)
            }
        }
    }

    public func staticFiles() -> [OutputFile] {
        model.staticFiles.map { OutputFile(path: $0.contentPath, contents: .copy(from: $0.absolutePath), origin: $0.path) }
    }

    /// Stands for a note's body while its page is rendered: unique to this process, and wrapped
    /// in `<…>` so that an escaped `{{note.html}}` (or any transform) no longer matches it and
    /// the page is rendered the ordinary way.
    static let bodyPlaceholder =
        "<gongbu-note-body-" + String(UInt64.random(in: 1...UInt64.max), radix: 36) + String(UInt64.random(in: 1...UInt64.max), radix: 36)
        + ">"

    /// The page's bytes with the placeholder replaced by `body`, when the placeholder occurs
    /// exactly once; nil otherwise.
    static func splice(_ body: String, into shell: String) -> [UInt8]? {
        let marker = Array(bodyPlaceholder.utf8)
        let utf8 = Array(shell.utf8)
        guard let found = ByteSearch.firstOffset(of: marker, in: utf8),
            ByteSearch.firstOffset(of: marker, in: utf8, from: found + marker.count) == nil
        else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count - marker.count + body.utf8.count)
        bytes.append(contentsOf: utf8[..<found])
        bytes.append(contentsOf: body.utf8)
        bytes.append(contentsOf: utf8[(found + marker.count)...])
        return bytes
    }

    public func renderPage(_ job: Job) -> OutputFile {
        switch job {
        case .home:
            return renderHome(page: 1)
        case .listPage(let listing, let page):
            switch listing {
            case .home: return renderHome(page: page)
            case .tag(let index): return renderTag(index, page: page)
            case .section(let index): return renderSection(index, page: page)
            case .concept(let index): return renderConcept(index, page: page)
            }
        case .note(let index):
            let note = model.notes[index]
            let location = PageLocation.note(slug: note.slug)
            var head = PageHead(kind: "note", title: note.title, description: note.summary)
            var context = noteContext(index, from: location)
            context["breadcrumbs"] = breadcrumbs(to: model.noteSection[index], from: location)
            if let section = model.sectionOfPage[index] {
                let entries = sectionEntries(section, from: location, range: range(.section(section), page: 1))
                context["sectionEntries"] = entries
                context["hasSectionEntries"] = !entries.isEmpty
                context["pagination"] = pagination(.section(section), page: 1, from: location)
                head = self.head(head, .section(section), page: 1, from: location)
            } else {
                context["sectionEntries"] = false
                context["hasSectionEntries"] = false
                context["pagination"] = ["hasPagination": false]
            }
            // The templates get a placeholder for the body, and the body's bytes go into the
            // page once: Mustache would otherwise copy it into the note template's output and
            // again into the layout's (growing each by doubling), several times the body's size
            // at once for a note of tens of megabytes.
            context["html"] = Self.bodyPlaceholder
            let shell = renderer.render("note", at: location, page: head, values: ["note": context])
            if let bytes = Self.splice(note.bodyHTML, into: shell) {
                return OutputFile(path: location.outputPath, contents: .bytes(bytes), origin: note.source)
            }
            // A template that shows the body twice or transforms it: render it as written.
            context["html"] = note.bodyHTML
            let html = renderer.render("note", at: location, page: head, values: ["note": context])
            return OutputFile(path: location.outputPath, text: html, origin: note.source)
        case .section(let index):
            return renderSection(index, page: 1)
        case .tagIndex:
            let location = PageLocation.tagIndex
            let tags: [[String: Any]] = model.tags.map { group in
                [
                    "name": group.tag.name, "url": urls.href(to: .tag(slug: group.tag.slug), from: location),
                    "count": group.noteIndices.count,
                ]
            }
            let html = renderer.render(
                "tags", at: location, page: PageHead(kind: "tags", title: ui["tags"], description: nil),
                values: ["tags": tags, "hasTags": !tags.isEmpty])
            return OutputFile(path: location.outputPath, text: html, origin: "the tag index")
        case .tag(let index):
            return renderTag(index, page: 1)
        case .conceptIndex:
            let location = urls.conceptIndex
            let html = renderer.render(
                "concepts", at: location, page: PageHead(kind: "concepts", title: ui["glossary"], description: ui["glossaryIntro"]),
                values: conceptIndexContext(from: location))
            return OutputFile(path: location.outputPath, text: html, origin: "the glossary index")
        case .concept(let index):
            return renderConcept(index, page: 1)
        case .notFound:
            let html = renderer.render(
                "404", at: .notFound, page: PageHead(kind: "not-found", title: ui["notFoundTitle"], description: nil), values: [:])
            return OutputFile(path: PageLocation.notFound.outputPath, text: html, origin: "the 404 page")
        case .study:
            return renderStudy()
        }
    }

    /// Cards listed on the study page for readers without JavaScript (the script reviews all of them).
    static let studyListLimit = 300

    /// The study page: the review and quiz widget (`assets/study.js`, over `cards.js`), and the
    /// cards as a plain list that works without JavaScript.
    func renderStudy() -> OutputFile {
        let location = urls.study
        let cards = studySet.cards
        var kinds: [[String: Any]] = []
        var counts: [Card.Kind: Int] = [:]
        for card in cards { counts[card.kind, default: 0] += 1 }
        for kind in Card.Kind.allCases {
            if let count = counts[kind] { kinds.append(["name": ui[Card.kindLabelKey(kind)], "count": count]) }
        }
        let listed: [[String: Any]] = cards.prefix(Self.studyListLimit).map { card in
            [
                "front": card.front, "back": card.back, "code": card.code.isEmpty ? false : card.code,
                "kind": ui[Card.kindLabelKey(card.kind)], "url": urls.href(to: .file(card.url), from: location),
                "source": "\(card.source):\(card.line)",
            ]
        }
        let html = renderer.render(
            "study", at: location, page: PageHead(kind: "study", title: ui["studyTitle"], description: ui["studyIntro"]),
            values: [
                "study": [
                    "count": cards.count, "kinds": kinds, "cards": listed, "more": max(cards.count - Self.studyListLimit, 0),
                    "hasMore": cards.count > Self.studyListLimit,
                    "script": urls.href(to: .file(studyCardsPath), from: location),
                    "package": urls.href(to: .file(ankiPackagePath), from: location),
                ] as [String: Any]
            ])
        return OutputFile(path: location.outputPath, text: html, origin: "the study page")
    }

    /// Page `page` of the home page: the notes, newest first; page 1 also has the intro and the folders.
    func renderHome(page: Int) -> OutputFile {
        let location = location(.home, page: page)
        let notes = range(.home, page: page).map { listItem($0, from: location) }
        let firstPage = page == 1
        let html = renderer.render(
            "index", at: location,
            page: head(PageHead(kind: "home", title: nil, description: model.config.description), .home, page: page, from: location),
            values: [
                "intro": firstPage ? (model.homePage?.bodyHTML as Any? ?? false) : false,
                "sections": firstPage ? sectionLinks(model.sections.first?.sections ?? [], from: location) : [],
                "hasSections": firstPage && !(model.sections.first?.sections.isEmpty ?? true),
                "notes": notes,
                "noteCount": model.notes.count,
                "hasNotes": !model.notes.isEmpty,
                "pagination": pagination(.home, page: page, from: location),
            ])
        return OutputFile(
            path: location.outputPath, text: html, origin: target(of: page == 1 ? .home : .listPage(.home, page: page)).origin)
    }

    func renderTag(_ index: Int, page: Int) -> OutputFile {
        let group = model.tags[index]
        let location = location(.tag(index), page: page)
        let html = renderer.render(
            "tag", at: location,
            page: head(PageHead(kind: "tag", title: "#" + group.tag.name, description: nil), .tag(index), page: page, from: location),
            values: [
                "tag": ["name": group.tag.name, "count": group.noteIndices.count] as [String: Any],
                "notes": range(.tag(index), page: page).map { listItem(group.noteIndices[$0], from: location) },
                "hasNotes": true,
                "pagination": pagination(.tag(index), page: page, from: location),
                "study": studyLink(count: studySet.byTag[group.tag.name] ?? 0, filter: "tag", value: group.tag.name, from: location),
            ])
        return OutputFile(path: location.outputPath, text: html, origin: "tag '\(group.tag.name)'")
    }

    /// A folder's page: its own page when it has no page note, and its later pages either way.
    func renderSection(_ index: Int, page: Int) -> OutputFile {
        let section = model.sections[index]
        let location = location(.section(index), page: page)
        let entries = sectionEntries(index, from: location, range: range(.section(index), page: page))
        let title = section.page.map { model.notes[$0].title } ?? section.title
        let html = renderer.render(
            "section", at: location,
            page: head(PageHead(kind: "section", title: title, description: nil), .section(index), page: page, from: location),
            values: [
                "study": studyLink(count: studySet.bySection[index] ?? 0, filter: "section", value: section.path, from: location),
                "section": [
                    "title": title, "entries": entries, "hasEntries": !entries.isEmpty,
                    "breadcrumbs": breadcrumbs(to: section.parent ?? 0, from: location),
                    "count": Self.noteCount(of: index, in: model.sections),
                ] as [String: Any],
                "pagination": pagination(.section(index), page: page, from: location),
            ])
        return OutputFile(path: location.outputPath, text: html, origin: "the folder \(section.path)")
    }

    /// A concept's page; its later pages list more of the notes that mention it.
    func renderConcept(_ index: Int, page: Int) -> OutputFile {
        let concept = model.glossary.concepts[index]
        let location = location(.concept(index), page: page)
        var context = conceptContext(index, from: location, page: page)
        context["pagination"] = pagination(.concept(index), page: page, from: location)
        let html = renderer.render(
            "concept", at: location,
            page: head(
                PageHead(kind: "concept", title: concept.title, description: concept.summary.isEmpty ? nil : concept.summary),
                .concept(index), page: page, from: location),
            values: ["concept": context, "pagination": context["pagination"]!])
        return OutputFile(path: location.outputPath, text: html, origin: concept.source)
    }

    func tagContexts(_ index: Int, from location: PageLocation) -> [TagEntry] {
        model.noteTags[index].map { TagEntry(name: $0.name, url: urls.href(to: .tag(slug: $0.slug), from: location)) }
    }

    /// A note as one entry of a list (home page, tag pages).
    /// Links to the folders above a page, from the top of the site down to `section`.
    func breadcrumbs(to section: Int, from location: PageLocation) -> [[String: Any]] {
        var chain: [Int] = []
        var current: Int? = section
        while let index = current, index < model.sections.count {
            if !model.sections[index].path.isEmpty { chain.append(index) }
            current = model.sections[index].parent
        }
        return chain.reversed().map { index in
            let section = model.sections[index]
            return ["title": section.title, "url": urls.href(to: .note(slug: section.path), from: location)]
        }
    }

    /// A list entry for each folder.
    func sectionLinks(_ indices: [Int], from location: PageLocation) -> [[String: Any]] {
        indices.map { index in
            let section = model.sections[index]
            return [
                "title": section.title, "url": urls.href(to: .note(slug: section.path), from: location),
                "count": Self.noteCount(of: index, in: model.sections),
                "summary": section.page.flatMap { model.notes[$0].summary } ?? false,
            ]
        }
    }

    /// Notes in a folder and below it (its own page counted).
    static func noteCount(of index: Int, in sections: [SiteSection]) -> Int {
        let section = sections[index]
        return section.notes.count + (section.page == nil ? 0 : 1) + section.sections.reduce(0) { $0 + noteCount(of: $1, in: sections) }
    }

    /// A folder's notes and subfolders in reading order (those in `range`), each as a list
    /// entry that says which it is.
    func sectionEntries(_ index: Int, from location: PageLocation, range: Range<Int>) -> [any MustacheParent] {
        model.sections[index].order[range].map { entry -> any MustacheParent in
            switch entry {
            case .note(let note):
                var item = listItem(note, from: location)
                item.isSection = false
                return item
            case .section(let section):
                var item = sectionLinks([section], from: location)[0]
                item["isSection"] = true
                item["date"] = false
                item["hasTags"] = false
                return item
            }
        }
    }

    func listItem(_ index: Int, from location: PageLocation) -> NoteListEntry {
        // Fields are read in place: a list shows thousands of notes, and a whole note page is a
        // large value to copy for each.
        let date = model.notes[index].date
        return NoteListEntry(
            title: model.notes[index].title, url: urls.href(to: .note(slug: model.notes[index].slug), from: location),
            date: date.map(ui.formatDate), dateISO: date?.isoDay, summary: model.notes[index].summary,
            tags: tagContexts(index, from: location))
    }

    func noteContext(_ index: Int, from location: PageLocation) -> [String: Any] {
        let note = model.notes[index]
        let tags = tagContexts(index, from: location)
        let toc: [TocEntry] =
            note.showTableOfContents
            ? note.headings.filter { $0.level >= 2 && $0.level <= 4 }.map {
                TocEntry(level: $0.level, anchor: Escape.urlFragment($0.id), text: $0.text)
            }
            : []
        return [
            "title": note.title,
            "slug": note.slug,
            "date": note.date.map(ui.formatDate) ?? false,
            "dateISO": note.date?.htmlDateTime ?? false,
            "lastModified": note.lastModified.map(ui.formatDate) ?? false,
            "lastModifiedISO": note.lastModified?.htmlDateTime ?? false,
            "summary": note.summary ?? false,
            "tags": tags,
            "hasTags": !tags.isEmpty,
            "categories": note.categories,
            "toc": toc,
            "hasToc": !toc.isEmpty,
            "html": note.bodyHTML,
            "source": note.source,
            "params": Self.templateValue(.map(note.params)),
            "concepts": conceptChips(note, from: location),
            "hasConcepts": !note.mentions.isEmpty,
        ]
    }

    /// The concepts a note mentions, most mentioned first.
    func conceptChips(_ note: NotePage, from location: PageLocation) -> [ConceptChip] {
        let concepts = model.glossary.concepts
        return note.mentions
            .sorted { a, b in
                a.count + a.wikilinks != b.count + b.wikilinks ? a.count + a.wikilinks > b.count + b.wikilinks : a.concept < b.concept
            }
            .map { mention in
                let concept = concepts[mention.concept]
                return ConceptChip(
                    title: concept.shortTitle, url: urls.href(to: urls.concept(concept.id), from: location), summary: concept.summary,
                    count: mention.count + mention.wikilinks)
            }
    }

    func conceptLink(_ index: Int, from location: PageLocation) -> [String: Any] {
        let concept = model.glossary.concepts[index]
        return [
            "title": concept.title, "shortTitle": concept.shortTitle, "summary": concept.summary,
            "url": urls.href(to: urls.concept(concept.id), from: location),
        ]
    }

    /// A concept's page context; after page 1, only the backlinks of that page (no body, relations or graph).
    func conceptContext(_ index: Int, from location: PageLocation, page: Int = 1) -> [String: Any] {
        let glossary = model.glossary
        let concept = glossary.concepts[index]
        func anchor(_ other: Int) -> (html: String, text: String) {
            let target = glossary.concepts[other]
            if other == index { return ("<strong>\(Escape.html(target.shortTitle))</strong>", target.shortTitle) }
            let href = urls.href(to: urls.concept(target.id), from: location)
            return (
                "<a class=\"concept\" href=\"\(Escape.html(href))\" title=\"\(Escape.html(target.summary))\">\(Escape.html(target.shortTitle))</a>",
                target.shortTitle
            )
        }
        // Typed relations first, in a reading order; the loose `related` last.
        let relationOrder: [RelationKind] = [.kindOf, .partOf, .manages, .selects, .exposes, .uses, .requires, .related]
        let firstPage = page == 1
        let relations =
            !firstPage
            ? []
            : model.graph.relations[index].sorted { a, b in
                let left = (relationOrder.firstIndex(of: a.kind)!, a.outgoing ? 0 : 1, TitleOrder.key(glossary.concepts[a.other].title))
                let right = (relationOrder.firstIndex(of: b.kind)!, b.outgoing ? 0 : 1, TitleOrder.key(glossary.concepts[b.other].title))
                return left < right
            }
        let relationItems: [[String: Any]] = relations.map { relation in
            let (subject, object) = relation.outgoing ? (index, relation.other) : (relation.other, index)
            return ["kind": relation.kind.key, "sentence": ui.relationSentence(relation.kind.key, anchor(subject), anchor(object))]
        }
        let prerequisites = !firstPage ? [] : prerequisites(of: index).map { conceptLink($0, from: location) }
        // The notes that mention the concept, most mentions first, each with a snippet, in
        // pages of `backlinksWithSnippets`, so a page stays readable and small.
        let allBacklinks = model.graph.backlinks[index]
        let shown = allBacklinks[range(.concept(index), page: page)]
        let backlinks = shown.map { backlink in
            BacklinkEntry(
                title: model.notes[backlink.note].title, url: urls.href(to: .note(slug: model.notes[backlink.note].slug), from: location),
                count: backlink.count + backlink.wikilinks,
                snippet: firstPage ? model.notes[backlink.note].mentions[backlink.mention].snippet : nil)
        }
        let graph =
            firstPage
            ? GraphSVG.neighbourhood(
                of: index, model, urls: urls, ui: ui, from: location, title: concept.shortTitle + " " + ui["neighbourhood"]) : ""
        return [
            "id": concept.id,
            "title": concept.title,
            "shortTitle": concept.shortTitle,
            "summary": concept.summary.isEmpty ? false : concept.summary,
            "category": concept.category.isEmpty ? false : concept.category,
            "aliases": concept.aliases,
            "hasAliases": !concept.aliases.isEmpty,
            "html": firstPage && model.conceptBodies.indices.contains(index) ? model.conceptBodies[index] : "",
            "source": concept.source,
            "relations": firstPage ? relationItems : [],
            "hasRelations": firstPage && !relationItems.isEmpty,
            "prerequisites": firstPage ? prerequisites : [],
            "hasPrerequisites": firstPage && !prerequisites.isEmpty,
            "backlinks": backlinks,
            "hasBacklinks": !backlinks.isEmpty,
            "backlinkCount": allBacklinks.count,
            "study": studyLink(count: studySet.byConcept[concept.id] ?? 0, filter: "concept", value: concept.id, from: location),
            // Kept for templates written before backlinks had pages: the later pages hold the rest.
            "moreBacklinks": "",
            "moreBacklinkCount": 0,
            "hasMoreBacklinks": false,
            "graph": graph.isEmpty ? false : graph,
        ]
    }

    /// How many backlinks a concept's page shows (each with its snippet).
    public static let backlinksWithSnippets = 50
    /// How many backlinks each later page of a concept lists (without snippets).
    public static let backlinksPerLaterPage = 200

    /// Everything a concept requires, directly or not, in learning-path order.
    func prerequisites(of index: Int) -> [Int] {
        let glossary = model.glossary
        var needed = Set<Int>()
        var stack = [index]
        while let next = stack.popLast() {
            for relation in glossary.concepts[next].relations where relation.kind == .requires {
                if let target = glossary.indexByID[relation.target], target != index, needed.insert(target).inserted {
                    stack.append(target)
                }
            }
        }
        return model.graph.learningPath.filter { needed.contains($0) }
    }

    func conceptIndexContext(from location: PageLocation) -> [String: Any] {
        let glossary = model.glossary
        let sorted = glossary.concepts.indices.sorted {
            TitleOrder.key(glossary.concepts[$0].title) < TitleOrder.key(glossary.concepts[$1].title)
        }
        var initials: [(String, [Int])] = []
        for index in sorted {
            let letter = TitleOrder.initial(glossary.concepts[index].title)
            if initials.last?.0 == letter { initials[initials.count - 1].1.append(index) } else { initials.append((letter, [index])) }
        }
        var byCategory: [String: [Int]] = [:]
        for index in sorted { byCategory[glossary.concepts[index].category, default: []].append(index) }
        let categoryNames = byCategory.keys.sorted { a, b in
            (ConceptGraph.categoryOrder.firstIndex(of: a) ?? 99, a) < (ConceptGraph.categoryOrder.firstIndex(of: b) ?? 99, b)
        }
        return [
            "conceptCount": glossary.concepts.count,
            "initials": initials.map { letter, indices in
                ["letter": letter, "anchor": Escape.urlFragment(letter), "concepts": indices.map { conceptLink($0, from: location) }]
                    as [String: Any]
            },
            "categories": categoryNames.map { name in
                ["name": name.isEmpty ? ui["uncategorized"] : name, "concepts": byCategory[name]!.map { conceptLink($0, from: location) }]
                    as [String: Any]
            },
            "learningPath": model.graph.learningPath.map { conceptLink($0, from: location) },
            "graph": GraphSVG.glossary(model, urls: urls, from: location, title: ui["graph"]),
            "legend": categoryNames.map { ["name": $0.isEmpty ? ui["uncategorized"] : $0, "class": GraphSVG.categoryClass($0)] },
        ]
    }

    /// Front matter values for templates: maps become dictionaries, lists arrays.
    static func templateValue(_ value: YAMLValue) -> Any {
        switch value {
        case .null: return false
        case .bool(let bool): return bool
        case .int(let int): return int
        case .double(let double): return double
        case .string(let string): return string
        case .list(let items): return items.map(templateValue)
        case .map(let entries):
            var dictionary: [String: Any] = [:]
            for entry in entries { dictionary[entry.key] = templateValue(entry.value) }
            return dictionary
        }
    }

    /// `/old/path/` → `old/path/index.html`; nil when the alias would leave the site.
    static func aliasOutputPath(_ alias: String) -> String? {
        var path = alias.trimmingCharacters(in: .whitespaces)
        if let schemeEnd = path.range(of: "://") { path = String(path[schemeEnd.upperBound...].drop { $0 != "/" }) }
        path = path.percentDecoded
        if path.contains("\\") || path.utf8.contains(0) { return nil }
        let segments = path.split(separator: "/")
        if segments.isEmpty || segments.contains(where: { $0 == ".." || $0 == "." }) { return nil }
        let joined = segments.joined(separator: "/")
        let result = joined.hasSuffix(".html") ? joined : joined + "/index.html"
        return OutputFile.problem(with: result) == nil ? result : nil
    }

    /// A tiny page that sends readers (and search engines) from an old URL to the note.
    func redirectPage(to index: Int, from path: String) -> String {
        let note = model.notes[index]
        let target = PageLocation.note(slug: note.slug)
        let href = Escape.html(urls.href(to: target, from: .file(path)))
        return """
            <!doctype html>
            <html lang="\(Escape.html(model.config.language))">
            <head>
            <meta charset="utf-8">
            <title>\(Escape.html(note.title))</title>
            <meta http-equiv="refresh" content="0; url=\(href)">
            <link rel="canonical" href="\(Escape.html(urls.absolute(target)))">
            <meta name="robots" content="noindex">
            </head>
            <body>
            <p>\(Escape.html(ui["redirecting"])): <a href="\(href)">\(Escape.html(note.title))</a></p>
            </body>
            </html>

            """
    }
}

/// A backlink as the concept template sees it (`title`, `url`, `count`, `hasSnippet`, `before`,
/// `term`, `after`): a typed value, not a dictionary, since a large site's concept pages list
/// hundreds of thousands of them and each dictionary costs an allocation and seven hashes.
struct BacklinkEntry: MustacheParent {
    var title: String
    var url: String
    var count: Int
    var snippet: Snippet?

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "count": count
        case "hasSnippet": snippet != nil
        case "before": snippet?.before ?? ""
        case "term": snippet?.match ?? ""
        case "after": snippet?.after ?? ""
        default: nil
        }
    }
}

// Entries of the lists a page shows, as the templates see them: typed values, not
// dictionaries. Mustache looks each name up on every entry; a dictionary costs an allocation
// and a hash per name, and its lookups took 60 % longer than a `switch` over the names.
// Absent values are `false`, not missing: Mustache would otherwise look them up in the
// enclosing context and could show the page's value instead.

/// A tag of a note (`name`, `url`).
struct TagEntry: MustacheParent {
    var name: String
    var url: String

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "url": url
        default: nil
        }
    }
}

/// A concept a note mentions (`title`, `url`, `summary`, `count`).
struct ConceptChip: MustacheParent {
    var title: String
    var url: String
    var summary: String
    var count: Int

    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "url": url
        case "summary": summary
        case "count": count
        default: nil
        }
    }
}

/// A heading in a note's table of contents (`level`, `anchor`, `text`).
struct TocEntry: MustacheParent {
    var level: Int
    var anchor: String
    var text: String

    func child(named key: String) -> Any? {
        switch key {
        case "level": level
        case "anchor": anchor
        case "text": text
        default: nil
        }
    }
}

/// A note in a list: the home page, a tag's page, a folder's (`title`, `url`, `date`,
/// `dateISO`, `summary`, `tags`, `hasTags`, and in a folder's list `isSection`).
struct NoteListEntry: MustacheParent {
    var title: String
    var url: String
    var date: String?
    var dateISO: String?
    var summary: String?
    var tags: [TagEntry]
    /// Set in a folder's list only, where entries are notes or subfolders.
    var isSection: Bool?

    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "url": url
        case "date": date ?? false
        case "dateISO": dateISO ?? false
        case "summary": summary ?? false
        case "tags": tags
        case "hasTags": !tags.isEmpty
        case "isSection": isSection
        default: nil
        }
    }
}
