import Foundation
import GongbuCore
import GongbuTestSupport
import Markdown
import Testing

/// gongbu's Markdown against Debian's `cmark-gfm` (GitHub's reference implementation) on the
/// bundled notes, the shared real notes and edge cases of our own: the block structure and
/// the text must agree. Skipped where `cmark-gfm` is not installed.
@Suite("Differential: cmark-gfm")
struct CmarkGFMDifferentialTests {
    static let cmarkGFM = ["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static let edgeCases = [
        "a | b\n--- | ---\n1 | 2\n3\n",
        "| a |\n| - |\n| `x \\| y` |\n| \\| |\n",
        "문단 첫 줄\n| 머리 | 둘 |\n|:-:|--:|\n| 가 | 나 |\n\n다음 문단\n",
        "- 항목\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n- 둘째\n",
        "> | a | b |\n> |---|---|\n> | 1 | 2 |\n",
        "| a | b |\n|---|---|\n| 셀이 | 하나 더 | 넘침 |\n| 부족 |\n",
        "~~취소~~ 그리고 ~한 개~ 그리고 ~~~세 개~~~ 아님\n",
        "~~**굵게 취소**~~ *~~기울여 취소~~*\n",
        "www.example.com/path_(x) http://a.b/c?d=e&amp; (https://x.y/z) foo@bar.baz.\n",
        "- [ ] 할 일\n- [x] 끝\n  - [X] 안쪽\n- [ ]\n- [a] 아님\n",
        "참고[^1]와 다른 것[^note]과 없는 것[^없음].\n\n[^1]: 첫 각주.\n[^note]: 둘째\n    이어지는 줄.\n\n    둘째 문단.\n",
        "| 표 안의 [링크](https://kubernetes.io) | **굵게** |\n|---|---|\n| `code` | ~~취소~~ |\n",
        "# 제목 | 표 아님\n\n---|---\n",
        "| 한 칸 |\n|---|\n",
        "```\n| 코드 | 안 |\n|---|---|\n```\n",
    ]

    /// Every Markdown body: bundled notes, the shared real notes and docs (when present).
    static func corpus() -> [(name: String, markdown: String)] {
        var result: [(String, String)] = edgeCases.enumerated().map { ("edge case \($0.offset + 1)", $0.element) }
        let roots = [
            TestPaths.repositoryRoot + "/content", TestPaths.shared + "/corpus/real-notes", TestPaths.shared + "/corpus/ko-docs",
        ]
        for root in roots {
            guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
            for case let path as String in walker where path.hasSuffix(".md") {
                guard let text = try? String(contentsOfFile: root + "/" + path, encoding: .utf8) else { continue }
                result.append((Path.lastComponent(root) + "/" + path, FrontMatterBody.strip(text)))
            }
        }
        return result.sorted { $0.0 < $1.0 }
    }

    @Test(
        .enabled(if: cmarkGFM != nil, "cmark-gfm is not installed"),
        .enabled(if: ProcessInfo.processInfo.environment["GONGBU_QUICK"] != "1", "slow; GONGBU_QUICK=1 skips it"))
    func sameBlocksAndTextAsCmarkGFM() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let input = folder.join("note.md")
        var disagreements: [String] = []
        let corpus = Self.corpus()
        for (name, markdown) in corpus {
            try markdown.write(toFile: input, atomically: false, encoding: .utf8)
            let reference = try ProcessRunner.run(
                Self.cmarkGFM!,
                ["--unsafe", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist", "-e", "footnotes", input],
                in: folder.path)
            let expected = HTMLOutline(html: reference.stdout)
            let got = HTMLOutline(html: MarkdownDocument(parsing: markdown).renderHTML(.init(unsafe: true)))
            if got != expected { disagreements.append(name + "\n  cmark-gfm: \(expected)\n  gongbu:    \(got)") }
        }
        #expect(corpus.count > 15)
        // The comparison sees what the extensions add.
        let table = "| a | b |\n|---|---|\n| 1 | 2 |\n"
        #expect(
            HTMLOutline(html: MarkdownDocument(parsing: table).renderHTML())
                != HTMLOutline(html: MarkdownDocument(parsing: table, extensions: []).renderHTML()))
        #expect(
            disagreements.isEmpty, "\(disagreements.count) of \(corpus.count) differ:\n\(disagreements.prefix(10).joined(separator: "\n"))")
    }
}

/// A note's Markdown without its front matter (`---` … `---` at the top).
enum FrontMatterBody {
    static func strip(_ text: String) -> String {
        guard text.hasPrefix("---\n") || text.hasPrefix("+++\n") else { return text }
        let fence = String(text.prefix(3))
        let lines = text.components(separatedBy: "\n")
        guard let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == fence }) else { return text }
        return lines[(end + 1)...].joined(separator: "\n")
    }
}
