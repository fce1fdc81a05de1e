/// Reads a TOML document (v1.0: tables, arrays of tables, dotted and quoted keys, inline
/// tables, every string form, numbers, booleans; dates are kept as text) into the same value
/// model as YAML config, so a Hugo site's `hugo.toml` or `config.toml` is read like its YAML
/// twin.
///
/// No TOML package resolves offline here (LebJe/TOMLKit needs a test dependency that is not
/// available), and a site config needs only the document model, so gongbu reads it itself.
///
///     let entries = try TOMLReader.read("title = '공부'\n[params]\nlang = \"ko\"\n")
///     // [title: "공부", params: {lang: "ko"}]
public struct TOMLReader {
    public struct ReadError: Error, Sendable, Hashable {
        public var message: String
        public var line: Int
        public var column: Int
    }

    /// A table while it is being filled: entries in document order, and whether it may still
    /// be opened by a header (tables made implicitly by dotted keys or `[a.b]` may).
    final class Table {
        var entries: [(key: String, value: Value, line: Int, column: Int)] = []
        var defined = false
        var inline = false

        func index(of key: String) -> Int? { entries.firstIndex { $0.key == key } }
    }

    enum Value {
        case scalar(YAMLValue)
        case array([Value])
        case table(Table)
        case tables([Table])
    }

    let bytes: [UInt8]
    var index = 0
    var line = 1
    var lineStart = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    public static func read(_ text: String) throws(ReadError) -> [YAMLEntry] {
        var reader = TOMLReader(text)
        let root = Table()
        try reader.document(root)
        return entries(of: root)
    }

    static func entries(of table: Table) -> [YAMLEntry] {
        table.entries.map { YAMLEntry(key: $0.key, value: yaml($0.value), line: $0.line, column: $0.column) }
    }

    static func yaml(_ value: Value) -> YAMLValue {
        switch value {
        case .scalar(let scalar): scalar
        case .array(let items): .list(items.map(yaml))
        case .table(let table): .map(entries(of: table))
        case .tables(let tables): .list(tables.map { .map(entries(of: $0)) })
        }
    }

    // MARK: Structure

    mutating func document(_ root: Table) throws(ReadError) {
        var current = root
        while true {
            skipBlank(newlines: true)
            guard let byte = peek() else { return }
            if byte == UInt8(ascii: "[") {
                let isArray = peek(1) == UInt8(ascii: "[")
                index += isArray ? 2 : 1
                skipBlank(newlines: false)
                let path = try key()
                skipBlank(newlines: false)
                guard consume("]"), !isArray || consume("]") else { throw error("expected ']' to close the table header") }
                current = try open(path, in: root, asArrayItem: isArray)
            } else {
                let (line, column) = (self.line, index - lineStart + 1)
                let path = try key()
                skipBlank(newlines: false)
                guard consume("=") else { throw error("expected '=' after the key") }
                skipBlank(newlines: false)
                let value = try self.value()
                try assign(value, to: path, in: current, line: line, column: column)
            }
            skipBlank(newlines: false)
            if let byte = peek(), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") {
                throw error("expected the end of the line")
            }
        }
    }

    /// The table a `[a.b]` or `[[a.b]]` header names, made as needed.
    mutating func open(_ path: [String], in root: Table, asArrayItem: Bool) throws(ReadError) -> Table {
        var table = root
        for (offset, name) in path.enumerated() {
            let last = offset == path.count - 1
            if let position = table.index(of: name) {
                switch table.entries[position].value {
                case .table(let child) where !last:
                    table = child
                case .table(let child):
                    guard !child.defined, !child.inline, !asArrayItem else {
                        throw error("table '\(path.joined(separator: "."))' is defined twice")
                    }
                    child.defined = true
                    return child
                case .tables(let items) where last && asArrayItem:
                    let item = Table()
                    item.defined = true
                    table.entries[position].value = .tables(items + [item])
                    return item
                case .tables(let items) where !last:
                    table = items[items.count - 1]
                default:
                    throw error("'\(name)' is already a value, not a table")
                }
            } else {
                let child = Table()
                if last && asArrayItem {
                    child.defined = true
                    table.entries.append((name, .tables([child]), line, 1))
                    return child
                }
                if last { child.defined = true }
                table.entries.append((name, .table(child), line, 1))
                table = child
            }
        }
        return table
    }

    mutating func assign(_ value: Value, to path: [String], in table: Table, line: Int, column: Int) throws(ReadError) {
        var table = table
        for name in path.dropLast() {
            if let position = table.index(of: name) {
                guard case .table(let child) = table.entries[position].value, !child.inline else {
                    throw error("'\(name)' is already a value, not a table")
                }
                table = child
            } else {
                let child = Table()
                table.entries.append((name, .table(child), line, column))
                table = child
            }
        }
        let name = path[path.count - 1]
        guard table.index(of: name) == nil else { throw error("key '\(path.joined(separator: "."))' is defined twice") }
        table.entries.append((name, value, line, column))
    }

    // MARK: Keys

    mutating func key() throws(ReadError) -> [String] {
        var parts: [String] = []
        while true {
            skipBlank(newlines: false)
            guard let byte = peek() else { throw error("expected a key") }
            if byte == UInt8(ascii: "\"") {
                index += 1
                parts.append(try basicString())
            } else if byte == UInt8(ascii: "'") {
                index += 1
                parts.append(try literalString())
            } else {
                let start = index
                while let byte = peek(), Self.isBareKey(byte) { index += 1 }
                guard index > start else { throw error("expected a key") }
                parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
            }
            skipBlank(newlines: false)
            guard consume(".") else { return parts }
        }
    }

    static func isBareKey(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x2D
    }

    // MARK: Values

    mutating func value() throws(ReadError) -> Value {
        guard let byte = peek() else { throw error("expected a value") }
        switch byte {
        case UInt8(ascii: "\""):
            if starts(with: "\"\"\"") {
                index += 3
                return .scalar(.string(try multilineString(literal: false)))
            }
            index += 1
            return .scalar(.string(try basicString()))
        case UInt8(ascii: "'"):
            if starts(with: "'''") {
                index += 3
                return .scalar(.string(try multilineString(literal: true)))
            }
            index += 1
            return .scalar(.string(try literalString()))
        case UInt8(ascii: "["):
            index += 1
            var items: [Value] = []
            while true {
                skipBlank(newlines: true)
                if consume("]") { return .array(items) }
                items.append(try value())
                skipBlank(newlines: true)
                if consume(",") { continue }
                guard consume("]") else { throw error("expected ',' or ']' in the array") }
                return .array(items)
            }
        case UInt8(ascii: "{"):
            index += 1
            let table = Table()
            skipBlank(newlines: false)
            if consume("}") {
                table.inline = true
                return .table(table)
            }
            while true {
                skipBlank(newlines: false)
                let (line, column) = (self.line, index - lineStart + 1)
                let path = try key()
                skipBlank(newlines: false)
                guard consume("=") else { throw error("expected '=' after the key") }
                skipBlank(newlines: false)
                try assign(try value(), to: path, in: table, line: line, column: column)
                skipBlank(newlines: false)
                if consume(",") { continue }
                guard consume("}") else { throw error("expected ',' or '}' in the inline table") }
                table.inline = true
                return .table(table)
            }
        default:
            return .scalar(try bareValue())
        }
    }

    /// Booleans, numbers and dates: the run of characters up to a separator.
    mutating func bareValue() throws(ReadError) -> YAMLValue {
        let start = index
        while let byte = peek(), !Self.endsBareValue(byte) {
            // A date and time may be separated by one space: `1979-05-27 07:32:00`.
            if byte == UInt8(ascii: " "), !(index - start == 10 && bytes[start + 4] == UInt8(ascii: "-")) { break }
            index += 1
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self).trimmingTrailingSpace()
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "": throw error("expected a value")
        default: break
        }
        let digits = text.replacingUnderscores()
        if let value = Int(digits) { return .int(value) }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where digits.hasPrefix(prefix) {
            if let value = Int(digits.dropFirst(2), radix: radix) { return .int(value) }
        }
        switch digits {
        case "inf", "+inf": return .double(.infinity)
        case "-inf": return .double(-.infinity)
        case "nan", "+nan", "-nan": return .double(.nan)
        default: break
        }
        if let value = Double(digits), digits.first.map({ $0.isNumber || $0 == "-" || $0 == "+" }) == true { return .double(value) }
        // An offset or local date-time, a date or a time.
        if let first = text.unicodeScalars.first, first.properties.numericType != nil, text.contains(where: { $0 == "-" || $0 == ":" }) {
            return .string(text)
        }
        index = start
        throw error("'\(text)' is not a TOML value (strings need quotes)")
    }

    static func endsBareValue(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "#")
            || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t")
    }

    mutating func basicString() throws(ReadError) -> String {
        var out: [UInt8] = []
        while let byte = peek() {
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"): try escape(into: &out)
            case UInt8(ascii: "\n"): throw error("a string in double quotes must end on its line")
            default: out.append(byte)
            }
        }
        throw error("unterminated string")
    }

    mutating func literalString() throws(ReadError) -> String {
        let start = index
        while let byte = peek() {
            if byte == UInt8(ascii: "'") {
                index += 1
                return String(decoding: bytes[start..<(index - 1)], as: UTF8.self)
            }
            if byte == UInt8(ascii: "\n") { throw error("a string in single quotes must end on its line") }
            index += 1
        }
        throw error("unterminated string")
    }

    mutating func multilineString(literal: Bool) throws(ReadError) -> String {
        let quote = literal ? UInt8(ascii: "'") : UInt8(ascii: "\"")
        // A newline right after the opening quotes is not part of the string.
        if consume("\r") { _ = consume("\n") } else if consume("\n") { newLine() }
        var out: [UInt8] = []
        while let byte = peek() {
            if byte == quote, peek(1) == quote, peek(2) == quote {
                index += 3
                // Up to two more quotes belong to the string: `""""""` ends after them.
                var extra = 0
                while extra < 2, peek() == quote {
                    out.append(quote)
                    index += 1
                    extra += 1
                }
                return String(decoding: out, as: UTF8.self)
            }
            index += 1
            if byte == UInt8(ascii: "\n") { newLine() }
            if !literal && byte == UInt8(ascii: "\\") {
                // A backslash at the end of a line trims the line break and the blanks after it.
                var lookahead = index
                while lookahead < bytes.count, bytes[lookahead] == 0x20 || bytes[lookahead] == 0x09 || bytes[lookahead] == 0x0D {
                    lookahead += 1
                }
                if lookahead < bytes.count, bytes[lookahead] == 0x0A {
                    index = lookahead
                    skipBlank(newlines: true, comments: false)
                    continue
                }
                try escape(into: &out)
                continue
            }
            out.append(byte)
        }
        throw error("unterminated multi-line string")
    }

    mutating func escape(into out: inout [UInt8]) throws(ReadError) {
        guard let byte = peek() else { throw error("unterminated escape") }
        index += 1
        switch byte {
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "e"): out.append(0x1B)
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = byte == UInt8(ascii: "u") ? 4 : 8
            guard index + count <= bytes.count,
                let value = UInt32(String(decoding: bytes[index..<(index + count)], as: UTF8.self), radix: 16),
                let scalar = Unicode.Scalar(value)
            else { throw error("invalid Unicode escape") }
            index += count
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            throw error("unknown escape '\\\(Character(Unicode.Scalar(byte)))'")
        }
    }

    // MARK: Scanning

    func peek(_ ahead: Int = 0) -> UInt8? { index + ahead < bytes.count ? bytes[index + ahead] : nil }

    func starts(with text: String) -> Bool { bytes[index...].starts(with: text.utf8) }

    mutating func consume(_ text: String) -> Bool {
        guard starts(with: text) else { return false }
        index += text.utf8.count
        return true
    }

    mutating func newLine() {
        line += 1
        lineStart = index
    }

    /// Skips spaces, tabs and comments, and line breaks when `newlines`.
    mutating func skipBlank(newlines: Bool, comments: Bool = true) {
        while let byte = peek() {
            switch byte {
            case 0x20, 0x09: index += 1
            case 0x0D where newlines: index += 1
            case 0x0A where newlines:
                index += 1
                newLine()
            case UInt8(ascii: "#") where comments:
                while let next = peek(), next != 0x0A { index += 1 }
            default: return
            }
        }
    }

    func error(_ message: String) -> ReadError {
        ReadError(message: message, line: line, column: index - lineStart + 1)
    }
}

extension String {
    fileprivate func trimmingTrailingSpace() -> String {
        var text = Substring(self)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }

    fileprivate func replacingUnderscores() -> String { contains("_") ? String(filter { $0 != "_" }) : self }
}
