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

    public init(notes: [SourceNote], staticFiles: [StaticFile], assets: some Sequence<String>) {
        var notesByPath: [String: String] = [:]
        for note in notes { notesByPath[note.document.contentPath] = note.slug }
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
