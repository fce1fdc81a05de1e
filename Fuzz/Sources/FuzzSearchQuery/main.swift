import Foundation
import FuzzSupport
import GongbuCore
import Search

/// An index of a few documents, built once.
let index = IndexBuilder.build([
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

/// Any bytes as a search query: normalisation, particles, choseong, fuzzy matching, ranking
/// and snippets.
func fuzzSearchQuery(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let query = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let results = QueryEngine(source: index).search(query)
    for hit in results.notes {
        _ = Snippets.make(index.documents[hit.document].body, highlights: results.highlights)
    }
    _ = Tokenizer.terms(query)
    return 0
}

// libFuzzer's driver, called from this executable's own main (SwiftPM gives every executable
// target a main; the toolchain's -sanitize=fuzzer links libFuzzer without its main then).
var arguments = CommandLine.argc
var values = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &values, fuzzSearchQuery))
