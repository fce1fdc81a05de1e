import Foundation

/// JSON written through `Encodable`: keys sorted (Foundation's encoder does not keep their
/// order, so sorting is what makes the output deterministic), slashes and non-ASCII text
/// unescaped.
///
/// The large data files of a site (graph.json, the search index shards) are written by hand
/// with `Escape.jsonString` instead: on the 10,000-note benchmark corpus `JSONEncoder` took
/// 2.9 times as long for graph.json (0.30 s against 0.86 s for 298,439 edges; run
/// `gongbu-bench json SITE`), half a second of an eight-second build.
public enum JSONText {
    /// `value` as JSON text; `pretty` for output people read (two-space indentation), compact
    /// for one-line messages (server-sent events).
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = true) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// A number rounded to `digits` decimals, for scores people compare by eye.
    public static func rounded(_ value: Double, digits: Int = 4) -> Double {
        let scale = pow(10, Double(digits))
        return (value * scale).rounded() / scale
    }
}

/// An optional that encodes as JSON `null` when absent (synthesized `Encodable` leaves the key out).
@propertyWrapper
public struct JSONNullable<Value: Encodable & Sendable>: Encodable, Sendable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
