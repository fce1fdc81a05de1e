import GongbuCore

/// Everything read from the source folder, before any Markdown is parsed.
public struct LoadedContent: Sendable {
    public var config: SiteConfig
    /// Notes, sorted by path, drafts removed unless asked for.
    public var notes: [SourceNote]
    /// Concept entries from content/glossary/, sorted by path.
    public var glossary: [SourceDocument]
    /// Everything else under content/ (images, PDFs …), sorted by path.
    public var staticFiles: [StaticFile]
    /// Folder the notes were read from, relative to the source folder ("content", or "." when the
    /// source folder is itself a plain folder of notes).
    public var contentFolder: String
    public var diagnostics: [Diagnostic]
}

/// Stage 1 of the pipeline: finds and reads the source files.
///
/// Layout: `content/` holds notes (every `.md`, subfolders allowed) and `content/glossary/<id>.md`
/// concept entries; `templates/` and `gongbu.yml` sit beside it. A folder without `content/` is
/// read as a plain folder of notes, so `gongbu build --source notes/` works on any folder of Markdown.
public struct ContentLoader: Sendable {
    public var fileSystem: any FileSystem
    /// Absolute, normalised.
    public var sourceRoot: String
    /// Never read from (it may sit inside the source folder).
    public var excludedPaths: [String]
    public var includeDrafts: Bool

    public init(fileSystem: any FileSystem, sourceRoot: String, excludedPaths: [String] = [], includeDrafts: Bool = false) {
        self.fileSystem = fileSystem
        self.sourceRoot = Path.normalize(sourceRoot)
        self.excludedPaths = excludedPaths.map(Path.normalize)
        self.includeDrafts = includeDrafts
    }

    public static let glossaryFolder = SourceLayout.glossaryFolder
    static let markdownExtensions = SourceLayout.markdownExtensions

    /// Reads the source folder. `checkSlugs: false` keeps notes whose slug another note already
    /// has (the preview server checks slugs itself, every time its set of notes changes).
    public func load(checkSlugs: Bool = true) -> LoadedContent {
        var diagnostics: [Diagnostic] = []
        let (config, configDiagnostics) = loadConfig()
        diagnostics += configDiagnostics

        let contentRoot: String
        let contentFolder: String
        let candidate = Path.join(sourceRoot, SourceLayout.contentFolder)
        if fileSystem.isDirectory(candidate) {
            contentRoot = candidate
            contentFolder = SourceLayout.contentFolder
        } else {
            contentRoot = sourceRoot
            contentFolder = "."
        }

        var walker = FolderWalker(
            fileSystem: fileSystem, boundary: sourceRoot,
            excluded: excludedPaths
                + (contentFolder == "."
                    ? [
                        Path.join(sourceRoot, SourceLayout.templatesFolder), Path.join(sourceRoot, SiteConfig.fileName),
                    ] : []))
        let files = walker.files(under: contentRoot)
        diagnostics += walker.diagnostics

        var markdown: [WalkedFile] = []
        var staticFiles: [StaticFile] = []
        for file in files {
            let contentPath = Path.relative(file.logicalPath, to: contentRoot)
            let displayPath = Path.relative(file.logicalPath, to: sourceRoot)
            if Self.markdownExtensions.contains(Path.fileExtension(file.logicalPath)) {
                markdown.append(file)
            } else {
                staticFiles.append(StaticFile(path: displayPath, contentPath: contentPath, absolutePath: file.readPath))
            }
        }

        // Read, decode and parse front matter on all cores.
        let parsed = markdown.concurrentMap { file in
            readDocument(file, contentRoot: contentRoot, isGlossaryFolder: contentFolder == SourceLayout.contentFolder)
        }

        var notes: [SourceNote] = []
        var glossary: [SourceDocument] = []
        for (document, isGlossary, documentDiagnostics) in parsed {
            diagnostics += documentDiagnostics
            guard let document else { continue }
            if isGlossary {
                glossary.append(document)
                continue
            }
            let (note, noteDiagnostics) = Self.makeNote(document)
            diagnostics += noteDiagnostics
            if note.metadata.draft && !includeDrafts { continue }
            notes.append(note)
        }
        if checkSlugs { diagnostics += Self.checkSlugs(&notes) }

        return LoadedContent(
            config: config, notes: notes, glossary: glossary, staticFiles: staticFiles,
            contentFolder: contentFolder, diagnostics: diagnostics)
    }

    /// Reads, decodes and splits one Markdown file. Runs concurrently with the others.
    func readDocument(_ file: WalkedFile, contentRoot: String, isGlossaryFolder: Bool) -> (SourceDocument?, Bool, [Diagnostic]) {
        let contentPath = Path.relative(file.logicalPath, to: contentRoot)
        let displayPath = Path.relative(file.logicalPath, to: sourceRoot)
        let isGlossary = isGlossaryFolder && contentPath.hasPrefix(Self.glossaryFolder + "/")
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.readFile(at: file.readPath)
        } catch {
            // Deleted or renamed between listing and reading (an editor saving, a sync client):
            // nothing to publish and nothing lost, so a warning.
            if fileSystem.kind(of: file.readPath) == nil {
                return (
                    nil, isGlossary,
                    [
                        .warning(
                            "the file disappeared while the build was reading the notes; it is left out of this build",
                            at: SourceLocation(file: displayPath), rule: "io")
                    ]
                )
            }
            return (nil, isGlossary, [.error("cannot read file: \(error.reason)", at: SourceLocation(file: displayPath), rule: "io")])
        }
        let decoded: DecodedText
        do {
            decoded = try TextDecoding.decode(bytes)
        } catch {
            return (
                nil, isGlossary,
                [
                    .error(
                        "invalid UTF-8 at byte offset \(error.byteOffset); the file must be saved as UTF-8",
                        at: SourceLocation(file: displayPath, line: error.line, column: error.column), rule: "encoding")
                ]
            )
        }
        var (document, diagnostics) = SourceDocument.parse(text: decoded.text, path: displayPath, contentPath: contentPath)
        for note in decoded.notes {
            diagnostics.append(
                .warning(note.message, at: SourceLocation(file: displayPath, line: note.line, column: note.column), rule: "encoding"))
        }
        return (document, isGlossary, diagnostics)
    }

    /// The folder notes are read from: content/ when the source has it, else the source itself.
    public var contentRoot: String {
        let candidate = Path.join(sourceRoot, SourceLayout.contentFolder)
        return fileSystem.isDirectory(candidate) ? candidate : sourceRoot
    }

    /// Reads one Markdown file again (for incremental rebuilds). Returns the note, or the
    /// glossary document when the file is a concept entry, with its diagnostics.
    public func loadFile(at absolutePath: String) -> (note: SourceNote?, glossary: SourceDocument?, diagnostics: [Diagnostic]) {
        let root = contentRoot
        let file = WalkedFile(logicalPath: absolutePath, readPath: absolutePath)
        let (document, isGlossary, diagnostics) = readDocument(file, contentRoot: root, isGlossaryFolder: root != sourceRoot)
        guard let document else { return (nil, nil, diagnostics) }
        if isGlossary { return (nil, document, diagnostics) }
        let (note, noteDiagnostics) = Self.makeNote(document)
        if note.metadata.draft && !includeDrafts { return (nil, nil, diagnostics + noteDiagnostics) }
        return (note, nil, diagnostics + noteDiagnostics)
    }

    func loadConfig() -> (SiteConfig, [Diagnostic]) {
        let path = Path.join(sourceRoot, SiteConfig.fileName)
        guard fileSystem.kind(of: path) != nil else { return (SiteConfig(), []) }
        do {
            let decoded = try TextDecoding.decode(try fileSystem.readFile(at: path))
            return SiteConfig.read(decoded.text, file: SiteConfig.fileName)
        } catch let error as TextDecodingError {
            return (
                SiteConfig(),
                [
                    .error(
                        "invalid UTF-8 at byte offset \(error.byteOffset)",
                        at: SourceLocation(file: SiteConfig.fileName, line: error.line, column: error.column), rule: "encoding")
                ]
            )
        } catch let error as FileSystemError {
            return (SiteConfig(), [.error("cannot read file: \(error.reason)", at: SourceLocation(file: SiteConfig.fileName), rule: "io")])
        } catch {
            return (SiteConfig(), [.error("\(error)", at: SourceLocation(file: SiteConfig.fileName), rule: "io")])
        }
    }

    /// Typed metadata, slug, date and name title for one note.
    public static func makeNote(_ document: SourceDocument) -> (SourceNote, [Diagnostic]) {
        var (metadata, diagnostics) = NoteMetadata.read(
            document.frontMatter, file: document.path,
            lineOffset: document.frontMatterLineOffset)
        var stem = Path.stem(document.contentPath)
        var date = metadata.date
        if let jekyll = JekyllName.split(stem) {
            stem = jekyll.rest
            date = date ?? jekyll.date
        }
        let source = metadata.slug ?? stem
        var slug = Slug.make(source)
        if slug.isEmpty {
            slug = Slug.fallback(for: document.contentPath, prefix: "note")
            diagnostics.append(
                .warning(
                    "'\(source)' has no letters or digits to make a URL from; the note is published as '\(slug)' (set 'slug:' in the front matter to choose)",
                    at: SourceLocation(file: document.path), rule: "slug"))
        }
        metadata.date = date
        return (SourceNote(document: document, metadata: metadata, slug: slug, date: date, nameTitle: stem), diagnostics)
    }

    /// Two notes with one slug would overwrite each other's page: an error naming both files.
    /// The later note is left out of the rest of the build, so the clash is reported once.
    public static func checkSlugs(_ notes: inout [SourceNote]) -> [Diagnostic] {
        var firstBySlug: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        notes.removeAll { note in
            if let other = firstBySlug[note.slug] {
                diagnostics.append(
                    .error(
                        "note slug '\(note.slug)' is already used by \(other); both would be published at notes/\(note.slug)/ (set a different 'slug:' in one of them)",
                        at: SourceLocation(file: note.path), rule: "slug"))
                return true
            }
            firstBySlug[note.slug] = note.path
            return false
        }
        return diagnostics
    }
}
