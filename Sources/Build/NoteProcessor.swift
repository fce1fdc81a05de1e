import Content
import Foundation
import Glossary
import GongbuCore
import Manifests
import Markdown
import Site

/// Stages 2 and 3 for one note: parse the Markdown, analyse it (title, links, headings) and
/// render its body. Notes are independent, so the pipeline runs this on all cores.
struct NoteProcessor: Sendable {
    var config: SiteConfig
    var linkTargets: LinkTargets
    var urls: SiteURLs
    var glossary: Glossary
    /// Slug → title of every note, for `[[slug]]` wikilinks.
    var noteTitles: [String: String]

    /// Links are relative; every note page (notes/<slug>/) and every concept page
    /// (concepts/<id>/) sits two folders deep, so one linker per kind of page serves them all.
    let noteLinker: ConceptLinker
    let conceptLinker: ConceptLinker
    var validation: ValidationOptions
    var examples: ExampleRenderer
    /// Only what the search index needs (title, summary, headings, prose, concept mentions):
    /// no example validation, no link checks, no HTML. `gongbu search` without a saved index.
    var searchIndexOnly = false

    init(config: SiteConfig, linkTargets: LinkTargets, urls: SiteURLs, glossary: Glossary, noteTitles: [String: String],
         validation: ValidationOptions) {
        self.config = config
        self.validation = validation
        self.examples = ExampleRenderer(urls: urls, ui: UIStrings.forLanguage(config.language))
        self.linkTargets = linkTargets
        self.urls = urls
        self.glossary = glossary
        self.noteTitles = noteTitles
        func context(from page: PageLocation) -> LinkContext {
            LinkContext(linkEveryMention: config.linkEveryMention, linkHeadings: config.linkHeadings,
                        conceptHref: { urls.href(to: .concept(id: $0), from: page) },
                        noteHref: { urls.href(to: .note(slug: $0), from: page) },
                        noteTitles: noteTitles)
        }
        // The slug and id only name a page at the right depth; hrefs do not depend on them.
        noteLinker = ConceptLinker(glossary: glossary, context: context(from: .note(slug: "_")))
        conceptLinker = ConceptLinker(glossary: glossary, context: context(from: .concept(id: "_")))
    }

    /// Notes at least this large (bytes of Markdown) are linked and rendered one top-level block
    /// at a time, so their link nodes and parsed tree never all exist at once. Smaller notes are
    /// rendered whole: one allocation for the HTML instead of one per block, which on a site of
    /// 10,000 short notes keeps the heap less fragmented (about 50 MB less at peak).
    static let blockByBlockThreshold = 256 * 1024

    /// Longest first line of text that can serve as a title.
    static let maximumLineTitleLength = 60

    func process(_ note: SourceNote) -> (NotePage, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let document = MarkdownDocument(parsing: note.document.body)
        let lineOffset = note.document.bodyStartLine - 1

        var title = note.metadata.title
        if title == nil, let heading = document.leadingTitleHeading {
            let text = heading.plainText.trimmingCharacters(in: .whitespaces)
            if !text.isEmpty {
                title = text
                heading.remove()
            }
        }
        if title == nil, let line = document.firstLineOfText, line.count <= Self.maximumLineTitleLength {
            title = line
        }
        let resolvedTitle = title ?? note.nameTitle
        if searchIndexOnly { return (searchPage(document, note: note, title: resolvedTitle, lineOffset: lineOffset), []) }

        let (exampleFiles, exampleDiagnostics) = checkExamples(in: document, note: note, lineOffset: lineOffset)
        diagnostics += exampleDiagnostics
        let (linkedNotes, linkDiagnostics) = rewriteLinks(in: document, note: note, lineOffset: lineOffset)
        diagnostics += linkDiagnostics
        diagnostics += reportRawHTML(in: document, note: note, lineOffset: lineOffset)
        let (links, pendingLinks) = noteLinker.linkDeferred(document, origin: .init(file: note.path, lineOffset: lineOffset, markdown: note.document.body))
        diagnostics += links.diagnostics

        let summary = note.metadata.summary ?? document.summary()
        let renderOptions = MarkdownDocument.RenderOptions(unsafe: config.unsafeHTML)
        let headings = HeadingAnchors.apply(to: document, options: renderOptions)
        let showTOC = note.metadata.toc ?? (headings.count >= 3)
        let searchText = document.proseText()
        let html: String
        if note.document.body.utf8.count >= Self.blockByBlockThreshold {
            html = document.consumeHTML(renderOptions) { pendingLinks.materialize(in: $0) }
        } else {
            pendingLinks.materializeAll()
            html = document.renderHTML(renderOptions)
        }

        let page = NotePage(
            slug: note.slug, title: resolvedTitle, summary: summary, date: note.date,
            lastModified: note.metadata.lastModified, tagNames: note.metadata.tags, categories: note.metadata.categories,
            source: note.path, bodyHTML: html, headings: headings, showTableOfContents: showTOC,
            aliases: note.metadata.aliases, params: note.metadata.params,
            mentions: links.mentions, noteLinks: links.noteLinks
        )
        var result = page
        result.examples = exampleFiles
        result.searchText = searchText
        result.linkedNotes = linkedNotes
        return (result, diagnostics)
    }

    /// The parts of a note page the search index reads.
    func searchPage(_ document: MarkdownDocument, note: SourceNote, title: String, lineOffset: Int) -> NotePage {
        // Search reads the text and the mentions, never the link nodes: leave them unmade.
        let (links, _) = noteLinker.linkDeferred(document, origin: .init(file: note.path, lineOffset: lineOffset, markdown: note.document.body,
                                                                          checkTypos: false, snippets: false))
        var page = NotePage(
            slug: note.slug, title: title, summary: note.metadata.summary ?? document.summary(), date: note.date,
            lastModified: note.metadata.lastModified, tagNames: note.metadata.tags, categories: note.metadata.categories,
            source: note.path, bodyHTML: "", headings: headingTexts(document), showTableOfContents: false,
            aliases: note.metadata.aliases, params: note.metadata.params, mentions: links.mentions, noteLinks: links.noteLinks
        )
        page.searchText = document.proseText()
        return page
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
    func checkExamples(in document: MarkdownDocument, note: SourceNote, lineOffset: Int) -> ([ExampleFile], [Diagnostic]) {
        let blocks = ManifestExamples.find(in: document, file: note.path, lineOffset: lineOffset)
        guard !blocks.isEmpty else { return ([], []) }
        let results = ManifestValidator.validate(blocks.map(\.source), options: validation)
        var files: [ExampleFile] = []
        for (block, result) in zip(blocks, results) where result.isExample {
            let (html, file) = examples.render(result, number: files.count + 1, noteSlug: note.slug)
            block.node.replace(with: .customBlock(onEnter: html, onExit: ""))
            files.append(file)
        }
        return (files, ValidationReport(results: results).diagnostics)
    }

    /// A concept entry's body: linked to other concepts (not to itself) and rendered.
    func processConcept(_ index: Int) -> (html: String, text: String, diagnostics: [Diagnostic]) {
        let concept = glossary.concepts[index]
        let document = MarkdownDocument(parsing: concept.body)
        let links = conceptLinker.link(document, origin: .init(file: concept.source, lineOffset: concept.bodyStartLine - 1,
                                                               markdown: concept.body, checkTypos: false, ownConcept: index))
        let options = MarkdownDocument.RenderOptions(unsafe: config.unsafeHTML)
        HeadingAnchors.apply(to: document, options: options)
        return (document.renderHTML(options), document.proseText(), links.diagnostics)
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
                let what = node.kind == .image ? "image" : "link target"
                diagnostics.append(.warning("\(what) '\(original)' does not exist in the content folder",
                                            at: location(of: node, note: note, lineOffset: lineOffset), rule: "missing-file"))
            }
        }
        return (linked, diagnostics)
    }

    /// One warning per note that has raw HTML the site will not render.
    func reportRawHTML(in document: MarkdownDocument, note: SourceNote, lineOffset: Int) -> [Diagnostic] {
        guard !config.unsafeHTML else { return [] }
        var first: MarkdownNode?
        var count = 0
        for (node, event) in document.walk() where event == .enter && (node.kind == .htmlBlock || node.kind == .htmlInline) {
            if Self.isComment(node.literal ?? "") { continue }
            count += 1
            if first == nil { first = node }
        }
        guard let first else { return [] }
        let places = count == 1 ? "" : " (and \(count - 1) more place\(count == 2 ? "" : "s"))"
        return [.warning("raw HTML is not rendered\(places); set 'unsafe_html: true' in gongbu.yml to allow it",
                         at: location(of: first, note: note, lineOffset: lineOffset), rule: "raw-html")]
    }

    static func isComment(_ html: String) -> Bool {
        let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.hasPrefix("<!--") && trimmed.hasSuffix("-->")
    }

    /// File position of a node: its own when cmark tracks it, else its nearest block's.
    func location(of node: MarkdownNode, note: SourceNote, lineOffset: Int) -> SourceLocation {
        var current: MarkdownNode? = node
        while let candidate = current {
            if candidate.startLine > 0 {
                return SourceLocation(file: note.path, line: candidate.startLine + lineOffset,
                                      column: candidate.startColumn > 0 ? candidate.startColumn : nil)
            }
            current = candidate.parent
        }
        return SourceLocation(file: note.path, line: note.document.bodyStartLine)
    }
}
