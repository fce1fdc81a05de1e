import Foundation
import GongbuCore

/// The cards as text for other tools: TSV that Anki's text import reads with its header
/// lines, and JSON for scripts (`gongbu cards --format tsv|json`).
public enum CardExport {
    /// How cards are grouped into decks (`gongbu cards --deck`).
    public enum Grouping: String, Sendable, CaseIterable {
        /// The note's folder, or the glossary and the concept's category (the default).
        case section
        /// The note's first tag.
        case tag
        /// Where the card came from: glossary, definition, explicit, cloze, relation, example.
        case kind
        /// One deck for all.
        case none
    }

    public static func grouped(_ cards: [Card], by grouping: Grouping, untagged: String, all: String) -> [Card] {
        cards.map { card in
            var card = card
            switch grouping {
            case .section: break
            case .tag: card.deck = card.tags.first ?? untagged
            case .kind: card.deck = card.kind.rawValue
            case .none: card.deck = all
            }
            return card
        }
    }

    /// `{"cards":[{"id","kind","front","back","source","line","deck","tags"}]}`, plus `url`, and
    /// `code` for an example's YAML.
    public static func json(_ cards: [Card]) -> String {
        var text = "{\"cards\":["
        for (offset, card) in cards.enumerated() {
            text += offset == 0 ? "\n" : ",\n"
            text +=
                "{\"id\":\(Escape.jsonString(card.id)),\"kind\":\(Escape.jsonString(card.kind.rawValue)),\"front\":\(Escape.jsonString(card.front)),"
            text += "\"back\":\(Escape.jsonString(card.back)),"
            if !card.code.isEmpty { text += "\"code\":\(Escape.jsonString(card.code))," }
            text +=
                "\"source\":\(Escape.jsonString(card.source)),\"line\":\(card.line),\"url\":\(Escape.jsonString(card.url)),\"deck\":\(Escape.jsonString(card.deck)),"
            text += "\"tags\":[" + card.tags.map(Escape.jsonString).joined(separator: ",") + "]}"
        }
        return text + "\n]}\n"
    }

    /// Tab-separated, one card a line, with Anki's header lines so its import picks the
    /// columns, the deck and the id (re-importing updates the notes): front, back, source,
    /// tags, deck, id, kind. Fields are HTML (line breaks as `<br>`).
    public static func tsv(_ cards: [Card], siteURL: String?) -> String {
        var text =
            "#separator:tab\n#html:true\n#columns:Front\tBack\tSource\tTags\tDeck\tID\tKind\n#tags column:4\n#deck column:5\n#guid column:6\n"
        for card in cards {
            let front =
                card.code.isEmpty
                ? AnkiPackage.html(card.front) : AnkiPackage.html(card.front) + "<pre>" + AnkiPackage.html(card.code) + "</pre>"
            let fields = [
                front, AnkiPackage.html(card.back), AnkiPackage.sourceField(card, siteURL: siteURL),
                card.tags.map { $0.replacingOccurrences(of: " ", with: "_") }.joined(separator: " "), card.deck, card.id,
                card.kind.rawValue,
            ]
            text +=
                fields.map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: "<br>") }.joined(
                    separator: "\t") + "\n"
        }
        return text
    }
}
