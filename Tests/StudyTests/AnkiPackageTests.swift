import CSQLite
import Foundation
import Testing
import ZIPFoundation

@testable import Study

/// The `.apkg` opened as Anki opens it: a zip archive, then the SQLite collection inside.
@Suite("Anki package")
struct AnkiPackageTests {
    static func cards() -> [Card] {
        var definition = Card(kind: .definition, front: "레플리카셋", back: "파드 개수를 <유지>한다", source: "content/notes/rs.md", line: 7)
        definition.url = "notes/rs/"
        definition.tags = ["쿠버네티스 기초", "워크로드"]
        var example = Card(kind: .example, front: "이 예제에서 잘못된 곳은?", back: "2번째 줄: 오류", source: "content/notes/rs.md", line: 20)
        example.code = "kind: Pod\nspec: {}"
        let glossary = Card(kind: .glossary, front: "파드란 무엇인가?", back: "가장 작은 배포 단위", source: "content/glossary/pod.md", line: 1)
        return [definition, example, glossary]
    }

    func rows(_ db: OpaquePointer, _ sql: String) -> [[String]] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else { return [] }
        defer { sqlite3_finalize(statement) }
        var result: [[String]] = []
        while sqlite3_step(statement) == SQLITE_ROW {
            result.append((0..<sqlite3_column_count(statement)).map { String(cString: sqlite3_column_text(statement, $0)) })
        }
        return result
    }

    @Test func notesCardsAndDecksAreAnkisRows() throws {
        let cards = Self.cards()
        let bytes = try AnkiPackage.package(
            decks: [.init(name: "사이트::노트", cards: Array(cards[0...1])), .init(name: "사이트::용어집", cards: [cards[2]])],
            siteURL: "https://example.org/", modified: 1_710_000_000)
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        #expect(archive.map(\.path).sorted() == ["collection.anki2", "media"])
        var collection = Data()
        _ = try archive.extract(archive["collection.anki2"]!) { collection.append($0) }
        var media = Data()
        _ = try archive.extract(archive["media"]!) { media.append($0) }
        #expect(String(decoding: media, as: UTF8.self) == "{}")

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gongbu-\(UUID().uuidString).anki2").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        FileManager.default.createFile(atPath: path, contents: collection)
        var handle: OpaquePointer?
        #expect(sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil) == SQLITE_OK)
        let db = try #require(handle)
        defer { sqlite3_close(db) }

        #expect(rows(db, "SELECT ver FROM col") == [["11"]])
        let notes = rows(db, "SELECT id, guid, mid, mod, tags, flds, sfld, csum FROM notes ORDER BY guid")
        #expect(notes.count == 3)
        let definition = try #require(notes.first { $0[1] == cards[0].id })
        #expect(definition[0] == String(cards[0].numericID))
        #expect(definition[3] == "1710000000")
        #expect(definition[4] == " 쿠버네티스_기초 워크로드 gongbu::definition ")
        #expect(
            definition[5].components(separatedBy: "\u{1F}") == [
                "레플리카셋", "파드 개수를 &lt;유지&gt;한다",
                "<a href=\"https://example.org/notes/rs/\">content/notes/rs.md:7</a>", "",
            ])
        #expect(definition[6] == "레플리카셋")
        // The first 8 hex digits of SHA-1("레플리카셋"), as Anki computes its duplicate check.
        let digest = SHA1.digest(Array("레플리카셋".utf8))
        #expect(definition[7] == String(UInt32(digest[0]) << 24 | UInt32(digest[1]) << 16 | UInt32(digest[2]) << 8 | UInt32(digest[3])))
        let example = try #require(notes.first { $0[1] == cards[1].id })
        #expect(example[5].components(separatedBy: "\u{1F}")[3] == "<pre>kind: Pod<br>spec: {}</pre>")

        // Each card in its deck, one card per note, new.
        let decks = try #require(
            try JSONSerialization.jsonObject(with: Data(rows(db, "SELECT decks FROM col")[0][0].utf8)) as? [String: [String: Any]])
        var deckNames: [String: String] = [:]
        for (id, deck) in decks { deckNames[id] = deck["name"] as? String }
        let placed = rows(db, "SELECT nid, did, type, queue FROM cards")
        #expect(placed.count == 3)
        #expect(placed.allSatisfy { $0[2] == "0" && $0[3] == "0" })
        let deckOfGlossary = placed.first { $0[0] == String(cards[2].numericID) }.map { deckNames[$0[1]] }
        #expect(deckOfGlossary == "사이트::용어집")
        let models = rows(db, "SELECT models FROM col")[0][0]
        #expect(models.contains("\"name\":\"gongbu\"") && models.contains("\"name\":\"Front\"") && models.contains("\"name\":\"Source\""))
    }

    @Test func samePackageForTheSameCards() throws {
        let decks = [AnkiPackage.Deck(name: "d", cards: Self.cards())]
        #expect(try AnkiPackage.package(decks: decks, siteURL: nil) == AnkiPackage.package(decks: decks, siteURL: nil))
    }

    /// FIPS 180-4 test vectors.
    @Test func sha1() {
        func hex(_ text: String) -> String { SHA1.digest(Array(text.utf8)).map { String(format: "%02x", $0) }.joined() }
        #expect(hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    }
}
