import Analysis
import Content
import Foundation
import Glossary
import GongbuCore

/// Draws concept graphs as inline SVG at build time: no JavaScript, no library, and the same
/// picture on every build.
enum GraphSVG {
    struct Node {
        var label: String
        var href: String
        var tooltip: String
        var categoryClass: String
        var isCenter = false
    }

    struct Edge {
        var from: Int
        var to: Int
        var kind: String
        /// Text drawn on the edge, when edge labels are on.
        var label: String = ""
    }

    /// Approximate rendered width of a label at 13px: Hangul and other wide characters are
    /// about one em, Latin about half.
    static func labelWidth(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { width, scalar in width + (scalar.value >= 0x1100 ? 13.5 : 7.5) }
    }

    /// CSS class of a category (colour), by its position in the display order.
    static func categoryClass(_ category: String) -> String {
        let index = ConceptGraph.categoryOrder.firstIndex(of: category) ?? ConceptGraph.categoryOrder.count
        return "cat-\(index)"
    }

    static func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    static func render(
        nodes: [Node], edges: [Edge], positions: [GraphLayout.Point], width: Double, height: Double,
        title: String, edgeLabels: Bool
    ) -> String {
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(Escape.html(title))\">"
        svg += "<title>\(Escape.html(title))</title>"
        svg +=
            "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"19\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path class=\"arrow\" d=\"M0,0L10,5L0,10z\"/></marker></defs>"
        svg += "<g class=\"edges\">"
        for edge in edges {
            let a = positions[edge.from]
            let b = positions[edge.to]
            let directed = edge.kind != "related"
            svg +=
                "<line class=\"edge edge-\(Escape.html(edge.kind))\" x1=\"\(format(a.x))\" y1=\"\(format(a.y))\" x2=\"\(format(b.x))\" y2=\"\(format(b.y))\"\(directed ? " marker-end=\"url(#arrow)\"" : "")/>"
            if edgeLabels && !edge.label.isEmpty {
                svg +=
                    "<text class=\"edge-label\" x=\"\(format((a.x + b.x) / 2))\" y=\"\(format((a.y + b.y) / 2 - 4))\" text-anchor=\"middle\">\(Escape.html(edge.label))</text>"
            }
        }
        svg += "</g><g class=\"nodes\">"
        for (index, node) in nodes.enumerated() {
            let point = positions[index]
            let radius = node.isCenter ? 11.0 : 7.0
            // Labels go to the side facing away from the centre, so they overlap edges less.
            let rightSide = point.x >= width / 2
            let labelX = point.x + (rightSide ? radius + 4 : -(radius + 4))
            svg += "<a class=\"node\(node.isCenter ? " center" : "")\" href=\"\(Escape.html(node.href))\">"
            svg += "<title>\(Escape.html(node.tooltip))</title>"
            svg += "<circle class=\"\(node.categoryClass)\" cx=\"\(format(point.x))\" cy=\"\(format(point.y))\" r=\"\(format(radius))\"/>"
            svg +=
                "<text x=\"\(format(labelX))\" y=\"\(format(point.y + 4))\" text-anchor=\"\(rightSide ? "start" : "end")\">\(Escape.html(node.label))</text>"
            svg += "</a>"
        }
        svg += "</g></svg>"
        return svg
    }

    /// The whole glossary, force-directed.
    static func glossary(_ model: SiteModel, urls: SiteURLs, from page: PageLocation, title: String) -> String {
        let concepts = model.glossary.concepts
        guard !concepts.isEmpty else { return "" }
        // Order by category so that the initial circle groups colours; the layout keeps indices.
        let order = concepts.indices.sorted {
            (ConceptGraph.categoryOrder.firstIndex(of: concepts[$0].category) ?? 99, concepts[$0].id) < (
                ConceptGraph.categoryOrder.firstIndex(of: concepts[$1].category) ?? 99, concepts[$1].id
            )
        }
        var position = [Int: Int]()
        for (slot, index) in order.enumerated() { position[index] = slot }
        let nodes = order.map { index in
            Node(
                label: concepts[index].shortTitle, href: urls.href(to: urls.concept(concepts[index].id), from: page),
                tooltip: concepts[index].summary.isEmpty ? concepts[index].title : concepts[index].title + " — " + concepts[index].summary,
                categoryClass: categoryClass(concepts[index].category))
        }
        var edges: [Edge] = []
        for edge in model.graph.edges {
            guard case .concept(let a) = edge.source, case .concept(let b) = edge.target else { continue }
            edges.append(Edge(from: position[a]!, to: position[b]!, kind: edge.kind))
        }
        let width = 1100.0
        let height = max(600.0, min(1600.0, Double(nodes.count) * 18))
        let forces = GraphLayout.forceDirected(nodeCount: nodes.count, edges: edges.map { ($0.from, $0.to) }, width: width, height: height)
        let positions = GraphLayout.separateLabels(forces, labelWidths: nodes.map { labelWidth($0.label) }, width: width, height: height)
        return render(nodes: nodes, edges: edges, positions: positions, width: width, height: height, title: title, edgeLabels: false)
    }

    /// One concept and its direct relations, radially. Several relations between the same two
    /// concepts share one line with a combined label.
    static func neighbourhood(
        of index: Int, _ model: SiteModel, urls: SiteURLs, ui: UIStrings, from page: PageLocation, title: String
    ) -> String {
        let concepts = model.glossary.concepts
        var neighbours: [Int] = []
        var edges: [Edge] = []
        for relation in model.graph.relations[index] {
            var slot = neighbours.firstIndex(of: relation.other)
            if slot == nil {
                neighbours.append(relation.other)
                slot = neighbours.count - 1
            }
            let other = slot! + 1
            let label = ui["relation." + relation.kind.key]
            let (from, to) = relation.outgoing || relation.kind == .related ? (0, other) : (other, 0)
            if let existing = edges.firstIndex(where: { ($0.from == from && $0.to == to) || ($0.from == to && $0.to == from) }) {
                edges[existing].label += ", " + label
                if relation.kind != .related && edges[existing].kind == "related" {
                    edges[existing] = Edge(from: from, to: to, kind: relation.kind.key, label: edges[existing].label)
                }
            } else {
                edges.append(Edge(from: from, to: to, kind: relation.kind.key, label: label))
            }
        }
        guard !neighbours.isEmpty else { return "" }
        let width = 720.0
        let height = 420.0
        let layout = GraphLayout.radial(neighbourCount: neighbours.count, width: width, height: height)
        let nodes = ([index] + neighbours).enumerated().map { slot, concept in
            Node(
                label: concepts[concept].shortTitle, href: urls.href(to: urls.concept(concepts[concept].id), from: page),
                tooltip: concepts[concept].title, categoryClass: categoryClass(concepts[concept].category), isCenter: slot == 0)
        }
        return render(
            nodes: nodes, edges: edges, positions: [layout.center] + layout.neighbours, width: width, height: height,
            title: title, edgeLabels: true)
    }
}
