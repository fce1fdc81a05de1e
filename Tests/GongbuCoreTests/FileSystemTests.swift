import Foundation
import Testing

@testable import GongbuCore

@Suite("File systems")
struct FileSystemTests {
    @Test func inMemoryTreeBehavesLikeADisk() throws {
        let fs = InMemoryFileSystem(files: ["/src/content/a.md": "A"])
        #expect(fs.kind(of: "/src/content") == .directory)
        #expect(try fs.contentsOfDirectory(at: "/src") == ["content"])
        try fs.moveItem(from: "/src/content", to: "/src/moved")
        #expect(String(decoding: try fs.readFile(at: "/src/moved/a.md"), as: UTF8.self) == "A")
        #expect(fs.kind(of: "/src/content/a.md") == nil)
        fs.addSymbolicLink(at: "/src/link.md", pointingTo: "/src/moved/a.md")
        #expect(fs.resolveSymbolicLink(at: "/src/link.md") == "/src/moved/a.md")
        try fs.removeItem(at: "/src")
        #expect(fs.kind(of: "/src/moved/a.md") == nil)
    }

    @Test func localFileSystemReadsWritesAndRemovesTrees() throws {
        let fs = LocalFileSystem()
        let root = NSTemporaryDirectory() + "gongbu-fs-\(UUID().uuidString)"
        defer { try? fs.removeItem(at: root) }
        try fs.writeString("안녕", to: root + "/a/b/c.txt")
        #expect(String(decoding: try fs.readFile(at: root + "/a/b/c.txt"), as: UTF8.self) == "안녕")
        #expect(fs.kind(of: root + "/a/b") == .directory)
        #expect(throws: FileSystemError.self) { try fs.readFile(at: root + "/missing") }
        try fs.removeItem(at: root + "/a")
        #expect(fs.kind(of: root + "/a") == nil)
    }
}
