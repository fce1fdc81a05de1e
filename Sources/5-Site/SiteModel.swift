import Analysis
import Content
import Glossary
import GongbuCore
import Markdown
import Search

/// A tag as pages show it: the spelling people see and the slug in its URL.
public struct TagRef: Sendable, Hashable {
    public var name: String
    public var slug: String

    public init(name: String, slug: String) {
        self.name = name
        self.slug = slug
    }
}

/// A tag page: the tag and the notes that carry it (indices into `SiteModel.notes`).
public struct TagGroup: Sendable {
    public var tag: TagRef
    public var noteIndices: [Int]
}

/// Everything the site renderer needs, in display order.
public struct SiteModel: Sendable {
    public var config: SiteConfig
    /// Newest first; undated notes last, by title.
    public var notes: [NotePage]
    /// Resolved tags of each note, parallel to `notes`.
    public var noteTags: [[TagRef]]
    /// Most used first, then by name.
    public var tags: [TagGroup]
    public var staticFiles: [StaticFile]
    public var glossary: Glossary = .empty
    /// Rendered concept bodies, parallel to `glossary.concepts`.
    public var conceptBodies: [String] = []
    public var graph = ConceptGraph.empty
    /// Concept bodies as prose, parallel to `glossary.concepts`, for the search index.
    public var conceptTexts: [String] = []
    public var searchIndex: SearchIndex?
    /// The content folder's own index page (`README.md`, `index.md` or `_index.md` at its top),
    /// shown on the home page as its introduction rather than as a note of its own.
    public var homePage: NotePage?
    /// Redirects from the URL older gongbu releases gave a note (`notes/<name>/`), by note
    /// index, where that URL is now free: links into an existing site keep working.
    public var legacyPaths: [Int: String] = [:]
    /// Every folder of notes, the top ("") first (`SiteSection.tree`).
    public var sections: [SiteSection] = []
    /// The section each note is listed in (its folder), by note index.
    public var noteSection: [Int] = []
    /// The section whose page each folder-page note is, by note index.
    public var sectionOfPage: [Int: Int] = [:]

    /// Adds the glossary and builds the concept graph over the notes in display order.
    /// Returns the graph's diagnostics (concepts no note mentions).
    public mutating func attach(glossary: Glossary, conceptBodies: [String]) -> [Diagnostic] {
        self.glossary = glossary
        self.conceptBodies = conceptBodies
        let (graph, diagnostics) = ConceptGraph.build(
            glossary: glossary,
            notes: notes.map {
                NoteNode(slug: $0.slug, title: $0.title, source: $0.source, mentions: $0.mentions, noteLinks: $0.noteLinks)
            })
        self.graph = graph
        return diagnostics
    }

    /// Orders notes and groups tags. Tags that differ only in case or spacing share one page,
    /// under the spelling used most often; other tags that would share a page are reported in
    /// `tagCollisions`.
    public init(config: SiteConfig, notes: [NotePage], staticFiles: [StaticFile], folders: [String: FolderInfo] = [:]) {
        self.config = config
        self.staticFiles = staticFiles
        self.folders = folders
        // Sorted by index, then gathered once: a note page is a large value, and a merge sort
        // of the pages themselves copies each one log n times.
        homePage = notes.first { $0.slug.isEmpty }
        let order = notes.indices.filter { !notes[$0].slug.isEmpty }.sorted { Self.newestFirst(notes[$0], notes[$1]) }
        self.notes = order.map { notes[$0] }
        noteTags = []
        tags = []
        // Only a gongbu site can have been published with the old URLs.
        legacyPaths = config.sourceKind == .gongbu ? Self.legacyPaths(self.notes) : [:]
        groupSections()
        groupTags()
    }

    /// Puts the notes in a new order (`order[new] = old` index) in which only the notes at
    /// `moved` (old indices) changed places relative to the others, and renumbers everything
    /// that names notes by index: the concept graph, the redirects, the tags and the folders
    /// (whose orders do not depend on indices). Returns each old index's new one.
    @discardableResult
    public mutating func reorderNotes(_ order: [Int], moved movedBefore: [Int]) -> [Int] {
        var newIndex = [Int](repeating: 0, count: order.count)
        for (position, old) in order.enumerated() { newIndex[old] = position }
        let moved = Set(movedBefore.map { newIndex[$0] })
        notes = order.map { notes[$0] }
        noteTags = order.map { noteTags[$0] }
        noteSection = order.map { noteSection[$0] }
        legacyPaths = Dictionary(uniqueKeysWithValues: legacyPaths.map { (newIndex[$0.key], $0.value) })
        sectionOfPage = Dictionary(uniqueKeysWithValues: sectionOfPage.map { (newIndex[$0.key], $0.value) })
        graph.renumberNotes(newIndex, moved: moved)
        // A tag's notes go in site order.
        for index in tags.indices {
            tags[index].noteIndices = tags[index].noteIndices.map { newIndex[$0] }
            if tags[index].noteIndices.contains(where: moved.contains) { tags[index].noteIndices.sort() }
        }
        for index in sections.indices {
            sections[index].page = sections[index].page.map { newIndex[$0] }
            sections[index].notes = sections[index].notes.map { newIndex[$0] }
            sections[index].order = sections[index].order.map { entry in
                if case .note(let note) = entry { return .note(newIndex[note]) }
                return entry
            }
        }
        return newIndex
    }

    /// Orders again the folders that list the notes at `changed` (after a new title, date or
    /// weight), and takes a folder page's new title: what `groupSections` would give, for the
    /// few folders concerned.
    public mutating func refreshSections(of changed: [Int]) {
        var touched = Set<Int>()
        for note in changed where noteSection.indices.contains(note) {
            if let own = sectionOfPage[note] { sections[own].title = SiteSection.pageTitle(of: notes[note], folders: folders) }
            touched.insert(noteSection[note])
        }
        for index in touched {
            var section = sections[index]
            SiteSection.order(&section, sections: sections, notes: notes, folders: folders)
            sections[index] = section
        }
    }

    /// The folders' own labels and positions the sections were built with.
    public var folders: [String: FolderInfo] = [:]

    /// Builds `sections`, `noteSection` and `sectionOfPage` from the notes (in display order).
    public mutating func groupSections() {
        sections = SiteSection.tree(notes, folders: folders)
        noteSection = Array(repeating: 0, count: notes.count)
        sectionOfPage = [:]
        for (index, section) in sections.enumerated() {
            for note in section.notes { noteSection[note] = index }
            if let page = section.page {
                sectionOfPage[page] = index
                noteSection[page] = section.parent ?? 0
            }
        }
    }

    /// Builds `noteTags`, `tags` and `tagCollisions` from the notes' tags.
    public mutating func groupTags() {
        var spellings: [String: [String: Int]] = [:]
        var tagSlugs: [String: String] = [:]
        // Spellings that differ only in case or spacing are one tag; others that reach the same
        // page (C++ and C# both become tags/c/) are a collision.
        var firstUse: [String: (key: String, name: String, source: String)] = [:]
        var collisions: [Diagnostic] = []
        var reported = Set<String>()
        for index in notes.indices.sorted(by: { notes[$0].source < notes[$1].source }) {
            let source = notes[index].source
            for name in notes[index].tagNames {
                let slug = Self.tagSlug(name)
                tagSlugs[name] = slug
                spellings[slug, default: [:]][name, default: 0] += 1
                let key = Self.tagKey(name)
                if let first = firstUse[slug] {
                    if first.key != key, reported.insert(slug + "\u{0}" + key).inserted {
                        collisions.append(
                            .error(
                                "tag '\(name)' and tag '\(first.name)' (in \(first.source)) would both be published at tags/\(slug)/; rename one of them",
                                at: SourceLocation(file: source), rule: "tag-collision"))
                    }
                } else {
                    firstUse[slug] = (key, name, source)
                }
            }
        }
        tagCollisions = collisions
        var display: [String: String] = [:]
        for (slug, counts) in spellings {
            display[slug] = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key
        }
        var groups: [String: [Int]] = [:]
        noteTags = notes.indices.map { index in
            var seen = Set<String>()
            var refs: [TagRef] = []
            for name in notes[index].tagNames {
                let slug = tagSlugs[name]!
                guard seen.insert(slug).inserted else { continue }
                refs.append(TagRef(name: display[slug]!, slug: slug))
                groups[slug, default: []].append(index)
            }
            return refs
        }
        tags = groups.map { TagGroup(tag: TagRef(name: display[$0.key]!, slug: $0.key), noteIndices: $0.value) }
            .sorted { a, b in
                a.noteIndices.count != b.noteIndices.count ? a.noteIndices.count > b.noteIndices.count : a.tag.name < b.tag.name
            }
    }

    /// `notes/<last segment>/` for every note whose page moved from there (releases before
    /// path-based URLs put every note at `notes/<slug>/`), unless another note lives there
    /// now or two notes would claim the same old URL.
    static func legacyPaths(_ notes: [NotePage]) -> [Int: String] {
        let current = Set(notes.map(\.slug))
        var claims: [String: [Int]] = [:]
        for (index, note) in notes.enumerated() {
            guard let last = note.slug.split(separator: "/").last else { continue }
            let old = "notes/" + last
            if old != note.slug { claims[old, default: []].append(index) }
        }
        var result: [Int: String] = [:]
        for (old, indices) in claims where indices.count == 1 && !current.contains(old) {
            result[indices[0]] = old + "/index.html"
        }
        return result
    }

    /// Tags that differ in more than case or spacing but would share a page (errors).
    public var tagCollisions: [Diagnostic] = []

    /// What makes two spellings one tag: case, and spaces, hyphens or underscores between words,
    /// do not count (`Rolling Update`, `rolling-update`).
    static func tagKey(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "_" }).joined(separator: " ")
    }

    public static func tagSlug(_ name: String) -> String {
        let slug = Slug.make(name)
        return slug.isEmpty ? Slug.fallback(for: name, prefix: "tag") : slug
    }

    public static func newestFirst(_ a: NotePage, _ b: NotePage) -> Bool {
        switch (a.date, b.date) {
        case (let x?, let y?) where x.timeIntervalSince1970 != y.timeIntervalSince1970: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.title != b.title ? a.title < b.title : a.slug < b.slug
        }
    }
}

extension SiteModel {
    /// Drops the text kept only to build the search index (each note's prose, the documents'
    /// bodies, headings and mention counts), once the index is built: on a large site it is
    /// tens of megabytes that rendering never reads. The index files do not contain it.
    public mutating func releaseSearchText() {
        for index in notes.indices { notes[index].searchText = "" }
        guard var searchIndex else { return }
        self.searchIndex = nil
        for index in searchIndex.documents.indices {
            searchIndex.documents[index].body = ""
            searchIndex.documents[index].headings = []
            searchIndex.documents[index].concepts = [:]
        }
        self.searchIndex = searchIndex
    }

    /// The documents of the search index: concepts first, then notes in display order.
    public func searchDocuments() -> [SearchDocument] {
        var documents: [SearchDocument] = []
        let urls = SiteURLs(config)
        for (index, concept) in glossary.concepts.enumerated() {
            var document = SearchDocument(
                kind: .concept, id: concept.id, title: concept.title, url: urls.concept(concept.id).path,
                source: concept.source,
                summary: concept.summary, aliases: concept.aliases,
                body: conceptTexts.indices.contains(index) ? conceptTexts[index] : "",
                concepts: [concept.id: 1])
            document.against = concept.againstWords
            documents.append(document)
        }
        for (index, note) in notes.enumerated() {
            var mentions: [String: Int] = [:]
            for mention in note.mentions { mentions[glossary.concepts[mention.concept].id] = mention.count + mention.wikilinks }
            documents.append(
                SearchDocument(
                    kind: .note, id: note.slug, title: note.title, url: PageLocation.note(slug: note.slug).path, source: note.source,
                    summary: note.summary ?? "", tags: noteTags[index].map(\.name), headings: note.headings.map(\.text),
                    body: note.searchText,
                    concepts: mentions))
        }
        return documents
    }
}
