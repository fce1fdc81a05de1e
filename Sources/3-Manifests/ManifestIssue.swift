import GongbuCore

/// One problem found in a manifest document.
public struct ManifestIssue: Sendable, Hashable {
    public var severity: Severity
    /// `schema`, or the id of the API rule that found it (`selector-match`, `port-range` …).
    public var rule: String
    /// The field it concerns: `spec.template.spec.containers[0].image` (empty for the document).
    public var path: String
    public var message: String
    /// Where in the YAML text (1-based).
    public var position: YAMLPosition

    public init(_ severity: Severity, rule: String, path: FieldPath, message: String, at position: YAMLPosition) {
        self.severity = severity
        self.rule = rule
        self.path = path.description
        self.message = message
        self.position = position
    }
}
