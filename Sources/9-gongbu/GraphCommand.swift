import ArgumentParser
import Build
import Foundation
import GongbuCore
import Site

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the knowledge graph: concepts, notes and the links between them.",
        discussion: """
            The JSON form is the site's graph.json: concepts, notes, and edges whose kind is
            mentions, wikilink, related or a relation name (requires, manages, part-of, selects,
            uses, exposes, kind-of). The DOT form can be drawn with Graphviz.

            Examples:
              gongbu graph > graph.json
              gongbu graph --format dot | dot -Tsvg > graph.svg
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, dot
    }

    @OptionGroup var sourceOptions: SourceOptions

    @Option(name: .long, help: "Output format: json or dot.")
    var format: Format = .json

    func run() throws {
        let terminal = Terminal()
        let sourceRoot = sourceOptions.sourceRoot
        let (analysis, report) = try analyseSource(sourceRoot, terminal: terminal)
        terminal.report(report.diagnostics.sortedForDisplay(), sourceRoot: sourceRoot)
        guard let analysis else { throw ExitStatus.usageOrIO }
        switch format {
        case .json: print(GraphExport.json(analysis.model, urls: analysis.urls), terminator: "")
        case .dot: print(GraphExport.dot(analysis.model), terminator: "")
        }
        if report.diagnostics.hasErrors { throw ExitStatus.contentProblems }
    }
}
