import Content
import GongbuCore
import Manifests
import Markdown

/// Finds manifest examples in notes: fenced code blocks tagged yaml or yml that define
/// Kubernetes objects, placed at their exact lines in the note file.
public enum ManifestExamples {
    public struct Block {
        public var node: MarkdownNode
        public var source: ManifestSource
    }

    /// The examples of a parsed note body. `lineOffset` is the body's first line minus one.
    public static func find(in document: MarkdownDocument, file: String, lineOffset: Int) -> [Block] {
        var blocks: [Block] = []
        for node in document.nodes(of: .codeBlock) where !node.isInFootnote {
            guard let mode = ManifestSource.mode(forInfo: node.fenceInfo), let text = node.literal,
                ManifestSource.looksLikeManifest(text)
            else { continue }
            // The fence is on startLine; the YAML starts on the next line. Indented code inside a
            // list has its indentation removed by cmark, so columns shift by the fence's column.
            let source = ManifestSource(
                file: file, firstLine: node.startLine + 1 + lineOffset,
                columnOffset: max(node.startColumn - 1, 0), text: text, mode: mode)
            blocks.append(Block(node: node, source: source))
        }
        return blocks
    }
}
