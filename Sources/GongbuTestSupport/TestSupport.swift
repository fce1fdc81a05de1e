import Build
import GongbuCore

/// The helpers most tests need, under one short name.
public enum TestSupport {
    public static let repositoryRoot = TestPaths.repositoryRoot
    public static let fixtures = TestPaths.fixtures
    public static let shared = TestPaths.shared

    /// A fresh temporary folder, removed by the caller with `cleanUp`.
    public static func temporaryFolder(_ name: String = "gongbu-test") -> String { ScratchFolder(name).path }

    public static func cleanUp(_ path: String) { try? LocalFileSystem().removeItem(at: path) }

    public static func copyTree(_ source: String, to destination: String) throws { try ScratchFolder.copyTree(source, to: destination) }

    public static func build(source: String, output: String, fileSystem: any FileSystem = LocalFileSystem()) -> BuildReport {
        TestBuild.run(source: source, output: output, fileSystem: fileSystem)
    }

    public static func snapshot(_ root: String) -> [String: [UInt8]] { TreeSnapshot.read(root) }

    public static func brokenLinks(in html: String, page: String, files: Set<String>) -> [String] {
        TestBuild.brokenLinks(in: html, page: page, files: files)
    }
}
