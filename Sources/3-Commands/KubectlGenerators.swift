import Foundation
import GongbuCore

/// A kubectl command's words read as kubectl reads them: the command, its positional
/// arguments, its flags by their long names (short forms resolved), and the words after `--`.
public struct KubectlArguments: Sendable, Hashable {
    public var command: String
    public var positionals: [String]
    /// Each flag as written, in order; a flag that takes no value has nil.
    public var flags: [(name: String, value: String?)]
    public var afterDash: [String]

    public static func == (lhs: KubectlArguments, rhs: KubectlArguments) -> Bool {
        lhs.command == rhs.command && lhs.positionals == rhs.positionals && lhs.afterDash == rhs.afterDash
            && lhs.flags.map(\.name) == rhs.flags.map(\.name) && lhs.flags.map(\.value) == rhs.flags.map(\.value)
    }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(command)
        hasher.combine(positionals)
    }

    /// nil when a word is not one kubectl would accept (an unknown flag, a flag without its value).
    public init?(_ invocation: KubectlInvocation, model: KubectlModel = .shared) {
        var path: [String] = []
        var positionals: [String] = []
        var flags: [(String, String?)] = []
        var afterDash: [String] = []
        var known = model.global
        let words = invocation.words.map(\.text)
        var index = 0
        while index < words.count {
            let text = words[index]
            if text == "--" {
                afterDash = Array(words[(index + 1)...])
                break
            }
            if text.hasPrefix("--") {
                let body = text.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                guard let flag = known[name] ?? model.command(path).flatMap({ $0.command.flags[name] }) else { return nil }
                if body.contains("=") {
                    flags.append((name, String(body.drop { $0 != "=" }.dropFirst())))
                } else if flag.takesValue {
                    guard index + 1 < words.count else { return nil }
                    flags.append((name, words[index + 1]))
                    index += 1
                } else {
                    flags.append((name, nil))
                }
                index += 1
                continue
            }
            if text.hasPrefix("-"), text.count > 1 {
                var letters = Array(text.dropFirst())
                while let letter = letters.first {
                    letters.removeFirst()
                    guard let (name, flag) = known.first(where: { $0.value.short == String(letter) }).map({ ($0.key, $0.value) })
                    else { return nil }
                    if flag.takesValue {
                        var value = String(letters)
                        if value.hasPrefix("=") { value.removeFirst() }
                        if value.isEmpty {
                            guard index + 1 < words.count else { return nil }
                            value = words[index + 1]
                            index += 1
                        }
                        flags.append((name, value))
                        letters = []
                    } else {
                        flags.append((name, nil))
                    }
                }
                index += 1
                continue
            }
            if positionals.isEmpty, let found = model.command(path + [text]) {
                path = found.key.split(separator: " ").map(String.init)
                known.merge(found.command.flags) { global, _ in global }
            } else {
                positionals.append(text)
            }
            index += 1
        }
        guard !path.isEmpty else { return nil }
        self.command = path.joined(separator: " ")
        self.positionals = positionals
        self.flags = flags
        self.afterDash = afterDash
    }

    public func values(_ name: String) -> [String] { flags.filter { $0.name == name }.compactMap(\.value) }
    public func value(_ name: String) -> String? { values(name).last }
    public func has(_ name: String) -> Bool { flags.contains { $0.name == name } }
    /// A boolean flag: given bare or `=true`.
    public func isOn(_ name: String) -> Bool { flags.contains { $0.name == name && ($0.value == nil || $0.value == "true") } }
}

/// What a generator command makes, as `kubectl … --dry-run=client -o yaml` prints it today.
public struct DeclarativeEquivalent: Sendable, Hashable {
    /// `run`, `create deployment`, `expose` …
    public var command: String
    public var kind: String
    public var name: String
    public var object: KubectlYAML
    public var yaml: String { object.text() }
}

/// The objects kubectl's generator commands make, built the way kubectl 1.33 builds them, so a
/// note's `kubectl run`/`create …`/`expose` can be shown with the manifest it amounts to.
///
/// A command is turned into YAML only when gongbu knows every flag it has: a flag these
/// generators do not model, a file the object would be read from (`--from-file`), or a
/// value kubectl would reject gives no equivalent rather than a wrong one.
/// `scripts/kubectl-dry-run-conformance.py` compares the output with kubectl's own.
public enum KubectlGenerators {
    /// Flags any command accepts that do not change the object.
    static let neutral: Set<String> = [
        "dry-run", "output", "validate", "kubeconfig", "context", "cluster", "user", "server", "v", "field-manager", "show-managed-fields",
        "request-timeout", "insecure-skip-tls-verify", "token", "as", "as-group", "cache-dir", "profile", "profile-output",
        "log-flush-frequency", "warnings-as-errors", "match-server-version", "password", "username", "certificate-authority",
        "client-certificate", "client-key", "tls-server-name", "disable-compression", "namespace",
    ]

    /// Objects the note made before, by `kind/name` (`deployment/web`), for `expose`.
    public typealias Known = [String: KubectlYAML]

    public static func equivalent(
        of invocation: KubectlInvocation, known: Known = [:], model: KubectlModel = .shared
    )
        -> DeclarativeEquivalent?
    {
        guard let arguments = KubectlArguments(invocation, model: model) else { return nil }
        return equivalent(of: arguments, known: known)
    }

    public static func equivalent(of arguments: KubectlArguments, known: Known = [:]) -> DeclarativeEquivalent? {
        // A value left to the reader (`<name>`, `$NAME`, `$(…)`) would be written into the YAML as it stands.
        let values = arguments.positionals + arguments.flags.compactMap(\.value) + arguments.afterDash
        guard !values.contains(where: isLeftToTheReader) else { return nil }
        let namespace = arguments.value("namespace")
        func only(_ allowed: Set<String>) -> Bool { arguments.flags.allSatisfy { allowed.contains($0.name) || neutral.contains($0.name) } }
        func metadata(_ name: String, labels: [(String, String)]? = nil, annotations: [(String, String)] = []) -> KubectlYAML {
            var entries: [(String, KubectlYAML)] = [("creationTimestamp", .null), ("name", .string(name))]
            if let labels, !labels.isEmpty { entries.append(("labels", .map(labels.map { ($0.0, .string($0.1)) }))) }
            if !annotations.isEmpty { entries.append(("annotations", .map(annotations.map { ($0.0, .string($0.1)) }))) }
            if let namespace { entries.append(("namespace", .string(namespace))) }
            return .map(entries)
        }
        func made(_ kind: String, _ name: String, _ entries: [(String, KubectlYAML)]) -> DeclarativeEquivalent {
            DeclarativeEquivalent(command: arguments.command, kind: kind, name: name, object: .map(entries))
        }
        let positionals = arguments.positionals
        switch arguments.command {
        case "run":
            guard positionals.count == 1, let image = arguments.value("image"), isImageReference(image),
                only([
                    "image", "port", "labels", "env", "restart", "image-pull-policy", "command", "stdin", "tty", "annotations",
                    "privileged",
                ])
            else { return nil }
            let name = positionals[0]
            guard let labels = pairs(arguments.values("labels").joined(separator: ","), separator: "="),
                let annotations = pairs(arguments.values("annotations").joined(separator: ","), separator: "=")
            else { return nil }
            var container: [(String, KubectlYAML)] = [("image", .string(image)), ("name", .string(name)), ("resources", .map([]))]
            if !arguments.afterDash.isEmpty {
                container.append((arguments.isOn("command") ? "command" : "args", .list(arguments.afterDash.map { .string($0) })))
            }
            var env: [KubectlYAML] = []
            for entry in arguments.values("env") {
                guard let equals = entry.firstIndex(of: "="), equals > entry.startIndex else { return nil }
                // An empty value is left out, as Go's `omitempty` does.
                let value = String(entry[entry.index(after: equals)...])
                var variable: [(String, KubectlYAML)] = [("name", .string(String(entry[..<equals])))]
                if !value.isEmpty { variable.append(("value", .string(value))) }
                env.append(.map(variable))
            }
            if !env.isEmpty { container.append(("env", .list(env))) }
            if let port = arguments.value("port") {
                guard let number = Int(port) else { return nil }
                if number >= 0 { container.append(("ports", .list([.map([("containerPort", .int(number))])]))) }
            }
            if let policy = arguments.value("image-pull-policy"), !policy.isEmpty { container.append(("imagePullPolicy", .string(policy))) }
            if arguments.isOn("stdin") { container.append(("stdin", .bool(true))) }
            if arguments.isOn("tty") { container.append(("tty", .bool(true))) }
            if arguments.isOn("privileged") { container.append(("securityContext", .map([("privileged", .bool(true))]))) }
            let restart = arguments.value("restart") ?? "Always"
            guard ["Always", "OnFailure", "Never"].contains(restart) else { return nil }
            return made(
                "Pod", name,
                [
                    ("apiVersion", .string("v1")), ("kind", .string("Pod")),
                    ("metadata", metadata(name, labels: labels.isEmpty ? [("run", name)] : labels, annotations: annotations)),
                    (
                        "spec",
                        .map([
                            ("containers", .list([.map(container)])), ("dnsPolicy", .string("ClusterFirst")),
                            ("restartPolicy", .string(restart)),
                        ])
                    ),
                    ("status", .map([])),
                ])

        case "create deployment":
            let images = arguments.values("image")
            guard positionals.count == 1, !images.isEmpty, only(["image", "replicas", "port"]),
                images.count == 1 || arguments.afterDash.isEmpty
            else { return nil }
            let name = positionals[0]
            var containers: [KubectlYAML] = []
            for (index, image) in images.enumerated() {
                var container: [(String, KubectlYAML)] = [
                    ("image", .string(image)), ("name", .string(containerName(image))), ("resources", .map([])),
                ]
                if index == 0, let port = arguments.value("port") {
                    guard let number = Int(port) else { return nil }
                    if number >= 0 { container.append(("ports", .list([.map([("containerPort", .int(number))])]))) }
                }
                if !arguments.afterDash.isEmpty { container.append(("command", .list(arguments.afterDash.map { .string($0) }))) }
                containers.append(.map(container))
            }
            let replicas = arguments.value("replicas").map { Int($0) } ?? 1
            guard let replicas else { return nil }
            let labels = KubectlYAML.map([("app", .string(name))])
            return made(
                "Deployment", name,
                [
                    ("apiVersion", .string("apps/v1")), ("kind", .string("Deployment")),
                    ("metadata", metadata(name, labels: [("app", name)])),
                    (
                        "spec",
                        .map([
                            ("replicas", .int(replicas)), ("selector", .map([("matchLabels", labels)])), ("strategy", .map([])),
                            (
                                "template",
                                .map([
                                    ("metadata", .map([("creationTimestamp", .null), ("labels", labels)])),
                                    ("spec", .map([("containers", .list(containers))])),
                                ])
                            ),
                        ])
                    ),
                    ("status", .map([])),
                ])

        case "create service clusterip", "create service nodeport", "create service loadbalancer", "create service externalname":
            guard positionals.count == 1, only(["tcp", "node-port", "clusterip", "external-name"]) else { return nil }
            let name = positionals[0]
            let type = String(arguments.command.dropFirst("create service ".count))
            let typeName = [
                "clusterip": "ClusterIP", "nodeport": "NodePort", "loadbalancer": "LoadBalancer", "externalname": "ExternalName",
            ][type]!
            var spec: [(String, KubectlYAML)] = [("selector", .map([("app", .string(name))])), ("type", .string(typeName))]
            var ports: [KubectlYAML] = []
            let nodePort = arguments.value("node-port").map { Int($0) }
            if nodePort == .some(nil) { return nil }
            for spec in arguments.values("tcp").flatMap({ $0.split(separator: ",").map(String.init) }) {
                let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                guard (1...2).contains(parts.count), let port = Int(parts[0]) else { return nil }
                var entry: [(String, KubectlYAML)] = [
                    ("name", .string(parts.count == 2 ? "\(parts[0])-\(parts[1])" : parts[0])), ("port", .int(port)),
                    ("protocol", .string("TCP")),
                ]
                let target = parts.count == 2 ? parts[1] : parts[0]
                entry.append(("targetPort", Int(target).map { .int($0) } ?? .string(target)))
                if let nodePort = nodePort ?? nil, nodePort > 0 { entry.append(("nodePort", .int(nodePort))) }
                ports.append(.map(entry))
            }
            switch type {
            case "externalname":
                guard let external = arguments.value("external-name"), !external.isEmpty else { return nil }
                spec.append(("externalName", .string(external)))
            default:
                if let clusterIP = arguments.value("clusterip"), !clusterIP.isEmpty {
                    spec.append(("clusterIP", .string(clusterIP)))
                } else if ports.isEmpty {
                    return nil
                }
            }
            if !ports.isEmpty { spec.append(("ports", .list(ports))) }
            return made(
                "Service", name,
                [
                    ("apiVersion", .string("v1")), ("kind", .string("Service")), ("metadata", metadata(name, labels: [("app", name)])),
                    ("spec", .map(spec)), ("status", .map([("loadBalancer", .map([]))])),
                ])

        case "create configmap", "create secret generic":
            let secret = arguments.command.hasSuffix("generic")
            guard positionals.count == 1, only(secret ? ["from-literal", "type"] : ["from-literal"]) else { return nil }
            let name = positionals[0]
            var data: [(String, KubectlYAML)] = []
            for literal in arguments.values("from-literal") {
                guard let equals = literal.firstIndex(of: "="), equals > literal.startIndex else { return nil }
                let key = String(literal[..<equals])
                let value = String(literal[literal.index(after: equals)...])
                guard !data.contains(where: { $0.0 == key }) else { return nil }
                data.append((key, .string(secret ? Data(value.utf8).base64EncodedString() : value)))
            }
            var entries: [(String, KubectlYAML)] = [
                ("apiVersion", .string("v1")), ("kind", .string(secret ? "Secret" : "ConfigMap")), ("metadata", metadata(name)),
            ]
            if !data.isEmpty { entries.append(("data", .map(data))) }
            if secret, let type = arguments.value("type"), !type.isEmpty { entries.append(("type", .string(type))) }
            return made(secret ? "Secret" : "ConfigMap", name, entries)

        case "create secret docker-registry":
            guard positionals.count == 1, only(["docker-server", "docker-username", "docker-password", "docker-email"]),
                let user = arguments.value("docker-username"), let password = arguments.value("docker-password")
            else { return nil }
            let name = positionals[0]
            let server = arguments.value("docker-server") ?? "https://index.docker.io/v1/"
            var fields = [("username", user), ("password", password)]
            if let email = arguments.value("docker-email"), !email.isEmpty { fields.append(("email", email)) }
            fields.append(("auth", Data("\(user):\(password)".utf8).base64EncodedString()))
            let entry = fields.map { "\(goJSON($0.0)):\(goJSON($0.1))" }.joined(separator: ",")
            let json = "{\"auths\":{\(goJSON(server)):{\(entry)}}}"
            return made(
                "Secret", name,
                [
                    ("apiVersion", .string("v1")), ("kind", .string("Secret")), ("metadata", metadata(name)),
                    ("data", .map([(".dockerconfigjson", .string(Data(json.utf8).base64EncodedString()))])),
                    ("type", .string("kubernetes.io/dockerconfigjson")),
                ])

        case "create job", "create cronjob":
            let cron = arguments.command == "create cronjob"
            guard positionals.count == 1, let image = arguments.value("image"), only(cron ? ["image", "schedule", "restart"] : ["image"])
            else { return nil }
            let name = positionals[0]
            var container: [(String, KubectlYAML)] = [("image", .string(image)), ("name", .string(name)), ("resources", .map([]))]
            if !arguments.afterDash.isEmpty { container.append(("command", .list(arguments.afterDash.map { .string($0) }))) }
            let restart = arguments.value("restart") ?? (cron ? "OnFailure" : "Never")
            let podSpec = KubectlYAML.map([("containers", .list([.map(container)])), ("restartPolicy", .string(restart))])
            let template = KubectlYAML.map([("metadata", .map([("creationTimestamp", .null)])), ("spec", podSpec)])
            if !cron {
                return made(
                    "Job", name,
                    [
                        ("apiVersion", .string("batch/v1")), ("kind", .string("Job")), ("metadata", metadata(name)),
                        ("spec", .map([("template", template)])), ("status", .map([])),
                    ])
            }
            guard let schedule = arguments.value("schedule"), !schedule.isEmpty else { return nil }
            let jobMetadata: [(String, KubectlYAML)] = [("creationTimestamp", .null), ("name", .string(name))]
            return made(
                "CronJob", name,
                [
                    ("apiVersion", .string("batch/v1")), ("kind", .string("CronJob")), ("metadata", metadata(name)),
                    (
                        "spec",
                        .map([
                            ("jobTemplate", .map([("metadata", .map(jobMetadata)), ("spec", .map([("template", template)]))])),
                            ("schedule", .string(schedule)),
                        ])
                    ),
                    ("status", .map([])),
                ])

        case "create namespace":
            guard positionals.count == 1, only([]), namespace == nil else { return nil }
            let name = positionals[0]
            return made(
                "Namespace", name,
                [
                    ("apiVersion", .string("v1")), ("kind", .string("Namespace")),
                    ("metadata", .map([("creationTimestamp", .null), ("name", .string(name))])), ("spec", .map([])), ("status", .map([])),
                ])

        case "expose":
            return expose(arguments, known: known)

        default:
            return nil
        }
    }

    /// `kubectl expose`: a Service that selects what the exposed object selects, on the ports
    /// given or, without `--port`, its pods' container ports.
    static func expose(_ arguments: KubectlArguments, known: Known) -> DeclarativeEquivalent? {
        guard
            arguments.flags.allSatisfy({
                ["port", "target-port", "type", "name", "protocol", "selector", "labels"].contains($0.name) || neutral.contains($0.name)
            }),
            arguments.value("namespace") == nil
        else { return nil }
        var words = arguments.positionals
        if words.count == 1, let slash = words[0].firstIndex(of: "/") {
            words = [String(words[0][..<slash]), String(words[0][words[0].index(after: slash)...])]
        }
        guard words.count == 2, let kind = canonicalKind(words[0]), let object = known["\(kind)/\(words[1])"] else { return nil }
        // What it selects and the ports of its pods.
        var selector: [(String, String)] = []
        var podSpec: KubectlYAML?
        switch kind {
        case "pod":
            selector = labels(object["metadata"]?["labels"])
            podSpec = object["spec"]
        case "service":
            selector = labels(object["spec"]?["selector"])
        case "replicationcontroller":
            selector = labels(object["spec"]?["selector"])
            podSpec = object["spec"]?["template"]?["spec"]
        default:
            guard object["spec"]?["selector"]?["matchExpressions"] == nil else { return nil }
            selector = labels(object["spec"]?["selector"]?["matchLabels"])
            podSpec = object["spec"]?["template"]?["spec"]
        }
        if let given = arguments.value("selector") {
            guard let parsed = pairs(given, separator: "=") else { return nil }
            selector = parsed
        }
        guard !selector.isEmpty else { return nil }
        var ports: [(port: Int, target: KubectlYAML, protocol: String)] = []
        let protocolName = arguments.value("protocol")
        if let port = arguments.value("port") {
            guard let number = Int(port) else { return nil }
            let target = arguments.value("target-port").map { Int($0).map { KubectlYAML.int($0) } ?? .string($0) } ?? .int(number)
            ports.append((number, target, protocolName ?? "TCP"))
        } else {
            guard case .list(let containers) = podSpec?["containers"] ?? .list([]) else { return nil }
            for container in containers {
                guard case .list(let declared) = container["ports"] ?? .list([]) else { continue }
                for entry in declared {
                    guard case .int(let number) = entry["containerPort"] ?? .null else { continue }
                    var proto = "TCP"
                    if case .string(let named) = entry["protocol"] ?? .null { proto = named }
                    let target = arguments.value("target-port").map { Int($0).map { KubectlYAML.int($0) } ?? .string($0) } ?? .int(number)
                    ports.append((number, target, protocolName ?? proto))
                }
            }
            guard !ports.isEmpty else { return nil }
        }
        let name = arguments.value("name") ?? words[1]
        var labelPairs = labels(object["metadata"]?["labels"])
        if let given = arguments.value("labels") {
            guard let parsed = pairs(given, separator: "=") else { return nil }
            labelPairs = parsed
        }
        var portList: [KubectlYAML] = []
        for (index, port) in ports.enumerated() {
            var entry: [(String, KubectlYAML)] = [
                ("port", .int(port.port)), ("protocol", .string(port.protocol)), ("targetPort", port.target),
            ]
            if ports.count > 1 { entry.append(("name", .string("port-\(index + 1)"))) }
            portList.append(.map(entry))
        }
        var spec: [(String, KubectlYAML)] = [
            ("ports", .list(portList)), ("selector", .map(selector.map { ($0.0, .string($0.1)) })),
        ]
        if let type = arguments.value("type"), !type.isEmpty { spec.append(("type", .string(type))) }
        var metadata: [(String, KubectlYAML)] = [("creationTimestamp", .null), ("name", .string(name))]
        if !labelPairs.isEmpty { metadata.append(("labels", .map(labelPairs.map { ($0.0, .string($0.1)) }))) }
        return DeclarativeEquivalent(
            command: arguments.command, kind: "Service", name: name,
            object: .map([
                ("apiVersion", .string("v1")), ("kind", .string("Service")), ("metadata", .map(metadata)), ("spec", .map(spec)),
                ("status", .map([("loadBalancer", .map([]))])),
            ]))
    }

    /// The kinds `expose` takes, by any of their names.
    public static func canonicalKind(_ word: String) -> String? {
        switch word.lowercased().split(separator: ".").first.map(String.init) ?? "" {
        case "pod", "pods", "po": "pod"
        case "service", "services", "svc": "service"
        case "deployment", "deployments", "deploy": "deployment"
        case "replicaset", "replicasets", "rs": "replicaset"
        case "replicationcontroller", "replicationcontrollers", "rc": "replicationcontroller"
        default: nil
        }
    }

    /// The container name `kubectl create deployment` gives an image: its last path part
    /// without tag or digest; a name with `_` or `.` has them made `-` and gets kubectl's
    /// random five-character suffix, shown here as `xxxxx`.
    public static func containerName(_ image: String) -> String {
        var name = image.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? image
        if let colon = name.firstIndex(of: ":") { name = String(name[..<colon]) }
        if let at = name.firstIndex(of: "@") { name = String(name[..<at]) }
        if name.contains("_") || name.contains(".") {
            name = name.replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: ".", with: "-") + "-xxxxx"
        }
        return name
    }

    /// A string as Go's `encoding/json` writes it (which escapes `<`, `>` and `&` too).
    static func goJSON(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}",
                _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `<name>`, `$NAME`, `${NAME}`, `$(…)` or `` `…` `` somewhere in a value.
    static func isLeftToTheReader(_ value: String) -> Bool {
        let characters = Array(value)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "<":
                if let next, next.isLetter || next == "_", characters[(index + 1)...].contains(">") { return true }
            case "$":
                if let next, next.isLetter || next == "_" || next == "{" || next == "(" { return true }
            case "`":
                return true
            default:
                break
            }
        }
        return false
    }

    /// Whether `image` is a well-formed image reference, which `kubectl run` insists on:
    /// `[domain[:port]/]path[:tag][@digest]`, the path in lower-case components joined by
    /// `.`, `_`, `__` or dashes, the tag at most 128 characters of word characters, `.` and `-`.
    /// A component that is a placeholder (`gcr.io/PROJECT_ID/app`) is let through: the YAML
    /// is still what the reader will write, with their own value.
    static func isImageReference(_ image: String) -> Bool {
        var rest = Substring(image)
        if let at = rest.firstIndex(of: "@") {
            let digest = rest[rest.index(after: at)...]
            guard let colon = digest.firstIndex(of: ":"), colon > digest.startIndex,
                digest[digest.index(after: colon)...].count >= 32,
                digest[digest.index(after: colon)...].allSatisfy({ $0.isHexDigit })
            else { return false }
            rest = rest[..<at]
        }
        var parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard let last = parts.last else { return false }
        if let colon = last.lastIndex(of: ":") {
            let tag = last[last.index(after: colon)...]
            guard let first = tag.first, first.isLetter || first.isNumber || first == "_", tag.count <= 128,
                tag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) })
            else { return false }
            parts[parts.count - 1] = last[..<colon]
        }
        // A first part with a dot, a colon or `localhost` is a registry's domain.
        if parts.count > 1, let domain = parts.first, domain.contains(".") || domain.contains(":") || domain == "localhost" {
            guard domain.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-:".contains($0)) }) else { return false }
            parts.removeFirst()
        }
        return !parts.isEmpty
            && parts.allSatisfy { component in
                // A placeholder the note leaves to the reader (`PROJECT_ID`, `$REGISTRY`, `<tag>`).
                if component.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }) || component.contains("$")
                    || component.contains("<")
                {
                    return true
                }
                guard let first = component.first, let end = component.last, first.isLowercase || first.isNumber,
                    end.isLowercase || end.isNumber
                else { return false }
                return component.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || "._-".contains($0)) }
                    && !component.contains("..") && !component.contains("___")
            }
    }

    /// `a=1,b=2` as pairs; nil when one has no separator.
    static func pairs(_ text: String, separator: Character) -> [(String, String)]? {
        var result: [(String, String)] = []
        for part in text.split(separator: ",") {
            guard let index = part.firstIndex(of: separator), index > part.startIndex else { return nil }
            result.append((String(part[..<index]), String(part[part.index(after: index)...])))
        }
        return result
    }

    static func labels(_ value: KubectlYAML?) -> [(String, String)] {
        guard case .map(let entries) = value ?? .null else { return [] }
        return entries.compactMap { key, value in
            if case .string(let text) = value { return (key, text) }
            return nil
        }
    }
}
