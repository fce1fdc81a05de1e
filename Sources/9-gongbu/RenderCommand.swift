import ArgumentParser
import Build
import Foundation
import GongbuCore

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print the HTML body of notes exactly as the site shows them.",
        discussion: """
            Each file is read as a note of the site in --source (the current folder by default):
            its concept links, highlighting, sanitized HTML and resolved links are as on its page.
            A file outside the site, or standard input (-), is read as a note at the top of its
            notes folder. Problems go to standard error; the exit status is 1 when there are errors.

            Examples:
              gongbu render content/notes/pods.md
              echo '| 이름 | 설명 |' | gongbu render -
              gongbu render --source ~/study notes/today.md > today.html
            """
    )

    @OptionGroup var sourceOptions: SourceOptions

    @Argument(help: ArgumentHelp("Markdown files to render; - reads standard input.", valueName: "file"))
    var files: [String]

    func run() throws {
        let terminal = Terminal()
        let sourceRoot = sourceOptions.sourceRoot
        let fileSystem = LocalFileSystem()
        let options = BuildOptions(
            fileSystem: fileSystem, sourceRoot: sourceRoot, outputRoot: Path.join(sourceRoot, SourceLayout.defaultOutputFolder),
            homeDirectory: LocalFileSystem.homeDirectory)
        guard let site = Pipeline.load(options, checkSlugs: false) else {
            terminal.error("the source folder \(sourceRoot) does not exist")
            throw ExitStatus.usageOrIO
        }
        var inputs: [NoteRendering.Input] = []
        for file in files {
            if file == "-" {
                let bytes = FileHandle.standardInput.readDataToEndOfFile()
                inputs.append(.init(path: nil, text: String(decoding: bytes, as: UTF8.self)))
                continue
            }
            let path = Path.absolute(file, relativeTo: LocalFileSystem.currentDirectory)
            do {
                let bytes = try fileSystem.readFile(at: path)
                inputs.append(.init(path: path, text: try TextDecoding.decode(bytes).text))
            } catch {
                terminal.error("cannot read \(file): \(error)")
                throw ExitStatus.usageOrIO
            }
        }
        let outputs = NoteRendering.render(inputs, site: site, sourceRoot: sourceRoot)
        for output in outputs { print(output.html, terminator: "") }
        let diagnostics = outputs.flatMap(\.diagnostics)
        terminal.report(diagnostics.sortedForDisplay(), sourceRoot: sourceRoot)
        if diagnostics.hasErrors { throw ExitStatus.contentProblems }
    }
}
