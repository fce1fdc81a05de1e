import GongbuCore

/// One file found under the content folder.
struct WalkedFile: Sendable {
    /// Where the file appears to be (inside the content folder), absolute.
    var logicalPath: String
    /// Where to read it (the resolved target for symbolic links), absolute.
    var readPath: String
}

/// Lists the files of the content folder in a stable order.
///
/// Hidden entries (".git", ".DS_Store", ".obsidian") are skipped. Symbolic links are followed
/// only when they resolve inside the source folder, and each directory is entered once, so
/// link loops end; links that lead out of the source folder are reported and not followed.
struct TreeWalker {
    let fileSystem: any FileSystem
    let sourceRoot: String
    let excluded: [String]
    var diagnostics: [Diagnostic] = []
    private var visitedDirectories: Set<String> = []

    init(fileSystem: any FileSystem, sourceRoot: String, excluded: [String]) {
        self.fileSystem = fileSystem
        self.sourceRoot = sourceRoot
        self.excluded = excluded
    }

    mutating func walk(_ root: String) -> [WalkedFile] {
        var files: [WalkedFile] = []
        let realRoot = fileSystem.resolveSymbolicLink(at: root) ?? root
        visitedDirectories.insert(realRoot)
        walkDirectory(logical: root, real: realRoot, into: &files)
        files.sort { $0.logicalPath < $1.logicalPath }
        return files
    }

    private func display(_ path: String) -> String { Path.relative(path, to: sourceRoot) }

    private mutating func walkDirectory(logical: String, real: String, into files: inout [WalkedFile]) {
        let names: [String]
        do {
            names = try fileSystem.contentsOfDirectory(at: real)
        } catch {
            diagnostics.append(.warning("cannot read folder: \(error.reason); its files are skipped",
                                        at: SourceLocation(file: display(logical)), rule: "io"))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let logicalChild = Path.join(logical, TextDecoding.nfc(name))
            let realChild = Path.join(real, name)
            if excluded.contains(where: { Path.isInside(logicalChild, $0) || Path.isInside(realChild, $0) }) { continue }
            switch fileSystem.kind(of: realChild) {
            case .file?:
                files.append(WalkedFile(logicalPath: logicalChild, readPath: realChild))
            case .directory?:
                guard visitedDirectories.insert(realChild).inserted else { continue }
                walkDirectory(logical: logicalChild, real: realChild, into: &files)
            case .symbolicLink?:
                followLink(logical: logicalChild, real: realChild, into: &files)
            default:
                continue
            }
        }
    }

    private mutating func followLink(logical: String, real: String, into files: inout [WalkedFile]) {
        guard let target = fileSystem.resolveSymbolicLink(at: real) else {
            diagnostics.append(.warning("symbolic link is broken or loops; it is skipped",
                                        at: SourceLocation(file: display(logical)), rule: "symlink"))
            return
        }
        let realSource = fileSystem.resolveSymbolicLink(at: sourceRoot) ?? sourceRoot
        guard Path.isInside(target, realSource) || Path.isInside(target, sourceRoot) else {
            diagnostics.append(.warning("symbolic link points outside the source folder (to \(target)); it is not followed",
                                        at: SourceLocation(file: display(logical)), rule: "symlink"))
            return
        }
        if excluded.contains(where: { Path.isInside(target, $0) }) { return }
        switch fileSystem.kind(of: target) {
        case .file?:
            files.append(WalkedFile(logicalPath: logical, readPath: target))
        case .directory?:
            guard visitedDirectories.insert(target).inserted else {
                diagnostics.append(.warning("symbolic link leads to a folder that is already read (\(display(target))); it is skipped, so the walk cannot loop",
                                            at: SourceLocation(file: display(logical)), rule: "symlink"))
                return
            }
            walkDirectory(logical: logical, real: target, into: &files)
        default:
            return
        }
    }
}
