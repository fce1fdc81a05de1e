import Analysis
import Foundation
import GongbuCore
import GongbuTestSupport
import Manifests
import Testing

@testable import Build

/// Tests against data from outside the project (../shared beside the repository). They skip
/// cleanly where that folder is absent, as on CI.
@Suite("Outside data", .enabled(if: LocalFileSystem().isDirectory(TestSupport.shared)))
struct SharedCorpusTests {
    /// Every Kubernetes documentation example passes the schema checks under the default
    /// version, except the two that use APIs Kubernetes removed.
    @Test func kubernetesDocumentationExamplesPassTheSchema() {
        let folder = TestSupport.shared + "/conformance/k8s-docs-examples"
        let run = ValidationRun(fileSystem: LocalFileSystem(), paths: [folder], displayBase: folder, options: ValidationOptions())
        let report = run.run()
        #expect(report.summary.documents >= 100)
        var failing: [String] = []
        for (source, document) in report.documents
        where document.issues.contains(where: {
            $0.severity == .error && ($0.rule == "schema" || $0.rule == "api-version" || $0.rule == "yaml")
        }) {
            failing.append(source.source.file)
        }
        // Removed APIs: CronJob batch/v1beta1 (gone in 1.25) and Ingress networking.k8s.io/v1beta1 (gone in 1.22).
        #expect(failing.sorted() == ["application/job/cronjob.yaml", "service/networking/example-ingress.yaml"])
    }

    /// Linking on Korean prose nobody here wrote: the real Korean Kubernetes documentation,
    /// against a glossary of its own (`Tests/Fixtures/shared-corpus`, fifteen short entries).
    @Test func koreanDocumentationLinksItsTerms() throws {
        let work = TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(work) }
        try TestSupport.copyTree(TestSupport.shared + "/corpus/ko-docs/concepts", to: work + "/site/content/docs")
        try TestSupport.copyTree(TestPaths.fixture("shared-corpus/content/glossary"), to: work + "/site/content/glossary")
        try LocalFileSystem().writeString("glossary: none\n", to: work + "/site/gongbu.yml")
        var report = BuildReport()
        let options = BuildOptions(
            fileSystem: LocalFileSystem(), sourceRoot: work + "/site", outputRoot: work + "/out", homeDirectory: "/nonexistent")
        let analysis = try #require(SiteBuild(options: options, generatorVersion: "test").analyse(&report))
        #expect(analysis.model.notes.count >= 10)
        let glossary = analysis.model.glossary
        var mentioned: [String: Int] = [:]
        for note in analysis.model.notes {
            #expect(!note.mentions.isEmpty, "\(note.source) links no concept")
            for mention in note.mentions { mentioned[glossary.concepts[mention.concept].id, default: 0] += mention.count }
            // Hugo shortcodes are markup: nothing inside them is linked.
            #expect(!note.bodyHTML.contains("term_id=&quot;<a"), "\(note.source) links inside a shortcode")
        }
        let ids = [
            "configmap", "container", "cronjob", "daemonset", "deployment", "ingress", "label", "namespace", "node",
            "persistentvolume", "persistentvolumeclaim", "pod", "replicaset", "selector", "statefulset",
        ]
        #expect(glossary.concepts.map(\.id).sorted() == ids)
        for id in ids {
            #expect((mentioned[id] ?? 0) > 0, "the Korean docs never link \(id)")
        }
    }

    /// The shared Hugo site as its author keeps it, with the bundled glossary: its notes outside
    /// the Kubernetes course (`devops/`) and the blog are about Java, Spring, networking and
    /// databases, and link almost nothing. What links is right (judged by reading): Docker,
    /// Jenkins and Kubernetes named in passing, and the course index's Kubernetes table.
    @Test func aJavaAndNetworkingSiteLinksOnlyWhatIsKubernetes() throws {
        let source = TestSupport.shared + "/corpus/real-notes/95jw_archive"
        let work = TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(work) }
        var report = BuildReport()
        let options = BuildOptions(
            fileSystem: LocalFileSystem(), sourceRoot: source, outputRoot: work + "/out", homeDirectory: "/nonexistent")
        let analysis = try #require(SiteBuild(options: options, generatorVersion: "test").analyse(&report))
        let glossary = analysis.model.glossary
        var topicMentions: [String] = []
        var indexMentions = 0
        for note in analysis.model.notes {
            let folders = note.source.split(separator: "/").dropLast()
            guard !folders.contains("devops"), !folders.contains("blog") else { continue }
            let count = note.mentions.reduce(0) { $0 + $1.count }
            let name = String(note.source.split(separator: "/").last ?? "")
            if ["_index.md", "about.md", "README.md"].contains(name) {
                indexMentions += count
            } else {
                topicMentions += note.mentions.map { "\(note.source): \(glossary.concepts[$0.concept].id)×\($0.count)" }
            }
        }
        // Today: 도커 in an IPC note; Jenkins, Kubernetes ×2 and 컨테이너 on Spring Batch's runtime list.
        #expect(topicMentions.count <= 5, "\(topicMentions.joined(separator: "\n"))")
        // The course index lists the Kubernetes course's topics (파드, Deployment, Secret …): 31 mentions today.
        #expect(indexMentions <= 35)
        for wrong in ["job", "rollback", "namespace", "selector", "label", "persistentvolume", "continuous-delivery", "service", "node"] {
            #expect(!topicMentions.contains { $0.contains(": \(wrong)×") }, "\(wrong) linked in a note about Java or networking")
        }
    }
}
