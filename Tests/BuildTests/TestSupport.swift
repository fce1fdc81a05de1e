import Build
import Foundation
import GongbuCore

/// Paths and helpers shared by the end-to-end tests.
enum TestSupport {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let fixtures = repositoryRoot + "/Tests/BuildTests/Fixtures"
    /// Data from outside the project, present on development machines only.
    static let shared = Path.normalize(repositoryRoot + "/../shared")

    /// A fresh temporary folder, removed by the caller with `cleanUp`.
    static func temporaryFolder(_ name: String = "gongbu-test") -> String {
        let path = NSTemporaryDirectory() + "\(name)-\(UUID().uuidString)"
        try? LocalFileSystem().createDirectory(at: path)
        return Path.normalize(path)
    }

    static func cleanUp(_ path: String) {
        try? LocalFileSystem().removeItem(at: path)
    }

    /// Copies a folder tree (fixtures are copied before builds that must not touch the repository).
    static func copyTree(_ source: String, to destination: String) throws {
        let fs = LocalFileSystem()
        switch fs.kind(of: source) {
        case .directory?:
            try fs.createDirectory(at: destination)
            for name in try fs.contentsOfDirectory(at: source) {
                try copyTree(source + "/" + name, to: destination + "/" + name)
            }
        case .file?:
            try fs.writeFile(try fs.readFile(at: source), to: destination)
        default:
            break
        }
    }

    static func build(source: String, output: String, fileSystem: any FileSystem = LocalFileSystem()) -> BuildReport {
        let options = BuildOptions(fileSystem: fileSystem, sourceRoot: source, outputRoot: output, homeDirectory: "/nonexistent-home")
        return SiteBuild(options: options, generatorVersion: "test").run()
    }

    /// Every file under `root`, as relative path → bytes.
    static func snapshot(_ root: String) -> [String: [UInt8]] {
        let fs = LocalFileSystem()
        var result: [String: [UInt8]] = [:]
        func visit(_ relative: String) {
            let path = relative.isEmpty ? root : root + "/" + relative
            if fs.kind(of: path) == .directory {
                for name in (try? fs.contentsOfDirectory(at: path)) ?? [] { visit(relative.isEmpty ? name : relative + "/" + name) }
            } else if let bytes = try? fs.readFile(at: path) {
                result[relative] = bytes
            }
        }
        visit("")
        return result
    }

    /// Hrefs and srcs in a page that point inside the site and do not resolve to a file.
    static func brokenLinks(in html: String, page: String, files: Set<String>) -> [String] {
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
