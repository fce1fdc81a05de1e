import Testing

@testable import Search

/// Inputs found by the fuzz targets (scripts/fuzz.sh), kept as regression tests.
@Suite("Search: fuzz regressions")
struct SearchFuzzRegressionTests {
    /// The index the FuzzSearchQuery target searches.
    static let index = IndexBuilder.build([
        SearchDocument(
            kind: .concept, id: "pod", title: "파드 (Pod)", url: "concepts/pod/", source: "g/pod.md", summary: "가장 작은 배포 단위",
            aliases: ["파드", "포드", "Pod", "Pods"], body: "파드는 컨테이너를 묶는다", concepts: ["pod": 1]),
        SearchDocument(
            kind: .concept, id: "deployment", title: "디플로이먼트 (Deployment)", url: "concepts/deployment/", source: "g/d.md",
            summary: "롤링 업데이트", aliases: ["디플로이먼트", "Deployment", "deploy"], body: "레플리카셋을 관리한다", concepts: ["deployment": 1]),
        SearchDocument(
            kind: .note, id: "n", title: "파드와 디플로이먼트 공부", url: "notes/n/", source: "n.md", summary: "요약", tags: ["쿠버네티스"],
            headings: ["롤링 업데이트"], body: "Pod은 작다. 디플로이먼트를 만들면 ReplicaSet이 생긴다.", concepts: ["pod": 2, "deployment": 1]),
    ])

    /// crash-ea232122: NULs, invalid UTF-8 (decoded to U+FFFD), tabs and lone jamo. Foundation's
    /// case-insensitive `range(of:)` returned a range the snippet code then offset past the end.
    static let crashQuery = String(
        decoding: [
            0, 73, 100, 100, 10, 193, 255, 100, 10, 235, 235, 129, 151, 0, 1, 100, 101, 112, 32, 0, 0, 0, 32, 0, 0, 0, 10, 0, 84, 255, 100,
            10, 235, 80,
            100, 111, 9, 80, 235, 129, 151, 0, 32, 0, 0, 0, 10, 193, 255, 235, 80, 100, 111, 9, 80, 235, 129, 151, 0, 32, 0, 0, 0, 10, 193,
            255, 100,
            10, 235, 235, 129, 151, 0, 32, 32, 46, 0, 0, 0, 10, 0, 84, 0, 10, 50, 38, 38, 38, 38, 9, 228, 249, 111, 9, 1, 100, 101, 112,
            108, 111, 9,
            111, 0, 236, 9, 0, 0, 178, 36, 111, 253, 178, 9, 178, 9, 0, 0, 19, 236, 9, 111, 9, 111, 148, 236, 236, 255, 255, 255, 100, 108,
            111, 111, 9,
            0, 0, 19, 236, 9, 111, 9, 0, 10, 0, 84, 0, 10, 111, 32, 19, 80, 161, 84,
        ] as [UInt8], as: UTF8.self)

    @Test func crashQuerySearchesAndMakesSnippets() {
        let results = QueryEngine(source: Self.index).search(Self.crashQuery)
        // The query's "dep…" fragments find the deployment concept and the note that uses it.
        #expect(results.notes.map { Self.index.documents[$0.document].id } == ["n"])
        #expect(results.concepts.map { Self.index.documents[$0.document].id } == ["deployment"])
        for hit in results.notes + results.concepts {
            let snippet = Snippets.make(Self.index.documents[hit.document].body, highlights: results.highlights)
            #expect(!(snippet.before + snippet.match + snippet.after).isEmpty)
        }
        // The query's own text as a document body, highlighted by its own terms.
        let snippet = Snippets.make(
            Self.crashQuery, highlights: results.highlights + Self.crashQuery.split(separator: "\t").map(String.init))
        #expect((snippet.before + snippet.match + snippet.after).count <= Self.crashQuery.count + 2)
    }

    /// Lower-casing can change a string's length (İ becomes i + U+0307); the highlighted text
    /// must still be the original characters at the original position.
    @Test(arguments: [
        ("İSTANBUL 파드를 만든다", "파드", "파드"),
        ("Straße의 POD은 작다", "pod", "POD"),
        ("ǅ와 ﬃ 다음 Deployment", "deployment", "Deployment"),
        ("\u{0}\u{0}파드\u{0}", "파드", "파드"),
        ("ᄑ ᅡ 파드", "파드", "파드"),
    ])
    func snippetsKeepOriginalText(text: String, highlight: String, match: String) {
        let snippet = Snippets.make(text, highlights: [highlight], radius: 3)
        #expect(snippet.match == match)
        #expect(text.contains(snippet.before.replacingOccurrences(of: "…", with: "") + snippet.match))
    }
}
