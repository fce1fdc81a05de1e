/// The commands of one note read as one story, in order: what `kubectl run` makes today
/// decides whether the commands after it can work.
///
/// Since kubectl 1.18 `kubectl run NAME` makes only a Pod (before, it made a Deployment), so
/// a later `kubectl expose deployment NAME`, `scale deployment NAME`, `set image
/// deployment/NAME …` or `rollout … deployment/NAME` fails unless something else in the note
/// made that Deployment: `kubectl create deployment NAME`, or any `apply`/`create -f` (whose
/// manifests may hold it).
public struct CommandStory: Sendable {
    /// Pod names made by `kubectl run`, with the command that made them.
    var runPods: [String: KubectlInvocation] = [:]
    var deployments = Set<String>()
    var appliedFiles = false

    public init() {}

    /// Reads one more command; returns a problem when it needs a Deployment that `run` did not make.
    public mutating func read(_ invocation: KubectlInvocation, model: KubectlModel = .shared) -> CommandIssue? {
        let positionals = Self.positionals(invocation, model: model)
        guard let verb = positionals.first?.text else { return nil }
        switch verb {
        case "run":
            if positionals.count > 1 { runPods[positionals[1].text] = invocation }
            return nil
        case "create" where positionals.count > 2 && ["deployment", "deploy"].contains(positionals[1].text):
            deployments.insert(positionals[2].text)
            return nil
        case "apply", "create", "replace":
            if invocation.words.contains(where: { $0.text == "-f" || $0.text.hasPrefix("--filename") || $0.text == "-k" }) {
                appliedFiles = true
            }
            return nil
        case "expose", "scale", "set", "rollout", "autoscale":
            // The deployment it names: `deployment NAME`, `deploy NAME` or `deployment/NAME`.
            var target: (name: String, word: ShellWord)?
            for (index, word) in positionals.enumerated() {
                let text = word.text
                if ["deployment", "deployments", "deploy"].contains(text), index + 1 < positionals.count {
                    target = (positionals[index + 1].text, positionals[index + 1])
                    break
                }
                for prefix in ["deployment/", "deployments/", "deploy/", "deployment.apps/"] where text.hasPrefix(prefix) {
                    target = (String(text.dropFirst(prefix.count)), word)
                }
                if target != nil { break }
            }
            guard let target, !appliedFiles, !deployments.contains(target.name), let run = runPods[target.name] else { return nil }
            let image = run.words.first { $0.text.hasPrefix("--image=") }.map { " " + $0.text } ?? " --image=IMAGE"
            let port = run.words.first { $0.text.hasPrefix("--port=") }.map { " " + $0.text } ?? ""
            return CommandIssue(
                word: target.word, severity: .error, rule: "kubectl-run-pod",
                message:
                    "'kubectl run \(target.name)' makes a Pod since kubectl \(KubectlChanges.runMakesOnlyAPodSince), not a Deployment, so there is no deployment '\(target.name)' here; make one with 'kubectl create deployment \(target.name)\(image)\(port)'"
            )
        default:
            return nil
        }
    }

    /// The words that are not flags or flag values: a flag's value is skipped when the model
    /// says the flag takes one (the global flags, then the command's once it is named).
    static func positionals(_ invocation: KubectlInvocation, model: KubectlModel) -> [ShellWord] {
        let words = invocation.words
        var result: [ShellWord] = []
        var commandFlags: [String: KubectlModel.Flag] = [:]
        var index = 0
        while index < words.count {
            let text = words[index].text
            if text == "--" { break }
            if text.hasPrefix("-"), text != "-" {
                let next = index + 1 < words.count ? words[index + 1].text : nil
                // A global flag wins over a command's flag of the same name, as when merged.
                let flags = KubectlChecker.names(text, in: model.global) ? model.global : commandFlags
                let skips = KubectlChecker.skipsValue(text, next: next, flags: flags)
                index += skips ? 2 : 1
                continue
            }
            result.append(words[index])
            if result.count <= 2, let command = model.command(result.map(\.text)) { commandFlags = command.command.flags }
            index += 1
        }
        return result
    }
}
