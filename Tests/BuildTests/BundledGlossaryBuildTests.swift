import Foundation
import GongbuCore
import GongbuTestSupport
import Testing

@testable import Build

/// A folder of notes with no glossary of its own gets gongbu's bundled Kubernetes glossary.
@Suite("Bundled glossary in builds")
struct BundledGlossaryBuildTests {
    static func page(_ output: [String: [UInt8]], _ path: String) -> String {
        output[path].map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    @Test func aFolderOfNotesLinksToTheBundledConceptsOnTheFirstBuild() {
        let (report, output) = TestBuild.inMemory([
            "notes/study.md": "# 첫 실습\n\n파드를 디플로이먼트로 띄우고 kubectl로 확인했다.\n"
        ])
        #expect(report.succeeded, "\(report.diagnostics)")
        let html = Self.page(output, "notes/study/index.html")
        #expect(html.contains(#"<a class="concept" data-concept="pod" href="../../concepts/pod/""#))
        #expect(html.contains(#"data-concept="deployment""#))
        #expect(output["concepts/pod/index.html"] != nil)
        #expect(output["concepts/index.html"] != nil)
        // A bundled concept no note mentions is not the author's mistake.
        #expect(!report.diagnostics.contains { $0.rule == "glossary-unused" }, "\(report.diagnostics)")
        // graph.json and the concept page say where the entry comes from.
        #expect(Self.page(output, "graph.json").contains(#""url": "/concepts/pod/""#))
        #expect(Self.page(output, "concepts/pod/index.html").contains("gongbu:glossary/pod.md"))
    }

    @Test func theSiteEntriesOverrideByIDAndClaimTheirSpellingsFirst() {
        let (report, output) = TestBuild.inMemory([
            "content/notes/a.md": "# 메모\n\n파드와 포드, 그리고 레플리카셋.\n",
            // Same id as a bundled entry: replaces it.
            "content/glossary/replicaset.md": "---\ntitle: 레플리카셋 (ReplicaSet)\naliases: [레플리카셋]\nsummary: 우리 팀의 정의.\n---\n본문.\n",
            // Another id with a bundled concept's spelling: the site's entry wins the spelling.
            "content/glossary/pea-pod.md": "---\ntitle: 포드 (콩깍지)\naliases: [포드]\nsummary: 콩이 든 깍지.\n---\n본문.\n",
            "gongbu.yml": "title: 테스트\n",
        ])
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(!report.diagnostics.contains { $0.rule == "glossary" }, "\(report.diagnostics)")
        let html = Self.page(output, "notes/a/index.html")
        #expect(html.contains(#"data-concept="pod""#))
        #expect(html.contains(#"<a class="concept" data-concept="pea-pod" href="../../concepts/pea-pod/" title="콩이 든 깍지.">포드</a>"#))
        #expect(html.contains(#"title="우리 팀의 정의.">레플리카셋</a>"#))
        #expect(Self.page(output, "concepts/replicaset/index.html").contains("content/glossary/replicaset.md"))
    }

    @Test func glossaryNoneTurnsItOff() {
        let (report, output) = TestBuild.inMemory([
            "content/notes/a.md": "# 메모\n\n파드를 띄웠다.\n", "gongbu.yml": "glossary: none\n",
        ])
        #expect(report.succeeded)
        #expect(!Self.page(output, "notes/a/index.html").contains("class=\"concept\""))
        #expect(output.keys.allSatisfy { !$0.hasPrefix("concepts/") })
    }

    @Test func aWrongGlossaryValueIsAWarningAndKeepsTheDefault() {
        let (report, output) = TestBuild.inMemory([
            "content/notes/a.md": "# 메모\n\n파드를 띄웠다.\n", "gongbu.yml": "glossary: kubernets\n",
        ])
        #expect(report.diagnostics.contains { $0.rule == "config" && $0.message.contains("'glossary'") })
        #expect(Self.page(output, "notes/a/index.html").contains(#"data-concept="pod""#))
    }

    /// A docs site's own `concepts/` keeps its URLs; the glossary moves to `glossary/`.
    @Test func notesInAConceptsFolderKeepTheirURLs() {
        let (report, output) = TestBuild.inMemory([
            "concepts/workloads/pods.md": "# 파드\n\n파드는 컨테이너를 묶는다.\n",
            "concepts/pod.md": "# 파드 정리\n\n파드와 노드.\n",
        ])
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(output["concepts/workloads/pods/index.html"] != nil)
        #expect(output["concepts/pod/index.html"] != nil)
        #expect(Self.page(output, "concepts/pod/index.html").contains("파드 정리"))
        #expect(output["glossary/pod/index.html"] != nil)
        #expect(output["glossary/index.html"] != nil)
        let html = Self.page(output, "concepts/workloads/pods/index.html")
        #expect(html.contains(#"href="../../../glossary/pod/""#))
        // The layout's glossary link follows it.
        #expect(html.contains(#"<a href="../../../glossary/">"#))
        let files = Set(output.keys)
        for (path, bytes) in output where path.hasSuffix(".html") {
            let broken = TestBuild.brokenLinks(in: String(decoding: bytes, as: UTF8.self), page: path, files: files)
            #expect(broken.isEmpty, "\(path): \(broken)")
        }
    }
}
