import Content
import GongbuCore
import Markdown

/// What a relative link in a note can point at: other notes (by their path under content/)
/// and static files. Built once per build, shared read-only by all notes.
public struct LinkTargets: Sendable {
    /// Content path (`notes/pods.md`) → slug.
    var notesByPath: [String: String]
    /// Content paths of static files (`notes/images/pod.png`).
    var staticFiles: Set<String>
    /// Paths under the output's `assets/`.
    var assets: Set<String>

    /// Site paths of the notes (lower-cased), for links written as page URLs (Hugo's
    /// page-relative `../other-page`, a site-root `/section/page/`).
    var notesBySitePath: [String: String]
    /// The base URL's path (`/95jw_archive/`), which site-root links may start with.
    var basePath: String
    /// Folders that hold notes (content paths), with the site path of their section page.
    var folders: [String: String]
    /// Static files by their file name, lower-cased, when no other file has that name: Obsidian
    /// finds an attachment by name anywhere in the vault.
    var staticByName: [String: String]

    public init(notes: [SourceNote], staticFiles: [StaticFile], assets: some Sequence<String>, basePath: String = "/") {
        var notesByPath: [String: String] = [:]
        var notesBySitePath: [String: String] = [:]
        for note in notes {
            notesByPath[note.document.contentPath] = note.slug
            for path in note.linkedPaths { notesByPath[path] = note.slug }
            notesBySitePath[note.slug.lowercased()] = note.slug
        }
        self.notesBySitePath = notesBySitePath
        self.basePath = basePath.hasSuffix("/") ? basePath : basePath + "/"
        var folders: [String: String] = [:]
        for note in notes {
            var folder = Path.parent(of: note.document.contentPath)
            while folder != ".", folders[folder] == nil {
                folders[folder] = ContentLoader.folderSitePath(folder)
                folder = Path.parent(of: folder)
            }
        }
        self.folders = folders
        var byName: [String: String] = [:]
        var shared = Set<String>()
        for file in staticFiles {
            let name = Path.lastComponent(file.contentPath).lowercased()
            if byName[name] != nil { shared.insert(name) } else { byName[name] = file.contentPath }
        }
        for name in shared { byName[name] = nil }
        staticByName = byName
        self.notesByPath = notesByPath
        self.staticFiles = Set(staticFiles.map(\.contentPath))
        self.assets = Set(assets.map { "assets/" + $0 })
    }

    public enum Resolution: Equatable {
        /// Rewrite the URL to this href.
        case rewrite(String)
        /// A link to another note (by slug): rewrite to this href.
        case note(slug: String, href: String)
        /// Leave the URL alone (external, fragment-only, mailto …).
        case external
        /// A local target that does not exist.
        case missing(String)
    }

    /// Resolves a link or image URL written in the note at `notePath` (content-relative).
    public func resolve(_ url: String, fromNoteAt notePath: String, slug: String, urls: SiteURLs) -> Resolution {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("//") || Self.hasScheme(trimmed) {
            return .external
        }
        var path = trimmed
        var suffix = ""
        if let mark = path.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            suffix = String(path[mark...])
            path = String(path[..<mark])
        }
        path = TextDecoding.nfc(path.percentDecoded)
        let page = PageLocation.note(slug: slug)
        let candidate: String
        if path.hasPrefix("/") {
            candidate = Path.normalize(String(path.drop { $0 == "/" }))
        } else {
            let folder = Path.parent(of: notePath)
            candidate = Path.normalize(folder == "." ? path : folder + "/" + path)
        }
        if candidate.hasPrefix("..") { return .missing(url) }
        let withoutSlash = candidate.hasSuffix("/") ? String(candidate.dropLast()) : candidate
        for key in [
            withoutSlash, withoutSlash + ".md", withoutSlash + ".markdown", withoutSlash + "/index.md", withoutSlash + "/_index.md",
        ] {
            if let target = notesByPath[key] {
                return .note(slug: target, href: urls.href(to: .note(slug: target), from: page) + suffix)
            }
        }
        if staticFiles.contains(withoutSlash) || assets.contains(withoutSlash) {
            return .rewrite(urls.href(to: .file(withoutSlash), from: page) + suffix)
        }
        // A folder of notes: its section page, as GitHub shows a folder's README or listing.
        if let section = folders[withoutSlash] {
            return .note(slug: section, href: urls.href(to: .note(slug: section), from: page) + suffix)
        }
        // A bare file name (an Obsidian attachment) found anywhere in the site.
        if !path.contains("/"), let found = staticByName[path.lowercased()] {
            return .rewrite(urls.href(to: .file(found), from: page) + suffix)
        }
        // Written as a page URL, the way Hugo and other site generators resolve links: relative
        // to the page's own URL (`../11-next` from `section/12-this/`), or from the site root.
        var urlPath = path
        if urlPath.hasPrefix(basePath), basePath != "/" { urlPath = "/" + urlPath.dropFirst(basePath.count) }
        let pageRelative = Path.normalize(
            urlPath.hasPrefix("/") ? String(urlPath.drop { $0 == "/" }) : (slug.isEmpty ? urlPath : slug + "/" + urlPath))
        if !pageRelative.hasPrefix("..") {
            var key = pageRelative.hasSuffix("/") ? String(pageRelative.dropLast()) : pageRelative
            // `/2024/03/02/pods.html`: Jekyll's and Hugo's `uglyURLs` spelling of a page.
            if key.hasSuffix(".html") { key = String(key.dropLast(5)) }
            if key.hasSuffix("/index") { key = String(key.dropLast(6)) }
            if key == "." { key = "" }
            if let target = notesBySitePath[key.lowercased()] ?? notesBySitePath[key.lowercased().replacingOccurrences(of: " ", with: "-")]
            {
                return .note(slug: target, href: urls.href(to: .note(slug: target), from: page) + suffix)
            }
        }
        return .missing(url)
    }

    /// `https:`, `mailto:`, `data:`, `C:` … (a drive letter counts, so Windows paths are not resolved).
    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        guard let first = scheme.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return scheme.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == ".")
        }
    }
}
