import Build
import Content
import Foundation
import GongbuCore
import Hummingbird
import Logging
import NIOCore
import Site

/// `gongbu serve`: builds the site into memory, serves it, watches the source and rebuilds
/// what changed, telling open pages to reload (or showing the errors over them).
public final class PreviewServer: @unchecked Sendable {
    public let build: IncrementalBuild
    public let events = EventHub()
    let host: String
    let port: Int
    let log: @Sendable (String) -> Void

    public init(options: BuildOptions, generatorVersion: String, host: String, port: Int, log: @escaping @Sendable (String) -> Void) {
        self.build = IncrementalBuild(options: options, generatorVersion: generatorVersion)
        self.host = host
        self.port = port
        self.log = log
    }

    /// Publishes the state after a (re)build to open pages.
    public func announce(_ update: IncrementalBuild.Update) {
        if update.hasErrors {
            let lines = (update.fatal.map { [$0] } ?? []) + update.diagnostics.filter { $0.severity == .error }.map(\.description)
            events.publish(PreviewEvent(name: "errors", data: JSONText.encode(["errors": lines], pretty: false)))
        } else {
            events.publish(PreviewEvent(name: "ok", data: "{}"))
            if !update.changed.isEmpty || !update.removed.isEmpty {
                events.publish(
                    PreviewEvent(name: "reload", data: JSONText.encode(["changed": Array(update.changed.prefix(50))], pretty: false)))
            }
        }
    }

    /// Applies the watcher's changes, forever, until cancelled.
    func watch() async {
        let options = build.options
        let watcher = FileWatcher(
            roots: [
                Path.join(options.sourceRoot, SourceLayout.contentFolder), Path.join(options.sourceRoot, SourceLayout.templatesFolder),
                Path.join(options.sourceRoot, SiteConfig.fileName),
            ]
                + (LocalFileSystem().isDirectory(Path.join(options.sourceRoot, SourceLayout.contentFolder)) ? [] : [options.sourceRoot]),
            ignored: [options.outputRoot])
        while !Task.isCancelled {
            let changed = watcher.changes()
            if !changed.isEmpty {
                let update = build.update(changedPaths: changed)
                let names = changed.map { Path.relative($0, to: options.sourceRoot) }.prefix(3).joined(separator: ", ")
                if update.hasErrors {
                    log("✗ \(names): \(update.diagnostics.errors.count) error(s); still serving the last good site")
                    for diagnostic in update.diagnostics.errors.prefix(10) { log("  " + diagnostic.description) }
                } else {
                    let kind = update.full ? "Rebuilt everything" : "Rebuilt \(update.changed.count) file(s)"
                    log("↻ \(names): \(kind) in \(String(format: "%.0f", update.seconds * 1000)) ms")
                }
                announce(update)
            }
            try? await Task.sleep(nanoseconds: 40_000_000)
        }
    }

    /// Serves until Ctrl-C (SIGINT or SIGTERM) or until the task is cancelled. `onReady`
    /// receives the bound port.
    ///
    /// Signals are handled here rather than by the server's graceful shutdown, because that
    /// would wait for the pages' open event streams, which never end by themselves: the
    /// streams are closed first, then the server stops.
    public func run(handleSignals: Bool = true, onReady: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        var logger = Logger(label: "gongbu.serve")
        logger.logLevel = .critical
        let app = Application(
            responder: SiteResponder(build: build, events: events),
            configuration: .init(address: .hostname(host, port: port), serverName: "gongbu"),
            onServerRunning: { channel in onReady(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            if handleSignals { group.addTask { await Self.waitForInterrupt() } }
            group.addTask { await self.watch() }
            group.addTask { try await app.run() }
            defer {
                events.finishAll()
                group.cancelAll()
            }
            try await group.next()
        }
    }

    /// Returns when the process receives SIGINT or SIGTERM.
    static func waitForInterrupt() async {
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        let sources = [SIGINT, SIGTERM].map { signalNumber -> DispatchSourceSignal in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { continuation.yield() }
            source.resume()
            return source
        }
        await withTaskCancellationHandler {
            for await _ in stream { break }
        } onCancel: {
            continuation.finish()
        }
        for source in sources { source.cancel() }
    }

    /// Whether a TCP port can be bound on `host`, and the next one that can.
    public static func nextFreePort(host: String, after port: Int) -> Int? {
        for candidate in (port + 1)...(port + 50) where isFree(host: host, port: candidate) { return candidate }
        return nil
    }

    public static func isFree(host: String, port: Int) -> Bool {
        #if canImport(Glibc)
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let socketDescriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socketDescriptor >= 0 else { return false }
        defer { close(socketDescriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(host == "localhost" ? "127.0.0.1" : host)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return result == 0
    }
}
