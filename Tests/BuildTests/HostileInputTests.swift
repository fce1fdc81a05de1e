import Build
import Content
import Foundation
import GongbuCore
import GongbuTestSupport
import Site
import Testing
import Write

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A throwaway site on disk built from a table of files.
struct ScratchSite {
    let root: String
    var output: String { root + "/public" }

    init(_ files: [String: [UInt8]], glossary: Bool = true) throws {
        root = TestSupport.temporaryFolder("gongbu-hostile")
        let fs = LocalFileSystem()
        if glossary {
            try fs.writeString(
                "---\ntitle: 파드 (Pod)\naliases: [파드, Pod, Pods]\nsummary: 컨테이너를 묶는 가장 작은 배포 단위\nrelated: [node]\n---\n파드 설명\n",
                to: root + "/content/glossary/pod.md")
            try fs.writeString(
                "---\ntitle: 노드 (Node)\naliases: [노드, Node]\nsummary: 파드가 실행되는 머신\nrelated: [pod]\nnot: [Node.js]\n---\n노드 설명\n",
                to: root + "/content/glossary/node.md")
        }
        for (path, bytes) in files { try fs.writeFile(bytes, to: root + "/" + path) }
    }

    init(text files: [String: String], glossary: Bool = true) throws {
        try self.init(files.mapValues { Array($0.utf8) }, glossary: glossary)
    }

    /// `strict`: problems in manifest examples are errors, as `gongbu build --strict` makes them.
    func build(strict: Bool = false) -> BuildReport {
        TestBuild.run(source: root, output: output) { $0.strict = strict }
    }

    func page(_ path: String) -> String? {
        (try? LocalFileSystem().readFile(at: output + "/" + path)).map { String(decoding: $0, as: UTF8.self) }
    }

    func remove() { TestSupport.cleanUp(root) }
}

extension BuildReport {
    var errorLines: [String] { diagnostics.errors.map { $0.description } }
    var warningLines: [String] { diagnostics.warnings.map { $0.description } }
}

@Suite("Hostile input: encodings and bytes")
struct HostileEncodingTests {
    @Test func byteOrderMarkBeforeFrontMatter() throws {
        let site = try ScratchSite([
            "content/notes/bom.md": [0xEF, 0xBB, 0xBF] + Array("---\ntitle: BOM 노트\ntags: [a]\n---\n파드를 만든다.\n".utf8)
        ])
        defer { site.remove() }
        let report = site.build()
        #expect(report.errorLines.isEmpty, "\(report.errorLines)")
        let page = try #require(site.page("notes/bom/index.html"))
        #expect(page.contains("<h1 class=\"note-title\">BOM 노트</h1>"))
        #expect(page.contains("data-concept=\"pod\""))
    }

    @Test(arguments: ["\r\n", "\r"])
    func windowsAndOldMacLineEndings(newline: String) throws {
        let text = [
            "---", "title: 줄바꿈", "tags: [a, b]", "---", "# 제목", "", "파드가 뜬다.", "둘째 줄", "", "```yaml", "apiVersion: v1", "kind: Namespace",
            "metadata:", "  name: demo", "```", "",
        ].joined(separator: newline)
        let site = try ScratchSite(text: ["content/notes/eol.md": text])
        defer { site.remove() }
        let report = site.build()
        #expect(report.errorLines.isEmpty, "\(report.errorLines)")
        let page = try #require(site.page("notes/eol/index.html"))
        #expect(page.contains("<h1 class=\"note-title\">줄바꿈</h1>"))
        #expect(page.contains("href=\"../../tags/b/\""))
        #expect(report.examples == 1)
        #expect(!page.contains("\r"))
    }

    @Test func decomposedHangulInNamesAndText() throws {
        let nfdName = "파드-노트".decomposedStringWithCanonicalMapping
        let nfdText =
            "---\ntitle: 분해된 한글\ntags: [\("쿠버네티스".decomposedStringWithCanonicalMapping)]\n---\n\("파드를".decomposedStringWithCanonicalMapping) 만든다.\n"
        #expect(nfdName.unicodeScalars.count > 5)
        let site = try ScratchSite(text: ["content/notes/\(nfdName).md": nfdText])
        defer { site.remove() }
        let report = site.build()
        #expect(report.errorLines.isEmpty, "\(report.errorLines)")
        let page = try #require(site.page("notes/파드-노트/index.html"), "the slug must be NFC")
        #expect(
            page.contains("<a class=\"concept\" data-concept=\"pod\" href=\"../../concepts/pod/\" title=\"컨테이너를 묶는 가장 작은 배포 단위\">파드</a>를"))
        #expect(site.page("tags/쿠버네티스/index.html") != nil)
    }

    @Test func nulBytesAreReportedAndReplaced() throws {
        let site = try ScratchSite(["content/notes/zero.md": Array("---\ntitle: 널\n---\n앞\u{0}뒤 파드\n".utf8)])
        defer { site.remove() }
        let report = site.build()
        #expect(report.errorLines.isEmpty, "\(report.errorLines)")
        #expect(
            report.warningLines.contains { $0.hasPrefix("content/notes/zero.md:4:2: warning:") && $0.contains("NUL") },
            "\(report.warningLines)")
        let page = try #require(site.page("notes/zero/index.html"))
        #expect(!page.utf8.contains(0))
        #expect(page.contains("앞\u{FFFD}뒤"))
    }

    @Test func invalidUTF8FailsTheBuildNamingTheByte() throws {
        var bytes = Array("---\ntitle: 깨짐\n---\n정상 ".utf8)
        let offset = bytes.count
        bytes += [0xC3, 0x28] + Array(" 다음\n".utf8)
        let site = try ScratchSite(["content/notes/bad.md": bytes, "content/notes/good.md": Array("괜찮은 노트\n".utf8)])
        defer { site.remove() }
        let report = site.build()
        #expect(
            report.errorLines.contains { $0.hasPrefix("content/notes/bad.md:4:") && $0.contains("byte offset \(offset)") },
            "\(report.errorLines)")
        #expect(!report.wroteOutput)
    }

    @Test(.tags(.slow), .skippedWhenQuick) func aLineOfSeveralMegabytes() throws {
        let line = String(repeating: "파드가 노드에서 실행된다 ", count: 150_000)  // ~4.8 MB, no newline
        let site = try ScratchSite(text: ["content/notes/long.md": "---\ntitle: 긴 줄\n---\n" + line])
        defer { site.remove() }
        let report = site.build()
        #expect(report.errorLines.isEmpty, "\(report.errorLines)")
        let page = try #require(site.page("notes/long/index.html"))
        #expect(page.utf8.count > line.utf8.count)
        let concept = try #require(site.page("concepts/pod/index.html"))
        // The backlink snippet is a short window, not the whole line.
        #expect(concept.utf8.count < 100_000)
    }

    /// Notes pasted into one file: thousands of repeated headings, Services and Deployments
    /// with one selector each. Every cross-example check and heading id used to walk all the
    /// earlier ones (a 50 MB note took six minutes); the benchmark script builds the 50 MB
    /// note (`--big-note 50`), this builds 4 MB of the same shape in the test run.
    @Test(.tags(.slow), .skippedWhenQuick) func aNoteOfManyMegabytesWithThousandsOfExamples() throws {
        var note = "---\ntitle: 큰 노트\n---\n"
        var sections = 0
        while note.utf8.count < 4_000_000 {
            note += """

                ## 매니페스트 예제

                파드를 띄우고 서비스로 묶는다. Deployment는 레플리카셋을 만들고, 레플리카셋이 파드를 만든다. \(sections)번째 실습이다.

                ```yaml
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web-\(sections)
                spec:
                  selector:
                    matchLabels:
                      app: web-\(sections)
                  template:
                    metadata:
                      labels:
                        app: web-\(sections)
                    spec:
                      containers:
                        - name: web
                          image: nginx:1.27
                          ports:
                            - name: http
                              containerPort: 80
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: web-\(sections)
                spec:
                  selector:
                    app: web-\(sections)
                  ports:
                    - port: 80
                      targetPort: http
                ```

                """
            sections += 1
        }
        let site = try ScratchSite(text: ["content/notes/big.md": note])
        defer { site.remove() }
        let clock = ContinuousClock()
        var report = BuildReport()
        let elapsed = clock.measure { report = site.build() }
        #expect(report.errorLines.isEmpty, "\(report.errorLines.prefix(5))")
        #expect(report.warningLines.filter { $0.contains("big.md") }.isEmpty, "\(report.warningLines.prefix(5))")
        #expect(report.examples == sections)
        let page = try #require(site.page("notes/big/index.html"))
        #expect(page.contains("id=\"매니페스트-예제-\(sections - 1)\""))
        #expect(page.contains("\(sections - 1)번째 실습이다."))
        // Linear work: about 8,000 sections in a few seconds even in a debug build (quadratic
        // checks took minutes at this size).
        #expect(elapsed < .seconds(60), "\(elapsed)")
    }
}

@Suite("Hostile input: structure")
struct HostileStructureTests {
    @Test func unterminatedFrontMatterIsAnErrorAtLineOne() throws {
        let site = try ScratchSite(text: ["content/notes/open.md": "---\ntitle: 닫지 않음\n\n본문\n"])
        defer { site.remove() }
        let report = site.build()
        #expect(report.errorLines.contains { $0.hasPrefix("content/notes/open.md:1:1: error:") }, "\(report.errorLines)")
    }

    @Test func tabsInFrontMatterPointAtTheTab() throws {
        let site = try ScratchSite(text: ["content/notes/tab.md": "---\ntitle: 탭\ntags:\n\t- a\n---\n본문\n"])
        defer { site.remove() }
        let report = site.build()
        #expect(
            report.errorLines.contains { $0.hasPrefix("content/notes/tab.md:4:") && $0.lowercased().contains("tab") },
            "\(report.errorLines)")
    }

    @Test func knownKeysWithTheWrongTypeAreWarningsAtTheKey() throws {
        let site = try ScratchSite(
            text: ["content/notes/types.md": "---\ntitle: [x]\ndate: 42\ntags: {a: 1}\n---\n본문 파드\n"], glossary: false)
        defer { site.remove() }
        let report = site.build()
        #expect(report.errorLines.isEmpty, "\(report.errorLines)")
        #expect(
            report.warningLines == [
                "content/notes/types.md:2:1: warning: front matter key 'title' should be text, found a list; it is ignored [front-matter]",
                "content/notes/types.md:3:1: warning: front matter key 'date' should be a date such as 2024-03-02, found a number; it is ignored [front-matter]",
                "content/notes/types.md:4:1: warning: front matter key 'tags' should be a list of words or one word, found a mapping; it is ignored [front-matter]",
            ])
        // Fallbacks: the first line of text becomes the title, and the note has no date and no tags.
        let page = try #require(site.page("notes/types/index.html"))
        #expect(page.contains("<h1 class=\"note-title\">본문 파드</h1>"))
        #expect(!page.contains("<time"))
        #expect(!page.contains("class=\"tag\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.output + "/tags") == ["index.html"])
    }

    @Test func emptyFilesAndFilesWithOnlyFrontMatter() throws {
        let site = try ScratchSite(text: ["content/notes/empty.md": "", "content/notes/only.md": "---\ntitle: 머리만\n---\n"])
        defer { site.remove() }
        let report = site.build()
        #expect(report.errorLines.isEmpty, "\(report.errorLines)")
        #expect(site.page("notes/empty/index.html")?.contains("<h1 class=\"note-title\">empty</h1>") == true)
        #expect(site.page("notes/only/index.html")?.contains("<h1 class=\"note-title\">머리만</h1>") == true)
    }

    @Test func thousandsOfHeadings() throws {
        let text = (1...3000).map { "## 파드 \($0 % 10)\n\n문단 \($0)\n" }.joined(separator: "\n")
        let site = try ScratchSite(text: ["content/notes/headings.md": "---\ntitle: 제목 많음\n---\n" + text])
        defer { site.remove() }
        let report = site.build()
        #expect(report.errorLines.isEmpty, "\(report.errorLines)")
        let page = try #require(site.page("notes/headings/index.html"))
        // Repeated heading texts get unique ids.
        #expect(page.contains("id=\"파드-0\""))
        #expect(page.contains("id=\"파드-0-299\""))
    }

    @Test func nestingThousandsDeep() throws {
        let quotes = String(repeating: ">", count: 5000) + " 깊은 인용 파드\n"
        let lists = (0..<3000).map { String(repeating: "  ", count: $0) + "- 항목 \($0)" }.joined(separator: "\n")
        let site = try ScratchSite(text: ["content/notes/quotes.md": quotes, "content/notes/lists.md": lists])
        defer { site.remove() }
        let report = site.build()
        #expect(report.errorLines.isEmpty, "\(report.errorLines)")
        #expect(site.page("notes/quotes/index.html")?.contains("깊은 인용") == true)
        #expect(site.page("notes/lists/index.html")?.contains("항목 2999") == true)
    }
}

@Suite("Hostile input: YAML hazards")
struct HostileYAMLTests {
    static let bomb = """
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        """

    @Test func aliasBombInFrontMatterNamesTheLimit() throws {
        let site = try ScratchSite(text: ["content/notes/bomb.md": "---\ntitle: 폭탄\n\(Self.bomb)\n---\n본문\n"])
        defer { site.remove() }
        let report = site.build()
        #expect(report.errorLines.contains { $0.hasPrefix("content/notes/bomb.md:") && $0.contains("limit") }, "\(report.errorLines)")
    }

    @Test func aliasBombInAManifestNamesTheLimit() throws {
        let site = try ScratchSite(text: [
            "content/notes/bomb.md": "# 폭탄\n\n```yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  x: y\nextra:\n"
                + Self.bomb.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n```\n"
        ])
        defer { site.remove() }
        let report = site.build(strict: true)
        #expect(report.errorLines.contains { $0.hasPrefix("content/notes/bomb.md:") && $0.contains("limit") }, "\(report.errorLines)")
    }

    @Test func deepNestingInFrontMatterAndManifests() throws {
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        let site = try ScratchSite(text: [
            "content/notes/deep.md": "---\ntitle: 깊음\nx: \(deep)\n---\n본문\n",
            "content/notes/deep-manifest.md":
                "# 깊은 매니페스트\n\n```yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: \(deep)\n```\n",
        ])
        defer { site.remove() }
        let report = site.build(strict: true)
        #expect(
            report.errorLines.contains { $0.hasPrefix("content/notes/deep.md:3:") && $0.contains("deeper than the limit of") },
            "\(report.errorLines)")
        #expect(
            report.errorLines.contains { $0.hasPrefix("content/notes/deep-manifest.md:8:") && $0.contains("deeper than the limit of") },
            "\(report.errorLines)")
    }

    @Test func hugeScalarsNameTheSizeLimit() throws {
        let huge = String(repeating: "가", count: 2_000_000)  // 6 MB
        let site = try ScratchSite(text: [
            "content/notes/huge.md": "---\ntitle: 큼\nsummary: \(huge)\n---\n본문\n",
            "content/notes/huge-manifest.md":
                "# 큰 매니페스트\n\n```yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  x: \(huge)\n```\n",
        ])
        defer { site.remove() }
        let report = site.build(strict: true)
        #expect(report.errorLines.contains { $0.hasPrefix("content/notes/huge.md:") && $0.contains("limit") }, "\(report.errorLines)")
        #expect(
            report.errorLines.contains { $0.hasPrefix("content/notes/huge-manifest.md:") && $0.contains("limit") }, "\(report.errorLines)")
    }
}

final class OnceFlag: @unchecked Sendable {
    private var taken = false
    private let lock = NSLock()
    func take() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        defer { taken = true }
        return !taken
    }
}

@Suite("Hostile input: the file system")
struct HostileFileSystemTests {
    @Test func symlinkLoopsFinishWithAWarning() throws {
        let site = try ScratchSite(text: ["content/notes/a.md": "파드 노트\n"])
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/notes/loop", withDestinationPath: site.root + "/content")
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/self", withDestinationPath: "self")
        let report = site.build()
        #expect(report.errorLines.isEmpty, "\(report.errorLines)")
        #expect(report.warningLines.contains { $0.hasPrefix("content/notes/loop:") }, "\(report.warningLines)")
        #expect(site.page("notes/a/index.html") != nil)
    }

    /// A folder's README linking to its map-of-content note is one page: at the folder's URL
    /// (the folder's section shows it), with the note's own URL redirecting there.
    @Test func aSymlinkedNoteIsOnePageAtBothURLs() throws {
        let site = try ScratchSite(
            text: [
                "content/study/k8s_moc.md": "# 쿠버네티스 지도\n\n[오늘](today.md)\n",
                "content/study/today.md": "# 오늘\n\n[지도](k8s_moc.md) 와 [폴더](README.md)\n",
            ], glossary: false)
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/study/README.md", withDestinationPath: "k8s_moc.md")
        let report = site.build()
        #expect(report.errorLines.isEmpty, "\(report.errorLines)")
        #expect(report.warningLines.isEmpty, "\(report.warningLines)")
        let folder = try #require(site.page("study/index.html"))
        #expect(folder.contains("쿠버네티스 지도"))
        let redirect = try #require(site.page("study/k8s_moc/index.html"))
        #expect(redirect.contains("http-equiv=\"refresh\""), "\(redirect)")
        // Links to either path reach the one page.
        let today = try #require(site.page("study/today/index.html"))
        #expect(today.contains("<a href=\"../../study/\">지도</a> 와 <a href=\"../../study/\">폴더</a>"), "\(today)")
        let graph = try #require(site.page("graph.json"))
        #expect(graph.components(separatedBy: "쿠버네티스 지도").count == 2, "one note in the graph")
    }

    @Test func symlinksOutOfTheSourceAreNotFollowed() throws {
        let outside = TestSupport.temporaryFolder("gongbu-outside")
        defer { TestSupport.cleanUp(outside) }
        try LocalFileSystem().writeString("---\ntitle: 비밀\n---\n밖의 파일\n", to: outside + "/secret.md")
        let site = try ScratchSite(text: ["content/notes/a.md": "파드 노트\n"])
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: site.root + "/content/notes/secret.md", withDestinationPath: outside + "/secret.md")
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/notes/dir", withDestinationPath: outside)
        let report = site.build()
        #expect(report.warningLines.filter { $0.contains("outside") }.count == 2, "\(report.warningLines)")
        #expect(site.page("notes/secret/index.html") == nil)
    }

    @Test func unreadableFilesAndFoldersAreNamed() {
        let fs = InMemoryFileSystem(files: [
            "/site/content/notes/ok.md": "괜찮음\n",
            "/site/content/notes/locked.md": "잠김\n",
            "/site/content/private/inside.md": "폴더 안\n",
        ])
        fs.makeUnreadable("/site/content/notes/locked.md")
        fs.makeUnreadable("/site/content/private")
        let report = TestSupport.build(source: "/site", output: "/site/public", fileSystem: fs)
        #expect(
            report.errorLines.contains { $0.hasPrefix("content/notes/locked.md: error: cannot read file: Permission denied") },
            "\(report.errorLines)")
        #expect(report.warningLines.contains { $0.hasPrefix("content/private: warning: cannot read folder") }, "\(report.warningLines)")
        #expect(!report.wroteOutput)
    }

    @Test func filesThatDisappearOrChangeDuringTheBuild() {
        let fs = InMemoryFileSystem(files: [
            "/site/content/notes/stays.md": "남는 노트\n",
            "/site/content/notes/gone.md": "사라질 노트\n",
            "/site/content/notes/changes.md": "---\ntitle: 옛 제목\n---\n옛 본문\n",
        ])
        let once = OnceFlag()
        fs.beforeRead = { path in
            if path.hasSuffix("gone.md") { try? fs.removeItem(at: path) }
            if path.hasSuffix("changes.md"), once.take() {
                try? fs.writeString("---\ntitle: 새 제목\n---\n새 본문\n", to: path)
            }
        }
        let report = TestSupport.build(source: "/site", output: "/site/public", fileSystem: fs)
        #expect(report.errorLines.isEmpty, "\(report.errorLines)")
        #expect(
            report.warningLines.contains { $0.hasPrefix("content/notes/gone.md: warning: the file disappeared") }, "\(report.warningLines)")
        let page = fs.textFiles(under: "/site/public")["notes/changes/index.html"] ?? ""
        #expect(page.contains("새 제목") && page.contains("새 본문"))
        #expect(fs.textFiles(under: "/site/public")["notes/gone/index.html"] == nil)
        #expect(fs.textFiles(under: "/site/public")["notes/stays/index.html"] != nil)
    }

    /// The walk, reads and slug checks stay linear: 100,000 notes in 100 folders (in memory, so
    /// the test measures gongbu rather than the disk; the benchmark script builds such a site).
    @Test(.tags(.slow), .skippedWhenQuick) func aHundredThousandSmallNotesLoad() throws {
        var files: [String: String] = [:]
        for folder in 0..<100 {
            for note in 0..<1000 {
                files["/site/content/notes/\(folder)/n\(folder)-\(note).md"] = "# 노트 \(folder)-\(note)\n\n파드 \(note)\n"
            }
        }
        files["/site/content/notes/0/dup.md"] = "중복\n"
        files["/site/content/notes/1/dup.md"] = "---\nurl: /notes/0/dup/\n---\n중복\n"
        let fs = InMemoryFileSystem(files: files)
        let started = ContinuousClock.now
        let content = ContentLoader(fileSystem: fs, sourceRoot: "/site").load()
        #expect(content.notes.count == 100_001)
        #expect(
            content.diagnostics.map(\.description) == [
                "content/notes/1/dup.md: error: content/notes/0/dup.md and this note would both be published at notes/0/dup/ (set a different 'slug:' or 'url:' in one of them) [slug]"
            ])
        #expect(ContinuousClock.now - started < .seconds(60))
    }
}

@Suite("Hostile input: output paths")
struct HostileOutputPathTests {
    /// Everything beside the output folder after a build: only gongbu's own folders may appear.
    func siblings(of site: ScratchSite) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.root).sorted()
    }

    @Test func slugsAndTagsCannotEscapeTheOutputFolder() throws {
        let hostile = [
            "../../escape", "/etc/passwd", "a\\\\b", "..", ".", "CON", "nul", "aux.txt", "com1", "lpt9", "x\\u0000y", "%2e%2e%2fup",
            "~/home", "C:\\\\Windows",
        ]
        var files: [String: String] = [:]
        for (number, slug) in hostile.enumerated() {
            files["content/notes/n\(number).md"] =
                "---\ntitle: 노트 \(number)\nslug: \"\(slug)\"\ntags: [\"\(slug)\", \"t\(number)\"]\n---\n본문\n"
        }
        let site = try ScratchSite(text: files, glossary: false)
        defer { site.remove() }
        let before = try siblings(of: site)
        let report = site.build()
        // Every slug is made safe: the build succeeds, and the two with nothing left to make a
        // URL from are published under a fallback name with a warning naming the note.
        #expect(report.errorLines.isEmpty, "\(report.errorLines)")
        #expect(report.wroteOutput)
        #expect(
            report.warningLines.filter { $0.contains("has no letters or digits") } == [
                "content/notes/n3.md: warning: '..' has no letters or digits to make a URL from; the note is published as 'note-dc718be3' (set 'slug:' in the front matter to choose) [slug]",
                "content/notes/n4.md: warning: '.' has no letters or digits to make a URL from; the note is published as 'note-6b329240' (set 'slug:' in the front matter to choose) [slug]",
            ])
        // Nothing appears beside the output folder, and inside it only the pages of safe names.
        #expect(try siblings(of: site) == (before + ["public"]).sorted())
        #expect(!FileManager.default.fileExists(atPath: site.root + "/../escape"))
        let written = TestSupport.snapshot(site.output).keys
        let safeNames = ["2e2e2fup", "a-b", "aux-txt", "c-windows", "com1_", "con_", "escape", "etc-passwd", "home", "lpt9_", "nul_", "xy"]
        #expect(
            written.filter { $0.hasPrefix("notes/") }.sorted()
                == ((safeNames + ["note-6b329240", "note-dc718be3"]).map { "notes/\($0)/index.html" } + ["notes/index.html"]).sorted())
        #expect(
            written.filter { $0.hasPrefix("tags/") }.sorted()
                == ((safeNames + ["tag-2b0c98f1", "tag-a3d4a70d"] + (0..<hostile.count).map { "t\($0)" }).map { "tags/\($0)/index.html" }
                + ["tags/index.html"]).sorted())
        for path in written {
            #expect(OutputFile.problem(with: path) == nil, "\(path)")
            let segments = path.split(separator: "/").map { $0.lowercased() }
            for reserved in ["con", "nul", "aux", "com1", "lpt9", "prn"] {
                #expect(!segments.contains(reserved) && !segments.contains { $0.hasPrefix(reserved + ".") }, "\(path)")
            }
        }
    }

    @Test func collidingSlugsAndTagsNameBothSources() throws {
        let site = try ScratchSite(text: [
            "content/notes/a.md": "---\ntitle: 가\nslug: same\ntags: [C++]\n---\n본문\n",
            "content/notes/a2.md": "---\ntitle: 가2\nslug: Same\n---\n본문\n",
            "content/notes/b.md": "---\ntitle: 나\ntags: [\"C#\"]\n---\n본문\n",
            "content/notes/c.md": "---\ntitle: 다\ntags: [Rolling Update, rolling-update]\n---\n본문\n",
        ])
        defer { site.remove() }
        let report = site.build()
        #expect(
            report.errorLines.contains { $0.hasPrefix("content/notes/a2.md:") && $0.contains("content/notes/a.md") && $0.contains("slug") },
            "\(report.errorLines)")
        #expect(
            report.errorLines.contains {
                $0.hasPrefix("content/notes/b.md:") && $0.contains("'C#'") && $0.contains("'C++'") && $0.contains("content/notes/a.md")
            },
            "\(report.errorLines)")
        #expect(!report.errorLines.contains { $0.contains("Rolling") || $0.contains("rolling") }, "case and hyphens make one tag")
        #expect(!report.wroteOutput)
    }
}

@Suite("Hostile input: markup")
struct HostileMarkupTests {
    static let attack = "<script>alert(1)</script>"

    @Test func rawHTMLIsDroppedUnlessTheSiteOptsIn() throws {
        let note = """
            # 위험한 HTML

            <script>alert(1)</script>
            <iframe src="https://evil.example"></iframe>
            <svg onload="alert(1)"><circle/></svg>

            문단 <img src=x onerror="alert(1)"> 과 <a href="#" onclick="alert(1)">링크</a>.
            """
        for optIn in [false, true] {
            let site = try ScratchSite(text: ["content/notes/html.md": note, "gongbu.yml": "title: 시험\nunsafe_html: \(optIn)\n"])
            defer { site.remove() }
            let report = site.build()
            #expect(report.errorLines.isEmpty, "\(report.errorLines)")
            let page = try #require(site.page("notes/html/index.html"))
            let body = String(page[page.range(of: "<div class=\"note-body\">")!.lowerBound...])
            for needle in ["<script>alert", "<iframe", "onload=", "onerror=", "onclick="] {
                #expect(body.contains(needle) == optIn, "\(needle) with unsafe_html: \(optIn)")
            }
            #expect(ActiveContentScan.findings(inHTML: page).isEmpty != optIn, "\(ActiveContentScan.findings(inHTML: page))")
            if !optIn { #expect(report.warningLines.contains { $0.contains("raw HTML") }, "\(report.warningLines)") }
        }
    }

    /// What authors really paste (Notion callouts, centred image credits, folded answers with
    /// Markdown inside, keyboard keys): kept, with its text, and its local URLs resolved.
    @Test func safeHTMLIsKeptWithItsTextAndLocalURLs() throws {
        let note = """
            # 붙여 넣은 HTML

            <aside>
            💡 질문: 파드는 왜 필요할까?
            </aside>

            <p align="center"><img src="images/arch.png" width="500"><br>출처: 공식 문서</p>

            <details>
            <summary>정답 보기</summary>

            파드는 **가장 작은** 배포 단위다.

            </details>

            복사는 <kbd>Ctrl</kbd>+<kbd>C</kbd>, 그림은 <img src="images/없음.png">, 영상은 <iframe src="https://youtube.com/embed/x"></iframe>.
            """
        let site = try ScratchSite([
            "content/notes/html.md": Array(note.utf8), "content/notes/images/arch.png": [0x89, 0x50, 0x4E, 0x47],
        ])
        defer { site.remove() }
        let report = site.build()
        #expect(report.errorLines.isEmpty, "\(report.errorLines)")
        let page = try #require(site.page("notes/html/index.html"))
        #expect(page.contains("<aside>\n💡 질문: 파드는 왜 필요할까?\n</aside>"))
        #expect(page.contains("<p class=\"align-center\"><img src=\"../../notes/images/arch.png\" width=\"500\"><br>출처: 공식 문서</p>"))
        #expect(page.contains("<details>\n<summary>정답 보기</summary>"))
        #expect(page.contains("<strong>가장 작은</strong>"))
        #expect(page.contains("</details>"))
        #expect(page.contains("<kbd>Ctrl</kbd>+<kbd>C</kbd>"))
        #expect(!page.contains("<iframe") && !page.contains("raw HTML omitted"))
        #expect(ActiveContentScan.findings(inHTML: page).isEmpty, "\(ActiveContentScan.findings(inHTML: page))")
        #expect(
            report.warningLines == [
                "content/glossary/node.md: warning: no note mentions the concept 'node'; add it to a note or check its aliases [glossary-unused]",
                "content/notes/html.md:16:51: warning: image 'images/없음.png' does not exist in the content folder [missing-file]",
                "content/notes/html.md:16:92: warning: raw HTML: <iframe> removed (the site keeps only safe HTML; its text stays); set 'unsafe_html: true' in gongbu.yml to publish it as written [raw-html]",
            ])
        // The text inside the HTML is searchable.
        let terms = (0..<200).compactMap { site.page("search/terms-\($0).json") }.joined()
        #expect(terms.contains("\"질문"))
    }

    @Test func dangerousURLsInAnyCaseAreRemoved() throws {
        let urls = [
            "javascript:alert(1)", "JaVaScRiPt:alert(1)", "vbscript:msgbox(1)", "VBSCRIPT:x", "data:text/html;base64,PHNjcmlwdD4=",
            "DATA:text/html,<script>alert(1)</script>", " javascript:alert(1)", "java&#x09;script:alert(1)", "&#106;avascript:alert(1)",
        ]
        let body = urls.enumerated().map { "[링크 \($0.offset)](\($0.element)) ![그림 \($0.offset)](\($0.element))" }.joined(separator: "\n\n")
        let site = try ScratchSite(text: ["content/notes/urls.md": "# 링크\n\n" + body + "\n"])
        defer { site.remove() }
        let report = site.build()
        #expect(report.errorLines.isEmpty, "\(report.errorLines)")
        let page = try #require(site.page("notes/urls/index.html")).lowercased()
        for scheme in ["javascript:", "vbscript:", "data:text/html"] {
            #expect(!page.contains("href=\"\(scheme)") && !page.contains("src=\"\(scheme)"), "\(scheme)")
        }
        #expect(ActiveContentScan.findings(inHTML: page).isEmpty, "\(ActiveContentScan.findings(inHTML: page))")
        // A tab inside the scheme stays percent-encoded, so no browser reads it as javascript:.
        #expect(!page.contains("java\tscript:"))
    }

    @Test func hostileTextIsEscapedInEveryOutput() throws {
        let attack = Self.attack
        let quote = "\\\"><svg onload=alert(1)>"
        let site = try ScratchSite(text: [
            "content/notes/x.md": """
            ---
            title: "\(attack) 제목 ]]> & \(quote)"
            tags: ["\(attack)", "태그\(quote)"]
            summary: "\(attack) 요약 ]]>"
            aliases: ["/old-\(quote)"]
            ---
            본문 파드 ![\(attack) \(quote)](missing.png)

            ```yaml \(quote)
            a: 1
            ```
            """,
            "content/glossary/evil.md": "---\ntitle: \"\(attack) 개념\"\naliases: [\"악성\(quote)\"]\nsummary: \"\(attack)\"\n---\n악성 개념\n",
        ])
        defer { site.remove() }
        let report = site.build()
        #expect(report.errorLines.isEmpty, "\(report.errorLines)")
        let files = TestSupport.snapshot(site.output)
        #expect(files.count > 10)
        for (path, bytes) in files {
            let text = String(decoding: bytes, as: UTF8.self).lowercased()
            #expect(!text.contains("<script>alert"), "\(path)")
            #expect(!text.contains("<svg onload"), "\(path)")
            if path.hasSuffix(".html") {
                #expect(ActiveContentScan.findings(inHTML: text).isEmpty, "\(path): \(ActiveContentScan.findings(inHTML: text))")
            }
            if path.hasSuffix(".json") {
                #expect((try? JSONSerialization.jsonObject(with: Data(bytes))) != nil, "\(path) is not valid JSON")
            }
            if path.hasSuffix(".xml") {
                let parser = XMLParser(data: Data(bytes))
                #expect(parser.parse(), "\(path) is not well-formed XML: \(String(describing: parser.parserError))")
            }
        }
        // The text itself survives, escaped.
        #expect(site.page("notes/x/index.html")?.contains("&lt;script&gt;alert(1)&lt;/script&gt; 제목") == true)
    }
}
