import Build
import Foundation
import GongbuCore
import Write

/// Builds of small sites, for tests.
public enum TestBuild {
    /// A full `gongbu build` of `source` into `output`.
    public static func run(
        source: String, output: String, fileSystem: any FileSystem = LocalFileSystem(),
        configure: (inout BuildOptions) -> Void = { _ in }
    ) -> BuildReport {
        var options = BuildOptions(fileSystem: fileSystem, sourceRoot: source, outputRoot: output, homeDirectory: "/nonexistent-home")
        configure(&options)
        return SiteBuild(options: options, generatorVersion: "test").run()
    }

    /// Builds a site made of `files` (paths relative to the site folder) in memory; returns the
    /// report and every output file by path.
    public static func inMemory(
        _ files: [String: String], configure: (inout BuildOptions) -> Void = { _ in }
    )
        -> (report: BuildReport, output: [String: [UInt8]])
    {
        let fileSystem = InMemoryFileSystem()
        for (path, text) in files { try? fileSystem.writeString(text, to: Path.join("/site", path)) }
        try? fileSystem.createDirectory(at: "/site")
        let report = run(source: "/site", output: "/out", fileSystem: fileSystem, configure: configure)
        return (report, TreeSnapshot.read("/out", fileSystem: fileSystem))
    }

    /// Builds the fixture site `Tests/Fixtures/<name>` into a scratch folder and compares the
    /// whole output with the golden tree `Tests/Fixtures/<name>/expected` (`TreeSnapshot.compare`:
    /// a changed, unexpected or missing file is a difference; `GONGBU_RECORD_GOLDEN=1` records
    /// the tree instead and reports that as a difference, so the run fails).
    ///
    /// Nothing is ignored: the output marker is fixed text, search shard names come from a
    /// hash of the terms, and the build writes no times, so every byte is the same on every run.
    public static func goldenDifferences(ofFixture name: String) -> (report: BuildReport, differences: [String]) {
        let scratch = ScratchFolder("gongbu-golden")
        defer { scratch.remove() }
        let output = scratch.join("public")
        let report = run(source: TestPaths.fixture(name), output: output)
        guard report.wroteOutput else { return (report, ["the build of \(name) wrote no output"]) }
        return (report, TreeSnapshot.compare(TreeSnapshot.read(output), withGolden: TestPaths.fixture(name + "/expected")))
    }

    /// Hrefs and srcs in a page that point inside the site and do not resolve to a file.
    public static func brokenLinks(in html: String, page: String, files: Set<String>) -> [String] {
        var broken: [String] = []
        let pattern = try! NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        let range = NSRange(html.startIndex..., in: html)
        for match in pattern.matches(in: html, range: range) {
            let raw = String(html[Range(match.range(at: 1), in: html)!])
            let value = raw.replacingOccurrences(of: "&amp;", with: "&")
            if value.isEmpty || value.hasPrefix("#") || value.contains("://") || value.hasPrefix("mailto:") || value.hasPrefix("data:") {
                continue
            }
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
            if path.hasSuffix("/") || path.isEmpty || path == "." || path == ".." {
                target = (resolved == "." ? "" : resolved + "/") + "index.html"
            }
            if !files.contains(target) { broken.append("\(page): \(raw)") }
        }
        return broken
    }
}
