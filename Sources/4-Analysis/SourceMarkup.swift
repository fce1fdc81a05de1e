import Foundation
import GongbuCore
import Manifests

/// Tracks fenced code blocks line by line, for the readers that work on the source text before
/// it is parsed (shortcodes, math): what is inside a fence is code and left as written.
struct CodeFence {
    var open: String?

    /// Whether this line (without its indentation) is a fence or inside one.
    mutating func isCode(_ trimmedLine: String) -> Bool {
        if let fence = open {
            if trimmedLine.hasPrefix(fence) { open = nil }
            return true
        }
        if trimmedLine.hasPrefix("```") || trimmedLine.hasPrefix("~~~") {
            open = String(trimmedLine.prefix(3))
            return true
        }
        return false
    }
}

/// Hugo shortcodes (`{{< callout type="info" >}} … {{< /callout >}}`, `{{% notice %}}`) and
/// Jekyll Liquid tags (`{% raw %}`, `{% highlight go %}`, `{% link %}`), read before the
/// Markdown is parsed, so that their delimiters never reach the page as text.
///
/// Each tag that stands on its own line becomes an HTML comment marker on the same line
/// (`<!--gongbu-markup:3-->`, same indentation, same line count, so every diagnostic keeps its
/// line); the `markup` pass then puts the tag's HTML in the marker's place, and the Markdown
/// between a paired tag's ends renders as Markdown. Inline tags are replaced in the text:
/// `ref`/`relref`/`link`/`post_url` by the path they name (the links pass then resolves it),
/// `param` by nothing. Tags inside fenced code are left alone (notes show them as examples).
public struct SourceMarkup: Sendable {
    /// One tag found on a line of its own.
    public struct Tag: Sendable, Hashable {
        public var name: String
        public var closing: Bool
        /// Named (`type="info"`) and positional (`"go"`, key "") arguments, in order.
        var argumentPairs: [Pair] = []
        /// File line of the tag (1-based, in the body).
        public var line: Int
        public var column: Int

        struct Pair: Sendable, Hashable {
            var key: String
            var value: String
        }

        public func argument(_ key: String) -> String? { argumentPairs.first { $0.key == key }?.value }
        public var firstPositional: String? { argumentPairs.first { $0.key.isEmpty }?.value }
    }

    /// The body with tags replaced.
    public var text: String
    /// The tags that became markers, by marker number.
    public var tags: [Tag]
    /// Names of tags gongbu does not know, with their first line, for one warning each.
    public var unknown: [(name: String, line: Int, column: Int)]
    /// Whether the text has `[!` at all, so a `> [!NOTE]` callout may be in it.
    public var mayHaveCallouts = false
    /// TeX math taken out of the text (`MathMarkup`), by marker number.
    var math: [MathMarkup.Span] = []

    /// One pass over the bytes: is there any tag, admonition or embed to read (`{{<`, `{{%`,
    /// `{%` in Jekyll sites, `:::`, `!!!`, `???`, `![[`), and any `[!`? Most notes have none, and
    /// this keeps them from paying for the line-by-line reading (on 10,000 notes, substring
    /// searches through Foundation cost seconds).
    static func scan(_ body: String, liquid: Bool) -> (markup: Bool, callouts: Bool) {
        var body = body
        return body.withUTF8 { bytes -> (Bool, Bool) in
            var markup = false
            var callouts = false
            let count = bytes.count
            var index = 0
            while index + 1 < count {
                let byte = bytes[index]
                let next = bytes[index + 1]
                switch byte {
                case 0x7B:  // {
                    if next == 0x7B, index + 2 < count, bytes[index + 2] == 0x3C || bytes[index + 2] == 0x25 { markup = true }
                    if liquid, next == 0x25 { markup = true }
                case 0x3A, 0x21, 0x3F:  // : ! ?
                    if next == byte, index + 2 < count, bytes[index + 2] == byte { markup = true }
                    if byte == 0x21, next == 0x5B, index + 2 < count, bytes[index + 2] == 0x5B { markup = true }
                case 0x5B:  // [
                    if next == 0x21 { callouts = true }
                default:
                    break
                }
                if markup && callouts { break }
                index += 1
            }
            return (markup, callouts)
        }
    }

    static let marker = "<!--gongbu-markup:"

    /// Paired Hugo shortcodes gongbu renders; everything between their ends is Markdown.
    public static let pairedShortcodes: Set<String> = [
        "callout", "hint", "notice", "alert", "admonition", "details", "tabs", "tab", "cards", "highlight", "steps",
        // The Kubernetes documentation's callouts: `{{< note >}}`, `{{< caution >}}`, `{{< warning >}}`,
        // and its old page sections (`{{% capture overview %}}` … `{{% /capture %}}`).
        "note", "caution", "warning", "capture",
    ]
    /// Shortcodes that stand alone. The Kubernetes documentation's: `glossary_definition` (a
    /// glossary entry's text), `codenew` (an example file), `heading` (a standard heading).
    public static let singleShortcodes: Set<String> = [
        "card", "figure", "youtube", "ref", "relref", "param", "br", "feature-state", "glossary_definition", "codenew",
        "thirdparty-content",
    ]
    /// Liquid tags gongbu understands; others are dropped with a warning.
    public static let liquidTags: Set<String> = ["raw", "endraw", "highlight", "endhighlight"]
    /// Tags that stand for a path or a value inside text.
    static let inlineTags: Set<String> = [
        "ref", "relref", "link", "post_url", "param", "br", "glossary_tooltip", "api-reference", "heading", "skew",
    ]

    /// Reads a note's Markdown body.
    /// `liquid`: read Jekyll's `{% … %}` tags too (only in Jekyll sites; elsewhere `{%` is text).
    public static func read(_ body: String, liquid: Bool) -> SourceMarkup {
        let found = scan(body, liquid: liquid)
        guard found.markup else { return SourceMarkup(text: body, tags: [], unknown: [], mayHaveCallouts: found.callouts) }
        var result = SourceMarkup(text: "", tags: [], unknown: [], mayHaveCallouts: found.callouts)
        var unknownNames = Set<String>()
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fence = CodeFence()
        var inRaw = false
        var inHighlight = false
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            // Fenced code is left as written.
            if fence.isCode(trimmed) {
                index += 1
                continue
            }
            if inHighlight {
                // Code until the tag that closes it, which becomes the closing fence.
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if let tag = Self.parseStandalone(trimmed, line: index + 1, column: 1, liquid: liquid), tag.name == "highlight", tag.closing
                {
                    lines[index] = String(line.prefix { $0 == " " || $0 == "\t" }) + "```"
                    inHighlight = false
                }
                index += 1
                continue
            }
            if inRaw {
                if let range = line.range(of: #"\{%-?\s*endraw\s*-?%\}"#, options: .regularExpression) {
                    lines[index].removeSubrange(range)
                    inRaw = false
                }
                index += 1
                continue
            }
            // MkDocs (`!!! note "제목"` and a 4-space indented body; `???` folds) and Docusaurus
            // (`:::tip 제목` … `:::`) admonitions: one callout, its body Markdown.
            if let admonition = Self.admonitionOpening(trimmed) {
                var tag = Tag(name: "admonition", closing: false, line: index + 1, column: 1)
                tag.argumentPairs = [Tag.Pair(key: "type", value: admonition.kind)]
                if let title = admonition.title { tag.argumentPairs.append(Tag.Pair(key: "title", value: title)) }
                if let folded = admonition.folded { tag.argumentPairs.append(Tag.Pair(key: "fold", value: folded ? "closed" : "open")) }
                lines[index] = Self.marker + "\(result.tags.count)-->"
                result.tags.append(tag)
                var end = index + 1
                if admonition.fenced {
                    while end < lines.count, lines[end].trimmingCharacters(in: .whitespaces) != ":::" { end += 1 }
                    if end < lines.count { lines[end] = Self.marker + "\(result.tags.count)-->" }
                } else {
                    // The indented body, dedented; it ends at the first line that is not indented.
                    while end < lines.count,
                        lines[end].hasPrefix("    ") || lines[end].hasPrefix("\t")
                            || lines[end].trimmingCharacters(in: .whitespaces).isEmpty
                    {
                        if lines[end].hasPrefix("\t") {
                            lines[end].removeFirst()
                        } else if lines[end].hasPrefix("    ") {
                            lines[end].removeFirst(4)
                        }
                        end += 1
                    }
                    // Trailing blank lines stay outside the callout.
                    var close = end
                    while close > index + 1, lines[close - 1].trimmingCharacters(in: .whitespaces).isEmpty { close -= 1 }
                    if close < end {
                        // A blank line after the body takes the closing marker: lines keep their numbers.
                        lines[close] = Self.marker + "\(result.tags.count)-->"
                    } else {
                        lines.insert(Self.marker + "\(result.tags.count)-->", at: close)
                    }
                }
                var closing = Tag(name: "admonition", closing: true, line: end + 1, column: 1)
                closing.argumentPairs = tag.argumentPairs.filter { $0.key == "fold" }
                result.tags.append(closing)
                index += 1
                continue
            }
            // A tag may span lines: gather until its closing delimiter.
            var joined = line
            var extra = 0
            while Self.unclosedOpening(joined) != nil, index + extra + 1 < lines.count, extra < 20 {
                extra += 1
                joined += "\n" + lines[index + extra]
            }
            let indent = String(line.prefix { $0 == " " || $0 == "\t" })
            let content = joined.trimmingCharacters(in: .whitespacesAndNewlines)
            if let tag = Self.parseStandalone(content, line: index + 1, column: indent.count + 1, liquid: liquid),
                inlineTags.contains(tag.name)
            {
                // An inline tag alone on its line (or lines): what it stands for, on its first line
                // (the Kubernetes docs' standard `heading` alone is a heading).
                lines[index] =
                    indent + (tag.name == "heading" ? "## " : "")
                    + Self.replaceTags(
                        in: Substring(content), line: index + 1, liquid: liquid, unknown: &result.unknown, names: &unknownNames)
                for offset in stride(from: 1, through: extra, by: 1) { lines[index + offset] = "" }
                index += extra + 1
                continue
            }
            if let embed = Self.standaloneNoteEmbed(content, line: index + 1, column: indent.count + 1) {
                lines[index] = indent + Self.marker + "\(result.tags.count)-->"
                result.tags.append(embed)
                index += 1
                continue
            }
            if let tag = Self.parseStandalone(content, line: index + 1, column: indent.count + 1, liquid: liquid) {
                if tag.name == "raw" && !tag.closing {
                    inRaw = true
                    lines[index] = ""
                } else if tag.name == "highlight" {
                    // Code: a fence, so it renders (and is highlighted) as code.
                    lines[index] = indent + (tag.closing ? "```" : "```" + (tag.firstPositional ?? ""))
                    inHighlight = !tag.closing
                } else if Self.isKnown(tag) {
                    lines[index] = indent + Self.marker + "\(result.tags.count)-->"
                    result.tags.append(tag)
                } else {
                    if unknownNames.insert(tag.name).inserted { result.unknown.append((tag.name, tag.line, tag.column)) }
                    // The words a tag stands for are never lost: its `text` stays.
                    lines[index] = tag.argument("text").map { indent + $0 } ?? ""
                }
                for offset in stride(from: 1, through: extra, by: 1) { lines[index + offset] = "" }
                index += extra + 1
                continue
            }
            // A tag in running text may wrap onto the next line (`{{< glossary_tooltip
            // text="디플로이먼트"` and `term_id="deployment" >}} 또는 …`): the first line gets the
            // tag's words, the next keeps what follows the tag, so the paragraph and the line
            // numbers stay as they were.
            if Self.hasUnclosedTag(line, liquid: liquid), index + 1 < lines.count,
                let wrapped = Self.splitWrappedTag(line, next: lines[index + 1], liquid: liquid),
                !wrapped.rest.trimmingCharacters(in: .whitespaces).isEmpty
                    || index + 2 >= lines.count || lines[index + 2].trimmingCharacters(in: .whitespaces).isEmpty
            {
                lines[index] = Self.replaceInline(
                    Self.replaceEmbeds(wrapped.head), line: index + 1, liquid: liquid, unknown: &result.unknown, names: &unknownNames)
                lines[index + 1] = Self.replaceInline(
                    Self.replaceEmbeds(wrapped.rest), line: index + 2, liquid: liquid, unknown: &result.unknown, names: &unknownNames)
                index += 2
                continue
            }
            lines[index] = Self.replaceInline(
                Self.replaceEmbeds(line), line: index + 1, liquid: liquid, unknown: &result.unknown, names: &unknownNames)
            index += 1
        }
        result.text = lines.joined(separator: "\n")
        return result
    }

    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "avif"]

    /// `![[노트]]` or `![[노트#절]]` alone on its line: Obsidian shows that note's text (or that
    /// section's) in place. An `embed` tag, argument "" the note's name, "section" the heading.
    static func standaloneNoteEmbed(_ content: String, line: Int, column: Int) -> Tag? {
        guard content.hasPrefix("![["), content.hasSuffix("]]"), content.count > 5 else { return nil }
        let inner = content.dropFirst(3).dropLast(2)
        guard !inner.contains("]]"), !inner.contains("[[") else { return nil }
        let target = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let name = parts[0].trimmingCharacters(in: .whitespaces)
        let fileExtension = Path.fileExtension(name).lowercased()
        guard !name.isEmpty, fileExtension.isEmpty || fileExtension == "md" else { return nil }
        var tag = Tag(name: "embed", closing: false, line: line, column: column)
        tag.argumentPairs = [.init(key: "", value: name)]
        if parts.count > 1 { tag.argumentPairs.append(.init(key: "section", value: parts[1].trimmingCharacters(in: .whitespaces))) }
        return tag
    }

    /// Obsidian embeds outside code spans: `![[그림.png|300]]` is an image, `![[문서.pdf]]` a link
    /// to the file, `![[노트#절]]` inside a sentence a link to the note (alone on a line, the
    /// note's text is shown: `standaloneNoteEmbed`).
    static func replaceEmbeds(_ line: String) -> String {
        guard ByteSearch.contains(line, "![[") else { return line }
        let parts = line.split(separator: "`", omittingEmptySubsequences: false)
        var output: [String] = []
        for (index, part) in parts.enumerated() {
            guard index % 2 == 0, part.contains("![[") else {
                output.append(String(part))
                continue
            }
            var text = ""
            var rest = part
            while let start = rest.firstRange(of: "![["), let end = rest[start.upperBound...].firstRange(of: "]]") {
                text += rest[..<start.lowerBound]
                let inner = rest[start.upperBound..<end.lowerBound]
                let pieces = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
                let target = pieces[0].trimmingCharacters(in: .whitespaces)
                let label = pieces.count > 1 ? pieces[1].trimmingCharacters(in: .whitespaces) : ""
                let file = String(target.split(separator: "#", maxSplits: 1).first ?? "")
                let fileExtension = Path.fileExtension(file).lowercased()
                if imageExtensions.contains(fileExtension) {
                    // A number after the bar is a width, not a description.
                    let alt = label.allSatisfy({ $0.isNumber || $0 == "x" }) ? "" : label
                    text += "![\(alt)](<\(file)>)"
                } else if !fileExtension.isEmpty && fileExtension != "md" {
                    text += "[\(label.isEmpty ? file : label)](<\(file)>)"
                } else {
                    text += "[[" + inner + "]]"
                }
                rest = rest[end.upperBound...]
            }
            output.append(text + rest)
        }
        return output.joined(separator: "`")
    }

    /// `!!! note "제목"`, `??? tip`, `???+ warning`, `:::tip 제목`.
    static func admonitionOpening(_ line: String) -> (kind: String, title: String?, folded: Bool?, fenced: Bool)? {
        if line.hasPrefix(":::"), line.count > 3 {
            let rest = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
            let kind = String(rest.prefix { $0.isLetter })
            guard !kind.isEmpty else { return nil }
            let title = rest.dropFirst(kind.count).trimmingCharacters(in: .whitespaces)
            return (kind.lowercased(), title.isEmpty ? nil : title, nil, true)
        }
        for (prefix, folded) in [("!!!", nil as Bool?), ("???+", false), ("???", true)] where line.hasPrefix(prefix) {
            let rest = line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            let kind = String(rest.prefix { $0.isLetter })
            guard !kind.isEmpty else { return nil }
            var title = rest.dropFirst(kind.count).trimmingCharacters(in: .whitespaces)
            if title.hasPrefix("\""), title.hasSuffix("\""), title.count >= 2 { title = String(title.dropFirst().dropLast()) }
            return (kind.lowercased(), title.isEmpty ? nil : title, folded, false)
        }
        return nil
    }

    static func isKnown(_ tag: Tag) -> Bool {
        pairedShortcodes.contains(tag.name) || singleShortcodes.contains(tag.name) || liquidTags.contains(tag.name)
    }

    /// The opening delimiter of a tag that is not closed on this text, if any.
    static func unclosedOpening(_ text: String) -> String? {
        for (open, close) in [("{{<", ">}}"), ("{{%", "%}}"), ("{%", "%}")] {
            if let start = text.range(of: open, options: .backwards), text[start.upperBound...].range(of: close) == nil { return open }
        }
        return nil
    }

    /// A whole line that is exactly one tag: `{{< name args >}}`, `{{% /name %}}`, `{% name args %}`.
    static func parseStandalone(_ content: String, line: Int, column: Int, liquid allowLiquid: Bool = true) -> Tag? {
        var inner: Substring
        var liquid = false
        if content.hasPrefix("{{<") && content.hasSuffix(">}}") {
            inner = content.dropFirst(3).dropLast(3)
        } else if content.hasPrefix("{{%") && content.hasSuffix("%}}") {
            inner = content.dropFirst(3).dropLast(3)
        } else if allowLiquid, content.hasPrefix("{%") && content.hasSuffix("%}") && !content.hasPrefix("{%%") {
            inner = content.dropFirst(2).dropLast(2)
            liquid = true
        } else {
            return nil
        }
        // One tag only: no second opening inside.
        if inner.contains("{{<") || inner.contains("{{%") || (liquid && inner.contains("{%")) { return nil }
        inner = inner.trimmingCharacters(in: CharacterSet(charactersIn: " -\n\t"))[...]
        var closing = false
        if inner.hasPrefix("/") {
            closing = true
            inner = inner.dropFirst().drop { $0 == " " }
        }
        let name = String(inner.prefix { !$0.isWhitespace })
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "/" || $0 == "." }) else {
            return nil
        }
        var tag = Tag(name: name, closing: closing, line: line, column: column)
        if liquid, name.hasPrefix("end") {
            tag.name = String(name.dropFirst(3))
            tag.closing = true
        }
        tag.argumentPairs = parseArguments(String(inner.dropFirst(name.count)))
        return tag
    }

    /// `type="info" "go" title='x' linenos=true`.
    static func parseArguments(_ text: String) -> [Tag.Pair] {
        var pairs: [Tag.Pair] = []
        var scanner = Substring(text)
        func skipSpaces() { scanner = scanner.drop { $0.isWhitespace } }
        func value() -> String {
            if let quote = scanner.first, quote == "\"" || quote == "'" || quote == "`" {
                scanner = scanner.dropFirst()
                let end = scanner.firstIndex(of: quote) ?? scanner.endIndex
                let result = String(scanner[..<end])
                scanner = end < scanner.endIndex ? scanner[scanner.index(after: end)...] : ""
                return result
            }
            let word = scanner.prefix { !$0.isWhitespace }
            scanner = scanner.dropFirst(word.count)
            return String(word)
        }
        skipSpaces()
        while !scanner.isEmpty, pairs.count < 50 {
            let key = scanner.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
            let rest = scanner.dropFirst(key.count)
            if !key.isEmpty, rest.first == "=" || rest.first == ":" {
                scanner = rest.dropFirst()
                pairs.append(Tag.Pair(key: String(key), value: value()))
            } else {
                let positional = value()
                if positional.isEmpty { scanner = scanner.dropFirst() } else { pairs.append(Tag.Pair(key: "", value: positional)) }
            }
            skipSpaces()
        }
        return pairs
    }

    /// Whether the line opens a tag (`{{<`, `{{%`, Liquid's `{%`) that it does not close.
    static func hasUnclosedTag(_ line: String, liquid: Bool) -> Bool {
        for (open, close) in [("{{<", ">}}"), ("{{%", "%}}")] + (liquid ? [("{%", "%}")] : []) {
            guard let last = line.range(of: open, options: .backwards) else { continue }
            if line[last.upperBound...].range(of: close) == nil { return true }
        }
        return false
    }

    /// A line whose last tag is closed on `next`: the line with the whole tag (`head`), and
    /// what follows the tag on `next` (`rest`); nil when `next` does not close it.
    static func splitWrappedTag(_ line: String, next: String, liquid: Bool) -> (head: String, rest: String)? {
        for (open, close) in [("{{<", ">}}"), ("{{%", "%}}")] + (liquid ? [("{%", "%}")] : []) {
            guard let last = line.range(of: open, options: .backwards), line[last.upperBound...].range(of: close) == nil else { continue }
            guard let end = next.range(of: close), next[..<end.lowerBound].range(of: open) == nil else { return nil }
            let head = line + " " + next[..<end.upperBound].trimmingCharacters(in: .whitespaces)
            return (head, String(next[end.upperBound...]))
        }
        return nil
    }

    /// Tags inside a line of text: `ref`/`relref`/`link`/`post_url` become the path they name,
    /// everything else disappears (unknown ones are reported).
    static func replaceInline(
        _ line: String, line number: Int, liquid: Bool, unknown: inout [(name: String, line: Int, column: Int)],
        names: inout Set<String>
    ) -> String {
        guard ByteSearch.contains(line, "{{<") || ByteSearch.contains(line, "{{%") || (liquid && ByteSearch.contains(line, "{%")) else {
            return line
        }
        // Code spans keep their text: split at backticks and change only what is outside them.
        let parts = line.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count > 1 else {
            return replaceTags(in: Substring(line), line: number, liquid: liquid, unknown: &unknown, names: &names)
        }
        var output: [String] = []
        for (index, part) in parts.enumerated() {
            output.append(
                index % 2 == 0 ? replaceTags(in: part, line: number, liquid: liquid, unknown: &unknown, names: &names) : String(part))
        }
        return output.joined(separator: "`")
    }

    static func replaceTags(
        in text: Substring, line number: Int, liquid: Bool, unknown: inout [(name: String, line: Int, column: Int)],
        names: inout Set<String>
    ) -> String {
        var output = ""
        var rest = text
        while let start = [rest.firstRange(of: "{{<"), rest.firstRange(of: "{{%"), liquid ? rest.firstRange(of: "{%") : nil].compactMap({
            $0
        })
        .min(by: { $0.lowerBound < $1.lowerBound }) {
            let open = String(rest[start])
            let close = open == "{{<" ? ">}}" : open == "{{%" ? "%}}" : "%}"
            guard let end = rest[start.upperBound...].firstRange(of: close) else { break }
            output += rest[..<start.lowerBound]
            let whole = String(rest[start.lowerBound..<end.upperBound])
            if let tag = parseStandalone(whole, line: number, column: output.count + 1, liquid: liquid) {
                switch tag.name {
                case "ref", "relref", "link", "post_url":
                    output += tag.firstPositional ?? tag.argument("path") ?? ""
                case "glossary_tooltip":
                    // The Kubernetes documentation's link to its glossary: the words, which the
                    // concept linker then links to gongbu's concept page.
                    output += tag.argument("text") ?? tag.argument("term_id") ?? ""
                case "heading":
                    // The Kubernetes documentation's standard headings (`whatsnext` → 다음 내용).
                    let key = tag.firstPositional ?? ""
                    output += UIStrings.korean.table["heading." + key] ?? key
                case "skew":
                    // The Kubernetes docs' version numbers: the newest version gongbu checks against.
                    output += Self.skewVersion(tag.firstPositional ?? "", offset: tag.argumentPairs.dropFirst().first?.value)
                case "api-reference":
                    // A page of the Kubernetes API reference: `workload-resources/cron-job-v1` → CronJob v1.
                    if let page = tag.argument("page") {
                        var words = page.split(separator: "/").last.map { $0.split(separator: "-").map(String.init) } ?? []
                        let version = words.count > 1 && words.last!.hasPrefix("v") ? words.removeLast() : ""
                        let name = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
                        let anchor = tag.argument("anchor").map { "#" + $0 } ?? ""
                        let label = tag.argument("text") ?? "\(name) \(version) API".replacingOccurrences(of: "  ", with: " ")
                        output += "[\(label)](https://kubernetes.io/docs/reference/kubernetes-api/\(page)/\(anchor))"
                    }
                case "param", "br", "raw", "endraw":
                    break
                default:
                    if names.insert(tag.name).inserted { unknown.append((tag.name, number, tag.column)) }
                    // The words a tag stands for are never lost: its `text` stays.
                    output += tag.argument("text") ?? ""
                }
            } else {
                output += whole
            }
            rest = rest[end.upperBound...]
        }
        return output + rest
    }

    /// `{{< skew currentVersion >}}` (`latestVersion`, `currentVersionAddMinor -1` …): the newest
    /// Kubernetes version whose schema gongbu ships, moved by the minor offset when one is given.
    static func skewVersion(_ name: String, offset: String?) -> String {
        let newest = KubernetesSchema.shared.newestVersion
        guard name.hasSuffix("AddMinor"), let offset = offset.flatMap({ Int($0) }) else { return newest }
        let parts = newest.split(separator: ".").compactMap { Int($0) }
        guard parts.count == 2 else { return newest }
        return "\(parts[0]).\(max(parts[1] + offset, 0))"
    }

    /// The marker number in an HTML block's text, when it is one of ours.
    static func markerNumber(_ html: String) -> Int? {
        let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix(marker), trimmed.hasSuffix("-->") else { return nil }
        return Int(trimmed.dropFirst(marker.count).dropLast(3))
    }
}
