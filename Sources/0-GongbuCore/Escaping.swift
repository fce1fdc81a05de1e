/// Escaping for every context a user's text can reach: HTML text, HTML attributes, URLs, JSON, XML.
///
/// Each function works on UTF-8 bytes and returns the input unchanged (no copy) when nothing needs escaping.
public enum Escape {
    /// HTML text and attribute values (double- or single-quoted). Also valid for XML.
    public static func html(_ text: String) -> String {
        var needs = false
        for byte in text.utf8 where byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27 {
            needs = true
            break
        }
        guard needs else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// XML 1.0 text: like `html`, and control characters XML forbids are dropped.
    public static func xml(_ text: String) -> String {
        let escaped = html(text)
        guard escaped.unicodeScalars.contains(where: { isForbiddenInXML($0) }) else { return escaped }
        var scalars = String.UnicodeScalarView()
        for scalar in escaped.unicodeScalars where !isForbiddenInXML(scalar) { scalars.append(scalar) }
        return String(scalars)
    }

    private static func isForbiddenInXML(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x09 && value != 0x0A && value != 0x0D }
        return value == 0xFFFE || value == 0xFFFF
    }

    /// A JSON string literal, quotes included. Also safe inside an HTML `<script>` element:
    /// '<', '>' and '&' are written as \u escapes so `</script>` can never appear, and so are
    /// U+2028 and U+2029 (legal in JSON, not in older JavaScript string literals).
    public static func jsonString(_ text: String) -> String {
        var needs = false
        var scan = text
        scan.withUTF8 { bytes in
            for byte in bytes
            where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0xE2 {
                needs = true
                break
            }
        }
        if !needs { return "\"" + text + "\"" }
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [0x22]
        out.reserveCapacity(text.utf8.count + 8)
        var work = text
        work.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                case 0x00..<0x20, 0x3C, 0x3E, 0x26:
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                case 0xE2
                where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    out.append(contentsOf: Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8))
                    index += 2
                default: out.append(byte)
                }
                index += 1
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// Percent-encodes one path segment (UTF-8), keeping RFC 3986 unreserved characters.
    public static func urlPathSegment(_ segment: String) -> String {
        percentEncode(segment, keepSlash: false)
    }

    /// A fragment (`#…`) for an HTML attribute: Korean and other non-ASCII letters stay as they
    /// are (the URL standard lets a fragment hold them, and browsers match the id either way),
    /// and only what the fragment percent-encode set lists, plus `%` and `#`, is encoded.
    /// `컨트롤-플레인` stays 18 bytes instead of the 54 of `%EC%BB%A8…`.
    ///
    ///     Escape.urlFragment("파드 스펙")   // "파드%20스펙"
    public static func urlFragment(_ fragment: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(fragment.utf8.count)
        for byte in fragment.utf8 {
            switch byte {
            case 0x00...0x20, 0x22, 0x23, 0x25, 0x3C, 0x3E, 0x60, 0x7F:
                out.append(contentsOf: [0x25, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Percent-encodes a path, keeping '/' separators.
    public static func urlPath(_ path: String) -> String {
        percentEncode(path, keepSlash: true)
    }

    private static func percentEncode(_ text: String, keepSlash: Bool) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var changed = false
        for byte in text.utf8 {
            let unreserved =
                (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E || (keepSlash && byte == 0x2F)
            if unreserved {
                out.append(byte)
            } else {
                changed = true
                out.append(contentsOf: [0x25, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : text
    }
}

extension String {
    private static func fromPercentHex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// Decodes %XX escapes; malformed escapes are kept literally and invalid UTF-8 is repaired.
    public var percentDecoded: String {
        guard utf8.contains(0x25) else { return self }
        let bytes = Array(utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x25, index + 2 < bytes.count,
                let high = Self.fromPercentHex(bytes[index + 1]), let low = Self.fromPercentHex(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
