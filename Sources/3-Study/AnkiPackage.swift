import CSQLite
import Foundation
import GongbuCore
import ZIPFoundation

/// An Anki package (`.apkg`): a zip archive holding `collection.anki2`, an SQLite database in
/// Anki's schema 11 (the format every Anki since 2.1 imports), and an empty `media` map.
///
/// One note type, "gongbu", with the fields Front, Back, Source and Code; one deck per group of
/// cards (`Deck`), named `<site>::<group>`. Note and card ids, and each note's `guid`, come from
/// the card's stable id, so importing a newer package updates the notes instead of adding
/// copies. Anki replaces a note on import only when the package's note is newer, so notes carry
/// `modified` (the build's time); everything else is fixed, so the same cards and time give
/// the same bytes.
public enum AnkiPackage {
    public struct Deck: Sendable {
        public var name: String
        public var cards: [Card]
        public init(name: String, cards: [Card]) {
            self.name = name
            self.cards = cards
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Fixed creation and modification times (seconds), so the package is reproducible.
    public static let epoch: Int64 = 1_700_000_000
    static let modelID: Int64 = 1_700_000_000_001

    /// `siteURL` makes the Source field a link (`https://…/notes/pods/#L12`); without it the
    /// field holds the source path and line.
    public static func package(decks: [Deck], siteURL: String?, modified: Int64 = epoch) throws -> [UInt8] {
        let database = try collection(decks: decks, siteURL: siteURL, modified: modified)
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, bytes) in [("collection.anki2", database), ("media", Array("{}".utf8))] {
            let data = Data(bytes)
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count),
                modificationDate: Date(timeIntervalSince1970: TimeInterval(epoch)),
                compressionMethod: .deflate
            ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        guard let data = archive.data else { throw Failure(description: "the zip archive could not be made") }
        return Array(data)
    }

    /// The SQLite database, made in memory and serialised.
    static func collection(decks: [Deck], siteURL: String?, modified: Int64) throws -> [UInt8] {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(":memory:", &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK, let db = handle else {
            throw Failure(description: "SQLite could not open a database")
        }
        defer { sqlite3_close(db) }
        func execute(_ sql: String) throws {
            var message: UnsafeMutablePointer<CChar>?
            if sqlite3_exec(db, sql, nil, nil, &message) != SQLITE_OK {
                let text = message.map { String(cString: $0) } ?? "unknown error"
                sqlite3_free(message)
                throw Failure(description: "SQLite: \(text)")
            }
        }
        try execute(schema)
        var deckIDs: [(id: Int64, name: String)] = []
        for deck in decks {
            let id = Int64(Card.id(kind: .explicit, source: "anki-deck", key: deck.name).prefix(13), radix: 16)! & 0x1F_FFFF_FFFF_FFFF
            deckIDs.append((max(id, 2), deck.name))
        }
        try insert(
            db,
            "INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')",
            [
                .integer(epoch), .integer(epoch * 1000), .integer(epoch * 1000), .text(configuration(firstDeck: deckIDs.first?.id ?? 1)),
                .text(models(deck: deckIDs.first?.id ?? 1)), .text(decksJSON(deckIDs)), .text(deckOptions),
            ])
        try execute("BEGIN")
        var seen = Set<Int64>()
        for (deck, ids) in zip(decks, deckIDs) {
            for card in deck.cards.sorted(by: { $0.id < $1.id }) {
                var id = card.numericID
                while seen.contains(id) { id += 1 }
                seen.insert(id)
                let source = sourceField(card, siteURL: siteURL)
                let fields = [html(card.front), html(card.back), source, card.code.isEmpty ? "" : "<pre>" + html(card.code) + "</pre>"]
                let tags = card.tags.map { $0.replacingOccurrences(of: " ", with: "_") } + ["gongbu::" + card.kind.rawValue]
                try insert(
                    db, "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')",
                    [
                        .integer(id), .text(card.id), .integer(modelID), .integer(modified), .text(" " + tags.joined(separator: " ") + " "),
                        .text(fields.joined(separator: "\u{1F}")), .text(card.front), .integer(checksum(card.front)),
                    ])
                try insert(
                    db, "INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')",
                    [.integer(id), .integer(id), .integer(ids.id), .integer(modified), .integer(Int64(seen.count))])
            }
        }
        try execute("COMMIT")
        var size: sqlite3_int64 = 0
        guard let bytes = sqlite3_serialize(db, "main", &size, 0) else {
            throw Failure(description: "SQLite could not serialise the collection")
        }
        defer { sqlite3_free(bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: Int(size)))
    }

    enum Value {
        case integer(Int64)
        case text(String)
    }

    static func insert(_ db: OpaquePointer, _ sql: String, _ values: [Value]) throws {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw Failure(description: "SQLite: " + String(cString: sqlite3_errmsg(db)))
        }
        defer { sqlite3_finalize(statement) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (offset, value) in values.enumerated() {
            switch value {
            case .integer(let number): sqlite3_bind_int64(statement, Int32(offset + 1), number)
            case .text(let text): sqlite3_bind_text(statement, Int32(offset + 1), text, -1, transient)
            }
        }
        guard sqlite3_step(statement) == SQLITE_DONE else { throw Failure(description: "SQLite: " + String(cString: sqlite3_errmsg(db))) }
    }

    static func sourceField(_ card: Card, siteURL: String?) -> String {
        let place = "\(card.source):\(card.line)"
        guard let siteURL, !card.url.isEmpty else { return html(place) }
        let base = siteURL.hasSuffix("/") ? siteURL : siteURL + "/"
        return "<a href=\"\(html(base + card.url))\">\(html(place))</a>"
    }

    /// A field's HTML: the text escaped, line breaks as `<br>`.
    static func html(_ text: String) -> String { Escape.html(text).replacingOccurrences(of: "\n", with: "<br>") }

    /// Anki's duplicate check: the first 8 hex digits of the SHA-1 of the first field's text.
    static func checksum(_ text: String) -> Int64 {
        let digest = SHA1.digest(Array(text.utf8))
        return Int64(digest[0]) << 24 | Int64(digest[1]) << 16 | Int64(digest[2]) << 8 | Int64(digest[3])
    }

    static let schema = """
        CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null,
          dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null,
          dconf text not null, tags text not null);
        CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null,
          tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
        CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null,
          usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null,
          factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null,
          odid integer not null, flags integer not null, data text not null);
        CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null,
          lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
        CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
        CREATE INDEX ix_notes_usn on notes (usn);
        CREATE INDEX ix_cards_usn on cards (usn);
        CREATE INDEX ix_revlog_usn on revlog (usn);
        CREATE INDEX ix_cards_nid on cards (nid);
        CREATE INDEX ix_cards_sched on cards (did, queue, due);
        CREATE INDEX ix_revlog_cid on revlog (cid);
        CREATE INDEX ix_notes_csum on notes (csum);
        """

    static func configuration(firstDeck: Int64) -> String {
        """
        {"nextPos":1,"estTimes":true,"activeDecks":[\(firstDeck)],"sortType":"noteFld","timeLim":0,"sortBackwards":false,\
        "addToCur":true,"curDeck":\(firstDeck),"newBury":true,"newSpread":0,"dueCounts":true,"curModel":\(modelID),"collapseTime":1200}
        """
    }

    static func models(deck: Int64) -> String {
        let fields = ["Front", "Back", "Source", "Code"].enumerated().map { ordinal, name in
            "{\"name\":\"\(name)\",\"ord\":\(ordinal),\"sticky\":false,\"rtl\":false,\"font\":\"Arial\",\"size\":20,\"media\":[]}"
        }
        let question = "{{Front}}{{#Code}}<div class=code>{{Code}}</div>{{/Code}}"
        let answer = "{{FrontSide}}<hr id=answer>{{Back}}<div class=source>{{Source}}</div>"
        let css =
            ".card{font-family:sans-serif;font-size:20px;text-align:left;} .code pre{font-size:14px;} .source{margin-top:1em;font-size:12px;color:#666;}"
        let json = Escape.jsonString
        return """
            {"\(modelID)":{"id":\(modelID),"name":"gongbu","type":0,"mod":\(epoch),"usn":-1,"sortf":0,"did":\(deck),\
            "tmpls":[{"name":"gongbu","ord":0,"qfmt":\(json(question)),"afmt":\(json(answer)),"did":null,"bqfmt":"","bafmt":""}],\
            "flds":[\(fields.joined(separator: ","))],"css":\(json(css)),\
            "latexPre":"\\\\documentclass[12pt]{article}\\n\\\\begin{document}\\n","latexPost":"\\\\end{document}","tags":[],"vers":[],\
            "req":[[0,"any",[0]]]}}
            """
    }

    static func decksJSON(_ decks: [(id: Int64, name: String)]) -> String {
        let defaultDeck = deck(id: 1, name: "Default")
        return "{" + ([defaultDeck] + decks.map { deck(id: $0.id, name: $0.name) }).joined(separator: ",") + "}"
    }

    static func deck(id: Int64, name: String) -> String {
        return """
            "\(id)":{"id":\(id),"name":\(Escape.jsonString(name)),"mod":\(epoch),"usn":-1,"lrnToday":[0,0],"revToday":[0,0],"newToday":[0,0],\
            "timeToday":[0,0],"collapsed":false,"desc":"","dyn":0,"conf":1,"extendNew":10,"extendRev":50}
            """
    }

    static let deckOptions = """
        {"1":{"id":1,"name":"Default","mod":0,"usn":0,"maxTaken":60,"autoplay":true,"timer":0,"replayq":true,"dyn":false,\
        "new":{"delays":[1,10],"ints":[1,4,7],"initialFactor":2500,"order":1,"perDay":20,"bury":true,"separate":true},\
        "lapse":{"delays":[10],"mult":0,"minInt":1,"leechFails":8,"leechAction":0},\
        "rev":{"perDay":200,"ease4":1.3,"fuzz":0.05,"maxIvl":36500,"ivlFct":1,"bury":true,"minSpace":1}}}
        """
}

/// SHA-1 (FIPS 180-4), only for Anki's duplicate checksum above; never for security.
enum SHA1 {
    static func digest(_ message: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0]
        var data = message
        let bitLength = UInt64(message.count) * 8
        data.append(0x80)
        while data.count % 64 != 56 { data.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { data.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        var w = [UInt32](repeating: 0, count: 80)
        for chunk in stride(from: 0, to: data.count, by: 64) {
            for i in 0..<16 {
                let b = chunk + i * 4
                w[i] = UInt32(data[b]) << 24 | UInt32(data[b + 1]) << 16 | UInt32(data[b + 2]) << 8 | UInt32(data[b + 3])
            }
            for i in 16..<80 {
                let x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]
                w[i] = x << 1 | x >> 31
            }
            var (a, b, c, d, e) = (h[0], h[1], h[2], h[3], h[4])
            for i in 0..<80 {
                let (f, k): (UInt32, UInt32)
                switch i {
                case 0..<20: (f, k) = ((b & c) | (~b & d), 0x5A82_7999)
                case 20..<40: (f, k) = (b ^ c ^ d, 0x6ED9_EBA1)
                case 40..<60: (f, k) = ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC)
                default: (f, k) = (b ^ c ^ d, 0xCA62_C1D6)
                }
                let temp = (a << 5 | a >> 27) &+ f &+ e &+ k &+ w[i]
                (e, d, c, b, a) = (d, c, b << 30 | b >> 2, a, temp)
            }
            h[0] = h[0] &+ a
            h[1] = h[1] &+ b
            h[2] = h[2] &+ c
            h[3] = h[3] &+ d
            h[4] = h[4] &+ e
        }
        return h.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value >> UInt32(24 - $0 * 8)) } }
    }
}
