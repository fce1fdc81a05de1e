/// A piece of text around a match: a backlink's quote of the note that mentions a concept
/// (`…컨테이너를 묶은 [파드]는 …`) and a search result's context.
public struct TextSnippet: Sendable, Hashable {
    /// Text before the match, starting with "…" where text was left out.
    public var before: String
    public var match: String
    /// Text after the match, ending with "…" where text was left out.
    public var after: String

    public init(before: String, match: String, after: String) {
        self.before = before
        self.match = match
        self.after = after
    }

    public var plain: String { before + match + after }

    /// The one snippet cutter: about `radius` Unicode scalars on each side of the UTF-8 byte
    /// range `start..<end` of `text`, cut at spaces where possible so no word is cut in half,
    /// with "…" where text was left out. Works on bytes (no grapheme counting), so it is
    /// linear and cheap enough to run for every mention of every note.
    ///
    /// ```swift
    /// TextSnippet.around(Array("앞 설명 뒤에 파드를 만든다".utf8), start: 17, end: 23, radius: 3)
    /// // before "…뒤에 ", match "파드", after "를 만…"
    /// ```
    public static func around(_ text: [UInt8], start: Int, end: Int, radius: Int = 40) -> TextSnippet {
        let start = min(max(start, 0), text.count)
        let end = min(max(end, start), text.count)
        // Walk back `radius` scalars from the start.
        var low = start
        var scalars = 0
        while low > 0 && scalars < radius {
            low -= 1
            while low > 0, text[low] & 0xC0 == 0x80 { low -= 1 }
            scalars += 1
        }
        let cutBefore = low > 0
        if cutBefore {
            // Start after the first space in the window, so no word is cut in half.
            if let space = text[low..<start].firstIndex(where: { $0 == 0x20 }), space + 1 < start { low = space + 1 }
        }
        var high = end
        scalars = 0
        while high < text.count && scalars < radius {
            high += 1
            while high < text.count, text[high] & 0xC0 == 0x80 { high += 1 }
            scalars += 1
        }
        let cutAfter = high < text.count
        if cutAfter, let space = text[end..<high].lastIndex(where: { $0 == 0x20 }), space > end + radius / 2 { high = space }
        var before = String(decoding: text[low..<start], as: UTF8.self)
        var after = String(decoding: text[end..<high], as: UTF8.self)
        if cutBefore { before = "…" + before }
        if cutAfter { after += "…" }
        return TextSnippet(before: before, match: String(decoding: text[start..<end], as: UTF8.self), after: after)
    }

    /// The start of a text (about `2 × radius` scalars), for when nothing matched.
    public static func head(_ text: [UInt8], radius: Int = 40) -> TextSnippet {
        let cut = around(text, start: 0, end: 0, radius: radius * 2)
        return TextSnippet(before: cut.after, match: "", after: "")
    }
}
