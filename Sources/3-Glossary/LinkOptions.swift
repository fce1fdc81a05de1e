import GongbuCore

/// Where links point and how many are made. The site fills this in; the glossary stage does not
/// know the URL layout. Pages at one depth share a context, so one linker serves them all.
public struct LinkContext: Sendable {
    /// Link every mention (true) or the first mention of a concept per section (false).
    public var linkEveryMention: Bool
    /// Link the first mention per paragraph, not per section (a note's part under one heading).
    public var linkPerParagraph = false
    /// Render mentions in headings as links (they count for the graph either way).
    public var linkHeadings: Bool
    /// The href of a concept page, from the page being rendered.
    public var conceptHref: @Sendable (String) -> String
    /// The href of a note page (by slug), from the page being rendered.
    public var noteHref: @Sendable (String) -> String
    /// Notes that wikilinks may name: slug → title.
    public var noteTitles: [String: String]
    /// Other names of notes, lower-cased (their last path segment) → slug.
    public var noteNames: [String: String]
    /// A wikilink to nothing is an error (gongbu sites) or a warning (other sources).
    public var unknownWikilinksAreErrors = true

    public init(
        linkEveryMention: Bool, linkHeadings: Bool,
        conceptHref: @escaping @Sendable (String) -> String, noteHref: @escaping @Sendable (String) -> String,
        noteTitles: [String: String], noteNames: [String: String] = [:]
    ) {
        self.noteNames = noteNames
        self.linkEveryMention = linkEveryMention
        self.linkHeadings = linkHeadings
        self.conceptHref = conceptHref
        self.noteHref = noteHref
        self.noteTitles = noteTitles
    }
}

/// Text around a mention, for backlinks (`…컨테이너를 묶은 [파드]는 …`).
public typealias Snippet = TextSnippet

/// How a note mentions one concept.
public struct Mention: Sendable, Hashable {
    public var concept: Int
    /// Mentions in text (headings included), not counting wikilinks.
    public var count: Int
    /// Explicit `[[id]]` links.
    public var wikilinks: Int
    public var firstLine: Int
    public var snippet: Snippet?

    /// Concepts whose mention differs between two versions of a note's mentions (count,
    /// wikilinks, line or snippet), including concepts mentioned in only one of them.
    public static func changedConcepts(from before: [Mention], to after: [Mention]) -> Set<Int> {
        var old: [Int: Mention] = [:]
        for mention in before { old[mention.concept] = mention }
        var changed = Set<Int>()
        for mention in after where old.removeValue(forKey: mention.concept) != mention {
            changed.insert(mention.concept)
        }
        changed.formUnion(old.keys)
        return changed
    }
}

/// A wikilink target: a concept or a note.
public enum WikiTarget: Sendable, Hashable {
    case concept(Int)
    case note(String)
}

/// What linking found in one document.
public struct LinkResult: Sendable {
    public init() {}
    /// By concept index, in order of first mention.
    public var mentions: [Mention] = []
    /// Explicit links to other notes, by slug, with counts.
    public var noteLinks: [String: Int] = [:]
    public var diagnostics: [Diagnostic] = []
}
