/// How bad a diagnostic is. Errors fail the build (exit code 1); warnings are reported and the build goes on.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case error
    case warning
    case note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A position in a source file, 1-based like every compiler's.
///
/// `file` is the path as the user should see it (relative to the folder they gave us when possible),
/// so that `path:line:col` can be clicked in a terminal or an editor.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `path:line:col`, `path:line` or `path`, whichever is known.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if (lhs.line ?? 0) != (rhs.line ?? 0) { return (lhs.line ?? 0) < (rhs.line ?? 0) }
        return (lhs.column ?? 0) < (rhs.column ?? 0)
    }
}

/// One problem found in the user's input, worded like a compiler message.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    /// A stable identifier of the check that produced it (for example `schema`, `front-matter`).
    public var rule: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, rule: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.rule = rule
    }

    public static func error(_ message: String, at location: SourceLocation? = nil, rule: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, rule: rule)
    }

    public static func warning(_ message: String, at location: SourceLocation? = nil, rule: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, rule: rule)
    }

    /// `path:line:col: error: message [rule]`
    public var description: String {
        var text = ""
        if let location { text += location.description + ": " }
        text += "\(severity.rawValue): \(message)"
        if let rule { text += " [\(rule)]" }
        return text
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }

    /// Sorted by file, then position, then severity, so reports are stable from run to run
    /// even though the pipeline finds them concurrently.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted { a, b in
            switch (a.location, b.location) {
            case (nil, nil): break
            case (nil, _): return true
            case (_, nil): return false
            case (let la?, let lb?): if la != lb { return la < lb }
            }
            if a.severity != b.severity { return a.severity < b.severity }
            return a.message < b.message
        }
    }
}
