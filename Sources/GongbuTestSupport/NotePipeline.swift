import Build
import Content
import Foundation
import GongbuCore
import Site
import Write

/// One note through every stage on its own — decode, front matter, Markdown, concept linking,
/// example validation, the site model and the note's page — against a site loaded once.
///
/// It runs the same `Pipeline` steps as a build (load once, then analyse and render per
/// input). The fuzz targets drive the pipeline through this type (a full build per input
/// would spend its time loading the theme and glossary), and tests use it to render a single
/// note.
public struct NotePipeline: Sendable {
    let fileSystem: InMemoryFileSystem
    let options: BuildOptions
    let site: LoadedSite

    /// Prepares a site from in-memory files (paths relative to the site folder, such as
    /// `content/glossary/pod.md`); the built-in theme is used unless `templates/` is given.
    public init(siteFiles: [String: String]) {
        let fileSystem = InMemoryFileSystem()
        for (path, text) in siteFiles { try? fileSystem.writeString(text, to: Path.join("/site", path)) }
        try? fileSystem.createDirectory(at: "/site/" + SourceLayout.contentFolder)
        self.fileSystem = fileSystem
        options = BuildOptions(
            fileSystem: fileSystem, sourceRoot: "/site", outputRoot: "/site/" + SourceLayout.defaultOutputFolder,
            homeDirectory: "/nonexistent")
        site = Pipeline.load(options)!
    }

    /// What one note produced: its diagnostics and, when it is a note at all, its page and the
    /// pages of the concepts it mentions (their backlinks quote the note).
    public struct Output: Sendable {
        public var diagnostics: [Diagnostic]
        public var pages: [String: String]
    }

    /// Runs the note's bytes through the pipeline as `content/notes/<name>`.
    public func run(_ bytes: [UInt8], name: String = "note.md") -> Output {
        let path = "/site/content/notes/" + name
        try? fileSystem.writeFile(bytes, to: path)
        defer { try? fileSystem.removeItem(at: path) }
        let (note, _, loadDiagnostics) = Pipeline.contentLoader(options).loadFile(at: path)
        guard let note else { return Output(diagnostics: loadDiagnostics, pages: [:]) }
        let analysed = Pipeline.analyse(site, notes: site.content.notes + [note])
        let diagnostics = loadDiagnostics + analysed.setupDiagnostics + (analysed.notes.last?.diagnostics ?? []) + analysed.modelDiagnostics
        let rendered = Pipeline.render(analysed.model, theme: site.theme, generatorVersion: "pipeline")
        var pages: [String: String] = [:]
        for job in rendered.renderer.allJobs {
            switch job {
            case .note, .concept, .tag:
                let file = rendered.renderer.renderPage(job)
                pages[file.path] = String(decoding: file.renderedBytes, as: UTF8.self)
            default:
                continue
            }
        }
        for file in rendered.renderer.dataFiles() {
            pages[file.path] = String(decoding: file.renderedBytes, as: UTF8.self)
        }
        return Output(diagnostics: diagnostics, pages: pages)
    }
}
