import GongbuCore

/// One file of the generated site.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case bytes([UInt8])
        /// Copied from a source file at write time (images, PDFs, theme assets).
        case copy(from: String)
        /// Made when it is written, so a large site never holds all its pages in memory at once.
        case deferred(@Sendable () -> [UInt8])
    }

    /// Relative to the output folder, '/'-separated, UTF-8 NFC.
    public var path: String
    public var contents: Contents
    /// What produced it (a note's path, "tag 쿠버네티스" …), for collision errors.
    public var origin: String

    public init(path: String, contents: Contents, origin: String) {
        self.path = path
        self.contents = contents
        self.origin = origin
    }

    public init(path: String, text: String, origin: String) {
        self.init(path: path, contents: .bytes(Array(text.utf8)), origin: origin)
    }

    /// The file's bytes, the one way a planned file becomes bytes: made now for deferred
    /// contents, read from `fileSystem` for copies.
    public func bytes(reading fileSystem: any FileSystem) throws(FileSystemError) -> [UInt8] {
        if case .copy(let source) = contents { return try fileSystem.readFile(at: source) }
        return renderedBytes
    }

    /// The bytes of a file made in memory (a page or a data file); empty for a copy.
    public var renderedBytes: [UInt8] {
        switch contents {
        case .bytes(let bytes): return bytes
        case .deferred(let make): return make()
        case .copy: return []
        }
    }

    /// The file with its bytes made now (for deferred contents); other contents are unchanged.
    public func materialized() -> OutputFile {
        guard case .deferred(let make) = contents else { return self }
        return OutputFile(path: path, contents: .bytes(make()), origin: origin)
    }

    /// Why a path cannot be written inside the output folder, or nil when it is safe:
    /// it must be relative, free of `.`/`..` segments, backslashes, NUL and empty segments.
    public static func problem(with path: String) -> String? {
        if path.isEmpty { return "empty path" }
        if path.hasPrefix("/") { return "absolute path" }
        if path.utf8.contains(0) { return "NUL byte in path" }
        if path.contains("\\") { return "backslash in path" }
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            if segment.isEmpty { return "empty path segment" }
            if segment == "." || segment == ".." { return "'\(segment)' segment in path" }
            if segment.utf8.count > 255 { return "path segment longer than 255 bytes" }
        }
        return nil
    }
}
