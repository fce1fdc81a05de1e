import Analysis
import Glossary
import GongbuCore
import Site

/// Decides what an edit affects, as a pure function of the site before and after: no disk,
/// no lock, no rendering, so every rule here can be tested with values alone.
///
/// `gongbu serve` asks it three questions, in order: which other notes must be analysed again
/// (`dependsOn`, `embeds`), whether the site model can be patched in place (`patchedModel`), and which
/// pages must be rendered again (`pages`).
enum ChangePlan {
    /// Whether a note's analysis reads the slugs or titles in `affectedSlugs`: it links to one
    /// of them, or reported a link problem that a new note may now resolve.
    static func dependsOn(_ affectedSlugs: Set<String>, _ analysis: NoteAnalysis) -> Bool {
        analysis.page.noteLinks.keys.contains(where: affectedSlugs.contains)
            || analysis.page.linkedNotes.contains(where: affectedSlugs.contains)
            || analysis.diagnostics.contains(where: { $0.rule == "wikilink" || $0.rule == "missing-file" })
    }

    /// Whether a note shows the text of a note in `affectedSlugs` (`![[노트]]`): it changes
    /// whenever that body does, not only its title.
    static func embeds(_ affectedSlugs: Set<String>, _ analysis: NoteAnalysis) -> Bool {
        !analysis.page.embeddedNotes.isDisjoint(with: affectedSlugs)
    }

    /// Whether a note appears the same in lists: home page, tag pages, feeds (and, through its
    /// date, its place among the others).
    static func sameListing(_ a: NotePage, _ b: NotePage) -> Bool {
        a.title == b.title && a.slug == b.slug && a.date == b.date && a.summary == b.summary && a.tagNames == b.tagNames
            && a.categories == b.categories && a.lastModified == b.lastModified
    }

    /// Whether a note's change can alter the set of output paths (and so their collisions).
    static func sameOutputs(_ a: NotePage?, _ b: NotePage?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a.slug == b.slug && a.aliases == b.aliases
    }

    /// The model with changed notes' pages replaced in place, when the same notes keep their
    /// slugs. Re-assembling the model orders, groups and links every note of the site (about
    /// 450 ms on 10,000 notes); this replaces the pages, patches the concept graph, groups
    /// folders (when a title, date or weight changed) and tags (when tags changed) again, and
    /// renumbers the notes when one moved in the site's order. Nil when a note came, went or
    /// moved to another slug; the caller then assembles the model again.
    static func patchedModel(_ old: SiteModel, changes: [(before: NotePage?, after: NotePage?)]) -> SiteModel? {
        var model = old
        var indexBySource: [String: Int] = [:]
        var slugIndex: [String: Int] = [:]
        for index in model.notes.indices {
            indexBySource[model.notes[index].source] = index
            slugIndex[model.notes[index].slug] = index
        }
        var replacements: [(index: Int, page: NotePage)] = []
        var regroupSections = false
        var regroupTags = false
        for change in changes {
            guard let before = change.before, let after = change.after, before.source == after.source, before.slug == after.slug,
                let index = indexBySource[before.source]
            else { return nil }
            if !sameListing(before, after) {
                regroupSections =
                    regroupSections || before.title != after.title || before.date != after.date || before.params != after.params
                regroupTags = regroupTags || before.tagNames != after.tagNames
            }
            replacements.append((index, after))
        }
        for (index, page) in replacements {
            let previous = model.notes[index]
            model.notes[index] = page
            model.graph.replaceNote(at: index, old: graphNode(previous), new: graphNode(page)) { slugIndex[$0] }
        }
        model.searchIndex = nil
        // A new title or date can move a note among the others (notes of one day go by title):
        // the replaced notes are put back where the site's order wants them, and everything
        // that names notes by index is renumbered.
        var changed = replacements.map(\.index)
        if let order = newOrder(model.notes, moved: changed) {
            let newIndex = model.reorderNotes(order, moved: changed)
            changed = changed.map { newIndex[$0] }
        }
        if regroupSections { model.refreshSections(of: changed) }
        if regroupTags { model.groupTags() }
        return model
    }

    /// The order (`order[new] = old` index) that sorts `notes` when only the notes at `moved`
    /// may be out of place, or nil when they are all in place. The order is total, so this is
    /// what a full sort gives.
    static func newOrder(_ notes: [NotePage], moved: [Int]) -> [Int]? {
        func inPlace(_ index: Int) -> Bool {
            (index == 0 || SiteModel.newestFirst(notes[index - 1], notes[index]))
                && (index + 1 == notes.count || SiteModel.newestFirst(notes[index], notes[index + 1]))
        }
        guard !moved.allSatisfy(inPlace) else { return nil }
        let movedSet = Set(moved)
        var order = notes.indices.filter { !movedSet.contains($0) }
        for index in moved.sorted() {
            // Before the first note that comes after this one.
            order.insert(index, at: order.partitionPoint { SiteModel.newestFirst(notes[$0], notes[index]) })
        }
        return order
    }

    static func graphNode(_ page: NotePage) -> NoteNode {
        NoteNode(slug: page.slug, title: page.title, source: page.source, mentions: page.mentions, noteLinks: page.noteLinks)
    }

    /// The pages to render again, and the notes (by source path) whose own files change.
    struct Pages: Equatable {
        var jobs: Set<SiteRenderer.Job> = []
        var changedSources: Set<String> = []
    }

    /// Which pages show what changed. Lists (the home page, tag pages) show a note's title,
    /// date, summary and tags; a concept page shows each note's mention of it. Pages whose part
    /// of a changed note is the same are not rendered again: after an edit to one note's text
    /// on a 10,000-note site that leaves only the note's own page and the pages of the concepts
    /// whose mentions changed.
    static func pages(old: SiteModel, new: SiteModel, changes: [(before: NotePage?, after: NotePage?)]) -> Pages {
        var plan = Pages()
        var jobs = Set<SiteRenderer.Job>()
        var listedSources = Set<String>()
        var changedMentions: [String: Set<Int>] = [:]
        // Notes whose review cards changed: the study page, and the deck counts on their tags',
        // concepts' and folders' pages.
        var cardSources = Set<String>()
        for (before, after) in changes {
            for source in [before?.source, after?.source].compactMap({ $0 }) {
                plan.changedSources.insert(source)
                // A card links to its note, so a moved note's cards change too.
                if (before?.cards ?? []) != (after?.cards ?? []) || (before?.slug != after?.slug && !(after?.cards ?? []).isEmpty) {
                    cardSources.insert(source)
                }
                if before == nil || after == nil || !sameListing(before!, after!) || cardSources.contains(source) {
                    listedSources.insert(source)
                }
                changedMentions[source, default: []].formUnion(
                    Mention.changedConcepts(from: before?.mentions ?? [], to: after?.mentions ?? []))
            }
        }
        // The content folder's own index page is the home page's introduction.
        let homeChanged = changes.contains { $0.before?.slug.isEmpty == true || $0.after?.slug.isEmpty == true }
        if !listedSources.isEmpty || new.notes.count != old.notes.count || homeChanged {
            jobs.insert(.home)
            jobs.insert(.tagIndex)
        }
        var conceptIndices = Set<Int>()
        var tagSlugs = Set<String>()
        // A note listed differently also reads differently in every concept page's backlinks.
        // By index: a note page is a large value, not copied for each of the site's notes.
        for index in old.notes.indices where plan.changedSources.contains(old.notes[index].source) {
            let source = old.notes[index].source
            conceptIndices.formUnion(changedMentions[source] ?? [])
            if listedSources.contains(source) {
                tagSlugs.formUnion(old.noteTags[index].map(\.slug))
                conceptIndices.formUnion(old.notes[index].mentions.map(\.concept))
            }
        }
        for index in new.notes.indices where plan.changedSources.contains(new.notes[index].source) {
            let source = new.notes[index].source
            jobs.insert(.note(index))
            conceptIndices.formUnion(changedMentions[source] ?? [])
            if listedSources.contains(source) {
                tagSlugs.formUnion(new.noteTags[index].map(\.slug))
                conceptIndices.formUnion(new.notes[index].mentions.map(\.concept))
            }
        }
        // A tag whose displayed spelling changed shows on every note that carries it.
        let oldSpelling = Dictionary(uniqueKeysWithValues: old.tags.map { ($0.tag.slug, $0.tag.name) })
        for group in new.tags where oldSpelling[group.tag.slug] != group.tag.name {
            tagSlugs.insert(group.tag.slug)
            for index in group.noteIndices { jobs.insert(.note(index)) }
        }
        for (index, group) in new.tags.enumerated() where tagSlugs.contains(group.tag.slug) { jobs.insert(.tag(index)) }
        for index in conceptIndices where index < new.glossary.concepts.count { jobs.insert(.concept(index)) }
        // Folders list their notes, and every note shows the folders above it: a new folder or
        // a folder's new title is on every page below it; a note listed differently is on its
        // folder's page.
        func outline(_ model: SiteModel) -> [String] { model.sections.map { "\($0.path)\u{0}\($0.title)\u{0}\($0.page == nil)" } }
        let folderPages = new.sections.indices.filter { new.sections[$0].page == nil && !new.sections[$0].path.isEmpty }
        if outline(old) != outline(new) {
            jobs.formUnion(new.notes.indices.map(SiteRenderer.Job.note))
            jobs.formUnion(folderPages.map(SiteRenderer.Job.section))
            jobs.insert(.home)
        } else if !listedSources.isEmpty || new.notes.count != old.notes.count {
            jobs.formUnion(folderPages.map(SiteRenderer.Job.section))
            jobs.formUnion(new.sections.compactMap(\.page).map(SiteRenderer.Job.note))
        }
        if new.notes.count != old.notes.count { jobs.insert(.conceptIndex) }
        // The study page lists the cards (their notes' titles are not on it).
        if !cardSources.isEmpty || new.notes.count != old.notes.count, SiteRenderer.hasStudyPage(new) { jobs.insert(.study) }
        plan.jobs = jobs
        return plan
    }
}
