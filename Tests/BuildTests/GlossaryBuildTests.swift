import Foundation
import GongbuCore
import GongbuTestSupport
import Korean
import Testing

@testable import Build
@testable import Site

@Suite("Glossary in builds")
struct GlossaryBuildTests {
    /// The whole output of `Tests/Fixtures/glossary-site`, compared file by file with its
    /// `expected/` folder (see `TestBuild.goldenDifferences`).
    @Test func wholeOutputMatchesTheGoldenTree() {
        let (report, differences) = TestBuild.goldenDifferences(ofFixture: "glossary-site")
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    }

    @Test func linkContractAndParticlesOutsideLinks() throws {
        let output = TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(output) }
        _ = TestSupport.build(source: TestSupport.fixtures + "/glossary-site", output: output + "/public")
        let html = String(decoding: try LocalFileSystem().readFile(at: output + "/public/notes/pods/index.html"), as: UTF8.self)
        #expect(html.contains(#"<a class="concept" data-concept="pod" href="../../concepts/pod/" title="컨테이너를 묶는 가장 작은 배포 단위.">파드</a>는"#))
        #expect(html.contains(#"<a class="concept" data-concept="node" href="../../concepts/node/" title="파드가 실행되는 머신.">워커 노드</a>에서"#))
        // First mention per paragraph only: the second 파드 of the first paragraph stays text.
        #expect(html.contains("를 묶는다. 파드가 죽으면"))
        #expect(html.contains("<code>파드</code>"))
        #expect(html.contains("Node.js로 만든 hello-node 앱도"))
        #expect(html.contains(#"<a href="https://kubernetes.io/ko/docs/concepts/workloads/pods/">파드 링크</a>"#))
        #expect(html.contains(#"<h2 id="파드와-노드">파드와 노드<a class="heading-anchor""#))
        #expect(html.contains(#"<a class="wikilink" href="../../notes/rollout-notes/">롤아웃 메모</a>"#))
        let rollout = String(decoding: try LocalFileSystem().readFile(at: output + "/public/notes/rollout-notes/index.html"), as: UTF8.self)
        #expect(rollout.contains(#"<a class="wikilink" href="../../notes/pods/#파드와-노드">파드 공부</a>"#))
    }

    @Test func conceptPagesShowRelationsBothWays() throws {
        let output = TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(output) }
        _ = TestSupport.build(source: TestSupport.fixtures + "/glossary-site", output: output + "/public")
        let fs = LocalFileSystem()
        let deployment = String(decoding: try fs.readFile(at: output + "/public/concepts/deployment/index.html"), as: UTF8.self)
        let replicaset = String(decoding: try fs.readFile(at: output + "/public/concepts/replicaset/index.html"), as: UTF8.self)
        #expect(
            deployment.contains(
                #"<strong>디플로이먼트</strong>는 <a class="concept" href="../../concepts/replicaset/" title="파드 개수를 유지한다.">레플리카셋</a>을 만들고 관리한다."#)
        )
        #expect(
            replicaset.contains(
                #"<a class="concept" href="../../concepts/deployment/" title="레플리카셋을 관리하는 워크로드.">디플로이먼트</a>는 <strong>레플리카셋</strong>을 만들고 관리한다."#
            ))
        let pod = String(decoding: try fs.readFile(at: output + "/public/concepts/pod/index.html"), as: UTF8.self)
        #expect(pod.contains("<mark>파드</mark>는 컨테이너를 묶는다."))
        #expect(pod.contains("6번 언급"))
        #expect(pod.contains("<svg"))
    }

    @Test func learningPathPutsPrerequisitesFirst() throws {
        var report = BuildReport()
        let options = BuildOptions(
            fileSystem: LocalFileSystem(), sourceRoot: TestSupport.fixtures + "/glossary-site",
            outputRoot: "/unused", homeDirectory: "/nonexistent")
        let analysis = try #require(SiteBuild(options: options, generatorVersion: "test").analyse(&report))
        let ids = analysis.model.graph.learningPath.map { analysis.model.glossary.concepts[$0].id }
        #expect(ids == ["container", "node", "pod", "deployment", "replicaset"])
    }

    @Test func glossaryErrorsAreExact() {
        let output = ScratchFolder()
        defer { output.remove() }
        let report = TestBuild.run(source: TestPaths.fixture("glossary-errors"), output: output.join("public"))
        #expect(
            report.diagnostics.map(\.description) == [
                "content/glossary/Bad_Name.md: error: concept file name 'Bad_Name' must be a lower-case kebab-case id such as 'persistent-volume' [glossary]",
                "content/glossary/a-concept.md:5:1: error: related: unknown concept 'missing-one' [glossary]",
                "content/glossary/b-concept.md: warning: no note mentions the concept 'b-concept'; add it to a note or check its aliases [glossary-unused]",
                "content/glossary/b-concept.md:3:1: error: alias '공통' is claimed by both content/glossary/a-concept.md (a-concept) and this entry (b-concept); an alias must name one concept [glossary]",
                "content/glossary/b-concept.md:4:1: error: 'requires' forms a cycle: a-concept → b-concept → a-concept (in content/glossary/a-concept.md, content/glossary/b-concept.md) [glossary]",
                "content/notes/n.md:3:9: error: wikilink [[unknwn-concept]] names no concept or note [wikilink]",
                "content/notes/n.md:3:32: error: wikilink [[a-concpt]] names no concept or note; did you mean 'a-concept', 'b-concept'? [wikilink]",
                "content/notes/n.md:3:49: warning: 'Kublet' looks like a misspelling of the glossary term 'kubelet' (b-concept); did you mean 'kubelet'? [glossary-typo]",
            ])
        #expect(!report.wroteOutput)
    }

    /// Each concept of the fixture with the notes that link it (× linked mentions, + wikilinks)
    /// and its relations, declared on either side (← marks one the other concept declares).
    @Test func everyConceptHasItsBacklinksAndRelations() throws {
        var report = BuildReport()
        let options = BuildOptions(
            fileSystem: LocalFileSystem(), sourceRoot: TestPaths.fixture("glossary-site"),
            outputRoot: "/unused", homeDirectory: "/nonexistent")
        let analysis = try #require(SiteBuild(options: options, generatorVersion: "test").analyse(&report))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let model = analysis.model
        let concepts = model.glossary.concepts
        let lines = concepts.indices.map { index in
            let backlinks = model.graph.backlinks[index].map { "\(model.notes[$0.note].slug)×\($0.count)+\($0.wikilinks)" }
            let relations = model.graph.relations[index].map { "\($0.outgoing ? "" : "←")\($0.kind.key) \(concepts[$0.other].id)" }
            return "\(concepts[index].id): \(backlinks.joined(separator: " ")) | \(relations.joined(separator: ", "))"
        }
        #expect(
            lines == [
                "container: notes/pods×1+0 | related node, ←requires pod",
                "deployment: notes/rollout-notes×1+0 notes/pods×0+1 | requires pod, manages replicaset",
                "node: notes/pods×2+0 | related container",
                "pod: notes/pods×6+0 notes/rollout-notes×1+0 | ←requires deployment, requires container, ←requires replicaset, ←manages replicaset",
                "replicaset: notes/rollout-notes×2+0 | ←manages deployment, requires pod, manages pod",
            ])
    }
}

@Suite("Link options")
struct LinkOptionTests {
    func build(config: String) throws -> String {
        let fs = InMemoryFileSystem(files: [
            "/site/gongbu.yml": config,
            "/site/content/glossary/pod.md": "---\ntitle: 파드 (Pod)\naliases: [파드]\nrelated: [node]\n---\n",
            "/site/content/glossary/node.md": "---\ntitle: 노드 (Node)\naliases: [노드]\n---\n",
            "/site/content/n.md": "---\ntitle: 노트\n---\n## 파드 이야기\n\n파드가 노드에서 돈다. 파드는 작다.\n",
        ])
        let options = BuildOptions(fileSystem: fs, sourceRoot: "/site", outputRoot: "/site/public", homeDirectory: "/home/u")
        let report = SiteBuild(options: options, generatorVersion: "test").run()
        #expect(report.succeeded, "\(report.diagnostics)")
        return try #require(fs.textFiles(under: "/site/public")["n/index.html"])
    }

    @Test func firstMentionPerParagraphByDefault() throws {
        let html = try build(config: "title: t\n")
        #expect(html.contains(">파드</a>가 <a class=\"concept\" data-concept=\"node\""))
        #expect(html.contains("돈다. 파드는 작다."))
        #expect(html.contains("<h2 id=\"파드-이야기\">파드 이야기<a class=\"heading-anchor\""))
    }

    @Test func everyMentionAndHeadingLinksWhenAsked() throws {
        let html = try build(config: "link_mode: every\nlink_headings: true\n")
        #expect(html.contains("돈다. <a class=\"concept\" data-concept=\"pod\""))
        #expect(html.contains("<h2 id=\"파드-이야기\"><a class=\"concept\" data-concept=\"pod\""))
    }
}
