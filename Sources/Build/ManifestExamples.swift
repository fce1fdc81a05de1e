import Content
import GongbuCore
import Manifests
import Markdown

/// Finds manifest examples in notes: fenced code blocks tagged yaml or yml that define
/// Kubernetes objects, placed at their exact lines in the note file.
enum ManifestExamples {
    struct Block {
        var node: MarkdownNode
        var source: ManifestSource
    }

    /// The examples of a parsed note body. `lineOffset` is the body's first line minus one.
    static func find(in document: MarkdownDocument, file: String, lineOffset: Int) -> [Block] {
        var blocks: [Block] = []
        for node in document.nodes(of: .codeBlock) {
            guard let mode = ManifestSource.mode(forInfo: node.fenceInfo), let text = node.literal,
                  ManifestSource.looksLikeManifest(text) else { continue }
            // The fence is on startLine; the YAML starts on the next line. Indented code inside a
            // list has its indentation removed by cmark, so columns shift by the fence's column.
            let source = ManifestSource(file: file, firstLine: node.startLine + 1 + lineOffset,
                                        columnOffset: max(node.startColumn - 1, 0), text: text, mode: mode)
            blocks.append(Block(node: node, source: source))
        }
        return blocks
    }
}

/// `gongbu validate`: checks notes, YAML files and folders, one scope per file.
public struct ValidationRun: Sendable {
    public var fileSystem: any FileSystem
    /// Absolute paths to check.
    public var paths: [String]
    /// For showing paths relative to where the user is.
    public var displayBase: String
    public var options: ValidationOptions

    public init(fileSystem: any FileSystem, paths: [String], displayBase: String, options: ValidationOptions) {
        self.fileSystem = fileSystem
        self.paths = paths
        self.displayBase = displayBase
        self.options = options
    }

    static let extensions: Set<String> = ["md", "markdown", "yaml", "yml"]

    public func run() -> ValidationReport {
        var problems: [Diagnostic] = []
        var files: [String] = []
        for path in paths {
            switch fileSystem.kind(of: path) {
            case .directory?: files += listFiles(path)
            case .file?, .symbolicLink?: files.append(path)
            default: problems.append(.error("no such file or folder", at: SourceLocation(file: display(path)), rule: "io"))
            }
        }
        let perFile = files.concurrentMap { check($0) }
        var results: [SourceResult] = []
        for (fileResults, fileProblems) in perFile {
            results += fileResults
            problems += fileProblems
        }
        return ValidationReport(results: results, problems: problems)
    }

    func display(_ path: String) -> String {
        Path.isInside(path, displayBase) && path != displayBase ? Path.relative(path, to: displayBase) : path
    }

    func listFiles(_ folder: String) -> [String] {
        var found: [String] = []
        var stack = [folder]
        var visited = Set<String>()
        while let next = stack.popLast() {
            guard visited.insert(fileSystem.resolveSymbolicLink(at: next) ?? next).inserted,
                  let names = try? fileSystem.contentsOfDirectory(at: next) else { continue }
            for name in names.sorted() where !name.hasPrefix(".") {
                let path = Path.join(next, name)
                if fileSystem.kind(of: path) == .directory {
                    stack.append(path)
                } else if Self.extensions.contains(Path.fileExtension(name)) {
                    found.append(path)
                }
            }
        }
        return found.sorted()
    }

    func check(_ path: String) -> ([SourceResult], [Diagnostic]) {
        let shown = display(path)
        let text: String
        do {
            text = try TextDecoding.decode(try fileSystem.readFile(at: path)).text
        } catch let error as TextDecodingError {
            return ([], [.error("invalid UTF-8 at byte offset \(error.byteOffset)", at: SourceLocation(file: shown, line: error.line, column: error.column), rule: "encoding")])
        } catch {
            return ([], [.error("cannot read file: \(error)", at: SourceLocation(file: shown), rule: "io")])
        }
        let sources: [ManifestSource]
        if ["yaml", "yml"].contains(Path.fileExtension(path)) {
            sources = [ManifestSource(file: shown, text: text)]
        } else {
            let split = FrontMatterSplit.split(text)
            let document = MarkdownDocument(parsing: split.body)
            sources = ManifestExamples.find(in: document, file: shown, lineOffset: split.bodyStartLine - 1).map(\.source)
        }
        return (ManifestValidator.validate(sources, options: options), [])
    }
}
