import GongbuCore

/// Where each page lives in the output, and how pages link to each other.
///
/// Pages link with relative URLs (`../../concepts/pod/`), so the site works under any base path
/// and from disk; feeds, the sitemap and canonical links use `baseURL`. On disk, names keep
/// their UTF-8 spelling (`tags/커뮤니티/index.html`); in hrefs they are percent-encoded.
public enum PageLocation: Sendable, Hashable {
    case home
    /// A note's page, by its site path (`notes/pods`, `k8s-basic/section-04/service`); the
    /// content folder's own index page ("") is the home page.
    case note(slug: String)
    case tagIndex
    case tag(slug: String)
    /// The glossary index, in the glossary's folder (`concepts`, see `SiteURLs.glossaryFolder`).
    case conceptIndex(folder: String)
    /// A concept's page: `concepts/pod/`.
    case concept(id: String, folder: String)
    case notFound
    /// The study page, where the site's review cards are reviewed, in its folder (`study`,
    /// see `SiteURLs.studyFolder`).
    case study(folder: String)
    /// Page `number` (2 or more) of a long list whose first page is at `base` (a page's
    /// path: "" for home, `tags/k8s/`, `notes/`, `concepts/pod/`): `<base>page/<number>/`.
    case listPage(base: String, number: Int)
    /// A file at a site-relative path (`assets/gongbu.css`, `notes/pod/diagram.png`).
    case file(String)

    /// The site-relative path of the page's URL, unencoded: `notes/pod/`, `404.html`, "" for home.
    public var path: String {
        switch self {
        case .home: ""
        case .note(let slug): slug.isEmpty ? "" : "\(slug)/"
        case .tagIndex: "tags/"
        case .tag(let slug): "tags/\(slug)/"
        case .conceptIndex(let folder): "\(folder)/"
        case .concept(let id, let folder): "\(folder)/\(id)/"
        case .notFound: "404.html"
        case .study(let folder): "\(folder)/"
        case .listPage(let base, let number): "\(base)page/\(number)/"
        case .file(let path): path
        }
    }

    /// The file written for this page, relative to the output folder.
    public var outputPath: String {
        let path = self.path
        if path.isEmpty { return "index.html" }
        if path.hasSuffix("/") { return path + "index.html" }
        return path
    }

    /// How many folders deep the page's own URL is (what `../` must climb).
    /// The non-empty folder names before the last `/` (a file's own name does not count),
    /// counted on the bytes: every relative link asks, tens of thousands of times on a large site.
    var depth: Int {
        var count = 0
        var inName = false
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if inName { count += 1 }
                inName = false
            } else {
                inName = true
            }
        }
        return count
    }
}

public struct SiteURLs: Sendable {
    /// Always ends with '/'.
    public var baseURL: String
    /// The one-segment folder of the glossary's pages (`concepts`).
    public var glossaryFolder: String

    /// The one-segment folder of the study page (`study`).
    public var studyFolder = SiteURLs.standardStudyFolder

    public init(baseURL: String, glossaryFolder: String = SiteURLs.standardGlossaryFolder) {
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.glossaryFolder = glossaryFolder
    }

    /// The URLs of a site built with `config`.
    public init(_ config: SiteConfig) {
        self.init(baseURL: config.baseURL, glossaryFolder: config.glossaryFolder)
        self.studyFolder = config.studyFolder
    }

    /// The glossary index page.
    public var conceptIndex: PageLocation { .conceptIndex(folder: glossaryFolder) }
    public var study: PageLocation { .study(folder: studyFolder) }

    /// The page of the concept `id`.
    public func concept(_ id: String) -> PageLocation { .concept(id: id, folder: glossaryFolder) }

    /// Where the glossary's pages live unless the notes need that folder themselves.
    public static let standardGlossaryFolder = "concepts"

    /// The folder for the glossary's pages: `concepts`, unless a note, a note's old URL or a
    /// file of the source already lives there (a docs site's `concepts/` section, a
    /// study folder's `concepts/pod.md`). The notes keep their URLs; the glossary moves to
    /// `glossary`, then `gongbu-glossary`, `gongbu-glossary-2` … whichever is free.
    ///
    /// ```swift
    /// SiteURLs.glossaryFolder(avoiding: ["notes/pod"])               // "concepts"
    /// SiteURLs.glossaryFolder(avoiding: ["concepts/workloads/pods"]) // "glossary"
    /// ```
    public static func glossaryFolder(avoiding sitePaths: some Sequence<String>) -> String {
        freeFolder([standardGlossaryFolder, "glossary", "gongbu-glossary"], avoiding: sitePaths)
    }

    /// The study page's folder: `study`, or `review` or `gongbu-study` when the notes use it
    /// (a folder of notes called study is common).
    public static func studyFolder(avoiding sitePaths: some Sequence<String>) -> String {
        freeFolder([standardStudyFolder, "review", "gongbu-study"], avoiding: sitePaths)
    }

    public static let standardStudyFolder = "study"

    /// The first candidate that no site path starts with, then the last one numbered.
    static func freeFolder(_ candidates: [String], avoiding sitePaths: some Sequence<String>) -> String {
        var used: Set<String> = []
        for path in sitePaths {
            let trimmed = path.hasPrefix("/") ? path.dropFirst() : Substring(path)
            guard let first = trimmed.split(separator: "/", omittingEmptySubsequences: true).first else { continue }
            used.insert(first.lowercased())
        }
        for candidate in candidates where !used.contains(candidate) { return candidate }
        var number = 2
        while used.contains("\(candidates.last!)-\(number)") { number += 1 }
        return "\(candidates.last!)-\(number)"
    }

    /// The path part of the base URL (`/` or `/gongbu/`), for pages that can be served at any
    /// depth, like 404.html.
    public var basePath: String {
        if let schemeEnd = baseURL.range(of: "://") {
            let rest = baseURL[schemeEnd.upperBound...]
            if let slash = rest.firstIndex(of: "/") { return String(rest[slash...]) }
            return "/"
        }
        return baseURL.hasPrefix("/") ? baseURL : "/" + baseURL
    }

    /// The prefix that leads from `page` back to the site root: `../../`, or `./` on the home page.
    public func root(from page: PageLocation) -> String {
        if page == .notFound { return Escape.urlPath(basePath) }
        let depth = page.depth
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }

    /// A relative href from `page` to `target`, percent-encoded.
    public func href(to target: PageLocation, from page: PageLocation) -> String {
        let encoded = Escape.urlPath(target.path)
        if page == .notFound { return Escape.urlPath(basePath) + encoded }
        let depth = page.depth
        if depth == 0 { return encoded.isEmpty ? "./" : encoded }
        return String(repeating: "../", count: depth) + encoded
    }

    /// The absolute URL of a page under the base URL, for feeds, sitemaps and canonical links.
    public func absolute(_ target: PageLocation) -> String {
        baseURL + Escape.urlPath(target.path)
    }
}
