import Build
import Foundation
import GongbuCore
import Search
import Testing

/// `gongbu search` without a saved index analyses notes for the index only; its documents must
/// be exactly those of a full build, or the two ways of searching would rank differently.
@Suite("Search-only analysis")
struct SearchOnlyAnalysisTests {
    static let sites = [TestSupport.repositoryRoot, TestSupport.fixtures + "/glossary-site", TestSupport.fixtures + "/golden",
                        TestSupport.fixtures + "/examples"]

    @Test(arguments: sites)
    func matchesAFullBuild(site: String) throws {
        func documents(searchOnly: Bool) throws -> [SearchDocument] {
            var options = BuildOptions(fileSystem: LocalFileSystem(), sourceRoot: site, outputRoot: site + "/public", homeDirectory: "/nonexistent")
            options.dryRun = true
            options.searchIndexOnly = searchOnly
            var report = BuildReport()
            let analysis = try #require(SiteBuild(options: options, generatorVersion: "test").analyse(&report))
            return analysis.model.searchDocuments()
        }
        let full = try documents(searchOnly: false)
        let light = try documents(searchOnly: true)
        #expect(full.count == light.count)
        for (a, b) in zip(full, light) where a != b {
            #expect(a.id == b.id)
            #expect(a.title == b.title)
            #expect(a.headings == b.headings)
            #expect(a.body == b.body)
            #expect(a.concepts == b.concepts)
            #expect(a.summary == b.summary)
        }
    }
}
