import GongbuCore
import Testing

@testable import Content

@Suite("Front matter")
struct FrontMatterTests {
    @Test func splitsYAMLAndBodyWithLineNumbers() {
        let split = FrontMatterSplit.split("---\ntitle: 파드\ntags: [a]\n---\n본문\n")
        #expect(split.yaml == "title: 파드\ntags: [a]\n")
        #expect(split.yamlStartLine == 2)
        #expect(split.body == "본문\n")
        #expect(split.bodyStartLine == 5)
        #expect(!split.unterminated)
    }

    @Test func noFrontMatter() {
        let split = FrontMatterSplit.split("# 제목\n---\n")
        #expect(split.yaml == nil)
        #expect(split.body == "# 제목\n---\n")
        #expect(split.bodyStartLine == 1)
    }

    @Test func closingDotsAndTrailingSpaces() {
        let split = FrontMatterSplit.split("---  \ntitle: x\n...\nbody")
        #expect(split.yaml == "title: x\n")
        #expect(split.body == "body")
    }

    @Test func unterminatedIsFlagged() {
        #expect(FrontMatterSplit.split("---\ntitle: x\nno end\n").unterminated)
    }

    @Test func onlyFrontMatterMeansEmptyBody() {
        let split = FrontMatterSplit.split("---\ntitle: x\n---")
        #expect(split.yaml == "title: x\n")
        #expect(split.body == "")
    }

    @Test func invalidYAMLIsReportedAtItsFileLine() {
        let text = "---\ntitle: 파드\ntags: [a, b\ndate: 2024-01-01\n---\nbody\n"
        let (_, diagnostics) = SourceDocument.parse(text: text, path: "content/bad.md", contentPath: "bad.md")
        #expect(diagnostics.count == 1)
        let diagnostic = diagnostics[0]
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location?.file == "content/bad.md")
        #expect(diagnostic.location?.line == 4)
        #expect(
            diagnostic.description
                == "content/bad.md:4:5: error: invalid front matter YAML: did not find expected ',' or ']' (while parsing a flow sequence that started at line 3, column 7) [front-matter]"
        )
    }

    @Test func tabIndentationGetsAPlainHint() {
        let text = "---\ntags:\n\t- a\n---\n"
        let (_, diagnostics) = SourceDocument.parse(text: text, path: "t.md", contentPath: "t.md")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].message.contains("line 3 is indented with a tab"))
        #expect(diagnostics[0].location?.line == 3)
    }

    @Test func unterminatedFrontMatterIsAnError() {
        let (_, diagnostics) = SourceDocument.parse(text: "---\ntitle: x\n", path: "u.md", contentPath: "u.md")
        #expect(
            diagnostics.map(\.description) == [
                "u.md:1:1: error: front matter starts with '---' on line 1 but has no closing '---' line [front-matter]"
            ])
    }
}

@Suite("YAML reading")
struct YAMLReaderTests {
    @Test(arguments: [
        ("true", YAMLValue.bool(true)),
        ("False", .bool(false)),
        ("~", .null),
        ("42", .int(42)),
        ("-7", .int(-7)),
        ("0x1F", .int(31)),
        ("1.5", .double(1.5)),
        ("1e3", .double(1000)),
        ("yes", .string("yes")),
        ("2024-03-02", .string("2024-03-02")),
        ("1.2.3", .string("1.2.3")),
        ("파드", .string("파드")),
    ])
    func resolvesPlainScalarsByTheCoreSchema(text: String, expected: YAMLValue) {
        #expect(YAMLReader.resolvePlain(text) == expected)
    }

    @Test func quotedScalarsStayText() throws {
        let value = try YAMLReader.read("a: \"42\"\nb: 'true'\nc: 42\n")
        #expect(
            value
                == .map([
                    YAMLEntry(key: "a", value: .string("42"), line: 1, column: 1),
                    YAMLEntry(key: "b", value: .string("true"), line: 2, column: 1),
                    YAMLEntry(key: "c", value: .int(42), line: 3, column: 1),
                ]))
    }

    @Test func duplicateKeysAreErrors() {
        #expect(throws: YAMLReadError.self) { try YAMLReader.read("a: 1\na: 2\n") }
    }

    @Test func aliasBombsHitTheNodeLimit() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(refs)]\n"
        }
        do {
            _ = try YAMLReader.read(yaml)
            Issue.record("an alias bomb must not load")
        } catch {
            #expect(error.message.contains("limit 100000"))
        }
    }

    @Test func deepFlowNestingIsRefusedBeforeParsing() {
        let yaml = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        do {
            _ = try YAMLReader.read(yaml)
            Issue.record("deep nesting must be refused")
        } catch {
            #expect(error.message == "nesting deeper than the limit of 64 levels")
            #expect(error.line == 1)
        }
    }

    @Test func deepBlockNestingIsRefused() {
        var yaml = ""
        for depth in 0..<300 { yaml += String(repeating: " ", count: depth) + "k\(depth):\n" }
        #expect(throws: YAMLReadError.self) { try YAMLReader.read(yaml) }
    }

    @Test func ordinaryNestingIsFine() throws {
        let yaml =
            "spec:\n  template:\n    spec:\n      containers:\n        - name: web\n          ports:\n            - containerPort: 80 # [not a list]\n"
        _ = try YAMLReader.read(yaml)
    }
}
