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
        #expect(content.notes.map(\.slug) == ["hello-node", "pods"])
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
        let content = load(["content/a/intro.md": "A", "content/b/intro.md": "B", "content/c.md": "---\nslug: Intro\n---\n"])
        #expect(
            content.diagnostics.map(\.description) == [
                "content/b/intro.md: error: note slug 'intro' is already used by content/a/intro.md; both would be published at notes/intro/ (set a different 'slug:' in one of them) [slug]",
                "content/c.md: error: note slug 'intro' is already used by content/a/intro.md; both would be published at notes/intro/ (set a different 'slug:' in one of them) [slug]",
            ])
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
        // The link inside the source is a note of its own; the one leading out and the loop are not.
        #expect(content.notes.map(\.path) == ["content/a.md", "content/inside.md"])
        #expect(
            content.diagnostics.map(\.description) == [
                "content/leak.md: warning: symbolic link points outside the source folder (to /elsewhere/secret.md); it is not followed [symlink]",
                "content/loop: warning: symbolic link leads to a folder that is already read (content); it is skipped, so the walk cannot loop [symlink]",
            ])
    }
}
