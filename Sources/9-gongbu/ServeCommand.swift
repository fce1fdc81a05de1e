import ArgumentParser
import Build
import Foundation
import GongbuCore
import Server

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site with live reload while you write.",
        discussion: """
            Builds the site into memory, serves it, and watches content/, templates/ and gongbu.yml.
            Saving a note re-renders that note and the pages that show it, and open pages reload.
            A file with errors shows them over the page, while the last good site stays served.
            Nothing is written to disk.

            Examples:
              gongbu serve
              gongbu serve --open --port 8080
              gongbu serve --source ~/study --drafts

            Exit codes: 0 after Ctrl-C, 2 when the port is taken or the source folder is missing.
            """
    )

    @OptionGroup var sourceOptions: SourceOptions

    @Option(name: .long, help: "Address to listen on (default 127.0.0.1: only this computer).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on.")
    var port = 1313

    @Flag(name: .long, help: "Open the site in the default browser.")
    var open = false

    @Flag(name: .long, help: "Include notes marked `draft: true`.")
    var drafts = false

    func run() async throws {
        let terminal = Terminal()
        let sourceRoot = sourceOptions.sourceRoot
        guard LocalFileSystem().isDirectory(sourceRoot) else {
            terminal.error("source folder \(sourceRoot) does not exist or is not a folder")
            throw ExitStatus.usageOrIO
        }
        guard port > 0 && port < 65536 else {
            terminal.error("--port must be between 1 and 65535")
            throw ExitStatus.usageOrIO
        }
        if !PreviewServer.isFree(host: host, port: port) {
            let hint = PreviewServer.nextFreePort(host: host, after: port).map { "; port \($0) is free: gongbu serve --port \($0)" } ?? ""
            terminal.error("port \(port) on \(host) is already in use\(hint)")
            throw ExitStatus.usageOrIO
        }
        var options = BuildOptions(
            fileSystem: LocalFileSystem(), sourceRoot: sourceRoot, outputRoot: Path.join(sourceRoot, SourceLayout.defaultOutputFolder),
            homeDirectory: LocalFileSystem.homeDirectory)
        options.includeDrafts = drafts
        let server = PreviewServer(options: options, generatorVersion: Gongbu.version, host: host, port: port) { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        let first = server.build.rebuildAll()
        terminal.report(first.diagnostics, sourceRoot: sourceRoot)
        if let fatal = first.fatal {
            terminal.error(fatal)
            throw ExitStatus.usageOrIO
        }
        FileHandle.standardOutput.write(
            Data(
                "Built \(first.pages) pages (\(first.notes) notes) in \(String(format: "%.2f", first.seconds)) s\(first.hasErrors ? ", with errors shown in the browser" : "")\n"
                    .utf8))
        server.announce(first)
        let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
        let shouldOpen = open
        try await server.run(onReady: { _ in
            FileHandle.standardOutput.write(Data("Serving \(url) — watching content/, templates/ and gongbu.yml (Ctrl-C to stop)\n".utf8))
            if shouldOpen { Self.openBrowser(url) }
        })
        print("Stopped.")
    }

    static func openBrowser(_ url: String) {
        let process = Process()
        #if os(macOS)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
        #else
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open"]
        #endif
        process.arguments = (process.arguments ?? []) + [url]
        try? process.run()
    }
}
