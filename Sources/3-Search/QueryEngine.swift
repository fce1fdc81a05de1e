import Foundation
import GongbuCore
import Korean

/// A search result.
public struct SearchHit: Sendable, Hashable {
    public var document: Int
    public var score: Double
    /// Found by a near spelling rather than an exact match.
    public var fuzzy: Bool
}

extension SearchResults {
    /// These results, then `other`'s that are not among them.
    func merged(with other: SearchResults) -> SearchResults {
        var result = self
        let concepts = Set(concepts.map(\.document))
        result.concepts += other.concepts.filter { !concepts.contains($0.document) }
        let notes = Set(notes.map(\.document))
        result.notes += other.notes.filter { !notes.contains($0.document) }
        result.namedConcepts += other.namedConcepts.filter { !namedConcepts.contains($0) }
        result.highlights = Array(Set(highlights + other.highlights)).sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        return result
    }
}

public struct SearchResults: Sendable {
    public var concepts: [SearchHit] = []
    public var notes: [SearchHit] = []
    /// Surface forms worth highlighting in snippets (query words and the named concept's aliases).
    public var highlights: [String] = []
    /// Concepts the query names by one of their aliases.
    public var namedConcepts: [Int] = []

    public var isEmpty: Bool { concepts.isEmpty && notes.isEmpty }
}

/// Where the engine reads postings and document facts: an in-memory index, or shards of the
/// site's index files loaded on demand.
public protocol SearchSource {
    var documentCount: Int { get }
    var averageLength: Double { get }
    var concepts: [IndexedConcept] { get }
    func length(of document: Int) -> Double
    func kind(of document: Int) -> SearchDocument.Kind
    func postings(for term: String) -> [Posting]
    /// Initials of note titles (`ㅍㄷ ㄱㅊ`), for queries typed as initial consonants.
    func noteTitleInitials() -> [(document: Int, initials: String)]
    func title(of document: Int) -> String
    /// The English words of the notes worth correcting a query towards (`SearchIndex.isNearSpellingWord`).
    func nearSpellingWords() -> [String]
}

/// Korean-aware ranking shared by `gongbu search` (and mirrored by the site's search script):
/// BM25 (k1 1.2, b 0.75) over field-weighted frequencies, alias expansion, a concept named by
/// the query first, initial-consonant queries, and near spellings when nothing matches.
public struct QueryEngine {
    public static let k1 = 1.2
    public static let b = 0.75
    /// Weight of the other aliases of a concept the query names.
    public static let aliasExpansionWeight = 0.7

    let source: any SearchSource
    /// Normalised alias or title → concept indices (into `source.concepts`).
    let aliasTable: [String: Int]

    public init(source: any SearchSource) {
        self.source = source
        var table: [String: Int] = [:]
        for (index, concept) in source.concepts.enumerated() {
            for alias in concept.aliases + [concept.title, concept.id] + Self.titleParts(concept.title) {
                let key = Self.key(alias)
                if !key.isEmpty, table[key] == nil { table[key] = index }
            }
        }
        aliasTable = table
    }

    static func key(_ text: String) -> String {
        SearchText.normalize(text).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `파드` and `Pod` of `파드 (Pod)`.
    static func titleParts(_ title: String) -> [String] {
        guard let open = title.firstIndex(of: "("), let close = title.lastIndex(of: ")"), open < close else { return [] }
        return [String(title[..<open]).trimmingCharacters(in: .whitespaces), String(title[title.index(after: open)..<close])]
    }

    public func search(_ query: String, limit: Int = 10, kind: SearchDocument.Kind? = nil) -> SearchResults {
        let normalized = Self.key(query)
        guard !normalized.isEmpty else { return SearchResults() }
        var results: SearchResults
        if SearchText.isChoseongQuery(normalized) {
            results = choseongSearch(normalized.replacingOccurrences(of: " ", with: ""))
        } else {
            results = termSearch(normalized, fuzzy: false)
            // Near spellings when nothing matches, and when a word matched only by accident:
            // `ingres` in one note's typo must not hide the Ingress notes.
            if results.isEmpty || hasStrayWord(normalized, named: results.namedConcepts) {
                results = results.merged(with: termSearch(normalized, fuzzy: true))
            }
        }
        results = settingAsideOtherSenses(results, query: normalized)
        if kind == .concept { results.notes = [] }
        if kind == .note { results.concepts = [] }
        results.concepts = Array(results.concepts.prefix(limit))
        results.notes = Array(results.notes.prefix(limit))
        return results
    }

    /// Concepts a query names: the whole query, or one of its words (particles stripped), is an alias.
    func namedConcepts(_ normalized: String) -> [Int] {
        var found: [Int] = []
        func add(_ text: String) {
            if let index = aliasTable[text], !found.contains(index) { found.append(index) }
        }
        add(normalized)
        let words = normalized.split(separator: " ").map(String.init)
        if words.count > 1 {
            // The last word may carry particles: 롤링 업데이트를 → 롤링 업데이트.
            var stripped = words
            stripped[stripped.count - 1] = Self.stripParticles(stripped[stripped.count - 1])
            add(stripped.joined(separator: " "))
        }
        for word in words {
            add(word)
            add(Self.stripParticles(word))
            add(SearchText.stemEnglish(word))
        }
        return found
    }

    /// A query that names a concept but holds one of its `against:` words (트랜잭션 롤백: a
    /// database's rollback) is about the other sense: the concepts come from its other words
    /// alone (none here), and the notes stay as the whole query finds them.
    func settingAsideOtherSenses(_ results: SearchResults, query: String) -> SearchResults {
        let against = results.namedConcepts.filter { index in source.concepts[index].against.contains { query.contains($0) } }
        guard !against.isEmpty else { return results }
        var results = results
        let rest = query.split(separator: " ").map(String.init).filter { word in
            let named = aliasTable[word] ?? aliasTable[Self.stripParticles(word)] ?? aliasTable[SearchText.stemEnglish(word)]
            return !(named.map(against.contains) ?? false)
        }
        results.concepts = rest.isEmpty ? [] : termSearch(rest.joined(separator: " "), fuzzy: false).concepts
        results.namedConcepts.removeAll { against.contains($0) }
        return results
    }

    /// A query word a near spelling may be meant by: English, four letters or more, naming no
    /// concept, and found in at most `strayLimit` documents.
    func hasStrayWord(_ normalized: String, named: [Int]) -> Bool {
        for word in normalized.split(separator: " ").map(String.init) where SearchIndex.isNearSpellingWord(word) {
            if aliasTable[word] != nil || aliasTable[SearchText.stemEnglish(word)] != nil { continue }
            let count = Tokenizer.terms(word).map { source.postings(for: $0.term).count }.max() ?? 0
            if count <= Self.strayLimit { return true }
        }
        return false
    }

    /// At most this many documents hold a word that matched by accident.
    public static let strayLimit = 2
    /// Weight of a word of the notes that is a near spelling of a query word.
    public static let nearSpellingWeight = 0.8

    /// The notes' words within a small edit distance of a query word (statefull → stateful):
    /// the nearest ones, at most three.
    func nearSpellings(of word: String, in vocabulary: [String]) -> [String] {
        guard SearchIndex.isNearSpellingWord(word) else { return [] }
        let limit = word.count <= 5 ? 1 : 2
        var found: [(distance: Int, word: String)] = []
        for candidate in vocabulary where candidate != word && abs(candidate.count - word.count) <= limit {
            let distance = Suggest.distance(word, candidate, limit: limit)
            if distance <= limit { found.append((distance, candidate)) }
        }
        guard let best = found.map(\.distance).min() else { return [] }
        return found.filter { $0.distance == best }.map(\.word).sorted().prefix(3).map { $0 }
    }

    static func stripParticles(_ word: String) -> String {
        for (script, run, _) in SearchText.runs(word) where script == .latin {
            // Pod은 → pod
            if word.hasPrefix(run), Tokenizer.terms(word).count == 1 { return run }
        }
        return Particles.stem(word)
    }

    func termSearch(_ normalized: String, fuzzy: Bool) -> SearchResults {
        var results = SearchResults()
        var weights: [String: Double] = [:]
        func add(_ term: String, _ weight: Double) {
            weights[term] = max(weights[term] ?? 0, weight)
        }
        var highlights = Set<String>()
        for word in normalized.split(separator: " ") { highlights.insert(String(word)) }
        var named: [Int] = []
        var fuzzyMatches = Set<Int>()
        if fuzzy {
            named = fuzzyConcepts(normalized)
            fuzzyMatches = Set(named)
            let vocabulary = source.nearSpellingWords()
            for word in normalized.split(separator: " ").map(String.init) {
                for near in nearSpellings(of: word, in: vocabulary) {
                    highlights.insert(near)
                    for term in Tokenizer.terms(near) { add(term.term, Self.nearSpellingWeight * term.weight) }
                }
            }
        } else {
            for term in Tokenizer.terms(normalized) { add(term.term, term.weight) }
            named = namedConcepts(normalized)
        }
        for index in named {
            let concept = source.concepts[index]
            add(SearchIndex.conceptTerm(concept.id), 1)
            for alias in concept.aliases + Self.titleParts(concept.title) {
                highlights.insert(alias)
                for term in Tokenizer.terms(alias) where !term.term.hasPrefix("~") {
                    add(term.term, Self.aliasExpansionWeight * term.weight)
                }
            }
        }
        guard !weights.isEmpty else { return results }

        var scores: [Int: Double] = [:]
        let total = Double(source.documentCount)
        for (term, weight) in weights {
            let postings = source.postings(for: term)
            guard !postings.isEmpty else { continue }
            let count = Double(postings.count)
            let idf = log(1 + (total - count + 0.5) / (count + 0.5))
            for posting in postings {
                let normalization = Self.k1 * (1 - Self.b + Self.b * source.length(of: posting.document) / source.averageLength)
                let frequency = posting.frequency
                scores[posting.document, default: 0] += weight * idf * frequency * (Self.k1 + 1) / (frequency + normalization)
            }
        }
        let namedDocuments = named.map { source.concepts[$0].document }
        for (document, score) in scores {
            let hit = SearchHit(document: document, score: score, fuzzy: false)
            switch source.kind(of: document) {
            case .concept: results.concepts.append(hit)
            case .note: results.notes.append(hit)
            }
        }
        // A concept the query names comes first, whatever its score.
        for document in namedDocuments where !results.concepts.contains(where: { $0.document == document }) {
            results.concepts.append(SearchHit(document: document, score: 0, fuzzy: false))
        }
        func order(_ a: SearchHit, _ b: SearchHit) -> Bool {
            let aNamed = namedDocuments.firstIndex(of: a.document)
            let bNamed = namedDocuments.firstIndex(of: b.document)
            switch (aNamed, bNamed) {
            case (let x?, let y?): return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            // Equal scores keep the site's order (documents are numbered in it), which needs no
            // document data: a saved index would otherwise load every shard to compare titles.
            default: return a.score != b.score ? a.score > b.score : a.document < b.document
            }
        }
        results.concepts.sort(by: order)
        results.notes.sort(by: order)
        if fuzzy {
            let fuzzyDocuments = Set(fuzzyMatches.map { source.concepts[$0].document })
            for index in results.concepts.indices where fuzzyDocuments.contains(results.concepts[index].document) {
                results.concepts[index].fuzzy = true
            }
        }
        results.namedConcepts = named
        results.highlights = highlights.sorted { $0.count > $1.count }
        return results
    }

    /// Concepts with an alias within a small edit distance of a query word (deploymnet → deployment).
    func fuzzyConcepts(_ normalized: String) -> [Int] {
        var best: [(distance: Int, concept: Int)] = []
        let words = normalized.split(separator: " ").map(String.init) + (normalized.contains(" ") ? [normalized] : [])
        for word in words where word.count >= 3 {
            let limit = word.count <= 5 ? 1 : 2
            for (index, concept) in source.concepts.enumerated() {
                for alias in concept.aliases + [concept.id] {
                    let distance = Suggest.distance(word, Self.key(alias), limit: limit)
                    if distance <= limit { best.append((distance, index)) }
                }
            }
        }
        var seen = Set<Int>()
        return best.sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.concept < $1.concept }
            .compactMap { seen.insert($0.concept).inserted ? $0.concept : nil }
    }

    /// Queries such as ㅍㄷ or ㄷㅍㄹㅇㅁㅌ: titles and aliases whose initials match, exact first.
    func choseongSearch(_ initials: String) -> SearchResults {
        var results = SearchResults()
        // Compared as UTF-8 bytes (a site has thousands of titles; UTF-8 never matches mid-character).
        let needle = Array(initials.utf8)
        func score(_ candidate: String) -> Double {
            var text = candidate
            return text.withUTF8 { bytes -> Double in
                guard bytes.count >= needle.count else { return 0 }
                if bytes.count == needle.count { return bytes.elementsEqual(needle) ? 3 : 0 }
                if bytes.prefix(needle.count).elementsEqual(needle) { return 2 }
                for start in 1...(bytes.count - needle.count) where bytes[start] == needle[0] {
                    if bytes[start..<start + needle.count].elementsEqual(needle) { return 1 }
                }
                return 0
            }
        }
        // Ties go to the shorter title; the initials' length stands for it, so no document loads.
        var titleLength: [Int: Int] = [:]
        for concept in source.concepts {
            // A name with Latin letters or digits matches whole only through its Hangul part,
            // which is not an exact match: 쿠버네티스 DNS is not ㅋㅂㄴㅌㅅ the way 쿠버네티스 is.
            let best =
                ([concept.title] + concept.aliases).map { name -> Double in
                    let value = score(SearchText.choseong(name))
                    return value == 3
                        && name.unicodeScalars.contains(where: { $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) })
                        ? 2 : value
                }.max() ?? 0
            if best > 0 { results.concepts.append(SearchHit(document: concept.document, score: best, fuzzy: false)) }
            titleLength[concept.document] = concept.title.count
        }
        for (document, titleInitials) in source.noteTitleInitials() {
            titleLength[document] = titleInitials.count
            let words = titleInitials.split(separator: " ").map(String.init)
            var best = max(score(String(titleInitials.unicodeScalars.filter { $0 != " " })), words.map(score).max() ?? 0)
            // A title that starts with the initials ranks above one that only contains them.
            if best > 0, words.first?.hasPrefix(initials) == true { best += 0.5 }
            if best > 0 { results.notes.append(SearchHit(document: document, score: best, fuzzy: false)) }
        }
        let sort: (SearchHit, SearchHit) -> Bool = { a, b in
            if a.score != b.score { return a.score > b.score }
            let (x, y) = (titleLength[a.document] ?? 0, titleLength[b.document] ?? 0)
            return x != y ? x < y : a.document < b.document
        }
        results.concepts.sort(by: sort)
        results.notes.sort(by: sort)
        return results
    }
}

/// The engine's view of an index held in memory.
extension SearchIndex: SearchSource {
    public var documentCount: Int { documents.count }
    public func length(of document: Int) -> Double { lengths[document] }
    public func kind(of document: Int) -> SearchDocument.Kind { documents[document].kind }
    public func postings(for term: String) -> [Posting] { postings[Term(term)] ?? [] }
    public func title(of document: Int) -> String { documents[document].title }
    public func noteTitleInitials() -> [(document: Int, initials: String)] {
        documents.enumerated().filter { $0.element.kind == .note }.map { ($0.offset, Self.titleInitials($0.element.title)) }
    }

    public func nearSpellingWords() -> [String] { postings.keys.map(\.text).filter(Self.isNearSpellingWord).sorted() }

    /// An English word of four letters or more (`stateful`, not `@pod`, `~파드` or `v1`).
    public static func isNearSpellingWord(_ word: String) -> Bool {
        guard word.utf8.count >= 4, let first = word.utf8.first, first >= 0x61, first <= 0x7A else { return false }
        return word.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    /// Initials of each word of a title, space-separated (`파드 공부` → `ㅍㄷ ㄱㅂ`).
    public static func titleInitials(_ title: String) -> String {
        title.split(whereSeparator: { $0.isWhitespace }).map { SearchText.choseong(String($0)) }.filter { !$0.isEmpty }.joined(
            separator: " ")
    }
}
