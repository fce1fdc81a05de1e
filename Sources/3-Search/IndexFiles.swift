import Foundation
import GongbuCore
import Korean

/// The search index as static files, read by the site's script and by `gongbu search`:
///
/// - `search/meta.json`: counts, document lengths and kinds, the concept table, the particle
///   table and the weights — everything a query needs before it knows its terms (small).
/// - `search/terms-<n>.json`: posting lists, sharded by a hash of the term, so a query fetches
///   only the shards of its own terms.
/// - `search/docs-<n>.json`: titles, URLs and summaries, `documentsPerShard` (100) documents a shard, fetched for
///   the results shown.
/// - `search/initials.json`: initials of note titles, fetched only for ㅍㄷ-style queries.
/// - `search/words.json`: the notes' English words (of four letters or more), fetched only when
///   a query needs near spellings (`statefull` → stateful).
public enum IndexFiles {
    public static let folder = "search"
    public static let documentsPerShard = 100
    /// Aim for posting shards of about this many bytes.
    static let targetShardBytes = 96 * 1024

    /// FNV-1a (32 bits) of the term's UTF-8: stable, and easy to compute the same way in JavaScript.
    public static func hash(_ term: String) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in term.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }

    /// Which terms go to which shard, decided once per index.
    public struct Layout: Sendable {
        public var termShards: [[String]]
        public var documentShards: Int
    }

    public static func layout(_ index: SearchIndex) -> Layout {
        // Estimate the postings' size to choose the number of shards.
        var estimate = 0
        for (term, postings) in index.postings { estimate += term.text.utf8.count + 6 + postings.count * 8 }
        let termShards = max(1, estimate / targetShardBytes)
        var shards = [[String]](repeating: [], count: termShards)
        for term in index.postings.keys { shards[Int(hash(term.text) % UInt32(termShards))].append(term.text) }
        for number in shards.indices { shards[number].sort() }
        let documentShards = max(1, (index.documents.count + documentsPerShard - 1) / documentsPerShard)
        return Layout(termShards: shards, documentShards: documentShards)
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
        [.meta, .initials, .words] + layout.termShards.indices.map(Part.terms) + (0..<layout.documentShards).map(Part.documents)
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
            for (offset, term) in layout.termShards[number].enumerated() {
                if offset > 0 { text += ",\n" }
                text += Escape.jsonString(term) + ":["
                var first = true
                for posting in index.postings[Term(term)] ?? [] {
                    if !first { text += "," }
                    first = false
                    text += String(posting.document) + "," + String(Int((posting.frequency * 100).rounded()))
                }
                text += "]"
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
            var meta = "{\n\"format\": 1,\n\"documentCount\": \(index.documents.count),\n"
            meta +=
                "\"termShards\": \(layout.termShards.count),\n\"documentShards\": \(layout.documentShards),\n\"documentsPerShard\": \(documentsPerShard),\n"
            meta += "\"averageLength\": \(String(format: "%.3f", index.averageLength)),\n"
            meta += "\"lengths\": [" + index.lengths.map { String(format: "%.1f", $0) }.joined(separator: ",") + "],\n"
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
        documentCount = meta.documentCount
        averageLength = meta.averageLength
        lengths = meta.lengths
        kinds = Array(meta.kinds.utf8)
        concepts = meta.concepts.map {
            IndexedConcept(id: $0.id, document: $0.document, title: $0.title, aliases: $0.aliases, against: $0.against)
        }
        termShards = max(meta.termShards, 1)
        documentsPerShard = max(meta.documentsPerShard, 1)
    }

    /// The parts of meta.json a reader needs (see `IndexFiles.file(.meta)`).
    struct Meta: Decodable {
        var documentCount: Int
        var averageLength: Double
        var lengths: [Double]
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
        let shard = Int(IndexFiles.hash(term) % UInt32(termShards))
        lock.lock()
        defer { lock.unlock() }
        if termCache[shard] == nil {
            var table: [String: [Posting]] = [:]
            let path = Path.join(folder, "terms-\(shard).json")
            if let bytes = try? fileSystem.readFile(at: path), let parsed = Self.parseTermShard(bytes) {
                table = parsed
            } else if let object = try? Self.decode([String: [Int]].self, fileSystem, path) {
                for (key, flat) in object {
                    var postings: [Posting] = []
                    postings.reserveCapacity(flat.count / 2)
                    var index = 0
                    while index + 1 < flat.count {
                        postings.append(Posting(document: flat[index], frequency: Double(flat[index + 1]) / 100))
                        index += 2
                    }
                    table[key] = postings
                }
            }
            termCache[shard] = table
        }
        return termCache[shard]?[term] ?? []
    }

    /// Reads a term shard exactly as `IndexFiles` writes it, `{"term":[document,frequency,…],…}`
    /// with integers only, in one pass over the bytes (several times faster than JSONDecoder,
    /// which matters because a query reads a shard per term). Anything else, including a key
    /// with escapes, returns nil and the caller falls back to JSONDecoder.
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
            func integer() -> Int? {
                skipSpace()
                var value = 0
                let start = index
                while index < end, buffer[index] >= 0x30, buffer[index] <= 0x39, index - start < 18 {
                    value = value * 10 + Int(buffer[index] - 0x30)
                    index += 1
                }
                return index > start ? value : nil
            }
            var table: [String: [Posting]] = [:]
            guard expect(0x7B) else { return nil }  // {
            if expect(0x7D) { return table }  // }
            while true {
                guard expect(0x22) else { return nil }
                let keyStart = index
                while index < end, buffer[index] != 0x22 {
                    if buffer[index] == 0x5C { return nil }  // an escape: leave it to JSONDecoder
                    index += 1
                }
                guard index < end else { return nil }
                let key = String(decoding: UnsafeBufferPointer(rebasing: buffer[keyStart..<index]), as: UTF8.self)
                index += 1
                guard expect(0x3A), expect(0x5B) else { return nil }  // : [
                var postings: [Posting] = []
                if !expect(0x5D) {
                    while true {
                        guard let document = integer(), expect(0x2C), let frequency = integer() else { return nil }
                        postings.append(Posting(document: document, frequency: Double(frequency) / 100))
                        if expect(0x5D) { break }
                        guard expect(0x2C) else { return nil }
                    }
                }
                table[key] = postings
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
