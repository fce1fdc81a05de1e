import Search
import Site
import Write

/// The site `gongbu serve` serves: output path → file, as last published without errors.
///
/// Files computed from the whole site (graph.json, the sitemap, the feed, the search index)
/// are marked stale by an incremental publish and made again when one of them is next asked
/// for, so an edit costs only the pages that show it.
struct PublishedSite {
    private(set) var files: [String: OutputFile] = [:]
    /// Whether the whole-site data files are out of date.
    private(set) var dataIsStale = false
    /// Pages to render once the notes are free of errors again.
    var pendingJobs: Set<SiteRenderer.Job> = []
    /// Everything must be published again once the errors are fixed.
    var pendingAll = false

    var isEmpty: Bool { files.isEmpty }
    /// How many of the files are pages, kept up to date as files come and go.
    private(set) var pageCount = 0

    /// Whether `path` is one of the whole-site data files.
    static func isData(_ path: String) -> Bool {
        path == "graph.json" || path == "sitemap.xml" || path == "atom.xml" || path.hasPrefix(IndexFiles.folder + "/")
    }

    /// Replaces the whole site; returns the paths that changed and those that are gone.
    mutating func replaceAll(with newFiles: [OutputFile]) -> (changed: [String], removed: [String]) {
        var fresh: [String: OutputFile] = [:]
        for file in newFiles { fresh[file.path] = file }
        let previous = files
        files = fresh
        pageCount = Self.pages(in: files)
        dataIsStale = false
        pendingJobs = []
        pendingAll = false
        let changed = fresh.keys.filter { key in previous[key].map { !Self.same($0, fresh[key]!) } ?? true }.sorted()
        let removed = previous.keys.filter { fresh[$0] == nil }.sorted()
        return (changed, removed)
    }

    /// Puts `newFiles` in place and removes `removing` (unless a new file takes its path); the
    /// data files become stale. Returns the paths whose bytes changed and those removed.
    mutating func apply(_ newFiles: [OutputFile], removing: Set<String>) -> (changed: [String], removed: [String]) {
        var removed = removing
        var changed: [String] = []
        for file in newFiles {
            removed.remove(file.path)
            if let existing = files[file.path] {
                if !Self.same(file, existing) { changed.append(file.path) }
            } else {
                changed.append(file.path)
                if file.path.hasSuffix(".html") { pageCount += 1 }
            }
            files[file.path] = file
        }
        for path in removed where files.removeValue(forKey: path) != nil && path.hasSuffix(".html") { pageCount -= 1 }
        dataIsStale = true
        return (changed.sorted(), removed.sorted())
    }

    /// Replaces one copied file (an image edited in place).
    mutating func replace(_ file: OutputFile) {
        if files.updateValue(file, forKey: file.path) == nil, file.path.hasSuffix(".html") { pageCount += 1 }
    }

    /// Replaces the data files with fresh ones.
    mutating func refreshData(_ dataFiles: [OutputFile]) {
        for path in files.keys where path.hasPrefix(IndexFiles.folder + "/") { files[path] = nil }
        for file in dataFiles { files[file.path] = file }
        pageCount = Self.pages(in: files)
        dataIsStale = false
    }

    static func pages(in files: [String: OutputFile]) -> Int { files.keys.filter { $0.hasSuffix(".html") }.count }

    static func same(_ a: OutputFile, _ b: OutputFile) -> Bool {
        switch (a.contents, b.contents) {
        case (.bytes(let x), .bytes(let y)): return x == y
        case (.copy(let x), .copy(let y)): return x == y
        default: return false
        }
    }
}
