import Foundation
import GongbuCore
import Korean

/// The search index as static files, read by the site's script and by `gongbu search`:
///
/// - `search/meta.json`: counts, document lengths and kinds, the concept table, the particle
///   table, the weights and the list of terms kept in files of their own — everything a query
///   needs before it knows its terms (small).
/// - `search/terms-<n>.json`: posting lists in `PostingCode`'s compact text, `{"term":"code",…}`.
///   Terms are sharded by a hash of the term into files of about `targetShardBytes`, so a query
///   fetches only the shards of its own terms; a term whose list alone would fill half a shard
///   (one most notes have) gets a file of its own after the hashed ones, so that a query for it
///   does not also download a shard's worth of unrelated terms.
/// - `search/docs-<n>.json`: titles, URLs and summaries, `documentsPerShard` documents a shard,
///   fetched for the results shown.
/// - `search/initials.json`: initials of note titles, fetched only for ㅍㄷ-style queries.
/// - `search/words.json`: the notes' English words (of four letters or more), fetched only when
///   a query needs near spellings (`statefull` → stateful).
///
/// On the 10,000-note benchmark corpus the first query (파드) downloads about a quarter of what
/// the `[document,frequency]` JSON lists in 96 KB shards of 100 documents needed (999 KB).
public enum IndexFiles {
    public static let folder = "search"
    public static let documentsPerShard = 20
    /// Aim for posting shards of about this many bytes.
    static let targetShardBytes = 16 * 1024
    /// Files written by an older gongbu have another format number and are not read.
    public static let format = 2

    /// FNV-1a (32 bits) of the term's UTF-8: stable, and easy to compute the same way in JavaScript.
    public static func hash(_ term: String) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in term.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }

    /// Which terms go to which file, decided once per index.
    public struct Layout: Sendable {
        /// Terms of the hashed shards, `terms-0` … `terms-<count - 1>`.
        public var termShards: [[String]]
        /// Terms with a file of their own, `terms-<termShards.count + offset>`, sorted.
        public var alone: [String]
        public var documentShards: Int
        public var termFileCount: Int { termShards.count + alone.count }
    }

    /// The size a term's entry will have in its shard, roughly (a posting is 2–4 characters).
    static func estimatedBytes(_ term: Term, _ postings: [Posting]) -> Int { term.text.utf8.count + 6 + postings.count * 3 }

    public static func layout(_ index: SearchIndex) -> Layout {
        var alone: [String] = []
        var estimate = 0
        for (term, postings) in index.postings {
            let bytes = estimatedBytes(term, postings)
            if bytes > targetShardBytes / 2 { alone.append(term.text) } else { estimate += bytes }
        }
        alone.sort()
        let aloneSet = Set(alone)
        let termShards = max(1, estimate / targetShardBytes)
        var shards = [[String]](repeating: [], count: termShards)
        for term in index.postings.keys where !aloneSet.contains(term.text) {
            shards[Int(hash(term.text) % UInt32(termShards))].append(term.text)
        }
        for number in shards.indices { shards[number].sort() }
        let documentShards = max(1, (index.documents.count + documentsPerShard - 1) / documentsPerShard)
        return Layout(termShards: shards, alone: alone, documentShards: documentShards)
    }

    /// The terms of a posting file.
    static func terms(ofFile number: Int, _ layout: Layout) -> [String] {
        number < layout.termShards.count ? layout.termShards[number] : [layout.alone[number - layout.termShards.count]]
    }

    /// One file of the index, rendered on its own so the files can be made on all cores.
    public enum Part: Sendable, Hashable {
        case meta
        case terms(Int)
        case documents(Int)
        case initials
        case words
    }

    public static func parts(_ layout: Layout) -> [Part] {
        [.meta, .initials, .words] + (0..<layout.termFileCount).map(Part.terms) + (0..<layout.documentShards).map(Part.documents)
    }

    /// Where a part is written, known before it is rendered.
    public static func path(_ part: Part) -> String {
        switch part {
        case .terms(let number): return "\(folder)/terms-\(number).json"
        case .documents(let number): return "\(folder)/docs-\(number).json"
        case .initials: return "\(folder)/initials.json"
        case .words: return "\(folder)/words.json"
        case .meta: return "\(folder)/meta.json"
        }
    }

    public static func file(_ part: Part, index: SearchIndex, layout: Layout) -> (path: String, text: String) {
        switch part {
        case .terms(let number):
            var text = "{"
            for (offset, term) in terms(ofFile: number, layout).enumerated() {
                if offset > 0 { text += ",\n" }
                text += Escape.jsonString(term) + ":\"" + PostingCode.encode(index.postings[Term(term)] ?? []) + "\""
            }
            return ("\(folder)/terms-\(number).json", text + "}\n")
        case .documents(let number):
            let slice = index.documents[
                min(number * documentsPerShard, index.documents.count)..<min((number + 1) * documentsPerShard, index.documents.count)]
            let rows = slice.map { document -> String in
                let tags = "[" + document.tags.map(Escape.jsonString).joined(separator: ",") + "]"
                return "["
                    + [document.kind.rawValue, document.id, document.title, document.url, document.source, document.summary]
                    .map(Escape.jsonString).joined(separator: ",") + "," + tags + "]"
            }
            return ("\(folder)/docs-\(number).json", "[\n" + rows.joined(separator: ",\n") + "\n]\n")
        case .initials:
            var initials: [String] = []
            for (number, document) in index.documents.enumerated() where document.kind == .note {
                initials.append("[\(number),\(Escape.jsonString(SearchIndex.titleInitials(document.title)))]")
            }
            return ("\(folder)/initials.json", "[" + initials.joined(separator: ",") + "]\n")
        case .words:
            let words = index.postings.keys.map(\.text).filter(SearchIndex.isNearSpellingWord).sorted()
            return ("\(folder)/words.json", "[" + words.map(Escape.jsonString).joined(separator: ",") + "]\n")
        case .meta:
            var meta = "{\n\"format\": \(format),\n\"documentCount\": \(index.documents.count),\n"
            meta +=
                "\"termShards\": \(layout.termShards.count),\n\"documentShards\": \(layout.documentShards),\n\"documentsPerShard\": \(documentsPerShard),\n"
            meta += "\"averageLength\": \(String(format: "%.3f", index.averageLength)),\n"
            meta += "\"alone\": [" + layout.alone.map(Escape.jsonString).joined(separator: ",") + "],\n"
            meta += "\"lengths\": \"" + PostingCode.encodeLengths(index.lengths) + "\",\n"
            meta += "\"kinds\": " + Escape.jsonString(String(index.documents.map { $0.kind == .concept ? "c" : "n" })) + ",\n"
            meta +=
                "\"concepts\": [\n"
                + index.concepts.map { concept in
                    "[\(Escape.jsonString(concept.id)),\(concept.document),\(Escape.jsonString(concept.title)),["
                        + concept.aliases.map(Escape.jsonString).joined(separator: ",") + "]"
                        + (concept.against.isEmpty ? "" : ",[" + concept.against.map(Escape.jsonString).joined(separator: ",") + "]") + "]"
                }.joined(separator: ",\n") + "\n],\n"
            meta +=
                "\"particles\": ["
                + Particles.table.map { "[\(Escape.jsonString($0.0)),\(Escape.jsonString(Particles.conditionCode($0.1)))]" }.joined(
                    separator: ",") + "],\n"
            meta +=
                "\"weights\": {\"bigram\": \(Tokenizer.bigramWeight), \"aliasExpansion\": \(QueryEngine.aliasExpansionWeight), \"k1\": \(QueryEngine.k1), \"b\": \(QueryEngine.b), \"nearSpelling\": \(QueryEngine.nearSpellingWeight), \"strayLimit\": \(QueryEngine.strayLimit)}\n}\n"
            return ("\(folder)/meta.json", meta)
        }
    }

    /// All the files, by path under the output folder.
    public static func files(_ index: SearchIndex) -> [(path: String, text: String)] {
        let layout = layout(index)
        return parts(layout).concurrentMap { file($0, index: index, layout: layout) }
    }
}

/// An index read back from its files, loading shards only when a query needs them.
public final class LoadedIndex: SearchSource, @unchecked Sendable {
    let folder: String
    let fileSystem: any FileSystem
    public let documentCount: Int
    public let averageLength: Double
    let lengths: [Double]
    let kinds: [UInt8]
    public let concepts: [IndexedConcept]
    let termShards: Int
    /// Terms with a file of their own → that file's number.
    let aloneFiles: [String: Int]
    let documentsPerShard: Int
    private var termCache: [Int: [String: [Posting]]] = [:]
    private var documentCache: [Int: [SearchDocument]] = [:]
    private let lock = NSLock()

    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(folder: String, fileSystem: any FileSystem) throws {
        self.folder = folder
        self.fileSystem = fileSystem
        let meta: Meta
        do {
            meta = try Self.decode(Meta.self, fileSystem, Path.join(folder, "meta.json"))
        } catch {
            throw LoadError(description: "\(folder)/meta.json is not a gongbu search index (\(error))")
        }
        guard meta.format == IndexFiles.format, let lengths = PostingCode.decodeLengths(meta.lengths) else {
            throw LoadError(description: "\(folder)/meta.json is an index of another gongbu version (format \(meta.format))")
        }
        documentCount = meta.documentCount
        averageLength = meta.averageLength
        self.lengths = lengths
        kinds = Array(meta.kinds.utf8)
        concepts = meta.concepts.map {
            IndexedConcept(id: $0.id, document: $0.document, title: $0.title, aliases: $0.aliases, against: $0.against)
        }
        termShards = max(meta.termShards, 1)
        var aloneFiles: [String: Int] = [:]
        for (offset, term) in meta.alone.enumerated() { aloneFiles[term] = termShards + offset }
        self.aloneFiles = aloneFiles
        documentsPerShard = max(meta.documentsPerShard, 1)
    }

    /// The parts of meta.json a reader needs (see `IndexFiles.file(.meta)`).
    struct Meta: Decodable {
        var format: Int
        var documentCount: Int
        var averageLength: Double
        var alone: [String]
        /// `PostingCode.encodeLengths`
        var lengths: String
        var kinds: String
        var concepts: [ConceptRow]
        var termShards: Int
        var documentsPerShard: Int
    }

    /// `[id, document, title, [aliases]]`, then `[against words]` when the concept has any.
    struct ConceptRow: Decodable {
        var id: String
        var document: Int
        var title: String
        var aliases: [String]
        var against: [String] = []

        init(from decoder: any Decoder) throws {
            var row = try decoder.unkeyedContainer()
            id = try row.decode(String.self)
            document = try row.decode(Int.self)
            title = try row.decode(String.self)
            aliases = try row.decode([String].self)
            if !row.isAtEnd { against = try row.decode([String].self) }
        }
    }

    /// `[kind, id, title, url, source, summary, [tags]]`
    struct DocumentRow: Decodable {
        var document: SearchDocument

        init(from decoder: any Decoder) throws {
            var row = try decoder.unkeyedContainer()
            let kindName = try row.decode(String.self)
            guard let kind = SearchDocument.Kind(rawValue: kindName) else {
                throw DecodingError.dataCorruptedError(in: row, debugDescription: "unknown document kind \(kindName)")
            }
            document = SearchDocument(
                kind: kind, id: try row.decode(String.self), title: try row.decode(String.self),
                url: try row.decode(String.self), source: try row.decode(String.self),
                summary: try row.decode(String.self), tags: try row.decode([String].self))
        }
    }

    /// `[document, initials]`
    struct InitialsRow: Decodable {
        var document: Int
        var initials: String

        init(from decoder: any Decoder) throws {
            var row = try decoder.unkeyedContainer()
            document = try row.decode(Int.self)
            initials = try row.decode(String.self)
        }
    }

    /// Typed decoding: much faster than JSONSerialization plus casts of every number.
    static func decode<T: Decodable>(_ type: T.Type, _ fileSystem: any FileSystem, _ path: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(try fileSystem.readFile(at: path)))
        } catch let error as FileSystemError {
            throw LoadError(description: error.description)
        } catch {
            throw LoadError(description: "\(path): \(error)")
        }
    }

    public func length(of document: Int) -> Double { document < lengths.count ? lengths[document] : averageLength }
    public func kind(of document: Int) -> SearchDocument.Kind { document < kinds.count && kinds[document] == 0x63 ? .concept : .note }

    public func postings(for term: String) -> [Posting] {
        let shard = aloneFiles[term] ?? Int(IndexFiles.hash(term) % UInt32(termShards))
        lock.lock()
        defer { lock.unlock() }
        if termCache[shard] == nil {
            var table: [String: [Posting]] = [:]
            let path = Path.join(folder, "terms-\(shard).json")
            if let bytes = try? fileSystem.readFile(at: path), let parsed = Self.parseTermShard(bytes) {
                table = parsed
            } else if let object = try? Self.decode([String: String].self, fileSystem, path) {
                for (key, code) in object {
                    if let postings = PostingCode.decode(Array(code.utf8)) { table[key] = postings }
                }
            }
            termCache[shard] = table
        }
        return termCache[shard]?[term] ?? []
    }

    /// Reads a term shard exactly as `IndexFiles` writes it, `{"term":"code",…}`, in one pass over
    /// the bytes (several times faster than JSONDecoder, which matters because a query reads a
    /// shard per term). Anything else, including a key with escapes, returns nil and the caller
    /// falls back to JSONDecoder.
    static func parseTermShard(_ bytes: [UInt8]) -> [String: [Posting]]? {
        bytes.withUnsafeBufferPointer { buffer -> [String: [Posting]]? in
            var index = 0
            let end = buffer.count
            func skipSpace() {
                while index < end, buffer[index] == 0x20 || buffer[index] == 0x0A || buffer[index] == 0x0D || buffer[index] == 0x09 {
                    index += 1
                }
            }
            func expect(_ byte: UInt8) -> Bool {
                skipSpace()
                guard index < end, buffer[index] == byte else { return false }
                index += 1
                return true
            }
            /// The bytes of a string without escapes, after its opening quote.
            func string() -> UnsafeBufferPointer<UInt8>? {
                let start = index
                while index < end, buffer[index] != 0x22 {
                    if buffer[index] == 0x5C { return nil }  // an escape: leave it to JSONDecoder
                    index += 1
                }
                guard index < end else { return nil }
                defer { index += 1 }
                return UnsafeBufferPointer(rebasing: buffer[start..<index])
            }
            var table: [String: [Posting]] = [:]
            guard expect(0x7B) else { return nil }  // {
            if expect(0x7D) { return table }  // }
            while true {
                guard expect(0x22), let key = string() else { return nil }
                guard expect(0x3A), expect(0x22), let code = string(), let postings = PostingCode.decode(code) else { return nil }
                table[String(decoding: key, as: UTF8.self)] = postings
                if expect(0x7D) { break }
                guard expect(0x2C) else { return nil }
            }
            skipSpace()
            return index == end ? table : nil
        }
    }

    public func document(_ index: Int) -> SearchDocument? {
        let shard = index / documentsPerShard
        lock.lock()
        defer { lock.unlock() }
        if documentCache[shard] == nil {
            let rows = (try? Self.decode([DocumentRow].self, fileSystem, Path.join(folder, "docs-\(shard).json"))) ?? []
            let documents = rows.map(\.document)
            documentCache[shard] = documents
        }
        let offset = index - shard * documentsPerShard
        guard let documents = documentCache[shard], offset >= 0, offset < documents.count else { return nil }
        return documents[offset]
    }

    public func title(of document: Int) -> String { self.document(document)?.title ?? "" }

    public func noteTitleInitials() -> [(document: Int, initials: String)] {
        let rows = (try? Self.decode([InitialsRow].self, fileSystem, Path.join(folder, "initials.json"))) ?? []
        return rows.map { ($0.document, $0.initials) }
    }

    public func nearSpellingWords() -> [String] {
        (try? Self.decode([String].self, fileSystem, Path.join(folder, "words.json"))) ?? []
    }
}
