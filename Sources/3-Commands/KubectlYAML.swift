import GongbuCore

/// A YAML document written the way `kubectl … -o yaml` writes it, so gongbu's declarative
/// equivalents read exactly like what a learner sees from kubectl.
///
/// kubectl turns an object into JSON and the JSON into YAML (sigs.k8s.io/yaml over go-yaml
/// v2), which gives: keys in sorted order; two spaces of indentation, with a list's `- `
/// at its key's indentation; a string in double quotes when written plain it would read as
/// another type (`"80"`, `"true"`, `"2019-02-14"`, `""`), in single quotes when plain text
/// cannot start or hold it (`'*/5 * * * *'`, `'a: b'`), in double quotes with escapes when
/// it holds control characters, as a `|-` block when it holds line breaks; and plain or
/// single-quoted text folded at the first space past column 80.
public indirect enum KubectlYAML: Sendable, Hashable {
    case map([(String, KubectlYAML)])
    case list([KubectlYAML])
    case string(String)
    case int(Int)
    case bool(Bool)
    case null

    public static func == (lhs: KubectlYAML, rhs: KubectlYAML) -> Bool { lhs.text() == rhs.text() }
    public func hash(into hasher: inout Hasher) { hasher.combine(text()) }

    /// The document, ending in a line break.
    public func text() -> String {
        var out = ""
        switch self {
        case .map(let entries) where !entries.isEmpty: Self.writeMap(entries, indent: 0, into: &out)
        case .list(let items) where !items.isEmpty: Self.writeList(items, indent: 0, into: &out)
        default: out = Self.inline(self, column: 0, indent: 0) + "\n"
        }
        return out
    }

    /// The value of `key` in a mapping.
    public subscript(key: String) -> KubectlYAML? {
        guard case .map(let entries) = self else { return nil }
        return entries.first { $0.0 == key }?.1
    }

    static func writeMap(_ entries: [(String, KubectlYAML)], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for (key, value) in entries.sorted(by: { $0.0 < $1.0 }) {
            let head = pad + scalar(key, column: indent, indent: indent) + ":"
            switch value {
            case .map(let inner) where !inner.isEmpty:
                out += head + "\n"
                writeMap(inner, indent: indent + 2, into: &out)
            case .list(let items) where !items.isEmpty:
                out += head + "\n"
                writeList(items, indent: indent, into: &out)
            case .string(let text) where text.contains("\n"):
                out += head + " " + literalBlock(text, indent: indent + 2)
            default:
                let column = head.unicodeScalars.count + 1
                out += head + " " + inline(value, column: column, indent: indent + 2) + "\n"
            }
        }
    }

    static func writeList(_ items: [KubectlYAML], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            switch item {
            case .map(let inner) where !inner.isEmpty:
                // The first entry follows the dash; the others line up under it.
                var body = ""
                writeMap(inner, indent: indent + 2, into: &body)
                out += pad + "- " + body.dropFirst(indent + 2)
            case .list(let inner) where !inner.isEmpty:
                var body = ""
                writeList(inner, indent: indent + 2, into: &body)
                out += pad + "- " + body.dropFirst(indent + 2)
            case .string(let text) where text.contains("\n"):
                out += pad + "- " + literalBlock(text, indent: indent + 2)
            default:
                out += pad + "- " + inline(item, column: indent + 2, indent: indent + 2) + "\n"
            }
        }
    }

    static func inline(_ value: KubectlYAML, column: Int, indent: Int) -> String {
        switch value {
        case .map: "{}"
        case .list: "[]"
        case .string(let text): scalar(text, column: column, indent: indent)
        case .int(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        }
    }

    /// `|-` (no final line break), `|` (one) or `|+` (more), then the lines indented.
    static func literalBlock(_ text: String, indent: Int) -> String {
        var body = text
        var chomp = "-"
        if body.hasSuffix("\n") {
            chomp = body.dropLast().hasSuffix("\n") ? "+" : ""
            if chomp.isEmpty { body.removeLast() }
        }
        let pad = String(repeating: " ", count: indent)
        var lines = body.lines()
        if chomp == "+", lines.last == "" { lines.removeLast() }
        return "|\(chomp)\n" + lines.map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n") + "\n"
    }

    // MARK: Scalars

    enum Style { case plain, single, double }

    static func scalar(_ text: String, column: Int, indent: Int) -> String {
        switch style(of: text) {
        case .plain: return folded(text, column: column, indent: indent)
        case .single: return folded("'" + text.replacingOccurrences(of: "'", with: "''") + "'", column: column, indent: indent)
        case .double: return "\"" + escaped(text) + "\""
        }
    }

    static func style(of text: String) -> Style {
        if text.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F || $0.value == 0xFEFF }) {
            return .double
        }
        if readsAsAnotherType(text) { return .double }
        return plainAllowed(text) ? .plain : .single
    }

    /// Whether go-yaml would read the text, written plain, as null, a boolean, a number or a time.
    static func readsAsAnotherType(_ text: String) -> Bool {
        let special: Set<String> = [
            "", "~", "null", "Null", "NULL", "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE", "n", "N", "no",
            "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE", ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf",
            "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "<<",
        ]
        if special.contains(text) { return true }
        guard let first = text.unicodeScalars.first, "+-.0123456789".unicodeScalars.contains(first) else { return false }
        return isGoInteger(text) || isYAMLFloat(text) || isTimestamp(text) || isBase60Float(text)
    }

    /// Go's `strconv.ParseInt(text, 0, 64)` (or ParseUint): decimal, `0x`, `0o`, `0b`, a
    /// leading `0` for octal, underscores between digits when a base prefix or digits allow.
    static func isGoInteger(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        guard !body.isEmpty else { return false }
        var digits: Set<Character> = Set("0123456789")
        var prefixed = false
        let lower = body.lowercased()
        if lower.hasPrefix("0x") {
            digits = Set("0123456789abcdefABCDEF")
            body = body.dropFirst(2)
            prefixed = true
        } else if lower.hasPrefix("0o") {
            digits = Set("01234567")
            body = body.dropFirst(2)
            prefixed = true
        } else if lower.hasPrefix("0b") {
            digits = Set("01")
            body = body.dropFirst(2)
            prefixed = true
        } else if body.count > 1, body.first == "0" {
            digits = Set("01234567")
            body = body.dropFirst()
            prefixed = true
        }
        guard !body.isEmpty else { return false }
        // Underscores: only between digits, or right after a base prefix.
        var previousUnderscore = !prefixed
        for character in body {
            if character == "_" {
                if previousUnderscore { return false }
                previousUnderscore = true
            } else {
                guard digits.contains(character) else { return false }
                previousUnderscore = false
            }
        }
        return !previousUnderscore
    }

    /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
    static func isYAMLFloat(_ text: String) -> Bool {
        var chars = Array(text)[...]
        if let first = chars.first, first == "+" || first == "-" { chars = chars.dropFirst() }
        func digits() -> Int {
            let count = chars.prefix { $0.isASCII && $0.isNumber }.count
            chars = chars.dropFirst(count)
            return count
        }
        if chars.first == "." {
            chars = chars.dropFirst()
            guard digits() > 0 else { return false }
        } else {
            guard digits() > 0 else { return false }
            if chars.first == "." {
                chars = chars.dropFirst()
                _ = digits()
            }
        }
        if let e = chars.first, e == "e" || e == "E" {
            chars = chars.dropFirst()
            if let sign = chars.first, sign == "+" || sign == "-" { chars = chars.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return chars.isEmpty
    }

    /// go-yaml's timestamps: `2006-1-2`, optionally followed by a time (`T`, `t` or a space).
    static func isTimestamp(_ text: String) -> Bool {
        let parts = text.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[0].allSatisfy(\.isNumber), (1...2).contains(parts[1].count),
            parts[1].allSatisfy(\.isNumber)
        else { return false }
        let day = parts[2].prefix { $0.isNumber }
        guard (1...2).contains(day.count) else { return false }
        let rest = parts[2].dropFirst(day.count)
        if rest.isEmpty { return true }
        guard let separator = rest.first, "Tt ".contains(separator) else { return false }
        // A time: hours:minutes:seconds, then fractions and a zone (go-yaml's formats).
        let time = rest.dropFirst()
        let fields = time.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0].allSatisfy(\.isNumber), !fields[0].isEmpty, fields[1].allSatisfy(\.isNumber),
            !fields[1].isEmpty
        else { return false }
        let seconds = fields[2].prefix { $0.isNumber }
        return !seconds.isEmpty
    }

    /// go-yaml v2 quotes YAML 1.1's sexagesimal floats (`1:20`, `190:20:30.15`).
    static func isBase60Float(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        guard let first = body.first, first.isNumber, body.contains(":") else { return false }
        let head = body.prefix { $0 != ":" }
        guard head.allSatisfy({ $0.isNumber || $0 == "_" }) else { return false }
        var rest = body.dropFirst(head.count)
        while rest.first == ":" {
            rest = rest.dropFirst()
            let group = rest.prefix { $0.isNumber }
            guard (1...2).contains(group.count), (Int(group) ?? 99) <= 59 || group.count == 1 else { return false }
            if group.count == 2, let lead = group.first, lead > "5" { return false }
            rest = rest.dropFirst(group.count)
        }
        if rest.first == "." { rest = rest.dropFirst().drop { $0.isNumber || $0 == "_" } }
        return rest.isEmpty
    }

    /// libyaml's analysis of a scalar in block context: whether it may be written plain.
    static func plainAllowed(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last else { return false }
        if first == " " || last == " " { return false }
        if "#,[]{}&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if first == "-" || first == "?" || first == ":" {
            if scalars.count == 1 || scalars[1] == " " { return false }
        }
        if text.hasPrefix("---") || text.hasPrefix("...") { return false }
        for (index, scalar) in scalars.enumerated() {
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if scalar == ":" && (next == nil || next == " ") { return false }
            if scalar == "#" && index > 0 && scalars[index - 1] == " " { return false }
            if scalar.value > 0x7E && !(scalar.value >= 0xA0) { return false }
        }
        return true
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\u{0}": out += "\\0"
            case "\u{7}": out += "\\a"
            case "\u{8}": out += "\\b"
            case "\u{B}": out += "\\v"
            case "\u{C}": out += "\\f"
            case "\u{1B}": out += "\\e"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
                } else if scalar.value == 0xFEFF {
                    out += "\\uFEFF"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Folds at the first single space past column 80, continuing at `indent`, as libyaml does.
    static func folded(_ text: String, column: Int, indent: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var column = column
        var previousSpace = false
        for (index, scalar) in scalars.enumerated() {
            if scalar == " " {
                let nextIsSpace = index + 1 < scalars.count && scalars[index + 1] == " "
                if !previousSpace, column > 80, !nextIsSpace, index + 1 < scalars.count {
                    out.append("\n")
                    out.append(contentsOf: String(repeating: " ", count: indent).unicodeScalars)
                    column = indent
                } else {
                    out.append(scalar)
                    column += 1
                }
                previousSpace = true
            } else {
                out.append(scalar)
                column += 1
                previousSpace = false
            }
        }
        return String(out)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
