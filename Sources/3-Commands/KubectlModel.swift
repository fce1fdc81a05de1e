import Foundation

/// What gongbu knows about kubectl, generated from kubectl itself
/// (`scripts/generate-kubectl-model.py`, which documents how to refresh it).
///
/// The JSON has the releases it was read from (`versions`, oldest first), the global flags
/// (`kubectl options`) and every command by its path (`"create deployment"`), each with its
/// usage line, aliases, flags and the releases that have it. A flag records its value type
/// (`bool`, `int`, `float`, `duration`, `string`, `list`, `map`, from its default), its short
/// form, whether the help calls it required, the releases whose help lists it (`in`), and
/// the releases that still accept it hidden, with kubectl's deprecation message.
public struct KubectlModel: Sendable, Decodable {
    public struct Flag: Sendable, Decodable {
        public var type: String
        public var `default`: String?
        public var short: String?
        public var required: Bool?
        /// Indices into `versions` of the releases whose help lists the flag.
        public var `in`: [Int]
        /// Releases that accept the flag without listing it (deprecated), and what they say.
        public var hidden: [Int]?
        public var deprecated: [String: String]?

        public var takesValue: Bool { type != "bool" }
    }

    public struct Command: Sendable, Decodable {
        public var usage: String
        public var aliases: [String]
        public var flags: [String: Flag]
        public var `in`: [Int]
    }

    public var versions: [String]
    public var global: [String: Flag]
    public var commands: [String: Command]

    /// The model compiled into the binary.
    public static let shared: KubectlModel = {
        do {
            return try JSONDecoder().decode(KubectlModel.self, from: Data(json.utf8))
        } catch {
            fatalError("the embedded kubectl model does not decode: \(error)")
        }
    }()

    /// The newest release the model knows: what a learner runs today.
    public var newest: Int { versions.count - 1 }

    /// The command at `path`, by name or alias (`create deploy` → `create deployment`).
    public func command(_ path: [String]) -> (key: String, command: Command)? {
        let key = path.joined(separator: " ")
        if let command = commands[key] { return (key, command) }
        guard let last = path.last else { return nil }
        let parent = path.dropLast().joined(separator: " ")
        for (candidate, command) in commands where command.aliases.contains(last) {
            let candidateParent = candidate.split(separator: " ").dropLast().joined(separator: " ")
            if candidateParent == parent { return (candidate, command) }
        }
        return nil
    }

    /// The names of the subcommands of `key` ("" for the top level).
    public func subcommands(of key: String) -> [String] {
        let depth = key.isEmpty ? 1 : key.split(separator: " ").count + 1
        return commands.keys.filter { candidate in
            let parts = candidate.split(separator: " ")
            return parts.count == depth && (key.isEmpty || candidate.hasPrefix(key + " "))
        }.map { String($0.split(separator: " ").last!) }.sorted()
    }
}
