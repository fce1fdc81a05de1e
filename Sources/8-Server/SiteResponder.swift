import Build
import Foundation
import GongbuCore
import Hummingbird
import Site
import Write

/// Answers HTTP requests from the in-memory site of an `IncrementalBuild`.
///
/// Safe by default: only files of the generated site are served; `..` segments (also
/// percent-encoded), backslashes and NUL are refused; files copied from the source are served
/// only when they resolve inside the source folder (no symbolic link leads out). Every page gets
/// the live-reload script; HEAD and conditional GET (ETag) are supported.
public struct SiteResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    let build: IncrementalBuild
    let events: EventHub
    let sourceRoot: String

    public init(build: IncrementalBuild, events: EventHub) {
        self.build = build
        self.events = events
        self.sourceRoot = LocalFileSystem().resolveSymbolicLink(at: build.options.sourceRoot) ?? build.options.sourceRoot
    }

    /// The output path a request path names, or nil when it must be refused.
    public static func outputPath(forRequestPath raw: String) -> String? {
        var path = raw
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<query]) }
        let decoded = path.percentDecoded
        if decoded.utf8.contains(0) || decoded.contains("\\") { return nil }
        var segments: [Substring] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." { return nil }
            segments.append(segment)
        }
        var result = segments.joined(separator: "/")
        if result.isEmpty || decoded.hasSuffix("/") { result += result.isEmpty ? "index.html" : "/index.html" }
        return result
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let rawPath = request.uri.path
        if rawPath == ReloadScript.path {
            return respond(
                bytes: Array(ReloadScript.source.utf8), contentType: "text/javascript; charset=utf-8", request: request, status: .ok)
        }
        if rawPath == ReloadScript.eventsPath {
            return eventStream()
        }
        guard let path = Self.outputPath(forRequestPath: rawPath) else {
            return Response(
                status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "403 Forbidden\n")))
        }
        if let file = build.file(at: path) {
            guard let bytes = read(file) else {
                return Response(
                    status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: "403 Forbidden\n")))
            }
            return respond(bytes: bytes, contentType: ContentTypes.forPath(path), request: request, status: .ok)
        }
        // `notes/pods` without the slash: send the browser to the folder URL, as static hosts do.
        if !rawPath.hasSuffix("/"), build.file(at: path + "/index.html") != nil {
            return Response(status: .movedPermanently, headers: [.location: rawPath + "/"])
        }
        if let notFound = build.file(at: "404.html"), let bytes = read(notFound) {
            return respond(bytes: bytes, contentType: "text/html; charset=utf-8", request: request, status: .notFound)
        }
        return Response(
            status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: "404 Not Found\n")))
    }

    /// The bytes of a site file; files copied from the source only when they are inside it.
    func read(_ file: OutputFile) -> [UInt8]? {
        let fileSystem = LocalFileSystem()
        if case .copy(let source) = file.contents {
            guard let real = fileSystem.resolveSymbolicLink(at: source), Path.isInside(real, sourceRoot) else { return nil }
            return try? OutputFile(path: file.path, contents: .copy(from: real), origin: file.origin).bytes(reading: fileSystem)
        }
        return try? file.bytes(reading: fileSystem)
    }

    func respond(bytes: [UInt8], contentType: String, request: Request, status: HTTPResponse.Status) -> Response {
        var body = bytes
        if contentType.hasPrefix("text/html") { body = Self.injectReloadScript(body) }
        let tag = "\"" + Self.etag(body) + "\""
        var headers: HTTPFields = [.contentType: contentType, .eTag: tag, .cacheControl: "no-cache"]
        if status == .ok, let match = request.headers[.ifNoneMatch],
            match.split(separator: ",").contains(where: {
                $0.trimmingCharacters(in: .whitespaces) == tag || $0.trimmingCharacters(in: .whitespaces) == "*"
            })
        {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(body.count)
        if request.method == .head { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// Adds the reload script before `</body>` (or at the end).
    static func injectReloadScript(_ html: [UInt8]) -> [UInt8] {
        let marker = Array("</body>".utf8)
        let script = Array(ReloadScript.tag.utf8) + [0x0A]
        if html.count >= marker.count {
            var index = html.count - marker.count
            while index >= 0 {
                if html[index] == 0x3C, Array(html[index..<(index + marker.count)]) == marker {
                    return Array(html[..<index]) + script + Array(html[index...])
                }
                index -= 1
            }
        }
        return html + script
    }

    /// FNV-1a, 64 bits, in hex: cheap and stable.
    static func etag(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16)
    }

    func eventStream() -> Response {
        let stream = events.subscribe()
        let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
                for await event in stream {
                    try await writer.write(ByteBuffer(string: event.wireFormat))
                }
                try await writer.finish(nil)
            })
    }
}
