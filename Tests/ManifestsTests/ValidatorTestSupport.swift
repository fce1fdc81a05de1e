import GongbuCore
import Testing

@testable import Manifests

/// Validates YAML and returns the issues as `line:col rule path: message` strings (errors and warnings).
func issues(_ yaml: String, strict: Bool = true, version: String? = nil) -> [String] {
    let results = ManifestValidator.validate(
        [ManifestSource(file: "t.yaml", text: yaml)], options: ValidationOptions(version: version, strict: strict))
    return results.flatMap { $0.documents.flatMap { $0.issues } }.map {
        "\($0.line):\($0.column) \($0.severity.rawValue) \($0.rule) \($0.text)"
    }
}

/// Only the rule ids of the issues, for table tests.
func rules(_ yaml: String) -> [String] {
    let results = ManifestValidator.validate([ManifestSource(file: "t.yaml", text: yaml)], options: ValidationOptions())
    return results.flatMap { $0.documents.flatMap { $0.issues } }.map(\.rule)
}

/// A minimal valid Deployment to mutate in tests.
func deployment(replicas: String = "2", selector: String = "app: web", labels: String = "app: web", container: String = "") -> String {
    """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      replicas: \(replicas)
      selector:
        matchLabels:
          \(selector)
      template:
        metadata:
          labels:
            \(labels)
        spec:
          containers:
            - name: web
              image: nginx:1.27
              ports:
                - containerPort: 80
    \(container)
    """
}
