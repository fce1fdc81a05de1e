/// Jekyll's `YYYY-MM-DD-title.md` naming: a date and the rest of the name.
public enum JekyllName {
    /// Splits `2019-02-03-pods` into the date and `pods`; nil when the stem does not start with a valid date.
    public static func split(_ stem: String) -> (date: NoteDate, rest: String)? {
        let bytes = Array(stem.utf8)
        guard bytes.count >= 11, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x2D else { return nil }
        let digitPositions = [0, 1, 2, 3, 5, 6, 8, 9]
        guard digitPositions.allSatisfy({ bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }) else { return nil }
        let parsed = NoteDate.parse(String(decoding: bytes[0..<10], as: UTF8.self))
        guard let date = parsed.date, parsed.warning == nil else { return nil }
        let rest = String(decoding: bytes[11...], as: UTF8.self)
        guard !rest.isEmpty else { return nil }
        return (date, rest)
    }
}
