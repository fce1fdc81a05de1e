import GongbuCore
import Testing

@testable import Content

@Suite("Content loader")
struct ContentLoaderTests {
    func load(_ files: [String: String], drafts: Bool = false, setup: (InMemoryFileSystem) -> Void = { _ in }) -> LoadedContent {
        let fs = InMemoryFileSystem(files: files.reduce(into: [:]) { $0["/site/" + $1.key] = $1.value })
        setup(fs)
        return ContentLoader(fileSystem: fs, sourceRoot: "/site", excludedPaths: ["/site/public"], includeDrafts: drafts).load()
    }

    @Test func separatesNotesGlossaryAndStaticFiles() {
        let content = load([
            "content/notes/pods.md": "---\ntitle: 파드\n---\n본문",
            "content/2019-02-03-hello-node.md": "# Hello",
            "content/glossary/pod.md": "---\ntitle: 파드 (Pod)\n---\n",
            "content/notes/images/pod.png": "PNG",
            "content/.obsidian/workspace.json": "{}",
            "public/notes/old/index.html": "old",
            "gongbu.yml": "title: 테스트\n",
        ])
        #expect(content.diagnostics.isEmpty)
        #expect(content.config.title == "테스트")
        #expect(content.notes.map(\.slug) == ["hello-node", "notes/pods"])
        #expect(content.notes[0].date?.isoDay == "2019-02-03")
        #expect(content.notes[0].nameTitle == "hello-node")
        #expect(content.glossary.map(\.contentPath) == ["glossary/pod.md"])
        #expect(content.staticFiles.map(\.contentPath) == ["notes/images/pod.png"])
        #expect(content.notes[1].path == "content/notes/pods.md")
        #expect(content.notes[1].document.bodyStartLine == 4)
    }

    @Test func aFolderOfMarkdownIsReadAsNotes() {
        let content = load(["a.md": "A", "sub/b.md": "B", "templates/layout.mustache": "x", "public/index.html": "x"])
        #expect(content.contentFolder == ".")
        #expect(content.notes.map(\.path) == ["a.md", "sub/b.md"])
        #expect(content.staticFiles.isEmpty)
    }

    @Test func draftsAreSkippedUnlessAskedFor() {
        let files = ["content/d.md": "---\ndraft: true\n---\n", "content/p.md": "P"]
        #expect(load(files).notes.map(\.slug) == ["p"])
        #expect(load(files, drafts: true).notes.map(\.slug) == ["d", "p"])
    }

    @Test func duplicateSlugsNameBothFiles() {
        // Notes with one file name in two folders are two pages; a slug or url that lands on
        // another note's path is a real collision.
        let content = load([
            "content/a/intro.md": "A", "content/b/intro.md": "B", "content/a/c.md": "---\nslug: Intro\n---\n",
            "content/d.md": "---\nurl: /b/intro/\n---\n",
        ])
        #expect(content.notes.map(\.slug) == ["a/intro", "b/intro"])
        #expect(
            content.diagnostics.map(\.description) == [
                "content/a/intro.md: error: content/a/c.md and this note would both be published at a/intro/ (set a different 'slug:' or 'url:' in one of them) [slug]",
                "content/d.md: error: content/b/intro.md and this note would both be published at b/intro/ (set a different 'slug:' or 'url:' in one of them) [slug]",
            ])
    }

    /// URLs follow paths under the content folder: README, index and _index are their
    /// folder's page, `slug:` replaces the last segment and `url:`/`permalink:` the whole path.
    @Test(arguments: [
        ("content/k8s-basic/section-04/service.md", "", "k8s-basic/section-04/service"),
        ("content/k8s-basic/section-04/README.md", "", "k8s-basic/section-04"),
        ("content/education/_index.md", "", "education"),
        ("content/education/java/index.md", "", "education/java"),
        ("content/notes/pods.md", "slug: 파드 기초\n", "notes/파드-기초"),
        ("content/notes/pods.md", "url: /guides/pods/\n", "guides/pods"),
        ("content/notes/pods.md", "permalink: /a/../b/\n", "a/b"),
        ("content/Design Patterns/Adapter Pattern(어댑터).md", "", "design-patterns/adapter-pattern-어댑터"),
        ("content/2024-03-09-hello-node-lab.md", "", "hello-node-lab"),
        ("content/README.md", "", ""),
    ])
    func sitePathsFollowTheFolders(path: String, frontMatter: String, expected: String) {
        let text = frontMatter.isEmpty ? "본문\n" : "---\n" + frontMatter + "---\n본문\n"
        let content = load([path: text])
        #expect(content.notes.map(\.slug) == [expected], "\(content.diagnostics)")
    }

    @Test func hugoSitesKeepREADMEAsAPageAndSkipIgnoredFiles() {
        let content = load([
            "hugo.yaml": "title: 허고 노트\nbaseURL: https://example.org/notes/\nignoreFiles:\n  - \"CLAUDE\\\\.md$\"\n",
            "content/_index.md": "# 홈", "content/README.md": "# 읽어 보기", "content/java/CLAUDE.md": "지침",
            "content/java/_index.md": "# 자바", "content/java/01-basics.md": "# 기초",
        ])
        #expect(content.profile.kind == .hugo)
        #expect(content.config.title == "허고 노트")
        #expect(content.config.baseURL == "https://example.org/notes/")
        #expect(content.notes.map(\.slug) == ["readme", "", "java/01-basics", "java"])
        #expect(content.diagnostics == [])
    }

    @Test func aBrokenToolConfigIsAWarningAtItsPosition() {
        let content = load(["hugo.yaml": "title: [닫히지 않음\n", "content/a.md": "A"])
        #expect(content.profile.kind == .hugo)
        #expect(content.config.title == SiteConfig().title)
        #expect(content.diagnostics.map(\.rule) == ["config"])
        #expect(
            content.diagnostics.first?.description.hasPrefix("hugo.yaml:2:1: warning: hugo.yaml is not valid YAML") == true,
            "\(content.diagnostics)")
        #expect(content.notes.map(\.slug) == ["a"])
    }

    @Test func otherToolsFoldersAreNotNotes() {
        let content = load([
            "a.md": "A", "node_modules/pkg/README.md": "x", "_site/old.md": "x", "sub/node_modules/x.md": "x",
            "_config.yml": "title: 블로그\nexclude: [\"private\", \"*.tmp.md\"]\n", "_layouts/post.md": "x", "_drafts/draft.md": "x",
            "private/secret.md": "x", "notes/scratch.tmp.md": "x", "index.html": "---\nlayout: home\n---\n", "assets/site.css": "x",
        ])
        #expect(content.profile.kind == .jekyll)
        #expect(content.config.title == "블로그")
        #expect(content.notes.map(\.path) == ["a.md"])
        #expect(content.staticFiles.map(\.contentPath) == ["assets/site.css"])
    }

    @Test func gongbuConfigExcludesGlobs() {
        let content = load([
            "gongbu.yml": "exclude: [\"content/drafts/**\", \"*.private.md\"]\n", "content/a.md": "A",
            "content/drafts/b.md": "B", "content/notes/c.private.md": "C", "content/notes/d.md": "D",
        ])
        #expect(content.config.exclude == ["content/drafts/**", "*.private.md"])
        #expect(content.notes.map(\.path) == ["content/a.md", "content/notes/d.md"])
    }

    @Test(arguments: [
        ("drafts/**", "drafts/a/b.md", true), ("drafts/**", "drafts", true), ("*.tmp.md", "x/y.tmp.md", true),
        ("CLAUDE.md", "java/CLAUDE.md", true), ("private", "private/secret.md", true), ("private", "notes/private-ish.md", false),
        ("/docs/*.md", "docs/a.md", true), ("docs/*.md", "other/docs/a.md", false),
    ])
    func excludeGlobs(glob: String, path: String, expected: Bool) {
        #expect(SourceProfile.matches(glob: glob, path) == expected)
    }

    @Test func invalidUTF8IsAnErrorWithByteOffset() {
        let fs = InMemoryFileSystem()
        try? fs.writeFile(Array("ok\n".utf8) + [0xC3, 0x28], to: "/site/content/bad.md")
        let content = ContentLoader(fileSystem: fs, sourceRoot: "/site").load()
        #expect(
            content.diagnostics.map(\.description) == [
                "content/bad.md:2:1: error: invalid UTF-8 at byte offset 3; the file must be saved as UTF-8 [encoding]"
            ])
        #expect(content.notes.isEmpty)
    }

    @Test func emojiOnlyNamesGetAFallbackSlugAndAWarning() {
        let content = load(["content/🚀.md": "text"])
        #expect(content.notes.map(\.slug) == ["note-be486585"])
        #expect(
            content.diagnostics.map(\.description) == [
                "content/🚀.md: warning: '🚀' has no letters or digits to make a URL from; the note is published as 'note-be486585' (set 'slug:' in the front matter to choose) [slug]"
            ])
    }

    @Test func decomposedFileNamesBecomeNFC() {
        let content = load(["content/\u{1111}\u{1161}\u{1103}\u{1173}.md": "본문"])
        #expect(content.notes.first?.slug == "파드")
        #expect(content.notes.first?.slug.unicodeScalars.count == 2)
    }

    @Test func symlinksOutsideTheSourceAreNotFollowed() {
        let content = load(["content/a.md": "A", "../secret.md": ""]) { fs in
            try? fs.writeString("secret", to: "/elsewhere/secret.md")
            fs.addSymbolicLink(at: "/site/content/leak.md", pointingTo: "/elsewhere/secret.md")
            fs.addSymbolicLink(at: "/site/content/loop", pointingTo: "/site/content")
            fs.addSymbolicLink(at: "/site/content/inside.md", pointingTo: "/site/content/a.md")
        }
        // The link inside the source shows the same note: one page, and the link's path is a
        // redirect to it; the link leading out and the loop are not followed.
        #expect(content.notes.map(\.path) == ["content/a.md"])
        #expect(content.notes.first?.metadata.aliases == ["/inside/"])
        #expect(content.notes.first?.linkedPaths == ["inside.md"])
        #expect(
            content.diagnostics.map(\.description) == [
                "content/leak.md: warning: symbolic link points outside the source folder (to /elsewhere/secret.md); it is not followed [symlink]",
                "content/loop: warning: symbolic link leads to a folder that is already read (content); it is skipped, so the walk cannot loop [symlink]",
            ])
    }
}
