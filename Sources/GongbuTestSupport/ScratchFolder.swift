import Foundation
import GongbuCore

/// A fresh temporary folder on disk, for tests that build, serve or run the binary.
///
/// ```swift
/// let scratch = ScratchFolder()
/// defer { scratch.remove() }
/// try scratch.write("site/content/notes/a.md", "# 제목")
/// ```
public struct ScratchFolder: Sendable {
    /// Absolute, normalised.
    public let path: String

    public init(_ name: String = "gongbu-test") {
        let path = Path.normalize(NSTemporaryDirectory() + "\(name)-\(UUID().uuidString)")
        try? LocalFileSystem().createDirectory(at: path)
        self.path = path
    }

    /// `relative` inside the folder.
    public func join(_ relative: String) -> String { Path.join(path, relative) }

    /// Writes a text file (folders are created as needed).
    public func write(_ relative: String, _ text: String) throws {
        try LocalFileSystem().writeString(text, to: join(relative))
    }

    /// Writes several text files, by relative path.
    public func write(_ files: [String: String]) throws {
        for (relative, text) in files { try write(relative, text) }
    }

    /// Copies a folder tree into the scratch folder (fixtures are copied before builds that
    /// must not touch the repository).
    public func copy(_ source: String, to relative: String) throws {
        try Self.copyTree(source, to: join(relative))
    }

    public func remove() {
        try? LocalFileSystem().removeItem(at: path)
    }

    /// Copies a folder tree, leaving out entries with the names in `excluding` (a fixture's
    /// `expected/` golden tree, say).
    public static func copyTree(_ source: String, to destination: String, excluding: Set<String> = []) throws {
        let fs = LocalFileSystem()
        switch fs.kind(of: source) {
        case .directory?:
            try fs.createDirectory(at: destination)
            for name in try fs.contentsOfDirectory(at: source) where !excluding.contains(name) {
                try copyTree(source + "/" + name, to: destination + "/" + name, excluding: excluding)
            }
        case .file?:
            try fs.writeFile(try fs.readFile(at: source), to: destination)
        default:
            break
        }
    }
}
