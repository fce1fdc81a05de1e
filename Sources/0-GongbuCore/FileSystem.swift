import Foundation

/// What kind of thing sits at a path, without following a final symbolic link.
public enum ItemKind: Sendable, Hashable {
    case file
    case directory
    case symbolicLink
    case other
}

/// An I/O failure, worded for the user: which path, what went wrong.
public struct FileSystemError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}

/// Every file access of the pipeline goes through this one value, so tests can hand the
/// pipeline an in-memory tree and nothing touches the disk by accident.
///
/// Paths are absolute, '/'-separated and normalised (see `Path`).
public protocol FileSystem: Sendable {
    func kind(of path: String) -> ItemKind?
    /// Names (not paths) of the entries of a directory, unsorted.
    func contentsOfDirectory(at path: String) throws(FileSystemError) -> [String]
    func readFile(at path: String) throws(FileSystemError) -> [UInt8]
    /// Creates parent directories as needed.
    func writeFile(_ bytes: [UInt8], to path: String) throws(FileSystemError)
    func createDirectory(at path: String) throws(FileSystemError)
    /// Creates one folder whose parent exists (cheaper than `createDirectory`; no checks).
    func makeDirectory(at path: String) throws(FileSystemError)
    /// Removes a file or a whole directory tree. Symbolic links are removed, never followed.
    func removeItem(at path: String) throws(FileSystemError)
    /// Atomic rename on the same file system.
    func moveItem(from source: String, to destination: String) throws(FileSystemError)
    /// Swaps two existing paths in one atomic step, so there is no moment when either is
    /// missing. Returns false when the file system cannot (the caller then uses two renames).
    func exchangeItems(_ first: String, _ second: String) throws(FileSystemError) -> Bool
    /// The target of a symbolic link, resolved to an absolute normalised path; nil if unresolvable.
    func resolveSymbolicLink(at path: String) -> String?
    func modificationDate(of path: String) -> Date?
    /// Names and kinds of a directory's entries (default: a listing plus one `kind` per entry).
    func entries(at path: String) throws(FileSystemError) -> [(name: String, kind: ItemKind?)]
    /// Entries with modification dates (default: `entries` plus one `modificationDate` each).
    func datedEntries(at path: String) throws(FileSystemError) -> [(name: String, kind: ItemKind?, modified: Date?)]
}

extension FileSystem {
    public func exchangeItems(_ first: String, _ second: String) throws(FileSystemError) -> Bool { false }

    /// Names and kinds of a directory's entries (symbolic links are not followed).
    public func entries(at path: String) throws(FileSystemError) -> [(name: String, kind: ItemKind?)] {
        try contentsOfDirectory(at: path).map { ($0, kind(of: Path.join(path, $0))) }
    }

    /// A folder's entries with their modification dates (symbolic links followed for the date).
    public func datedEntries(at path: String) throws(FileSystemError) -> [(name: String, kind: ItemKind?, modified: Date?)] {
        try entries(at: path).map { ($0.name, $0.kind, modificationDate(of: Path.join(path, $0.name))) }
    }

    public func exists(_ path: String) -> Bool { kind(of: path) != nil }
    public func isDirectory(_ path: String) -> Bool {
        if kind(of: path) == .directory { return true }
        if kind(of: path) == .symbolicLink, let target = resolveSymbolicLink(at: path) {
            return kind(of: target) == .directory
        }
        return false
    }

    public func writeString(_ text: String, to path: String) throws(FileSystemError) {
        try writeFile(Array(text.utf8), to: path)
    }
}
