/// What the index knows about one concept or note.
public struct SearchDocument: Sendable, Hashable {
    public enum Kind: String, Sendable, Codable {
        case concept
        case note
    }

    public var kind: Kind
    /// Concept id or note slug.
    public var id: String
    public var title: String
    /// Site-relative URL path (`notes/pods/`).
    public var url: String
    /// Path of the source file relative to the source folder.
    public var source: String
    public var summary: String
    public var tags: [String]
    /// Concept aliases (empty for notes).
    public var aliases: [String]
    /// Words that mean a concept's other sense (its `against:` list, lower-cased): a query
    /// with one of them (트랜잭션 롤백) is not about the concept.
    public var against: [String] = []

    /// Weighted text fields.
    public var headings: [String]
    public var body: String
    /// Concepts a note mentions (by id) and how often; the concept a concept page is about.
    public var concepts: [String: Int]

    public init(
        kind: Kind, id: String, title: String, url: String, source: String, summary: String, tags: [String] = [],
        aliases: [String] = [], headings: [String] = [], body: String = "", concepts: [String: Int] = [:]
    ) {
        self.kind = kind
        self.id = id
        self.title = title
        self.url = url
        self.source = source
        self.summary = summary
        self.tags = tags
        self.aliases = aliases
        self.headings = headings
        self.body = body
        self.concepts = concepts
    }
}

/// Field weights for ranking: a term in a title or alias counts five times a term in the body.
public enum FieldWeight {
    public static let title = 5.0
    public static let aliases = 5.0
    public static let headings = 2.5
    public static let tags = 2.0
    public static let summary = 1.5
    public static let body = 1.0
    /// A mention of a concept in a note (found by the linker, whatever the alias used).
    public static let conceptMention = 1.5
}
