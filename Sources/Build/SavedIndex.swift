import Content
import Foundation
import GongbuCore
import Markdown
import Site

/// Whether the index a build saved can answer for the current notes.
public enum SavedIndex {
    /// Newer than every file under content/ and templates/ and than gongbu.yml.
    ///
    /// The build's time is the output marker's: a build rewrites only files whose bytes
    /// changed, so the index files themselves can be older than the notes they describe.
    public static func isFresh(_ folder: String, sourceRoot: String, fileSystem: any FileSystem) -> Bool {
        guard fileSystem.kind(of: Path.join(folder, "meta.json")) == .file,
              let saved = fileSystem.modificationDate(of: Path.join(Path.parent(of: folder), OutputWriter.markerName))
                ?? fileSystem.modificationDate(of: Path.join(folder, "meta.json")) else { return false }
        var stack = [Path.join(sourceRoot, "content"), Path.join(sourceRoot, "templates")]
        if !fileSystem.isDirectory(stack[0]) { stack = [sourceRoot] }
        if let config = fileSystem.modificationDate(of: Path.join(sourceRoot, SiteConfig.fileName)), config > saved { return false }
        let output = Path.join(sourceRoot, "public")
        while let next = stack.popLast() {
            guard let entries = try? fileSystem.datedEntries(at: next) else { continue }
            for (name, kind, modified) in entries where !name.hasPrefix(".") {
                let path = Path.join(next, name)
                if path == output { continue }
                if kind == .directory {
                    stack.append(path)
                } else if let modified, modified > saved {
                    return false
                }
            }
        }
        return true
    }

    /// A note's prose, read again for a snippet.
    public static func readProse(_ path: String, fileSystem: any FileSystem) -> String? {
        guard let bytes = try? fileSystem.readFile(at: path), let decoded = try? TextDecoding.decode(bytes) else { return nil }
        let body = FrontMatterSplit.split(decoded.text).body
        return MarkdownDocument(parsing: body).proseText()
    }
}
