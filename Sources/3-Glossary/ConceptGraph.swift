import Foundation
import GongbuCore

/// What the graph needs to know about a note.
public struct NoteNode: Sendable {
    public var slug: String
    public var title: String
    /// Path relative to the source folder.
    public var source: String
    public var mentions: [Mention]
    /// Explicit `[[slug]]` links to other notes, with counts.
    public var noteLinks: [String: Int]

    public init(slug: String, title: String, source: String, mentions: [Mention], noteLinks: [String: Int]) {
        self.slug = slug
        self.title = title
        self.source = source
        self.mentions = mentions
        self.noteLinks = noteLinks
    }
}

/// A note that mentions a concept, for the concept's page: plain numbers, so the lists of a
/// large site (a concept that 10,000 notes mention) copy and sort without reference counting.
/// The snippet stays in the note's own mention (`mention` indexes the note's `mentions`).
public struct Backlink: Sendable, Hashable {
    public var note: Int
    public var count: Int
    public var wikilinks: Int
    public var mention: Int
}

/// A relation as seen from one concept: outgoing (this concept manages X) or incoming (X manages this concept).
public struct RelationEdge: Sendable, Hashable {
    public var kind: RelationKind
    public var other: Int
    public var outgoing: Bool
}

/// An edge of the whole knowledge graph, as graph.json and `gongbu graph` print it.
public struct GraphEdge: Sendable, Hashable {
    public enum Endpoint: Sendable, Hashable {
        case note(Int)
        case concept(Int)
    }

    public var source: Endpoint
    public var target: Endpoint
    /// `mentions`, `wikilink`, `related` or a relation name.
    public var kind: String
    public var weight: Int
}

/// The cross-note step: backlinks, both directions of every relation, the learning path and
/// the edge list. Linear in the number of mentions and relations.
public struct ConceptGraph: Sendable {
    /// Per concept, notes that mention it: most mentions first, then by note order.
    public var backlinks: [[Backlink]]
    /// Per concept, its relations in both directions.
    public var relations: [[RelationEdge]]
    /// All concepts ordered so that every concept comes after what it `requires`.
    public var learningPath: [Int]
    public var edges: [GraphEdge]

    public static let empty = ConceptGraph(backlinks: [], relations: [], learningPath: [], edges: [])

    public static func build(glossary: Glossary, notes: [NoteNode]) -> (ConceptGraph, [Diagnostic]) {
        let count = glossary.concepts.count
        var backlinks = [[Backlink]](repeating: [], count: count)
        var edges: [GraphEdge] = []
        var slugIndex: [String: Int] = [:]
        for (index, note) in notes.enumerated() { slugIndex[note.slug] = index }

        for noteIndex in notes.indices {
            for (position, mention) in notes[noteIndex].mentions.enumerated() {
                backlinks[mention.concept].append(
                    Backlink(note: noteIndex, count: mention.count, wikilinks: mention.wikilinks, mention: position))
            }
            edges += noteEdges(noteIndex, notes[noteIndex]) { slugIndex[$0] }
        }
        // Each concept's list is sorted on its own, on all cores (thousands of backlinks each
        // on a large site).
        backlinks = backlinks.concurrentMap { $0.sorted(by: backlinkOrder) }

        var relations = [[RelationEdge]](repeating: [], count: count)
        var seen = Set<[Int]>()
        for (index, concept) in glossary.concepts.enumerated() {
            for relation in concept.relations {
                guard let target = glossary.indexByID[relation.target] else { continue }
                let kindIndex = RelationKind.allCases.firstIndex(of: relation.kind)!
                // `related` is symmetric: a pair listed on both sides is one edge.
                let key = relation.kind == .related ? [kindIndex, min(index, target), max(index, target)] : [kindIndex, index, target]
                guard seen.insert(key).inserted else { continue }
                relations[index].append(RelationEdge(kind: relation.kind, other: target, outgoing: true))
                relations[target].append(RelationEdge(kind: relation.kind, other: index, outgoing: relation.kind == .related))
                edges.append(GraphEdge(source: .concept(index), target: .concept(target), kind: relation.kind.key, weight: 1))
            }
        }

        let graph = ConceptGraph(
            backlinks: backlinks, relations: relations,
            learningPath: learningPath(glossary), edges: edges)
        return (graph, graph.unusedConcepts(glossary))
    }

    /// Most mentions first, then site order: a total order, so any sort gives the same list.
    static func backlinkOrder(_ a: Backlink, _ b: Backlink) -> Bool {
        let left = a.count + a.wikilinks
        let right = b.count + b.wikilinks
        return left != right ? left > right : a.note < b.note
    }

    /// A note's edges: its mentions of concepts, its wikilinks to concepts and to other notes.
    static func noteEdges(_ noteIndex: Int, _ note: NoteNode, slugIndex: (String) -> Int?) -> [GraphEdge] {
        var edges: [GraphEdge] = []
        for mention in note.mentions {
            if mention.count > 0 {
                edges.append(
                    GraphEdge(source: .note(noteIndex), target: .concept(mention.concept), kind: "mentions", weight: mention.count))
            }
            if mention.wikilinks > 0 {
                edges.append(
                    GraphEdge(source: .note(noteIndex), target: .concept(mention.concept), kind: "wikilink", weight: mention.wikilinks))
            }
        }
        for (slug, weight) in note.noteLinks.sorted(by: { $0.key < $1.key }) {
            guard let target = slugIndex(slug) else { continue }
            edges.append(GraphEdge(source: .note(noteIndex), target: .note(target), kind: "wikilink", weight: weight))
        }
        return edges
    }

    /// Warnings for the site's own concepts that no note mentions (a bundled concept a site does
    /// not use is no mistake of its author's).
    public func unusedConcepts(_ glossary: Glossary) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (index, concept) in glossary.concepts.enumerated()
        where !concept.isBundled && backlinks.indices.contains(index) && backlinks[index].isEmpty {
            diagnostics.append(
                .warning(
                    "no note mentions the concept '\(concept.id)'; add it to a note or check its aliases",
                    at: SourceLocation(file: concept.source), rule: "glossary-unused"))
        }
        return diagnostics
    }

    /// The graph after one note changed in place (same position among the notes, same slug):
    /// the backlinks of the concepts whose mention changed and the note's own edges are redone,
    /// everything else kept. Gives what `build` would give for the new notes.
    public mutating func replaceNote(at noteIndex: Int, old: NoteNode, new: NoteNode, slugIndex: (String) -> Int?) {
        let changed = Mention.changedConcepts(from: old.mentions, to: new.mentions)
        // A mention that did not change may sit elsewhere among the note's mentions now: its
        // backlink points at the new place.
        var oldPositions: [Int: Int] = [:]
        for (position, mention) in old.mentions.enumerated() { oldPositions[mention.concept] = position }
        for (position, mention) in new.mentions.enumerated()
        where !changed.contains(mention.concept) && oldPositions[mention.concept] != position && backlinks.indices.contains(mention.concept)
        {
            if let entry = backlinks[mention.concept].firstIndex(where: { $0.note == noteIndex }) {
                backlinks[mention.concept][entry].mention = position
            }
        }
        for concept in changed where backlinks.indices.contains(concept) {
            var list = backlinks[concept].filter { $0.note != noteIndex }
            if let position = new.mentions.firstIndex(where: { $0.concept == concept }) {
                let mention = new.mentions[position]
                list.append(Backlink(note: noteIndex, count: mention.count, wikilinks: mention.wikilinks, mention: position))
            }
            backlinks[concept] = list.sorted(by: Self.backlinkOrder)
        }
        // Edges come note by note in site order, then the concepts' relations: the note's edges
        // are one run, or an empty run where the next note's (or the relations) begin.
        func belongsAfter(_ edge: GraphEdge) -> Bool {
            if case .note(let index) = edge.source { return index > noteIndex }
            return true
        }
        let start = edges.firstIndex { edge in edge.source == .note(noteIndex) || belongsAfter(edge) } ?? edges.endIndex
        var end = start
        while end < edges.endIndex, edges[end].source == .note(noteIndex) { end += 1 }
        edges.replaceSubrange(start..<end, with: Self.noteEdges(noteIndex, new, slugIndex: slugIndex))
    }

    /// The graph after the notes were put in another order: `newIndex[old]` is each note's new
    /// index, and only the notes at `moved` (new indices) changed places relative to the
    /// others. Gives what `build` would give for the reordered notes: each backlink list keeps
    /// its order but for the moved notes' entries, which go back where the order wants them
    /// (ties go by note order), and each note's edges move to its new place.
    public mutating func renumberNotes(_ newIndex: [Int], moved: Set<Int>) {
        var isMoved = [Bool](repeating: false, count: newIndex.count)
        for index in moved where index < isMoved.count { isMoved[index] = true }
        for concept in backlinks.indices {
            var hasMoved = false
            for position in backlinks[concept].indices {
                let index = newIndex[backlinks[concept][position].note]
                backlinks[concept][position].note = index
                if isMoved[index] { hasMoved = true }
            }
            guard hasMoved else { continue }
            var entries: [Backlink] = []
            backlinks[concept].removeAll { backlink in
                guard isMoved[backlink.note] else { return false }
                entries.append(backlink)
                return true
            }
            for entry in entries {
                let place = backlinks[concept].partitionPoint { Self.backlinkOrder($0, entry) }
                backlinks[concept].insert(entry, at: place)
            }
        }
        // The notes' edges come note by note in site order, then the concepts' relations: a
        // stable counting sort by the new source index puts them back in that order.
        func renumbered(_ endpoint: GraphEdge.Endpoint) -> GraphEdge.Endpoint {
            if case .note(let index) = endpoint { return .note(newIndex[index]) }
            return endpoint
        }
        var starts = [Int](repeating: 0, count: newIndex.count + 1)
        var noteEdges = 0
        for position in edges.indices {
            edges[position].source = renumbered(edges[position].source)
            edges[position].target = renumbered(edges[position].target)
            if case .note(let index) = edges[position].source {
                starts[index + 1] += 1
                noteEdges += 1
            }
        }
        for index in 0..<newIndex.count { starts[index + 1] += starts[index] }
        var sorted = edges
        for edge in edges[..<noteEdges] {
            guard case .note(let index) = edge.source else { continue }
            sorted[starts[index]] = edge
            starts[index] += 1
        }
        edges = sorted
    }

    /// Kahn's algorithm over `requires`; among concepts that are ready, the one with the smaller
    /// category rank, then title, comes first, so the order is stable. Concepts on a cycle (an
    /// error reported elsewhere) are appended at the end.
    static func learningPath(_ glossary: Glossary) -> [Int] {
        let count = glossary.concepts.count
        var remaining = [Int](repeating: 0, count: count)
        var dependents = [[Int]](repeating: [], count: count)
        for (index, concept) in glossary.concepts.enumerated() {
            let prerequisites = Set(concept.relations.filter { $0.kind == .requires }.compactMap { glossary.indexByID[$0.target] })
            remaining[index] = prerequisites.count
            for prerequisite in prerequisites { dependents[prerequisite].append(index) }
        }
        let rank = Dictionary(
            uniqueKeysWithValues: glossary.concepts.enumerated().map { ($0.offset, sortKey(glossary.concepts[$0.offset])) })
        var ready = (0..<count).filter { remaining[$0] == 0 }
        var order: [Int] = []
        while !ready.isEmpty {
            ready.sort { rank[$0]! < rank[$1]! }
            let next = ready.removeFirst()
            order.append(next)
            for dependent in dependents[next] {
                remaining[dependent] -= 1
                if remaining[dependent] == 0 { ready.append(dependent) }
            }
        }
        if order.count < count {
            let placed = Set(order)
            order += (0..<count).filter { !placed.contains($0) }
        }
        return order
    }

    /// Category order for display, then Korean title order.
    public static let categoryOrder = ["기초", "클러스터 구조", "워크로드", "배포 전략", "네트워킹", "스토리지", "설정", "도구"]

    static func sortKey(_ concept: Concept) -> String {
        let rank = categoryOrder.firstIndex(of: concept.category) ?? categoryOrder.count
        return String(format: "%02d", rank) + " " + TitleOrder.key(concept.title)
    }
}

/// 가나다 order: Hangul titles first in syllable order, then the rest case-insensitively.
public enum TitleOrder {
    public static func key(_ title: String) -> String {
        let first = title.unicodeScalars.first?.value ?? 0
        let hangul = first >= 0xAC00 && first <= 0xD7A3
        return (hangul ? "0" : "1") + title.lowercased()
    }

    /// The initial consonant (ㄱ, ㄴ, ㄷ …) of a Hangul title, or the upper-cased first letter.
    public static func initial(_ title: String) -> String {
        guard let first = title.unicodeScalars.first else { return "#" }
        let value = first.value
        if value >= 0xAC00 && value <= 0xD7A3 {
            let index = Int((value - 0xAC00) / 588)
            let initials = ["ㄱ", "ㄲ", "ㄴ", "ㄷ", "ㄸ", "ㄹ", "ㅁ", "ㅂ", "ㅃ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅉ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]
            // Tense consonants are filed under their plain letter, as Korean dictionaries do.
            let plain = ["ㄲ": "ㄱ", "ㄸ": "ㄷ", "ㅃ": "ㅂ", "ㅆ": "ㅅ", "ㅉ": "ㅈ"]
            return plain[initials[index]] ?? initials[index]
        }
        return String(first).uppercased()
    }
}
