import Foundation

/// Why bytes could not become note text.
public struct TextDecodingError: Error, Sendable, Hashable {
    /// 0-based byte offset of the first byte that is not valid UTF-8.
    public var byteOffset: Int
    /// 1-based line and column (in bytes) of that byte, for `path:line:col`.
    public var line: Int
    public var column: Int
}

/// Text as the pipeline wants it: valid UTF-8, NFC, '\n' line endings, no BOM, no NUL.
public struct DecodedText: Sendable {
    public var text: String
    /// Harmless surprises worth a warning (a NUL byte replaced, for example).
    public var notes: [Note]

    /// A warning about the text, at a 1-based line and character column of the decoded text.
    public struct Note: Sendable, Hashable {
        public var message: String
        public var line: Int
        public var column: Int
    }
}

public enum TextDecoding {
    /// Decodes note or config bytes.
    ///
    /// - A UTF-8 byte order mark is dropped.
    /// - CRLF and lone CR become LF, so line numbers match what every editor shows.
    /// - NUL bytes become U+FFFD (as CommonMark requires) and are reported.
    /// - The result is normalised to NFC, so decomposed Hangul from macOS file systems
    ///   matches precomposed aliases.
    public static func decode(_ bytes: [UInt8]) throws(TextDecodingError) -> DecodedText {
        if let offset = firstInvalidUTF8Offset(bytes) {
            var line = 1
            var lineStart = 0
            for index in 0..<offset where bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            throw TextDecodingError(byteOffset: offset, line: line, column: offset - lineStart + 1)
        }
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }

        var notes: [DecodedText.Note] = []
        var needsRewrite = false
        var nulCount = 0
        for index in start..<bytes.count {
            let byte = bytes[index]
            if byte == 0x0D { needsRewrite = true }
            if byte == 0 {
                needsRewrite = true
                nulCount += 1
            }
        }
        var text: String
        if needsRewrite {
            var cleaned: [UInt8] = []
            cleaned.reserveCapacity(bytes.count - start + nulCount * 2)
            var index = start
            var line = 1
            var lineStart = 0
            var firstNUL: (line: Int, column: Int)?
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0D || byte == 0x0A {
                    cleaned.append(0x0A)
                    if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                    line += 1
                    lineStart = cleaned.count
                } else if byte == 0 {
                    if firstNUL == nil {
                        firstNUL = (line, String(decoding: cleaned[lineStart...], as: UTF8.self).count + 1)
                    }
                    cleaned.append(contentsOf: [0xEF, 0xBF, 0xBD])
                } else {
                    cleaned.append(byte)
                }
                index += 1
            }
            text = String(decoding: cleaned, as: UTF8.self)
            if let firstNUL {
                notes.append(
                    DecodedText.Note(
                        message: "\(nulCount) NUL byte\(nulCount == 1 ? "" : "s") replaced with U+FFFD (the first here)",
                        line: firstNUL.line, column: firstNUL.column))
            }
        } else {
            text = String(decoding: bytes[start...], as: UTF8.self)
        }
        return DecodedText(text: nfc(text), notes: notes)
    }

    /// NFC normalisation with a fast path: text made of ASCII and precomposed Hangul syllables
    /// (nearly every Korean note) is already NFC and is returned as is.
    public static func nfc(_ text: String) -> String {
        if isCertainlyNFC(text) { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    static func isCertainlyNFC(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x300 { continue }
            if value >= 0xAC00 && value <= 0xD7A3 { continue }  // Hangul syllables
            if value >= 0x1100 && value <= 0x11FF { return false }  // conjoining jamo compose
            if value >= 0xF900 && value <= 0xFAFF { return false }  // compatibility ideographs
            if value >= 0x2F800 && value <= 0x2FA1F { return false }
            if value == 0x2126 || value == 0x212A || value == 0x212B || value == 0x340 || value == 0x341 { return false }
            if scalar.properties.canonicalCombiningClass != .notReordered { return false }
            // Other precomposed letters are NFC on their own; a following combining mark
            // would be caught above.
            if value >= 0x0300 && value <= 0x036F { return false }
        }
        return true
    }

    /// The offset of the first byte that breaks UTF-8 (overlong forms and surrogates included), or nil.
    public static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            let count = buffer.count
            var index = 0
            while index < count {
                let byte = buffer[index]
                if byte < 0x80 {
                    index += 1
                    continue
                }
                let length: Int
                var minimum: UInt32
                var scalar: UInt32
                switch byte {
                case 0xC2...0xDF:
                    length = 2
                    scalar = UInt32(byte & 0x1F)
                    minimum = 0x80
                case 0xE0...0xEF:
                    length = 3
                    scalar = UInt32(byte & 0x0F)
                    minimum = 0x800
                case 0xF0...0xF4:
                    length = 4
                    scalar = UInt32(byte & 0x07)
                    minimum = 0x10000
                default: return index
                }
                // A sequence cut short is reported at its lead byte, as Python and iconv do:
                // that is the byte an editor shows as broken.
                if index + length > count { return index }
                for offset in 1..<length {
                    let next = buffer[index + offset]
                    if next & 0xC0 != 0x80 { return index }
                    scalar = (scalar << 6) | UInt32(next & 0x3F)
                }
                if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
                index += length
                _ = minimum
            }
            return nil
        }
    }
}
