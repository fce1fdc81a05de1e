import GongbuCore

/// How an example is meant to be checked (the info-string flags of its code block).
public enum ExampleMode: String, Sendable, Hashable, Codable {
    /// Must validate.
    case validate
    /// A deliberate mistake (`yaml expect-error`): must produce at least one error.
    case expectError = "expect-error"
    /// Shown unchecked (`yaml no-validate`).
    case noValidate = "no-validate"
}

/// YAML to check: a fenced code block of a note, or a whole file.
public struct ManifestSource: Sendable {
    /// Path shown in diagnostics.
    public var file: String
    /// Line of the file where the YAML's first line is.
    public var firstLine: Int
    /// Added to YAML columns (a code block indented inside a list).
    public var columnOffset: Int
    public var text: String
    public var mode: ExampleMode

    public init(file: String, firstLine: Int = 1, columnOffset: Int = 0, text: String, mode: ExampleMode = .validate) {
        self.file = file
        self.firstLine = firstLine
        self.columnOffset = columnOffset
        self.text = text
        self.mode = mode
    }

    /// Code blocks tagged yaml or yml whose text looks like a manifest (has apiVersion or kind at
    /// the start of a line). Other YAML (Helm values, Compose files) is not an example.
    public static func looksLikeManifest(_ text: String) -> Bool {
        for line in text.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " || $0 == "-" }
            if trimmed.hasPrefix("apiVersion:") || trimmed.hasPrefix("kind:") || trimmed.hasPrefix("\"apiVersion\"") { return true }
        }
        return false
    }

    /// Parses a code block's info string: `yaml`, `yml`, `yaml expect-error`, `yaml no-validate`.
    /// Returns nil for other languages.
    public static func mode(forInfo info: String) -> ExampleMode? {
        let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "{" || $0 == "}" }).map { $0.lowercased() }
        guard let language = words.first, language == "yaml" || language == "yml" else { return nil }
        if words.contains("expect-error") || words.contains("expect_error") { return .expectError }
        if words.contains("no-validate") || words.contains("no_validate") || words.contains("ignore") { return .noValidate }
        return .validate
    }
}

/// A manifest issue placed in its file.
public struct LocatedIssue: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public var path: String
    public var rule: String
    public var severity: Severity
    /// The message as a template and its values (`Message`), for the site's language.
    public var localizable: Message
    /// The message in English.
    public var message: String { localizable.description }

    /// `path: message`, as compiler-style output shows it.
    public var text: String { path.isEmpty ? message : "\(path): \(message)" }

    public init(line: Int, column: Int, path: String, rule: String, severity: Severity, message: Message) {
        self.line = line
        self.column = column
        self.path = path
        self.rule = rule
        self.severity = severity
        self.localizable = message
    }
}

/// The verdict on one YAML document.
public struct DocumentResult: Sendable {
    public enum Status: String, Sendable, Codable {
        case valid
        case invalid
        case expectedInvalid = "expected-invalid"
        case skipped
    }

    /// 1-based index of the document within its file or code block.
    public var document: Int
    /// File line where the document starts.
    public var line: Int
    public var apiVersion: String?
    public var kind: String?
    public var name: String?
    public var status: Status
    /// Errors and warnings, by position.
    public var issues: [LocatedIssue]
    /// Why a document was skipped (no-validate, a custom resource, not a Kubernetes object).
    public var skipReason: String?

    public var errors: [LocatedIssue] { issues.filter { $0.severity == .error } }
}

/// The verdict on one source (code block or file).
public struct SourceResult: Sendable {
    public var source: ManifestSource
    public var documents: [DocumentResult]
    /// Objects read from the source, for diagrams and example files.
    public var objects: [ManifestObject]

    /// Whether the source defines at least one Kubernetes object (is an example at all).
    public var isExample: Bool { !documents.isEmpty }
}

public struct ValidationOptions: Sendable {
    /// Shipped schema version to check against ("1.37").
    public var version: String
    /// Unknown fields are errors (the default) or warnings.
    public var strict: Bool

    public init(version: String? = nil, strict: Bool = true) {
        self.version = version ?? KubernetesSchema.shared.newestVersion
        self.strict = strict
    }
}

/// Validates manifests: YAML syntax, the API schema, the API server's rules, and the checks
/// across the objects of one note.
public enum ManifestValidator {
    /// Files that are YAML with an apiVersion but are not API objects: a kubeconfig, a
    /// Kustomization, a Helm chart's Chart.yaml. Nil for an object to check.
    static func notAnObject(_ root: ManifestNode) -> String? {
        guard case .map = root else { return nil }
        let kind = root["kind"]?.string
        let apiVersion = root["apiVersion"]?.string ?? ""
        if kind == "Config", apiVersion == "v1", root["clusters"] != nil || root["contexts"] != nil || root["users"] != nil {
            return "a kubeconfig file (kind: Config), not an object of the API"
        }
        if kind == "Kustomization" || kind == "Component" && apiVersion.hasPrefix("kustomize.config.k8s.io") {
            return "a Kustomization: kustomize's own file, not an object of the API"
        }
        if kind == nil, apiVersion == "v1" || apiVersion == "v2", root["name"] != nil, root["version"] != nil {
            return "a Helm chart's Chart.yaml, not an object of the API"
        }
        return nil
    }

    /// A parser message with the lines it names (`that started at line 7`) counted in the note,
    /// not in the code block, and a tab used for indentation called a tab.
    static func noteLines(_ message: String, source: ManifestSource) -> String {
        var result = ""
        var rest = Substring(message)
        while let range = rest.range(of: #"line [0-9]+"#, options: .regularExpression) {
            result += rest[..<range.lowerBound]
            let number = Int(rest[range].dropFirst(5)) ?? 0
            result += "line \(number + source.firstLine - 1)"
            rest = rest[range.upperBound...]
        }
        result += rest
        let lines = source.text.lines()
        if let tabbed = lines.firstIndex(where: { $0.prefix { $0 == " " || $0 == "\t" }.contains("\t") }) {
            result += "; note: line \(tabbed + source.firstLine) is indented with a tab, and YAML allows only spaces"
        }
        return result
    }

    /// Whether `needle` occurs in `text`, compared as UTF-8 bytes (Foundation's substring
    /// search bridges to NSString, and this runs for every example of every note).
    static func containsBytes(_ text: String, _ needle: String) -> Bool {
        ByteSearch.contains(text, needle)
    }

    /// The text with each elision line made a comment (same line numbers), so it parses.
    static func withoutElisions(_ text: String) -> String {
        text.lines().map { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed == "..." || trimmed == "…" else { return String(line) }
            return String(line.prefix { $0 == " " }) + "# " + trimmed
        }.joined(separator: "\n")
    }

    /// Whether the author left lines out: a line that is only `...`, `…` or `# ...`.
    static func isExcerpt(_ text: String) -> Bool {
        // Most examples have no elision at all: look for one before reading lines.
        guard containsBytes(text, "...") || containsBytes(text, "…") else { return false }
        return text.split(separator: "\n").contains { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed == "..." || trimmed == "…" || trimmed == "# ..." || trimmed == "# …" || trimmed == "#..."
        }
    }

    /// Validates the sources of one scope (the examples of a note, or one file) together, so
    /// cross-object checks see everything the reader sees.
    public static func validate(_ sources: [ManifestSource], options: ValidationOptions) -> [SourceResult] {
        var results: [SourceResult] = []
        var scope: [ScopeRules.Located] = []
        var slots: [(source: Int, document: Int)] = []
        for source in sources {
            var result = SourceResult(source: source, documents: [], objects: [])
            if source.mode == .noValidate {
                result.documents = skippedDocuments(source)
                results.append(result)
                continue
            }
            // A Helm template is Go template text that becomes YAML only when rendered.
            if Self.containsBytes(source.text, "{{") && Self.containsBytes(source.text, "}}") {
                result.documents = [
                    DocumentResult(
                        document: 1, line: source.firstLine, status: .skipped, issues: [],
                        skipReason: "a Helm template ({{ … }}): checked once rendered, not as written")
                ]
                results.append(result)
                continue
            }
            let isExcerpt = Self.isExcerpt(source.text)
            switch ManifestParser.parse(isExcerpt ? Self.withoutElisions(source.text) : source.text) {
            case .failure(let syntax):
                result.documents = [
                    DocumentResult(
                        document: 1, line: source.firstLine, status: .invalid,
                        issues: [
                            place(
                                ManifestIssue(
                                    .error, rule: "yaml", path: FieldPath(),
                                    message: "invalid YAML: \(Self.noteLines(syntax.message, source: source))",
                                    at: syntax.position), in: source)
                        ])
                ]
            case .success(let documents):
                for document in documents {
                    guard let root = document.root else { continue }
                    let line = source.firstLine + document.position.line - 1
                    var documentResult = DocumentResult(document: document.index, line: line, status: .valid, issues: [])
                    if let reason = Self.notAnObject(root) {
                        documentResult.status = .skipped
                        documentResult.skipReason = reason
                        result.documents.append(documentResult)
                        continue
                    }
                    guard case .map = root, let apiVersion = root["apiVersion"]?.string, let kind = root["kind"]?.string else {
                        documentResult.status = .skipped
                        documentResult.skipReason = "not a Kubernetes object (no apiVersion and kind)"
                        if case .map = root, root["apiVersion"] != nil || root["kind"] != nil {
                            documentResult.status = .invalid
                            documentResult.issues.append(
                                place(
                                    ManifestIssue(
                                        .error, rule: "schema", path: FieldPath(),
                                        message: "an object needs both apiVersion and kind as strings", at: root.position), in: source))
                        }
                        result.documents.append(documentResult)
                        continue
                    }
                    documentResult.apiVersion = apiVersion
                    documentResult.kind = kind
                    documentResult.name = root["metadata"]?["name"]?.string
                    var issues: [ManifestIssue] = []
                    var objects: [ManifestObject] = []
                    if kind == "List" {
                        for (index, item) in (root["items"]?.items ?? []).enumerated() {
                            let itemPath = FieldPath().appending("items").appending(index)
                            guard case .map = item, let itemVersion = item["apiVersion"]?.string, let itemKind = item["kind"]?.string else {
                                issues.append(
                                    ManifestIssue(
                                        .error, rule: "schema", path: itemPath, message: "a List item needs apiVersion and kind",
                                        at: item.position))
                                continue
                            }
                            let object = ManifestObject(document: document.index, apiVersion: itemVersion, kind: itemKind, root: item)
                            let (itemIssues, skip) = check(object, options: options)
                            issues += itemIssues.map { prefixed($0, with: itemPath) }
                            if skip == nil { objects.append(object) }
                        }
                    } else {
                        let object = ManifestObject(document: document.index, apiVersion: apiVersion, kind: kind, root: root)
                        let (objectIssues, skip) = check(object, options: options)
                        issues += objectIssues
                        if let skip {
                            documentResult.status = .skipped
                            documentResult.skipReason = skip
                        } else {
                            objects.append(object)
                        }
                    }
                    // An excerpt (no metadata, or `...` where the author left lines out) is checked
                    // for what it shows: nothing is required of what was left out.
                    if isExcerpt || root["metadata"] == nil {
                        issues.removeAll { $0.message.contains("required") || $0.message.contains("is missing") }
                    }
                    documentResult.issues = issues.map { place($0, in: source) }
                    for object in objects {
                        scope.append(ScopeRules.Located(object: object, slot: slots.count))
                    }
                    slots.append((results.count, result.documents.count))
                    result.objects += objects
                    result.documents.append(documentResult)
                }
            }
            results.append(result)
        }

        // Checks across the scope, attached to the document they concern.
        for (slot, issue) in ScopeRules.run(scope) {
            let (sourceIndex, documentIndex) = slots[slot]
            results[sourceIndex].documents[documentIndex].issues.append(place(issue, in: results[sourceIndex].source))
        }

        // Statuses, and the expectation of expect-error examples.
        for index in results.indices {
            let mode = results[index].source.mode
            for documentIndex in results[index].documents.indices {
                var document = results[index].documents[documentIndex]
                document.issues.sort { ($0.line, $0.column, $0.message) < ($1.line, $1.column, $1.message) }
                if document.status != .skipped {
                    let hasErrors = !document.errors.isEmpty
                    document.status = hasErrors ? (mode == .expectError ? .expectedInvalid : .invalid) : .valid
                }
                results[index].documents[documentIndex] = document
            }
            if mode == .expectError, results[index].isExample,
                !results[index].documents.contains(where: { $0.status == .expectedInvalid })
            {
                let source = results[index].source
                let target = results[index].documents.firstIndex { $0.status == .valid } ?? 0
                results[index].documents[target].issues.insert(
                    LocatedIssue(
                        line: source.firstLine - 1, column: 1, path: "", rule: "expect-error", severity: .error,
                        message: "this example is marked expect-error but has no error; fix the example or remove the flag"),
                    at: 0)
                if results[index].documents[target].status == .valid { results[index].documents[target].status = .invalid }
            }
        }
        return results
    }

    /// Schema and API rules for one object. Returns a reason when it cannot be checked.
    static func check(_ object: ManifestObject, options: ValidationOptions) -> ([ManifestIssue], String?) {
        let schema = KubernetesSchema.shared
        let version = options.version
        guard let root = schema.rootType(apiVersion: object.apiVersion, kind: object.kind, version: version) else {
            let kindPath = FieldPath().appending("kind")
            let position = object.root.field("kind")?.value.position ?? object.root.position
            let served = schema.apiVersions(serving: object.kind, in: version)
            if !served.isEmpty {
                let versionPosition = object.root.field("apiVersion")?.value.position ?? position
                let use = served.joined(separator: " or ")
                // What the history of releases says: since when it is gone, deprecated since when.
                let history = APIHistory.shared
                if let entry = history.entry(apiVersion: object.apiVersion, kind: object.kind), let gone = history.goneIn(entry),
                    !ReleaseVersion.precedes(version, gone)
                {
                    let message: Message =
                        entry.deprecated.map { deprecated in
                            "\(object.kind) in \(object.apiVersion) is gone since Kubernetes \(gone) (last in \(entry.last); deprecated as of \(deprecated)); use \(use)"
                        } ?? "\(object.kind) in \(object.apiVersion) is gone since Kubernetes \(gone) (last in \(entry.last)); use \(use)"
                    return (
                        [
                            ManifestIssue(
                                .error, rule: "api-version", path: FieldPath().appending("apiVersion"), message: message,
                                at: versionPosition)
                        ],
                        nil
                    )
                }
                return (
                    [
                        ManifestIssue(
                            .error, rule: "api-version", path: FieldPath().appending("apiVersion"),
                            message:
                                "\(object.kind) is not served as \(object.apiVersion) in Kubernetes \(version); use \(use)",
                            at: versionPosition)
                    ], nil
                )
            }
            if schema.isBuiltInGroup(of: object.apiVersion) {
                let kinds = schema.kinds(in: object.apiVersion, version: version)
                let hint = Suggest.closest(to: object.kind, among: kinds).map { close -> Message in " (did you mean '\(close)'?)" } ?? ""
                if kinds.isEmpty {
                    let versionPosition = object.root.field("apiVersion")?.value.position ?? position
                    return (
                        [
                            ManifestIssue(
                                .error, rule: "api-version", path: FieldPath().appending("apiVersion"),
                                message: "apiVersion '\(object.apiVersion)' is not served by Kubernetes \(version)", at: versionPosition)
                        ], nil
                    )
                }
                return (
                    [
                        ManifestIssue(
                            .error, rule: "schema", path: kindPath,
                            message: "unknown kind '\(object.kind)' in \(object.apiVersion)\(hint)", at: position)
                    ], nil
                )
            }
            return ([], "custom resource \(object.apiVersion) \(object.kind): no schema to check it against")
        }
        var issues: [ManifestIssue] = []
        SchemaValidator(schema: schema, strict: options.strict).validate(object.root, type: root, path: FieldPath(), into: &issues)
        issues += APIRules.run(object, version: version)
        return (issues, nil)
    }

    static func prefixed(_ issue: ManifestIssue, with prefix: FieldPath) -> ManifestIssue {
        var copy = issue
        copy.path = issue.path.isEmpty ? prefix.description : prefix.description + (issue.path.hasPrefix("[") ? "" : ".") + issue.path
        return copy
    }

    static func place(_ issue: ManifestIssue, in source: ManifestSource) -> LocatedIssue {
        LocatedIssue(
            line: source.firstLine + issue.position.line - 1, column: issue.position.column + source.columnOffset,
            path: issue.path, rule: issue.rule, severity: issue.severity, message: issue.text)
    }

    /// A no-validate example: read what it defines, if it parses, but check nothing.
    static func skippedDocuments(_ source: ManifestSource) -> [DocumentResult] {
        guard case .success(let documents) = ManifestParser.parse(source.text) else {
            return [DocumentResult(document: 1, line: source.firstLine, status: .skipped, issues: [], skipReason: "marked no-validate")]
        }
        return documents.compactMap { document in
            guard let root = document.root else { return nil }
            return DocumentResult(
                document: document.index, line: source.firstLine + document.position.line - 1,
                apiVersion: root["apiVersion"]?.string, kind: root["kind"]?.string, name: root["metadata"]?["name"]?.string,
                status: .skipped, issues: [], skipReason: "marked no-validate")
        }
    }
}
