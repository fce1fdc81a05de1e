/// A Kubernetes label selector (`matchLabels` and `matchExpressions`, or a Service's plain map),
/// for checking which pod templates it matches.
struct LabelSelector {
    enum Requirement {
        case equals(String, String)
        case isIn(String, Set<String>)
        case notIn(String, Set<String>)
        case exists(String)
        case doesNotExist(String)
    }

    var requirements: [Requirement] = []

    /// `spec.selector` of a workload: `{matchLabels: {…}, matchExpressions: [{key, operator, values}]}`.
    init(workloadSelector node: ManifestNode) {
        for field in node["matchLabels"]?.fields ?? [] {
            if let value = field.value.string { requirements.append(.equals(field.key, value)) }
        }
        for expression in node["matchExpressions"]?.items ?? [] {
            guard let key = expression["key"]?.string, let op = expression["operator"]?.string else { continue }
            let values = Set((expression["values"]?.items ?? []).compactMap(\.string))
            switch op {
            case "In": requirements.append(.isIn(key, values))
            case "NotIn": requirements.append(.notIn(key, values))
            case "Exists": requirements.append(.exists(key))
            case "DoesNotExist": requirements.append(.doesNotExist(key))
            default: break
            }
        }
    }

    /// A Service's (or ReplicationController's) selector: a plain map of labels.
    init(plain node: ManifestNode) {
        for field in node.fields {
            if let value = field.value.string { requirements.append(.equals(field.key, value)) }
        }
    }

    var isEmpty: Bool { requirements.isEmpty }

    func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { requirement in
            switch requirement {
            case .equals(let key, let value): return labels[key] == value
            case .isIn(let key, let values): return labels[key].map(values.contains) ?? false
            case .notIn(let key, let values): return labels[key].map { !values.contains($0) } ?? true
            case .exists(let key): return labels[key] != nil
            case .doesNotExist(let key): return labels[key] == nil
            }
        }
    }
}
