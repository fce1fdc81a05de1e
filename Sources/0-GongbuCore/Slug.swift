/// URL- and file-system-safe names for notes and tags.
///
/// Rules: ASCII letters are lower-cased; letters of any script (Hangul included), digits, '-'
/// and '_' are kept; runs of whitespace and of punctuation that separates words (brackets,
/// slashes, dots, commas, colons …) become one '-', so `Adapter Pattern(어댑터)` is
/// `adapter-pattern-어댑터` and the words stay apart; quotes and other symbols are dropped
/// (`don't` → `dont`). A slug can therefore never contain '/', '\\', '.', NUL or any character a
/// file system treats specially.
public enum Slug {
    public static func make(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || separators.contains(scalar) {
                pendingDash = !scalars.isEmpty
                continue
            }
            guard let kept = keep(scalar) else { continue }
            if pendingDash {
                scalars.append("-")
                pendingDash = false
            }
            scalars.append(kept)
        }
        var slug = String(scalars)
        while slug.hasSuffix("-") { slug.removeLast() }
        while slug.hasPrefix("-") { slug.removeFirst() }
        if reservedNames.contains(slug) { slug += "_" }
        return slug
    }

    /// Punctuation that stands between words.
    static let separators: Set<Unicode.Scalar> = [
        "(", ")", "[", "]", "{", "}", "<", ">", "/", "\\", "|", ".", ",", ":", ";", "!", "?", "&", "+", "=", "~", "·", "、", "。",
        "（", "）", "「", "」", "『", "』", "【", "】", "《", "》", "〈", "〉", "，", "：", "；", "！", "？",
    ]

    private static func keep(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x41...0x5A: return Unicode.Scalar(value + 0x20)
            case 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F: return scalar
            default: return nil
            }
        }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType == .decimal { return scalar }
        // Combining marks that belong to letters (e.g. decomposed Hangul jamo, which NFC will join).
        if properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark { return scalar }
        return nil
    }

    /// Names Windows refuses as file or folder names, whatever the extension.
    static let reservedNames: Set<String> = [
        "con", "prn", "aux", "nul",
        "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    ]

    /// A short stable fallback for text that has nothing left after cleaning (an emoji-only name).
    public static func fallback(for text: String, prefix: String) -> String {
        // FNV-1a, 32 bits: stable across runs and platforms, unlike Hasher.
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        let hex = String(hash, radix: 16)
        return prefix + "-" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}
