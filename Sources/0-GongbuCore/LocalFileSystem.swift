import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The real disk, through POSIX calls (fast enough for 100,000 small files, and exact about symlinks).
public struct LocalFileSystem: FileSystem {
    public init() {}

    private static func failure(_ path: String, _ code: Int32 = errno) -> FileSystemError {
        FileSystemError(path: path, reason: String(cString: strerror(code)))
    }

    public func kind(of path: String) -> ItemKind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// The name in a directory entry, read in place. glibc sizes each record returned by readdir
    /// to its name (`d_reclen`), so copying the whole `dirent` struct (`entry.pointee`) reads past
    /// the end of short records; the address sanitizer caught that.
    static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        return String(cString: (UnsafeRawPointer(entry) + offset).assumingMemoryBound(to: CChar.self))
    }

    /// Lists a folder (each entry's name and the type readdir reports, without `.` and `..`)
    /// and hands the listing to `body` while the folder is still open, with its descriptor for
    /// `fstatat`.
    private func withListing<T>(
        _ path: String, _ body: (_ descriptor: Int32, _ listed: [(name: String, type: Int32)]) -> T
    ) throws(FileSystemError) -> T {
        guard let dir = opendir(path) else { throw Self.failure(path) }
        defer { closedir(dir) }
        var listed: [(name: String, type: Int32)] = []
        while let entry = readdir(dir) {
            let name = Self.name(of: entry)
            if name == "." || name == ".." { continue }
            listed.append((name, Int32(entry.pointee.d_type)))
        }
        return body(dirfd(dir), listed)
    }

    public func contentsOfDirectory(at path: String) throws(FileSystemError) -> [String] {
        try withListing(path) { _, listed in listed.map(\.name) }
    }

    /// Uses the entry types readdir reports, so listing a large folder costs no stat calls.
    public func entries(at path: String) throws(FileSystemError) -> [(name: String, kind: ItemKind?)] {
        try withListing(path) { _, listed in
            listed.map { entry in
                let kind: ItemKind?
                switch entry.type {
                case Int32(DT_REG): kind = .file
                case Int32(DT_DIR): kind = .directory
                case Int32(DT_LNK): kind = .symbolicLink
                case Int32(DT_UNKNOWN): kind = self.kind(of: Path.join(path, entry.name))
                default: kind = .other
                }
                return (entry.name, kind)
            }
        }
    }

    /// One directory stream and one `fstatat` relative to it per entry: no path lookup from the
    /// root for each file, which halves the cost of checking 10,000 notes for changes.
    public func datedEntries(at path: String) throws(FileSystemError) -> [(name: String, kind: ItemKind?, modified: Date?)] {
        try withListing(path) { descriptor, listed in
            func describe(_ entry: (name: String, type: Int32)) -> (name: String, kind: ItemKind?, modified: Date?) {
                var info = stat()
                guard fstatat(descriptor, entry.name, &info, 0) == 0 else { return (entry.name, nil, nil) }
                // The kind is the entry's own (a link stays a link, so walks never loop); the date is its target's.
                var own = stat()
                let isLink =
                    entry.type == Int32(DT_LNK)
                    || (entry.type == Int32(DT_UNKNOWN) && fstatat(descriptor, entry.name, &own, AT_SYMLINK_NOFOLLOW) == 0
                        && own.st_mode & S_IFMT == S_IFLNK)
                let kind: ItemKind
                if isLink {
                    kind = .symbolicLink
                } else {
                    switch info.st_mode & S_IFMT {
                    case S_IFREG: kind = .file
                    case S_IFDIR: kind = .directory
                    default: kind = .other
                    }
                }
                #if canImport(Darwin)
                let spec = info.st_mtimespec
                #else
                let spec = info.st_mtim
                #endif
                return (entry.name, kind, Date(timeIntervalSince1970: TimeInterval(spec.tv_sec) + TimeInterval(spec.tv_nsec) / 1e9))
            }
            // A folder of thousands of notes is stat-ed on all cores.
            return listed.count >= 1024 ? listed.concurrentMap(describe) : listed.map(describe)
        }
    }

    public func readFile(at path: String) throws(FileSystemError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Self.failure(path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Self.failure(path) }
        if info.st_mode & S_IFMT == S_IFDIR { throw FileSystemError(path: path, reason: "is a directory") }
        // Read until EOF rather than trusting st_size: the file may change while we read it.
        var capacity = max(Int(info.st_size), 0) + 1
        var bytes = [UInt8](repeating: 0, count: capacity)
        var total = 0
        while true {
            if total == capacity {
                capacity *= 2
                bytes.append(contentsOf: repeatElement(0, count: capacity - bytes.count))
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress! + total, capacity - total)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw Self.failure(path)
            }
            if count == 0 { break }
            total += count
        }
        bytes.removeSubrange(total...)
        return bytes
    }

    public func writeFile(_ bytes: [UInt8], to path: String) throws(FileSystemError) {
        let parent = Path.parent(of: path)
        if kind(of: parent) != .directory { try createDirectory(at: parent) }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Self.failure(path) }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress! + written, bytes.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw Self.failure(path)
            }
            written += count
        }
    }

    public func createDirectory(at path: String) throws(FileSystemError) {
        switch kind(of: path) {
        case .directory: return
        case nil: break
        default: throw FileSystemError(path: path, reason: "exists and is not a directory")
        }
        let parent = Path.parent(of: path)
        if parent != path, kind(of: parent) == nil { try createDirectory(at: parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw Self.failure(path) }
    }

    public func makeDirectory(at path: String) throws(FileSystemError) {
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw Self.failure(path) }
    }

    public func removeItem(at path: String) throws(FileSystemError) {
        guard let kind = kind(of: path) else { return }
        if kind == .directory {
            for name in try contentsOfDirectory(at: path) {
                try removeItem(at: Path.join(path, name))
            }
            if rmdir(path) != 0 { throw Self.failure(path) }
        } else if unlink(path) != 0 {
            throw Self.failure(path)
        }
    }

    public func moveItem(from source: String, to destination: String) throws(FileSystemError) {
        if rename(source, destination) != 0 { throw Self.failure(source) }
    }

    /// `renameat2(…, RENAME_EXCHANGE)` (Linux 3.15+, glibc 2.28+), looked up at run time
    /// because Swift's Glibc module does not declare it.
    public func exchangeItems(_ first: String, _ second: String) throws(FileSystemError) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = Self.renameat2 else { return false }
        let call = unsafeBitCast(symbol, to: RenameAt2.self)
        let exchange: UInt32 = 1 << 1  // RENAME_EXCHANGE
        if call(AT_FDCWD, first, AT_FDCWD, second, exchange) == 0 { return true }
        // Not supported by this kernel or file system: let the caller rename instead.
        if errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP { return false }
        throw Self.failure(first)
        #else
        return false
        #endif
    }

    #if os(Linux)
    private nonisolated(unsafe) static let renameat2: UnsafeMutableRawPointer? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2")
    #endif

    public func resolveSymbolicLink(at path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public func modificationDate(of path: String) -> Date? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let spec = info.st_mtimespec
        #else
        let spec = info.st_mtim
        #endif
        return Date(timeIntervalSince1970: TimeInterval(spec.tv_sec) + TimeInterval(spec.tv_nsec) / 1e9)
    }

    /// The current working directory, normalised.
    public static var currentDirectory: String {
        Path.normalize(FileManager.default.currentDirectoryPath)
    }

    /// The user's home folder, normalised.
    public static var homeDirectory: String {
        Path.normalize(ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory())
    }
}
