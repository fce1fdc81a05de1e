import Analysis
import Foundation
import GongbuCore
import GongbuTestSupport
import Manifests
import Testing

/// Every message the checks produce on a broad set of manifests has its Korean template, and
/// the translations keep every value of the English.
@Suite("Message catalogue")
struct MessageCatalogueTests {
    /// Broken manifests, one or more problems each, across the rules.
    static let broken: [String] = [
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: Web_1\nspec:\n  containers:\n    - name: web\n      imagePullPolicy: Sometimes\n      ports:\n        - containerPort: 70000\n          name: very-long-port-name\n",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: x\n      env:\n        - name: 1BAD\n          value: x\n          valueFrom: {}\n        - name: A\n          value: y\n        - name: A\n          value: z\n      resources:\n        requests:\n          cpu: 2\n        limits:\n          cpu: 1\n          memory: 12Gb\n      volumeMounts:\n        - name: data\n          mountPath: /d\n    - name: a\n      image: y\n      restartPolicy: Always\n  restartPolicy: sometimes\n",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      imagee: x\n      livenessProbe:\n        httpGet:\n          port: http\n  volumes:\n    - name: v\n      emptyDir: {}\n    - name: v\n      emptyDir: {}\n",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: \"3\"\n  selector:\n    matchLabels:\n      app: web\n  strategy:\n    type: Recreate\n    rollingUpdate:\n      maxSurge: 0\n  template:\n    metadata:\n      labels:\n        app: api\n    spec:\n      containers:\n        - name: web\n          image: nginx\n",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector: {}\n  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 0\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx\n",
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: 1web\nspec:\n  type: ClusterIP\n  externalTrafficPolicy: Local\n  selector:\n    app: nothing\n  ports:\n    - port: 80\n      nodePort: 80\n      targetPort: http\n    - port: 0\n",
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: ext\nspec:\n  type: ExternalName\n",
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: nodePort\n  ports:\n    - port: 80\n      nodePort: 40000\n      name: HTTP\n",
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: NodePort\n",
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  completionMode: Indexed\n  template:\n    spec:\n      containers:\n        - name: a\n          image: x\n",
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n      containers:\n        - name: a\n          image: x\n",
        "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: a-very-long-cronjob-name-that-is-longer-than-fifty-two\nspec:\n  schedule: \"TZ=Asia/Seoul 61 * * *\"\n  timeZone: Mars/Olympus\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: a\n              image: x\n",
        "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: \"*/0 5-1 ? 13 MON,\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: a\n              image: x\n",
        "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: \"@fortnightly\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: a\n              image: x\n",
        "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: \"* * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: a\n              image: x\n",
        "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: 5\n  maxReplicas: 2\n",
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ntype: kubernetes.io/tls\ndata:\n  password: not base64!\n",
        "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n  accessModes: []\n  resources: {}\n",
        "apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: v\nspec:\n  accessModes: [ReadWriteOnce]\n  hostPath:\n    path: data\n",
        "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: i\nspec:\n  rules:\n    - host: Bad_Host\n      http:\n        paths:\n          - path: api\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  number: 80\n",
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector:\n    matchLabels:\n      app: db\n  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      containers:\n        - name: db\n          image: postgres\n  volumeClaimTemplates:\n    - spec:\n        accessModes: [ReadWriteOnce]\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  selector:\n    app: db\n  ports:\n    - port: 5432\n",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: Bad_NS\n  labels:\n    \"a/b/c\": x\n    app: \"-web\"\ndata:\n  enabled: true\n",
        "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: old\n",
        "apiVersion: v1\nkind: Pood\nmetadata:\n  name: x\n",
        "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      image: x\n",
        "apiVersion: v1\nkind: List\nitems:\n  - metadata:\n      name: x\n",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  name: q\nspec: [\n",
        "apiVersion: v1\nkind: Pod\nmetadata:\n\tname: p\n",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchExpressions:\n      - key: app\n        operator: In\n      - key: tier\n        operator: Exists\n        values: [a]\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx\n",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: yes\n  terminationGracePeriodSeconds: -1\n  containers:\n    - name: a\n      image: x\n      ports:\n        - containerPort: \"8080\"\n",
    ]

    /// Every message key reached from a message, nested ones included.
    func keys(of message: Message) -> [String] {
        [message.key]
            + message.arguments.flatMap { argument -> [String] in
                if case .message(let inner) = argument { return keys(of: inner) }
                return []
            }
    }

    func yamlBlocks(inMarkdownAt path: String) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.hasPrefix("```yaml") || line.hasPrefix("```yml") {
                current = []
            } else if current != nil, line.hasPrefix("```") {
                blocks.append(current!.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    func files(under root: String, ending suffixes: [String]) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }.filter { name in suffixes.contains { name.hasSuffix($0) } }.sorted().map {
            root + "/" + $0
        }
    }

    @Test func everyMessageTheChecksProduceIsTranslated() throws {
        var texts = Self.broken
        for root in [TestPaths.fixtures, TestPaths.repositoryRoot + "/content"] {
            for path in files(under: root, ending: [".yaml", ".yml"]) {
                texts += [(try? String(contentsOfFile: path, encoding: .utf8)) ?? ""]
            }
            for path in files(under: root, ending: [".md"]) { texts += yamlBlocks(inMarkdownAt: path) }
        }
        let conformance = TestPaths.shared + "/conformance/k8s-docs-examples"
        for path in files(under: conformance, ending: [".yaml", ".yml"]) {
            texts += [(try? String(contentsOfFile: path, encoding: .utf8)) ?? ""]
        }
        let sources = texts.enumerated().map { ManifestSource(file: "note-\($0.offset).md", text: $0.element) }
        let issues = ManifestValidator.validate(sources, options: ValidationOptions()).flatMap { $0.documents.flatMap(\.issues) }
        #expect(issues.count > 80, "the corpus must reach many checks")
        let catalogue = MessageCatalogue.korean
        var missing = Set<String>()
        var rules = Set<String>()
        for issue in issues {
            rules.insert(issue.rule)
            for key in keys(of: issue.localizable) where key != "{}" && !key.isEmpty && catalogue[key] == nil { missing.insert(key) }
        }
        #expect(missing.isEmpty, "untranslated: \(missing.sorted())")
        #expect(rules.count >= 25, "rules reached: \(rules.sorted())")
    }

    /// A translation uses each value of its English template exactly once (`{N}`), so no value
    /// is lost or repeated; `{}` in the English counts the values.
    @Test func translationsKeepEveryValue() {
        for (english, korean) in MessageCatalogue.korean {
            let count = english.components(separatedBy: "{}").count - 1
            let literalBraces = english.contains("{{")
            guard !literalBraces else { continue }
            for number in 1...max(count, 1) where count > 0 {
                #expect(korean.components(separatedBy: "{\(number)}").count == 2, "'\(english)' → '\(korean)': {\(number)}")
            }
            #expect(!korean.contains("{}"), "'\(korean)' uses numbered placeholders")
            #expect(korean.components(separatedBy: "{").count - 1 == count, "'\(english)' → '\(korean)'")
        }
    }

    @Test func nestedMessagesAreTranslatedInside() {
        let problem: Message = "must be no more than 63 characters (it has \(70))"
        let message: Message = "namespace '\("Bad_NS")' is not a valid DNS-1123 label: it \(problem)"
        #expect(
            message.description == "namespace 'Bad_NS' is not a valid DNS-1123 label: it must be no more than 63 characters (it has 70)")
        #expect(UIStrings.korean.message(message) == "네임스페이스 'Bad_NS'은(는) 올바른 DNS-1123 레이블이 아닙니다: 63자 이하여야 합니다(70자)")
        // Unknown templates stay English.
        #expect(UIStrings.korean.message("no such template \(1)") == "no such template 1")
    }
}
