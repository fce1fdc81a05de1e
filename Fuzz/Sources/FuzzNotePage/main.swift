import Foundation
import FuzzSupport
import GongbuCore
import GongbuTestSupport

/// A small site prepared once: concepts with Korean and English aliases, a false friend, and a
/// second note to link to.
let pipeline = NotePipeline(siteFiles: [
    "content/glossary/pod.md":
        "---\ntitle: 파드 (Pod)\naliases: [파드, 포드, Pod, Pods]\nsummary: 가장 작은 배포 단위\nrelated: [node]\n---\n파드는 노드에서 실행된다.\n",
    "content/glossary/node.md":
        "---\ntitle: 노드 (Node)\naliases: [노드, Node, 워커 노드]\nnot: [Node.js, hello-node]\nsummary: 머신\nrequires: [pod]\n---\n노드 설명\n",
    "content/glossary/service.md": "---\ntitle: 서비스 (Service)\naliases: [서비스, Service, svc]\nsummary: 고정 주소\nselects: [pod]\n---\n서비스 설명\n",
    "content/notes/other.md": "---\ntitle: 다른 노트\ntags: [기초]\n---\n서비스와 파드\n",
])

/// Any bytes as a note: Markdown, concept linking, wikilinks, manifest examples and the
/// rendered pages. The pages must never contain active content the note did not opt into
/// (the site has no `unsafe_html`), as a browser would read the markup.
func fuzzNotePage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let output = pipeline.run(Array(UnsafeBufferPointer(start: data, count: size)))
    for (path, html) in output.pages where path.hasSuffix(".html") {
        let findings = ActiveContentScan.findings(inHTML: html)
        precondition(findings.isEmpty, "active content in \(path): \(findings)")
    }
    return 0
}

// libFuzzer's driver, called from this executable's own main (SwiftPM gives every executable
// target a main; the toolchain's -sanitize=fuzzer links libFuzzer without its main then).
var arguments = CommandLine.argc
var values = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &values, fuzzNotePage))
