import Analysis
import Content
import Foundation
import Glossary
import GongbuCore
import Study

/// The site's review cards, put together once the notes and the glossary are known: the
/// glossary's cards first, then each note's in the notes' order, each with the page it links
/// back to, its deck (the note's folder, or the glossary), its tags and the concepts it is about.
///
/// One linear pass over the notes' cards, with the glossary's alias table for the concepts a
/// definition names.
public enum StudyDeck {
    public static func cards(_ model: SiteModel, urls: SiteURLs, ui: UIStrings) -> [Card] {
        var cards = GlossaryCards.cards(glossary: model.glossary, graph: model.graph, wording: ui.cardWording)
        let glossaryDeck = ui["glossary"]
        for index in cards.indices {
            let concept = cards[index].concepts.first.flatMap { model.glossary.indexByID[$0] }
            if let concept {
                let entry = model.glossary.concepts[concept]
                cards[index].url = urls.concept(entry.id).path
                cards[index].deck = entry.category.isEmpty ? glossaryDeck : glossaryDeck + "::" + entry.category
            } else {
                cards[index].deck = glossaryDeck
            }
        }
        for (noteIndex, note) in model.notes.enumerated() where !note.cards.isEmpty {
            let section = model.noteSection.indices.contains(noteIndex) ? model.sections[model.noteSection[noteIndex]] : nil
            let deck = section.map { $0.path.isEmpty ? model.config.title : $0.title } ?? model.config.title
            let tags = model.noteTags.indices.contains(noteIndex) ? model.noteTags[noteIndex].map(\.name) : []
            let mentioned = note.mentions.prefix(3).map { model.glossary.concepts[$0.concept].id }
            for var card in note.cards {
                card.url = PageLocation.note(slug: note.slug).path + (card.anchor.isEmpty ? "" : "#" + Escape.urlFragment(card.anchor))
                card.deck = deck
                card.tags = tags
                if card.kind == .definition, let concept = concept(named: card.front, in: model.glossary) {
                    card.concepts = [model.glossary.concepts[concept].id]
                } else {
                    card.concepts = Array(mentioned)
                }
                cards.append(card)
            }
        }
        return unique(cards)
    }

    /// The concept a definition line defines, by its name or by the name before its parentheses.
    static func concept(named term: String, in glossary: Glossary) -> Int? {
        var names = [term]
        if let open = term.firstIndex(of: "(") {
            names.append(term[..<open].trimmingCharacters(in: .whitespaces))
            if let close = term.lastIndex(of: ")"), open < close { names.append(String(term[term.index(after: open)..<close])) }
        }
        for name in names {
            if let index = glossary.indexByAlias[name] ?? glossary.indexByAlias[name.lowercased()] { return index }
        }
        return nil
    }

    /// The same line written twice gives the same id: the later one gets a suffix.
    static func unique(_ cards: [Card]) -> [Card] {
        var seen: [String: Int] = [:]
        return cards.map { card in
            var card = card
            let count = seen[card.id, default: 0]
            seen[card.id] = count + 1
            if count > 0 { card.id = String(card.id.prefix(13)) + String(format: "%03x", count % 4096) }
            return card
        }
    }

    /// The cards as the site's script reads them (`study/cards.js`): a script, not JSON, so the
    /// study page works from `file://`, where pages cannot fetch files.
    public static func script(_ cards: [Card]) -> String {
        var text = "window.gongbuCards = [\n"
        for (offset, card) in cards.enumerated() {
            if offset > 0 { text += ",\n" }
            text += "{\"id\":\(Escape.jsonString(card.id)),\"kind\":\(Escape.jsonString(card.kind.rawValue))"
            text += ",\"front\":\(Escape.jsonString(card.front)),\"back\":\(Escape.jsonString(card.back))"
            if !card.code.isEmpty { text += ",\"code\":\(Escape.jsonString(card.code))" }
            text += ",\"url\":\(Escape.jsonString(card.url)),\"source\":\(Escape.jsonString(card.source)),\"line\":\(card.line)"
            text += ",\"deck\":\(Escape.jsonString(card.deck))"
            text += ",\"tags\":[" + card.tags.map(Escape.jsonString).joined(separator: ",") + "]"
            text += ",\"concepts\":[" + card.concepts.map(Escape.jsonString).joined(separator: ",") + "]"
            if !card.distractors.isEmpty {
                text += ",\"distractors\":[" + card.distractors.map(Escape.jsonString).joined(separator: ",") + "]"
            }
            text += "}"
        }
        return text + "\n];\n"
    }

    /// The time the Anki package gives its notes: the newest date among the notes (`date` or
    /// `lastmod`), so the package is the same bytes for the same notes. Anki replaces a note on
    /// import only when this is newer than the copy it has (or when told to always update).
    public static func modified(_ model: SiteModel) -> Int64 {
        var newest = AnkiPackage.epoch
        for note in model.notes {
            for date in [note.date, note.lastModified].compactMap({ $0 }) {
                var parts = DateComponents()
                (parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second) = (
                    date.year, date.month, date.day, date.hour, date.minute, date.second
                )
                parts.timeZone = TimeZone(secondsFromGMT: date.offsetSeconds ?? 0)
                if let time = Calendar(identifier: .gregorian).date(from: parts) { newest = max(newest, Int64(time.timeIntervalSince1970)) }
            }
        }
        return newest
    }

    /// The Anki package's decks: one per deck name, in the order they first appear, each named
    /// under the site's title.
    public static func ankiDecks(_ cards: [Card], siteTitle: String) -> [AnkiPackage.Deck] {
        var order: [String] = []
        var byDeck: [String: [Card]] = [:]
        for card in cards {
            if byDeck[card.deck] == nil { order.append(card.deck) }
            byDeck[card.deck, default: []].append(card)
        }
        return order.map { AnkiPackage.Deck(name: siteTitle + "::" + $0, cards: byDeck[$0]!) }
    }
}
