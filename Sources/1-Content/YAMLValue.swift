import GongbuCore
import Yams

/// A YAML value with its scalars resolved by the YAML 1.2 core schema, its key order kept,
/// and the line it came from. Front matter and config are read into this, then into typed fields.
///
/// The pipeline resolves scalar types itself (from the text and quoting style) instead of
/// using Yams' default regular-expression resolver, which is several times slower.
public indirect enum YAMLValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([YAMLValue])
    case map([YAMLEntry])

    /// The scalar as text, whatever its resolved type (`42` -> "42"); nil for lists and maps.
    public var scalarText: String? {
        switch self {
        case .null: nil
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .string(let value): value
        case .list, .map: nil
        }
    }

    /// A short name of the type, for messages such as "expected a string, found a list".
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int: "a number"
        case .double: "a number"
        case .string: "a string"
        case .list: "a list"
        case .map: "a mapping"
        }
    }
}

/// One key of a YAML mapping, with the 1-based line and column of the key.
public struct YAMLEntry: Sendable, Hashable {
    public var key: String
    public var value: YAMLValue
    public var line: Int
    public var column: Int

    public init(key: String, value: YAMLValue, line: Int, column: Int) {
        self.key = key
        self.value = value
        self.line = line
        self.column = column
    }
}

/// Why a YAML text could not be read, with its position inside that text (1-based).
public struct YAMLReadError: Error, Sendable, Hashable {
    /// The problem, without positions.
    public var problem: String
    public var line: Int
    public var column: Int
    /// What the parser was doing, and where it started (`while parsing a flow sequence`, line 2).
    public var context: (text: String, line: Int, column: Int)?

    public init(message: String, line: Int, column: Int, context: (text: String, line: Int, column: Int)? = nil) {
        self.problem = message
        self.line = line
        self.column = column
        self.context = context
    }

    /// The message with context positions shifted by `lineOffset`, so they name lines of the
    /// enclosing file rather than of the YAML fragment.
    public func message(lineOffset: Int = 0) -> String {
        guard let context else { return problem }
        return "\(problem) (\(context.text) that started at line \(context.line + lineOffset), column \(context.column))"
    }

    public var message: String { message() }

    public static func == (lhs: YAMLReadError, rhs: YAMLReadError) -> Bool {
        lhs.problem == rhs.problem && lhs.line == rhs.line && lhs.column == rhs.column
            && lhs.context?.text == rhs.context?.text && lhs.context?.line == rhs.context?.line
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(problem)
        hasher.combine(line)
        hasher.combine(column)
    }
}

public enum YAMLReader {
    /// Bounds that keep hostile input (alias bombs, deep nesting) from exhausting memory or the stack.
    public static let maximumNodes = 100_000
    public static let maximumDepth = 64
    /// Front matter and config are a few hundred bytes; a megabyte is a pasted file, not metadata.
    public static let maximumBytes = 1 << 20

    /// Reads a single YAML document. An empty document is `.null`.
    public static func read(_ text: String) throws(YAMLReadError) -> YAMLValue {
        if text.utf8.count > maximumBytes {
            throw YAMLReadError(
                message: "YAML of \(text.utf8.count / 1024) KB is larger than the limit of \(maximumBytes / 1024) KB", line: 1, column: 1)
        }
        if let problem = YAMLLimits.nestingProblem(in: text, limit: maximumDepth * 2) {
            throw YAMLReadError(
                message: "nesting deeper than the limit of \(maximumDepth) levels", line: problem.line, column: problem.column)
        }
        let node: Node?
        do {
            let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            node = try parser.singleRoot()
        } catch let error as YamlError {
            throw Self.describe(error)
        } catch {
            throw YAMLReadError(message: "\(error)", line: 1, column: 1)
        }
        guard let node else { return .null }
        var budget = maximumNodes
        return try convert(node, depth: 0, budget: &budget)
    }

    static func describe(_ error: YamlError) -> YAMLReadError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return YAMLReadError(
                message: problem, line: mark.line, column: mark.column,
                context: context.map { ($0.text, $0.mark.line, $0.mark.column) })
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return YAMLReadError(message: "duplicate key \(keys) in a mapping", line: context.mark.line, column: context.mark.column)
        case .reader(let problem, _, _, _):
            return YAMLReadError(message: problem, line: 1, column: 1)
        default:
            return YAMLReadError(message: "\(error)", line: 1, column: 1)
        }
    }

    static func convert(_ node: Node, depth: Int, budget: inout Int) throws(YAMLReadError) -> YAMLValue {
        budget -= 1
        let mark = node.mark
        if budget < 0 {
            throw YAMLReadError(
                message: "more than \(maximumNodes) values after expanding aliases (limit \(maximumNodes))",
                line: mark?.line ?? 1, column: mark?.column ?? 1)
        }
        if depth > maximumDepth {
            throw YAMLReadError(
                message: "nesting deeper than the limit of \(maximumDepth) levels",
                line: mark?.line ?? 1, column: mark?.column ?? 1)
        }
        switch node {
        case .scalar(let scalar):
            return resolve(scalar)
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            items.reserveCapacity(sequence.count)
            for item in sequence { items.append(try convert(item, depth: depth + 1, budget: &budget)) }
            return .list(items)
        case .mapping(let mapping):
            var entries: [YAMLEntry] = []
            entries.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                let keyText: String
                switch key {
                case .scalar(let scalar): keyText = scalar.string
                default:
                    throw YAMLReadError(
                        message: "a mapping key must be a plain value, not a list or mapping",
                        line: key.mark?.line ?? 1, column: key.mark?.column ?? 1)
                }
                entries.append(
                    YAMLEntry(
                        key: keyText, value: try convert(value, depth: depth + 1, budget: &budget),
                        line: key.mark?.line ?? 1, column: key.mark?.column ?? 1))
            }
            return .map(entries)
        case .alias:
            return .null
        }
    }

    /// YAML 1.2 core schema resolution for one scalar: only plain (unquoted) scalars can be
    /// null, booleans or numbers.
    public static func resolve(_ scalar: Node.Scalar) -> YAMLValue {
        let text = scalar.string
        if scalar.style != .plain { return .string(text) }
        return resolvePlain(text)
    }

    public static func resolvePlain(_ text: String) -> YAMLValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        guard let first = text.utf8.first, first == 0x2B || first == 0x2D || first == 0x2E || (first >= 0x30 && first <= 0x39) else {
            return .string(text)
        }
        if let value = Int(text) { return .int(value) }
        if text.hasPrefix("0x"), let value = Int(text.dropFirst(2), radix: 16) { return .int(value) }
        if text.hasPrefix("0o"), let value = Int(text.dropFirst(2), radix: 8) { return .int(value) }
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: break
        }
        if isDecimalFloat(text), let value = Double(text) { return .double(value) }
        return .string(text)
    }

    /// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
    static func isDecimalFloat(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if let first = bytes.first, first == 0x2B || first == 0x2D { bytes = bytes.dropFirst() }
        var digits = 0
        while let byte = bytes.first, byte >= 0x30 && byte <= 0x39 {
            digits += 1
            bytes = bytes.dropFirst()
        }
        if bytes.first == 0x2E {
            bytes = bytes.dropFirst()
            while let byte = bytes.first, byte >= 0x30 && byte <= 0x39 {
                digits += 1
                bytes = bytes.dropFirst()
            }
        }
        if digits == 0 { return false }
        if let byte = bytes.first, byte == 0x65 || byte == 0x45 {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == 0x2B || sign == 0x2D { bytes = bytes.dropFirst() }
            var exponent = 0
            while let byte = bytes.first, byte >= 0x30 && byte <= 0x39 {
                exponent += 1
                bytes = bytes.dropFirst()
            }
            if exponent == 0 { return false }
        }
        return bytes.isEmpty
    }
}
