import Foundation
import GongbuCore

/// Where the repository, its fixtures and the data from outside the project are.
public enum TestPaths {
    /// The repository root (this file is Sources/GongbuTestSupport/TestPaths.swift).
    public static let repositoryRoot = Path.normalize(
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path)
    /// Small sites the tests build, each its own folder.
    public static let fixtures = repositoryRoot + "/Tests/Fixtures"
    /// Data from outside the project (real notes, conformance suites), present on development
    /// machines and in CI; tests that use it skip when it is absent.
    public static let shared = Path.normalize(repositoryRoot + "/../shared")

    /// A fixture site's folder.
    public static func fixture(_ name: String) -> String { fixtures + "/" + name }
}
