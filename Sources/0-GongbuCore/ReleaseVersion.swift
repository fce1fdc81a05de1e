/// Kubernetes and kubectl release numbers (`1.31`, `v1.31.4`), compared as numbers.
public enum ReleaseVersion {
    /// The numbers of a release: `v1.31.4` → `[1, 31, 4]`.
    public static func key(_ version: String) -> [Int] {
        (version.hasPrefix("v") ? version.dropFirst() : Substring(version)).split(separator: ".").compactMap { Int($0) }
    }

    /// Whether release `a` comes before release `b` (`1.9` before `1.16`).
    public static func precedes(_ a: String, _ b: String) -> Bool {
        key(a).lexicographicallyPrecedes(key(b))
    }

    /// The index in `versions` (oldest first) of the newest release that is not newer than
    /// `requested`'s major and minor (`1.31.4` → `1.31`); nil when every release is newer or
    /// `requested` is no release number.
    public static func newest(in versions: [String], notAfter requested: String) -> Int? {
        let wanted = Array(key(requested).prefix(2))
        guard wanted.count == 2 else { return nil }
        return versions.lastIndex { !wanted.lexicographicallyPrecedes(key($0)) }
    }
}
