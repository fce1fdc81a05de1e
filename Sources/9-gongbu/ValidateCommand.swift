import Analysis
import ArgumentParser
import Build
import Foundation
import GongbuCore
import Manifests

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the Kubernetes manifest examples in notes and YAML files.",
        discussion: """
            Every fenced code block tagged yaml or yml that defines a Kubernetes object is checked
            against the API schema compiled into gongbu and the API server's own rules, and errors
            point at the exact line of the note. Blocks tagged `yaml expect-error` must fail;
            blocks tagged `yaml no-validate` are skipped.

            Examples:
              gongbu validate                          Check every note under content/
              gongbu validate content/notes/pods.md deploy.yaml
              gongbu validate --output junit > report.xml
              gongbu validate --kubernetes-version 1.30

            Exit codes: 0 everything as expected, 1 an example is invalid or an expect-error
            example validates, 2 usage or I/O errors.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, tap, junit
    }

    @Argument(help: ArgumentHelp("Notes, YAML files or folders (default: the site's content/ folder).", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var sourceOptions: SourceOptions

    @Option(name: .long, help: "Output format: text, json, tap or junit.")
    var output: Format = .text

    @Flag(inversion: .prefixedNo, help: "Report unknown fields as errors (the default) or as warnings.")
    var strict = true

    @Option(
        name: .customLong("kubernetes-version"),
        help: ArgumentHelp("Kubernetes version to check against (default: the newest shipped).", valueName: "version"))
    var kubernetesVersion: String?

    @Flag(name: .long, help: "Print only errors and warnings, no summary line.")
    var quiet = false

    func run() throws {
        let terminal = Terminal()
        let schema = KubernetesSchema.shared
        var version = schema.newestVersion
        if let requested = kubernetesVersion {
            guard let resolved = schema.resolveVersion(requested) else {
                terminal.error(
                    "Kubernetes version '\(requested)' is not supported; gongbu ships schemas for \(schema.availableVersions.joined(separator: ", "))"
                )
                throw ExitStatus.usageOrIO
            }
            version = resolved
        }
        let base = terminal.currentDirectory
        var targets = paths.map { Path.absolute($0, relativeTo: base) }
        if targets.isEmpty {
            let root = sourceOptions.sourceRoot
            let content = Path.join(root, SourceLayout.contentFolder)
            targets = [LocalFileSystem().isDirectory(content) ? content : root]
        }
        let run = ValidationRun(
            fileSystem: LocalFileSystem(), paths: targets, displayBase: base,
            options: ValidationOptions(version: version, strict: strict))
        let report = run.run()
        switch output {
        case .text:
            terminal.report(report.diagnostics.sortedForDisplay(), sourceRoot: nil)
            if !quiet { print(report.text(quiet: quiet) + " (Kubernetes \(version))") }
        case .json: print(report.json(), terminator: "")
        case .tap: print(report.tap(), terminator: "")
        case .junit: print(report.junit(), terminator: "")
        }
        if report.problems.contains(where: { $0.rule == "io" }) { throw ExitStatus.usageOrIO }
        if !report.succeeded { throw ExitStatus.contentProblems }
    }
}
