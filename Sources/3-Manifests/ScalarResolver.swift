/// YAML 1.1 scalar resolution, as PyYAML (kubernetes-validate) and Go's YAML library (kubectl)
/// do it. Only plain (unquoted) scalars are resolved; quoted and block scalars are strings.
enum ScalarResolver {
    static let trueWords: Set<String> = ["yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]
    static let falseWords: Set<String> = ["no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]
    static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]

    static func resolve(plain text: String) -> ManifestScalar {
        if nullWords.contains(text) { return .null }
        if trueWords.contains(text) { return .bool(true) }
        if falseWords.contains(text) { return .bool(false) }
        guard let first = text.utf8.first else { return .string(text) }
        let startsNumeric = first == 0x2B || first == 0x2D || first == 0x2E || (first >= 0x30 && first <= 0x39)
        guard startsNumeric else { return .string(text) }
        if let integer = integer(text) { return integer }
        if let number = float(text) { return .double(number) }
        if isTimestamp(text) { return .timestamp(text) }
        return .string(text)
    }

    /// `[-+]?(0b[01_]+|0[0-7_]+|(0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|[1-9][0-9_]*(:[0-5]?[0-9])+)`
    static func integer(_ text: String) -> ManifestScalar? {
        var body = Substring(text)
        var negative = false
        if body.first == "-" || body.first == "+" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        guard !body.isEmpty else { return nil }
        func make(_ digits: Substring, radix: Int) -> ManifestScalar? {
            let cleaned = digits.filter { $0 != "_" }
            guard !cleaned.isEmpty else { return nil }
            if let value = Int(cleaned, radix: radix) { return .int(negative ? -value : value) }
            guard cleaned.allSatisfy({ $0.isHexDigit }) else { return nil }
            return .bigInteger(text)
        }
        if body.hasPrefix("0b") {
            let digits = body.dropFirst(2)
            guard digits.allSatisfy({ $0 == "0" || $0 == "1" || $0 == "_" }) else { return nil }
            return make(digits, radix: 2)
        }
        if body.hasPrefix("0x") {
            let digits = body.dropFirst(2)
            guard digits.allSatisfy({ $0.isHexDigit || $0 == "_" }) else { return nil }
            return make(digits, radix: 16)
        }
        if body == "0" { return .int(0) }
        if body.first == "0" {
            guard body.allSatisfy({ ("0"..."7").contains($0) || $0 == "_" }) else { return nil }
            return make(body, radix: 8)
        }
        guard let lead = body.first, ("1"..."9").contains(lead) else { return nil }
        if body.contains(":") {
            // Base 60 (1:30 is 90): first part digits, then :[0-5]?[0-9] groups.
            let parts = body.split(separator: ":", omittingEmptySubsequences: false)
            guard parts[0].allSatisfy({ $0.isNumber || $0 == "_" }) else { return nil }
            // Too large for Int: a big integer, like the other radixes (never a trap).
            guard var value = Int(parts[0].filter { $0 != "_" }) else { return .bigInteger(text) }
            for part in parts.dropFirst() {
                guard (1...2).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }), let sixty = Int(part), sixty < 60,
                    part.count == 1 || part.first! <= "5"
                else { return nil }
                let (shifted, overflowA) = value.multipliedReportingOverflow(by: 60)
                let (sum, overflowB) = shifted.addingReportingOverflow(sixty)
                if overflowA || overflowB { return .bigInteger(text) }
                value = sum
            }
            return .int(negative ? -value : value)
        }
        guard body.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "_" }) else { return nil }
        return make(body, radix: 10)
    }

    /// `[-+]?([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?` (a dot is required), base 60 floats,
    /// `.inf` and `.nan`.
    static func float(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        var body = Substring(text)
        var sign = 1.0
        if body.first == "-" || body.first == "+" {
            if body.first == "-" { sign = -1 }
            body = body.dropFirst()
        }
        guard let dot = body.firstIndex(of: ".") else { return nil }
        let integerPart = body[..<dot]
        if let first = integerPart.first {
            guard first.isASCII && first.isNumber else {
                // Base 60 with a fraction: 1:30.5
                return nil
            }
            guard integerPart.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "_" }) else { return nil }
        }
        var rest = body[body.index(after: dot)...]
        var exponent = ""
        if let e = rest.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let tail = rest[rest.index(after: e)...]
            guard let signCharacter = tail.first, signCharacter == "+" || signCharacter == "-",
                tail.count > 1, tail.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber })
            else { return nil }
            exponent = "e" + tail
            rest = rest[..<e]
        }
        guard rest.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "_" }) else { return nil }
        // PyYAML accepts several dots ("1.2.3" is a float there, and fails to convert); treat as text.
        guard rest.filter({ $0 == "." }).isEmpty else { return nil }
        let cleaned = integerPart.filter { $0 != "_" } + "." + rest.filter { $0 != "_" } + exponent
        let normalized = cleaned.hasPrefix(".") ? "0" + cleaned : cleaned
        guard let value = Double(normalized.hasSuffix(".") ? normalized + "0" : normalized) else { return nil }
        return sign * value
    }

    /// `YYYY-MM-DD` or `YYYY-M-D(T| )H:MM:SS(.fraction)?( ?Z| ?±H(:MM)?)?`
    static func isTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func digit(_ index: Int) -> Bool { index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39 }
        guard bytes.count >= 8, digit(0), digit(1), digit(2), digit(3), bytes[4] == 0x2D else { return false }
        if bytes.count == 10 { return digit(5) && digit(6) && bytes[7] == 0x2D && digit(8) && digit(9) }
        var index = 5
        func digits(_ minimum: Int, _ maximum: Int) -> Bool {
            var count = 0
            while count < maximum, digit(index) {
                index += 1
                count += 1
            }
            return count >= minimum
        }
        guard digits(1, 2), index < bytes.count, bytes[index] == 0x2D else { return false }
        index += 1
        guard digits(1, 2), index < bytes.count else { return false }
        if bytes[index] == 0x54 || bytes[index] == 0x74 {
            index += 1
        } else if bytes[index] == 0x20 || bytes[index] == 0x09 {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        } else {
            return false
        }
        guard digits(1, 2), index < bytes.count, bytes[index] == 0x3A else { return false }
        index += 1
        guard digits(2, 2), index < bytes.count, bytes[index] == 0x3A else { return false }
        index += 1
        guard digits(2, 2) else { return false }
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            _ = digits(0, 30)
        }
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        if index == bytes.count { return true }
        if bytes[index] == 0x5A { return index + 1 == bytes.count }
        guard bytes[index] == 0x2B || bytes[index] == 0x2D else { return false }
        index += 1
        guard digits(1, 2) else { return false }
        if index < bytes.count, bytes[index] == 0x3A {
            index += 1
            guard digits(2, 2) else { return false }
        }
        return index == bytes.count
    }
}
