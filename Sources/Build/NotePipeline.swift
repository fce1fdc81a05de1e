import Content
import Foundation
import Glossary
import GongbuCore
import Site

/// One note through every stage on its own — decode, front matter, Markdown, concept linking,
/// example validation, the site model and the note's page — against a site prepared once.
///
/// The fuzz targets drive the pipeline through this type (a full build per input would spend
/// its time loading the theme and glossary), and it is a small way to render a single note.
public struct NotePipeline: Sendable {
    let fileSystem: InMemoryFileSystem
    let loader: ContentLoader
    let content: LoadedContent
    let theme: Theme
    let glossary: Glossary

    /// Prepares a site from in-memory files (paths relative to the site folder, such as
    /// `content/glossary/pod.md`); the built-in theme is used unless `templates/` is given.
    public init(siteFiles: [String: String]) {
        let fileSystem = InMemoryFileSystem()
        for (path, text) in siteFiles { try? fileSystem.writeString(text, to: Path.join("/site", path)) }
        self.fileSystem = fileSystem
        loader = ContentLoader(fileSystem: fileSystem, sourceRoot: "/site")
        content = loader.load()
        theme = Theme.load(fileSystem: fileSystem, templatesFolder: "/site/templates", displayFolder: "templates").0
        glossary = Glossary.load(content.glossary).0
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
        let (note, _, loadDiagnostics) = loader.loadFile(at: path)
        var diagnostics = loadDiagnostics
        guard let note else { return Output(diagnostics: diagnostics, pages: [:]) }
        let notes = content.notes + [note]
        let (processor, setup) = SiteBuild.makeProcessor(content: content, theme: theme, glossary: glossary, notes: notes)
        diagnostics += setup
        let (page, noteDiagnostics) = processor.process(note)
        diagnostics += noteDiagnostics
        let others = content.notes.map { processor.process($0).0 }
        let conceptBodies = glossary.concepts.indices.map(processor.processConcept)
        let (model, modelDiagnostics) = SiteBuild.assemble(config: content.config, pages: others + [page], staticFiles: content.staticFiles,
                                                          glossary: glossary, conceptBodies: conceptBodies)
        diagnostics += modelDiagnostics
        let renderer = SiteRenderer(renderer: PageRenderer(theme: theme, config: content.config, ui: UIStrings.forLanguage(content.config.language),
                                                           generatorVersion: "pipeline"), model: model)
        var pages: [String: String] = [:]
        for job in renderer.allJobs {
            switch job {
            case .note, .concept, .tag:
                let file = renderer.renderPage(job)
                if case .bytes(let bytes) = file.contents { pages[file.path] = String(decoding: bytes, as: UTF8.self) }
            default:
                continue
            }
        }
        for file in renderer.dataFiles() {
            if case .bytes(let bytes) = file.contents { pages[file.path] = String(decoding: bytes, as: UTF8.self) }
        }
        return Output(diagnostics: diagnostics, pages: pages)
    }
}
