import Commands
import Content
import Foundation
import Glossary
import GongbuCore
import HTML
import Manifests
import Markdown
import Study

/// What analysing one note produced: its page (metadata, rendered body, mentions, examples)
/// and the problems found in it.
public struct NoteAnalysis: Sendable {
    public var page: NotePage
    public var diagnostics: [Diagnostic]

    public init(page: NotePage, diagnostics: [Diagnostic]) {
        self.page = page
        self.diagnostics = diagnostics
    }
}

/// A glossary entry's body, linked to other concepts and rendered.
public struct ConceptBody: Sendable {
    public var html: String
    /// Its prose, for the search index.
    public var text: String
    public var diagnostics: [Diagnostic]
}

/// Stages 2 and 3 for one note: parse the Markdown, run the passes over its tree in order, and
/// render its body. Notes are independent, so the pipeline runs this on all cores.
///
/// The passes are `NoteAnalyzer.passes`; each sees the tree as the passes before it left it. A
/// new pass over a note's tree gets a case in `Pass`, a place in that list and a branch in
/// `run(_:on:)`.
public struct NoteAnalyzer: Sendable {
    /// One pass over a note's cmark tree.
    public enum Pass: String, CaseIterable, Sendable {
        /// A leading heading becomes the note's title (when the front matter has none) and leaves
        /// the body; failing that, a short first line of text is the title.
        case title
        /// Hugo shortcodes and Jekyll Liquid tags, read before parsing (`SourceMarkup`), become
        /// their HTML: callouts, details, tabs, cards, figures; unknown ones are reported.
        case markup
        /// Block quotes that open with `[!NOTE]` (GitHub alerts) or `[!tip] 제목` (Obsidian
        /// callouts, foldable with `+`/`-`) become the same callout as the other dialects.
        case callouts
        /// Review cards the learner wrote (`CardExtractor`: definition lines, `질문::답`, cloze
        /// deletions, term tables), read from the author's own prose before examples and code
        /// change the tree.
        case cards
        /// Manifest examples are validated together and replaced by their rendered boxes; an
        /// `expect-error` example also becomes a "what is wrong here?" card.
        case examples
        /// kubectl commands in shell code blocks are checked against today's kubectl
        /// (`KubectlChecker`): unknown commands, flags and resource types, values, required,
        /// removed and deprecated flags, at the word's line and column; what differs from
        /// today's Kubernetes is kept for the page's `AgedNotice` (with the examples' old apiVersions).
        case commands
        /// Relative links and images are pointed at the output's pages and files; local targets
        /// that do not exist are warned about.
        case links
        /// Raw HTML is read by an HTML5 parser and rebuilt from the allowlist (`HTMLPolicy`):
        /// its text always stays, its local links and images are pointed at the output like
        /// Markdown's, and what a reader would have seen but the site drops is reported.
        case rawHTML
        /// Concept mentions are found and their links planned (applied while the body renders),
        /// wikilinks resolved, typos of concept names reported.
        case concepts
        /// Headings get their ids, which also feed the table of contents.
        case headingIDs
        /// Images load lazily, and one with a title that stands alone becomes a figure with
        /// that title as its caption.
        case images
        /// Code blocks are highlighted by their fence's language (`Highlighter`), line by line,
        /// each with a copy button; console output lines are marked so copying skips them, the
        /// lines the `AgedNotice` names get its anchors, and generator commands get their
        /// manifest (`DeclarativeExamples`).
        case highlight
    }

    /// The passes of a full build, in order.
    public static let passes: [Pass] = [
        .title, .markup, .callouts, .cards, .examples, .commands, .links, .rawHTML, .concepts, .headingIDs, .images, .highlight,
    ]
    /// The passes of a search-only analysis: the index reads titles, headings' text, prose and
    /// mentions (and the text inside raw HTML), never examples or links.
    public static let searchPasses: [Pass] = [.title, .markup, .callouts, .rawHTML, .concepts, .headingIDs, .images]

    var config: SiteConfig
    var linkTargets: LinkTargets
    public var urls: SiteURLs
    var glossary: Glossary
    /// Slug → title of every note, for `[[slug]]` wikilinks.
    var noteTitles: [String: String]
    /// Other names of notes (`noteNames(_:)`), for wikilinks and embeds.
    let noteNames: [String: String]

    /// Links are relative, so they depend on how deep a page sits: one linker per depth of
    /// note page (`notes/pods/` is two folders deep), made up front for the usual depths, and
    /// one for concept pages (all at `concepts/<id>/`).
    var noteLinkers: [ConceptLinker]
    var conceptLinker: ConceptLinker
    let makeNoteLinker: @Sendable (Int) -> ConceptLinker
    var validation: ValidationOptions
    var examples: ExampleRenderer
    /// Only what the search index needs (title, summary, headings, prose, concept mentions):
    /// `searchPasses`, no HTML. `gongbu search` without a saved index.
    public var searchIndexOnly = false

    public init(
        config: SiteConfig, linkTargets: LinkTargets, urls: SiteURLs, glossary: Glossary, noteTitles: [String: String],
        validation: ValidationOptions
    ) {
        self.config = config
        self.validation = validation
        self.examples = ExampleRenderer(ui: UIStrings.forLanguage(config.language))
        self.linkTargets = linkTargets
        self.urls = urls
        self.glossary = glossary
        self.noteTitles = noteTitles
        let noteNames = Self.noteNames(Array(noteTitles.keys))
        self.noteNames = noteNames
        let context: @Sendable (PageLocation) -> LinkContext = { page in
            var context = LinkContext(
                linkEveryMention: config.linkEveryMention, linkHeadings: config.linkHeadings,
                conceptHref: { urls.href(to: urls.concept($0), from: page) },
                noteHref: { urls.href(to: .note(slug: $0), from: page) },
                noteTitles: noteTitles, noteNames: noteNames)
            context.unknownWikilinksAreErrors = config.sourceKind == .gongbu
            context.linkPerParagraph = config.linkPerParagraph
            return context
        }
        // A page path of `depth` segments; hrefs depend only on the depth, not on the names.
        let makeNoteLinker: @Sendable (Int) -> ConceptLinker = { depth in
            ConceptLinker(glossary: glossary, context: context(.note(slug: Array(repeating: "_", count: depth).joined(separator: "/"))))
        }
        self.makeNoteLinker = makeNoteLinker
        noteLinkers = (0...Self.usualDepth).map(makeNoteLinker)
        conceptLinker = ConceptLinker(glossary: glossary, context: context(urls.concept("_")))
    }

    /// Note pages up to this many folders deep have their linker made once.
    static let usualDepth = 6

    /// The linker for a note page at `slug`'s depth.
    func noteLinker(for slug: String) -> ConceptLinker {
        let depth = slug.isEmpty ? 0 : slug.split(separator: "/").count
        if depth < noteLinkers.count { return noteLinkers[depth] }
        var linker = makeNoteLinker(depth)
        linker.context.noteTitles = noteTitles
        return linker
    }

    /// A note's new title, which `[[slug]]` wikilinks to it show, without making the linkers
    /// again (the preview server, after a note is re-titled).
    public mutating func retitle(_ slug: String, to title: String) {
        noteTitles[slug] = title
        for index in noteLinkers.indices { noteLinkers[index].context.noteTitles[slug] = title }
        conceptLinker.context.noteTitles[slug] = title
    }

    /// Names a wikilink may use for a note, lower-cased: its site path and its last segment
    /// (`[[pods]]` for `notes/pods`, as Obsidian finds notes by name anywhere in a vault). A
    /// last segment two notes share names neither.
    static func noteNames(_ slugs: [String]) -> [String: String] {
        var names: [String: String] = [:]
        var shared = Set<String>()
        for slug in slugs {
            names[slug.lowercased()] = slug
            guard let last = slug.split(separator: "/").last.map({ String($0).lowercased() }), last != slug.lowercased() else { continue }
            if let other = names[last], other != slug { shared.insert(last) } else { names[last] = slug }
        }
        for name in shared where !slugs.contains(where: { $0.lowercased() == name }) { names[name] = nil }
        return names
    }

    /// Every note by slug, for `![[노트]]` embeds, which show another note's text in place.
    public var notesBySlug: [String: SourceNote] = [:]
    /// How deep embeds nest: an embedded note's own embeds are shown as links.
    var embedDepth = 0

    /// Notes at least this large (bytes of Markdown) are linked and rendered one top-level block
    /// at a time, so their link nodes and parsed tree never all exist at once. Smaller notes are
    /// rendered whole: one allocation for the HTML instead of one per block, which on a site of
    /// 10,000 short notes keeps the heap less fragmented (about 50 MB less at peak).
    static let blockByBlockThreshold = 256 * 1024

    /// Longest first line of text that can serve as a title.
    static let maximumLineTitleLength = 60

    /// One note's tree and what the passes have found so far.
    struct Work {
        let note: SourceNote
        let document: MarkdownDocument
        /// Add to cmark line numbers to get file lines.
        let lineOffset: Int
        var title: String?
        var diagnostics: [Diagnostic] = []
        var exampleFiles: [ExampleFile] = []
        var linkedNotes: Set<String> = []
        var links = LinkResult()
        var pendingLinks: PendingLinks?
        var headings: [Heading] = []
        /// The visible text of the note's raw HTML and embedded notes, for search.
        var rawHTMLText = ""
        /// Notes whose text this one shows (`![[노트]]`), by slug.
        var embeddedNotes: Set<String> = []
        /// What today's Kubernetes does differently (`AgedNotice`), found by the examples and commands passes.
        var aged: [AgedNotice.Item] = []
        /// The shell code blocks with kubectl commands, from the commands pass.
        var commandBlocks: [CommandBlock] = []
        /// Shortcodes and Liquid tags found before parsing.
        var markup = SourceMarkup(text: "", tags: [], unknown: [], mayHaveCallouts: false)
        /// Review cards from the note's lines and its `expect-error` examples.
        var cards: [Card] = []
    }

    /// Runs the passes over one note and renders its body.
    public func analyse(_ note: SourceNote) -> NoteAnalysis {
        var markup = SourceMarkup.read(note.document.body, liquid: config.sourceKind == .jekyll)
        if mathEnabled(for: note) { (markup.text, markup.math) = MathMarkup.extract(markup.text) }
        var work = Work(
            note: note, document: MarkdownDocument(parsing: markup.text, extensions: .notes), lineOffset: note.document.bodyStartLine - 1,
            title: note.metadata.title)
        work.markup = markup
        for pass in searchIndexOnly ? Self.searchPasses : Self.passes { run(pass, on: &work) }
        let document = work.document
        let title = work.title ?? note.nameTitle
        let summary = note.metadata.summary ?? document.summary()
        var page = NotePage(
            slug: note.slug, title: title, summary: summary, date: note.date,
            lastModified: note.metadata.lastModified, tagNames: note.metadata.tags, categories: note.metadata.categories,
            source: note.path, bodyHTML: "", headings: work.headings, showTableOfContents: false,
            aliases: note.metadata.aliases, params: note.metadata.params,
            mentions: work.links.mentions, noteLinks: work.links.noteLinks
        )
        page.searchText = document.proseText()
        if !work.rawHTMLText.isEmpty { page.searchText += "\n" + work.rawHTMLText }
        if searchIndexOnly { return NoteAnalysis(page: page, diagnostics: []) }

        page.showTableOfContents = note.metadata.toc ?? (work.headings.count >= 3)
        let renderOptions = MarkdownDocument.RenderOptions(unsafe: config.unsafeHTML)
        if note.document.body.utf8.count >= Self.blockByBlockThreshold, let pending = work.pendingLinks {
            page.bodyHTML = document.consumeHTML(renderOptions) { pending.materialize(in: $0) }
        } else {
            work.pendingLinks?.materializeAll()
            page.bodyHTML = document.renderHTML(renderOptions)
        }
        // What differs today, in a box above the note.
        let items = Set(work.aged).sorted { ($0.line, $0.rule, $0.message.description) < ($1.line, $1.rule, $1.message.description) }
        if let box = AgedNotice(items: items).html(written: note.date, today: validation.version, ui: examples.ui) {
            page.bodyHTML = box + page.bodyHTML
        }
        page.examples = work.exampleFiles
        page.cards = work.cards.map { card in
            var card = card
            card.anchor = work.headings.last { $0.line + work.lineOffset <= card.line }?.id ?? ""
            return card
        }
        page.linkedNotes = work.linkedNotes
        page.embeddedNotes = work.embeddedNotes
        return NoteAnalysis(page: page, diagnostics: work.diagnostics)
    }

    /// One pass over the note's tree.
    func run(_ pass: Pass, on work: inout Work) {
        let note = work.note
        let document = work.document
        switch pass {
        case .title:
            if work.title == nil, let heading = document.leadingTitleHeading {
                let text = heading.plainText.trimmingCharacters(in: .whitespaces)
                if !text.isEmpty {
                    work.title = text
                    heading.remove()
                }
            }
            if work.title == nil, let line = document.firstLineOfText, line.count <= Self.maximumLineTitleLength {
                work.title = line
                // The line is the title now; the page shows it once, as the title.
                document.removeFirstLine(line)
            }
        case .markup:
            if !work.markup.math.isEmpty { placeMath(work.markup.math, in: document, textOnly: searchIndexOnly, into: &work.rawHTMLText) }
            guard !work.markup.tags.isEmpty || !work.markup.unknown.isEmpty else { return }
            for (name, line, column) in work.markup.unknown where !searchIndexOnly {
                work.diagnostics.append(
                    .warning(
                        "unknown shortcode or tag '\(name)': gongbu does not render it, so its delimiters are left out and the text between them is shown as it is",
                        at: SourceLocation(file: note.path, line: line + work.lineOffset, column: column), rule: "shortcode"))
            }
            for node in document.nodes(of: .htmlBlock) {
                guard let number = SourceMarkup.markerNumber(node.literal ?? ""), number < work.markup.tags.count else { continue }
                let tag = work.markup.tags[number]
                if tag.name == "glossary_definition" {
                    let (html, text, diagnostic) = glossaryDefinition(tag, in: note, lineOffset: work.lineOffset)
                    if let diagnostic, !searchIndexOnly { work.diagnostics.append(diagnostic) }
                    work.rawHTMLText += text.isEmpty ? "" : text + "\n"
                    node.replace(with: .customBlock(onEnter: searchIndexOnly ? "" : html, onExit: ""))
                    continue
                }
                if tag.name == "codenew", !searchIndexOnly {
                    let (html, diagnostic) = exampleFileLink(tag, in: note, lineOffset: work.lineOffset)
                    if let diagnostic { work.diagnostics.append(diagnostic) }
                    node.replace(with: .customBlock(onEnter: html, onExit: ""))
                    continue
                }
                if tag.name == "embed" {
                    let (html, text, slug, diagnostic) = embed(tag, in: note, lineOffset: work.lineOffset)
                    if let slug { work.embeddedNotes.insert(slug) }
                    if let diagnostic, !searchIndexOnly { work.diagnostics.append(diagnostic) }
                    work.rawHTMLText += text.isEmpty ? "" : text + "\n"
                    node.replace(with: .customBlock(onEnter: searchIndexOnly ? "" : html, onExit: ""))
                    continue
                }
                let html = searchIndexOnly ? "" : markupHTML(tag, note: note)
                node.replace(with: .customBlock(onEnter: html, onExit: ""))
            }
        case .callouts:
            guard work.markup.mayHaveCallouts else { return }
            for quote in document.nodes(of: .blockQuote) { convertCallout(quote) }
        case .cards:
            work.cards = CardExtractor.cards(in: document, text: work.markup.text, source: note.path, lineOffset: work.lineOffset)
        case .examples:
            let (files, diagnostics, aged, cards) = checkExamples(in: document, note: note, lineOffset: work.lineOffset)
            work.cards += cards
            work.exampleFiles = files
            work.diagnostics += diagnostics
            work.aged += aged
        case .commands:
            let report = CommandChecks.check(
                in: document, markdown: note.document.body, file: note.path, lineOffset: work.lineOffset,
                kubernetesVersion: validation.version)
            work.commandBlocks = report.blocks
            work.diagnostics += unlessStrict(report.findings.map(\.diagnostic))
            for finding in report.findings where AgedNotice.rules.contains(finding.diagnostic.rule ?? "") {
                work.aged.append(
                    AgedNotice.Item(
                        line: finding.diagnostic.location?.line ?? 0, rule: finding.diagnostic.rule ?? "", message: finding.message,
                        marked: finding.inCodeBlock))
            }
        case .links:
            let (linked, diagnostics) = rewriteLinks(in: document, note: note, lineOffset: work.lineOffset)
            work.linkedNotes = linked
            work.diagnostics += diagnostics
        case .rawHTML:
            guard !config.unsafeHTML else { return }
            let (text, diagnostics) = sanitizeRawHTML(in: document, note: note, lineOffset: work.lineOffset)
            work.rawHTMLText += text
            if !searchIndexOnly { work.diagnostics += diagnostics }
        case .concepts:
            if searchIndexOnly {
                // Search reads the text and the mentions, never the link nodes: leave them unmade.
                var origin = ConceptLinker.Origin(
                    file: note.path, lineOffset: work.lineOffset, markdown: note.document.body, checkTypos: false, snippets: false)
                origin.linksMentions = linksConcepts(note)
                origin.title = work.title ?? note.nameTitle
                work.links = noteLinker(for: note.slug).linkDeferred(document, origin: origin).0
            } else {
                var origin = ConceptLinker.Origin(file: note.path, lineOffset: work.lineOffset, markdown: note.document.body)
                origin.linksMentions = linksConcepts(note)
                origin.title = work.title ?? note.nameTitle
                let (links, pending) = noteLinker(for: note.slug).linkDeferred(document, origin: origin)
                work.links = links
                work.pendingLinks = pending
                work.diagnostics += links.diagnostics
            }
        case .headingIDs:
            if searchIndexOnly {
                work.headings = headingTexts(document)
            } else {
                work.headings = HeadingAnchors.apply(to: document, options: MarkdownDocument.RenderOptions(unsafe: config.unsafeHTML))
            }
        case .images:
            work.rawHTMLText += presentImages(in: document)
        case .highlight:
            guard !searchIndexOnly else { return }
            // Lines that differ from today's Kubernetes are marked where they stand (they are
            // all in the shell blocks the commands pass read), and generator commands get the
            // manifest they make today.
            let marked = AgedNotice(items: work.aged).markedLines
            var firstLines: [MarkdownNode: Int] = [:]
            for block in work.commandBlocks { firstLines[block.node] = block.firstLine }
            let declarative = DeclarativeExamples.find(in: work.commandBlocks, options: validation)
            for (number, block) in document.nodes(of: .codeBlock).enumerated() {
                let firstLine = firstLines[block] ?? 0
                var html = examples.codeBlockHTML(block, id: "code-\(number + 1)", firstLine: firstLine, marked: marked)
                if let shown = declarative[block] { html += DeclarativeExamples.html(shown, ui: examples.ui) }
                block.replace(with: .customBlock(onEnter: html, onExit: ""))
            }
        }
    }

    /// Replaces image nodes with lazily loading `<img>`s (a titled image alone in its paragraph
    /// becomes a `<figure>` captioned by its title). Each `<img>` is cmark's own rendering of
    /// the image, so its URL is escaped, and emptied when unsafe, exactly as elsewhere.
    /// Returns the alt texts, for search.
    func presentImages(in document: MarkdownDocument) -> String {
        var alts: [String] = []
        let options = MarkdownDocument.RenderOptions(unsafe: config.unsafeHTML)
        for image in document.nodes(of: .image) {
            let alt = image.plainText
            let title = image.title ?? ""
            if !alt.isEmpty { alts.append(alt) }
            var img = MarkdownDocument.renderHTML(image, options).trimmingCharacters(in: .whitespacesAndNewlines)
            guard img.hasPrefix("<img"), img.hasSuffix(" />") else { continue }
            img = String(img.dropLast(3)) + " loading=\"lazy\" />"
            if !title.isEmpty, let paragraph = image.parent, paragraph.kind == .paragraph, paragraph.parent?.kind == .document,
                paragraph.firstChild == image, image.next == nil
            {
                paragraph.replace(
                    with: .customBlock(onEnter: "<figure>\(img)<figcaption>\(Escape.html(title))</figcaption></figure>", onExit: ""))
            } else {
                image.replace(with: .customInline(onEnter: img, onExit: ""))
            }
        }
        return alts.joined(separator: "\n")
    }

    /// The HTML a shortcode or Liquid tag stands for. Values are escaped; links and images are
    /// resolved as the note's own links are.
    /// Whether concept mentions in this note are linked: not with `concepts: false` in its front
    /// matter, nor where gongbu.yml's `link:` globs leave its path out.
    func linksConcepts(_ note: SourceNote) -> Bool {
        for entry in note.metadata.params where entry.key == "concepts" {
            if case .bool(let value) = entry.value { return value }
        }
        if !config.linkInclude.isEmpty, !config.linkInclude.contains(where: { SourceProfile.matches(glob: $0, note.path) }) { return false }
        return !config.linkExclude.contains { SourceProfile.matches(glob: $0, note.path) }
    }

    /// Whether `$…$` is math in this note: `math: true` (or `mathjax`, `katex`) in its front
    /// matter, else the site's setting.
    func mathEnabled(for note: SourceNote) -> Bool {
        for entry in note.metadata.params where ["math", "mathjax", "katex"].contains(entry.key) {
            if case .bool(let value) = entry.value { return value }
        }
        return config.math
    }

    /// Puts MathML where `MathMarkup` left its markers; the TeX goes into the search text.
    func placeMath(_ spans: [MathMarkup.Span], in document: MarkdownDocument, textOnly: Bool, into text: inout String) {
        let nodes = document.nodes(of: .htmlBlock) + document.nodes(of: .htmlInline)
        for node in nodes {
            guard let number = MathMarkup.markerNumber(node.literal ?? ""), number < spans.count else { continue }
            let html = textOnly ? "" : MathMarkup.html(spans[number])
            text += spans[number].tex + "\n"
            node.replace(with: node.kind == .htmlBlock ? .customBlock(onEnter: html, onExit: "") : .customInline(onEnter: html, onExit: ""))
        }
    }

    /// An Obsidian embed, `![[노트]]` or `![[노트#절]]`: the named note's text (or the section
    /// under that heading) rendered in a box that links to it. Links in it resolve from the
    /// embedded note's folder, as they do on its own page; its concept mentions count for that
    /// note, not this one. Returns the HTML, its text (for search), the embedded slug, and a
    /// warning when the note or heading does not exist.
    func embed(_ tag: SourceMarkup.Tag, in note: SourceNote, lineOffset: Int) -> (String, String, String?, Diagnostic?) {
        let name = tag.firstPositional ?? ""
        let section = tag.argument("section")
        let at = SourceLocation(file: note.path, line: tag.line + lineOffset, column: tag.column)
        var key = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        while key.hasPrefix("/") { key.removeFirst() }
        let slug = notesBySlug[key] != nil ? key : noteNames[key.lowercased()] ?? noteNames[Slug.make(key).lowercased()]
        let label = section.map { "\(name) › \($0)" } ?? name
        guard let slug, let target = notesBySlug[slug] else {
            let diagnostic = Diagnostic(
                config.sourceKind == .gongbu ? .error : .warning, "embedded note '\(name)' does not exist", at: at, rule: "wikilink")
            return ("<p class=\"embed embed-missing\">\(Escape.html(label))</p>\n", "", nil, diagnostic)
        }
        let href = urls.href(to: .note(slug: slug), from: .note(slug: note.slug))
        let title = target.linkTitle
        guard embedDepth < 1, slug != note.slug else {
            return ("<p class=\"embed-link\"><a href=\"\(Escape.html(href))\">\(Escape.html(title))</a></p>\n", "", slug, nil)
        }
        var markdown = target.document.body
        var diagnostic: Diagnostic?
        var whole = true
        if let section {
            if let text = Self.section(section, of: markdown) {
                markdown = text
                whole = false
            } else {
                diagnostic = .warning("note '\(name)' has no heading '\(section)'; the whole note is shown", at: at, rule: "wikilink")
            }
        }
        // The embedded note as it would be on this page: its own folder for links, this page's URL.
        var shown = target
        shown.slug = note.slug
        shown.document.body = markdown
        var inner = self
        inner.embedDepth += 1
        let body = inner.renderEmbedded(shown, showsWholeNote: whole)
        let heading = Escape.html(section.map { "\(title) › \($0)" } ?? title)
        let html =
            "<div class=\"embed\" data-note=\"\(Escape.html(slug))\">\n<p class=\"embed-source\"><a href=\"\(Escape.html(href))\">\(heading)</a></p>\n"
            + body.html + "</div>\n"
        return (html, body.text, slug, diagnostic)
    }

    /// The Kubernetes documentation's `{{< glossary_definition term_id="pod" length="all" >}}`:
    /// the text of the glossary entry `term_id` (a note in a `glossary` folder, as in the docs'
    /// `reference/glossary/pod.md`), all of it or, with `length="short"`, up to `<!--more-->`,
    /// after `prepend`. Falls back to the summary of a gongbu concept with that id.
    func glossaryDefinition(_ tag: SourceMarkup.Tag, in note: SourceNote, lineOffset: Int) -> (String, String, Diagnostic?) {
        let id = tag.argument("term_id") ?? tag.firstPositional ?? ""
        let prepend = tag.argument("prepend").map { $0 + " " } ?? ""
        let short = tag.argument("length") != "all"
        let candidates =
            ["reference/glossary/", "docs/reference/glossary/", "glossary/"].map { $0 + id }
            + [noteNames[id.lowercased()]].compactMap { $0 }.filter { $0.contains("glossary") }
        if let slug = candidates.first(where: { notesBySlug[$0] != nil }), var entry = notesBySlug[slug], embedDepth < 1 {
            var body = entry.document.body
            if short, let more = body.range(of: "<!--more-->") { body = String(body[..<more.lowerBound]) }
            body = body.trimmingCharacters(in: .whitespacesAndNewlines)
            entry.slug = note.slug
            entry.document.body = prepend + body
            var inner = self
            inner.embedDepth += 1
            let rendered = inner.renderEmbedded(entry, showsWholeNote: false)
            return (
                "<div class=\"glossary-definition\" data-term=\"\(Escape.html(id))\">\n" + rendered.html + "</div>\n", rendered.text, nil
            )
        }
        if let index = glossary.indexByID[id] {
            let summary = glossary.concepts[index].summary ?? glossary.concepts[index].title
            let text = prepend + summary
            return ("<p class=\"glossary-definition\">\(Escape.html(text))</p>\n", text, nil)
        }
        let diagnostic = Diagnostic.warning(
            "glossary_definition names '\(id)', which is neither a glossary note nor a concept; only its prepend text is shown",
            at: SourceLocation(file: note.path, line: tag.line + lineOffset, column: tag.column), rule: "shortcode")
        return (prepend.isEmpty ? "" : "<p>\(Escape.html(prepend))</p>\n", prepend, diagnostic)
    }

    /// The Kubernetes documentation's `{{< codenew file="pods/simple-pod.yaml" >}}`: a link to
    /// the example file (`examples/<file>` from the site's root), or a warning that it is missing.
    func exampleFileLink(_ tag: SourceMarkup.Tag, in note: SourceNote, lineOffset: Int) -> (String, Diagnostic?) {
        guard let file = tag.argument("file") ?? tag.firstPositional else { return ("", nil) }
        let label = "<code>\(Escape.html(file))</code>"
        switch linkTargets.resolve("/examples/" + file, fromNoteAt: note.document.contentPath, slug: note.slug, urls: urls) {
        case .rewrite(let href), .note(_, let href):
            return ("<p class=\"example-file\"><a href=\"\(Escape.html(href))\">\(label)</a></p>\n", nil)
        case .external, .missing:
            let diagnostic = Diagnostic.warning(
                "example file 'examples/\(file)' does not exist in the content folder",
                at: SourceLocation(
                    file: note.path, line: tag.line + lineOffset, column: tag.column), rule: "missing-file")
            return ("<p class=\"example-file\">\(label)</p>\n", diagnostic)
        }
    }

    /// A note's body rendered for showing inside another page: markup, callouts, links, raw
    /// HTML and concept links, but no examples check or heading ids (those belong to its page),
    /// and no diagnostics (its own page reports them).
    func renderEmbedded(_ note: SourceNote, showsWholeNote: Bool) -> (html: String, text: String) {
        var markup = SourceMarkup.read(note.document.body, liquid: config.sourceKind == .jekyll)
        if mathEnabled(for: note) { (markup.text, markup.math) = MathMarkup.extract(markup.text) }
        var work = Work(note: note, document: MarkdownDocument(parsing: markup.text, extensions: .notes), lineOffset: 0, title: "")
        work.markup = markup
        // The box names the note; its own title heading is not repeated under it.
        if showsWholeNote, let heading = work.document.leadingTitleHeading { heading.remove() }
        for pass in [Pass.markup, .callouts, .links, .rawHTML, .concepts] { run(pass, on: &work) }
        // Concept links and wikilinks are made; the mentions stay counted on the note's own page.
        work.pendingLinks?.materializeAll()
        let html = work.document.renderHTML(MarkdownDocument.RenderOptions(unsafe: config.unsafeHTML))
        return (html, work.document.proseText() + (work.rawHTMLText.isEmpty ? "" : "\n" + work.rawHTMLText))
    }

    /// The part of a note's Markdown under a heading (ATX headings outside fences), up to the
    /// next heading of the same or a higher level; heading text compared without case.
    static func section(_ heading: String, of markdown: String) -> String? {
        let wanted = heading.lowercased().trimmingCharacters(in: .whitespaces)
        var fence: String?
        var start: Int?
        var level = 0
        let lines = markdown.lines()
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if let open = fence {
                if line.hasPrefix(open) { fence = nil }
                continue
            }
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                fence = String(line.prefix(3))
                continue
            }
            let hashes = line.prefix { $0 == "#" }.count
            guard hashes >= 1, hashes <= 6, line.dropFirst(hashes).first == " " else { continue }
            let text = line.dropFirst(hashes).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "#"))
                .trimmingCharacters(in: .whitespaces)
            if let begin = start {
                if hashes <= level { return lines[begin..<index].joined(separator: "\n") }
            } else if text.lowercased() == wanted {
                start = index + 1
                level = hashes
            }
        }
        return start.map { lines[$0...].joined(separator: "\n") }
    }

    func markupHTML(_ tag: SourceMarkup.Tag, note: SourceNote) -> String {
        let ui = examples.ui
        func href(_ target: String) -> String {
            switch linkTargets.resolve(target, fromNoteAt: note.document.contentPath, slug: note.slug, urls: urls) {
            case .rewrite(let href), .note(_, let href): return href
            case .external:
                let lower = target.lowercased()
                return ["http://", "https://", "mailto:", "//", "#"].contains(where: lower.hasPrefix) ? target : "#"
            case .missing: return target
            }
        }
        switch (tag.name, tag.closing) {
        case ("callout", false), ("hint", false), ("notice", false), ("alert", false), ("admonition", false):
            let kind = UIStrings.calloutKind(tag.argument("type") ?? tag.argument("context") ?? tag.firstPositional ?? "note")
            return Self.calloutOpening(kind: kind, title: tag.argument("title") ?? ui["callout." + kind], fold: tag.argument("fold"))
        case ("note", false), ("caution", false), ("warning", false):
            let kind = UIStrings.calloutKind(tag.argument("type") ?? tag.name)
            return Self.calloutOpening(kind: kind, title: tag.argument("title") ?? ui["callout." + kind], fold: nil)
        case ("thirdparty-content", _):
            return Self.calloutOpening(kind: "note", title: ui["callout.note"], fold: nil)
                + "<p>\(Escape.html(ui["thirdPartyContent"]))</p>\n</aside>\n"
        case ("capture", _):
            // Only groups the page's parts; its text renders where it is.
            return ""
        case ("note", true), ("caution", true), ("warning", true):
            return "</aside>\n"
        case ("feature-state", _):
            let version = tag.argument("for_k8s_version").map { "Kubernetes \($0) " } ?? ""
            let state = tag.argument("state").map { "[\($0)]" } ?? ""
            return "<p class=\"feature-state\">\(Escape.html(version + state))</p>\n"
        case ("callout", true), ("hint", true), ("notice", true), ("alert", true), ("admonition", true):
            return tag.argument("fold") == nil ? "</aside>\n" : "</details>\n"
        case ("details", false):
            let title = tag.argument("title") ?? tag.argument("summary") ?? tag.firstPositional ?? ui["details"]
            let open = tag.argument("open") == "true" ? " open" : ""
            return "<details class=\"callout callout-details\"\(open)><summary>\(Escape.html(title))</summary>\n"
        case ("details", true): return "</details>\n"
        case ("tabs", false): return "<div class=\"tabs\">\n"
        case ("tab", false):
            let title = tag.argument("name") ?? tag.argument("title") ?? tag.firstPositional ?? ""
            return "<section class=\"tab\"><h4 class=\"tab-title\">\(Escape.html(title))</h4>\n"
        case ("tab", true): return "</section>\n"
        case ("cards", false): return "<div class=\"cards\">\n"
        case ("steps", false): return "<div class=\"steps\">\n"
        case ("tabs", true), ("cards", true), ("steps", true): return "</div>\n"
        case ("card", _):
            let title = Escape.html(tag.argument("title") ?? tag.argument("link") ?? "")
            let subtitle = tag.argument("subtitle").map { "<span class=\"card-subtitle\">\(Escape.html($0))</span>" } ?? ""
            guard let link = tag.argument("link") else { return "<div class=\"card\">\(title)\(subtitle)</div>\n" }
            return "<a class=\"card\" href=\"\(Escape.html(href(link)))\"><span class=\"card-title\">\(title)</span>\(subtitle)</a>\n"
        case ("figure", _):
            guard let source = tag.argument("src") else { return "" }
            let alt = Escape.html(tag.argument("alt") ?? tag.argument("caption") ?? "")
            let caption = (tag.argument("caption") ?? tag.argument("title")).map { "<figcaption>\(Escape.html($0))</figcaption>" } ?? ""
            return "<figure><img src=\"\(Escape.html(href(source)))\" alt=\"\(alt)\" loading=\"lazy\">\(caption)</figure>\n"
        case ("youtube", _):
            guard let id = tag.argument("id") ?? tag.firstPositional,
                id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            else {
                return ""
            }
            return
                "<p class=\"video-link\"><a href=\"https://www.youtube.com/watch?v=\(id)\">YouTube: \(Escape.html(tag.argument("title") ?? id))</a></p>\n"
        default:
            return ""
        }
    }

    /// A block quote whose first line is `[!kind]`, `[!kind] title`, `[!kind]+` or `[!kind]-`
    /// becomes a callout holding the rest of the quote.
    func convertCallout(_ quote: MarkdownNode) {
        guard let paragraph = quote.firstChild, paragraph.kind == .paragraph else { return }
        var firstLine = ""
        var lineNodes: [MarkdownNode] = []
        for child in paragraph.children {
            lineNodes.append(child)
            if child.kind == .softBreak || child.kind == .lineBreak { break }
            firstLine += child.kind == .text || child.kind == .code ? child.literal ?? "" : child.plainText
        }
        let line = firstLine.trimmingCharacters(in: .whitespaces)
        guard line.hasPrefix("[!"), let close = line.firstIndex(of: "]") else { return }
        let name = line[line.index(line.startIndex, offsetBy: 2)..<close]
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "-" }) else { return }
        var rest = line[line.index(after: close)...]
        var fold: String?
        if rest.first == "+" {
            fold = "open"
            rest = rest.dropFirst()
        } else if rest.first == "-" {
            fold = "closed"
            rest = rest.dropFirst()
        }
        let kind = UIStrings.calloutKind(String(name))
        let title = rest.trimmingCharacters(in: .whitespaces)
        let box = MarkdownNode.customBlock(
            onEnter: Self.calloutOpening(kind: kind, title: title.isEmpty ? examples.ui["callout." + kind] : title, fold: fold),
            onExit: fold == nil ? "</aside>\n" : "</details>\n")
        for node in lineNodes { node.remove() }
        if paragraph.firstChild == nil { paragraph.remove() }
        quote.insertBefore(box)
        quote.moveChildren(to: box)
        quote.remove()
    }

    /// The opening of a callout; `fold` "open"/"closed" makes it a `details` that starts open
    /// or closed (and its end `</details>`).
    static func calloutOpening(kind: String, title: String, fold: String?) -> String {
        let classes = "callout callout-\(Escape.html(kind))"
        if let fold {
            return
                "<details class=\"\(classes)\"\(fold == "open" ? " open" : "")><summary class=\"callout-title\">\(Escape.html(title))</summary>\n"
        }
        return "<aside class=\"\(classes)\" role=\"note\"><p class=\"callout-title\">\(Escape.html(title))</p>\n"
    }

    /// Headings with their text only (search reads no ids, and making them is a third of the
    /// cost of collecting headings).
    func headingTexts(_ document: MarkdownDocument) -> [Heading] {
        document.nodes(of: .heading).map { node in
            Heading(level: node.headingLevel, text: node.plainText.trimmingCharacters(in: .whitespaces), id: "", line: node.startLine)
        }
    }

    /// Validates the note's manifest examples together (cross-object checks see the whole note)
    /// and replaces each example's code block with its rendered form.
    func checkExamples(
        in document: MarkdownDocument, note: SourceNote, lineOffset: Int
    ) -> (
        [ExampleFile], [Diagnostic], [AgedNotice.Item], [Card]
    ) {
        let blocks = ManifestExamples.find(in: document, file: note.path, lineOffset: lineOffset)
        guard !blocks.isEmpty else { return ([], [], [], []) }
        let results = ManifestValidator.validate(blocks.map(\.source), options: validation)
        var files: [ExampleFile] = []
        for (block, result) in zip(blocks, results) where result.isExample {
            let (html, file) = examples.render(result, number: files.count + 1)
            block.node.replace(with: .customBlock(onEnter: html, onExit: ""))
            files.append(file)
        }
        var aged: [AgedNotice.Item] = []
        for result in results where result.isExample {
            for document in result.documents {
                for issue in document.issues where AgedNotice.rules.contains(issue.rule) {
                    aged.append(AgedNotice.Item(line: issue.line, rule: issue.rule, message: issue.localizable, marked: true))
                }
            }
        }
        return (files, unlessStrict(ValidationReport(results: results).diagnostics), aged, exampleCards(results, note: note))
    }

    /// An `expect-error` example that has its error: "what is wrong here?", answered with
    /// gongbu's own diagnostics of it (line by line, in the interface's language).
    func exampleCards(_ results: [SourceResult], note: SourceNote) -> [Card] {
        var cards: [Card] = []
        for result in results where result.isExample && result.source.mode == .expectError {
            let issues = result.documents.flatMap(\.issues).filter { $0.severity == .error }
            guard !issues.isEmpty else { continue }
            let answer = issues.map { issue in
                let place = examples.ui["cardExampleLine"].replacingOccurrences(
                    of: "{line}", with: String(issue.line - result.source.firstLine + 1))
                return place + " " + examples.ui.message(issue.localizable) + " [" + issue.rule + "]"
            }.joined(separator: "\n")
            var card = Card(
                kind: .example, front: examples.ui.cardWording.exampleQuestion, back: answer, source: note.path,
                line: result.source.firstLine,
                key: "example:" + result.source.text)
            card.code = result.source.text
            cards.append(card)
        }
        return cards
    }

    /// In a build, a mistake in someone's example or command is the note's problem, not the
    /// site's: a warning unless the site asks to be strict (`gongbu validate` always is).
    func unlessStrict(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !config.strict else { return diagnostics }
        return diagnostics.map { $0.severity == .error ? Diagnostic(.warning, $0.message, at: $0.location, rule: $0.rule) : $0 }
    }

    /// The kubectl commands of the note's shell code blocks, checked (`CommandChecks`). Like a
    /// manifest example's problems, they are warnings unless the site is strict.
    func checkCommands(in document: MarkdownDocument, note: SourceNote, lineOffset: Int) -> [Diagnostic] {
        unlessStrict(
            CommandChecks.diagnostics(
                in: document, markdown: note.document.body, file: note.path, lineOffset: lineOffset,
                kubernetesVersion: validation.version))
    }

    /// A concept entry's body (the concept at `index` in the glossary): linked to other concepts
    /// (not to itself) and rendered.
    public func analyseConcept(_ index: Int) -> ConceptBody {
        let concept = glossary.concepts[index]
        let document = MarkdownDocument(parsing: concept.body, extensions: .notes)
        var origin = ConceptLinker.Origin(
            file: concept.source, lineOffset: concept.bodyStartLine - 1, markdown: concept.body, checkTypos: false, ownConcept: index)
        // A glossary entry is about Kubernetes by being one.
        origin.aboutKubernetes = true
        let links = conceptLinker.link(document, origin: origin)
        let options = MarkdownDocument.RenderOptions(unsafe: config.unsafeHTML)
        HeadingAnchors.apply(to: document, options: options)
        return ConceptBody(html: document.renderHTML(options), text: document.proseText(), diagnostics: links.diagnostics)
    }

    /// Points relative links and images at the pages and files they name in the output, and
    /// warns about local targets that do not exist (never an error: the page still works).
    func rewriteLinks(in document: MarkdownDocument, note: SourceNote, lineOffset: Int) -> (Set<String>, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var linked = Set<String>()
        for (node, event) in document.walk() where event == .enter && (node.kind == .link || node.kind == .image) {
            guard let url = node.url else { continue }
            switch linkTargets.resolve(url, fromNoteAt: note.document.contentPath, slug: note.slug, urls: urls) {
            case .external:
                continue
            case .rewrite(let href):
                node.url = href
            case .note(let slug, let href):
                node.url = href
                linked.insert(slug)
            case .missing(let original):
                diagnostics.append(
                    Self.missingTarget(original, isImage: node.kind == .image, at: location(of: node, note: note, lineOffset: lineOffset)))
            }
        }
        return (linked, diagnostics)
    }

    /// The warning for a local link or image, in Markdown or raw HTML, whose target is not in
    /// the content folder (never an error: the page still works).
    static func missingTarget(_ original: String, isImage: Bool, at location: SourceLocation) -> Diagnostic {
        .warning(
            "\(isImage ? "image" : "link target") '\(original)' does not exist in the content folder", at: location, rule: "missing-file")
    }

    /// Replaces every raw HTML node with its sanitized HTML (`HTMLSanitizer`), rewriting the
    /// local URLs in it as `rewriteLinks` does Markdown's. One warning per note names what was
    /// removed that a reader would have seen; missing local targets are warned about like
    /// Markdown links. Returns the kept text, for search.
    func sanitizeRawHTML(in document: MarkdownDocument, note: SourceNote, lineOffset: Int) -> (String, [Diagnostic]) {
        var nodes: [MarkdownNode] = []
        for (node, event) in document.walk() where event == .enter && (node.kind == .htmlBlock || node.kind == .htmlInline) {
            nodes.append(node)
        }
        guard !nodes.isEmpty else { return ("", []) }
        var diagnostics: [Diagnostic] = []
        let result = HTMLSanitizer().sanitize(nodes.map { $0.literal ?? "" }) { url, kind, piece in
            switch linkTargets.resolve(url, fromNoteAt: note.document.contentPath, slug: note.slug, urls: urls) {
            case .external: return url
            case .rewrite(let href), .note(_, let href): return href
            case .missing(let original):
                diagnostics.append(
                    Self.missingTarget(
                        original, isImage: kind == .image, at: location(of: nodes[piece], note: note, lineOffset: lineOffset)))
                return url
            }
        }
        if let first = result.removed.first {
            var names: [String] = []
            for removal in result.removed where !names.contains(removal.what) { names.append(removal.what) }
            diagnostics.append(
                .warning(
                    "raw HTML: \(names.joined(separator: ", ")) removed (the site keeps only safe HTML; its text stays); set 'unsafe_html: true' in gongbu.yml to publish it as written",
                    at: location(of: nodes[first.piece], note: note, lineOffset: lineOffset), rule: "raw-html"))
        }
        // Positions are read above: a replaced node is out of the tree.
        for (node, html) in zip(nodes, result.pieces) {
            node.replace(with: node.kind == .htmlBlock ? .customBlock(onEnter: html, onExit: "") : .customInline(onEnter: html, onExit: ""))
        }
        return (result.text, diagnostics)
    }

    /// File position of a node: its own when cmark tracks it, else its nearest block's.
    func location(of node: MarkdownNode, note: SourceNote, lineOffset: Int) -> SourceLocation {
        var current: MarkdownNode? = node
        while let candidate = current {
            if candidate.startLine > 0 {
                return SourceLocation(
                    file: note.path, line: candidate.startLine + lineOffset,
                    column: candidate.startColumn > 0 ? candidate.startColumn : nil)
            }
            current = candidate.parent
        }
        return SourceLocation(file: note.path, line: note.document.bodyStartLine)
    }
}
