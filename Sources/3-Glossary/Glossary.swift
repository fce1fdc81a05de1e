import Content
import Foundation
import GongbuCore

/// All concept entries of a site, checked, with the matcher that finds their mentions.
public struct Glossary: Sendable {
    /// Sorted by id.
    public var concepts: [Concept]
    public var indexByID: [String: Int]
    public var matcher: AliasMatcher
    /// Lower-cased alias → concept index, for wikilinks such as `[[파드]]`.
    public var indexByAlias: [String: Int]
    var typos: TypoIndex

    public static let empty = Glossary(
        concepts: [], indexByID: [:], matcher: AliasMatcher(aliases: [], blocked: []), indexByAlias: [:],
        typos: TypoIndex(aliases: [], blockedPhrases: []))

    public subscript(id: String) -> Concept? { indexByID[id].map { concepts[$0] } }

    static let knownKeys: Set<String> = Set(RelationKind.allCases.map(\.key)).union([
        "title", "aliases", "summary", "category", "not", "description", "ambiguous", "against",
    ])

    /// The prefix of a bundled entry's `source` (`gongbu:glossary/pod.md`): not a file of the site.
    public static let bundledSourcePrefix = "gongbu:glossary/"

    /// The bundled Kubernetes glossary's entries as documents, parsed from the copy compiled
    /// into the binary (`scripts/embed-glossary.py` writes it from content/glossary/).
    public static func bundledDocuments() -> [SourceDocument] {
        BundledGlossaryFiles.entries.map { entry in
            SourceDocument.parse(
                text: entry.text, path: bundledSourcePrefix + entry.name, contentPath: SourceLayout.glossaryFolder + "/" + entry.name
            ).0
        }
    }

    /// Reads concept entries and checks them: ids, duplicate aliases, unknown relation targets
    /// and `requires` cycles are errors naming the files.
    ///
    /// With `bundled`, gongbu's bundled glossary comes underneath the site's own entries: an
    /// entry of the site with a bundled entry's id replaces it, and the site's aliases are
    /// claimed first, so a bundled concept quietly gives up a spelling the site uses for
    /// something else.
    public static func load(_ documents: [SourceDocument], bundled: Bool = false) -> (Glossary, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var concepts: [Concept] = []
        for document in documents.sorted(by: { $0.path < $1.path }) {
            let (concept, conceptDiagnostics) = readConcept(document)
            diagnostics += conceptDiagnostics
            if let concept { concepts.append(concept) }
        }
        if bundled {
            let own = Set(concepts.map(\.id))
            for document in bundledDocuments() {
                guard var concept = readConcept(document).0, !own.contains(concept.id) else { continue }
                concept.isBundled = true
                concepts.append(concept)
            }
            concepts.sort { $0.id < $1.id }
        }
        var indexByID: [String: Int] = [:]
        var deduplicated: [Concept] = []
        for concept in concepts {
            if let existing = indexByID[concept.id] {
                diagnostics.append(
                    .error(
                        "concept id '\(concept.id)' is already defined by \(deduplicated[existing].source)",
                        at: SourceLocation(file: concept.source), rule: "glossary"))
                continue
            }
            indexByID[concept.id] = deduplicated.count
            deduplicated.append(concept)
        }
        concepts = deduplicated

        // Aliases: each spelling names one concept. Implicit aliases from the title give way silently.
        var aliasOwner: [String: Int] = [:]
        var aliasList: [(term: String, concept: Int)] = []
        var indexByAlias: [String: Int] = [:]
        // The site's own entries claim their spellings before the bundled ones do.
        let claimOrder = concepts.indices.filter { !concepts[$0].isBundled } + concepts.indices.filter { concepts[$0].isBundled }
        for index in claimOrder {
            let concept = concepts[index]
            for alias in concept.aliases {
                let key = AliasMatcher.normalizeSpaces(alias).lowercased()
                guard !key.isEmpty else { continue }
                if let owner = aliasOwner[key] {
                    if owner != index && !concept.isBundled {
                        diagnostics.append(
                            .error(
                                "alias '\(alias)' is claimed by both \(concepts[owner].source) (\(concepts[owner].id)) and this entry (\(concept.id)); an alias must name one concept",
                                at: concept.aliasesLocation ?? SourceLocation(file: concept.source), rule: "glossary"))
                    }
                    continue
                }
                aliasOwner[key] = index
                aliasList.append((alias, index))
                indexByAlias[key] = index
            }
        }
        for index in claimOrder {
            for implicit in implicitAliases(concepts[index]) {
                let key = AliasMatcher.normalizeSpaces(implicit).lowercased()
                guard !key.isEmpty, aliasOwner[key] == nil else { continue }
                aliasOwner[key] = index
                aliasList.append((implicit, index))
                indexByAlias[key] = index
            }
        }

        // Relations point at existing concepts.
        for concept in concepts {
            for relation in concept.relations where indexByID[relation.target] == nil {
                let hint = Suggest.closest(to: relation.target, among: indexByID.keys).map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.append(
                    .error("\(relation.kind.key): unknown concept '\(relation.target)'\(hint)", at: relation.location, rule: "glossary"))
            }
        }
        diagnostics += requiresCycles(concepts, indexByID: indexByID)

        let blocked = concepts.enumerated().flatMap { index, concept in concept.notPhrases.map { (phrase: $0, concept: Optional(index)) } }
        let ambiguous = Set(concepts.flatMap { $0.ambiguousAliases.map { AliasMatcher.normalizeSpaces($0).lowercased() } })
        let matcher = AliasMatcher(aliases: aliasList, blockedFor: blocked, ambiguous: ambiguous)
        let typos = TypoIndex(aliases: aliasList, blockedPhrases: blocked.map(\.phrase))
        return (Glossary(concepts: concepts, indexByID: indexByID, matcher: matcher, indexByAlias: indexByAlias, typos: typos), diagnostics)
    }

    /// The title's parts (`파드` and `Pod` of `파드 (Pod)`) link too, unless another concept claims them.
    static func implicitAliases(_ concept: Concept) -> [String] {
        var result = [concept.title]
        if let open = concept.title.firstIndex(of: "("), let close = concept.title.lastIndex(of: ")"), open < close {
            result.append(concept.title[..<open].trimmingCharacters(in: .whitespaces))
            result.append(String(concept.title[concept.title.index(after: open)..<close]).trimmingCharacters(in: .whitespaces))
            result.removeFirst()
        }
        return result.filter { !$0.isEmpty }
    }

    static func isValidID(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        return !id.isEmpty
            && parts.allSatisfy { part in
                !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            }
    }

    static func readConcept(_ document: SourceDocument) -> (Concept?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let id = Path.stem(document.contentPath)
        let fileLocation = SourceLocation(file: document.path)
        guard isValidID(id) else {
            return (
                nil,
                [
                    .error(
                        "concept file name '\(id)' must be a lower-case kebab-case id such as 'persistent-volume'",
                        at: fileLocation, rule: "glossary")
                ]
            )
        }
        var concept = Concept(
            id: id, title: id, aliases: [], summary: "", category: "", relations: [], notPhrases: [],
            body: document.body, bodyStartLine: document.bodyStartLine, source: document.path)
        let entries: [YAMLEntry]
        switch document.frontMatter {
        case .map(let map): entries = map
        case .null: entries = []
        default:
            return (concept, [.warning("front matter is not a mapping of keys; it is ignored", at: fileLocation, rule: "glossary")])
        }
        var sawTitle = false
        for entry in entries {
            let location = SourceLocation(file: document.path, line: entry.line + document.frontMatterLineOffset, column: entry.column)
            func strings() -> [String] {
                switch entry.value {
                case .list(let items):
                    return items.compactMap { item in
                        if let text = item.scalarText { return text }
                        diagnostics.append(
                            .warning(
                                "'\(entry.key)' should be a list of words; an item that is \(item.typeName) is ignored",
                                at: location, rule: "glossary"))
                        return nil
                    }
                case .null: return []
                default:
                    if let text = entry.value.scalarText { return [text] }
                    diagnostics.append(
                        .warning(
                            "'\(entry.key)' should be a list, found \(entry.value.typeName); it is ignored", at: location, rule: "glossary")
                    )
                    return []
                }
            }
            func text() -> String? {
                if let text = entry.value.scalarText { return text.trimmingCharacters(in: .whitespacesAndNewlines) }
                if entry.value != .null {
                    diagnostics.append(
                        .warning(
                            "'\(entry.key)' should be text, found \(entry.value.typeName); it is ignored", at: location, rule: "glossary"))
                }
                return nil
            }
            if let kind = RelationKind(rawValue: entry.key) {
                for target in strings() where !target.isEmpty {
                    if target == id {
                        diagnostics.append(.warning("\(kind.key): a concept cannot relate to itself", at: location, rule: "glossary"))
                        continue
                    }
                    concept.relations.append(Relation(kind: kind, target: target, location: location))
                }
                continue
            }
            switch entry.key {
            case "title":
                if let title = text(), !title.isEmpty {
                    concept.title = title
                    sawTitle = true
                }
            case "aliases":
                concept.aliases = strings().map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                concept.aliasesLocation = location
            case "summary", "description": concept.summary = text() ?? concept.summary
            case "category": concept.category = text() ?? ""
            case "not": concept.notPhrases = strings().filter { !$0.isEmpty }
            case "ambiguous": concept.ambiguousAliases = strings().filter { !$0.isEmpty }
            case "against": concept.againstWords = strings().filter { !$0.isEmpty }.map { $0.lowercased() }
            default:
                let hint = Suggest.closest(to: entry.key, among: knownKeys).map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.append(
                    .warning("unknown key '\(entry.key)' in a concept entry\(hint); it is ignored", at: location, rule: "glossary"))
            }
        }
        if !sawTitle {
            diagnostics.append(.warning("concept entry has no 'title'; the id is used", at: fileLocation, rule: "glossary"))
        }
        return (concept, diagnostics)
    }

    /// Every cycle over `requires`, found with a depth-first search (each reported once).
    static func requiresCycles(_ concepts: [Concept], indexByID: [String: Int]) -> [Diagnostic] {
        var state = [UInt8](repeating: 0, count: concepts.count)  // 0 new, 1 on stack, 2 done
        var stack: [Int] = []
        var diagnostics: [Diagnostic] = []
        func visit(_ node: Int) {
            state[node] = 1
            stack.append(node)
            for relation in concepts[node].relations where relation.kind == .requires {
                guard let next = indexByID[relation.target] else { continue }
                if state[next] == 1 {
                    let cycle = stack[stack.lastIndex(of: next)!...].map { concepts[$0].id } + [concepts[next].id]
                    let files = Set(stack[stack.lastIndex(of: next)!...].map { concepts[$0].source }).sorted()
                    diagnostics.append(
                        .error(
                            "'requires' forms a cycle: \(cycle.joined(separator: " → ")) (in \(files.joined(separator: ", ")))",
                            at: relation.location, rule: "glossary"))
                } else if state[next] == 0 {
                    visit(next)
                }
            }
            stack.removeLast()
            state[node] = 2
        }
        for index in concepts.indices where state[index] == 0 { visit(index) }
        return diagnostics
    }
}
