import Build
import Foundation
import GongbuCore
import Write

/// Builds of small sites, for tests.
public enum TestBuild {
    /// A full `gongbu build` of `source` into `output`.
    public static func run(source: String, output: String, fileSystem: any FileSystem = LocalFileSystem(),
                           configure: (inout BuildOptions) -> Void = { _ in }) -> BuildReport {
        var options = BuildOptions(fileSystem: fileSystem, sourceRoot: source, outputRoot: output, homeDirectory: "/nonexistent-home")
        configure(&options)
        return SiteBuild(options: options, generatorVersion: "test").run()
    }

    /// Builds a site made of `files` (paths relative to the site folder) in memory; returns the
    /// report and every output file by path.
    public static func inMemory(_ files: [String: String], configure: (inout BuildOptions) -> Void = { _ in })
        -> (report: BuildReport, output: [String: [UInt8]]) {
        let fileSystem = InMemoryFileSystem()
        for (path, text) in files { try? fileSystem.writeString(text, to: Path.join("/site", path)) }
        try? fileSystem.createDirectory(at: "/site")
        let report = run(source: "/site", output: "/out", fileSystem: fileSystem, configure: configure)
        return (report, TreeSnapshot.read("/out", fileSystem: fileSystem))
    }

    /// Hrefs and srcs in a page that point inside the site and do not resolve to a file.
    public static func brokenLinks(in html: String, page: String, files: Set<String>) -> [String] {
        var broken: [String] = []
        let pattern = try! NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        let range = NSRange(html.startIndex..., in: html)
        for match in pattern.matches(in: html, range: range) {
            let raw = String(html[Range(match.range(at: 1), in: html)!])
            let value = raw.replacingOccurrences(of: "&amp;", with: "&")
            if value.isEmpty || value.hasPrefix("#") || value.contains("://") || value.hasPrefix("mailto:") || value.hasPrefix("data:") { continue }
            var path = value
            if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
            path = path.percentDecoded
            let resolved: String
            if path.hasPrefix("/") {
                resolved = Path.normalize(String(path.dropFirst()))
            } else {
                let folder = Path.parent(of: page)
                resolved = Path.normalize(folder == "." ? path : folder + "/" + path)
            }
            var target = resolved == "." ? "index.html" : resolved
            if path.hasSuffix("/") || path.isEmpty || path == "." || path == ".." { target = (resolved == "." ? "" : resolved + "/") + "index.html" }
            if !files.contains(target) { broken.append("\(page): \(raw)") }
        }
        return broken
    }
}
