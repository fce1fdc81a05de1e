#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding bytes in bytes with the C library's `memchr` and `memcmp`: the generic
/// `firstRange(of:)` over a collection compares element by element through protocol calls, and
/// showed up in profiles of large builds where it ran over every page and example.
public enum ByteSearch {
    /// `memmem`, which Glibc's module does not export: `memchr` to each candidate first byte,
    /// then `memcmp` for the rest.
    static func search(_ hay: UnsafeRawPointer, _ count: Int, _ needle: UnsafeRawPointer, _ length: Int) -> Int? {
        guard length > 0, count >= length else { return length == 0 ? 0 : nil }
        let first = Int32(needle.load(as: UInt8.self))
        var offset = 0
        let last = count - length
        while offset <= last {
            guard let found = memchr(hay + offset, first, last - offset + 1) else { return nil }
            let position = hay.distance(to: UnsafeRawPointer(found))
            if memcmp(hay + position, needle, length) == 0 { return position }
            offset = position + 1
        }
        return nil
    }

    /// The offset of the first occurrence of `needle` in `haystack`, from `start` on.
    public static func firstOffset(of needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        guard !needle.isEmpty, start >= 0, haystack.count - start >= needle.count else { return needle.isEmpty ? start : nil }
        return haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pattern in
                search(hay.baseAddress! + start, hay.count - start, pattern.baseAddress!, pattern.count).map { $0 + start }
            }
        }
    }

    /// Whether `text` contains `needle`, compared as UTF-8.
    public static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { hay in
            needle.withUTF8 { pattern in
                guard !pattern.isEmpty else { return true }
                guard hay.count >= pattern.count else { return false }
                return search(hay.baseAddress!, hay.count, pattern.baseAddress!, pattern.count) != nil
            }
        }
    }
}
