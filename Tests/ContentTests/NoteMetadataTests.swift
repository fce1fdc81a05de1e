import GongbuCore
import Testing

@testable import Content

@Suite("Note metadata")
struct NoteMetadataTests {
    func read(_ yaml: String) throws -> (NoteMetadata, [Diagnostic]) {
        NoteMetadata.read(try YAMLReader.read(yaml), file: "n.md", lineOffset: 1)
    }

    @Test func readsJekyllAndHugoKeys() throws {
        let (metadata, diagnostics) = try read(
            """
            title: 파드 정리
            date: 2024-03-02 13:00:00 +0900
            last_modified_at: 2024-03-05
            tags: [쿠버네티스, 파드]
            categories: k8s
            draft: false
            description: 요약입니다
            slug: pods
            aliases: [/old/pods/]
            toc: true
            custom: {a: 1}
            """)
        #expect(diagnostics.isEmpty)
        #expect(metadata.title == "파드 정리")
        #expect(metadata.date == NoteDate(year: 2024, month: 3, day: 2, hour: 13, offsetSeconds: 9 * 3600))
        #expect(metadata.lastModified?.isoDay == "2024-03-05")
        #expect(metadata.tags == ["쿠버네티스", "파드"])
        #expect(metadata.categories == ["k8s"])
        #expect(metadata.summary == "요약입니다")
        #expect(metadata.slug == "pods")
        #expect(metadata.aliases == ["/old/pods/"])
        #expect(metadata.toc == true)
        #expect(metadata.params.map(\.key) == ["custom"])
    }

    @Test func oneStringTagAndCommaLists() throws {
        #expect(try read("tags: 도커").0.tags == ["도커"])
        #expect(try read("tags: 쿠버네티스, 도커").0.tags == ["쿠버네티스", "도커"])
        #expect(try read("tags: 2024").0.tags == ["2024"])
    }

    @Test func wrongTypesAreWarningsAtTheKey() throws {
        let (metadata, diagnostics) = try read("title: [x]\ntags: {a: 1}\ndate: 42\ndraft: maybe\n")
        #expect(metadata.title == nil)
        #expect(metadata.tags.isEmpty)
        #expect(metadata.date == nil)
        #expect(
            diagnostics.map(\.description) == [
                "n.md:2:1: warning: front matter key 'title' should be text, found a list; it is ignored [front-matter]",
                "n.md:3:1: warning: front matter key 'tags' should be a list of words or one word, found a mapping; it is ignored [front-matter]",
                "n.md:4:1: warning: front matter key 'date' should be a date such as 2024-03-02, found a number; it is ignored [front-matter]",
                "n.md:5:1: warning: front matter key 'draft' should be true or false, found a string; it is ignored [front-matter]",
            ])
    }

    @Test func impossibleOffsetIsAWarningNamingTheKey() throws {
        let (metadata, diagnostics) = try read("date: 2021-04-13T13:00:00+18:00")
        #expect(metadata.date == NoteDate(year: 2021, month: 4, day: 13, hour: 13, hasTime: true))
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].description.hasPrefix("n.md:2:1: warning: front matter key 'date': time zone offset +18:00"))
    }

    @Test func nonMappingFrontMatterIsIgnoredWithAWarning() throws {
        let (_, diagnostics) = try read("- a\n- b\n")
        #expect(diagnostics.first?.message == "front matter is a list, not a mapping of keys; it is ignored")
    }
}

@Suite("Dates")
struct NoteDateTests {
    @Test(arguments: [
        ("2024-03-02", "2024-03-02T00:00:00Z", false),
        ("2024-3-2", "2024-03-02T00:00:00Z", false),
        ("2024-03-02T13:05:09Z", "2024-03-02T13:05:09Z", true),
        ("2024-03-02 13:05", "2024-03-02T13:05:00Z", true),
        ("2024-03-02T13:05:09.123+09:00", "2024-03-02T13:05:09+09:00", true),
        ("2024-03-02 13:05:09 -0530", "2024-03-02T13:05:09-05:30", true),
    ])
    func parses(text: String, rfc3339: String, hasTime: Bool) {
        let result = NoteDate.parse(text)
        #expect(result.warning == nil)
        #expect(result.date?.rfc3339 == rfc3339)
        #expect(result.date?.hasTime == hasTime)
    }

    @Test(arguments: ["2021-02-30", "2024-13-01", "yesterday", "2024-03-02T25:00", "2024/03/02"])
    func rejects(text: String) {
        let result = NoteDate.parse(text)
        #expect(result.date == nil)
        #expect(result.warning != nil)
    }

    @Test func offsetsOrderInstants() {
        let seoul = NoteDate.parse("2024-03-02T09:00:00+09:00").date!
        let utc = NoteDate.parse("2024-03-02T00:30:00Z").date!
        #expect(seoul < utc)
        #expect(seoul.timeIntervalSince1970 == 1_709_337_600)
    }

    @Test func jekyllNames() {
        let split = JekyllName.split("2019-02-03-hello-node")
        #expect(split?.date.isoDay == "2019-02-03")
        #expect(split?.rest == "hello-node")
        #expect(JekyllName.split("2019-02-30-x") == nil)
        #expect(JekyllName.split("pods") == nil)
        #expect(JekyllName.split("2019-02-03-") == nil)
    }
}

@Suite("Site config")
struct SiteConfigTests {
    @Test func readsKeysAndWarnsAboutUnknownOnes() {
        let (config, diagnostics) = SiteConfig.read(
            "title: 내 노트\nbaseURL: https://example.org/notes\nunsafe_html: true\ntitel: x\n", file: "gongbu.yml")
        #expect(config.title == "내 노트")
        #expect(config.baseURL == "https://example.org/notes/")
        #expect(config.unsafeHTML)
        #expect(
            diagnostics.map(\.description) == [
                "gongbu.yml:4:1: warning: unknown config key 'titel' (did you mean 'title'?); it is ignored [config]"
            ])
    }

    @Test func linkAndMathSettingsAreReadAndWrongOnesNamed() {
        let (config, diagnostics) = SiteConfig.read(
            "math: true\nlink:\n  include: [\"devops/**\"]\n  exlude: [\"x\"]\nlink_mode: paragraph\n", file: "gongbu.yml")
        #expect(config.math)
        #expect(config.linkInclude == ["devops/**"])
        #expect(config.linkPerParagraph)
        #expect(
            diagnostics.map(\.description) == [
                "gongbu.yml:4:3: warning: unknown key 'link.exlude'; use 'include' or 'exclude' [config]"
            ])
        let (_, wrongType) = SiteConfig.read("link: everything\n", file: "gongbu.yml")
        #expect(
            wrongType.map(\.description) == [
                "gongbu.yml:1:1: warning: config key 'link' should be a mapping with 'include' and 'exclude' lists of globs; it is ignored [config]"
            ])
    }

    @Test func invalidYAMLIsAnError() {
        let (_, diagnostics) = SiteConfig.read("title: [\n", file: "gongbu.yml")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].severity == .error)
        #expect(diagnostics[0].location?.file == "gongbu.yml")
    }
}
