import Analysis
import Content
import GongbuCore

/// The body HTML of given notes as the site shows them (`gongbu render`): each file is read
/// as a note of the site (a note of the site keeps its place, so its links resolve as on its
/// page; another file or standard input is read as a note at the top of the notes folder),
/// run through the same passes as in a build, and rendered, without building anything else.
public enum NoteRendering {
    public struct Input: Sendable {
        /// Where it is, absolute; nil for standard input.
        public var path: String?
        public var text: String

        public init(path: String?, text: String) {
            self.path = path
            self.text = text
        }
    }

    public struct Output: Sendable {
        public var html: String
        public var diagnostics: [Diagnostic]
    }

    public static func render(_ inputs: [Input], site: LoadedSite, sourceRoot: String) -> [Output] {
        let contentRoot = Path.join(sourceRoot, site.content.contentFolder)
        let byPath = Dictionary(site.content.notes.map { ($0.document.contentPath, $0) }, uniquingKeysWith: { first, _ in first })
        var notes: [SourceNote] = []
        var diagnostics: [[Diagnostic]] = []
        for (index, input) in inputs.enumerated() {
            let inside = input.path.map { Path.isInside($0, contentRoot) } ?? false
            let contentPath = inside ? Path.relative(input.path!, to: contentRoot) : "render-\(index + 1).md"
            let display = input.path.map { Path.relative($0, to: sourceRoot) } ?? "<stdin>"
            let (document, documentDiagnostics) = SourceDocument.parse(text: input.text, path: display, contentPath: contentPath)
            var (note, noteDiagnostics) = ContentLoader.makeNote(
                document, folderPageNames: site.content.profile.folderPageNames, postPermalink: site.content.profile.postPermalink)
            if let own = byPath[contentPath] { note.slug = own.slug }
            notes.append(note)
            diagnostics.append(documentDiagnostics + noteDiagnostics)
        }
        let ownPaths = Set(notes.map(\.document.contentPath))
        let (analyzer, _) = Pipeline.makeAnalyzer(
            site, notes: site.content.notes.filter { !ownPaths.contains($0.document.contentPath) } + notes)
        return zip(notes, diagnostics).map { note, loadDiagnostics in
            let analysis = analyzer.analyse(note)
            return Output(html: analysis.page.bodyHTML, diagnostics: loadDiagnostics + analysis.diagnostics)
        }
    }
}
