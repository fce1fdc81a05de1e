import Foundation
import GongbuTestSupport
import Highlight
import Testing

/// Golden files: `Tests/Fixtures/highlight/input/<name>.<language>` highlighted, one line of
/// HTML per line of code, against `expected/<name>.<language>.html`. Record with
/// `GONGBU_RECORD_GOLDEN=1 swift test --filter HighlighterTests` (that run fails on purpose),
/// review the diff, and run again without the variable.
@Suite("Highlighter")
struct HighlighterTests {
    static let folder = TestPaths.fixture("highlight")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/input")) ?? []).sorted()
    }

    @Test(arguments: inputs)
    func matchesItsGoldenFile(name: String) throws {
        let code = try String(contentsOfFile: Self.folder + "/input/" + name, encoding: .utf8)
        let language = String(name.split(separator: ".").last ?? "")
        let html = Highlighter.lines(code, language: language).joined(separator: "\n") + "\n"
        let expectedPath = Self.folder + "/expected/" + name + ".html"
        if ProcessInfo.processInfo.environment["GONGBU_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: Self.folder + "/expected", withIntermediateDirectories: true)
            try html.write(toFile: expectedPath, atomically: true, encoding: .utf8)
            Issue.record("recorded \(expectedPath); review it and run again without GONGBU_RECORD_GOLDEN")
            return
        }
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
        #expect(html == expected)
    }

    @Test func everyRequiredLanguageIsKnown() {
        for name in [
            "bash", "sh", "shell", "zsh", "console", "yaml", "json", "dockerfile", "go", "python", "java", "javascript", "typescript", "c",
            "cpp", "c++", "sql", "hcl", "terraform", "toml", "ini", "diff", "xml", "html", "properties", "nginx", "YAML",
        ] {
            #expect(Highlighter.supports(name), "\(name)")
        }
        #expect(!Highlighter.supports("brainfuck"))
    }

    @Test func linesStayBalancedAndEscaped() {
        let lines = Highlighter.lines("/* 여러\n줄 */ x = \"<b>\"\n", language: "c")
        #expect(
            lines == [
                "<span class=\"tok-comment\">/* 여러</span>",
                "<span class=\"tok-comment\">줄 */</span> x = <span class=\"tok-string\">&quot;&lt;b&gt;&quot;</span>",
            ])
        #expect(Highlighter.lines("<script>", language: "nothing") == ["&lt;script&gt;"])
    }

    @Test func consolePromptsAreNotPartOfTheText() {
        let lines = Highlighter.lines("$ kubectl get po\nNAME READY\n", language: "console")
        #expect(lines[0].hasPrefix("<span class=\"tok-prompt\" data-prompt=\"$ \"></span><span class=\"tok-builtin\">kubectl</span>"))
        #expect(lines[1] == "<span class=\"tok-output\">NAME READY</span>")
    }
}
