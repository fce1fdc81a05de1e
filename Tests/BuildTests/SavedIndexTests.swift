import Build
import Foundation
import GongbuCore
import GongbuTestSupport
import Search
import Testing

@Suite("Saved search index")
struct SavedIndexTests {
    func setDate(_ date: Date, of path: String) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path)
    }

    /// A rebuild leaves unchanged index files with their old times, so freshness must come
    /// from the build's own time, not from the index files.
    @Test func freshnessFollowsTheBuildNotTheIndexFiles() throws {
        let folder = TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        try TestSupport.copyTree(TestSupport.fixtures + "/glossary-site", to: folder + "/site")
        let site = folder + "/site"
        let output = site + "/public"
        let index = output + "/search"
        let fs = LocalFileSystem()
        for _ in 0..<3 { #expect(TestSupport.build(source: site, output: output).wroteOutput) }

        let name = try #require(try fs.contentsOfDirectory(at: site + "/content/notes").first { $0.hasSuffix(".md") })
        let note = site + "/content/notes/" + name
        let old = Date(timeIntervalSinceNow: -3600 * 24 * 365)
        for name in try fs.contentsOfDirectory(at: index) { try setDate(old, of: index + "/" + name) }
        try setDate(Date(timeIntervalSinceNow: -3600), of: note)
        #expect(SavedIndex.isFresh(index, sourceRoot: site, fileSystem: fs))

        try setDate(Date(timeIntervalSinceNow: 60), of: note)
        #expect(!SavedIndex.isFresh(index, sourceRoot: site, fileSystem: fs))
        #expect(TestSupport.build(source: site, output: output).wroteOutput)
        try setDate(Date(timeIntervalSinceNow: -60), of: note)
        #expect(SavedIndex.isFresh(index, sourceRoot: site, fileSystem: fs))
    }

    @Test func noIndexIsNeverFresh() {
        #expect(!SavedIndex.isFresh("/nonexistent/public/search", sourceRoot: "/nonexistent", fileSystem: LocalFileSystem()))
    }
}
