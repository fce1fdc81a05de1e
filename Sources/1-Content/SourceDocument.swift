import GongbuCore

/// A Markdown file read from disk: decoded, split into front matter and body, front matter parsed.
public struct SourceDocument: Sendable {
    /// Path relative to the source folder (`content/notes/pods.md`); used in every diagnostic.
    public var path: String
    /// Path relative to the content folder (`notes/pods.md`).
    public var contentPath: String
    /// The front matter as YAML (`.null` when there is none or it could not be read).
    public var frontMatter: YAMLValue
    /// Line of the file where the front matter's YAML starts, minus one: add it to YAML line numbers.
    public var frontMatterLineOffset: Int
    /// The Markdown body.
    public var body: String
    /// Line of the file where the body starts (1-based).
    public var bodyStartLine: Int

    public init(
        path: String, contentPath: String, frontMatter: YAMLValue = .null, frontMatterLineOffset: Int = 1,
        body: String, bodyStartLine: Int = 1
    ) {
        self.path = path
        self.contentPath = contentPath
        self.frontMatter = frontMatter
        self.frontMatterLineOffset = frontMatterLineOffset
        self.body = body
        self.bodyStartLine = bodyStartLine
    }

    /// Splits and parses decoded text. Bad front matter is an error at its exact file position;
    /// the body is still returned so later stages can report their own problems in the same run.
    public static func parse(text: String, path: String, contentPath: String) -> (SourceDocument, [Diagnostic]) {
        let split = FrontMatterSplit.split(text)
        var document = SourceDocument(
            path: path, contentPath: contentPath, frontMatterLineOffset: split.yamlStartLine - 1,
            body: split.body, bodyStartLine: split.bodyStartLine)
        var diagnostics: [Diagnostic] = []
        if split.unterminated {
            diagnostics.append(
                .error(
                    "front matter starts with '---' on line 1 but has no closing '---' line",
                    at: SourceLocation(file: path, line: 1, column: 1), rule: "front-matter"))
            return (document, diagnostics)
        }
        if let yaml = split.yaml {
            do {
                document.frontMatter = try YAMLReader.read(yaml)
            } catch {
                var message = error.message(lineOffset: document.frontMatterLineOffset)
                if let tab = firstIndentingTab(in: yaml), tab.line <= error.line {
                    message +=
                        "; note: line \(tab.line + document.frontMatterLineOffset) is indented with a tab, and YAML allows only spaces"
                }
                diagnostics.append(
                    .error(
                        "invalid front matter YAML: \(message)",
                        at: SourceLocation(file: path, line: error.line + document.frontMatterLineOffset, column: error.column),
                        rule: "front-matter"))
            }
        }
        return (document, diagnostics)
    }

    /// libyaml's message for a tab in indentation is cryptic ("found character that cannot start
    /// any token"), so when parsing fails the first tab-indented line is named as a likely cause.
    static func firstIndentingTab(in yaml: String) -> (line: Int, column: Int)? {
        var line = 1
        var column = 0
        var atLineStart = true
        for byte in yaml.utf8 {
            column += 1
            if byte == 0x0A {
                line += 1
                column = 0
                atLineStart = true
                continue
            }
            if atLineStart {
                if byte == 0x09 { return (line, column) }
                if byte != 0x20 { atLineStart = false }
            }
        }
        return nil
    }
}

/// A note: a source document with its typed metadata, its slug and its date.
public struct SourceNote: Sendable {
    public var document: SourceDocument
    public var metadata: NoteMetadata
    /// The note's site path, its identity in the site: `notes/pods` (see `ContentLoader.sitePath`).
    public var slug: String
    /// Front matter date, else the date in a Jekyll file name.
    public var date: NoteDate?
    /// The file name without extension and without a Jekyll date prefix: the last-resort title.
    public var nameTitle: String
    /// Other content paths that show this note: symbolic links to its file.
    public var linkedPaths: [String] = []

    public var path: String { document.path }

    /// The title other notes' links to it show: its front matter title, else its file name
    /// (its own first heading is known only once it is parsed).
    public var linkTitle: String { metadata.title ?? nameTitle }

    public init(document: SourceDocument, metadata: NoteMetadata, slug: String, date: NoteDate?, nameTitle: String) {
        self.document = document
        self.metadata = metadata
        self.slug = slug
        self.date = date
        self.nameTitle = nameTitle
    }
}

/// A non-Markdown file under content/ (an image next to a note, a PDF), copied as is.
public struct StaticFile: Sendable, Hashable {
    /// Relative to the source folder, for diagnostics.
    public var path: String
    /// Relative to the content folder; also its path in the output.
    public var contentPath: String
    /// Where to read it from.
    public var absolutePath: String
}
