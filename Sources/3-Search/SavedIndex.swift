import Foundation
import GongbuCore

/// Whether the index a build saved can answer for the current notes (`gongbu search` reads
/// a fresh saved index instead of analysing every note).
public enum SavedIndex {
    /// Newer than every file under content/ and templates/ (or, for a plain folder of notes,
    /// under the source folder) and than gongbu.yml.
    ///
    /// The build's time is the output marker's: a build rewrites only files whose bytes
    /// changed, so the index files themselves can be older than the notes they describe.
    public static func isFresh(_ folder: String, sourceRoot: String, fileSystem: any FileSystem) -> Bool {
        guard fileSystem.kind(of: Path.join(folder, "meta.json")) == .file,
            let saved = fileSystem.modificationDate(of: Path.join(Path.parent(of: folder), SourceLayout.outputMarker))
                ?? fileSystem.modificationDate(of: Path.join(folder, "meta.json"))
        else { return false }
        if let config = fileSystem.modificationDate(of: Path.join(sourceRoot, SourceLayout.configFile)), config > saved { return false }
        var roots = [Path.join(sourceRoot, SourceLayout.contentFolder), Path.join(sourceRoot, SourceLayout.templatesFolder)]
        if !fileSystem.isDirectory(roots[0]) { roots = [sourceRoot] }
        var walker = FolderWalker(
            fileSystem: fileSystem, boundary: sourceRoot,
            excluded: [Path.join(sourceRoot, SourceLayout.defaultOutputFolder)])
        walker.withDates = true
        for root in roots where fileSystem.isDirectory(root) {
            for file in walker.files(under: root) {
                if let modified = file.modified, modified > saved { return false }
            }
        }
        return true
    }
}
