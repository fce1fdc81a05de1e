import GongbuCore
import Yams

/// A YAML problem in a manifest, at its position in the YAML text.
public struct ManifestSyntaxError: Error, Sendable, Hashable {
    public var message: String
    public var position: YAMLPosition
}

/// One YAML document of a stream, read into a `ManifestNode`.
public struct ParsedDocument: Sendable {
    /// 1-based index of the document in its stream.
    public var index: Int
    public var root: ManifestNode?
    /// Where the document starts, for messages about the document as a whole.
    public var position: YAMLPosition
}

/// Reads manifest YAML streams (`---`-separated documents) with positions, YAML 1.1 scalars and
/// merge keys, within limits that keep hostile input from exhausting memory or the stack.
public enum ManifestParser {
    /// A stream larger than this is refused (the API server's own limit is about 1.5 MB per object).
    public static let maximumBytes = 3 * 1024 * 1024
    /// Nodes per document after aliases are expanded ("billion laughs" stops here).
    public static let maximumNodes = 200_000
    /// Nesting depth of collections.
    public static let maximumDepth = 100

    public static func parse(_ text: String) -> Result<[ParsedDocument], ManifestSyntaxError> {
        if text.utf8.count > maximumBytes {
            return .failure(
                ManifestSyntaxError(
                    message: "YAML is \(text.utf8.count) bytes, more than the limit of \(maximumBytes) bytes",
                    position: YAMLPosition(line: 1, column: 1)))
        }
        if let problem = YAMLLimits.nestingProblem(in: text, limit: maximumDepth) {
            return .failure(
                ManifestSyntaxError(
                    message: "YAML nests deeper than the limit of \(maximumDepth) levels",
                    position: YAMLPosition(line: problem.line, column: problem.column)))
        }
        var documents: [ParsedDocument] = []
        do {
            let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            var index = 0
            while let node = try parser.nextRoot() {
                index += 1
                var budget = maximumNodes
                let position = YAMLPosition(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
                let root = try convert(node, depth: 0, budget: &budget)
                documents.append(ParsedDocument(index: index, root: root.isEmptyDocument ? nil : root, position: position))
            }
        } catch let error as ManifestSyntaxError {
            return .failure(error)
        } catch let error as YamlError {
            return .failure(describe(error))
        } catch {
            return .failure(ManifestSyntaxError(message: "\(error)", position: YAMLPosition(line: 1, column: 1)))
        }
        return .success(documents)
    }

    static func describe(_ error: YamlError) -> ManifestSyntaxError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = problem
            if let context { message += " (\(context.text) that started at line \(context.mark.line), column \(context.mark.column))" }
            return ManifestSyntaxError(message: message, position: YAMLPosition(line: mark.line, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ManifestSyntaxError(
                message: "duplicate key \(keys) in a mapping",
                position: YAMLPosition(line: context.mark.line, column: context.mark.column))
        case .reader(let problem, _, _, _):
            return ManifestSyntaxError(message: problem, position: YAMLPosition(line: 1, column: 1))
        default:
            return ManifestSyntaxError(message: "\(error)", position: YAMLPosition(line: 1, column: 1))
        }
    }

    static func position(_ node: Node) -> YAMLPosition {
        YAMLPosition(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    static func convert(_ node: Node, depth: Int, budget: inout Int) throws -> ManifestNode {
        budget -= 1
        if budget < 0 {
            throw ManifestSyntaxError(
                message:
                    "the document expands to more than \(maximumNodes) values (limit \(maximumNodes)); are aliases expanding exponentially?",
                position: position(node))
        }
        if depth > maximumDepth {
            throw ManifestSyntaxError(message: "YAML nests deeper than the limit of \(maximumDepth) levels", position: position(node))
        }
        switch node {
        case .scalar(let scalar):
            // Explicit tags (`!!int "3"`) decide; otherwise only plain scalars are resolved.
            let value: ManifestScalar
            switch scalar.tag.rawValue {
            case "tag:yaml.org,2002:int": value = ScalarResolver.integer(scalar.string) ?? .string(scalar.string)
            case "tag:yaml.org,2002:float": value = ScalarResolver.float(scalar.string).map(ManifestScalar.double) ?? .string(scalar.string)
            case "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null":
                value = ScalarResolver.resolve(plain: scalar.string)
            default:
                value = scalar.style == .plain ? ScalarResolver.resolve(plain: scalar.string) : .string(scalar.string)
            }
            return .scalar(value, position(node))
        case .sequence(let sequence):
            var items: [ManifestNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence { items.append(try convert(item, depth: depth + 1, budget: &budget)) }
            return .list(items, position(node))
        case .mapping(let mapping):
            var fields: [ManifestField] = []
            var merged: [ManifestField] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw ManifestSyntaxError(
                        message: "a mapping key must be a plain value, not a list or mapping", position: position(key))
                }
                if keyScalar.string == "<<" && keyScalar.style == .plain {
                    // Merge key: fields of the referenced mapping(s) that are not set here.
                    let sources: [Node]
                    switch value {
                    case .mapping: sources = [value]
                    case .sequence(let sequence): sources = Array(sequence)
                    default:
                        throw ManifestSyntaxError(
                            message: "a merge key (<<) needs a mapping or a list of mappings", position: position(value))
                    }
                    for source in sources {
                        let converted = try convert(source, depth: depth + 1, budget: &budget)
                        guard case .map(let sourceFields, _) = converted else {
                            throw ManifestSyntaxError(
                                message: "a merge key (<<) needs a mapping or a list of mappings", position: position(source))
                        }
                        for field in sourceFields where !merged.contains(where: { $0.key == field.key }) { merged.append(field) }
                    }
                    continue
                }
                let converted = try convert(value, depth: depth + 1, budget: &budget)
                fields.append(ManifestField(key: keyScalar.string, keyPosition: position(key), value: converted))
            }
            for field in merged where !fields.contains(where: { $0.key == field.key }) { fields.append(field) }
            return .map(fields, position(node))
        case .alias:
            return .scalar(.null, position(node))
        }
    }
}

extension ManifestNode {
    /// `---` followed by nothing, or only a comment: not a document to validate.
    var isEmptyDocument: Bool {
        if case .scalar(.null, _) = self { return true }
        return false
    }
}
