/// GitHub's footnotes: `[^label]` references and top-level `[^label]: …` definitions.
///
/// A definition runs from its line to the next line that is neither blank, indented by four
/// spaces, nor a lazy continuation of its first paragraph; its text (the first line after the
/// colon and the continuation lines, unindented) is parsed as Markdown of its own and the
/// blocks cmark made of those lines leave the body. References are numbered in the order they
/// first appear and link to the list of notes at the end, which links back; a definition no
/// one refers to is dropped, and a reference to no definition stays text, as on GitHub.
struct GFMFootnotes {
    let extensions: GFMExtensions

    struct Definition {
        var label: String
        var firstLine: Int
        var lastLine: Int
        var blocks: [MarkdownNode]
    }

    func apply() {
        let root = extensions.document.root
        var definitions = findDefinitions()
        guard !definitions.isEmpty else { return }
        // The blocks cmark made of the definitions' lines leave the body.
        for block in root.children {
            let line = block.startLine
            if definitions.contains(where: { line >= $0.firstLine && line <= $0.lastLine }) { block.remove() }
        }
        let labels = Dictionary(definitions.enumerated().map { ($1.label.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        var order: [Int] = []
        var referenceCounts: [Int: Int] = [:]
        replaceReferences(in: root, labels: labels, order: &order, counts: &referenceCounts)
        guard !order.isEmpty else {
            for definition in definitions { for block in definition.blocks { block.remove() } }
            return
        }
        let section = MarkdownNode.customBlock(onEnter: "<section class=\"footnotes\">\n<ol>", onExit: "</ol>\n</section>")
        for (position, index) in order.enumerated() {
            let number = position + 1
            let item = MarkdownNode.customBlock(onEnter: "<li id=\"fn\(number)\">", onExit: "</li>")
            for block in definitions[index].blocks { item.appendChild(block) }
            definitions[index].blocks = []
            var backlinks = ""
            for reference in 1...max(referenceCounts[index] ?? 1, 1) {
                let id = reference == 1 ? "fnref\(number)" : "fnref\(number)-\(reference)"
                backlinks += "\(backlinks.isEmpty ? "" : " ")<a href=\"#\(id)\" class=\"footnote-backref\">↩</a>"
            }
            if let last = item.lastChild, last.kind == .paragraph {
                last.appendChild(MarkdownNode.text(" "))
                last.appendChild(MarkdownNode.customInline(onEnter: backlinks, onExit: ""))
            } else {
                item.appendChild(MarkdownNode.customBlock(onEnter: backlinks, onExit: ""))
            }
            section.appendChild(item)
        }
        root.appendChild(section)
        for definition in definitions { for block in definition.blocks { block.remove() } }
    }

    /// `[^label]:` at the start of a top-level line (outside the document's code blocks).
    func findDefinitions() -> [Definition] {
        // Lines of top-level code and HTML blocks are not definitions.
        var excluded = Set<Int>()
        for block in extensions.document.root.children where block.kind == .codeBlock || block.kind == .htmlBlock {
            if block.startLine > 0 { for line in block.startLine...max(block.endLine, block.startLine) { excluded.insert(line) } }
        }
        var definitions: [Definition] = []
        var number = 1
        while number <= extensions.lines.count {
            // Like a link reference definition, a definition does not interrupt a paragraph.
            let previousBlank =
                number == 1 || extensions.line(number - 1).allSatisfy { $0 == 0x20 || $0 == 0x09 }
                || definitions.last?.lastLine == number - 1
            guard previousBlank, !excluded.contains(number), let (label, rest) = Self.definitionStart(extensions.line(number)) else {
                number += 1
                continue
            }
            var text = String(decoding: rest, as: UTF8.self)
            var last = number
            var next = number + 1
            var inFirstParagraph = !text.trimmingBlanks().isEmpty
            var pendingBlank = 0
            while next <= extensions.lines.count {
                let line = extensions.line(next)
                let blank = line.allSatisfy { $0 == 0x20 || $0 == 0x09 }
                let indent = line.prefix { $0 == 0x20 }.count
                if blank {
                    pendingBlank += 1
                    inFirstParagraph = false
                } else if indent >= 4 {
                    text += String(repeating: "\n", count: pendingBlank) + "\n" + String(decoding: line.dropFirst(4), as: UTF8.self)
                    pendingBlank = 0
                    last = next
                } else if pendingBlank == 0 && inFirstParagraph && Self.definitionStart(line) == nil && !Self.startsBlock(line) {
                    text += "\n" + String(decoding: line, as: UTF8.self)
                    last = next
                } else {
                    break
                }
                next += 1
            }
            let document = MarkdownDocument(
                parsing: String(repeating: "\n", count: number - 1) + text, extensions: extensions.enabled.subtracting(.footnotes))
            let blocks = document.root.children
            for block in blocks { block.unlink() }
            definitions.append(Definition(label: label, firstLine: number, lastLine: last, blocks: blocks))
            number = last + 1
        }
        return definitions
    }

    /// A line that would end a lazy paragraph: a heading, quote, list item, fence or rule.
    static func startsBlock(_ line: ArraySlice<UInt8>) -> Bool {
        let trimmed = GFMExtensions.droppingBlanks(line, limit: 3)
        guard let first = trimmed.first else { return true }
        return "#>`~".utf8.contains(first)
            || (("-*+".utf8.contains(first)) && (trimmed.count == 1 || trimmed.dropFirst().first == 0x20))
    }

    /// `[^label]: rest` (up to three leading spaces; the label has no blanks or brackets).
    static func definitionStart(_ line: ArraySlice<UInt8>) -> (String, ArraySlice<UInt8>)? {
        let trimmed = GFMExtensions.droppingBlanks(line, limit: 3)
        guard trimmed.starts(with: "[^".utf8) else { return nil }
        guard let close = trimmed.firstIndex(of: UInt8(ascii: "]")), close > trimmed.startIndex + 2 else { return nil }
        let label = trimmed[(trimmed.startIndex + 2)..<close]
        guard !label.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: "[") }) else { return nil }
        let afterClose = trimmed.index(after: close)
        guard afterClose < trimmed.endIndex, trimmed[afterClose] == UInt8(ascii: ":") else { return nil }
        let rest = GFMExtensions.droppingBlanks(trimmed[trimmed.index(after: afterClose)...], limit: .max)
        return (String(decoding: label, as: UTF8.self), rest)
    }

    /// `[^label]` in text (and links cmark made of them when a definition also read as a link
    /// reference) become numbered superscript links, outside code and links.
    func replaceReferences(in root: MarkdownNode, labels: [String: Int], order: inout [Int], counts: inout [Int: Int]) {
        func number(for index: Int) -> (Int, Int) {
            if let position = order.firstIndex(of: index) {
                counts[index, default: 1] += 1
                return (position + 1, counts[index]!)
            }
            order.append(index)
            counts[index] = 1
            return (order.count, 1)
        }
        func reference(_ index: Int) -> MarkdownNode {
            let (footnote, occurrence) = number(for: index)
            let id = occurrence == 1 ? "fnref\(footnote)" : "fnref\(footnote)-\(occurrence)"
            return MarkdownNode.customInline(
                onEnter: "<sup class=\"footnote-ref\"><a href=\"#fn\(footnote)\" id=\"\(id)\">\(footnote)</a></sup>", onExit: "")
        }
        extensions.document.consolidateTextNodes()
        var textNodes: [MarkdownNode] = []
        var links: [MarkdownNode] = []
        for (node, event) in MarkdownWalk(root: root) where event == .enter {
            if node.kind == .text, (node.literal ?? "").utf8.contains(UInt8(ascii: "^")), !GFMInlines.isInsideLink(node) {
                textNodes.append(node)
            } else if node.kind == .link, let only = node.firstChild, only.next == nil, only.kind == .text,
                let text = only.literal, text.hasPrefix("^"), labels[String(text.dropFirst()).lowercased()] != nil
            {
                links.append(node)
            }
        }
        var byPosition: [(MarkdownNode, Bool)] = textNodes.map { ($0, false) } + links.map { ($0, true) }
        // Number in document order.
        let orderIndex = Dictionary(
            MarkdownWalk(root: root).filter { $0.1 == .enter }.enumerated().map { ($1.0, $0) }, uniquingKeysWith: { first, _ in first })
        byPosition.sort { (orderIndex[$0.0] ?? 0) < (orderIndex[$1.0] ?? 0) }
        for (node, isLink) in byPosition {
            if isLink {
                let label = String((node.firstChild?.literal ?? "").dropFirst()).lowercased()
                guard let index = labels[label] else { continue }
                node.replace(with: reference(index))
                continue
            }
            var current = node
            while true {
                let text = Array((current.literal ?? "").utf8)
                guard let found = Self.nextReference(in: text, labels: labels) else { break }
                let isolated = GFMInlines.isolate(current, text: text, range: found.range)
                let next = isolated.next
                isolated.replace(with: reference(found.index))
                guard let after = next, after.kind == .text, found.range.upperBound < text.count else { break }
                current = after
            }
        }
    }

    static func nextReference(in text: [UInt8], labels: [String: Int]) -> (range: Range<Int>, index: Int)? {
        var start = 0
        while start + 3 < text.count {
            if text[start] == UInt8(ascii: "["), text[start + 1] == UInt8(ascii: "^"),
                let close = text[(start + 2)...].firstIndex(of: UInt8(ascii: "]")), close > start + 2
            {
                let label = String(decoding: text[(start + 2)..<close], as: UTF8.self).lowercased()
                if let index = labels[label] { return (start..<(close + 1), index) }
            }
            start += 1
        }
        return nil
    }
}
