import Foundation

/// One file found by `FolderWalker`.
public struct WalkedFile: Sendable, Hashable {
    /// Where the file appears to be (inside the walked folder), absolute, NFC.
    public var logicalPath: String
    /// Where to read it (the resolved target for symbolic links), absolute.
    public var readPath: String
    /// Its modification time, when the walk was asked for dates.
    public var modified: Date?

    public init(logicalPath: String, readPath: String, modified: Date? = nil) {
        self.logicalPath = logicalPath
        self.readPath = readPath
        self.modified = modified
    }
}

/// The one way gongbu lists a source folder: the loader, `gongbu validate`, the saved search
/// index's freshness check, the theme loader and the preview server's file watcher all walk
/// with the same rules.
///
/// - Hidden entries (`.git`, `.DS_Store`, `.obsidian`) are skipped.
/// - `excluded` paths (the output folder inside a source folder …) are never entered.
/// - Symbolic links are followed only when they resolve inside `boundary`; a link that leads
///   out, is broken or loops is reported as a `symlink` warning and not followed.
/// - Each real directory is entered once, so link loops end.
/// - Files come sorted by logical path.
///
/// ```swift
/// var walker = FolderWalker(fileSystem: fs, boundary: "/site")
/// let files = walker.files(under: "/site/content")   // walker.diagnostics: what was skipped and why
/// ```
public struct FolderWalker {
    public let fileSystem: any FileSystem
    /// Symbolic links must resolve inside this folder to be followed; diagnostics name paths
    /// relative to it.
    public let boundary: String
    public let excluded: [String]
    /// Read each file's modification time too (one `stat` per entry, from the listing).
    public var withDates = false
    /// Also list the folders entered (for watching them).
    public var collectFolders = false
    /// Leaves out entries the source's own rules exclude: called with the entry's path relative
    /// to `boundary` and whether it is a folder.
    public var skip: ((_ relative: String, _ isDirectory: Bool) -> Bool)?
    public private(set) var diagnostics: [Diagnostic] = []
    /// Folders entered, by logical path, when `collectFolders` is set.
    public private(set) var folders: [String] = []
    private var visitedDirectories: Set<String> = []
    private let realBoundary: String

    public init(fileSystem: any FileSystem, boundary: String, excluded: [String] = []) {
        self.fileSystem = fileSystem
        self.boundary = Path.normalize(boundary)
        self.excluded = excluded.map(Path.normalize)
        realBoundary = fileSystem.resolveSymbolicLink(at: boundary) ?? boundary
    }

    /// Every file under `root` (a folder), by the rules above.
    public mutating func files(under root: String) -> [WalkedFile] {
        var files: [WalkedFile] = []
        let realRoot = fileSystem.resolveSymbolicLink(at: root) ?? root
        visitedDirectories.insert(realRoot)
        walkDirectory(logical: root, real: realRoot, into: &files)
        files.sort { $0.logicalPath < $1.logicalPath }
        return files
    }

    private func display(_ path: String) -> String {
        Path.isInside(path, boundary) && path != boundary ? Path.relative(path, to: boundary) : path
    }

    private func isExcluded(_ logical: String, _ real: String) -> Bool {
        excluded.contains { Path.isInside(logical, $0) || Path.isInside(real, $0) }
    }

    private mutating func walkDirectory(logical: String, real: String, into files: inout [WalkedFile]) {
        let entries: [(name: String, kind: ItemKind?, modified: Date?)]
        do {
            entries = withDates ? try fileSystem.datedEntries(at: real) : try fileSystem.entries(at: real).map { ($0.name, $0.kind, nil) }
        } catch {
            diagnostics.append(
                .warning(
                    "cannot read folder: \(error.reason); its files are skipped",
                    at: SourceLocation(file: display(logical)), rule: "io"))
            return
        }
        if collectFolders { folders.append(logical) }
        for entry in entries.sorted(by: { $0.name < $1.name }) where !entry.name.hasPrefix(".") {
            let logicalChild = Path.join(logical, TextDecoding.nfc(entry.name))
            let realChild = Path.join(real, entry.name)
            if isExcluded(logicalChild, realChild) { continue }
            if let skip, skip(Path.relative(logicalChild, to: boundary), entry.kind == .directory) { continue }
            switch entry.kind {
            case .file?:
                files.append(WalkedFile(logicalPath: logicalChild, readPath: realChild, modified: entry.modified))
            case .directory?:
                guard visitedDirectories.insert(realChild).inserted else { continue }
                walkDirectory(logical: logicalChild, real: realChild, into: &files)
            case .symbolicLink?:
                followLink(logical: logicalChild, real: realChild, modified: entry.modified, into: &files)
            default:
                continue
            }
        }
    }

    private mutating func followLink(logical: String, real: String, modified: Date?, into files: inout [WalkedFile]) {
        guard let target = fileSystem.resolveSymbolicLink(at: real) else {
            diagnostics.append(
                .warning(
                    "symbolic link is broken or loops; it is skipped",
                    at: SourceLocation(file: display(logical)), rule: "symlink"))
            return
        }
        guard Path.isInside(target, realBoundary) || Path.isInside(target, boundary) else {
            diagnostics.append(
                .warning(
                    "symbolic link points outside the source folder (to \(target)); it is not followed",
                    at: SourceLocation(file: display(logical)), rule: "symlink"))
            return
        }
        if excluded.contains(where: { Path.isInside(target, $0) }) { return }
        switch fileSystem.kind(of: target) {
        case .file?:
            files.append(
                WalkedFile(logicalPath: logical, readPath: target, modified: withDates ? fileSystem.modificationDate(of: target) : modified)
            )
        case .directory?:
            guard visitedDirectories.insert(target).inserted else {
                diagnostics.append(
                    .warning(
                        "symbolic link leads to a folder that is already read (\(display(target))); it is skipped, so the walk cannot loop",
                        at: SourceLocation(file: display(logical)), rule: "symlink"))
                return
            }
            walkDirectory(logical: logical, real: target, into: &files)
        default:
            return
        }
    }
}
