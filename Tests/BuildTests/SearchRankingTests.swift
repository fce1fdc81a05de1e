import Foundation
import GongbuCore
import GongbuTestSupport
import Search
import Testing

@testable import Build

/// Ranking on a small study site of its own (`Tests/Fixtures/search-ranking`: six notes and
/// thirteen concepts), as a learner would search it.
@Suite("Search ranking")
struct SearchRankingTests {
    static let index: SearchIndex = {
        var report = BuildReport()
        var options = BuildOptions(
            fileSystem: LocalFileSystem(), sourceRoot: TestPaths.fixture("search-ranking"), outputRoot: "/unused",
            homeDirectory: "/nonexistent")
        options.dryRun = true
        return SiteBuild(options: options, generatorVersion: "test").analyse(&report)!.model.searchIndex!
    }()

    /// Every note of the fixture that mentions pods (cluster.md is about nodes and the control plane only).
    /// Note documents are named by their site path (the fixture's notes are all in notes/).
    static let podNotes: Set<String> = ["notes/deployment-and-replicaset", "notes/jobs", "notes/pods", "notes/services", "notes/storage"]

    func concepts(_ query: String) -> [String] {
        let index = Self.index
        return QueryEngine(source: index).search(query).concepts.map { index.documents[$0.document].id }
    }

    func notes(_ query: String) -> Set<String> {
        let index = Self.index
        return Set(QueryEngine(source: index).search(query, limit: 100).notes.map { index.documents[$0.document].id })
    }

    @Test(arguments: [
        ("파드", "pod"), ("ㅍㄷ", "pod"), ("파드를", "pod"), ("Pod", "pod"), ("pods", "pod"), ("포드", "pod"),
        ("ㄷㅍㄹㅇㅁㅌ", "deployment"), ("크론잡", "cronjob"), ("롤링 업데이트", "rolling-update"), ("롤링 업데이트를", "rolling-update"),
        ("헤드리스 서비스", "headless-service"), ("PVC", "persistentvolumeclaim"), ("k8s", "kubernetes"), ("마스터 노드", "control-plane"),
        ("Service", "service"), ("서비스의", "service"), ("ingress", "ingress"), ("ㅋㄹㅈ", "cronjob"),
        // An exact initial-consonant match of an all-Hangul name beats one through 쿠버네티스 DNS.
        ("ㅋㅂㄴㅌㅅ", "kubernetes"),
    ])
    func queryNamesTheConceptFirst(query: String, expected: String) {
        #expect(concepts(query).first == expected, "\(query) → \(concepts(query))")
    }

    /// 크론잡 contains 잡, so the job concept is found too; it must rank below cronjob.
    @Test func cronjobComesBeforeJob() {
        #expect(concepts("크론잡") == ["cronjob", "job", "pod"])
    }

    @Test func typosFindTheConceptMarkedFuzzy() {
        let index = Self.index
        let results = QueryEngine(source: index).search("deploymnet")
        #expect(results.concepts.first.map { index.documents[$0.document].id } == "deployment")
        #expect(results.concepts.first?.fuzzy == true)
        #expect(Set(results.notes.map { index.documents[$0.document].id }) == ["notes/deployment-and-replicaset", "notes/pods"])
        let exact = QueryEngine(source: index).search("deployment")
        #expect(exact.concepts.first?.fuzzy == false)
    }

    @Test func koreanAndEnglishNamesFindTheSameNotes() {
        #expect(notes("Pod") == Self.podNotes)
        #expect(notes("파드") == Self.podNotes)
        #expect(notes("Deployment") == ["notes/deployment-and-replicaset", "notes/pods"])
        #expect(notes("디플로이먼트") == ["notes/deployment-and-replicaset", "notes/pods"])
    }

    @Test func aliasExpansionFindsNotesThatUseOtherSpellings() {
        // Only pods.md writes 포드, but every note about pods is found through the concept.
        #expect(notes("포드") == Self.podNotes)
    }

    @Test func partialWordsMatchThroughBigrams() {
        // 플로이먼 is the middle of 디플로이먼트, which only these two notes use.
        #expect(notes("플로이먼") == ["notes/deployment-and-replicaset", "notes/pods"])
    }

    @Test func unknownWordsFindNothing() {
        let results = QueryEngine(source: Self.index).search("zzzqqq")
        #expect(results.isEmpty)
    }
}
