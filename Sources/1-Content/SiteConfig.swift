import GongbuCore

/// `gongbu.yml` at the source root. Every key is optional.
public struct SiteConfig: Sendable, Hashable {
    public var title = "공부 노트"
    /// Absolute URL the site is published under, always ending in '/'. Used for feeds, the
    /// sitemap and canonical links; pages link to each other with relative URLs so they also
    /// work from any folder and from disk.
    public var baseURL = "/"
    public var language = "ko"
    public var author: String?
    public var description: String?
    /// Raw HTML in notes is dropped unless this is true.
    public var unsafeHTML = false
    /// Concept links: every mention, or only the first one per paragraph.
    public var linkEveryMention = false
    /// With `link_mode: paragraph`, the first mention per paragraph is linked rather than per
    /// section (the part of a note under one heading).
    public var linkPerParagraph = false
    /// Whether mentions in headings render as links (they always count for the graph).
    public var linkHeadings = false
    /// Kubernetes version for manifest validation, e.g. "1.37".
    public var kubernetesVersion: String?
    /// Reject unknown manifest fields (the default) or only warn.
    public var strictManifests = true
    /// Problems in manifest examples fail the build (`strict: true`, or `gongbu build --strict`);
    /// by default they are warnings, shown on the page and counted in the summary.
    public var strict = false
    /// `$…$` and `$$…$$` are TeX math in every note (a note's own `math: true` turns it on for that note).
    public var math = false
    /// Glob patterns of files and folders (relative to the source folder) that are not notes:
    /// `exclude: ["drafts/**", "*.private.md", "templates-old"]`.
    public var exclude: [String] = []
    /// Which notes get concept links, as glob patterns of their paths relative to the source
    /// folder: `link: {include: ["devops/**"], exclude: ["blog/**"]}`. Empty `include` means all.
    public var linkInclude: [String] = []
    public var linkExclude: [String] = []
    /// Whether gongbu's bundled Kubernetes glossary comes underneath the site's own concept
    /// entries (`glossary: none` turns it off).
    public var bundledGlossary = true
    /// The folder of the glossary's pages (`concepts`, or another name when the notes
    /// themselves use `concepts/`; set by the loader, not a key of gongbu.yml).
    public var glossaryFolder = SiteURLs.standardGlossaryFolder
    /// Where the study page goes (`SiteURLs.studyFolder`), decided by the loader.
    public var studyFolder = SiteURLs.standardStudyFolder
    /// The kind of folder the site was read from (set by the loader, not a key of gongbu.yml).
    public var sourceKind = SourceKind.gongbu

    public init() {}

    public static let fileName = SourceLayout.configFile

    static let knownKeys = [
        "title", "baseURL", "baseurl", "base_url", "language", "languageCode", "lang", "author", "description",
        "unsafe_html", "link_mode", "link_headings", "kubernetes_version", "strict_manifests", "strict", "exclude", "math", "link",
        "glossary",
    ]

    /// Reads the config text; unknown keys and wrong types are warnings.
    public static func read(_ text: String, file: String) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        var diagnostics: [Diagnostic] = []
        let value: YAMLValue
        do {
            value = try YAMLReader.read(text)
        } catch {
            return (
                config,
                [
                    .error(
                        "invalid YAML: \(error.message)",
                        at: SourceLocation(file: file, line: error.line, column: error.column), rule: "config")
                ]
            )
        }
        let entries: [YAMLEntry]
        switch value {
        case .null: return (config, [])
        case .map(let map): entries = map
        default:
            return (
                config,
                [
                    .error(
                        "the config must be a mapping of keys, found \(value.typeName)",
                        at: SourceLocation(file: file, line: 1, column: 1), rule: "config")
                ]
            )
        }
        for entry in entries {
            let location = SourceLocation(file: file, line: entry.line, column: entry.column)
            func string() -> String? {
                if case .map = entry.value { return wrong("text") }
                if case .list = entry.value { return wrong("text") }
                return entry.value.scalarText
            }
            func bool() -> Bool? {
                if case .bool(let value) = entry.value { return value }
                return wrong("true or false")
            }
            func wrong<T>(_ expected: String) -> T? {
                diagnostics.append(
                    .warning(
                        "config key '\(entry.key)' should be \(expected), found \(entry.value.typeName); it is ignored",
                        at: location, rule: "config"))
                return nil
            }
            switch entry.key {
            case "title": config.title = string() ?? config.title
            case "baseURL", "baseurl", "base_url":
                if var url = string() {
                    if !url.hasSuffix("/") { url += "/" }
                    config.baseURL = url
                }
            case "language", "languageCode", "lang": config.language = string() ?? config.language
            case "author": config.author = string()
            case "description": config.description = string()
            case "unsafe_html": config.unsafeHTML = bool() ?? false
            case "link_headings": config.linkHeadings = bool() ?? false
            case "strict_manifests": config.strictManifests = bool() ?? true
            case "strict": config.strict = bool() ?? false
            case "math": config.math = bool() ?? false
            case "link":
                guard case .map(let rules) = entry.value else {
                    diagnostics.append(
                        .warning(
                            "config key 'link' should be a mapping with 'include' and 'exclude' lists of globs; it is ignored",
                            at: location, rule: "config"))
                    break
                }
                for rule in rules {
                    let globs: [String]
                    switch rule.value {
                    case .list(let items): globs = items.compactMap(\.scalarText)
                    case .string(let glob): globs = [glob]
                    default: globs = []
                    }
                    switch rule.key {
                    case "include": config.linkInclude = globs
                    case "exclude": config.linkExclude = globs
                    default:
                        diagnostics.append(
                            .warning(
                                "unknown key 'link.\(rule.key)'; use 'include' or 'exclude'",
                                at: SourceLocation(file: file, line: rule.line, column: rule.column), rule: "config"))
                    }
                }
            case "exclude":
                switch entry.value {
                case .list(let items): config.exclude = items.compactMap(\.scalarText)
                case .map: _ = wrong("a list of glob patterns") as [String]?
                default: config.exclude = entry.value.scalarText.map { [$0] } ?? []
                }
            case "kubernetes_version": config.kubernetesVersion = string()
            case "glossary":
                switch entry.value.scalarText?.lowercased() {
                case "none", "false", "off", "no": config.bundledGlossary = false
                case "bundled", "kubernetes", "true", "on", "yes",
                    nil where entry.value == .null:
                    config.bundledGlossary = true
                default:
                    diagnostics.append(
                        .warning(
                            "config key 'glossary' must be 'bundled' (gongbu's Kubernetes glossary under the site's own entries, the default) or 'none', found \(entry.value.scalarText.map { "'\($0)'" } ?? entry.value.typeName); using 'bundled'",
                            at: location, rule: "config"))
                }
            case "link_mode":
                switch string() {
                case "every": config.linkEveryMention = true
                case "paragraph": config.linkPerParagraph = true
                case "first", "section", nil: config.linkEveryMention = false
                case let other?:
                    diagnostics.append(
                        .warning(
                            "config key 'link_mode' must be 'first' (per section), 'paragraph' or 'every', found '\(other)'; using 'first'",
                            at: location, rule: "config"))
                }
            default:
                let suggestion = Suggest.closest(to: entry.key, among: knownKeys).map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.append(.warning("unknown config key '\(entry.key)'\(suggestion); it is ignored", at: location, rule: "config"))
            }
        }
        return (config, diagnostics)
    }
}
