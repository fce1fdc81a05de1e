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
}
