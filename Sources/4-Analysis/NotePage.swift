import Content
import Glossary
import Markdown
import Study

/// One note, analysed and rendered to an HTML fragment, ready for its page.
public struct NotePage: Sendable {
    public var slug: String
    public var title: String
    public var summary: String?
    public var date: NoteDate?
    public var lastModified: NoteDate?
    /// Tag names as written in the front matter (resolved to `TagRef`s by `SiteModel`).
    public var tagNames: [String]
    public var categories: [String]
    /// Path relative to the source folder.
    public var source: String
    /// The note body as HTML (sanitised unless the site opted into raw HTML).
    public var bodyHTML: String
    public var headings: [Heading]
    public var showTableOfContents: Bool
    /// Site-relative paths that should redirect here.
    public var aliases: [String]
    public var params: [YAMLEntry]
    /// Concepts the note mentions, in order of first mention.
    public var mentions: [Mention]
    /// Explicit `[[slug]]` links to other notes.
    public var noteLinks: [String: Int]
    /// Manifest examples, as downloadable files.
    public var examples: [ExampleFile] = []
    /// Review cards from the note's lines and its `expect-error` examples (`CardExtractor`).
    public var cards: [Card] = []
    /// The note's prose, for the search index.
    public var searchText = ""
    /// Notes this note links to with relative Markdown links (by slug).
    public var linkedNotes: Set<String> = []
    /// Notes whose text this page shows (`![[노트]]`), by slug: a change to them changes it.
    public var embeddedNotes: Set<String> = []

    public init(
        slug: String, title: String, summary: String?, date: NoteDate?, lastModified: NoteDate?, tagNames: [String],
        categories: [String], source: String, bodyHTML: String, headings: [Heading], showTableOfContents: Bool,
        aliases: [String], params: [YAMLEntry], mentions: [Mention] = [], noteLinks: [String: Int] = [:]
    ) {
        self.mentions = mentions
        self.noteLinks = noteLinks
        self.slug = slug
        self.title = title
        self.summary = summary
        self.date = date
        self.lastModified = lastModified
        self.tagNames = tagNames
        self.categories = categories
        self.source = source
        self.bodyHTML = bodyHTML
        self.headings = headings
        self.showTableOfContents = showTableOfContents
        self.aliases = aliases
        self.params = params
    }
}
