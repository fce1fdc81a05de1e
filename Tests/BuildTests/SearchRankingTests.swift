import Foundation
import GongbuCore
import GongbuTestSupport
import Search
import Testing
@testable import Build

/// Ranking on the bundled notes and glossary, as a learner would search them.
@Suite("Search ranking on the bundled content")
struct SearchRankingTests {
    static let index: SearchIndex = {
        var report = BuildReport()
        var options = BuildOptions(fileSystem: LocalFileSystem(), sourceRoot: TestSupport.repositoryRoot, outputRoot: "/unused", homeDirectory: "/nonexistent")
        options.dryRun = true
        return SiteBuild(options: options, generatorVersion: "test").analyse(&report)!.model.searchIndex!
    }()

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
    ])
    func queryNamesTheConceptFirst(query: String, expected: String) {
        #expect(concepts(query).first == expected, "\(query) → \(concepts(query))")
    }

    @Test func cronjobComesBeforeJob() {
        let found = concepts("크론잡")
        #expect(found.first == "cronjob")
        if let job = found.firstIndex(of: "job") { #expect(job > 0) }
    }

    @Test func typosFindTheConceptMarkedFuzzy() {
        let index = Self.index
        let results = QueryEngine(source: index).search("deploymnet")
        #expect(results.concepts.first.map { index.documents[$0.document].id } == "deployment")
        #expect(results.concepts.first?.fuzzy == true)
        #expect(!results.notes.isEmpty)
        let exact = QueryEngine(source: index).search("deployment")
        #expect(exact.concepts.first?.fuzzy == false)
    }

    @Test func koreanAndEnglishNamesFindTheSameNotes() {
        #expect(notes("Pod") == notes("파드"))
        #expect(notes("Deployment") == notes("디플로이먼트"))
        #expect(!notes("파드").isEmpty)
    }

    @Test func aliasExpansionFindsNotesThatUseOtherSpellings() {
        // 포드 appears in few notes, but every note about pods is found through the concept.
        #expect(notes("포드").count == notes("파드").count)
        #expect(notes("포드").contains("pods"))
    }

    @Test func partialWordsMatchThroughBigrams() {
        #expect(notes("플로이먼").contains("deployment-and-replicaset"))
    }

    @Test func unknownWordsFindNothing() {
        let results = QueryEngine(source: Self.index).search("zzzqqq")
        #expect(results.isEmpty)
    }
}
