import Build
import Foundation
import GongbuCore
import GongbuTestSupport
import Testing

@testable import Server

@Suite("Preview server", .serialized)
struct PreviewServerTests {

    final class Running: @unchecked Sendable {
        let work: String
        let server: PreviewServer
        let task: Task<Void, any Error>
        let port: Int
        let http: TestHTTP

        init() async throws {
            work = NSTemporaryDirectory() + "gongbu-serve-\(UUID().uuidString)"
            try ScratchFolder.copyTree(TestPaths.fixture("glossary-site"), to: work + "/site", excluding: ["expected"])
            try LocalFileSystem().writeString("body{}", to: work + "/site/templates/assets/extra.css")
            try LocalFileSystem().writeString("apiVersion: v1\nkind: ConfigMap\n", to: work + "/site/content/notes/files/sample.yaml")
            var port = 0
            for candidate in 40000...40400 where PreviewServer.isFree(host: "127.0.0.1", port: candidate) {
                port = candidate
                break
            }
            self.port = port
            let options = BuildOptions(
                fileSystem: LocalFileSystem(), sourceRoot: work + "/site", outputRoot: work + "/site/public", homeDirectory: "/nonexistent")
            let server = PreviewServer(options: options, generatorVersion: "test", host: "127.0.0.1", port: port, log: { _ in })
            self.server = server
            let first = server.build.rebuildAll()
            #expect(!first.hasErrors, "\(first.diagnostics)")
            server.announce(first)
            let (ready, signal) = AsyncStream<Void>.makeStream()
            task = Task { try await server.run(handleSignals: false, onReady: { _ in signal.yield() }) }
            for await _ in ready { break }
            http = TestHTTP(port: port)
        }

        func stop() async {
            task.cancel()
            _ = try? await task.value
            try? LocalFileSystem().removeItem(at: work)
        }
    }

    @Test func servesPagesWithTypesHEADAndConditionalGET() async throws {
        let running = try await Running()
        defer { Task { await running.stop() } }
        let http = running.http
        let home = await http.request("/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.body.contains("<script src=\"/__gongbu/reload.js\"></script>\n</body>"))
        let note = await http.request("/notes/pods/")
        #expect(note.status == 200)
        #expect(note.body.contains("data-concept=\"pod\""))
        #expect(await http.request("/notes/pods").status == 301)
        #expect(await http.request("/notes/pods").headers["location"] == "/notes/pods/")
        for (path, type) in [
            ("/assets/gongbu.css", "text/css; charset=utf-8"), ("/assets/search.js", "text/javascript; charset=utf-8"),
            ("/graph.json", "application/json; charset=utf-8"), ("/sitemap.xml", "application/xml; charset=utf-8"),
            ("/notes/files/sample.yaml", "application/yaml; charset=utf-8"), ("/assets/extra.css", "text/css; charset=utf-8"),
        ] {
            let response = await http.request(path)
            #expect(response.status == 200, "\(path)")
            #expect(response.headers["content-type"] == type, "\(path)")
        }
        let head = await http.request("/notes/pods/", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["content-length"] == String(note.body.utf8.count))
        let tag = try #require(note.headers["etag"])
        #expect(await http.request("/notes/pods/", headers: ["If-None-Match": tag]).status == 304)
        let missing = await http.request("/no/such/page/")
        #expect(missing.status == 404)
        #expect(missing.body.contains("페이지를 찾을 수 없습니다"))
        #expect(await http.request("/", method: "POST").status == 405)
    }

    /// Every way of climbing out of the site, encoded or not, is refused outright.
    @Test(arguments: [
        ("/../../etc/passwd", 403), ("/notes/../../etc/passwd", 403), ("/%2e%2e/%2e%2e/etc/passwd", 403),
        ("/notes/%2E%2E/%2E%2E/etc/passwd", 403), ("/..%2f..%2fetc%2fpasswd", 403), ("/notes/..\\..\\etc\\passwd", 403),
        ("/notes%2f..%2f..%2f", 403), ("/%00", 403),
    ])
    func refusesTraversal(path: String, status: Int) async throws {
        let running = try await Running()
        defer { Task { await running.stop() } }
        let response = await running.http.request(path)
        #expect(response.status == status, "\(path) → \(response.status)")
        #expect(!response.body.contains("root:"))
    }

    @Test func symlinksLeadingOutAreNotServed() async throws {
        let running = try await Running()
        defer { Task { await running.stop() } }
        let outside = running.work + "/secret.txt"
        try LocalFileSystem().writeString("root:x:0:0", to: outside)
        try FileManager.default.createSymbolicLink(atPath: running.work + "/site/content/leak.txt", withDestinationPath: outside)
        _ = running.server.build.rebuildAll()
        let response = await running.http.request("/leak.txt")
        #expect(response.status == 404)
        #expect(!response.body.contains("root:"))
    }

    @Test func editingANoteReloadsPagesAndErrorsShowAnOverlay() async throws {
        let running = try await Running()
        defer { Task { await running.stop() } }
        let http = running.http
        let events = http.events()
        #expect(await events.wait(for: "event: ok"))
        let path = running.work + "/site/content/notes/pods.md"
        let original = String(decoding: try LocalFileSystem().readFile(at: path), as: UTF8.self)
        try LocalFileSystem().writeString(original + "\n새로 추가한 문장이다.\n", to: path)
        #expect(await events.wait(for: "event: reload"))
        #expect(await http.request("/notes/pods/").body.contains("새로 추가한 문장이다."))

        // A broken note: the errors go to the page, the last good page stays served.
        try LocalFileSystem().writeString("---\ntitle: [broken\n---\n본문\n", to: path)
        #expect(await events.wait(for: "event: errors"))
        #expect(events.received.contains("content/notes/pods.md:3:1: error: invalid front matter YAML"))
        #expect(await http.request("/notes/pods/").body.contains("새로 추가한 문장이다."))

        // Fixed: the overlay clears and the page reloads with the new text.
        try LocalFileSystem().writeString(original + "\n고친 뒤의 문장.\n", to: path)
        #expect(await events.wait(for: "event: ok"))
        #expect(await events.wait(for: "event: reload"))
        #expect(await http.request("/notes/pods/").body.contains("고친 뒤의 문장."))

        // Deleting the note removes its page.
        try LocalFileSystem().removeItem(at: path)
        #expect(await events.wait(for: "event: reload"))
        #expect(await http.request("/notes/pods/").status == 404)
    }

    @Test func theReloadScriptIsOnlyInServeMode() throws {
        // A plain build of the same site: no page loads the reload script.
        let output = ScratchFolder("gongbu-serve-build")
        defer { output.remove() }
        let report = TestBuild.run(source: TestPaths.fixture("glossary-site"), output: output.join("public"))
        #expect(report.succeeded, "\(report.diagnostics)")
        let pages = TreeSnapshot.read(output.join("public")).filter { $0.key.hasSuffix(".html") }
        #expect(pages.count == report.pages)
        for (path, bytes) in pages {
            #expect(!String(decoding: bytes, as: UTF8.self).contains("__gongbu"), "\(path)")
        }
        #expect(SiteResponder.outputPath(forRequestPath: "/") == "index.html")
        #expect(SiteResponder.outputPath(forRequestPath: "/notes/%ED%8C%8C%EB%93%9C/") == "notes/파드/index.html")
        #expect(SiteResponder.outputPath(forRequestPath: "/a/./b") == "a/b")
        #expect(SiteResponder.outputPath(forRequestPath: "/a/%2e%2e/b") == nil)
    }

    @Test func reportsATakenPort() async throws {
        let running = try await Running()
        defer { Task { await running.stop() } }
        #expect(!PreviewServer.isFree(host: "127.0.0.1", port: running.port))
        #expect(PreviewServer.nextFreePort(host: "127.0.0.1", after: running.port) != nil)
    }
}
