import Foundation
import GongbuCore
import Testing

@testable import Write

@Suite("Output writer")
struct OutputWriterTests {
    let fs = InMemoryFileSystem()

    @Test func writesIntoAFreshFolderWithAMarker() throws {
        let writer = OutputWriter(fileSystem: fs, outputRoot: "/site/public")
        #expect(writer.checkTarget(sourceRoot: "/site", homeDirectory: "/home/u") == nil)
        _ = try writer.write([OutputFile(path: "index.html", text: "hi", origin: "test")])
        #expect(fs.textFiles(under: "/site/public") == ["index.html": "hi", OutputWriter.markerName: OutputWriter.markerText])
        #expect(try fs.contentsOfDirectory(at: "/site").sorted() == ["public"])
    }

    @Test func replacesItsOwnPreviousOutput() throws {
        let writer = OutputWriter(fileSystem: fs, outputRoot: "/site/public")
        _ = try writer.write([OutputFile(path: "old.html", text: "old", origin: "test")])
        #expect(writer.checkTarget(sourceRoot: "/site", homeDirectory: "/home/u") == nil)
        _ = try writer.write([OutputFile(path: "new.html", text: "new", origin: "test")])
        #expect(fs.textFiles(under: "/site/public").keys.sorted() == [OutputWriter.markerName, "new.html"])
        // The previous site is kept as the spare the next build updates in place.
        #expect(try fs.contentsOfDirectory(at: "/site").sorted() == [".public.gongbu-spare", "public"])
        #expect(fs.textFiles(under: "/site/.public.gongbu-spare")["old.html"] == "old")
    }

    @Test func updatesTheSpareInPlace() throws {
        let writer = OutputWriter(fileSystem: fs, outputRoot: "/site/public")
        _ = try writer.write([
            OutputFile(path: "a/index.html", text: "1", origin: "t"), OutputFile(path: "gone/x.html", text: "x", origin: "t"),
        ])
        _ = try writer.write([OutputFile(path: "a/index.html", text: "2", origin: "t")])
        // The third build starts from the first one's tree: "gone" must go, "a" must change,
        // and a file that became a folder (and back) must work.
        _ = try writer.write([OutputFile(path: "a/index.html", text: "3", origin: "t"), OutputFile(path: "b", text: "file", origin: "t")])
        #expect(
            fs.textFiles(under: "/site/public") == ["a/index.html": "3", "b": "file", OutputWriter.markerName: OutputWriter.markerText])
        _ = try writer.write([OutputFile(path: "b/index.html", text: "folder", origin: "t")])
        #expect(fs.textFiles(under: "/site/public") == ["b/index.html": "folder", OutputWriter.markerName: OutputWriter.markerText])
        #expect(try fs.contentsOfDirectory(at: "/site").sorted() == [".public.gongbu-spare", "public"])
    }

    @Test func withoutASpareThePreviousSiteIsRemoved() throws {
        var writer = OutputWriter(fileSystem: fs, outputRoot: "/site/public")
        writer.keepSpare = false
        _ = try writer.write([OutputFile(path: "old.html", text: "old", origin: "test")])
        _ = try writer.write([OutputFile(path: "new.html", text: "new", origin: "test")])
        #expect(try fs.contentsOfDirectory(at: "/site").sorted() == ["public"])
    }

    @Test func refusesFoldersItDidNotCreate() throws {
        try fs.writeString("precious", to: "/site/public/thesis.docx")
        let problem = OutputWriter(fileSystem: fs, outputRoot: "/site/public").checkTarget(sourceRoot: "/site", homeDirectory: "/home/u")
        #expect(problem?.message.contains("was not created by gongbu") == true)
    }

    @Test(arguments: [
        ("/", "/site"), ("/home/u", "/site"), ("/site", "/site"), ("/", "/"), ("/a", "/a/b/site"), ("/site/content/out", "/site"),
    ])
    func refusesDangerousTargets(output: String, source: String) {
        #expect(OutputWriter(fileSystem: fs, outputRoot: output).checkTarget(sourceRoot: source, homeDirectory: "/home/u") != nil)
    }

    @Test func removesLeftoversOfAKilledBuildButNothingElse() throws {
        try fs.writeString(OutputWriter.markerText, to: "/site/.public.gongbu-tmp-999999/\(OutputWriter.markerName)")
        try fs.writeString("x", to: "/site/.public.gongbu-tmp-999998/other")
        try fs.writeString("keep", to: "/site/notes.txt")
        OutputWriter(fileSystem: fs, outputRoot: "/site/public").removeLeftovers()
        #expect(fs.kind(of: "/site/.public.gongbu-tmp-999999") == nil)
        #expect(fs.kind(of: "/site/.public.gongbu-tmp-999998") == .directory)
        #expect(fs.kind(of: "/site/notes.txt") == .file)
    }

    @Test func aFailedWriteKeepsThePreviousSite() throws {
        let writer = OutputWriter(fileSystem: fs, outputRoot: "/site/public")
        _ = try writer.write([OutputFile(path: "index.html", text: "v1", origin: "test")])
        #expect(throws: OutputError.self) {
            _ = try writer.write([
                OutputFile(path: "index.html", text: "v2", origin: "test"),
                OutputFile(path: "image.png", contents: .copy(from: "/missing.png"), origin: "content/image.png"),
            ])
        }
        #expect(fs.textFiles(under: "/site/public")["index.html"] == "v1")
        #expect(try fs.contentsOfDirectory(at: "/site").sorted() == ["public"])
    }
}

@Suite("Output writer: interrupted builds")
struct InterruptedWriteTests {
    @Test func aSiteLeftRetiredByAKilledBuildIsPutBack() throws {
        let fs = InMemoryFileSystem()
        let writer = OutputWriter(fileSystem: fs, outputRoot: "/site/public")
        _ = try writer.write([OutputFile(path: "index.html", text: "v1", origin: "test")])
        // A build killed between its two renames (process 999999 no longer exists).
        try fs.moveItem(from: "/site/public", to: "/site/.public.gongbu-old-999999")
        try fs.writeString("half", to: "/site/.public.gongbu-tmp-999999/index.html")
        try fs.writeString(OutputWriter.markerText, to: "/site/.public.gongbu-tmp-999999/\(OutputWriter.markerName)")
        writer.removeLeftovers()
        #expect(fs.textFiles(under: "/site/public")["index.html"] == "v1")
        #expect(try fs.contentsOfDirectory(at: "/site").sorted() == ["public"])
    }

    @Test func theSwapIsOneExchangeWhenTheFileSystemHasIt() throws {
        let fs = InMemoryFileSystem()
        let writer = OutputWriter(fileSystem: fs, outputRoot: "/site/public")
        _ = try writer.write([OutputFile(path: "a.html", text: "1", origin: "t")])
        _ = try writer.write([OutputFile(path: "a.html", text: "2", origin: "t")])
        #expect(fs.textFiles(under: "/site/public")["a.html"] == "2")
        #expect(fs.textFiles(under: "/site/.public.gongbu-spare")["a.html"] == "1")
        #expect(try fs.exchangeItems("/site/public", "/site/.public.gongbu-spare"))
        #expect(fs.textFiles(under: "/site/public")["a.html"] == "1")
    }
}
