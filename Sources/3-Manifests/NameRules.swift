import Foundation
import GongbuCore

/// Kubernetes' name and label formats (k8s.io/apimachinery/pkg/util/validation).
enum NameRules {
    static func isAlphanumericLower(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        isAlphanumericLower(scalar) || ("A"..."Z").contains(scalar)
    }

    /// IsDNS1123Label: at most 63 characters of lower-case letters, digits and '-', starting
    /// and ending with a letter or digit. Returns the problem, or nil.
    static func dns1123LabelProblem(_ value: String) -> Message? {
        if value.isEmpty { return "must not be empty" }
        if value.count > 63 { return "must be no more than 63 characters (it has \(value.count))" }
        let scalars = Array(value.unicodeScalars)
        if let bad = scalars.first(where: { !isAlphanumericLower($0) && $0 != "-" }) {
            return bad.properties.isUppercase
                ? "must be lower case ('\(bad)' is upper case)"
                : "must consist of lower-case letters, digits and '-' ('\(bad)' is not allowed)"
        }
        if !isAlphanumericLower(scalars.first!) || !isAlphanumericLower(scalars.last!) {
            return "must start and end with a letter or digit"
        }
        return nil
    }

    /// IsDNS1035Label (Service names): like a DNS-1123 label, and must start with a letter.
    static func dns1035LabelProblem(_ value: String) -> Message? {
        if let problem = dns1123LabelProblem(value) { return problem }
        if let first = value.unicodeScalars.first, !("a"..."z").contains(first) { return "must start with a letter" }
        return nil
    }

    /// IsDNS1123Subdomain: at most 253 characters; dot-separated DNS-1123 labels.
    static func dns1123SubdomainProblem(_ value: String) -> Message? {
        if value.isEmpty { return "must not be empty" }
        if value.count > 253 { return "must be no more than 253 characters (it has \(value.count))" }
        let scalars = Array(value.unicodeScalars)
        if let bad = scalars.first(where: { !isAlphanumericLower($0) && $0 != "-" && $0 != "." }) {
            return bad.properties.isUppercase
                ? "must be lower case ('\(bad)' is upper case)"
                : "must consist of lower-case letters, digits, '-' and '.' ('\(bad)' is not allowed)"
        }
        for part in value.split(separator: ".", omittingEmptySubsequences: false) {
            guard let first = part.unicodeScalars.first, let last = part.unicodeScalars.last,
                isAlphanumericLower(first), isAlphanumericLower(last)
            else {
                return "must start and end with a letter or digit, also around each '.'"
            }
        }
        return nil
    }

    /// ValidatePathSegmentName (RBAC names): anything but '/' and '%', and not '.' or '..'.
    static func pathSegmentProblem(_ value: String) -> Message? {
        if value.isEmpty { return "must not be empty" }
        if value == "." || value == ".." { return "must not be '.' or '..'" }
        if let bad = value.first(where: { $0 == "/" || $0 == "%" }) { return "must not contain '\(bad)'" }
        return nil
    }

    /// IsValidPortName (IANA_SVC_NAME): at most 15 characters of lower-case letters, digits and
    /// '-', with at least one letter, no '--', and no '-' at either end.
    static func portNameProblem(_ value: String) -> Message? {
        if value.isEmpty { return "must not be empty" }
        if value.count > 15 { return "must be no more than 15 characters (it has \(value.count))" }
        let scalars = Array(value.unicodeScalars)
        if let bad = scalars.first(where: { !isAlphanumericLower($0) && $0 != "-" }) {
            return bad.properties.isUppercase
                ? "must be lower case ('\(bad)' is upper case)"
                : "must consist of lower-case letters, digits and '-' ('\(bad)' is not allowed)"
        }
        if !scalars.contains(where: { ("a"..."z").contains($0) }) { return "must contain at least one letter" }
        if value.contains("--") { return "must not contain '--'" }
        if value.hasPrefix("-") || value.hasSuffix("-") { return "must not start or end with '-'" }
        return nil
    }

    /// IsQualifiedName (label and annotation keys): an optional DNS-subdomain prefix and '/', then
    /// a name of at most 63 characters: letters, digits, '-', '_', '.', starting and ending
    /// with a letter or digit.
    static func qualifiedNameProblem(_ value: String) -> Message? {
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count > 2 { return "may contain at most one '/'" }
        var name = value
        if parts.count == 2 {
            let prefix = String(parts[0])
            if prefix.isEmpty { return "has an empty prefix before '/'" }
            if let problem = dns1123SubdomainProblem(prefix) { return "prefix '\(prefix)' \(problem)" }
            name = String(parts[1])
        }
        if name.isEmpty { return "must have a name" }
        if name.count > 63 { return "name part must be no more than 63 characters (it has \(name.count))" }
        return nameCharactersProblem(name)
    }

    /// IsValidLabelValue: empty, or at most 63 characters like the name part of a qualified name.
    static func labelValueProblem(_ value: String) -> Message? {
        if value.isEmpty { return nil }
        if value.count > 63 { return "must be no more than 63 characters (it has \(value.count))" }
        return nameCharactersProblem(value)
    }

    static func nameCharactersProblem(_ value: String) -> Message? {
        let scalars = Array(value.unicodeScalars)
        if let bad = scalars.first(where: { !isAlphanumeric($0) && $0 != "-" && $0 != "_" && $0 != "." }) {
            return "may contain only letters, digits, '-', '_' and '.' ('\(bad)' is not allowed)"
        }
        if !isAlphanumeric(scalars.first!) || !isAlphanumeric(scalars.last!) { return "must start and end with a letter or digit" }
        return nil
    }

    /// Environment variable names. Kubernetes 1.34 made the relaxed rule (any printable ASCII
    /// except '=') the default; before, names had to be C identifiers plus '-' and '.'.
    static func envNameProblem(_ value: String, relaxed: Bool) -> Message? {
        if value.isEmpty { return "must not be empty" }
        if relaxed {
            if let bad = value.unicodeScalars.first(where: { $0.value < 0x20 || $0.value > 0x7E || $0 == "=" }) {
                return "must consist of printable ASCII characters other than '=' ('\(bad.escaped(asASCII: true))' is not allowed)"
            }
            return nil
        }
        let scalars = Array(value.unicodeScalars)
        let allowedFirst: (Unicode.Scalar) -> Bool = {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "_" || $0 == "-" || $0 == "."
        }
        if !allowedFirst(scalars[0]) { return "must start with a letter, '_', '-' or '.'" }
        if let bad = scalars.first(where: { !allowedFirst($0) && !("0"..."9").contains($0) }) {
            return "may contain only letters, digits, '_', '-' and '.' ('\(bad)' is not allowed)"
        }
        return nil
    }
}
