import GongbuCore
import GongbuTestSupport
import Testing

@testable import Build

/// Lists that grow with the site come in pages, so no page grows with it.
@Suite("Pages of long lists")
struct PaginationTests {
    /// `count` notes in one folder, a tag each out of ten, every one mentioning 파드.
    static func site(notes count: Int) -> [String: String] {
        var files = ["gongbu.yml": "title: 큰 사이트\n"]
        for number in 1...count {
            let day = String(format: "%02d", number % 28 + 1)
            files["content/notes/note-\(number).md"] =
                "---\ntitle: 노트 \(number)\ndate: 2024-03-\(day)\ntags: [주제\(number % 10)]\n---\n파드와 서비스를 정리한 \(number)번째 노트다.\n"
        }
        return files
    }

    @Test func aListIsSplitIntoLinkedPages() throws {
        let (report, output) = TestBuild.inMemory(Self.site(notes: 120))
        #expect(report.succeeded)
        func page(_ path: String) throws -> String { String(decoding: try #require(output[path], "\(path)"), as: UTF8.self) }
        // Page 1 at the list's own URL, then `page/N/`; nothing past the last page.
        let home = try page("index.html")
        let second = try page("page/2/index.html")
        let third = try page("page/3/index.html")
        #expect(output["page/4/index.html"] == nil)
        #expect(home.contains("<link rel=\"next\" href=\"page/2/\">"))
        #expect(!home.contains("rel=\"prev\""))
        #expect(second.contains("<link rel=\"prev\" href=\"../../\">"))
        #expect(second.contains("<link rel=\"next\" href=\"../../page/3/\">"))
        #expect(second.contains("<title>2쪽 · 큰 사이트</title>"))
        #expect(try page("tags/주제1/index.html").contains("<title>#주제1 · 큰 사이트</title>"))
        #expect(second.contains("<a class=\"pagination-prev\" rel=\"prev\" href=\"../../\">← 이전</a>"))
        #expect(second.contains("<span aria-current=\"page\">2</span>"))
        // Every note on exactly one page of the home list.
        var seen: [String] = []
        for text in [home, second, third] {
            for part in text.components(separatedBy: "<h2 class=\"note-card-title\"><a href=\"").dropFirst() {
                seen.append(String(part.prefix { $0 != "\"" }).replacingOccurrences(of: "../", with: ""))
            }
        }
        #expect(seen.count == 120)
        #expect(Set(seen).count == 120)
        // The folder, a tag and the concept's backlinks have pages too (50 entries; 50 backlinks
        // with snippets, then 500 a page without).
        #expect(output["notes/page/3/index.html"] != nil && output["notes/page/4/index.html"] == nil)
        #expect(output["tags/주제1/index.html"] != nil && output["tags/주제1/page/2/index.html"] == nil)
        #expect(output["concepts/pod/page/2/index.html"] != nil && output["concepts/pod/page/3/index.html"] == nil)
        let backlinks = try page("concepts/pod/page/2/index.html")
        #expect(backlinks.components(separatedBy: "class=\"backlink-title\"").count - 1 == 70)
        #expect(!backlinks.contains("class=\"snippet\""))
        #expect(try page("concepts/pod/index.html").contains("class=\"snippet\""))
    }

    /// No list page of a 3,000-note site is over 200 KB.
    @Test func listPagesStaySmall() {
        let (report, output) = TestBuild.inMemory(Self.site(notes: 3000))
        #expect(report.succeeded)
        let lists = output.filter { path, _ in
            path == "index.html" || path.hasPrefix("page/") || path.hasPrefix("tags/") || path.hasPrefix("concepts/")
                || (path.hasPrefix("notes/") && (path == "notes/index.html" || path.hasPrefix("notes/page/")))
        }
        #expect(lists.count > 100)
        let large = lists.filter { $0.value.count > 200_000 }.map { "\($0.key): \($0.value.count) bytes" }.sorted()
        #expect(large.isEmpty, "\(large)")
    }
}
