/// A message that can be shown in more than one language: its English template (the key) and
/// the values put into it, kept apart, so a catalogue can give the same message in Korean.
///
/// A string literal with interpolations is a `Message`; the literal's text, with `{}` for each
/// interpolated value, is its key. An interpolated `Message` (a reason inside a sentence) stays
/// a message, so it is translated too.
///
///     let problem: Message = "must be no more than \(63) characters"
///     let message: Message = "label key '\("app")' \(problem)"
///     message.description   // "label key 'app' must be no more than 63 characters"
///     message.key           // "label key '{}' {}"
///     message.rendered { $0 == "label key '{}' {}" ? "레이블 키 '{1}'는 {2}" : nil }
public struct Message: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    public enum Argument: Sendable, Hashable {
        case text(String)
        case message(Message)
    }

    /// The English template, `{}` where each argument goes.
    public var key: String
    public var arguments: [Argument]

    public init(key: String, arguments: [Argument]) {
        self.key = key
        self.arguments = arguments
    }

    /// A message with no template: shown as it is in every language (text from elsewhere, such
    /// as a YAML parser's own words).
    public static func verbatim(_ text: String) -> Message { Message(key: "{}", arguments: [.text(text)]) }

    public init(stringLiteral value: String) {
        key = value
        arguments = []
    }

    public init(stringInterpolation: Interpolation) {
        key = stringInterpolation.key
        arguments = stringInterpolation.arguments
    }

    public struct Interpolation: StringInterpolationProtocol {
        var key = ""
        var arguments: [Argument] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            key.reserveCapacity(literalCapacity + 2 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) { key += literal }

        public mutating func appendInterpolation(_ message: Message) {
            key += "{}"
            arguments.append(.message(message))
        }

        public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            key += "{}"
            arguments.append(.text(value.description))
        }

        public mutating func appendInterpolation(_ value: String) {
            key += "{}"
            arguments.append(.text(value))
        }
    }

    /// The message in English.
    public var description: String { rendered { _ in nil } }

    /// The message from a catalogue: `template(key)` gives the translated template, with `{1}`,
    /// `{2}` … for the arguments in any order (or `{}` for the next one); nil keeps the English.
    /// Nested messages are looked up the same way.
    public func rendered(_ template: (String) -> String?) -> String {
        let values = arguments.map { argument in
            switch argument {
            case .text(let text): text
            case .message(let message): message.rendered(template)
            }
        }
        return Self.fill(template(key) ?? key, with: values)
    }

    /// Puts values into `{}` (in order) and `{N}` (1-based) placeholders.
    static func fill(_ template: String, with values: [String]) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var next = 0
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else {
                rest = rest[open...]
                break
            }
            let inside = rest[afterOpen..<close]
            if inside.isEmpty, next < values.count {
                out += values[next]
                next += 1
            } else if let number = Int(inside), number >= 1, number <= values.count {
                out += values[number - 1]
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
