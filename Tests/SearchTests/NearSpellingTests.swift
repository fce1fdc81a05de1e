import GongbuCore
import Testing

@testable import Search

/// Near spellings over the notes' own words, stray exact matches, and queries about a
/// concept's other sense: the same answers from an index in memory and from its files.
@Suite("Near spellings and other senses")
struct NearSpellingTests {
    static let documents: [SearchDocument] = {
        var rollback = SearchDocument(
            kind: .concept, id: "rollback", title: "롤백 (Rollback)", url: "concepts/rollback/", source: "g/rollback.md",
            summary: "이전 리비전으로 되돌린다", aliases: ["롤백", "Rollback"], concepts: ["rollback": 1])
        rollback.against = ["트랜잭션", "커밋"]
        return [
            SearchDocument(
                kind: .concept, id: "ingress", title: "인그레스 (Ingress)", url: "concepts/ingress/", source: "g/ingress.md",
                summary: "HTTP 라우팅", aliases: ["인그레스", "Ingress"], concepts: ["ingress": 1]),
            rollback,
            SearchDocument(
                kind: .note, id: "db", title: "스테이트풀 앱", url: "db/", source: "db.md", summary: "",
                body: "stateful 애플리케이션은 상태를 디스크에 남긴다. 트랜잭션 롤백은 커밋 전으로 되돌린다."),
            SearchDocument(
                kind: .note, id: "typo", title: "오타 노트", url: "typo/", source: "typo.md", summary: "", body: "ingres 라고 잘못 적었다."),
            SearchDocument(
                kind: .note, id: "web", title: "인그레스 실습", url: "web/", source: "web.md", summary: "",
                body: "Ingress 규칙으로 경로를 나눈다.", concepts: ["ingress": 1]),
        ]
    }()

    static func engines() throws -> [QueryEngine] {
        let index = IndexBuilder.build(documents)
        let fs = InMemoryFileSystemForTests()
        for file in IndexFiles.files(index) { try fs.write(file.path, file.text) }
        return [QueryEngine(source: index), QueryEngine(source: try LoadedIndex(folder: "/site/search", fileSystem: fs.fileSystem))]
    }

    @Test func aNearSpellingReachesTheNotesWords() throws {
        for engine in try Self.engines() {
            // statefull is in no document; stateful, one edit away, is in the notes.
            #expect(engine.search("statefull").notes.map(\.document) == [2])
            #expect(engine.search("zzzqqq").isEmpty)
        }
    }

    @Test func aStrayExactMatchDoesNotHideTheNearSpelling() throws {
        for engine in try Self.engines() {
            let results = engine.search("ingres")
            // The typo note matches exactly and comes first; the Ingress concept and its notes follow.
            #expect(results.notes.first?.document == 3)
            #expect(results.notes.map(\.document).contains(4))
            #expect(results.concepts.map(\.document) == [0])
            #expect(results.concepts.first?.fuzzy == true)
        }
    }

    @Test func aQueryAboutTheOtherSenseListsNoConceptOnTop() throws {
        for engine in try Self.engines() {
            let database = engine.search("트랜잭션 롤백")
            #expect(database.concepts.isEmpty)
            #expect(database.notes.map(\.document) == [2])
            // Without the other sense's word, the concept the query names is first.
            #expect(engine.search("롤백").concepts.first?.document == 1)
        }
    }

    @Test func nearSpellingWordsAreEnglishWordsOfFourLettersOrMore() {
        #expect(SearchIndex.isNearSpellingWord("stateful"))
        #expect(SearchIndex.isNearSpellingWord("k8sx"))
        #expect(!SearchIndex.isNearSpellingWord("pod"))
        #expect(!SearchIndex.isNearSpellingWord("@pod"))
        #expect(!SearchIndex.isNearSpellingWord("파드들"))
        #expect(!SearchIndex.isNearSpellingWord("1abc"))
    }
}
