import Analysis
import Content
import GongbuCore
import Mustache

/// Renders one page: the page's own template, then the layout around it.
///
/// Templates escape every `{{value}}`; the only unescaped values are HTML fragments gongbu
/// rendered itself (`{{{content}}}`, `{{{note.html}}}`).
public struct PageRenderer: Sendable {
    public let theme: Theme
    public let config: SiteConfig
    public let urls: SiteURLs
    public let ui: UIStrings
    public let generatorVersion: String
    /// The theme's templates with the values every page shares written in (`TemplateFolding`).
    let library: MustacheLibrary
    /// `site` in every template.
    let siteTable: [String: String]
    /// Whether the site has a study page (`SiteRenderer` sets it): the layout links to it.
    public var hasStudyPage = false

    public init(theme: Theme, config: SiteConfig, ui: UIStrings, generatorVersion: String) {
        self.theme = theme
        self.config = config
        self.urls = SiteURLs(config)
        self.ui = ui
        self.generatorVersion = generatorVersion
        self.siteTable = Self.siteValues(config, generatorVersion)
        self.library = theme.library(folding: TemplateFolding.constants(ui: ui.table, site: siteTable))
    }

    /// The layout's `site` values.
    static func siteValues(_ config: SiteConfig, _ generatorVersion: String) -> [String: String] {
        var site = [
            "title": config.title,
            "language": config.language,
            "baseURL": config.baseURL,
            "generatorVersion": generatorVersion,
        ]
        if let author = config.author { site["author"] = author }
        if let description = config.description { site["description"] = description }
        return site
    }

    /// Values every template can use: `site`, `ui`, `root` (prefix to the site root), `home` and
    /// `glossary` (the glossary index).
    func baseContext(for location: PageLocation) -> [String: Any] {
        [
            "site": siteTable,
            "ui": ui.table,
            "root": urls.root(from: location),
            "home": urls.href(to: .home, from: location),
            "glossary": urls.href(to: urls.conceptIndex, from: location),
            "studyPage": hasStudyPage ? urls.href(to: urls.study, from: location) : false,
        ]
    }

    /// Renders `template` with `values` for the page at `location`, wrapped in the layout.
    ///
    /// - Parameter page: `title`, `description` and `kind` for the layout's `<head>`.
    public func render(_ template: String, at location: PageLocation, page: PageHead, values: [String: Any]) -> String {
        var context = baseContext(for: location)
        for (key, value) in values { context[key] = value }
        var head: [String: Any] = ["kind": page.kind]
        if let title = page.title { head["title"] = title }
        if let description = page.description { head["description"] = description }
        if let previous = page.previous { head["prev"] = previous }
        if let next = page.next { head["next"] = next }
        // A canonical link must be absolute: only when the config names the site's real address.
        if location != .notFound, config.baseURL.contains("://") { head["canonical"] = urls.absolute(location) }
        context["page"] = head
        let body = library.render(context, withTemplate: template) ?? ""
        context["content"] = body
        return library.render(context, withTemplate: "layout") ?? body
    }
}

/// What the layout needs to know about a page.
public struct PageHead: Sendable {
    public var kind: String
    public var title: String?
    public var description: String?
    /// The previous and next page of a list, for `<link rel="prev|next">`.
    public var previous: String?
    public var next: String?

    public init(kind: String, title: String?, description: String?) {
        self.kind = kind
        self.title = title
        self.description = description
    }
}
