import Foundation
import Testing

@testable import Search

@Suite("Search text")
struct TokenizerTests {
    func terms(_ text: String) -> [String] { Tokenizer.terms(text).map(\.term) }

    @Test(arguments: [
        ("파드를", ["파드", "파드를"]),
        ("Pod은", ["pod"]),
        ("pods", ["pod"]),
        ("ingresses", ["ingress"]),
        ("policies", ["policy"]),
        ("status", ["status"]),
        ("디플로이먼트", ["디플로이먼트", "~디플", "~플로", "~로이", "~이먼", "~먼트"]),
        ("k8s를 배운다", ["k8s", "배운다", "~배운", "~운다"]),
        ("kube-proxy", ["kube", "proxy"]),
    ])
    func tokenizes(text: String, expected: [String]) {
        #expect(terms(text) == expected)
    }

    @Test func choseong() {
        #expect(SearchText.choseong("디플로이먼트") == "ㄷㅍㄹㅇㅁㅌ")
        #expect(SearchText.choseong("롤링 업데이트") == "ㄹㄹㅇㄷㅇㅌ")
        #expect(SearchText.choseong("까다로운") == "ㄲㄷㄹㅇ")
        #expect(SearchText.isChoseongQuery("ㅍㄷ"))
        #expect(SearchText.isChoseongQuery("ㄷㅍ ㄹㅇ"))
        #expect(!SearchText.isChoseongQuery("ㅍ드"))
        #expect(!SearchText.isChoseongQuery(" "))
    }

    @Test func snippetsFindTheFirstMatch() {
        let snippet = Snippets.make("앞부분 설명이 길게 이어지고 나서 파드를 만든다. 그 뒤도 있다.", highlights: ["파드"], radius: 5)
        #expect(snippet.match == "파드")
        // Cut by the same rule as backlinks: at most 5 scalars a side, then back to a space.
        #expect(snippet.before == "…나서 ")
        #expect(snippet.after == "를…")
        let none = Snippets.make("앞부분 설명이 길게 이어진다", highlights: ["서비스"], radius: 2)
        #expect(none == SearchSnippet(before: "앞부분…", match: "", after: ""))
    }

    @Test func indexFilesRoundTrip() throws {
        let documents = [
            SearchDocument(
                kind: .concept, id: "pod", title: "파드 (Pod)", url: "concepts/pod/", source: "g/pod.md", summary: "단위",
                aliases: ["파드", "Pod"], concepts: ["pod": 1]),
            SearchDocument(
                kind: .note, id: "n", title: "파드 공부", url: "notes/n/", source: "n.md", summary: "요약", tags: ["쿠버"], body: "Pod은 작다",
                concepts: ["pod": 2]),
        ]
        let index = IndexBuilder.build(documents)
        let fs = InMemoryFileSystemForTests()
        for file in IndexFiles.files(index) { try fs.write(file.path, file.text) }
        let loaded = try LoadedIndex(folder: "/site/search", fileSystem: fs.fileSystem)
        let inMemory = QueryEngine(source: index).search("파드")
        let fromFiles = QueryEngine(source: loaded).search("파드")
        #expect(inMemory.concepts.map(\.document) == [0])
        #expect(inMemory.notes.map(\.document) == [1])
        #expect(fromFiles.concepts.map(\.document) == [0])
        #expect(fromFiles.notes.map(\.document) == [1])
        #expect(loaded.document(1)?.title == "파드 공부")
        #expect(loaded.noteTitleInitials().first?.initials == "ㅍㄷ ㄱㅂ")
        #expect(IndexFiles.hash("") == 0x811C_9DC5)
        #expect(IndexFiles.hash("a") == 0xE40C_292C)
    }

    @Test func termShardsParseLikeJSON() throws {
        let documents = (0..<40).map { number in
            SearchDocument(
                kind: .note, id: "n\(number)", title: "노트 \(number)", url: "notes/n\(number)/", source: "n\(number).md", summary: "",
                body: "파드를 \(number)번 만든다 Deployment \"quoted\" back\\slash", concepts: [:])
        }
        let index = IndexBuilder.build(documents)
        let layout = IndexFiles.layout(index)
        var escapedKeys = 0
        var shards = 0
        for part in IndexFiles.parts(layout) {
            guard case .terms = part else { continue }
            shards += 1
            let text = IndexFiles.file(part, index: index, layout: layout).text
            let reference = try JSONDecoder().decode([String: String].self, from: Data(text.utf8))
            guard let parsed = LoadedIndex.parseTermShard(Array(text.utf8)) else {
                // Only keys with escapes are left to JSONDecoder.
                #expect(text.contains("\\"))
                escapedKeys += 1
                continue
            }
            #expect(parsed.keys.sorted() == reference.keys.sorted())
            for (key, code) in reference {
                let postings = try #require(parsed[key])
                #expect(postings == index.postings[Term(key)])
                #expect(PostingCode.decode(Array(code.utf8)) == postings)
            }
        }
        #expect(escapedKeys == 0)
        #expect(shards == layout.termFileCount && shards > 0)
        // A term with characters JSON escapes is read through the JSONDecoder fallback.
        let odd = SearchIndex(
            documents: [documents[0]], lengths: [1], concepts: [], postings: ["a\"b\\c<": [Posting(document: 0, frequency: 2)]])
        let fs = InMemoryFileSystemForTests()
        for file in IndexFiles.files(odd) { try fs.write(file.path, file.text) }
        let text = IndexFiles.files(odd).first { $0.path.contains("terms-") }!.text
        #expect(LoadedIndex.parseTermShard(Array(text.utf8)) == nil)
        let loaded = try LoadedIndex(folder: "/site/search", fileSystem: fs.fileSystem)
        #expect(loaded.postings(for: "a\"b\\c<") == [Posting(document: 0, frequency: 2)])
        for broken in ["", "{", "{\"a\":\"1\"}", "{\"a\":\"1w\"}", "{\"a\":\"12\"} x", "[1,2]", "{\"a\":\"1!\"}", "{\"a\":[1,2]}"] {
            #expect(LoadedIndex.parseTermShard(Array(broken.utf8)) == nil, "\(broken)")
        }
        #expect(LoadedIndex.parseTermShard(Array("{ }".utf8))?.isEmpty == true)
        #expect(LoadedIndex.parseTermShard(Array("{\"파드\":\"3U\",\n\"b\":\"\"}".utf8))?["파드"] == [Posting(document: 3, frequency: 1.5)])
    }

    /// The compact posting text: gaps and twentieths, five bits a character.
    @Test func postingCodeRoundTripsAndIsCompact() {
        let postings = [
            Posting(document: 0, frequency: 1), Posting(document: 1, frequency: 0.3), Posting(document: 40, frequency: 5.75),
            Posting(document: 100_000, frequency: 1.5),
        ]
        let code = PostingCode.encode(postings)
        // 0 | 20 | gap 1 | 6 | gap 39 = 7 + 1·32 | 115 = 19 + 3·32 | gap 99,960 (four characters) | 30
        #expect(code == "0" + "K" + "1" + "6" + "d1" + "p3" + "upX3" + "U")
        #expect(PostingCode.decode(Array(code.utf8)) == postings)
        #expect(PostingCode.decode(Array("".utf8)) == [])
        #expect(PostingCode.decode(Array("0".utf8)) == nil)  // a document without its frequency
        #expect(PostingCode.decode(Array("0w".utf8)) == nil)  // a number cut off
        let lengths = [1.0, 2.5, 301.5, 12_345]
        #expect(PostingCode.decodeLengths(PostingCode.encodeLengths(lengths)) == lengths)
    }
}
