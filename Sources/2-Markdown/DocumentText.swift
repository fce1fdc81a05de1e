/// Reading facts about a document that note pages need: its leading title, a summary.
extension MarkdownDocument {
    /// The first block when it is a level-1 heading (the note's own title, in notes without front matter).
    public var leadingTitleHeading: MarkdownNode? {
        guard let first = root.firstChild, first.kind == .heading, first.headingLevel == 1 else { return nil }
        return first
    }

    /// The first line of the first block's text, if there is any text.
    public var firstLineOfText: String? {
        for block in root.children {
            switch block.kind {
            case .paragraph, .heading:
                let firstLine = firstLine(of: block).trimmingCharacters(in: .whitespaces)
                if !firstLine.isEmpty { return firstLine }
            case .codeBlock, .htmlBlock, .thematicBreak:
                continue
            default:
                let text = block.plainText.split(separator: "\n").first.map(String.init) ?? ""
                if !text.trimmingCharacters(in: .whitespaces).isEmpty { return text.trimmingCharacters(in: .whitespaces) }
            }
        }
        return nil
    }

    /// Removes the first line of text when it stands alone as the first paragraph's first line,
    /// so a first line used as the title is not shown again above the body: the paragraph
    /// goes when the line is all of it, else the line and its line break do.
    public func removeFirstLine(_ line: String) {
        guard let block = root.children.first(where: { $0.kind != .htmlBlock && $0.kind != .customBlock && $0.kind != .thematicBreak }),
            block.kind == .paragraph, firstLine(of: block).trimmingCharacters(in: .whitespaces) == line
        else { return }
        if block.plainText.trimmingCharacters(in: .whitespacesAndNewlines) == line {
            block.remove()
            return
        }
        for child in block.children {
            let isBreak = child.kind == .softBreak || child.kind == .lineBreak
            child.remove()
            if isBreak { return }
        }
    }

    private func firstLine(of block: MarkdownNode) -> String {
        var text = ""
        for (node, event) in MarkdownWalk(root: block) where event == .enter {
            switch node.kind {
            case .text, .code: text += node.literal ?? ""
            case .softBreak, .lineBreak: return text
            default: break
            }
        }
        return text
    }

    /// Plain text of the first paragraph, cut at a word boundary to about `limit` characters.
    public func summary(limit: Int = 160) -> String? {
        for block in root.children where block.kind == .paragraph {
            let text = block.plainText.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            if text.isEmpty { continue }
            return Self.truncate(text, limit: limit)
        }
        return nil
    }

    public static func truncate(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        var cut = String(text.prefix(limit))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = String(cut[..<space])
        }
        return cut + "…"
    }
}

extension MarkdownDocument {
    /// The prose of the document for search: paragraphs, lists, quotes, table cells, callouts,
    /// footnotes and inline code, one block per line. Headings (indexed on their own), code
    /// blocks and raw HTML are left out; rendered headings and examples are custom blocks
    /// without children, so the text is the same before and after the build renders them.
    public func proseText() -> String {
        var text = ""
        var skipDepth = 0
        for (node, event) in walk() {
            switch node.kind {
            case .customBlock:
                if event == .exit && skipDepth == 0 && !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
            case .customInline:
                // Table cells are words apart.
                if event == .exit && skipDepth == 0 && node.isTableCell && !text.isEmpty && !text.hasSuffix(" ") && !text.hasSuffix("\n") {
                    text += " "
                }
            case .codeBlock, .htmlBlock, .htmlInline, .heading:
                if event == .enter && node.kind == .heading { skipDepth += 1 }
                if event == .exit && node.kind == .heading { skipDepth -= 1 }
            case .text, .code:
                if event == .enter && skipDepth == 0 { text += node.literal ?? "" }
            case .softBreak, .lineBreak:
                if event == .enter && skipDepth == 0 { text += " " }
            case .paragraph, .item:
                if event == .exit && skipDepth == 0 && !text.hasSuffix("\n") { text += "\n" }
            default:
                break
            }
        }
        return text
    }
}
