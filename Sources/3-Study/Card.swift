import GongbuCore

/// One review card: a question, its answer, and where it came from.
///
/// Cards are plain values made by the analyse stage (`CardExtractor` for a note's own lines,
/// `GlossaryCards` for concepts and their relations, the examples pass for `expect-error`
/// examples) and read by the site's study page, `gongbu cards` and `gongbu study`.
public struct Card: Sendable, Hashable, Codable {
    /// Where a card came from (`kind` in `gongbu cards --format json`).
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A glossary concept: term → definition, definition → term, Korean ↔ English name.
        case glossary
        /// A definition line the learner wrote (`- 레플리카셋 : 설명`, `**용어**: 설명`).
        case definition
        /// `질문::답`, `질문:::답` (both ways) or the multi-line form with a `?` line.
        case explicit
        /// `==가려진 말==` or Anki's `{{c1::…}}`.
        case cloze
        /// A typed relation between concepts (디플로이먼트는 무엇을 관리하나?).
        case relation
        /// An `expect-error` manifest example: what is wrong here?
        case example
    }

    /// Stable across builds: made from the source, the kind and the question's words, never
    /// from a position, so re-importing into Anki updates a card instead of duplicating it.
    public var id: String
    public var kind: Kind
    public var front: String
    public var back: String
    /// Code shown with the question (an example's YAML), or empty.
    public var code: String = ""
    /// Path relative to the source folder (`content/notes/pods.md`), or `gongbu:glossary/…`.
    public var source: String
    /// 1-based line in that file.
    public var line: Int
    /// The page the card links back to, relative to the site's root (`notes/pods/`), with the
    /// line's anchor when there is one.
    public var url: String = ""
    /// The id of the heading the card's line is under, for a link to that part of the page.
    public var anchor: String = ""
    /// The note's section (folder) title, or the concept's category.
    public var deck: String = ""
    public var tags: [String] = []
    /// Concepts the card is about (ids), for the decks on concept pages.
    public var concepts: [String] = []
    /// Wrong answers for the quiz (other concepts' names or definitions), best first.
    public var distractors: [String] = []

    public init(kind: Kind, front: String, back: String, source: String, line: Int, key: String? = nil) {
        self.kind = kind
        self.front = front
        self.back = back
        self.source = source
        self.line = line
        self.id = Card.id(kind: kind, source: source, key: key ?? front)
    }

    /// 16 hex digits of FNV-1a (64 bits) over the source, the kind and the question with its
    /// spacing folded, so re-spacing a line keeps its card.
    public static func id(kind: Kind, source: String, key: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            hash ^= 0xFF
            hash = hash &* 0x0000_0100_0000_01B3
        }
        mix(source)
        mix(kind.rawValue)
        mix(key.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " "))
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The interface string naming a kind (`studyKindGlossary`).
    public static func kindLabelKey(_ kind: Kind) -> String {
        "studyKind" + kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst()
    }

    /// The id as a positive integer below 2^53 (Anki's note and card ids; exact in JavaScript).
    public var numericID: Int64 { Int64(UInt64(id, radix: 16)! >> 11) }
}
