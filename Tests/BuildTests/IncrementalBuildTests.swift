import Analysis
import Foundation
import GongbuCore
import GongbuTestSupport
import Site
import Testing
import Write

@testable import Build

/// An incremental rebuild must give exactly what a full build of the same files gives. The site
/// is `Tests/Fixtures/incremental-build` (three notes, six concepts) with the theme's source
/// from `templates/`, copied to a scratch folder.
@Suite("Incremental rebuilds")
struct IncrementalBuildTests {
    /// Path → bytes of a full build of `source`, rendered in memory.
    func fullBuild(_ source: String) throws -> [String: [UInt8]] {
        var report = BuildReport()
        var options = BuildOptions(
            fileSystem: LocalFileSystem(), sourceRoot: source, outputRoot: source + "/public", homeDirectory: "/nonexistent")
        options.dryRun = true
        let build = SiteBuild(options: options, generatorVersion: "test")
        let analysis = try #require(build.analyse(&report))
        let renderer = PageRenderer(
            theme: analysis.theme, config: analysis.model.config, ui: UIStrings.forLanguage(analysis.model.config.language),
            generatorVersion: "test")
        return try bytes(SiteRenderer(renderer: renderer, model: analysis.model).render().files)
    }

    func bytes(_ files: [OutputFile]) throws -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        for file in files {
            switch file.contents {
            case .bytes(let bytes): result[file.path] = bytes
            case .deferred(let make): result[file.path] = make()
            case .copy(let path): result[file.path] = try LocalFileSystem().readFile(at: path)
            }
        }
        return result
    }

    func snapshot(_ build: IncrementalBuild) throws -> [String: [UInt8]] {
        try bytes(Array(build.snapshot().values))
    }

    func differences(_ a: [String: [UInt8]], _ b: [String: [UInt8]]) -> [String] {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    }

    func makeSite() throws -> (work: String, build: IncrementalBuild) {
        let work = TestSupport.temporaryFolder()
        try TestSupport.copyTree(TestPaths.fixture("incremental-build"), to: work + "/site")
        try TestSupport.copyTree(TestSupport.repositoryRoot + "/templates", to: work + "/site/templates")
        let options = BuildOptions(
            fileSystem: LocalFileSystem(), sourceRoot: work + "/site", outputRoot: work + "/site/public", homeDirectory: "/nonexistent")
        let build = IncrementalBuild(options: options, generatorVersion: "test")
        let first = build.rebuildAll()
        #expect(!first.hasErrors, "\(first.diagnostics)")
        return (work, build)
    }

    @Test func firstBuildEqualsAFullBuild() throws {
        let (work, build) = try makeSite()
        defer { TestSupport.cleanUp(work) }
        let files = try snapshot(build)
        // 19 pages (three notes, four tags, six concepts, the notes/ folder, the lists and the
        // study page) besides the data files.
        #expect(files.keys.filter { $0.hasSuffix(".html") }.count == 19)
        #expect(differences(files, try fullBuild(work + "/site")) == [])
    }

    @Test func editingANoteRerendersOnlyWhatShowsIt() throws {
        let (work, build) = try makeSite()
        defer { TestSupport.cleanUp(work) }
        let path = work + "/site/content/notes/pods.md"
        var text = String(decoding: try LocalFileSystem().readFile(at: path), as: UTF8.self)
        text = text.replacingOccurrences(of: "tags: [", with: "tags: [새태그, ")
        text += "\n\n## 덧붙임\n\n인그레스와 헬름도 나중에 다시 보자.\n"
        try LocalFileSystem().writeString(text, to: path)
        let update = build.update(changedPaths: [path])
        #expect(!update.full)
        #expect(!update.hasErrors)
        // The note, its tags' pages and the tag list, the home page, and the two concepts it now
        // mentions; services.md and the secret concept do not show pods.md and are not rewritten.
        // (Data files such as graph.json are regenerated on their next request, not listed.)
        #expect(
            update.changed.sorted() == [
                "concepts/helm/index.html", "concepts/ingress/index.html", "index.html", "notes/pods/index.html", "tags/index.html",
                "tags/기초/index.html", "tags/새태그/index.html", "tags/쿠버네티스/index.html",
            ])
        #expect(differences(try snapshot(build), try fullBuild(work + "/site")) == [])
    }

    /// A note that shows another's text (`![[pods]]`) is rendered again when that text changes,
    /// even though the title and links stay the same.
    @Test func aNoteThatEmbedsAnotherFollowsItsText() throws {
        let (work, build) = try makeSite()
        defer { TestSupport.cleanUp(work) }
        let embedder = work + "/site/content/notes/summary.md"
        try LocalFileSystem().writeString("---\ntitle: 요약\n---\n![[pods]]\n", to: embedder)
        let added = build.update(changedPaths: [embedder])
        #expect(!added.hasErrors, "\(added.diagnostics)")
        let path = work + "/site/content/notes/pods.md"
        let text = String(decoding: try LocalFileSystem().readFile(at: path), as: UTF8.self) + "\n\n새로 덧붙인 문장.\n"
        try LocalFileSystem().writeString(text, to: path)
        let update = build.update(changedPaths: [path])
        #expect(update.changed.contains("notes/summary/index.html"), "\(update.changed)")
        let page = String(decoding: try #require(try snapshot(build)["notes/summary/index.html"]), as: UTF8.self)
        #expect(page.contains("새로 덧붙인 문장."))
        #expect(differences(try snapshot(build), try fullBuild(work + "/site")) == [])
    }

    /// A change to a note's prose that leaves its title, tags and concept mentions alone
    /// re-renders only its own page; a new title re-renders every list and concept page that
    /// shows the note. Both end byte-identical to a full build.
    @Test func onlyPagesShowingWhatChangedAreRendered() throws {
        let (work, build) = try makeSite()
        defer { TestSupport.cleanUp(work) }
        let path = work + "/site/content/notes/pods.md"
        let original = String(decoding: try LocalFileSystem().readFile(at: path), as: UTF8.self)
        try LocalFileSystem().writeString(original + "\n\n덧붙인 문장 하나.\n", to: path)
        var update = build.update(changedPaths: [path])
        #expect(update.rendered == 1, "\(update.rendered) pages rendered")
        #expect(!update.reassembled)
        #expect(update.changed == ["notes/pods/index.html"])
        #expect(differences(try snapshot(build), try fullBuild(work + "/site")) == [])

        // New mentions and a wikilink to another note: the concept graph is patched in place
        // (backlinks, graph.json edges) and must match a full build byte for byte.
        try LocalFileSystem().writeString(original + "\n\n헬름 차트로 파드를 배포하고 [[services]]도 다시 봤다. 헬름은 편하다.\n", to: path)
        update = build.update(changedPaths: [path])
        #expect(update.rendered == 3, "\(update.rendered) pages rendered")
        #expect(!update.reassembled)
        #expect(update.changed.sorted() == ["concepts/helm/index.html", "concepts/pod/index.html", "notes/pods/index.html"])
        #expect(differences(try snapshot(build), try fullBuild(work + "/site")) == [])
        try LocalFileSystem().writeString(original, to: path)
        update = build.update(changedPaths: [path])
        #expect(differences(try snapshot(build), try fullBuild(work + "/site")) == [])

        try LocalFileSystem().writeString(original.replacingOccurrences(of: "---\ntitle:", with: "---\ntitle: 새 제목 -"), to: path)
        update = build.update(changedPaths: [path])
        // Every page that shows the title: the home page, the tag pages, the concepts the note
        // mentions, the notes/ folder's page and services.md, whose wikilink to the note is
        // labelled with it.
        #expect(update.rendered == 9, "\(update.rendered) pages rendered")
        // The note keeps its place among the others, so the model is patched, not assembled again.
        #expect(!update.reassembled)
        #expect(
            update.changed.sorted() == [
                "concepts/deployment/index.html", "concepts/pod/index.html", "index.html", "notes/index.html", "notes/pods/index.html",
                "notes/services/index.html",
                "tags/기초/index.html", "tags/쿠버네티스/index.html",
            ])
        #expect(differences(try snapshot(build), try fullBuild(work + "/site")) == [])
    }

    /// A new date or title patches the model in place, whether the note keeps its place among
    /// the others or moves (its neighbours are renumbered: backlinks, tags, folders, the graph's
    /// edges); either way the site is a full build's.
    @Test func aNoteThatMovesInTheOrderIsRenumbered() throws {
        let (work, build) = try makeSite()
        defer { TestSupport.cleanUp(work) }
        let path = work + "/site/content/notes/pods.md"
        let original = String(decoding: try LocalFileSystem().readFile(at: path), as: UTF8.self)
        // Still the oldest of the three (services.md is 2025-02-05).
        try LocalFileSystem().writeString(original.replacingOccurrences(of: "date: 2025-02-03", with: "date: 2025-02-04"), to: path)
        var update = build.update(changedPaths: [path])
        #expect(!update.hasErrors, "\(update.diagnostics)")
        #expect(!update.reassembled)
        #expect(update.changed.contains("notes/pods/index.html"))
        #expect(differences(try snapshot(build), try fullBuild(work + "/site")) == [])

        // The same day as services.md, and a title that sorts before its: now listed before it,
        // on the home page, the tag page and the pages of the concepts both mention.
        let moved = original.replacingOccurrences(of: "date: 2025-02-03", with: "date: 2025-02-05")
            .replacingOccurrences(of: "title: 파드 기초", with: "title: 가장 작은 단위, 파드")
        try LocalFileSystem().writeString(moved, to: path)
        update = build.update(changedPaths: [path])
        #expect(!update.reassembled)
        #expect(update.changed.contains("index.html"))
        #expect(differences(try snapshot(build), try fullBuild(work + "/site")) == [])
        let graph = String(decoding: try #require(try snapshot(build)["graph.json"]), as: UTF8.self)
        #expect(graph.contains("가장 작은 단위, 파드"))

        // And back to where it was.
        try LocalFileSystem().writeString(original, to: path)
        update = build.update(changedPaths: [path])
        #expect(!update.reassembled)
        #expect(differences(try snapshot(build), try fullBuild(work + "/site")) == [])
    }

    /// A concept page's snippets come from each note's own mentions: when an edit adds a
    /// mention before the others, the backlinks of the concepts it did not touch follow their
    /// mentions to their new places, so the next render of those pages still quotes the note.
    @Test func snippetsFollowTheirMentions() throws {
        let (work, build) = try makeSite()
        defer { TestSupport.cleanUp(work) }
        let pods = work + "/site/content/notes/pods.md"
        let text = String(decoding: try LocalFileSystem().readFile(at: pods), as: UTF8.self)
        // Helm, on the first line: the mention of deployments further down keeps its line and
        // snippet (it does not change) but moves back among the note's mentions.
        try LocalFileSystem().writeString(text.replacingOccurrences(of: "파드는 컨테이너를", with: "헬름으로 띄운 파드는 컨테이너를"), to: pods)
        var update = build.update(changedPaths: [pods])
        #expect(!update.hasErrors, "\(update.diagnostics)")
        #expect(differences(try snapshot(build), try fullBuild(work + "/site")) == [])
        // services.md starts mentioning deployments: their page is rendered again, quoting pods.md.
        let services = work + "/site/content/notes/services.md"
        let more = String(decoding: try LocalFileSystem().readFile(at: services), as: UTF8.self) + "\n\n디플로이먼트가 파드를 늘리면 서비스가 나눠 준다.\n"
        try LocalFileSystem().writeString(more, to: services)
        update = build.update(changedPaths: [services])
        #expect(update.changed.contains("concepts/deployment/index.html"), "\(update.changed)")
        #expect(differences(try snapshot(build), try fullBuild(work + "/site")) == [])
    }

    @Test func renamingAddingAndDeletingNotes() throws {
        let (work, build) = try makeSite()
        defer { TestSupport.cleanUp(work) }
        let fs = LocalFileSystem()
        // A new slug: the old page goes away, links to it (from services.md) follow.
        let pods = work + "/site/content/notes/pods.md"
        let text = String(decoding: try fs.readFile(at: pods), as: UTF8.self).replacingOccurrences(
            of: "---\ntitle:", with: "---\nslug: pod-basics\ntitle:")
        try fs.writeString(text, to: pods)
        var update = build.update(changedPaths: [pods])
        #expect(update.removed == ["notes/pods/index.html"])
        #expect(
            update.changed.sorted() == [
                "concepts/deployment/index.html", "concepts/pod/index.html", "index.html", "notes/index.html",
                "notes/pod-basics/index.html", "notes/services/index.html",
                "tags/기초/index.html", "tags/쿠버네티스/index.html",
            ])
        #expect(differences(try snapshot(build), try fullBuild(work + "/site")) == [])
        // A new note that links to another with a wikilink.
        let added = work + "/site/content/notes/new-note.md"
        try fs.writeString("---\ntitle: 새 노트\ndate: 2025-06-01\ntags: [쿠버네티스]\n---\n[[pod-basics]]를 보고 디플로이먼트를 다시 정리했다.\n", to: added)
        update = build.update(changedPaths: [added])
        #expect(
            update.changed.sorted() == [
                "concepts/deployment/index.html", "index.html", "notes/index.html", "notes/new-note/index.html", "tags/index.html",
                "tags/쿠버네티스/index.html",
            ])
        #expect(differences(try snapshot(build), try fullBuild(work + "/site")) == [])
        // Deleting it removes its page.
        try fs.removeItem(at: added)
        update = build.update(changedPaths: [added])
        #expect(update.removed == ["notes/new-note/index.html"])
        #expect(differences(try snapshot(build), try fullBuild(work + "/site")) == [])
    }

    /// Notes that push a list past a page make its next page; deleting them takes it away again.
    @Test func listPagesComeAndGoWithTheirEntries() throws {
        let (work, build) = try makeSite()
        defer { TestSupport.cleanUp(work) }
        let fs = LocalFileSystem()
        let many = (1...SiteRenderer.pageSize).map { work + "/site/content/notes/extra-\($0).md" }
        for (number, path) in many.enumerated() {
            try fs.writeString("---\ntitle: 추가 \(number)\ndate: 2025-07-01\n---\n본문\n", to: path)
        }
        var update = build.update(changedPaths: many)
        #expect(update.changed.contains("page/2/index.html"))
        #expect(update.changed.contains("notes/page/2/index.html"))
        #expect(differences(try snapshot(build), try fullBuild(work + "/site")) == [])
        // A new title, which moves the note in the title-ordered folder: only pages that show
        // something else are rendered, and the site is still what a full build makes.
        try fs.writeString("---\ntitle: 가장 먼저 올 제목\ndate: 2025-07-01\n---\n본문\n", to: many[SiteRenderer.pageSize - 1])
        update = build.update(changedPaths: [many[SiteRenderer.pageSize - 1]])
        #expect(differences(try snapshot(build), try fullBuild(work + "/site")) == [])
        for path in many { try fs.removeItem(at: path) }
        update = build.update(changedPaths: many)
        #expect(update.removed.contains("page/2/index.html"))
        #expect(update.removed.contains("notes/page/2/index.html"))
        #expect(differences(try snapshot(build), try fullBuild(work + "/site")) == [])
    }

    /// A retitled note that is not on a concept's or a tag's first page (50 entries) leaves
    /// those pages alone; one that is on them renders them again.
    @Test func firstPagesWithoutTheNoteAreLeftAlone() throws {
        let (work, build) = try makeSite()
        defer { TestSupport.cleanUp(work) }
        let fs = LocalFileSystem()
        // 60 notes that mention 파드 once, under one tag, older than the fixture's notes; the
        // last ones are on neither first page.
        let many = (1...60).map { work + "/site/content/notes/pod-\($0).md" }
        for (number, path) in many.enumerated() {
            try fs.writeString(
                "---\ntitle: 파드 \(number)\ndate: 2020-01-\(String(format: "%02d", number % 28 + 1))\ntags: [많음]\n---\n파드를 본다.\n", to: path)
        }
        _ = build.update(changedPaths: many)
        #expect(differences(try snapshot(build), try fullBuild(work + "/site")) == [])
        let oldest = many[0]  // 2020-01-02, among the last of the tag and the last of pod's backlinks
        try fs.writeString("---\ntitle: 새 제목\ndate: 2020-01-02\ntags: [많음]\n---\n파드를 본다.\n", to: oldest)
        let update = build.update(changedPaths: [oldest])
        // The note, the home page, its folder's pages, and the later pages of the home page, the
        // tag and 파드's backlinks that it is on: 7. Not the tag's and 파드's first pages, which
        // it is not on (rendering them too made 9).
        #expect(update.rendered == 7, "\(update.rendered)")
        #expect(!update.changed.contains("concepts/pod/index.html"), "\(update.changed)")
        #expect(!update.changed.contains("tags/많음/index.html"), "\(update.changed)")
        #expect(update.changed.contains("tags/많음/page/2/index.html"), "\(update.changed)")
        #expect(differences(try snapshot(build), try fullBuild(work + "/site")) == [])
    }

    @Test func errorsKeepTheLastGoodSiteUntilFixed() throws {
        let (work, build) = try makeSite()
        defer { TestSupport.cleanUp(work) }
        let fs = LocalFileSystem()
        let before = try snapshot(build)
        let path = work + "/site/content/notes/services.md"
        let original = String(decoding: try fs.readFile(at: path), as: UTF8.self)
        try fs.writeString("---\ntitle: [broken\n---\n" + original, to: path)
        let broken = build.update(changedPaths: [path])
        #expect(broken.hasErrors)
        #expect(broken.diagnostics.contains { $0.location?.file == "content/notes/services.md" && $0.severity == .error })
        #expect(try snapshot(build) == before)
        try fs.writeString(original.replacingOccurrences(of: "## ", with: "## 고친 뒤 "), to: path)
        let fixed = build.update(changedPaths: [path])
        #expect(!fixed.hasErrors)
        #expect(differences(try snapshot(build), try fullBuild(work + "/site")) == [])
    }

    @Test func glossaryAndTemplateChangesRebuildEverything() throws {
        let (work, build) = try makeSite()
        defer { TestSupport.cleanUp(work) }
        let fs = LocalFileSystem()
        let concept = work + "/site/content/glossary/pod.md"
        try fs.writeString(
            String(decoding: try fs.readFile(at: concept), as: UTF8.self).replacingOccurrences(of: "summary: ", with: "summary: (수정) "),
            to: concept)
        var update = build.update(changedPaths: [concept])
        #expect(update.full)
        #expect(differences(try snapshot(build), try fullBuild(work + "/site")) == [])
        let template = work + "/site/templates/note.mustache"
        try fs.writeString(String(decoding: try fs.readFile(at: template), as: UTF8.self) + "<!-- changed -->\n", to: template)
        update = build.update(changedPaths: [template])
        #expect(update.full)
        #expect(differences(try snapshot(build), try fullBuild(work + "/site")) == [])
    }

    /// Notes in folders, a folder page and the content folder's own index page (the home page's
    /// introduction): adding, editing and removing them in serve gives what a full build gives.
    @Test func folderPagesAndTheHomeIntroductionStayInStep() throws {
        let (work, build) = try makeSite()
        defer { TestSupport.cleanUp(work) }
        let fs = LocalFileSystem()
        let steps: [(String, String?)] = [
            ("content/README.md", "# 소개\n\n이 사이트는 파드 공부 노트다.\n"),
            ("content/course/section-01/README.md", "# 1장\n\n첫 장의 요약.\n"),
            ("content/course/section-01/intro.md", "# 시작하기\n\n[1장](README.md)과 [파드](../../notes/pods.md)를 본다.\n"),
            ("content/README.md", "# 소개\n\n서비스도 다룬다.\n"),
            ("content/course/section-01/README.md", nil),
            ("content/README.md", nil),
        ]
        for (path, text) in steps {
            let absolute = work + "/site/" + path
            if let text { try fs.writeString(text, to: absolute) } else { try fs.removeItem(at: absolute) }
            let update = build.update(changedPaths: [absolute])
            #expect(!update.hasErrors, "\(update.diagnostics)")
            #expect(
                differences(try snapshot(build), try fullBuild(work + "/site")) == [],
                "after \(text == nil ? "removing" : "writing") \(path)")
        }
        let files = try snapshot(build)
        #expect(files["course/section-01/intro/index.html"] != nil)
        // Without its README the folder still has a page: gongbu's list of its notes.
        #expect(String(decoding: try #require(files["course/section-01/index.html"]), as: UTF8.self).contains("시작하기"))
    }

    @Test func theHomeIntroductionIsShownOnTheHomePage() throws {
        let (work, build) = try makeSite()
        defer { TestSupport.cleanUp(work) }
        let path = work + "/site/content/README.md"
        try LocalFileSystem().writeString("# 소개\n\n처음 오신 분은 [파드](notes/pods.md)부터 읽으세요.\n", to: path)
        _ = build.update(changedPaths: [path])
        let home = String(decoding: try #require(try snapshot(build)["index.html"]), as: UTF8.self)
        #expect(home.contains("<div class=\"home-intro note-body\">"))
        #expect(home.contains("<a href=\"notes/pods/\">파드</a>"))
        #expect(!home.contains("<h2 class=\"note-card-title\"><a href=\"./\">"))
    }
}
