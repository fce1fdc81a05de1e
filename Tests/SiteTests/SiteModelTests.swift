import Analysis
import Content
import GongbuCore
import Testing

@testable import Site

@Suite("Site model and feeds")
struct SiteModelTests {
    func note(_ slug: String, date: String?, tags: [String], title: String? = nil, html: String = "<p>x</p>") -> NotePage {
        NotePage(
            slug: slug, title: title ?? slug, summary: "요약 <b>", date: date.flatMap { NoteDate.parse($0).date }, lastModified: nil,
            tagNames: tags, categories: [], source: "content/\(slug).md", bodyHTML: html, headings: [],
            showTableOfContents: false, aliases: [], params: [])
    }

    /// Folder entries sort by their names with the numbers in them read as numbers.
    @Test(arguments: [
        ("Section-2", "section-" + String(repeating: "0", count: 19) + "2"),
        ("01-intro", String(repeating: "0", count: 18) + "01-intro"),
        ("2.Deployment", String(repeating: "0", count: 19) + "2.deployment"),
        ("파드3장", "파드" + String(repeating: "0", count: 19) + "3장"),
        ("a10b2", "a" + String(repeating: "0", count: 18) + "10b" + String(repeating: "0", count: 19) + "2"),
        ("intro", "intro"),
        ("", ""),
    ])
    func numberedKeys(name: String, key: String) {
        #expect(SiteSection.numberedKey(name) == key)
    }

    @Test func lastSegments() {
        #expect(SiteSection.lastSegment("notes/pods") == "pods")
        #expect(SiteSection.lastSegment("k8s-basic/section-04/서비스") == "서비스")
        #expect(SiteSection.lastSegment("pods") == "pods")
        #expect(SiteSection.lastSegment("") == "")
    }

    @Test func ordersNotesNewestFirstAndMergesTagSpellings() {
        let model = SiteModel(
            config: SiteConfig(),
            notes: [
                note("old", date: "2023-01-01", tags: ["Kubernetes"]),
                note("undated", date: nil, tags: ["kubernetes", "도커"]),
                note("new", date: "2024-05-01", tags: ["kubernetes"]),
            ], staticFiles: [])
        #expect(model.notes.map(\.slug) == ["new", "old", "undated"])
        #expect(model.tags.map(\.tag.name) == ["kubernetes", "도커"])
        #expect(model.tags[0].noteIndices == [0, 1, 2])
        #expect(model.noteTags[1] == [TagRef(name: "kubernetes", slug: "kubernetes")])
    }

    @Test func feedsAreEscapedAndAbsolute() {
        var config = SiteConfig()
        config.baseURL = "https://example.org/"
        config.title = "A & B"
        let model = SiteModel(
            config: config,
            notes: [note("notes/p", date: "2024-03-02T10:00:00+09:00", tags: [], title: "</title><x>", html: "<a href=\"../../x/\">x</a>")],
            staticFiles: [])
        let atom = Feeds.atom(model, urls: SiteURLs(baseURL: config.baseURL))
        #expect(atom.contains("<title>A &amp; B</title>"))
        #expect(atom.contains("<title>&lt;/title&gt;&lt;x&gt;</title>"))
        #expect(atom.contains("<updated>2024-03-02T10:00:00+09:00</updated>"))
        #expect(atom.contains("xml:base=\"https://example.org/notes/p/\">&lt;a href=&quot;../../x/&quot;&gt;x&lt;/a&gt;</content>"))
        let sitemap = Feeds.sitemap(model, urls: SiteURLs(baseURL: config.baseURL))
        #expect(sitemap.contains("<url><loc>https://example.org/notes/p/</loc><lastmod>2024-03-02T10:00:00+09:00</lastmod></url>"))
    }
}
