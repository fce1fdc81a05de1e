import Build
import Foundation
import GongbuCore
import GongbuTestSupport
import Search
import Testing

/// `gongbu search` without a saved index analyses notes for the index only; its documents must
/// be exactly those of a full build, or the two ways of searching would rank differently.
/// `search-only` is this suite's own site (notes with tags, headings, an example, a wikilink and
/// a glossary); the other fixtures add front matter, raw HTML and example errors.
@Suite("Search-only analysis")
struct SearchOnlyAnalysisTests {
    static let sites = ["search-only", "glossary-site", "golden", "examples"].map(TestPaths.fixture)

    @Test(arguments: sites)
    func matchesAFullBuild(site: String) throws {
        func index(searchOnly: Bool) throws -> SearchIndex {
            var options = BuildOptions(
                fileSystem: LocalFileSystem(), sourceRoot: site, outputRoot: site + "/public", homeDirectory: "/nonexistent")
            options.dryRun = true
            options.searchIndexOnly = searchOnly
            var report = BuildReport()
            let analysis = try #require(SiteBuild(options: options, generatorVersion: "test").analyse(&report))
            return try #require(analysis.model.searchIndex)
        }
        let full = try index(searchOnly: false)
        let light = try index(searchOnly: true)
        #expect(!full.documents.isEmpty)
        #expect(full.documents.map(\.id) == light.documents.map(\.id))
        #expect(full.documents.map(\.title) == light.documents.map(\.title))
        #expect(full.lengths == light.lengths)
        #expect(full.postings.count == light.postings.count)
        for (term, postings) in full.postings where light.postings[term] != postings {
            Issue.record("postings of '\(term.text)' differ: \(postings) vs \(light.postings[term] ?? [])")
        }
        // The search-only analysis keeps the prose for snippets; a build lets it go.
        #expect(light.documents.contains { !$0.body.isEmpty })
        #expect(full.documents.allSatisfy { $0.body.isEmpty })
    }
}
