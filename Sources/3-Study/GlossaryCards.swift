import Foundation
import Glossary

/// The sentences cards are asked in, supplied by the interface strings (`UIStrings.cardWording`)
/// so that all Korean text stays in one place.
public struct CardWording: Sendable {
    /// "파드란 무엇인가?"
    public var whatIs: @Sendable (_ term: String) -> String
    /// "이 설명에 맞는 개념은?" (before a definition).
    public var whichConcept: String
    /// "Pod의 한국어 용어는?" / "파드의 영어 이름은?"
    public var koreanName: @Sendable (_ english: String) -> String
    public var englishName: @Sendable (_ korean: String) -> String
    /// "디플로이먼트는 무엇을 관리하나?", by relation key; nil for relations that make no card.
    public var relationQuestion: @Sendable (_ kind: String, _ subject: String) -> String?
    /// "이 예제에서 잘못된 곳은?"
    public var exampleQuestion: String
    /// The mask put over a concept's own names in its definition: "[…]".
    public var mask: String

    public init(
        whatIs: @escaping @Sendable (String) -> String, whichConcept: String, koreanName: @escaping @Sendable (String) -> String,
        englishName: @escaping @Sendable (String) -> String, relationQuestion: @escaping @Sendable (String, String) -> String?,
        exampleQuestion: String, mask: String
    ) {
        self.whatIs = whatIs
        self.whichConcept = whichConcept
        self.koreanName = koreanName
        self.englishName = englishName
        self.relationQuestion = relationQuestion
        self.exampleQuestion = exampleQuestion
        self.mask = mask
    }
}

/// Cards from the glossary: each concept's term and definition both ways, its Korean and
/// English names both ways, and a question per typed relation (the untyped `related` makes
/// none). Concepts of the bundled glossary make cards only when a note mentions them. Quiz distractors come from the concept's neighbours in the graph first (a Service is
/// not what manages Pods), then from concepts of its category.
public enum GlossaryCards {
    public static func cards(glossary: Glossary, graph: ConceptGraph, wording: CardWording) -> [Card] {
        let concepts = glossary.concepts
        var byCategory: [String: [Int]] = [:]
        for (index, concept) in concepts.enumerated() { byCategory[concept.category, default: []].append(index) }
        /// Other concepts to draw wrong answers from: neighbours, then the category, then the rest
        /// in glossary order (a bounded walk, never every concept for every concept).
        func others(of index: Int, excluding: Set<Int>) -> [Int] {
            var found: [Int] = []
            var seen = excluding.union([index])
            let neighbours = graph.relations.indices.contains(index) ? graph.relations[index].map(\.other) : []
            for other in neighbours + (byCategory[concepts[index].category] ?? []) where !seen.contains(other) {
                seen.insert(other)
                found.append(other)
                if found.count >= 6 { return found }
            }
            var next = (index + 1) % max(concepts.count, 1)
            var steps = 0
            while found.count < 3 && steps < concepts.count {
                if !seen.contains(next) {
                    seen.insert(next)
                    found.append(next)
                }
                next = (next + 1) % concepts.count
                steps += 1
            }
            return found
        }
        var cards: [Card] = []
        for (index, concept) in concepts.enumerated() {
            // gongbu's bundled glossary serves every site: only the concepts its notes use.
            if concept.isBundled && (graph.backlinks.indices.contains(index) ? graph.backlinks[index].isEmpty : true) { continue }
            let first = cards.count
            let line = max(concept.bodyStartLine, 1)
            let distractorIndices = others(of: index, excluding: [])
            if !concept.summary.isEmpty {
                var termCard = Card(
                    kind: .glossary, front: wording.whatIs(concept.shortTitle), back: concept.summary, source: concept.source, line: 1,
                    key: "term")
                termCard.distractors = distractorIndices.map { concepts[$0].summary }.filter { !$0.isEmpty }.prefix(3).map { $0 }
                var definitionCard = Card(
                    kind: .glossary,
                    front: wording.whichConcept + "\n" + masked(concept.summary, names: names(of: concept), mask: wording.mask),
                    back: concept.title, source: concept.source, line: 1, key: "definition")
                definitionCard.distractors = distractorIndices.map { concepts[$0].title }.prefix(3).map { $0 }
                cards += [termCard, definitionCard]
            }
            if let english = englishName(of: concept), english != concept.shortTitle {
                var toKorean = Card(
                    kind: .glossary, front: wording.koreanName(english), back: concept.shortTitle, source: concept.source, line: 1,
                    key: "korean")
                toKorean.distractors = distractorIndices.map { concepts[$0].shortTitle }.prefix(3).map { $0 }
                var toEnglish = Card(
                    kind: .glossary, front: wording.englishName(concept.shortTitle), back: english, source: concept.source, line: 1,
                    key: "english")
                toEnglish.distractors = distractorIndices.compactMap { englishName(of: concepts[$0]) }.prefix(3).map { $0 }
                cards += [toKorean, toEnglish]
            }
            // One question per relation kind the concept is the subject of.
            var objects: [(kind: RelationKind, others: [Int])] = []
            for relation in graph.relations.indices.contains(index) ? graph.relations[index] : []
            where relation.outgoing && relation.kind != .related {
                if let at = objects.firstIndex(where: { $0.kind == relation.kind }) {
                    objects[at].others.append(relation.other)
                } else {
                    objects.append((relation.kind, [relation.other]))
                }
            }
            for (kind, targets) in objects {
                guard let question = wording.relationQuestion(kind.key, concept.shortTitle) else { continue }
                var card = Card(
                    kind: .relation, front: question, back: targets.map { concepts[$0].shortTitle }.joined(separator: ", "),
                    source: concept.source, line: line, key: "relation:" + kind.key)
                card.distractors = others(of: index, excluding: Set(targets)).map { concepts[$0].shortTitle }.prefix(3).map { $0 }
                card.concepts = [concept.id] + targets.map { concepts[$0].id }
                cards.append(card)
            }
            for position in first..<cards.count where cards[position].concepts.isEmpty {
                cards[position].concepts = [concept.id]
            }
        }
        return cards
    }

    /// `Pod` of `파드 (Pod)`, or the first alias in Latin letters.
    static func englishName(of concept: Concept) -> String? {
        if let open = concept.title.firstIndex(of: "("), let close = concept.title.lastIndex(of: ")"), open < close {
            let inside = concept.title[concept.title.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            if !inside.isEmpty { return inside }
        }
        return concept.aliases.first { alias in alias.unicodeScalars.allSatisfy { $0.isASCII } && alias.count > 2 }
    }

    static func names(of concept: Concept) -> [String] {
        ([concept.shortTitle] + concept.aliases).filter { $0.count >= 2 }.sorted { $0.count > $1.count }
    }

    /// The definition with the concept's own names hidden, so the question does not give itself away.
    static func masked(_ text: String, names: [String], mask: String) -> String {
        var result = text
        for name in names { result = result.replacingOccurrences(of: name, with: mask, options: .caseInsensitive) }
        return result
    }
}
