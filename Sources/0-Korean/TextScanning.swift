/// Character classes on UTF-8 bytes, for scanning note text without creating Swift Characters.
public enum TextScanning {
    /// The scalar starting at `index` and its length in bytes (malformed input counts as one byte).
    @inline(__always)
    public static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (value: UInt32, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let count = bytes.count
        if lead & 0xE0 == 0xC0, index + 1 < count {
            return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
        }
        if lead & 0xF0 == 0xE0, index + 2 < count {
            return (UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        if lead & 0xF8 == 0xF0, index + 3 < count {
            return (
                UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                    | UInt32(bytes[index + 3] & 0x3F), 4
            )
        }
        return (UInt32(lead), 1)
    }

    /// The scalar ending right before `index`, and where it starts.
    @inline(__always)
    public static func scalar(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (value: UInt32, start: Int)? {
        guard index > 0 else { return nil }
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80, index - start < 4 { start -= 1 }
        return (scalar(at: start, in: bytes).value, start)
    }

    @inline(__always)
    public static func isLatinOrDigit(_ value: UInt32) -> Bool {
        (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
            || (value >= 0xC0 && value <= 0x24F && value != 0xD7 && value != 0xF7)
    }

    @inline(__always)
    public static func isHangul(_ value: UInt32) -> Bool {
        (value >= 0xAC00 && value <= 0xD7A3) || (value >= 0x1100 && value <= 0x11FF) || (value >= 0x3130 && value <= 0x318F)
    }

    /// Letters and digits of any script: what words are made of.
    @inline(__always)
    public static func isWord(_ value: UInt32) -> Bool {
        if value < 0x80 { return isLatinOrDigit(value) }
        if isHangul(value) || isLatinOrDigit(value) { return true }
        guard let scalar = Unicode.Scalar(value) else { return false }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType == .decimal
    }

    /// Characters that join identifiers: hello-node, node.js, my_pod, apps/v1.
    @inline(__always)
    public static func isJoiner(_ value: UInt32) -> Bool {
        value == 0x2D || value == 0x5F || value == 0x2E || value == 0x2F
    }

    @inline(__always)
    public static func isSpace(_ value: UInt32) -> Bool {
        value == 0x20 || value == 0x09 || value == 0x0A || value == 0xA0 || value == 0x3000
    }

    @inline(__always)
    public static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }
}
