import Foundation
import GongbuCore

/// What kind of folder `--source` names, as the author keeps it.
public enum SourceKind: String, Sendable, CaseIterable {
    case gongbu, hugo, jekyll, obsidian, mkdocs, docusaurus, plain

    /// How the summary line names it.
    public var displayName: String {
        switch self {
        case .gongbu: "gongbu site"
        case .hugo: "Hugo site"
        case .jekyll: "Jekyll site"
        case .obsidian: "Obsidian vault"
        case .mkdocs: "MkDocs site"
        case .docusaurus: "Docusaurus site"
        case .plain: "folder of notes"
        }
    }
}

/// The source folder's kind and the rules its own tool reads it by: where the notes are, which
/// files are a folder's page, what is not a note, and the site's title, base URL and language
/// when there is no gongbu.yml.
public struct SourceProfile: Sendable {
    public var kind: SourceKind
    /// Folder the notes are read from, relative to the source ("." for the source itself).
    public var contentFolder: String
    /// File names (without extension, lower-cased) that are their folder's page.
    public var folderPageNames: Set<String>
    /// Folders and files, relative to the source, never read.
    public var excludedPaths: [String] = []
    /// Glob patterns (relative to the source; `*` and `**` match across folders, a pattern
    /// without '/' matches any name) of files and folders never read: gongbu.yml's `exclude:`,
    /// Jekyll's `exclude:`, MkDocs' `exclude_docs`.
    public var excludeGlobs: [String] = []
    /// Regular expressions over the path relative to the source (Hugo's `ignoreFiles`).
    public var ignorePatterns: [String] = []
    /// Folders of drafts (Jekyll's `_drafts`), read only with `--drafts`.
    public var draftFolders: [String] = []
    /// Skip HTML files that start with front matter: a Jekyll theme's Liquid pages.
    public var skipLiquidPages = false
    public var title: String?
    public var baseURL: String?
    public var language: String?
    /// The tool's config turns math on (Jekyll's `math: true`, Hugo's `params.math` or `math`).
    public var math = false
    /// The tool's config file, for the summary and diagnostics.
    public var configFile: String?
    /// Jekyll's `permalink` for posts (`/:categories/:year/:month/:day/:title/` by default).
    public var postPermalink: String?

    /// Names skipped at any depth: other tools' dependencies.
    public static let excludedNames: Set<String> = ["node_modules"]
    /// Folders skipped at the source's top: other tools' output.
    public static let excludedTopFolders = ["_site", "public", "resources"]

    /// Hugo's config files, in the order Hugo looks for them; `config/_default/` is its config folder.
    static let hugoConfigs =
        ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"]
        + ["hugo.toml", "hugo.yaml", "hugo.json", "config.toml", "config.yaml", "config.json"].map { "config/_default/" + $0 }

    /// Recognises the folder by the files its tool keeps at the top.
    public static func detect(fileSystem: any FileSystem, sourceRoot: String) -> (SourceProfile, [Diagnostic]) {
        func exists(_ name: String) -> Bool { fileSystem.kind(of: Path.join(sourceRoot, name)) != nil }
        func isFolder(_ name: String) -> Bool { fileSystem.isDirectory(Path.join(sourceRoot, name)) }
        let hasContent = isFolder(SourceLayout.contentFolder)
        let githubPages: Set<String> = ["readme", "index", "_index"]

        if exists(SourceLayout.configFile) {
            return (
                SourceProfile(kind: .gongbu, contentFolder: hasContent ? SourceLayout.contentFolder : ".", folderPageNames: githubPages), []
            )
        }
        if let config = hugoConfigs.first(where: exists), hasContent || !config.hasPrefix("config.") {
            var profile = SourceProfile(kind: .hugo, contentFolder: SourceLayout.contentFolder, folderPageNames: ["_index", "index"])
            profile.configFile = config
            var diagnostics: [Diagnostic] = []
            if let map = readMap(config, fileSystem: fileSystem, sourceRoot: sourceRoot, diagnostics: &diagnostics) {
                profile.title = map.string("title")
                profile.math = Self.mathEnabled(map)
                profile.baseURL = map.string("baseURL") ?? map.string("baseurl")
                profile.language =
                    map.string("languageCode").map { String($0.prefix { $0 != "-" }) } ?? map.string("defaultContentLanguage")
                if let folder = map.string("contentDir") { profile.contentFolder = Path.normalize(folder) }
                profile.ignorePatterns = map.strings("ignoreFiles")
            }
            if !isFolder(profile.contentFolder) { profile.contentFolder = "." }
            return (profile, diagnostics)
        }
        if exists("_config.yml") || exists("_config.yaml") || isFolder("_posts") {
            var profile = SourceProfile(kind: .jekyll, contentFolder: ".", folderPageNames: githubPages)
            profile.excludedPaths = [
                "_layouts", "_includes", "_sass", "_data", "_plugins", "vendor", ".jekyll-cache", "Gemfile", "Gemfile.lock",
                "_config.yml", "_config.yaml",
            ]
            profile.draftFolders = ["_drafts"]
            profile.skipLiquidPages = true
            var diagnostics: [Diagnostic] = []
            let config = exists("_config.yml") ? "_config.yml" : "_config.yaml"
            if exists(config) {
                profile.configFile = config
                if let map = readMap(config, fileSystem: fileSystem, sourceRoot: sourceRoot, diagnostics: &diagnostics) {
                    profile.title = map.string("title")
                    if let url = map.string("url") { profile.baseURL = url + (map.string("baseurl") ?? "") }
                    profile.language = map.string("lang")
                    profile.excludeGlobs = map.strings("exclude")
                    profile.postPermalink = map.string("permalink")
                    profile.math = Self.mathEnabled(map)
                }
            }
            profile.postPermalink = Self.jekyllPermalink(profile.postPermalink)
            return (profile, diagnostics)
        }
        if exists("mkdocs.yml") || exists("mkdocs.yaml") {
            let config = exists("mkdocs.yml") ? "mkdocs.yml" : "mkdocs.yaml"
            var profile = SourceProfile(kind: .mkdocs, contentFolder: "docs", folderPageNames: githubPages)
            profile.configFile = config
            var diagnostics: [Diagnostic] = []
            if let map = readMap(config, fileSystem: fileSystem, sourceRoot: sourceRoot, diagnostics: &diagnostics) {
                profile.title = map.string("site_name")
                profile.baseURL = map.string("site_url")
                if let folder = map.string("docs_dir") { profile.contentFolder = Path.normalize(folder) }
                profile.excludeGlobs = (map.string("exclude_docs") ?? "").split(separator: "\n").map {
                    $0.trimmingCharacters(in: .whitespaces)
                }.filter { !$0.isEmpty && !$0.hasPrefix("#") }.map {
                    profile.contentFolder + "/" + ($0.hasPrefix("/") ? String($0.dropFirst()) : "**/" + $0)
                }
            }
            if !isFolder(profile.contentFolder) { profile.contentFolder = "." }
            return (profile, diagnostics)
        }
        if let config = ["docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs"].first(where: exists) {
            var profile = SourceProfile(kind: .docusaurus, contentFolder: ".", folderPageNames: githubPages)
            profile.configFile = config
            profile.excludedPaths = [
                "src", "i18n", SourceLayout.staticFolder, "build", ".docusaurus", config, "sidebars.js", "sidebars.ts", "package.json",
                "package-lock.json", "yarn.lock", "babel.config.js", "tsconfig.json",
            ]
            return (profile, [])
        }
        if isFolder(".obsidian") {
            return (SourceProfile(kind: .obsidian, contentFolder: ".", folderPageNames: githubPages), [])
        }
        if hasContent {
            return (SourceProfile(kind: .gongbu, contentFolder: SourceLayout.contentFolder, folderPageNames: githubPages), [])
        }
        return (SourceProfile(kind: .plain, contentFolder: ".", folderPageNames: githubPages), [])
    }

    /// `math: true` at the top of a config or under `params:` (Hugo themes), or `mathjax`/`katex`.
    static func mathEnabled(_ map: [YAMLEntry]) -> Bool {
        let keys = ["math", "mathjax", "katex"]
        if keys.contains(where: { map.string($0) == "true" }) { return true }
        if case .map(let params)? = map.value("params") { return keys.contains { params.string($0) == "true" } }
        return false
    }

    /// A Jekyll permalink setting as a template: its named styles spelled out.
    static func jekyllPermalink(_ setting: String?) -> String {
        switch setting ?? "date" {
        case "date", "pretty": "/:categories/:year/:month/:day/:title/"
        case "ordinal": "/:categories/:year/:y_day/:title/"
        case "weekdate": "/:categories/:year/W:week/:short_day/:title/"
        case "none": "/:categories/:title/"
        case let template: template
        }
    }

    /// A YAML, JSON or TOML config as a mapping.
    static func readMap(_ name: String, fileSystem: any FileSystem, sourceRoot: String, diagnostics: inout [Diagnostic]) -> [YAMLEntry]? {
        guard let bytes = try? fileSystem.readFile(at: Path.join(sourceRoot, name)), let text = try? TextDecoding.decode(bytes).text else {
            return nil
        }
        if name.hasSuffix(".toml") {
            do {
                return try TOMLReader.read(text)
            } catch {
                diagnostics.append(
                    .warning(
                        "\(name) is not valid TOML (\(error.message)); its title and settings are not used",
                        at: SourceLocation(file: name, line: error.line, column: error.column), rule: "config"))
                return nil
            }
        }
        do {
            if case .map(let entries) = try YAMLReader.read(text) { return entries }
        } catch {
            diagnostics.append(
                .warning(
                    "\(name) is not valid YAML (\(error.message)); its title and settings are not used",
                    at: SourceLocation(file: name, line: error.line, column: error.column), rule: "config"))
        }
        return nil
    }

    /// Whether a file or folder (a path relative to the source) is left out by these rules.
    public func excludes(_ relative: String, isDirectory: Bool, includeDrafts: Bool) -> Bool {
        exclusionRule(includeDrafts: includeDrafts)(relative, isDirectory)
    }

    /// `excludes` as a function with the regular expressions compiled once, for a walk that
    /// asks about every entry of the source folder.
    public func exclusionRule(includeDrafts: Bool) -> (_ relative: String, _ isDirectory: Bool) -> Bool {
        let folders = excludedPaths + (includeDrafts ? [] : draftFolders)
        let regexes = ignorePatterns.compactMap { try? NSRegularExpression(pattern: $0) }
        let globs = excludeGlobs
        let topLevelOnly = contentFolder == "."
        return { relative, isDirectory in
            let segments = relative.split(separator: "/")
            if segments.contains(where: { Self.excludedNames.contains(String($0)) }) { return true }
            if topLevelOnly, let first = segments.first, Self.excludedTopFolders.contains(String(first)) { return true }
            if folders.contains(where: { relative == $0 || relative.hasPrefix($0 + "/") }) { return true }
            if globs.contains(where: { Self.matches(glob: $0, relative) }) { return true }
            if !isDirectory {
                let range = NSRange(relative.startIndex..., in: relative)
                if regexes.contains(where: { $0.firstMatch(in: relative, range: range) != nil }) { return true }
            }
            return false
        }
    }

    /// Shell-style matching (libc's `fnmatch`): `*` and `**` match any run of characters,
    /// slashes included; a pattern without '/' is matched against every segment too, so
    /// `CLAUDE.md` or `*.tmp.md` leave such files out in any folder.
    public static func matches(glob: String, _ relative: String) -> Bool {
        var pattern = glob.hasPrefix("/") ? String(glob.dropFirst()) : glob
        while pattern.hasSuffix("/") { pattern.removeLast() }
        pattern = pattern.replacingOccurrences(of: "**", with: "*")
        guard !pattern.isEmpty else { return false }
        if fnmatch(pattern, relative, 0) == 0 { return true }
        // `folder/**` names the folder too.
        if pattern.hasSuffix("/*"), relative == String(pattern.dropLast(2)) { return true }
        if !pattern.contains("/") {
            return relative.split(separator: "/").contains { fnmatch(pattern, String($0), 0) == 0 }
        }
        // A folder pattern leaves out everything under the folder.
        var prefix = Substring(relative)
        while let slash = prefix.lastIndex(of: "/") {
            prefix = prefix[..<slash]
            if fnmatch(pattern, String(prefix), 0) == 0 { return true }
        }
        return false
    }
}

extension [YAMLEntry] {
    func value(_ key: String) -> YAMLValue? { first { $0.key == key }?.value }
    func string(_ key: String) -> String? { value(key)?.scalarText }
    func strings(_ key: String) -> [String] {
        switch value(key) {
        case .list(let items)?: items.compactMap(\.scalarText)
        case let scalar?: scalar.scalarText.map { [$0] } ?? []
        case nil: []
        }
    }
}
