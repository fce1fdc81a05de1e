import GongbuCore

/// A problem in a kubectl command, at the word it is about.
public struct CommandIssue: Sendable, Hashable {
    public enum Severity: String, Sendable { case error, warning }

    public var word: ShellWord
    public var severity: Severity
    /// `kubectl-command`, `kubectl-flag`, `kubectl-value`, `kubectl-required`,
    /// `kubectl-resource`, `kubectl-removed` or `kubectl-deprecated`.
    public var rule: String
    public var message: Message
}

/// Checks kubectl commands against the model of today's kubectl (its newest release), as
/// kubectl itself would parse them: the command and subcommand, every flag, the values they
/// take and the flags a command requires; what older releases had is named with its release.
///
/// ```swift
/// let checker = KubectlChecker()
/// for invocation in ShellCommands.kubectlInvocations(in: "kubectl scale deployment web", language: "bash") {
///     checker.check(invocation)  // kubectl-required: 'kubectl scale' needs --replicas
/// }
/// ```
///
/// A command word kubectl does not know and that is no likely typo of one is taken for a
/// plugin (`kubectl ctx`, `kubectl krew`) and left alone.
public struct KubectlChecker: Sendable {
    public var model: KubectlModel
    /// The release commands are checked against (an index into `model.versions`).
    public var current: Int
    /// The resource types commands may name; resource types are not checked when nil.
    public var resources: KubectlResources?

    /// Checks against `version` ("1.30"): the newest release of the model at or below it, the
    /// newest of all for a version newer than the model (`kubernetes_version: 1.37`).
    public init(model: KubectlModel = .shared, version: String? = nil, resources: KubectlResources? = nil) {
        self.model = model
        self.resources = resources
        current = model.newest
        if let version, ReleaseVersion.key(version).count >= 2 {
            current = ReleaseVersion.newest(in: model.versions, notAfter: version) ?? 0
        }
    }

    var newestVersion: String { model.versions[current] }

    /// - Parameter whole: the command is written out to be run (a code block), so a flag it
    ///   requires must be there; false for a command named in passing (inline code in prose,
    ///   `` `kubectl scale` 명령으로 ``).
    public func check(_ invocation: KubectlInvocation, whole: Bool = true) -> [CommandIssue] {
        let words = invocation.words
        var issues: [CommandIssue] = []
        // 1. The command path, skipping global flags (and their values) before it.
        var path: [String] = []
        var pathWords: [ShellWord] = []
        var index = 0
        while index < words.count {
            let text = words[index].text
            if text == "--" { break }
            if text.hasPrefix("-") {
                index += Self.skipsValue(text, next: index + 1 < words.count ? words[index + 1].text : nil, flags: model.global) ? 2 : 1
                continue
            }
            let candidate = path + [text]
            if model.command(candidate) != nil {
                path = model.command(candidate)!.key.split(separator: " ").map(String.init)
                pathWords.append(words[index])
                index += 1
                continue
            }
            break
        }
        guard !path.isEmpty, let (key, command) = model.command(path) else {
            // The first word is not a kubectl command.
            guard let first = words.first(where: { !$0.text.hasPrefix("-") }), !isPlaceholder(first.text) else { return [] }
            if let removal = KubectlChanges.removedCommands[first.text] {
                issues.append(
                    CommandIssue(
                        word: first, severity: .error, rule: "kubectl-removed",
                        message:
                            "'kubectl \(first.text)' was removed in kubectl \(removal.removedIn); use \(removal.replacement)"
                    ))
            } else if first.text.count >= 4, let near = Suggest.closest(to: first.text, among: model.subcommands(of: "")) {
                issues.append(
                    CommandIssue(
                        word: first, severity: .error, rule: "kubectl-command",
                        message: "unknown kubectl command '\(first.text)' (did you mean '\(near)'?)"))
            }
            return issues
        }
        // 2. Every flag, wherever it is (kubectl takes them before and after the arguments).
        var seen = Set<String>()
        index = 0
        while index < words.count {
            let word = words[index]
            let text = word.text
            if text == "--" { break }
            guard text.hasPrefix("-"), text.count > 1, !isNumber(text) else {
                index += 1
                continue
            }
            let next = index + 1 < words.count ? words[index + 1] : nil
            if text.hasPrefix("--") {
                let body = text.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                let inlineValue = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
                if name.isEmpty || name == "help" {
                    index += 1
                    continue
                }
                guard let flag = command.flags[name] ?? model.global[name] else {
                    issues += unknownFlag(name, word: word, commandKey: key, command: command)
                    index += 1
                    continue
                }
                seen.insert(name)
                issues += deprecation(of: name, flag: flag, word: word, commandKey: key)
                if flag.takesValue && inlineValue == nil {
                    if let next, isValue(next.text) {
                        issues += valueIssues(name, flag: flag, value: next)
                        index += 2
                    } else {
                        // Named in passing (`` `kubectl apply -f` ``), a flag needs no value.
                        if whole {
                            issues.append(
                                CommandIssue(
                                    word: word, severity: .error, rule: "kubectl-value",
                                    message: "--\(name) needs a value (\(describe(flag)))"))
                        }
                        index += 1
                    }
                    continue
                }
                if let inlineValue {
                    issues += valueIssues(name, flag: flag, value: ShellWord(text: inlineValue, line: word.line, column: word.column))
                }
                index += 1
                continue
            }
            // Short flags, possibly grouped (`-it`), the last one taking a value (`-n default`, `-ndefault`).
            let letters = Array(text.dropFirst())
            var consumedNext = false
            var position = 0
            while position < letters.count {
                let letter = String(letters[position])
                guard let (name, flag) = shortFlag(letter, command: command) else {
                    issues.append(
                        CommandIssue(
                            word: word, severity: .error, rule: "kubectl-flag",
                            message: "'kubectl \(key)' has no flag -\(letter)"))
                    break
                }
                seen.insert(name)
                if flag.takesValue {
                    let rest = String(letters[(position + 1)...]).drop { $0 == "=" }
                    if !rest.isEmpty {
                        issues += valueIssues(name, flag: flag, value: ShellWord(text: String(rest), line: word.line, column: word.column))
                    } else if let next, isValue(next.text) {
                        issues += valueIssues(name, flag: flag, value: next)
                        consumedNext = true
                    } else if whole {
                        issues.append(
                            CommandIssue(
                                word: word, severity: .error, rule: "kubectl-value",
                                message: "-\(letter) (--\(name)) needs a value (\(describe(flag)))"))
                    }
                    break
                }
                position += 1
            }
            index += consumedNext ? 2 : 1
        }
        // 3. `exec POD COMMAND` without the `--` kubectl now insists on.
        if key == "exec", !invocation.words.contains(where: { $0.text == "--" }) {
            let arguments = CommandStory.positionals(invocation, model: model).dropFirst(path.count)
            if arguments.count > 1, let command = arguments.dropFirst().first {
                let removedIn = KubectlChanges.execWithoutDashesRemovedIn
                let removed = !ReleaseVersion.precedes(newestVersion, removedIn)
                issues.append(
                    CommandIssue(
                        word: command, severity: removed ? .error : .warning, rule: removed ? "kubectl-removed" : "kubectl-deprecated",
                        message: removed
                            ? "'kubectl exec POD COMMAND' was removed in kubectl \(removedIn); put -- before the command: kubectl exec POD -- \(command.text)"
                            : "'kubectl exec POD COMMAND' is deprecated; put -- before the command: kubectl exec POD -- \(command.text)"))
            }
        }
        // 4. The resource types it names.
        if let resources { issues += resourceIssues(key: key, depth: path.count, invocation: invocation, resources: resources) }
        // 5. Flags the command requires.
        guard whole else { return issues }
        for (name, flag) in command.flags.filter({ $0.value.required == true }).sorted(by: { $0.key < $1.key })
        where flag.in.contains(current) && !seen.contains(name) {
            issues.append(
                CommandIssue(
                    word: pathWords.last ?? invocation.kubectl, severity: .error, rule: "kubectl-required",
                    message: "'kubectl \(key)' needs --\(name)"))
        }
        return issues
    }

    /// Commands whose first argument is a resource type (`get pods`, `get svc,po`,
    /// `describe deploy/web`), and those that take `TYPE/NAME` in place of a pod's name.
    static let typeFirst: Set<String> = [
        "get", "describe", "delete", "edit", "label", "annotate", "patch", "explain", "scale", "autoscale", "expose", "wait",
        "taint", "rollout status", "rollout history", "rollout undo", "rollout restart", "rollout pause", "rollout resume",
        "set image", "set env", "set resources", "set selector", "set serviceaccount", "set subject",
    ]
    static let typeWithName: Set<String> = ["logs", "exec", "port-forward", "attach"]

    /// An unknown resource type that is a likely typo of a built-in one (a type kubectl does not
    /// know may be a custom resource, so only near misses are named), and a type today's
    /// Kubernetes no longer serves.
    func resourceIssues(key: String, depth: Int, invocation: KubectlInvocation, resources: KubectlResources) -> [CommandIssue] {
        let arguments = CommandStory.positionals(invocation, model: model).dropFirst(depth)
        var named: [(type: String, word: ShellWord)] = []
        for (offset, word) in arguments.enumerated() where !isPlaceholder(word.text) {
            let text = word.text
            if let slash = text.firstIndex(of: "/") {
                if Self.typeFirst.contains(key) || Self.typeWithName.contains(key) { named.append((String(text[..<slash]), word)) }
            } else if offset == 0, Self.typeFirst.contains(key) {
                let types =
                    key == "explain"
                    ? [text.split(separator: ".").first.map(String.init) ?? text] : text.split(separator: ",").map(String.init)
                named += types.map { ($0, word) }
            }
        }
        var issues: [CommandIssue] = []
        for (type, word) in named where !type.isEmpty && type.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }) {
            if let resource = resources.resource(named: type) {
                guard !resource.served, let last = resource.lastServed else { continue }
                issues.append(
                    CommandIssue(
                        word: word, severity: .warning, rule: "kubectl-removed",
                        message: "\(resource.kind) is no longer served: Kubernetes \(last) was the last release with it"))
                continue
            }
            let name = type.split(separator: ".").first.map { String($0).lowercased() } ?? type
            guard name.count >= 5, let near = Suggest.closest(to: name, among: resources.fullNames), near.first == name.first else {
                continue
            }
            issues.append(
                CommandIssue(
                    word: word, severity: .error, rule: "kubectl-resource",
                    message: "unknown resource type '\(type)' (did you mean '\(near)'?)"))
        }
        return issues
    }

    func unknownFlag(_ name: String, word: ShellWord, commandKey key: String, command: KubectlModel.Command) -> [CommandIssue] {
        if let removal = KubectlChanges.removedFlags[key]?[name] {
            return [
                CommandIssue(
                    word: word, severity: .error, rule: "kubectl-removed",
                    message: "--\(name) of 'kubectl \(key)' was removed in kubectl \(removal.removedIn); use \(removal.replacement)")
            ]
        }
        if let flag = command.flags[name] {
            let last = (flag.in + (flag.hidden ?? [])).max() ?? 0
            return [
                CommandIssue(
                    word: word, severity: .error, rule: "kubectl-removed",
                    message: "--\(name) of 'kubectl \(key)' is gone: kubectl \(model.versions[last]) was the last release with it")
            ]
        }
        let candidates = Array(command.flags.keys) + Array(model.global.keys)
        let hint = Suggest.closest(to: name, among: candidates).map { " (did you mean --\($0)?)" } ?? ""
        return [CommandIssue(word: word, severity: .error, rule: "kubectl-flag", message: "'kubectl \(key)' has no flag --\(name)\(hint)")]
    }

    func deprecation(of name: String, flag: KubectlModel.Flag, word: ShellWord, commandKey key: String) -> [CommandIssue] {
        guard !flag.in.contains(current), flag.hidden?.contains(current) == true else { return [] }
        let said = flag.deprecated?[newestVersion] ?? "it will be removed"
        return [
            CommandIssue(
                word: word, severity: .warning, rule: "kubectl-deprecated",
                message: "--\(name) of 'kubectl \(key)' is deprecated (kubectl \(newestVersion): \(said))")
        ]
    }

    func valueIssues(_ name: String, flag: KubectlModel.Flag, value: ShellWord) -> [CommandIssue] {
        let text = value.text
        guard !isPlaceholder(text) else { return [] }
        let valid: Bool
        switch flag.type {
        case "int": valid = Int(text) != nil
        case "float": valid = Double(text) != nil
        case "bool": valid = ["true", "false"].contains(text.lowercased())
        case "duration": valid = isDuration(text)
        default: valid = true
        }
        guard !valid else { return [] }
        return [
            CommandIssue(
                word: value, severity: .error, rule: "kubectl-value",
                message: "--\(name) takes \(describe(flag)), not '\(text)'")
        ]
    }

    func describe(_ flag: KubectlModel.Flag) -> Message {
        switch flag.type {
        case "int": "a whole number"
        case "float": "a number"
        case "bool": "true or false"
        case "duration": "a duration such as 30s or 5m"
        case "list": "a value, and may be repeated"
        case "map": "key=value pairs"
        default: "a value"
        }
    }

    func shortFlag(_ letter: String, command: KubectlModel.Command) -> (String, KubectlModel.Flag)? {
        if let found = command.flags.first(where: { $0.value.short == letter && $0.value.in.contains(current) }) {
            return (found.key, found.value)
        }
        if let found = model.global.first(where: { $0.value.short == letter }) { return (found.key, found.value) }
        return nil
    }

    /// Whether `flags` has the flag a word names (`--context`, `-n`).
    static func names(_ text: String, in flags: [String: KubectlModel.Flag]) -> Bool {
        if text.hasPrefix("--") { return flags[String(text.dropFirst(2).prefix { $0 != "=" })] != nil }
        guard text.count >= 2 else { return false }
        let letter = String(text.dropFirst().prefix(1))
        return flags.values.contains { $0.short == letter }
    }

    /// Whether a flag word takes the next word as its value (`-n default`, `--context x`).
    static func skipsValue(_ text: String, next: String?, flags: [String: KubectlModel.Flag]) -> Bool {
        guard next != nil, !text.contains("=") else { return false }
        if text.hasPrefix("--") { return flags[String(text.dropFirst(2))]?.takesValue ?? false }
        guard text.count == 2 else { return false }
        let letter = String(text.dropFirst())
        return flags.values.contains { $0.short == letter && $0.takesValue }
    }

    /// A value the note leaves to the reader: `<pod>`, `$NAME`, `${N}`, `{{…}}`, `POD_NAME`, `…`.
    func isPlaceholder(_ text: String) -> Bool {
        text.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "$") || $0 == UInt8(ascii: "{") })
            || ByteSearch.contains(text, "…") || ByteSearch.contains(text, "...")
            || (text.count > 1 && text.allSatisfy { $0.isUppercase || $0 == "_" || $0.isNumber })
    }

    func isNumber(_ text: String) -> Bool { Double(text) != nil }

    /// A word that can be a flag's value: not a flag itself, though a negative number and
    /// `-` (standard input, `-f -`) are values.
    func isValue(_ text: String) -> Bool { !text.hasPrefix("-") || text == "-" || isNumber(text) }

    func isDuration(_ text: String) -> Bool {
        if text == "0" { return true }
        var rest = Substring(text)
        guard !rest.isEmpty else { return false }
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isNumber || $0 == "." }
            guard !digits.isEmpty else { return false }
            rest = rest.dropFirst(digits.count)
            let unit = rest.prefix { $0.isLetter }
            guard ["ns", "us", "µs", "ms", "s", "m", "h"].contains(String(unit)) else { return false }
            rest = rest.dropFirst(unit.count)
        }
        return true
    }
}
