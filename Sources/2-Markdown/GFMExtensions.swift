import CCmark
import Foundation

/// GitHub-flavoured Markdown on top of libcmark: libcmark parses CommonMark, and these passes
/// rebuild what GitHub adds from its tree and the source text, in this order:
///
/// 1. **Footnotes** (`GFMFootnotes`): top-level `[^label]: …` definitions (with their indented
///    continuation blocks) leave the body; references become numbered links; the notes are
///    listed at the end.
/// 2. **Tables** (`GFMTables`): a paragraph whose lines hold a header row and a delimiter row
///    becomes a table; each cell's text is parsed as inline Markdown on its own.
/// 3. **Pasted code** (`PastedCode`): commands, their output, Dockerfiles and programs pasted
///    without fences become code blocks again (not an extension of GitHub's: gongbu's repair).
/// 4. **Task lists**: list items that open with `[ ]` or `[x]` get a disabled checkbox.
/// 5. **Inline extensions** (`GFMInlines`), in every run of inline content (paragraphs,
///    headings, cells): strikethrough (`~~…~~`, `~…~`), then extended autolinks (`https://…`,
///    `www.…`, e-mail addresses), then CJK-friendly emphasis for delimiters CommonMark left
///    unmatched next to Korean text (`**규약(contract)**을`).
///
/// The new structure is made of cmark's own nodes where cmark has them (links, text) and of
/// custom nodes where it has none (`<table>`, `<del>`, the footnote list), so every later pass
/// and the renderer work on one tree.
/// Which of GitHub's extensions a parse applies (`MarkdownDocument(parsing:extensions:)`).
public struct MarkdownExtensions: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let tables = MarkdownExtensions(rawValue: 1)
    public static let strikethrough = MarkdownExtensions(rawValue: 2)
    public static let taskLists = MarkdownExtensions(rawValue: 4)
    public static let autolinks = MarkdownExtensions(rawValue: 8)
    public static let footnotes = MarkdownExtensions(rawValue: 16)
    public static let cjkEmphasis = MarkdownExtensions(rawValue: 32)
    /// Code pasted without fences made code blocks again (`PastedCode`): gongbu's own repair, not GitHub's.
    public static let pastedCode = MarkdownExtensions(rawValue: 64)
    /// `==강조==` as a highlight (`<mark>`), as Obsidian and Typora write it: not GitHub's.
    public static let highlights = MarkdownExtensions(rawValue: 128)
    /// All of GitHub's extensions.
    public static let all: MarkdownExtensions = [.tables, .strikethrough, .taskLists, .autolinks, .footnotes, .cjkEmphasis]
    /// What notes are parsed with: GitHub's extensions, the repair of pasted code and highlights.
    public static let notes: MarkdownExtensions = all.union([.pastedCode, .highlights])
}

struct GFMExtensions {
    let document: MarkdownDocument
    let enabled: MarkdownExtensions
    /// The source, one entry per line (without line endings), as UTF-8 bytes.
    let lines: [ArraySlice<UInt8>]

    /// Whether the source has a `|` (a table may be in it) and `[^` (a footnote may be).
    let hasPipe: Bool
    let hasFootnoteMarker: Bool
    /// Whether it has any character the other extensions start from: `[` (task lists), `~`,
    /// `:`, `.`, `@` (autolinks), `*` and `_` (emphasis). Most notes have several; the plainest
    /// text skips those passes.
    let hasInlineMarks: Bool
    /// Whether a line starts like pasted code (`PastedCode`).
    let hasPastedCode: Bool

    init(document: MarkdownDocument, source: String, enabled: MarkdownExtensions) {
        self.document = document
        self.enabled = enabled
        // One pass over the bytes: what could be in the text, and the lines only when a table
        // or a footnote needs them.
        var pipe = false
        var footnote = false
        var marks = false
        var previous: UInt8 = 0
        for byte in source.utf8 {
            switch byte {
            case UInt8(ascii: "|"): pipe = true
            case UInt8(ascii: "^") where previous == UInt8(ascii: "["): footnote = true
            case UInt8(ascii: "=") where previous == UInt8(ascii: "="): marks = true
            case UInt8(ascii: "["), UInt8(ascii: "~"), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "@"), UInt8(ascii: "*"),
                UInt8(ascii: "_"):
                marks = true
            default: break
            }
            previous = byte
        }
        hasPipe = pipe && enabled.contains(.tables)
        hasFootnoteMarker = footnote && enabled.contains(.footnotes)
        hasInlineMarks = marks
        hasPastedCode = enabled.contains(.pastedCode) && PastedCode.mayHold(source)
        guard hasPipe || hasFootnoteMarker || hasPastedCode else {
            lines = []
            return
        }
        var lines: [ArraySlice<UInt8>] = []
        let bytes = Array(source.utf8)
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A || bytes[index] == 0x0D {
                lines.append(bytes[start..<index])
                if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        lines.append(bytes[start..<bytes.count])
        self.lines = lines
    }

    func apply() {
        if hasFootnoteMarker { GFMFootnotes(extensions: self).apply() }
        if hasPipe { GFMTables(extensions: self).apply() }
        if hasPastedCode { PastedCode(extensions: self).apply() }
        guard hasInlineMarks else { return }
        if enabled.contains(.taskLists) { applyTaskLists() }
        GFMInlines.apply(to: document.root, enabled: enabled)
    }

    // MARK: Source text

    /// A line's bytes (1-based line number), or empty past the end.
    func line(_ number: Int) -> ArraySlice<UInt8> {
        number >= 1 && number <= lines.count ? lines[number - 1] : []
    }

    /// The text of a paragraph as its lines read inside their containers: the first line from
    /// the paragraph's own column, later lines without the `>` of the block quotes around it
    /// and without leading blanks (list indentation, the optional indentation of lazy lines).
    ///
    /// With `keepingIndentation`, later lines lose only as many blanks as the paragraph's
    /// column (none inside a block quote), so code keeps its own indentation (`PastedCode`).
    func paragraphLines(_ paragraph: MarkdownNode, keepingIndentation: Bool = false) -> [(number: Int, text: ArraySlice<UInt8>)] {
        let first = paragraph.startLine
        let last = max(paragraph.endLine, first)
        guard first >= 1 else { return [] }
        var quotes = 0
        var ancestor = paragraph.parent
        while let node = ancestor {
            if node.kind == .blockQuote { quotes += 1 }
            ancestor = node.parent
        }
        var result: [(Int, ArraySlice<UInt8>)] = []
        for number in first...last {
            var text = line(number)
            if number == first {
                let skip = max(paragraph.startColumn - 1, 0)
                text = text.dropFirst(min(skip, text.count))
            } else {
                for _ in 0..<quotes {
                    let stripped = Self.droppingBlanks(text, limit: 3)
                    guard stripped.first == UInt8(ascii: ">") else { break }
                    text = stripped.dropFirst()
                    if text.first == UInt8(ascii: " ") || text.first == UInt8(ascii: "\t") { text = text.dropFirst() }
                }
            }
            let limit = !keepingIndentation || number == first ? Int.max : quotes > 0 ? 0 : max(paragraph.startColumn - 1, 0)
            result.append((number, Self.droppingBlanks(text, limit: limit)))
        }
        return result
    }

    static func droppingBlanks(_ text: ArraySlice<UInt8>, limit: Int) -> ArraySlice<UInt8> {
        var text = text
        var count = 0
        while count < limit, let first = text.first, first == 0x20 || first == 0x09 {
            text = text.dropFirst()
            count += 1
        }
        return text
    }

    /// Inline Markdown parsed on its own (a table cell), as the children of one paragraph,
    /// positioned on `line` of the source so diagnostics keep their lines. `references` are
    /// the document's link reference definitions, so `[text][label]` resolves in a cell as
    /// elsewhere. A cell that would read as a block (`# x`, `- x`, `1. x`, `> x`, a rule or a
    /// fence) has its first marker escaped; a cell of raw HTML stays raw HTML.
    static func parseInline(_ text: String, line: Int, references: String) -> [MarkdownNode] {
        var text = text
        if let position = blockMarkerPosition(Array(text.utf8)) {
            let index = text.utf8.index(text.utf8.startIndex, offsetBy: position)
            text.insert("\\", at: index)
        }
        let padding = String(repeating: "\n", count: max(line - 1, 0))
        let source = padding + text + (references.isEmpty || !text.contains("[") ? "" : "\n\n" + references)
        let parsed = MarkdownDocument(parsing: source, extensions: [])
        guard let block = parsed.root.firstChild else { return [] }
        switch block.kind {
        case .paragraph, .heading:
            let children = block.children
            for child in children { child.unlink() }
            return children
        case .htmlBlock:
            let node = MarkdownNode(cmark_node_new(CMARK_NODE_HTML_INLINE), owner: nil)
            node.literal = (block.literal ?? "").trimmingCharacters(in: .newlines)
            return [node]
        default:
            return text.isEmpty ? [] : [MarkdownNode.text(text)]
        }
    }

    /// The byte offset of the character that would make a line a block rather than a
    /// paragraph, to be escaped; nil for ordinary text.
    static func blockMarkerPosition(_ bytes: [UInt8]) -> Int? {
        guard let first = bytes.first else { return nil }
        func followedByBlank(_ index: Int) -> Bool { index >= bytes.count || bytes[index] == 0x20 || bytes[index] == 0x09 }
        switch first {
        case UInt8(ascii: "#"):
            let hashes = bytes.prefix { $0 == UInt8(ascii: "#") }.count
            return hashes <= 6 && followedByBlank(hashes) ? 0 : nil
        case UInt8(ascii: ">"):
            return 0
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"), UInt8(ascii: "_"):
            let marks = bytes.filter { $0 == first }.count
            let onlyMarks = bytes.allSatisfy { $0 == first || $0 == 0x20 || $0 == 0x09 }
            if onlyMarks && marks >= 3 { return 0 }
            return first != UInt8(ascii: "_") && followedByBlank(1) ? 0 : nil
        case UInt8(ascii: "`"), UInt8(ascii: "~"):
            return bytes.prefix(3).allSatisfy { $0 == first } && bytes.count >= 3 ? 0 : nil
        case UInt8(ascii: "="):
            return nil
        case UInt8(ascii: "["):
            // `[label]: destination` would be a link reference definition.
            if let close = bytes.firstIndex(of: UInt8(ascii: "]")), close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: ":") {
                return 0
            }
            return nil
        default:
            let digits = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
            if digits >= 1, digits <= 9, digits < bytes.count, bytes[digits] == UInt8(ascii: ".") || bytes[digits] == UInt8(ascii: ")"),
                followedByBlank(digits + 1)
            {
                return digits
            }
            return nil
        }
    }

    /// The document's link reference definitions (`[label]: url "title"` lines), for cells.
    func referenceDefinitions() -> String {
        var definitions: [String] = []
        for line in lines {
            let trimmed = Self.droppingBlanks(line, limit: 3)
            guard trimmed.first == UInt8(ascii: "["), trimmed.dropFirst().first != UInt8(ascii: "^"),
                let close = trimmed.firstIndex(of: UInt8(ascii: "]")), trimmed.index(after: close) < trimmed.endIndex,
                trimmed[trimmed.index(after: close)] == UInt8(ascii: ":")
            else { continue }
            definitions.append(String(decoding: trimmed, as: UTF8.self))
        }
        return definitions.joined(separator: "\n")
    }

    // MARK: Task lists

    /// `- [ ] 할 일` / `- [x] 끝난 일`: a disabled checkbox before the item's text.
    func applyTaskLists() {
        for item in document.nodes(of: .item) {
            guard let paragraph = item.firstChild, paragraph.kind == .paragraph, let first = paragraph.firstChild,
                first.kind == .text
            else { continue }
            // cmark splits text at brackets: gather the leading text nodes into one.
            var text = first.literal ?? ""
            var merged = [first]
            var next = first.next
            while text.utf8.count < 4, let node = next, node.kind == .text {
                text += node.literal ?? ""
                merged.append(node)
                next = node.next
            }
            let bytes = Array(text.utf8)
            guard bytes.count >= 4, bytes[0] == UInt8(ascii: "["), bytes[2] == UInt8(ascii: "]"),
                bytes[3] == 0x20 || bytes[3] == 0x09
            else { continue }
            let mark = bytes[1]
            guard mark == UInt8(ascii: " ") || mark == UInt8(ascii: "x") || mark == UInt8(ascii: "X") else { continue }
            let rest = String(decoding: bytes[3...], as: UTF8.self)
            for node in merged.dropFirst() { node.remove() }
            first.literal = rest
            let checked = mark == UInt8(ascii: " ") ? "" : "checked=\"\" "
            first.insertBefore(MarkdownNode.customInline(onEnter: "<input \(checked)disabled=\"\" type=\"checkbox\">", onExit: ""))
        }
    }
}
