import Foundation
import GongbuCore
import Korean
import Markdown

/// The linking stage: finds concept mentions and `[[wikilinks]]` in a parsed document's text
/// nodes and turns them into links, recording every mention for the graph and backlinks.
///
/// Never touches code spans, code blocks, existing links, images (alt text), or raw HTML.
/// Mentions in headings are counted; they become links only when the site asks for it.
public struct ConceptLinker: Sendable {
    public var glossary: Glossary
    public var context: LinkContext
    /// `data-concept="…" href="…"` per concept, escaped once rather than per link.
    private let attributes: [String]
    /// ` title="…"` (the summary) per concept. Only the first link to a concept on a page
    /// carries it; the site script shows it on the others, so pages do not repeat it.
    private let titles: [String]

    public init(glossary: Glossary, context: LinkContext) {
        self.glossary = glossary
        self.context = context
        attributes = glossary.concepts.map { concept in
            "data-concept=\"\(Escape.html(concept.id))\" href=\"\(Escape.html(context.conceptHref(concept.id)))\""
        }
        titles = glossary.concepts.map { concept in
            concept.summary.isEmpty ? "" : " title=\"\(Escape.html(concept.summary))\""
        }
    }

    /// Where the document came from, for diagnostics.
    public struct Origin: Sendable {
        public var file: String
        /// Add to cmark line numbers to get file lines.
        public var lineOffset: Int
        /// The Markdown text that was parsed (to turn byte columns into character columns).
        public var markdown: String
        /// Report words that look like misspelled terms.
        public var checkTypos: Bool
        /// A concept page's own concept, never linked from its body.
        public var ownConcept: Int?
        /// Cut a snippet around each concept's first mention (for backlinks); search does not need them.
        public var snippets: Bool
        /// The text is about Kubernetes whatever its words (a concept page): ambiguous terms link.
        public var aboutKubernetes = false
        /// Link mentions of concepts; false keeps only the explicit `[[wikilinks]]` (a note's
        /// `concepts: false`, a folder gongbu.yml's `link:` leaves out).
        public var linksMentions = true
        /// The note's title (front matter, or the heading or line that became it): a title that
        /// names a Kubernetes concept without ambiguity (`데몬셋(DaemonSet)`) is evidence that the
        /// note is about Kubernetes, though the title is not part of the linked text.
        public var title: String?

        public init(file: String, lineOffset: Int, markdown: String, checkTypos: Bool = true, ownConcept: Int? = nil, snippets: Bool = true)
        {
            self.file = file
            self.lineOffset = lineOffset
            self.markdown = markdown
            self.checkTypos = checkTypos
            self.ownConcept = ownConcept
            self.snippets = snippets
        }
    }

    struct TextSite {
        var node: MarkdownNode
        var block: MarkdownNode
        var inHeading: Bool
        /// How many headings come before it: the section it is in.
        var section: Int
    }

    /// Where "the first mention" is counted: a section (the default) or a paragraph.
    enum Scope: Hashable {
        case section(Int)
        case block(MarkdownNode)
    }

    /// Finds mentions and links them in the document now.
    public func link(_ document: MarkdownDocument, origin: Origin) -> LinkResult {
        let (result, pending) = linkDeferred(document, origin: origin)
        pending.materializeAll()
        return result
    }

    /// Finds mentions now and returns the links of ordinary text as a plan, applied block by
    /// block while the document is rendered (`MarkdownDocument.consumeHTML(_:before:)`): the
    /// link nodes of a long note then never exist all at once. Text in headings and text with
    /// wikilinks is linked at once (headings are rendered early; wikilink labels change the
    /// text that summaries and search read). Until the plan is applied, the document's text
    /// is unchanged, so summaries and search text read the same words either way.
    public func linkDeferred(_ document: MarkdownDocument, origin: Origin) -> (LinkResult, PendingLinks) {
        document.consolidateTextNodes()
        var sites: [TextSite] = []
        var opaqueDepth = 0
        var headingDepth = 0
        var blocks: [MarkdownNode] = []
        var section = 0
        for (node, event) in document.walk() {
            let kind = node.kind
            switch (kind, event) {
            // Inside links (and gongbu's own link nodes) nothing more is linked; other custom
            // inlines (table cells, strikethrough) are text like the rest.
            case (.link, .enter), (.image, .enter): opaqueDepth += 1
            case (.link, .exit), (.image, .exit): opaqueDepth -= 1
            case (.customInline, .enter) where node.isCustomLink: opaqueDepth += 1
            case (.customInline, .exit) where node.isCustomLink: opaqueDepth -= 1
            case (.heading, .enter):
                headingDepth += 1
                section += 1
                blocks.append(node)
            case (.heading, .exit):
                headingDepth -= 1
                blocks.removeLast()
            case (.paragraph, .enter), (.customBlock, .enter):
                // The footnotes are asides, a section of their own.
                if kind == .customBlock, node.firstChild != nil, node.onEnter.hasPrefix("<section class=\"footnotes\"") { section += 1 }
                blocks.append(node)
            case (.paragraph, .exit), (.customBlock, .exit): blocks.removeLast()
            case (.text, .enter) where opaqueDepth == 0:
                sites.append(TextSite(node: node, block: blocks.last ?? document.root, inHeading: headingDepth > 0, section: section))
            default: break
            }
        }

        var state = LinkState()
        var sourceText: SourceText?
        let pending = PendingLinks(linker: self)
        // Matches first, for the evidence that ambiguous terms (서비스, 이미지, 잡) need.
        let siteMatches = sites.map { site -> [AliasMatch] in
            guard origin.linksMentions, let literal = site.node.literal, !literal.isEmpty else { return [] }
            var bytes = literal
            return bytes.withUTF8 { glossary.matcher.matches(in: $0) }
        }
        var titleMatches: [AliasMatch] = []
        if origin.linksMentions, var title = origin.title, !title.isEmpty {
            titleMatches = title.withUTF8 { glossary.matcher.matches(in: $0) }
        }
        let evidence = Evidence(sites: sites, matches: siteMatches, title: titleMatches)
        for (site, matches) in zip(sites, siteMatches) {
            var kept = origin.aboutKubernetes || evidence.allowsAmbiguous(in: site.section) ? matches : matches.filter { !$0.ambiguous }
            if kept.contains(where: \.ambiguous) {
                // A word in the same sentence (of the paragraph, or the table row) that points
                // to the other sense (`against:`).
                var (text, base) = blockText(of: site, state: &state)
                if base == nil { (text, base) = (Array((site.node.literal ?? "").utf8), 0) }
                kept.removeAll { match in match.ambiguous && sentenceSpeaksAgainst(match, in: text, at: base!) }
            }
            process(site, matches: kept, origin: origin, state: &state, sourceText: &sourceText, pending: pending)
        }
        var result = LinkResult()
        result.mentions = state.order.map { state.mentions[$0]! }
        result.noteLinks = state.noteLinks
        result.diagnostics = state.diagnostics
        return (result, pending)
    }

    struct LinkState {
        var mentions: [Int: Mention] = [:]
        var order: [Int] = []
        var noteLinks: [String: Int] = [:]
        var linkedInScope: [Scope: Set<Int>] = [:]
        /// Concepts whose first link (the one with the tooltip) is already on the page.
        var titled = Set<Int>()
        var blockOffsets: [MarkdownNode: (text: [UInt8], offsets: [MarkdownNode: Int])] = [:]
        var diagnostics: [Diagnostic] = []
    }

    /// A piece of a text node after linking, as byte ranges of the node's text.
    enum Piece {
        case text(Range<Int>)
        case concept(Int, Range<Int>, withTitle: Bool)
        case wikilink(WikiTarget, label: String, fragment: String?, withTitle: Bool)
    }

    /// Whether the sentence around an ambiguous match holds one of its concept's `against:`
    /// words (운영체제 for 서비스, 트랜잭션 for 롤백, 스프링 for 컨테이너).
    /// `bytes` is the text of the whole block (`blockText(of:state:)`), the match's text node
    /// starting at `base` in it.
    func sentenceSpeaksAgainst(_ match: AliasMatch, in bytes: [UInt8], at base: Int) -> Bool {
        let words = glossary.concepts[match.concept].againstWords
        guard !words.isEmpty else { return false }
        func isSentenceEnd(_ byte: UInt8) -> Bool { byte == UInt8(ascii: ".") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!") }
        var start = min(base + match.start, bytes.count)
        while start > 0, !isSentenceEnd(bytes[start - 1]) { start -= 1 }
        var end = min(base + match.wordEnd, bytes.count)
        while end < bytes.count, !isSentenceEnd(bytes[end]) { end += 1 }
        let sentence = Self.lowercased(bytes[start..<end])
        // Byte search: Foundation's `contains` on strings goes through NSString and showed up in profiles.
        return words.contains { ByteSearch.contains(sentence, $0) }
    }

    /// `text` lowercased as `String.lowercased()` does. Unicode case mapping is slow on long
    /// Korean sentences, so text whose letters are ASCII, Hangul, CJK or other caseless scripts
    /// takes a byte-wise path; any character from a block with case (Latin, Greek, Cyrillic,
    /// Armenian, Georgian, Cherokee, the extended and full-width Latin and Greek letters,
    /// Roman numerals, circled letters, Glagolitic, Deseret, Adlam) takes Unicode's.
    static func lowercased(_ text: ArraySlice<UInt8>) -> String {
        if text.indices.contains(where: { hasCasedLeadBytes(text, at: $0) }) {
            return String(decoding: text, as: UTF8.self).lowercased()
        }
        return String(decoding: text.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// Whether the UTF-8 sequence starting at `index` may be a letter with case (see `lowercased`).
    private static func hasCasedLeadBytes(_ text: ArraySlice<UInt8>, at index: Int) -> Bool {
        let byte = text[index]
        guard byte >= 0xC3 else { return false }
        if byte <= 0xD6 { return true }  // U+00C0–U+05BF
        guard index + 1 < text.endIndex else { return false }
        let next = text[index + 1]
        switch byte {
        case 0xE1: return (0x82...0x83).contains(next) || (0x8E...0x8F).contains(next) || next == 0xB2 || next >= 0xB4
        case 0xE2: return (0x84...0x86).contains(next) || (0x92...0x93).contains(next) || (0xB0...0xB5).contains(next)
        case 0xEF: return next == 0xBC || next == 0xBD
        case 0xF0: return next == 0x90 || next == 0x9E
        default: return false
        }
    }

    /// What the unambiguous mentions (파드, kubectl, 디플로이먼트: words that mean nothing else)
    /// say about a note, for its ambiguous terms (서비스, 이미지, 잡). A note that is plainly
    /// about Kubernetes (five such mentions of at least two concepts) links them everywhere; a
    /// note that only touches it (two concepts, or one three times) links them in the sections
    /// that mention Kubernetes themselves; any other note never does.
    struct Evidence {
        var mentions = 0
        var concepts = Set<Int>()
        var sections: [Int: Int] = [:]

        /// A concept the title names counts as three mentions, in no section of its own.
        init(sites: [TextSite], matches: [[AliasMatch]], title: [AliasMatch] = []) {
            for (site, found) in zip(sites, matches) {
                for match in found where !match.ambiguous {
                    mentions += 1
                    concepts.insert(match.concept)
                    sections[site.section, default: 0] += 1
                }
            }
            for concept in Set(title.filter { !$0.ambiguous }.map(\.concept)) {
                concepts.insert(concept)
                mentions += 3
            }
        }

        var touchesKubernetes: Bool { concepts.count >= 2 || mentions >= 3 }
        var isAboutKubernetes: Bool { concepts.count >= 2 && mentions >= 5 }

        func allowsAmbiguous(in section: Int) -> Bool {
            isAboutKubernetes || (touchesKubernetes && sections[section, default: 0] > 0)
        }
    }

    func process(
        _ site: TextSite, matches found: [AliasMatch], origin: Origin, state: inout LinkState, sourceText: inout SourceText?,
        pending: PendingLinks
    ) {
        guard let literal = site.node.literal, !literal.isEmpty else { return }
        let bytes = Array(literal.utf8)
        let wikilinks = Wikilinks.find(in: bytes)
        var matches = found
        let shortcodes = matches.isEmpty ? [] : Shortcodes.spans(in: bytes)
        if !wikilinks.isEmpty || !shortcodes.isEmpty {
            matches.removeAll { match in
                wikilinks.contains { $0.range.overlaps(match.start..<match.wordEnd) }
                    || shortcodes.contains { $0.overlaps(match.start..<match.wordEnd) }
            }
        }
        if origin.checkTypos && !site.inHeading {
            reportTypos(
                bytes, skipping: matches.map { $0.start..<$0.wordEnd } + wikilinks.map(\.range) + shortcodes, site: site,
                origin: origin, state: &state, sourceText: &sourceText)
        }
        guard !matches.isEmpty || !wikilinks.isEmpty else { return }

        var pieces: [Piece] = []
        var hasWikilinks = false
        var cursor = 0
        var events: [(Int, Int, Bool)] = matches.enumerated().map { ($0.element.start, $0.offset, false) }
        events += wikilinks.enumerated().map { ($0.element.range.lowerBound, $0.offset, true) }
        events.sort { $0.0 < $1.0 }
        for (_, index, isWikilink) in events {
            if isWikilink {
                let wikilink = wikilinks[index]
                guard let target = resolve(wikilink, site: site, origin: origin, state: &state, sourceText: &sourceText) else { continue }
                if wikilink.range.lowerBound > cursor { pieces.append(.text(cursor..<wikilink.range.lowerBound)) }
                let label = wikilink.label ?? defaultLabel(target)
                var withTitle = false
                if case .concept(let index) = target { withTitle = state.titled.insert(index).inserted }
                pieces.append(.wikilink(target, label: label, fragment: wikilink.fragment, withTitle: withTitle))
                hasWikilinks = true
                cursor = wikilink.range.upperBound
                switch target {
                case .concept(let concept):
                    record(concept, wikilink: true, match: nil, bytes: bytes, site: site, origin: origin, state: &state)
                case .note(let slug):
                    state.noteLinks[slug, default: 0] += 1
                }
                continue
            }
            let match = matches[index]
            if match.concept == origin.ownConcept { continue }
            record(match.concept, wikilink: false, match: match, bytes: bytes, site: site, origin: origin, state: &state)
            let allowed = !site.inHeading || context.linkHeadings
            // A heading is its own scope: its mentions do not use up the section's first link.
            let scope: Scope = context.linkPerParagraph || site.inHeading ? .block(site.block) : .section(site.section)
            let first = state.linkedInScope[scope, default: []].insert(match.concept).inserted
            guard allowed, context.linkEveryMention || first else { continue }
            if match.start > cursor { pieces.append(.text(cursor..<match.start)) }
            pieces.append(.concept(match.concept, match.start..<match.termEnd, withTitle: state.titled.insert(match.concept).inserted))
            cursor = match.termEnd
        }
        guard !pieces.isEmpty else { return }
        if site.inHeading || hasWikilinks {
            apply(pieces, tail: cursor, to: site.node, bytes: bytes)
        } else {
            pending.entries.append(PendingLinks.Entry(node: site.node, pieces: pieces, tail: cursor))
        }
    }

    /// Splits a text node into its pieces: plain text and links.
    func apply(_ pieces: [Piece], tail cursor: Int, to node: MarkdownNode, bytes: [UInt8]) {
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        for piece in pieces {
            switch piece {
            case .text(let range):
                node.insertBefore(.text(text(range)))
            case .concept(let index, let range, let withTitle):
                node.insertBefore(conceptLink(index, text: text(range), extraClass: nil, withTitle: withTitle))
            case .wikilink(.concept(let index), let label, _, let withTitle):
                node.insertBefore(conceptLink(index, text: label, extraClass: "wikilink", withTitle: withTitle))
            case .wikilink(.note(let slug), let label, let fragment, _):
                var href = context.noteHref(slug)
                if let fragment {
                    let id = HeadingAnchors.id(for: fragment)
                    href += "#" + Escape.urlFragment(id.isEmpty ? fragment : id)
                }
                let link = MarkdownNode.customInline(onEnter: "<a class=\"wikilink\" href=\"\(Escape.html(href))\">", onExit: "</a>")
                link.appendChild(.text(label))
                node.insertBefore(link)
            }
        }
        if cursor < bytes.count {
            node.literal = text(cursor..<bytes.count)
        } else {
            node.remove()
        }
    }

    func conceptLink(_ index: Int, text: String, extraClass: String?, withTitle: Bool) -> MarkdownNode {
        let classes = extraClass == nil ? "concept" : "concept " + extraClass!
        let link = MarkdownNode.customInline(
            onEnter: "<a class=\"\(classes)\" \(attributes[index])\(withTitle ? titles[index] : "")>", onExit: "</a>")
        link.appendChild(.text(text))
        return link
    }

    func defaultLabel(_ target: WikiTarget) -> String {
        switch target {
        case .concept(let index): return glossary.concepts[index].shortTitle
        case .note(let slug): return context.noteTitles[slug] ?? slug
        }
    }

    func record(_ concept: Int, wikilink: Bool, match: AliasMatch?, bytes: [UInt8], site: TextSite, origin: Origin, state: inout LinkState)
    {
        if state.mentions[concept] == nil {
            state.order.append(concept)
            state.mentions[concept] = Mention(
                concept: concept, count: 0, wikilinks: 0,
                firstLine: site.node.startLine + origin.lineOffset, snippet: nil)
        }
        if wikilink {
            state.mentions[concept]!.wikilinks += 1
            return
        }
        state.mentions[concept]!.count += 1
        if origin.snippets, state.mentions[concept]!.snippet == nil, let match {
            state.mentions[concept]!.snippet = snippet(for: match, bytes: bytes, site: site, state: &state)
            state.mentions[concept]!.firstLine = site.node.startLine + origin.lineOffset
        }
    }

    /// About 40 characters of the paragraph on each side of the mention.
    func snippet(for match: AliasMatch, bytes: [UInt8], site: TextSite, state: inout LinkState) -> Snippet {
        let (blockText, base) = blockText(of: site, state: &state)
        guard let base else {
            return Snippet(before: "", match: String(decoding: bytes[match.start..<match.termEnd], as: UTF8.self), after: "")
        }
        let start = min(base + match.start, blockText.count)
        let end = min(base + match.termEnd, blockText.count)
        return TextSnippet.around(blockText, start: start, end: end)
    }

    /// The text of the site's block (its paragraph, table row or heading: text and code, breaks
    /// as spaces), made once per block, and where the site's own text starts in it.
    func blockText(of site: TextSite, state: inout LinkState) -> (text: [UInt8], base: Int?) {
        if state.blockOffsets[site.block] == nil {
            var text: [UInt8] = []
            var offsets: [MarkdownNode: Int] = [:]
            for (node, event) in MarkdownWalk(root: site.block) where event == .enter {
                switch node.kind {
                case .text, .code:
                    offsets[node] = text.count
                    text += Array((node.literal ?? "").utf8)
                case .softBreak, .lineBreak:
                    text.append(0x20)
                default: break
                }
            }
            state.blockOffsets[site.block] = (text, offsets)
        }
        let (text, offsets) = state.blockOffsets[site.block]!
        return (text, offsets[site.node])
    }

    func resolve(
        _ wikilink: Wikilinks.Found, site: TextSite, origin: Origin, state: inout LinkState, sourceText: inout SourceText?
    ) -> WikiTarget? {
        let target = wikilink.target
        if let index = glossary.indexByID[target] { return .concept(index) }
        if context.noteTitles[target] != nil { return .note(target) }
        if let slug = context.noteNames[target.lowercased()] ?? context.noteNames[Slug.make(target).lowercased()] { return .note(slug) }
        if let index = glossary.indexByAlias[AliasMatcher.normalizeSpaces(target).lowercased()] { return .concept(index) }
        let candidates = glossary.concepts.map(\.id) + context.noteTitles.keys.sorted()
        let suggestions = Suggest.ranked(target, among: candidates, limit: 3)
        let hint = suggestions.isEmpty ? "" : "; did you mean " + suggestions.map { "'\($0)'" }.joined(separator: ", ") + "?"
        // Obsidian and the other tools show a link to a page not written yet; only a gongbu
        // site holds its wikilinks to existing pages.
        state.diagnostics.append(
            Diagnostic(
                context.unknownWikilinksAreErrors ? .error : .warning,
                "wikilink [[\(wikilink.raw)]] names no concept or note\(hint)",
                at: location(
                    site: site, byteOffset: wikilink.range.lowerBound, needle: "[[" + wikilink.raw,
                    origin: origin, sourceText: &sourceText),
                rule: "wikilink"))
        return nil
    }

    func reportTypos(
        _ bytes: [UInt8], skipping: [Range<Int>], site: TextSite, origin: Origin, state: inout LinkState, sourceText: inout SourceText?
    ) {
        // Words and skipped ranges both advance left to right: one cursor keeps this linear
        // (a several-megabyte line has hundreds of thousands of each).
        let skipped = skipping.sorted { $0.lowerBound < $1.lowerBound }
        var cursor = 0
        // A word at either end of the node may go on in the inline node beside it
        // (`**K**ubernetes` is one word): only whole words are checked.
        func gluedInline(_ node: MarkdownNode?) -> Bool {
            guard let node else { return false }
            return node.kind != .text && node.kind != .softBreak && node.kind != .lineBreak
        }
        let gluedBefore = gluedInline(site.node.previous)
        let gluedAfter = gluedInline(site.node.next)
        func isSkipped(_ word: Range<Int>) -> Bool {
            while cursor < skipped.count, skipped[cursor].upperBound <= word.lowerBound { cursor += 1 }
            var probe = cursor
            while probe < skipped.count, skipped[probe].lowerBound < word.upperBound {
                if skipped[probe].overlaps(word) { return true }
                probe += 1
            }
            return false
        }
        var index = 0
        while index < bytes.count {
            guard TextScanning.isLatinOrDigit(UInt32(bytes[index])), bytes[index] >= 0x41,
                index == 0 || !(TextScanning.isLatinOrDigit(UInt32(bytes[index - 1])) || TextScanning.isJoiner(UInt32(bytes[index - 1])))
            else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, bytes[end] < 0x80, TextScanning.isLatinOrDigit(UInt32(bytes[end])) { end += 1 }
            let joined =
                end < bytes.count
                && (TextScanning.isJoiner(UInt32(bytes[end])) && end + 1 < bytes.count
                    && TextScanning.isLatinOrDigit(UInt32(bytes[end + 1])))
            let partOfLongerWord = (index == 0 && gluedBefore) || (end == bytes.count && gluedAfter)
            if !joined, !partOfLongerWord, !isSkipped(index..<end), case let word = String(decoding: bytes[index..<end], as: UTF8.self),
                let suggestion = glossary.typos.suggestion(for: word)
            {
                let concept = glossary.concepts[suggestion.concept]
                let at = location(site: site, byteOffset: index, needle: word, origin: origin, sourceText: &sourceText)
                // One warning per position, even when the same text is looked at twice.
                if !state.diagnostics.contains(where: { $0.rule == "glossary-typo" && $0.location == at }) {
                    state.diagnostics.append(
                        .warning(
                            "'\(word)' looks like a misspelling of the glossary term '\(suggestion.spelling)' (\(concept.id)); did you mean '\(suggestion.spelling)'?",
                            at: at, rule: "glossary-typo"))
                }
            }
            index = max(end, index + 1)
        }
    }

    /// The file position of a byte offset inside a text node, in characters. cmark gives the text
    /// node's start; escapes can shift the literal against the source, so the needle is looked
    /// up on the source line near the expected column.
    func location(site: TextSite, byteOffset: Int, needle: String, origin: Origin, sourceText: inout SourceText?) -> SourceLocation {
        let line = site.node.startLine
        if sourceText == nil { sourceText = SourceText(origin.markdown) }
        let text = sourceText!
        var byteColumn = site.node.startColumn + byteOffset
        // Escapes only make the literal shorter than the source, so the needle is at or after
        // the expected column (searching from the node's start would find an earlier copy).
        if let found = text.byteColumn(of: needle, line: line, fromByteColumn: max(1, byteColumn))
            ?? text.byteColumn(of: needle, line: line, fromByteColumn: max(1, site.node.startColumn))
        {
            byteColumn = found
        }
        return SourceLocation(
            file: origin.file, line: line + origin.lineOffset,
            column: text.characterColumn(line: line, byteColumn: byteColumn))
    }
}
