import Testing

@testable import Content

@Suite("TOML config")
struct TOMLReaderTests {
    @Test func aHugoConfig() throws {
        let text = """
            # 사이트 설정
            baseURL = 'https://example.org/notes/'
            languageCode = "ko-kr"
            title = "공부 \\"노트\\""
            ignoreFiles = [
              "CLAUDE\\\\.md$",   # 에이전트 지침
              '\\.bak$',
            ]
            enableEmoji = true
            paginate = 1_000
            ratio = 0.5

            [params]
            description = \"\"\"
            여러 줄 \\
              설명\"\"\"
            date = 1979-05-27 07:32:00Z
            [params.author]
            name = "홍길동"

            [[menu.main]]
            name = "홈"
            weight = 1
            [[menu.main]]
            name = "글"
            site.url = { path = "/posts/", external = false }
            """
        let entries = try TOMLReader.read(text)
        #expect(entries.string("baseURL") == "https://example.org/notes/")
        #expect(entries.string("title") == "공부 \"노트\"")
        #expect(entries.strings("ignoreFiles") == [#"CLAUDE\.md$"#, #"\.bak$"#])
        #expect(entries.first { $0.key == "enableEmoji" }?.value == .bool(true))
        #expect(entries.first { $0.key == "paginate" }?.value == .int(1000))
        #expect(entries.first { $0.key == "ratio" }?.value == .double(0.5))
        #expect(entries.first { $0.key == "title" }?.line == 4)
        guard case .map(let params)? = entries.first(where: { $0.key == "params" })?.value else {
            Issue.record("no params table")
            return
        }
        #expect(params.string("description") == "여러 줄 설명")
        #expect(params.string("date") == "1979-05-27 07:32:00Z")
        guard case .map(let author)? = params.first(where: { $0.key == "author" })?.value else {
            Issue.record("no params.author table")
            return
        }
        #expect(author.string("name") == "홍길동")
        guard case .map(let menu)? = entries.first(where: { $0.key == "menu" })?.value,
            case .list(let items)? = menu.first(where: { $0.key == "main" })?.value
        else {
            Issue.record("no menu.main array of tables")
            return
        }
        #expect(items.count == 2)
    }

    @Test(arguments: [
        ("title = 공부", 1),
        ("title = \"열린 문자열\n", 1),
        ("[a]\nx = 1\n[a]\n", 3),
        ("a = 1\na = 2\n", 2),
        ("a = [1, 2\nb = 3", 2),
        ("a = 1 b = 2", 1),
    ])
    func badTOMLIsAnErrorAtItsLine(text: String, line: Int) {
        #expect(throws: TOMLReader.ReadError.self) { try TOMLReader.read(text) }
        do {
            _ = try TOMLReader.read(text)
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.column >= 1)
        }
    }
}
