import Content
import GongbuCore
import Manifests
import Markdown

/// `gongbu validate`: checks notes, YAML files and folders, one scope per file: the manifests,
/// and the kubectl commands of notes (`CommandChecks`), reported as problems at their lines.
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

    static let extensions = SourceLayout.markdownExtensions.union(SourceLayout.yamlExtensions)

    public func run() -> ValidationReport {
        var problems: [Diagnostic] = []
        var files: [String] = []
        for path in paths {
            switch fileSystem.kind(of: path) {
            case .directory?:
                let (found, skipped) = listFiles(path)
                files += found
                problems += skipped
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

    /// Notes and YAML files under a folder, by the walker's rules (hidden entries skipped,
    /// symbolic links followed only inside the folder).
    func listFiles(_ folder: String) -> ([String], [Diagnostic]) {
        var walker = FolderWalker(fileSystem: fileSystem, boundary: folder)
        let files = walker.files(under: folder).map(\.logicalPath).filter { Self.extensions.contains(Path.fileExtension($0)) }
        let diagnostics = walker.diagnostics.map { diagnostic in
            var shown = diagnostic
            shown.location?.file = display(Path.join(folder, diagnostic.location?.file ?? ""))
            return shown
        }
        return (files, diagnostics)
    }

    func check(_ path: String) -> ([SourceResult], [Diagnostic]) {
        let shown = display(path)
        let text: String
        do {
            text = try TextDecoding.decode(try fileSystem.readFile(at: path)).text
        } catch let error as TextDecodingError {
            return (
                [],
                [
                    .error(
                        "invalid UTF-8 at byte offset \(error.byteOffset)",
                        at: SourceLocation(file: shown, line: error.line, column: error.column), rule: "encoding")
                ]
            )
        } catch {
            return ([], [.error("cannot read file: \(error)", at: SourceLocation(file: shown), rule: "io")])
        }
        let sources: [ManifestSource]
        var commandProblems: [Diagnostic] = []
        if SourceLayout.yamlExtensions.contains(Path.fileExtension(path)) {
            sources = [ManifestSource(file: shown, text: text)]
        } else {
            let split = FrontMatterSplit.split(text)
            let document = MarkdownDocument(parsing: split.body, extensions: .notes)
            // The kubectl commands first: finding the examples replaces their code blocks.
            commandProblems = CommandChecks.diagnostics(
                in: document, markdown: split.body, file: shown, lineOffset: split.bodyStartLine - 1,
                kubernetesVersion: options.version)
            sources = ManifestExamples.find(in: document, file: shown, lineOffset: split.bodyStartLine - 1).map(\.source)
        }
        return (ManifestValidator.validate(sources, options: options), commandProblems)
    }
}
