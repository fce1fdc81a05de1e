import ArgumentParser
import Commands
import Foundation
import GongbuCore

struct YAMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yaml",
        abstract: "Print the manifest a kubectl generator command makes, as kubectl --dry-run=client -o yaml would.",
        discussion: """
            Each argument is a command line (`kubectl run …`, `kubectl create deployment|service|configmap|
            secret|job|cronjob|namespace …`, `kubectl expose …`). They are read in order as one story, so
            `expose deployment web` sees the deployment an earlier `create deployment web` made. A command
            gongbu cannot turn into YAML exactly (a flag it does not model, a file to read) is reported on
            standard error, and the exit status is 1.

            Examples:
              gongbu yaml 'kubectl create deployment web --image=nginx:1.27 --replicas=3'
              gongbu yaml 'kubectl create deployment web --image=nginx --port=80' 'kubectl expose deployment web'
              gongbu yaml --json 'kubectl run web --image=nginx'
            """
    )

    @Flag(help: "Print {\"commands\":[{\"command\",\"yaml\"}]}, with null for a command that has no equivalent.")
    var json = false

    @Argument(help: ArgumentHelp("kubectl command lines.", valueName: "command"))
    var commands: [String]

    struct Entry: Encodable {
        var command: String
        var yaml: String?

        enum Keys: String, CodingKey { case command, yaml }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(command, forKey: .command)
            try container.encode(yaml, forKey: .yaml)  // null when there is none
        }
    }

    func run() throws {
        let terminal = Terminal()
        var known: KubectlGenerators.Known = [:]
        var entries: [Entry] = []
        for line in commands {
            let invocations = ShellCommands.kubectlInvocations(in: line, language: "bash")
            guard !invocations.isEmpty else {
                entries.append(Entry(command: line, yaml: nil))
                continue
            }
            for invocation in invocations {
                let made = KubectlGenerators.equivalent(of: invocation, known: known)
                if let made { known["\(made.kind.lowercased())/\(made.name)"] = made.object }
                entries.append(Entry(command: line, yaml: made?.yaml))
            }
        }
        if json {
            struct Output: Encodable { var commands: [Entry] }
            print(JSONText.encode(Output(commands: entries)))
        } else {
            var first = true
            for entry in entries {
                guard let yaml = entry.yaml else {
                    terminal.error("no declarative equivalent for: \(entry.command)")
                    continue
                }
                if !first { print("---") }
                print(yaml, terminator: "")
                first = false
            }
        }
        if entries.contains(where: { $0.yaml == nil }) { throw ExitStatus.contentProblems }
    }
}
