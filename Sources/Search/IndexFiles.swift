import Foundation
import Glossary
import GongbuCore

/// The search index as static files, read by the site's script and by `gongbu search`:
///
/// - `search/meta.json`: counts, document lengths and kinds, the concept table, the particle
///   table and the weights — everything a query needs before it knows its terms (small).
/// - `search/terms-<n>.json`: posting lists, sharded by a hash of the term, so a query fetches
///   only the shards of its own terms.
/// - `search/docs-<n>.json`: titles, URLs and summaries, 500 documents per shard, fetched for
///   the results shown.
/// - `search/initials.json`: initials of note titles, fetched only for ㅍㄷ-style queries.
public enum IndexFiles {
    public static let folder = "search"
    public static let documentsPerShard = 500
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
        for (term, postings) in index.postings { estimate += term.utf8.count + 6 + postings.count * 8 }
        let termShards = max(1, estimate / targetShardBytes)
        var shards = [[String]](repeating: [], count: termShards)
        for term in index.postings.keys { shards[Int(hash(term) % UInt32(termShards))].append(term) }
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
    }

    public static func parts(_ layout: Layout) -> [Part] {
        [.meta, .initials] + layout.termShards.indices.map(Part.terms) + (0..<layout.documentShards).map(Part.documents)
    }

    /// Where a part is written, known before it is rendered.
    public static func path(_ part: Part) -> String {
        switch part {
        case .terms(let number): return "\(folder)/terms-\(number).json"
        case .documents(let number): return "\(folder)/docs-\(number).json"
        case .initials: return "\(folder)/initials.json"
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
                for posting in index.postings[term] ?? [] {
                    if !first { text += "," }
                    first = false
                    text += String(posting.document) + "," + String(Int((posting.frequency * 100).rounded()))
                }
                text += "]"
            }
            return ("\(folder)/terms-\(number).json", text + "}\n")
        case .documents(let number):
            let slice = index.documents[min(number * documentsPerShard, index.documents.count)..<min((number + 1) * documentsPerShard, index.documents.count)]
            let rows = slice.map { document -> String in
                let tags = "[" + document.tags.map(Escape.jsonString).joined(separator: ",") + "]"
                return "[" + [document.kind.rawValue, document.id, document.title, document.url, document.source, document.summary]
                    .map(Escape.jsonString).joined(separator: ",") + "," + tags + "]"
            }
            return ("\(folder)/docs-\(number).json", "[\n" + rows.joined(separator: ",\n") + "\n]\n")
        case .initials:
            var initials: [String] = []
            for (number, document) in index.documents.enumerated() where document.kind == .note {
                initials.append("[\(number),\(Escape.jsonString(SearchIndex.titleInitials(document.title)))]")
            }
            return ("\(folder)/initials.json", "[" + initials.joined(separator: ",") + "]\n")
        case .meta:
            var meta = "{\n\"format\": 1,\n\"documentCount\": \(index.documents.count),\n"
            meta += "\"termShards\": \(layout.termShards.count),\n\"documentShards\": \(layout.documentShards),\n\"documentsPerShard\": \(documentsPerShard),\n"
            meta += "\"averageLength\": \(String(format: "%.3f", index.averageLength)),\n"
            meta += "\"lengths\": [" + index.lengths.map { String(format: "%.1f", $0) }.joined(separator: ",") + "],\n"
            meta += "\"kinds\": " + Escape.jsonString(String(index.documents.map { $0.kind == .concept ? "c" : "n" })) + ",\n"
            meta += "\"concepts\": [\n" + index.concepts.map { concept in
                "[\(Escape.jsonString(concept.id)),\(concept.document),\(Escape.jsonString(concept.title)),[" + concept.aliases.map(Escape.jsonString).joined(separator: ",") + "]]"
            }.joined(separator: ",\n") + "\n],\n"
            meta += "\"particles\": [" + Particles.table.map { "[\(Escape.jsonString($0.0)),\(Escape.jsonString(Particles.conditionCode($0.1)))]" }.joined(separator: ",") + "],\n"
            meta += "\"weights\": {\"bigram\": \(Tokenizer.bigramWeight), \"aliasExpansion\": \(QueryEngine.aliasExpansionWeight), \"k1\": \(QueryEngine.k1), \"b\": \(QueryEngine.b)}\n}\n"
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
        guard let meta = try Self.json(fileSystem, Path.join(folder, "meta.json")) as? [String: Any],
              let count = meta["documentCount"] as? Int, let average = meta["averageLength"] as? Double,
              let lengths = meta["lengths"] as? [Double], let kinds = meta["kinds"] as? String,
              let concepts = meta["concepts"] as? [[Any]], let shards = meta["termShards"] as? Int,
              let perShard = meta["documentsPerShard"] as? Int else {
            throw LoadError(description: "\(folder)/meta.json is not a gongbu search index")
        }
        documentCount = count
        averageLength = average
        self.lengths = lengths
        self.kinds = Array(kinds.utf8)
        self.concepts = concepts.compactMap { row in
            guard row.count == 4, let id = row[0] as? String, let document = row[1] as? Int, let title = row[2] as? String,
                  let aliases = row[3] as? [String] else { return nil }
            return IndexedConcept(id: id, document: document, title: title, aliases: aliases)
        }
        termShards = max(shards, 1)
        documentsPerShard = max(perShard, 1)
    }

    static func json(_ fileSystem: any FileSystem, _ path: String) throws -> Any {
        do {
            return try JSONSerialization.jsonObject(with: Data(try fileSystem.readFile(at: path)))
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
            if let object = try? Self.json(fileSystem, Path.join(folder, "terms-\(shard).json")) as? [String: [Int]] {
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

    public func document(_ index: Int) -> SearchDocument? {
        let shard = index / documentsPerShard
        lock.lock()
        defer { lock.unlock() }
        if documentCache[shard] == nil {
            var documents: [SearchDocument] = []
            if let rows = try? Self.json(fileSystem, Path.join(folder, "docs-\(shard).json")) as? [[Any]] {
                for row in rows {
                    guard row.count == 7, let kind = (row[0] as? String).flatMap(SearchDocument.Kind.init(rawValue:)),
                          let id = row[1] as? String, let title = row[2] as? String, let url = row[3] as? String,
                          let source = row[4] as? String, let summary = row[5] as? String, let tags = row[6] as? [String] else { continue }
                    documents.append(SearchDocument(kind: kind, id: id, title: title, url: url, source: source, summary: summary, tags: tags))
                }
            }
            documentCache[shard] = documents
        }
        let offset = index - shard * documentsPerShard
        guard let documents = documentCache[shard], offset >= 0, offset < documents.count else { return nil }
        return documents[offset]
    }

    public func title(of document: Int) -> String { self.document(document)?.title ?? "" }

    public func noteTitleInitials() -> [(document: Int, initials: String)] {
        guard let rows = try? Self.json(fileSystem, Path.join(folder, "initials.json")) as? [[Any]] else { return [] }
        return rows.compactMap { row in
            guard row.count == 2, let document = row[0] as? Int, let initials = row[1] as? String else { return nil }
            return (document, initials)
        }
    }
}
