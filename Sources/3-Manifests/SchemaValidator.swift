import GongbuCore

/// Checks a document against the API schema of its kind (rule id `schema`): types, required
/// fields, and, in strict mode, unknown fields, with a "did you mean" for likely typos.
///
/// It follows JSON Schema as kubernetes-validate applies it, so their verdicts agree: integers
/// may be written 80.0; an int-or-string or quantity field is never null; null is accepted
/// where the schema says so.
struct SchemaValidator {
    let schema: KubernetesSchema
    let strict: Bool

    /// - Parameter keyPosition: where the key holding this value is (a missing required field is
    ///   reported there, where the reader sees the object start).
    func validate(_ node: ManifestNode, type: Int, path: FieldPath, keyPosition: YAMLPosition? = nil, into issues: inout [ManifestIssue]) {
        let nullable = schema.nullable[type]
        if node.isNull {
            switch schema.types[type] {
            case .any: return
            case .intOrString:
                issues.append(issue(path, "must be an integer or a string, not null", node.position))
                return
            case .quantity:
                issues.append(issue(path, "must be a quantity such as 500m or 1Gi, not null", node.position))
                return
            default:
                if !nullable { issues.append(issue(path, "must not be null", node.position)) }
                return
            }
        }
        switch schema.types[type] {
        case .any:
            return
        // A timestamp-looking plain scalar is a string to kubectl: its YAML layer turns YAML into
        // JSON without YAML 1.1's timestamp type (the bootstrap-token Secret's `expiration`).
        case .string:
            if case .timestamp? = node.scalar { return }
            guard case .scalar(.string, _) = node else { return mismatch(node, expected: "a string", path: path, into: &issues) }
        case .dateTime:
            if case .timestamp? = node.scalar { return }
            guard case .scalar(.string, _) = node else {
                return mismatch(node, expected: "a date-time string such as \"2024-03-02T10:00:00Z\"", path: path, into: &issues)
            }
        case .integer:
            guard node.integer != nil || isBigInteger(node) else {
                return mismatch(node, expected: "an integer", path: path, into: &issues)
            }
        case .number:
            guard isNumber(node) else { return mismatch(node, expected: "a number", path: path, into: &issues) }
        case .boolean:
            guard case .scalar(.bool, _) = node else { return mismatch(node, expected: "true or false", path: path, into: &issues) }
        case .intOrString:
            switch node.scalar {
            case .string?, .int?, .bigInteger?: return
            case .double(let value)? where value.rounded() == value: return
            default: return mismatch(node, expected: "an integer or a string", path: path, into: &issues)
            }
        case .quantity:
            guard node.string != nil || isNumber(node) else {
                return mismatch(node, expected: "a quantity such as 500m, 1Gi or 2", path: path, into: &issues)
            }
        case .array(let item):
            guard case .list(let items, _) = node else { return mismatch(node, expected: "a list", path: path, into: &issues) }
            for (index, element) in items.enumerated() {
                validate(element, type: item, path: path.appending(index), into: &issues)
            }
        case .map(let value):
            guard case .map(let fields, _) = node else { return mismatch(node, expected: "a mapping", path: path, into: &issues) }
            for field in fields {
                validate(field.value, type: value, path: path.appending(field.key), keyPosition: field.keyPosition, into: &issues)
            }
        case .freeObject:
            guard case .map = node else { return mismatch(node, expected: "a mapping", path: path, into: &issues) }
        case .object(let known, let required):
            guard case .map(let fields, let position) = node else {
                return mismatch(node, expected: "a mapping", path: path, into: &issues)
            }
            for field in fields {
                if let fieldType = known[field.key] {
                    validate(field.value, type: fieldType, path: path.appending(field.key), keyPosition: field.keyPosition, into: &issues)
                } else {
                    let hint =
                        Suggest.closest(to: field.key, among: known.keys).map { close -> Message in " (did you mean '\(close)'?)" } ?? ""
                    issues.append(
                        ManifestIssue(
                            strict ? .error : .warning, rule: "schema", path: path.appending(field.key),
                            message: "unknown field '\(field.key)'\(hint)", at: field.keyPosition))
                }
            }
            for name in required where !fields.contains(where: { $0.key == name }) {
                issues.append(issue(path, "missing required field '\(name)'", keyPosition ?? position))
            }
        }
    }

    func issue(_ path: FieldPath, _ message: Message, _ position: YAMLPosition) -> ManifestIssue {
        ManifestIssue(.error, rule: "schema", path: path, message: message, at: position)
    }

    func isNumber(_ node: ManifestNode) -> Bool {
        switch node.scalar {
        case .int?, .double?, .bigInteger?: return true
        default: return false
        }
    }

    func isBigInteger(_ node: ManifestNode) -> Bool {
        if case .bigInteger? = node.scalar { return true }
        return false
    }

    func mismatch(_ node: ManifestNode, expected: String, path: FieldPath, into issues: inout [ManifestIssue]) {
        var hint: Message?
        switch node.scalar {
        case .string(let text)? where expected == "an integer" || expected == "a number":
            if ScalarResolver.integer(text) != nil || ScalarResolver.float(text) != nil { hint = "remove the quotes" }
        case .bool? where expected.hasPrefix("a string"):
            hint = "YAML reads yes/no/on/off/true/false as booleans, so quote it"
        case .timestamp(let text)? where expected.hasPrefix("a string"):
            hint = "quote it (\"\(text)\") to keep it as text"
        case .int?,
            .double? where expected.hasPrefix("a string"):
            hint = "quote it to keep it as text"
        case .string(let text)? where expected == "true or false":
            if ["true", "false"].contains(text.lowercased()) { hint = "remove the quotes" }
        default:
            break
        }
        // What was expected is a phrase of its own (`an integer`), translated like the rest.
        let expectedPhrase = Message(stringLiteral: expected)
        let message: Message =
            if let hint { "expected \(expectedPhrase), found \(node.described); \(hint)" } else {
                "expected \(expectedPhrase), found \(node.described)"
            }
        issues.append(issue(path, message, node.position))
    }
}
