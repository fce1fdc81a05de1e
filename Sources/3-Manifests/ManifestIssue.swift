import GongbuCore

/// One problem found in a manifest document.
public struct ManifestIssue: Sendable, Hashable {
    public var severity: Severity
    /// `schema`, or the id of the API rule that found it (`selector-match`, `port-range` …).
    public var rule: String
    /// The field it concerns: `spec.template.spec.containers[0].image` (empty for the document).
    public var path: String
    /// What is wrong, in English; `text` keeps it translatable.
    public var message: String { text.description }
    /// The message as a template and its values, for the site's language.
    public var text: Message
    /// Where in the YAML text (1-based).
    public var position: YAMLPosition

    public init(_ severity: Severity, rule: String, path: FieldPath, message: Message, at position: YAMLPosition) {
        self.severity = severity
        self.rule = rule
        self.path = path.description
        self.text = message
        self.position = position
    }
}
