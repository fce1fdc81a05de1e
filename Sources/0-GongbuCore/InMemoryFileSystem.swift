import Foundation

/// A file tree held in memory, for tests and for anything that must not touch the disk.
///
/// Symbolic links are stored as entries pointing at another absolute path.
public final class InMemoryFileSystem: FileSystem, @unchecked Sendable {
    private enum Entry {
        case file([UInt8], Date)
        case directory
        case link(String)
    }

    private var entries: [String: Entry] = ["/": .directory]
    private var unreadable = Set<String>()
    private let lock = NSLock()

    /// Called with each path just before it is read (outside the lock), so a test can change or
    /// delete a file between the moment a build lists it and the moment it reads it.
    public nonisolated(unsafe) var beforeRead: (@Sendable (String) -> Void)?

    /// Makes a file or folder fail to read as if its permissions forbade it.
    public func makeUnreadable(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        unreadable.insert(Path.normalize(path))
    }

    public init(files: [String: String] = [:]) {
        for (path, text) in files {
            try? writeFile(Array(text.utf8), to: path)
        }
    }

    private func withLock<T>(_ body: () throws(FileSystemError) -> T) throws(FileSystemError) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    public func addSymbolicLink(at path: String, pointingTo target: String) {
        lock.lock()
        defer { lock.unlock() }
        createParents(of: Path.normalize(path))
        entries[Path.normalize(path)] = .link(Path.normalize(target))
    }

    private func createParents(of path: String) {
        var parent = Path.parent(of: path)
        while entries[parent] == nil {
            entries[parent] = .directory
            parent = Path.parent(of: parent)
        }
    }

    public func kind(of path: String) -> ItemKind? {
        lock.lock()
        defer { lock.unlock() }
        switch entries[Path.normalize(path)] {
        case .file?: return .file
        case .directory?: return .directory
        case .link?: return .symbolicLink
        case nil: return nil
        }
    }

    public func contentsOfDirectory(at path: String) throws(FileSystemError) -> [String] {
        let path = Path.normalize(path)
        return try withLock { () throws(FileSystemError) -> [String] in
            guard case .directory? = entries[path] else {
                throw FileSystemError(path: path, reason: "No such directory")
            }
            if unreadable.contains(path) { throw FileSystemError(path: path, reason: "Permission denied") }
            let prefix = path == "/" ? "/" : path + "/"
            return entries.keys.compactMap { key in
                guard key.hasPrefix(prefix), key != path else { return nil }
                let rest = key.dropFirst(prefix.count)
                return rest.contains("/") ? nil : String(rest)
            }
        }
    }

    public func readFile(at path: String) throws(FileSystemError) -> [UInt8] {
        let path = Path.normalize(path)
        beforeRead?(path)
        return try withLock { () throws(FileSystemError) -> [UInt8] in
            if unreadable.contains(path) { throw FileSystemError(path: path, reason: "Permission denied") }
            var current = path
            for _ in 0..<40 {
                switch entries[current] {
                case .file(let bytes, _)?: return bytes
                case .link(let target)?: current = target
                case .directory?: throw FileSystemError(path: path, reason: "is a directory")
                case nil: throw FileSystemError(path: path, reason: "No such file or directory")
                }
            }
            throw FileSystemError(path: path, reason: "Too many levels of symbolic links")
        }
    }

    public func writeFile(_ bytes: [UInt8], to path: String) throws(FileSystemError) {
        let path = Path.normalize(path)
        try withLock { () throws(FileSystemError) in
            if case .directory? = entries[path] { throw FileSystemError(path: path, reason: "is a directory") }
            createParents(of: path)
            entries[path] = .file(bytes, Date())
        }
    }

    public func createDirectory(at path: String) throws(FileSystemError) {
        let path = Path.normalize(path)
        try withLock { () throws(FileSystemError) in
            switch entries[path] {
            case .directory?: return
            case nil:
                createParents(of: path)
                entries[path] = .directory
            default: throw FileSystemError(path: path, reason: "exists and is not a directory")
            }
        }
    }

    public func makeDirectory(at path: String) throws(FileSystemError) {
        try createDirectory(at: path)
    }

    public func removeItem(at path: String) throws(FileSystemError) {
        let path = Path.normalize(path)
        try withLock { () throws(FileSystemError) in
            let prefix = path + "/"
            for key in entries.keys where key == path || key.hasPrefix(prefix) {
                entries[key] = nil
            }
        }
    }

    public func exchangeItems(_ first: String, _ second: String) throws(FileSystemError) -> Bool {
        let first = Path.normalize(first)
        let second = Path.normalize(second)
        try withLock { () throws(FileSystemError) in
            guard entries[first] != nil else { throw FileSystemError(path: first, reason: "No such file or directory") }
            guard entries[second] != nil else { throw FileSystemError(path: second, reason: "No such file or directory") }
            var moved: [String: Entry] = [:]
            for (key, value) in entries where key == first || key.hasPrefix(first + "/") || key == second || key.hasPrefix(second + "/") {
                entries[key] = nil
                let renamed =
                    key == first || key.hasPrefix(first + "/") ? second + key.dropFirst(first.count) : first + key.dropFirst(second.count)
                moved[renamed] = value
            }
            for (key, value) in moved { entries[key] = value }
        }
        return true
    }

    public func moveItem(from source: String, to destination: String) throws(FileSystemError) {
        let source = Path.normalize(source)
        let destination = Path.normalize(destination)
        try withLock { () throws(FileSystemError) in
            guard entries[source] != nil else { throw FileSystemError(path: source, reason: "No such file or directory") }
            if entries[destination] != nil { throw FileSystemError(path: destination, reason: "File exists") }
            let prefix = source + "/"
            for (key, value) in entries where key == source || key.hasPrefix(prefix) {
                entries[key] = nil
                entries[destination + key.dropFirst(source.count)] = value
            }
            createParents(of: destination)
        }
    }

    public func resolveSymbolicLink(at path: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        var current = Path.normalize(path)
        for _ in 0..<40 {
            guard case .link(let target)? = entries[current] else {
                return entries[current] == nil ? nil : current
            }
            current = target
        }
        return nil
    }

    public func modificationDate(of path: String) -> Date? {
        lock.lock()
        defer { lock.unlock() }
        if case .file(_, let date)? = entries[Path.normalize(path)] { return date }
        return nil
    }

    /// Every file under `root` as relative path -> text, for assertions in tests.
    public func textFiles(under root: String) -> [String: String] {
        lock.lock()
        defer { lock.unlock() }
        let prefix = Path.normalize(root) + "/"
        var result: [String: String] = [:]
        for (key, value) in entries where key.hasPrefix(prefix) {
            if case .file(let bytes, _) = value {
                result[String(key.dropFirst(prefix.count))] = String(decoding: bytes, as: UTF8.self)
            }
        }
        return result
    }
}
