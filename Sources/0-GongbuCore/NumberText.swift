import Foundation

/// Numbers as text without `String(format:)`, which goes through Foundation's formatter and
/// showed up in profiles of large builds (dates on every list entry, coordinates in every diagram).
public enum NumberText {
    /// `value` in decimal, left-padded with zeros to `width` digits: `padded(7, 2)` is `07`, as
    /// `%0*d` writes it (a minus sign counts toward the width).
    public static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        let zeros = max(0, width - digits.count - sign.count)
        return sign + String(repeating: "0", count: zeros) + digits
    }

    /// `value` rounded to a whole number as `%.0f` writes it: halves go to the even neighbour,
    /// and a value that rounds to zero from below keeps its sign (`-0`).
    public static func whole(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        let rounded = value.rounded(.toNearestOrEven)
        guard abs(rounded) < 9e18 else { return String(format: "%.0f", value) }
        let whole = Int(rounded)
        return whole == 0 && value.sign == .minus ? "-0" : String(whole)
    }
}
