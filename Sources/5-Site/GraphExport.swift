import Content
import Glossary
import GongbuCore

/// The knowledge graph as data: graph.json (also `gongbu graph --format json`) and Graphviz DOT.
///
/// graph.json: `{"concepts":[{"id","title","aliases","summary","url"}],
/// "notes":[{"id","title","source","url","tags","date","mentions":{"<concept id>":<count>}}],
/// "edges":[{"source","target","kind","weight"}]}` with endpoints `note:<slug>` / `concept:<id>`.
/// A note's mentions of concepts are in the note, most mentioned first, so the file grows
/// with the mentions and not by a whole edge object each; `edges` holds the rest (relations
/// between concepts, wikilinks).
public enum GraphExport {
    static func endpoint(_ endpoint: GraphEdge.Endpoint, _ model: SiteModel) -> String {
        switch endpoint {
        case .note(let index): "note:" + model.notes[index].slug
        case .concept(let index): "concept:" + model.glossary.concepts[index].id
        }
    }

    public static func json(_ model: SiteModel, urls: SiteURLs) -> String {
        var out = "{\n  \"concepts\": ["
        // Reserved up front: grown by doubling, a large site's graph (30 MB on 10,000 notes)
        // would briefly hold up to twice its size.
        out.reserveCapacity(256 + model.glossary.concepts.count * 1024 + model.notes.count * 320 + model.graph.edges.count * 24)
        for (index, concept) in model.glossary.concepts.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            out += "    {\"id\": \(Escape.jsonString(concept.id)), \"title\": \(Escape.jsonString(concept.title)), "
            out += "\"aliases\": [" + concept.aliases.map(Escape.jsonString).joined(separator: ", ") + "], "
            out +=
                "\"summary\": \(Escape.jsonString(concept.summary)), \"url\": \(Escape.jsonString(urls.absolute(urls.concept(concept.id))))}"
        }
        out += model.glossary.concepts.isEmpty ? "],\n" : "\n  ],\n"
        // Each note's mentions, from the edge list in one pass.
        var mentions = Array(repeating: [(concept: Int, weight: Int)](), count: model.notes.count)
        for edge in model.graph.edges where edge.kind == "mentions" {
            if case .note(let note) = edge.source, case .concept(let concept) = edge.target {
                mentions[note].append((concept, edge.weight))
            }
        }
        out += "  \"notes\": ["
        for (index, note) in model.notes.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            out += "    {\"id\": \(Escape.jsonString(note.slug)), \"title\": \(Escape.jsonString(note.title)), "
            out += "\"source\": \(Escape.jsonString(note.source)), \"url\": \(Escape.jsonString(urls.absolute(.note(slug: note.slug)))), "
            out += "\"tags\": [" + model.noteTags[index].map { Escape.jsonString($0.name) }.joined(separator: ", ") + "], "
            out += "\"date\": " + (note.date.map { Escape.jsonString($0.htmlDateTime) } ?? "null") + ", \"mentions\": {"
            let sorted = mentions[index].sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.concept < $1.concept }
            out += sorted.map { Escape.jsonString(model.glossary.concepts[$0.concept].id) + ": \($0.weight)" }.joined(separator: ", ")
            out += "}}"
        }
        out += model.notes.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"edges\": ["
        var first = true
        for edge in model.graph.edges where !(edge.kind == "mentions" && isNoteToConcept(edge)) {
            out += first ? "\n" : ",\n"
            first = false
            out +=
                "    {\"source\": \(Escape.jsonString(endpoint(edge.source, model))), \"target\": \(Escape.jsonString(endpoint(edge.target, model))), "
            out += "\"kind\": \(Escape.jsonString(edge.kind)), \"weight\": \(edge.weight)}"
        }
        out += first ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    static func isNoteToConcept(_ edge: GraphEdge) -> Bool {
        if case .note = edge.source, case .concept = edge.target { return true }
        return false
    }

    /// Graphviz DOT: concepts as ellipses, notes as boxes, edges labelled with their kind.
    public static func dot(_ model: SiteModel) -> String {
        func quote(_ text: String) -> String {
            "\""
                + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(
                    of: "\n", with: " ") + "\""
        }
        var out = "digraph gongbu {\n  graph [rankdir=LR, fontname=\"sans-serif\"];\n  node [fontname=\"sans-serif\"];\n"
        for concept in model.glossary.concepts {
            out += "  \(quote("concept:" + concept.id)) [label=\(quote(concept.title)), shape=ellipse];\n"
        }
        for note in model.notes {
            out += "  \(quote("note:" + note.slug)) [label=\(quote(note.title)), shape=box];\n"
        }
        for edge in model.graph.edges {
            var attributes = "label=\(quote(edge.kind))"
            if edge.weight > 1 { attributes += ", weight=\(edge.weight), penwidth=\(min(1 + edge.weight / 3, 5))" }
            if edge.kind == "related" { attributes += ", dir=none, style=dotted" }
            out += "  \(quote(endpoint(edge.source, model))) -> \(quote(endpoint(edge.target, model))) [\(attributes)];\n"
        }
        out += "}\n"
        return out
    }
}
