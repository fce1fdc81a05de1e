import Foundation

/// One document's entry in a term's posting list.
///
/// Eight bytes: a large site has millions of postings, and they are all in memory at once.
public struct Posting: Sendable, Hashable {
    private var documentNumber: Int32
    private var weightedFrequency: Float

    public init(document: Int, frequency: Double) {
        documentNumber = Int32(clamping: document)
        weightedFrequency = Float(frequency)
    }

    public var document: Int { Int(documentNumber) }
    /// Field-weighted term frequency.
    public var frequency: Double { Double(weightedFrequency) }
}

/// A term of the index, compared and hashed by its UTF-8 bytes.
///
/// Terms are NFC already (the tokenizer normalizes), and `String`'s own hashing and equality
/// normalize non-ASCII text again on every call: with millions of Korean terms per build that
/// was a large share of indexing time.
public struct Term: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let text: String

    public init(_ text: String) { self.text = text }
    public init(stringLiteral value: String) { self.text = value }
    public var description: String { text }

    public static func == (a: Term, b: Term) -> Bool {
        var (x, y) = (a.text, b.text)
        return x.withUTF8 { left in
            y.withUTF8 { right in
                left.count == right.count && (left.count == 0 || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
            }
        }
    }

    public func hash(into hasher: inout Hasher) {
        var text = self.text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// What the index keeps of one document: its weighted term frequencies and weighted length.
public typealias TermAnalysis = (terms: [Term: Double], length: Double)

/// A concept as the query engine needs it: for alias expansion, choseong and fuzzy matching.
public struct IndexedConcept: Sendable, Hashable {
    public var id: String
    public var document: Int
    public var title: String
    public var aliases: [String]
    /// Its `against:` words (`SearchDocument.against`).
    public var against: [String] = []
}

/// The search index: documents, their lengths, posting lists, and the concept table.
///
/// Built by the pipeline (`IndexBuilder`), kept in memory by `gongbu search` when there is no
/// saved index, and written to the site as sharded JSON files that both the site's script and
/// `gongbu search` read (`IndexFiles`).
public struct SearchIndex: Sendable {
    public var documents: [SearchDocument]
    /// Field-weighted length of each document.
    public var lengths: [Double]
    public var averageLength: Double
    public var concepts: [IndexedConcept]
    /// Term → postings. For an index read from files, only loaded shards are here.
    public var postings: [Term: [Posting]]

    public init(documents: [SearchDocument], lengths: [Double], concepts: [IndexedConcept], postings: [Term: [Posting]]) {
        self.documents = documents
        self.lengths = lengths
        self.averageLength = lengths.isEmpty ? 1 : max(lengths.reduce(0, +) / Double(lengths.count), 1)
        self.concepts = concepts
        self.postings = postings
    }

    /// The concept term that every document mentioning a concept carries (`@pod`).
    public static func conceptTerm(_ id: String) -> String { "@" + id }
}

/// Builds the index from documents. Tokenizing is per document (run on all cores by the caller);
/// merging is one linear pass.
public enum IndexBuilder {
    /// The terms of one document with their field-weighted frequencies, and its weighted length.
    public static func analyse(_ document: SearchDocument) -> TermAnalysis {
        var terms: [Term: Double] = [:]
        var length = 0.0
        func add(_ text: String, _ weight: Double) {
            Tokenizer.each(text) { term, termWeight in
                terms[Term(term), default: 0] += termWeight * weight
                if termWeight >= 1 { length += weight }
            }
        }
        add(document.title, FieldWeight.title)
        for alias in document.aliases { add(alias, FieldWeight.aliases) }
        for heading in document.headings { add(heading, FieldWeight.headings) }
        for tag in document.tags { add(tag, FieldWeight.tags) }
        if document.kind == .concept { add(document.summary, FieldWeight.summary) }
        add(document.body, FieldWeight.body)
        for (concept, count) in document.concepts {
            terms[Term(SearchIndex.conceptTerm(concept)), default: 0] += Double(count) * FieldWeight.conceptMention
        }
        return (terms, max(length, 1))
    }

    public static func build(_ documents: [SearchDocument], analysed: [TermAnalysis]) -> SearchIndex {
        var postings: [Term: [Posting]] = [:]
        merge(analysed, startingAt: 0, into: &postings)
        return SearchIndex(documents: documents, lengths: analysed.map(\.length), concepts: concepts(of: documents), postings: postings)
    }

    /// Analyses documents on all cores a slice at a time, merging each slice before the next,
    /// so the per-document term tables of a large site are never all in memory together.
    public static func build(_ documents: [SearchDocument], analyse: (SearchDocument) -> TermAnalysis) -> SearchIndex {
        var postings: [Term: [Posting]] = [:]
        var lengths: [Double] = []
        lengths.reserveCapacity(documents.count)
        var start = 0
        while start < documents.count {
            let end = min(start + sliceSize, documents.count)
            let analysed = Array(documents[start..<end]).concurrentMap(analyse)
            merge(analysed, startingAt: start, into: &postings)
            lengths += analysed.map(\.length)
            start = end
        }
        return SearchIndex(documents: documents, lengths: lengths, concepts: concepts(of: documents), postings: postings)
    }

    static let sliceSize = 1024

    static func merge(_ analysed: [TermAnalysis], startingAt first: Int, into postings: inout [Term: [Posting]]) {
        for (offset, entry) in analysed.enumerated() {
            for (term, frequency) in entry.terms {
                postings[term, default: []].append(Posting(document: first + offset, frequency: frequency))
            }
        }
    }

    static func concepts(of documents: [SearchDocument]) -> [IndexedConcept] {
        var concepts: [IndexedConcept] = []
        for (index, document) in documents.enumerated() where document.kind == .concept {
            concepts.append(
                IndexedConcept(
                    id: document.id, document: index, title: document.title, aliases: document.aliases, against: document.against))
        }
        return concepts
    }

    public static func build(_ documents: [SearchDocument]) -> SearchIndex {
        build(documents, analysed: documents.map(analyse))
    }
}
