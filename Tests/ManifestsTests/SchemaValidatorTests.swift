import GongbuCore
import Testing

@testable import Manifests

@Suite("Schema checks")
struct SchemaValidatorTests {
    @Test func aValidDeploymentHasNoIssues() {
        #expect(issues(deployment()) == [])
    }

    @Test func stringReplicasIsATypeError() {
        #expect(
            issues(deployment(replicas: "\"3\"")) == [
                "6:13 error schema spec.replicas: expected an integer, found a string \"3\"; remove the quotes"
            ])
    }

    @Test func typoedFieldGetsASuggestion() {
        let yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              contianers:
                - name: a
                  image: nginx
            """
        #expect(
            issues(yaml) == [
                "5:1 error schema spec: missing required field 'containers'",
                "6:3 error schema spec.contianers: unknown field 'contianers' (did you mean 'containers'?)",
            ])
    }

    @Test func nonStrictModeMakesUnknownFieldsWarnings() {
        let yaml = deployment().replacingOccurrences(of: "  replicas: 2", with: "  replica: 2")
        #expect(issues(yaml, strict: true) == ["6:3 error schema spec.replica: unknown field 'replica' (did you mean 'replicas'?)"])
        #expect(issues(yaml, strict: false) == ["6:3 warning schema spec.replica: unknown field 'replica' (did you mean 'replicas'?)"])
    }

    @Test(arguments: [
        ("containerPort: 8080", nil),
        ("containerPort: 80.0", nil),  // JSON Schema counts 80.0 as an integer
        ("containerPort: \"80\"", "expected an integer, found a string \"80\"; remove the quotes"),
        ("containerPort: 0x50", nil),  // YAML 1.1 hex
        ("containerPort: yes", "expected an integer, found a boolean (true)"),
        ("containerPort: ~", "must not be null"),
        ("containerPort: [80]", "expected an integer, found a list"),
    ])
    func integerFields(line: String, expected: String?) {
        let yaml =
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: b\n      ports:\n        - \(line)\n"
        let found = issues(yaml).filter { $0.contains(" schema ") }
        if let expected {
            #expect(found.count == 1)
            #expect(found.first?.hasSuffix(expected) == true, "\(found)")
        } else {
            #expect(found.isEmpty, "\(found)")
        }
    }

    @Test(arguments: [
        ("targetPort: 8080", true),
        ("targetPort: http", true),
        ("targetPort: ~", false),  // null matches both branches of int-or-string
        ("targetPort: 1.5", false),
        ("targetPort: true", false),
    ])
    func intOrString(line: String, valid: Bool) {
        let yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n    - port: 80\n      \(line)\n"
        #expect(issues(yaml).filter { $0.contains(" schema ") }.isEmpty == valid)
    }

    @Test(arguments: [
        ("value: yes", "expected a string, found a boolean (true); YAML reads yes/no/on/off/true/false as booleans, so quote it"),
        // A date is a string to kubectl's YAML layer (the docs' bootstrap-token Secret relies on it).
        ("value: 2024-01-01", nil),
        ("value: 2017-03-10T03:22:11Z", nil),
        ("value: 8080", "expected a string, found an integer (8080); quote it to keep it as text"),
        ("value: \"yes\"", nil),
        ("value: 1e3", nil),  // not a number in YAML 1.1 (no dot)
        ("value: 1.2.3", nil),
    ])
    func yaml11Scalars(line: String, expected: String?) {
        let yaml =
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: b\n      env:\n        - name: X\n          \(line)\n"
        let found = issues(yaml)
        if let expected {
            #expect(found == ["11:18 error schema spec.containers[0].env[0].value: \(expected)"])
        } else {
            #expect(found.isEmpty, "\(found)")
        }
    }

    @Test func quantitiesAcceptNumbersAndStrings() {
        let yaml =
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: b\n      resources:\n        requests:\n          cpu: 0.5\n          memory: 64Mi\n        limits:\n          cpu: \"1\"\n          memory: 128Mi\n"
        #expect(issues(yaml) == [])
    }

    @Test func unknownKindsAndRemovedAPIs() {
        #expect(
            issues("apiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: x\n") == [
                "2:7 error schema kind: unknown kind 'Deploymnet' in apps/v1 (did you mean 'Deployment'?)"
            ])
        #expect(
            issues("apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: x\n") == [
                "1:13 error api-version apiVersion: Deployment in extensions/v1beta1 is gone since Kubernetes 1.18 (last in 1.17; deprecated as of 1.11); use apps/v1"
            ])
        // The history reaches back to the oldest schema published: 1.11's.
        let history = APIHistory.shared
        #expect(history.versions.first == "1.11")
        #expect(history.entry(apiVersion: "networking.k8s.io/v1beta1", kind: "Ingress")?.last == "1.21")
        #expect(history.entry(apiVersion: "apps/v1", kind: "Deployment")?.last == history.versions.last)
        // A custom resource cannot be checked: skipped, not an error.
        let results = ManifestValidator.validate(
            [ManifestSource(file: "c.yaml", text: "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: c\n")],
            options: ValidationOptions())
        #expect(results[0].documents[0].status == .skipped)
    }

    @Test func olderVersionsServeOlderAPIs() {
        let cron =
            "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: \"*/5 * * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: a\n              image: b\n"
        #expect(
            issues(cron, version: "1.25") == [
                "1:13 error api-version apiVersion: CronJob in batch/v1beta1 is gone since Kubernetes 1.25 (last in 1.24); use batch/v1"
            ])
        #expect(KubernetesSchema.shared.resolveVersion("1.31.4") == "1.31")
        #expect(KubernetesSchema.shared.resolveVersion("v1.99") == KubernetesSchema.shared.newestVersion)
        #expect(KubernetesSchema.shared.resolveVersion("1.2") == nil)
        #expect(KubernetesSchema.shared.availableVersions.count >= 13)
    }

    @Test func listsValidateEachItem() {
        let yaml =
            "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: ok\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: Bad_Name\n"
        #expect(
            issues(yaml) == [
                "11:13 error name items[1].metadata.name: ConfigMap name 'Bad_Name' is not a valid DNS-1123 subdomain: it must be lower case ('B' is upper case)"
            ])
    }
}

@Suite("YAML hazards")
struct YAMLHazardTests {
    @Test func syntaxErrorsArePositioned() {
        let results = ManifestValidator.validate(
            [ManifestSource(file: "n.md", firstLine: 10, columnOffset: 2, text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [x\n")],
            options: ValidationOptions())
        let issue = results[0].documents[0].issues[0]
        #expect(issue.rule == "yaml")
        #expect(issue.line == 14)
        #expect(issue.message.hasPrefix("invalid YAML: did not find expected ',' or ']'"))
    }

    @Test func aliasBombsStop() {
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\n  labels:\n    a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            yaml += "    a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let found = issues(yaml)
        #expect(found.count == 1)
        #expect(found[0].contains("more than 200000 values"))
    }

    @Test func deepNestingStops() {
        let yaml =
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata: " + String(repeating: "[", count: 5000)
            + String(repeating: "]", count: 5000)
        #expect(issues(yaml).first?.contains("nests deeper than the limit of 100 levels") == true)
    }

    @Test func hugeDocumentsStop() {
        let yaml =
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  x: \"" + String(repeating: "a", count: 4 * 1024 * 1024)
            + "\"\n"
        #expect(issues(yaml).first?.contains("more than the limit of 3145728 bytes") == true)
    }

    @Test func duplicateKeysAreErrors() {
        #expect(
            issues("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n").first?.contains("duplicate key 'name'") == true)
    }

    @Test func mergeKeysAreApplied() {
        let yaml =
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - &base\n      name: a\n      image: b\n    - <<: *base\n      name: c\n"
        #expect(issues(yaml) == [])
    }

    @Test func multiDocumentStreamsAreNumbered() {
        let results = ManifestValidator.validate(
            [
                ManifestSource(
                    file: "m.yaml",
                    text:
                        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: B\n"
                )
            ],
            options: ValidationOptions())
        #expect(results[0].documents.map(\.document) == [1, 3])
        #expect(results[0].documents.map(\.line) == [1, 7])
        #expect(results[0].documents.map(\.status) == [.valid, .invalid])
    }
}

@Suite("YAML 1.1 scalars")
struct ScalarResolverTests {
    @Test(arguments: [
        ("yes", ManifestScalar.bool(true)), ("Off", .bool(false)), ("y", .string("y")), ("~", .null), ("", .null),
        ("0755", .int(493)), ("0x1F", .int(31)), ("1_000", .int(1000)), ("1:30", .int(90)), ("-12", .int(-12)),
        ("1.5", .double(1.5)), ("1e3", .string("1e3")), ("1.0e+3", .double(1000)), ("08", .string("08")),
        ("2024-01-01", .timestamp("2024-01-01")), ("2024-01-01 10:00:00", .timestamp("2024-01-01 10:00:00")), ("v1.2", .string("v1.2")),
        // Found by fuzzing: base-60 values past Int.max used to trap.
        ("444444444444444444:7", .bigInteger("444444444444444444:7")), ("99999999999999999999:1", .bigInteger("99999999999999999999:1")),
        ("153722867280912930:59", .bigInteger("153722867280912930:59")),
    ])
    func resolves(text: String, expected: ManifestScalar) {
        #expect(ScalarResolver.resolve(plain: text) == expected)
    }
}

/// Inputs the fuzzers found, kept so they never come back.
@Suite("Fuzzer regressions: manifests")
struct ManifestFuzzRegressionTests {
    @Test func hugeBase60KeyValue() {
        let text = String(decoding: [0xFC, 0xFF] + Array("v1beta2/Watchvent: 444444444444444444:7\n".utf8), as: UTF8.self)
        let results = ManifestValidator.validate([ManifestSource(file: "fuzz.yaml", text: text)], options: ValidationOptions())
        // Not an object at all (the key is no apiVersion): skipped, and the report still renders.
        #expect(results.flatMap { $0.documents.map(\.status) } == [.skipped])
        let json = ValidationReport(results: results).json()
        #expect(json.contains(#""reason" : "not a Kubernetes object (no apiVersion and kind)""#), "\(json)")
        #expect(json.contains(#""status" : "skipped""#), "\(json)")
    }
}

/// YAML in other people's notes that is not an example to check, or only part of one.
@Suite("Templates, tool files and excerpts")
struct NotAnExampleTests {
    func statuses(_ text: String) -> [(DocumentResult.Status, String?, Int)] {
        ManifestValidator.validate([ManifestSource(file: "n.md", text: text)], options: ValidationOptions())
            .flatMap(\.documents).map { ($0.status, $0.skipReason, $0.issues.count) }
    }

    @Test(arguments: [
        ("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n", "a Helm template"),
        ("apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n", "a kubeconfig file"),
        ("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n", "a Kustomization"),
        ("apiVersion: v2\nname: web\nversion: 0.1.0\n", "a Helm chart's Chart.yaml"),
    ])
    func toolFilesAreSkippedWithTheirReason(text: String, reason: String) {
        let result = statuses(text)
        #expect(result.count == 1)
        #expect(result.first?.0 == .skipped)
        #expect(result.first?.1?.hasPrefix(reason) == true, "\(result)")
    }

    @Test func excerptsAreCheckedForWhatTheyShow() {
        // No metadata and an elided container list: nothing required is asked for, but a wrong
        // value in what is shown is still found.
        let excerpt = "apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: -1\n  ...\n"
        let result = ManifestValidator.validate([ManifestSource(file: "n.md", text: excerpt)], options: ValidationOptions())
        let issues = result.flatMap(\.documents).flatMap(\.issues)
        #expect(issues.map(\.path) == ["spec.replicas"], "\(issues.map(\.message))")
        #expect(issues.map(\.line) == [4])
    }
}

/// YAML problems are told in the note's terms.
@Suite("YAML messages in note lines")
struct YAMLMessageTests {
    @Test func parserLinesAreNoteLinesAndTabsAreCalledTabs() {
        let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [a,\nspec:\n\tcontainers: []\n"
        let result = ManifestValidator.validate([ManifestSource(file: "n.md", firstLine: 6, text: text)], options: ValidationOptions())
        let issue = result.flatMap(\.documents).flatMap(\.issues).first
        #expect(issue?.line == 11)
        #expect(issue?.message.contains("that started at line 9, column") == true, "\(issue?.message ?? "")")
        #expect(issue?.message.hasSuffix("note: line 11 is indented with a tab, and YAML allows only spaces") == true)
    }
}
