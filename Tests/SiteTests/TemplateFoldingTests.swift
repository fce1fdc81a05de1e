import Analysis
import GongbuCore
import Mustache
import Testing

@testable import Site

@Suite("Template folding")
struct TemplateFoldingTests {
    static let constants = [
        "ui.home": "처음", "ui.count": "회", "ui.amp": "A & B", "site.title": "<공부>",
        "ui.blank": " ", "ui.empty": "", "ui.brace": "{{x}}", "ui.lines": "한\n줄",
        "ui.placeholder": "{done}/{total}", "ui.open": "a{", "ui.close": "}b",
    ]

    static func fold(_ template: String) -> String? {
        TemplateFolding.fold(template, constants: constants, escape: Escape.html).text
    }

    @Test(arguments: [
        ("<a>{{ui.home}}</a>", "<a>처음</a>"),
        ("{{ ui.home }}", "처음"),
        ("{{site.title}} {{{site.title}}} {{& site.title}}", "&lt;공부&gt; <공부> <공부>"),
        ("{{ui.amp}}", "A &amp; B"),
        // Sections, partials, comments and names the table lacks stay tags.
        ("{{#ui.home}}x{{/ui.home}}", "{{#ui.home}}x{{/ui.home}}"),
        ("{{^site.title}}x{{/site.title}}", "{{^site.title}}x{{/site.title}}"),
        ("{{> ui.home}}{{! ui.home }}{{ui.missing}}", "{{> ui.home}}{{! ui.home }}{{ui.missing}}"),
        ("{{#notes}}{{title}}{{ui.count}}{{/notes}}", "{{#notes}}{{title}}회{{/notes}}"),
        // Values that would change the page's lines or read as tags.
        ("a{{ui.blank}}b{{ui.empty}}c{{ui.brace}}d{{ui.lines}}", "a{{ui.blank}}b{{ui.empty}}c{{ui.brace}}d{{ui.lines}}"),
        ("{{ui.placeholder}}", "{done}/{total}"),
        ("{{ui.open}}{{x}} {{ui.close}}", "{{ui.open}}{{x}} {{ui.close}}"),
        // Front matter may hold keys of its own called ui or site.
        ("{{#note.params}}{{ui.home}}{{/note.params}}{{ui.home}}", "{{#note.params}}{{ui.home}}{{/note.params}}처음"),
        ("{{#params.list}}{{#x}}{{ui.home}}{{/x}}{{/params.list}}", "{{#params.list}}{{#x}}{{ui.home}}{{/x}}{{/params.list}}"),
        ("{{ui.home", "{{ui.home"),
    ])
    func folds(template: String, expected: String) {
        #expect(Self.fold(template) == expected)
    }

    @Test(arguments: [
        "{{=<% %>=}}<% ui.home %>{{ui.home}}", "{{% CONTENT_TYPE: TEXT}}{{ui.home}}", "{{<parent}}{{$b}}{{ui.home}}{{/b}}{{/parent}}",
    ])
    func refusesTemplatesThatChangeHowTagsRead(template: String) {
        #expect(Self.fold(template) == nil)
    }

    @Test func aPartialInsideFrontMatterIsReported() {
        let inside = TemplateFolding.fold("{{#note.params}}{{> card}}{{/note.params}}", constants: Self.constants, escape: Escape.html)
        let outside = TemplateFolding.fold("{{#note}}{{> card}}{{/note}}", constants: Self.constants, escape: Escape.html)
        #expect(inside.partialInUserSection)
        #expect(!outside.partialInUserSection)
    }

    /// Folding changes no page: each template renders the same folded and not, including where
    /// an author's front matter holds a `ui` map of its own.
    @Test(arguments: [
        "<title>{{site.title}}</title>{{#notes}}<li>{{title}} {{ui.count}}</li>\n{{/notes}}",
        "{{#note.params}}[{{ui.home}}]{{/note.params}} {{ui.home}}",
        "{{#note.params}}{{> card}}{{/note.params}}",
        "  {{#notes}}\n  {{ui.home}} {{title}}\n  {{/notes}}\n",
    ])
    func rendersTheSamePages(template: String) throws {
        var theme = Theme.builtIn
        theme.library.register(try Theme.parse(template), named: "page")
        theme.sources["page"] = template
        theme.library.register(try Theme.parse("<b>{{ui.home}}</b>"), named: "card")
        theme.sources["card"] = "<b>{{ui.home}}</b>"
        let context: [String: Any] = [
            "ui": ["home": "처음", "count": "회"], "site": ["title": "<공부>"],
            "notes": [["title": "가"], ["title": "나"]],
            "note": ["params": ["ui": ["home": "작성자의 값"]]],
        ]
        let folded = theme.library(folding: TemplateFolding.constants(ui: ["home": "처음", "count": "회"], site: ["title": "<공부>"]))
        let plain = theme.library.render(context, withTemplate: "page")
        #expect(plain != nil)
        #expect(folded.render(context, withTemplate: "page") == plain)
        #expect(folded.render(context, withTemplate: "card") == theme.library.render(context, withTemplate: "card"))
    }

    /// The default theme folds: none of its templates looks an interface string up per page.
    @Test func theDefaultThemeLooksNoInterfaceStringUp() throws {
        let ui = UIStrings.forLanguage("ko").table
        let constants = TemplateFolding.constants(ui: ui, site: ["title": "공부", "language": "ko"])
        for (name, text) in DefaultTheme.templates {
            let result = TemplateFolding.fold(text, constants: constants, escape: Escape.html)
            let folded = try #require(result.text, "\(name) was not folded")
            #expect(!result.partialInUserSection)
            #expect(!ByteSearch.contains(folded, "{{ui."), "\(name) still looks up ui strings")
        }
    }
}
