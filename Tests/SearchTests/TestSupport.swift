import GongbuCore

/// Writes index files into an in-memory tree under /site.
struct InMemoryFileSystemForTests {
    let fileSystem = InMemoryFileSystem()

    func write(_ path: String, _ text: String) throws {
        try fileSystem.writeString(text, to: "/site/" + path)
    }
}
