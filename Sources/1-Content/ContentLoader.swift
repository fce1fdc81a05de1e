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
    /// What kind of folder the source is, and its tool's rules.
    public var profile: SourceProfile
    /// Labels and positions that folders give themselves (Docusaurus' `_category_.json`), by
    /// the folder's site path.
    public var folders: [String: FolderInfo] = [:]
}

/// What a folder says about itself: its label in the navigation and its place among its
/// siblings (Docusaurus' `_category_.json` or `_category_.yml`: `label`, `position`).
public struct FolderInfo: Sendable, Hashable {
    public var title: String?
    public var position: Double?

    public init(title: String? = nil, position: Double? = nil) {
        self.title = title
        self.position = position
    }
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
    /// The kind of folder and its tool's rules (`SourceProfile.detect`).
    public var profile: SourceProfile
    /// Problems reading the tool's own config.
    public var profileDiagnostics: [Diagnostic]

    public init(fileSystem: any FileSystem, sourceRoot: String, excludedPaths: [String] = [], includeDrafts: Bool = false) {
        self.fileSystem = fileSystem
        self.sourceRoot = Path.normalize(sourceRoot)
        self.excludedPaths = excludedPaths.map(Path.normalize)
        self.includeDrafts = includeDrafts
        (profile, profileDiagnostics) = SourceProfile.detect(fileSystem: fileSystem, sourceRoot: self.sourceRoot)
    }

    public static let glossaryFolder = SourceLayout.glossaryFolder
    static let markdownExtensions = SourceLayout.markdownExtensions

    /// Reads the source folder. `checkSlugs: false` keeps notes whose slug another note already
    /// has (the preview server checks slugs itself, every time its set of notes changes).
    public func load(checkSlugs: Bool = true) -> LoadedContent {
        var diagnostics: [Diagnostic] = []
        var (config, configDiagnostics) = loadConfig(profile)
        diagnostics += configDiagnostics
        config.sourceKind = profile.kind

        diagnostics += profileDiagnostics
        let contentRoot = self.contentRoot
        let contentFolder = profile.contentFolder
        var profile = self.profile
        profile.excludeGlobs += config.exclude
        let includeDrafts = self.includeDrafts
        var walker = FolderWalker(
            fileSystem: fileSystem, boundary: sourceRoot,
            excluded: excludedPaths
                + (contentFolder == "."
                    ? [
                        Path.join(sourceRoot, SourceLayout.templatesFolder), Path.join(sourceRoot, SiteConfig.fileName),
                    ] : []))
        walker.skip = profile.exclusionRule(includeDrafts: includeDrafts)
        let files = walker.files(under: contentRoot)
        diagnostics += walker.diagnostics

        var markdown: [WalkedFile] = []
        var staticFiles: [StaticFile] = []
        var folders: [String: FolderInfo] = [:]
        for file in files {
            let contentPath = Path.relative(file.logicalPath, to: contentRoot)
            let displayPath = Path.relative(file.logicalPath, to: sourceRoot)
            if Self.markdownExtensions.contains(Path.fileExtension(file.logicalPath)) {
                markdown.append(file)
            } else if Self.folderInfoNames.contains(Path.lastComponent(contentPath)) {
                let folder = Self.folderSitePath(Path.parent(of: contentPath))
                if let info = readFolderInfo(file, displayPath: displayPath, diagnostics: &diagnostics) { folders[folder] = info }
            } else if profile.skipLiquidPages, isLiquidPage(file) {
                // A theme's page (HTML with front matter): gongbu renders with its own theme.
                continue
            } else {
                staticFiles.append(StaticFile(path: displayPath, contentPath: contentPath, absolutePath: file.readPath))
            }
        }

        // Hugo's and Docusaurus' static/ is served from the site's root (`/img/a.png`).
        let staticRoot = Path.join(sourceRoot, SourceLayout.staticFolder)
        if profile.kind == .hugo || profile.kind == .docusaurus, fileSystem.isDirectory(staticRoot) {
            var staticWalker = FolderWalker(fileSystem: fileSystem, boundary: sourceRoot, excluded: excludedPaths)
            let taken = Set(staticFiles.map(\.contentPath))
            for file in staticWalker.files(under: staticRoot) {
                let contentPath = Path.relative(file.logicalPath, to: staticRoot)
                guard !taken.contains(contentPath) else { continue }
                staticFiles.append(
                    StaticFile(path: Path.relative(file.logicalPath, to: sourceRoot), contentPath: contentPath, absolutePath: file.readPath)
                )
            }
            diagnostics += staticWalker.diagnostics
            staticFiles.sort { $0.contentPath < $1.contentPath }
        }

        // Read, decode and parse front matter on all cores.
        let parsed = markdown.concurrentMap { file in
            readDocument(file, contentRoot: contentRoot, isGlossaryFolder: hasGlossaryFolder)
        }

        var notes: [SourceNote] = []
        var readPaths: [String] = []
        var glossary: [SourceDocument] = []
        for ((document, isGlossary, documentDiagnostics), file) in zip(parsed, markdown) {
            diagnostics += documentDiagnostics
            guard let document else { continue }
            if isGlossary {
                glossary.append(document)
                continue
            }
            let (note, noteDiagnostics) = Self.makeNote(
                document, folderPageNames: profile.folderPageNames, postPermalink: profile.postPermalink)
            diagnostics += noteDiagnostics
            if note.metadata.draft && !includeDrafts { continue }
            notes.append(note)
            readPaths.append(file.readPath)
        }
        notes = mergingLinkedNotes(notes, readPaths: readPaths)
        if checkSlugs { diagnostics += Self.checkSlugs(&notes) }
        let sitePaths = notes.flatMap { [$0.slug] + $0.metadata.aliases } + staticFiles.map(\.contentPath)
        config.glossaryFolder = SiteURLs.glossaryFolder(avoiding: sitePaths)
        config.studyFolder = SiteURLs.studyFolder(avoiding: sitePaths + [config.glossaryFolder])

        return LoadedContent(
            config: config, notes: notes, glossary: glossary, staticFiles: staticFiles,
            contentFolder: contentFolder, diagnostics: diagnostics, profile: profile, folders: folders)
    }

    /// Files in which a folder describes itself (Docusaurus); never published.
    public static let folderInfoNames: Set<String> = ["_category_.json", "_category_.yml", "_category_.yaml"]

    /// A `_category_.json` or `.yml` file's label and position; a file that does not parse is a
    /// `config` warning at its position.
    func readFolderInfo(_ file: WalkedFile, displayPath: String, diagnostics: inout [Diagnostic]) -> FolderInfo? {
        guard let bytes = try? fileSystem.readFile(at: file.readPath), let text = try? TextDecoding.decode(bytes).text else { return nil }
        do {
            guard case .map(let entries) = try YAMLReader.read(text) else { return nil }
            var info = FolderInfo()
            for entry in entries {
                switch (entry.key, entry.value) {
                case ("label", .string(let label)): info.title = label
                case ("position", .int(let value)): info.position = Double(value)
                case ("position", .double(let value)): info.position = value
                default: continue
                }
            }
            return info
        } catch {
            diagnostics.append(
                .warning(
                    "\(Path.lastComponent(displayPath)) is not valid JSON or YAML (\(error.message)); the folder's label and position are not used",
                    at: SourceLocation(file: displayPath, line: error.line, column: error.column), rule: "config"))
            return nil
        }
    }

    /// One page per file: where symbolic links make one note appear at several paths (a
    /// folder's `README.md` linking to its map-of-content note), one path keeps the page and
    /// each other path becomes a redirect to it (`aliases`) and a name links may use
    /// (`linkedPaths`). A folder's page keeps it (so the folder's section shows the note),
    /// else the file itself, else the first path in order.
    func mergingLinkedNotes(_ notes: [SourceNote], readPaths: [String]) -> [SourceNote] {
        var indicesByReadPath: [String: [Int]] = [:]
        for (index, path) in readPaths.enumerated() { indicesByReadPath[path, default: []].append(index) }
        guard indicesByReadPath.count < notes.count else { return notes }
        var result = notes
        var removed = Set<Int>()
        for indices in indicesByReadPath.values where indices.count > 1 {
            let isLink = { (index: Int) in
                self.fileSystem.kind(of: Path.join(self.sourceRoot, notes[index].document.path)) == .symbolicLink
            }
            let isFolderPage = { (index: Int) in
                self.profile.folderPageNames.contains(Path.stem(notes[index].document.contentPath).lowercased())
            }
            let primary = indices.first(where: isFolderPage) ?? indices.first { !isLink($0) } ?? indices[0]
            for other in indices where other != primary {
                result[primary].metadata.aliases.append("/" + notes[other].slug + "/")
                result[primary].linkedPaths.append(notes[other].document.contentPath)
                removed.insert(other)
            }
        }
        return result.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
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

    /// The folder notes are read from: content/ for a gongbu or Hugo site, the docs folder of
    /// an MkDocs site, else the source itself.
    public var contentRoot: String {
        profile.contentFolder == "." ? sourceRoot : Path.join(sourceRoot, profile.contentFolder)
    }

    /// Concept entries live in content/glossary/ of a gongbu site (other tools' `glossary`
    /// folders are notes like any other).
    var hasGlossaryFolder: Bool { profile.kind == .gongbu && profile.contentFolder == SourceLayout.contentFolder }

    /// Whether an HTML file starts with front matter (`---`): a Jekyll layout's page.
    func isLiquidPage(_ file: WalkedFile) -> Bool {
        guard Path.fileExtension(file.logicalPath).lowercased() == "html", let bytes = try? fileSystem.readFile(at: file.readPath) else {
            return false
        }
        return bytes.starts(with: Array("---".utf8))
    }

    /// Reads one Markdown file again (for incremental rebuilds). Returns the note, or the
    /// glossary document when the file is a concept entry, with its diagnostics.
    public func loadFile(at absolutePath: String) -> (note: SourceNote?, glossary: SourceDocument?, diagnostics: [Diagnostic]) {
        let root = contentRoot
        let file = WalkedFile(logicalPath: absolutePath, readPath: absolutePath)
        let (document, isGlossary, diagnostics) = readDocument(file, contentRoot: root, isGlossaryFolder: hasGlossaryFolder)
        guard let document else { return (nil, nil, diagnostics) }
        if isGlossary { return (nil, document, diagnostics) }
        let (note, noteDiagnostics) = Self.makeNote(
            document, folderPageNames: profile.folderPageNames, postPermalink: profile.postPermalink)
        if note.metadata.draft && !includeDrafts { return (nil, nil, diagnostics + noteDiagnostics) }
        return (note, nil, diagnostics + noteDiagnostics)
    }

    /// gongbu.yml; without one, the source tool's own config names the site (`profile`).
    func loadConfig(_ profile: SourceProfile) -> (SiteConfig, [Diagnostic]) {
        let path = Path.join(sourceRoot, SiteConfig.fileName)
        guard fileSystem.kind(of: path) != nil else {
            var config = SiteConfig()
            if let title = profile.title, !title.isEmpty { config.title = title }
            if let base = profile.baseURL, !base.isEmpty { config.baseURL = base.hasSuffix("/") ? base : base + "/" }
            if let language = profile.language, !language.isEmpty { config.language = language }
            config.math = profile.math
            return (config, [])
        }
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
    public static func makeNote(
        _ document: SourceDocument, folderPageNames: Set<String> = ["readme", "index", "_index"], postPermalink: String? = nil
    ) -> (SourceNote, [Diagnostic]) {
        var (metadata, diagnostics) = NoteMetadata.read(
            document.frontMatter, file: document.path,
            lineOffset: document.frontMatterLineOffset)
        var stem = Path.stem(document.contentPath)
        var date = metadata.date
        if let jekyll = JekyllName.split(stem) {
            stem = jekyll.rest
            date = date ?? jekyll.date
        }
        var (slug, pathDiagnostics) = sitePath(of: document, metadata: metadata, stem: stem, folderPageNames: folderPageNames)
        // A Jekyll post lives where Jekyll puts it, so the author's links to it keep working.
        if let template = postPermalink, metadata.url == nil, document.contentPath.hasPrefix("_posts/") {
            slug = jekyllPostPath(template, title: Slug.make(metadata.slug ?? stem), date: date, categories: metadata.categories)
        }
        diagnostics += pathDiagnostics
        metadata.date = date
        return (SourceNote(document: document, metadata: metadata, slug: slug, date: date, nameTitle: stem), diagnostics)
    }

    /// Where a note's page lives, as a site path without slashes at either end
    /// (`k8s-basic/section-04/service`): its folders under the content folder, then its file
    /// name as a slug (`slug:` in the front matter replaces that last segment). `README.md`,
    /// `index.md` and `_index.md` are their folder's page; `url:` or `permalink:` give the whole
    /// path. The content folder's own index page is the home page's introduction ("").
    static func sitePath(
        of document: SourceDocument, metadata: NoteMetadata, stem: String, folderPageNames: Set<String>
    ) -> (String, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func segment(_ text: String, fallbackFor: String) -> String {
            let slug = Slug.make(text)
            return slug.isEmpty ? Slug.fallback(for: fallbackFor, prefix: "note") : slug
        }
        if let url = metadata.url {
            let segments = url.split(separator: "/").map(String.init).filter { $0 != "." && $0 != ".." && !$0.isEmpty }
            let path = segments.map { segment($0, fallbackFor: url) }.joined(separator: "/")
            if !segments.isEmpty || url.trimmingCharacters(in: .whitespaces) == "/" { return (path, []) }
        }
        let folder = folderSitePath(Path.parent(of: document.contentPath))
        if metadata.slug == nil, folderPageNames.contains(stem.lowercased()) {
            return (folder, [])
        }
        let source = metadata.slug ?? stem
        var last = Slug.make(source)
        if last.isEmpty {
            last = Slug.fallback(for: document.contentPath, prefix: "note")
            diagnostics.append(
                .warning(
                    "'\(source)' has no letters or digits to make a URL from; the note is published as '\(last)' (set 'slug:' in the front matter to choose)",
                    at: SourceLocation(file: document.path), rule: "slug"))
        }
        return (folder.isEmpty ? last : folder + "/" + last, diagnostics)
    }

    /// A post's path by Jekyll's permalink template (`/:categories/:year/:month/:day/:title/`).
    static func jekyllPostPath(_ template: String, title: String, date: NoteDate?, categories: [String]) -> String {
        let day = date?.isoDay.split(separator: "-").map(String.init) ?? []
        let values: [String: String] = [
            "year": day.first ?? "", "month": day.count > 1 ? day[1] : "", "day": day.count > 2 ? day[2] : "",
            "i_month": day.count > 1 ? String(Int(day[1]) ?? 0) : "", "i_day": day.count > 2 ? String(Int(day[2]) ?? 0) : "",
            "short_year": day.first.map { String($0.suffix(2)) } ?? "", "title": title, "slug": title,
            "categories": categories.map(Slug.make).filter { !$0.isEmpty }.joined(separator: "/"), "output_ext": "",
        ]
        var path = ""
        var index = template.startIndex
        while index < template.endIndex {
            if template[index] == ":" {
                let nameEnd = template[template.index(after: index)...].firstIndex { !($0.isLetter || $0 == "_") } ?? template.endIndex
                let name = String(template[template.index(after: index)..<nameEnd])
                path += values[name] ?? ""
                index = nameEnd
            } else {
                path.append(template[index])
                index = template.index(after: index)
            }
        }
        let segments = path.split(separator: "/").map { String($0).replacingOccurrences(of: ".html", with: "") }.filter { !$0.isEmpty }
        return segments.isEmpty ? title : segments.joined(separator: "/")
    }

    /// A folder's site path (a content path such as `Design Patterns/Part 1`): each segment as
    /// a slug, with a stable fallback for a name that has nothing to make one from. "" for the
    /// content folder itself.
    public static func folderSitePath(_ folder: String) -> String {
        guard folder != "." && !folder.isEmpty else { return "" }
        return folder.split(separator: "/").map { name in
            let slug = Slug.make(String(name))
            return slug.isEmpty ? Slug.fallback(for: folder, prefix: "note") : slug
        }.joined(separator: "/")
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
                        "\(other) and this note would both be published at \(note.slug.isEmpty ? "the home page" : note.slug + "/") (set a different 'slug:' or 'url:' in one of them)",
                        at: SourceLocation(file: note.path), rule: "slug"))
                return true
            }
            firstBySlug[note.slug] = note.path
            return false
        }
        return diagnostics
    }
}
