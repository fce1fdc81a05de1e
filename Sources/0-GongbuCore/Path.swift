/// Pure string helpers for '/'-separated paths. No disk access here: the pipeline decides
/// what a path means, `FileSystem` decides what is on disk.
public enum Path {
    /// Joins components with '/', collapsing duplicate separators.
    public static func join(_ components: String...) -> String {
        join(components)
    }

    public static func join(_ components: [String]) -> String {
        var result = ""
        for component in components where !component.isEmpty {
            if result.isEmpty {
                result = component
            } else if component.hasPrefix("/") {
                result = component
            } else {
                if !result.hasSuffix("/") { result += "/" }
                result += component
            }
        }
        return result
    }

    /// Resolves `.` and `..` and removes duplicate and trailing slashes.
    /// `..` never climbs above the root of an absolute path.
    public static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !absolute {
                    parts.append(part)
                }
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// Makes `path` absolute against `base` (normally the current directory) and normalises it.
    public static func absolute(_ path: String, relativeTo base: String) -> String {
        normalize(path.hasPrefix("/") ? path : join(base, path))
    }

    public static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    public static func lastComponent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// The file name without its last extension: `2019-02-03-pods.md` -> `2019-02-03-pods`.
    public static func stem(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The last extension, lower-cased, without the dot; empty when there is none.
    public static func fileExtension(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }

    /// True when `path` is `ancestor` or lies inside it (both normalised, absolute).
    public static func isInside(_ path: String, _ ancestor: String) -> Bool {
        if path == ancestor { return true }
        if ancestor == "/" { return path.hasPrefix("/") }
        return path.hasPrefix(ancestor + "/")
    }

    /// `path` relative to `base` when it lies inside it, otherwise `path` unchanged.
    public static func relative(_ path: String, to base: String) -> String {
        if path == base { return "." }
        let prefix = base == "/" ? "/" : base + "/"
        if path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
        return path
    }
}
