import ArgumentParser

/// The `gongbu` command: Korean study notes → a linked static site.
@main
struct Gongbu: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "gongbu",
        abstract: "Turn a folder of Korean study notes in Markdown into a linked, searchable static site.",
        discussion: """
            Run commands from the folder that holds content/ (and optionally templates/ and gongbu.yml),
            or point at it with --source.

            Examples:
              gongbu build                      Build ./content into ./public
              gongbu serve --open               Preview with live reload at http://127.0.0.1:1313/
              gongbu build --source ~/notes --output /tmp/site
              gongbu graph --format dot       Print the concept graph for Graphviz
              gongbu yaml 'kubectl create deployment web --image=nginx'   The manifest it makes

            Exit codes: 0 success, 1 problems in the notes, 2 usage or I/O errors.
            """,
        version: version,
        subcommands: [
            BuildCommand.self, ServeCommand.self, ValidateCommand.self, SearchCommand.self, GraphCommand.self, RenderCommand.self,
            YAMLCommand.self, CardsCommand.self, StudyCommand.self,
        ]
    )
}
