/// GitHub's tables, found in the paragraphs CommonMark made of them.
///
/// A table is a header row, a delimiter row (`| --- | :-: |`) with as many cells, and the
/// paragraph's remaining lines as body rows; lines before the header stay a paragraph. Rows
/// are split at pipes that are not escaped (`\|` is a pipe in the cell, also inside code),
/// cells are trimmed and parsed as inline Markdown one by one, body rows are cut or padded to
/// the header's width, and the delimiter row's colons set each column's alignment.
struct GFMTables {
    let extensions: GFMExtensions

    enum Alignment {
        case none, left, center, right

        var attribute: String {
            switch self {
            case .none: ""
            case .left: " align=\"left\""
            case .center: " align=\"center\""
            case .right: " align=\"right\""
            }
        }
    }

    func apply() {
        // The document's link reference definitions, read when the first table is found.
        var references: String?
        for paragraph in extensions.document.nodes(of: .paragraph) where paragraph.startLine > 0 {
            guard mayBeTable(paragraph) else { continue }
            convert(paragraph, references: &references)
        }
    }

    /// A table needs a pipe and a hyphen in the paragraph's text.
    func mayBeTable(_ paragraph: MarkdownNode) -> Bool {
        var pipe = false
        var hyphen = false
        for number in paragraph.startLine...max(paragraph.endLine, paragraph.startLine) {
            for byte in extensions.line(number) {
                if byte == UInt8(ascii: "|") { pipe = true } else if byte == UInt8(ascii: "-") { hyphen = true }
            }
            if pipe && hyphen { return true }
        }
        return false
    }

    func convert(_ paragraph: MarkdownNode, references: inout String?) {
        let lines = extensions.paragraphLines(paragraph)
        guard lines.count >= 2 else { return }
        var headerIndex: Int?
        var alignments: [Alignment] = []
        for index in 0..<(lines.count - 1) {
            guard let aligns = Self.delimiterRow(lines[index + 1].text) else { continue }
            let header = Self.cells(lines[index].text)
            let hasPipe = lines[index].text.contains(UInt8(ascii: "|")) || lines[index + 1].text.contains(UInt8(ascii: "|"))
            if hasPipe, header.count == aligns.count {
                headerIndex = index
                alignments = aligns
                break
            }
        }
        guard let headerIndex else { return }
        if references == nil { references = extensions.referenceDefinitions() }
        let definitions = references ?? ""

        let table = MarkdownNode.customBlock(onEnter: "<table>", onExit: "</table>")
        let head = MarkdownNode.customBlock(onEnter: "<thead>", onExit: "</thead>")
        head.appendChild(row(lines[headerIndex], cell: "th", alignments: alignments, references: definitions))
        table.appendChild(head)
        let bodyLines = lines[(headerIndex + 2)...]
        if !bodyLines.isEmpty {
            let body = MarkdownNode.customBlock(onEnter: "<tbody>", onExit: "</tbody>")
            for line in bodyLines { body.appendChild(row(line, cell: "td", alignments: alignments, references: definitions)) }
            table.appendChild(body)
        }

        if headerIndex == 0 {
            paragraph.replace(with: table)
        } else {
            // The lines before the header stay the paragraph they were: its inlines up to the
            // line break that ends them.
            var breaks = 0
            var cut = false
            for child in paragraph.children {
                if cut {
                    child.remove()
                } else if child.kind == .softBreak || child.kind == .lineBreak {
                    breaks += 1
                    if breaks == headerIndex {
                        cut = true
                        child.remove()
                    }
                }
            }
            paragraph.insertAfter(table)
        }
    }

    func row(_ line: (number: Int, text: ArraySlice<UInt8>), cell: String, alignments: [Alignment], references: String) -> MarkdownNode {
        let row = MarkdownNode.customBlock(onEnter: "<tr>", onExit: "</tr>")
        // Made nodes have no source position of their own; record the row's line (study cards
        // from term tables point at it).
        extensions.document.root.owner?.positions[row.pointer] = TreeOwner.Position(
            startLine: line.number, startColumn: 1, endLine: line.number)
        let cells = Self.cells(line.text)
        for (index, alignment) in alignments.enumerated() {
            // A cell is inline content of its row, so the row reads `<tr>\n<td>…</td><td>…</td>\n</tr>`.
            let node = MarkdownNode.customInline(onEnter: "<\(cell)\(alignment.attribute)>", onExit: "</\(cell)>")
            if index < cells.count, !cells[index].isEmpty {
                for child in GFMExtensions.parseInline(cells[index], line: line.number, references: references) {
                    node.appendChild(child)
                }
            }
            row.appendChild(node)
        }
        return row
    }

    /// The cells of a row: split at unescaped pipes, one leading and one trailing pipe
    /// ignored, each trimmed, `\|` turned into `|`.
    static func cells(_ text: ArraySlice<UInt8>) -> [String] {
        var bytes = Array(text)
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
        var start = 0
        if bytes.first == UInt8(ascii: "|") { start = 1 }
        var cells: [[UInt8]] = []
        var current: [UInt8] = []
        var index = start
        var endsWithPipe = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "|") {
                current.append(UInt8(ascii: "|"))
                index += 2
                endsWithPipe = false
                continue
            }
            if byte == UInt8(ascii: "|") {
                cells.append(current)
                current = []
                endsWithPipe = true
            } else {
                current.append(byte)
                endsWithPipe = false
            }
            index += 1
        }
        if !endsWithPipe || cells.isEmpty { cells.append(current) }
        return cells.map { String(decoding: $0, as: UTF8.self).trimmingBlanks() }
    }

    /// The alignments of a delimiter row (`| :--- | ---: |`), or nil when the line is not one.
    static func delimiterRow(_ text: ArraySlice<UInt8>) -> [Alignment]? {
        let cells = cells(text)
        guard !cells.isEmpty else { return nil }
        var result: [Alignment] = []
        for cell in cells {
            let bytes = Array(cell.utf8)
            guard !bytes.isEmpty else { return nil }
            let left = bytes.first == UInt8(ascii: ":")
            let right = bytes.count > 1 && bytes.last == UInt8(ascii: ":")
            let dashes = bytes.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            result.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return result
    }
}

extension String {
    func trimmingBlanks() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
