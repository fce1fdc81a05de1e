import GongbuTestSupport
import Markdown
import Testing

/// gongbu's Markdown against the reference: the GFM spec's examples and cmark-gfm's own
/// extension tests (`../shared/conformance/gfm`; skipped where that folder is absent).
@Suite("GFM conformance")
struct GFMConformanceTests {
    static let folder = TestPaths.shared + "/conformance/gfm"
    static let spec = SpecExample.read(folder + "/spec.txt")
    static let extensions = SpecExample.read(folder + "/extensions.txt")

    func render(_ markdown: String) -> String {
        MarkdownDocument(parsing: markdown).renderHTML(.init(unsafe: true))
    }

    func failures(_ examples: [SpecExample]) -> [String] {
        examples.compactMap { example in
            let got = SpecExample.normalize(render(example.markdown))
            let expected = SpecExample.normalize(example.html)
            return got == expected
                ? nil : "#\(example.number) (\(example.section)):\n\(example.markdown)\nexpected: \(expected)\n     got: \(got)"
        }
    }

    /// Every table, strikethrough, autolink and task-list example of the spec.
    @Test(.enabled(if: !spec.isEmpty, "no GFM spec in ../shared/conformance/gfm"))
    func specExtensionExamples() {
        let examples = Self.spec.filter {
            ["table", "strikethrough", "autolink"].contains($0.kind) || $0.section.hasPrefix("Task list items")
        }
        #expect(examples.count == 23)
        let failed = failures(examples)
        #expect(failed.isEmpty, "\(failed.count) of \(examples.count) fail:\n\(failed.joined(separator: "\n\n"))")
    }

    /// cmark-gfm's extension tests, but for the tag filter (gongbu sanitizes raw HTML instead)
    /// and the crash-only example, which has no expected output.
    @Test(.enabled(if: !extensions.isEmpty, "no extension examples in ../shared/conformance/gfm"))
    func cmarkGFMExtensionExamples() {
        let examples = Self.extensions.filter { $0.section != "HTML tag filter" && !$0.html.contains("<IGNORE>") }
        let failed = failures(examples)
        #expect(failed.isEmpty, "\(failed.count) of \(examples.count) fail:\n\(failed.joined(separator: "\n\n"))")
        // The crash-only example must not crash.
        for example in Self.extensions where example.html.contains("<IGNORE>") { _ = render(example.markdown) }
    }

    /// The CommonMark examples (the spec's other examples), which the spec renders without
    /// extensions: every one libcmark passes on its own still passes with CJK-friendly
    /// emphasis, which must not change text without CJK characters. (libcmark 0.30 renders a
    /// few differently from this 0.29-based spec.)
    @Test(.enabled(if: !spec.isEmpty, "no GFM spec in ../shared/conformance/gfm"))
    func commonMarkExamplesStillPass() {
        let examples = Self.spec.filter { $0.kind.isEmpty && !$0.section.hasPrefix("Task list items") }
        func passes(_ example: SpecExample, _ extensions: MarkdownExtensions) -> Bool {
            SpecExample.normalize(MarkdownDocument(parsing: example.markdown, extensions: extensions).renderHTML(.init(unsafe: true)))
                == SpecExample.normalize(example.html)
        }
        let plain = examples.filter { passes($0, []) }
        let broken = plain.filter { !passes($0, .cjkEmphasis) }.map { "#\($0.number) (\($0.section)): \($0.markdown)" }
        #expect(broken.isEmpty, "CJK-friendly emphasis changes \(broken.count) CommonMark examples:\n\(broken.joined(separator: "\n"))")
        #expect(plain.count >= 640, "libcmark alone passes \(plain.count) of \(examples.count)")
    }
}
