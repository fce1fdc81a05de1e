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
        #expect(snippet.before == "…고 나서 ")
        #expect(snippet.after == "를 만든다…")
    }

    @Test func indexFilesRoundTrip() throws {
        let documents = [
            SearchDocument(kind: .concept, id: "pod", title: "파드 (Pod)", url: "concepts/pod/", source: "g/pod.md", summary: "단위", aliases: ["파드", "Pod"], concepts: ["pod": 1]),
            SearchDocument(kind: .note, id: "n", title: "파드 공부", url: "notes/n/", source: "n.md", summary: "요약", tags: ["쿠버"], body: "Pod은 작다", concepts: ["pod": 2]),
        ]
        let index = IndexBuilder.build(documents)
        let fs = InMemoryFileSystemForTests()
        for file in IndexFiles.files(index) { try fs.write(file.path, file.text) }
        let loaded = try LoadedIndex(folder: "/site/search", fileSystem: fs.fileSystem)
        let inMemory = QueryEngine(source: index).search("파드")
        let fromFiles = QueryEngine(source: loaded).search("파드")
        #expect(inMemory.concepts.map(\.document) == fromFiles.concepts.map(\.document))
        #expect(inMemory.notes.map(\.document) == fromFiles.notes.map(\.document))
        #expect(loaded.document(1)?.title == "파드 공부")
        #expect(loaded.noteTitleInitials().first?.initials == "ㅍㄷ ㄱㅂ")
        #expect(IndexFiles.hash("") == 0x811C_9DC5)
        #expect(IndexFiles.hash("a") == 0xE40C_292C)
    }
}
