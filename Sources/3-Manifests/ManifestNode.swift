import GongbuCore

/// A position inside a YAML text, 1-based (characters, as libyaml counts them).
public struct YAMLPosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: YAMLPosition, rhs: YAMLPosition) -> Bool {
        lhs.line != rhs.line ? lhs.line < rhs.line : lhs.column < rhs.column
    }
}

/// A scalar resolved the way Kubernetes tooling reads YAML (YAML 1.1, as PyYAML and the Go
/// YAML library do): `yes`/`no`/`on`/`off` are booleans, `0755` is octal, `2024-01-01` is a date.
public enum ManifestScalar: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    /// An integer too large for 64 bits, kept as written.
    case bigInteger(String)
    case double(Double)
    case string(String)
    /// A plain scalar that YAML 1.1 reads as a date or time (`2024-01-01`); it is not a string.
    case timestamp(String)

    /// A short description for messages: `a string "3"`, `a boolean (yes)`.
    public var described: Message {
        switch self {
        case .null: return "null"
        case .bool(let value): return "a boolean (\(value))"
        case .int(let value): return "an integer (\(value))"
        case .bigInteger(let text): return "an integer (\(text))"
        case .double(let value): return "a number (\(value))"
        case .string(let text): return "a string \"\(text.count > 40 ? String(text.prefix(40)) + "…" : text)\""
        case .timestamp(let text): return "a date (\(text))"
        }
    }

    /// The text of a string scalar.
    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// An integer value, also from a float with no fraction (80.0), as JSON Schema counts integers.
    public var integer: Int? {
        switch self {
        case .int(let value): return value
        case .double(let value) where value.rounded() == value && abs(value) < 9.2e18: return Int(value)
        default: return nil
        }
    }
}

/// A YAML node of a manifest, with where it was written.
public indirect enum ManifestNode: Sendable {
    case scalar(ManifestScalar, YAMLPosition)
    case list([ManifestNode], YAMLPosition)
    case map([ManifestField], YAMLPosition)

    public var position: YAMLPosition {
        switch self {
        case .scalar(_, let position), .list(_, let position), .map(_, let position): return position
        }
    }

    /// The value of a key, when this is a mapping that has it.
    public subscript(key: String) -> ManifestNode? {
        guard case .map(let fields, _) = self else { return nil }
        return fields.first { $0.key == key }?.value
    }

    /// The field (key, its position and value) of a mapping.
    public func field(_ key: String) -> ManifestField? {
        guard case .map(let fields, _) = self else { return nil }
        return fields.first { $0.key == key }
    }

    public var fields: [ManifestField] {
        if case .map(let fields, _) = self { return fields }
        return []
    }

    public var items: [ManifestNode] {
        if case .list(let items, _) = self { return items }
        return []
    }

    public var scalar: ManifestScalar? {
        if case .scalar(let value, _) = self { return value }
        return nil
    }

    public var string: String? { scalar?.string }
    public var integer: Int? { scalar?.integer }
    public var isNull: Bool { scalar == .null }

    /// A short name of what kind of value this is, for messages.
    public var described: Message {
        switch self {
        case .scalar(let value, _): return value.described
        case .list: return "a list"
        case .map: return "a mapping"
        }
    }
}

public struct ManifestField: Sendable {
    public var key: String
    public var keyPosition: YAMLPosition
    public var value: ManifestNode

    public init(key: String, keyPosition: YAMLPosition, value: ManifestNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}
