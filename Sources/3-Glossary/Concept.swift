import Foundation
import GongbuCore

/// A relation declared in a concept entry.
public struct Relation: Sendable, Hashable {
    public var kind: RelationKind
    public var target: String
    /// Where it was written, for diagnostics.
    public var location: SourceLocation
}

/// One glossary entry (content/glossary/<id>.md).
public struct Concept: Sendable {
    /// Lower-case kebab-case English term, from the file name.
    public var id: String
    /// `파드 (Pod)`
    public var title: String
    /// Every spelling that links to this concept.
    public var aliases: [String]
    public var summary: String
    public var category: String
    public var relations: [Relation]
    /// Phrases that contain an alias but must never link (`Node.js` for node).
    public var notPhrases: [String]
    /// Aliases that are also ordinary words or other things' acronyms (`ambiguous:`), linked
    /// only in notes about Kubernetes.
    public var ambiguousAliases: [String] = []
    /// Words that, in the sentence around an ambiguous alias, mean its other sense
    /// (`against:`), lower-cased.
    public var againstWords: [String] = []
    /// Markdown explanation.
    public var body: String
    public var bodyStartLine: Int
    /// Path relative to the source folder; `gongbu:glossary/<id>.md` for a bundled entry.
    public var source: String
    /// Whether the entry comes from gongbu's bundled glossary rather than the source folder.
    public var isBundled = false
    /// Where the `aliases` key is, for diagnostics about aliases.
    public var aliasesLocation: SourceLocation?

    /// The Korean part of the title (`파드` of `파드 (Pod)`), for compact labels.
    /// Found on the UTF-8 bytes: pages ask for it for every concept they name.
    public var shortTitle: String {
        guard let open = title.utf8.firstIndex(of: UInt8(ascii: "(")), open > title.startIndex else { return title }
        // Spaces and tabs around it go, as `trimmingCharacters(in: .whitespaces)` takes them.
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        let head = title[..<open].unicodeScalars
        guard let first = head.firstIndex(where: { !isSpace($0) }), let last = head.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(head[first...last])
    }
}
