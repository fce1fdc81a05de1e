import Testing

@testable import Commands

/// The declarative equivalents of generator commands, held to what kubectl 1.33 prints for
/// them with `--dry-run=client -o yaml` (`scripts/kubectl-dry-run-conformance.py` compares
/// hundreds more against the installed kubectl).
@Suite("kubectl generator commands")
struct KubectlGeneratorsTests {
    static func yaml(_ lines: String...) -> [String?] {
        var known: KubectlGenerators.Known = [:]
        return lines.flatMap { line in
            ShellCommands.kubectlInvocations(in: line, language: "bash").map { invocation -> String? in
                let made = KubectlGenerators.equivalent(of: invocation, known: known)
                if let made { known["\(made.kind.lowercased())/\(made.name)"] = made.object }
                return made?.yaml
            }
        }
    }

    @Test func createDeploymentAndExposeIt() {
        let made = Self.yaml(
            "kubectl create deployment web --image=nginx --image=redis --replicas=3 --port=80 -n demo",
            "kubectl create deployment api --image=nginx --port=8080",
            "kubectl expose deployment api --type=NodePort")
        #expect(
            made[0] == """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  creationTimestamp: null
                  labels:
                    app: web
                  name: web
                  namespace: demo
                spec:
                  replicas: 3
                  selector:
                    matchLabels:
                      app: web
                  strategy: {}
                  template:
                    metadata:
                      creationTimestamp: null
                      labels:
                        app: web
                    spec:
                      containers:
                      - image: nginx
                        name: nginx
                        ports:
                        - containerPort: 80
                        resources: {}
                      - image: redis
                        name: redis
                        resources: {}
                status: {}

                """)
        #expect(
            made[2] == """
                apiVersion: v1
                kind: Service
                metadata:
                  creationTimestamp: null
                  labels:
                    app: api
                  name: api
                spec:
                  ports:
                  - port: 8080
                    protocol: TCP
                    targetPort: 8080
                  selector:
                    app: api
                  type: NodePort
                status:
                  loadBalancer: {}

                """)
    }

    @Test func runMakesAPod() {
        #expect(
            Self.yaml("kubectl run web --image=nginx --port=80 --labels=app=x,tier=fe --env=A=1 --restart=Never -- sleep 10") == [
                """
                apiVersion: v1
                kind: Pod
                metadata:
                  creationTimestamp: null
                  labels:
                    app: x
                    tier: fe
                  name: web
                spec:
                  containers:
                  - args:
                    - sleep
                    - "10"
                    env:
                    - name: A
                      value: "1"
                    image: nginx
                    name: web
                    ports:
                    - containerPort: 80
                    resources: {}
                  dnsPolicy: ClusterFirst
                  restartPolicy: Never
                status: {}

                """
            ])
    }

    @Test func servicesConfigMapsSecretsAndJobs() {
        let made = Self.yaml(
            "kubectl create service clusterip web --tcp=80:8080 --tcp=443",
            "kubectl create secret generic s --from-literal=user=admin --from-literal=pw='p@ss'",
            "kubectl create cronjob cj --image=busybox --schedule='*/5 * * * *' -- date")
        #expect(made[0]?.contains("  - name: 80-8080\n    port: 80\n    protocol: TCP\n    targetPort: 8080\n  - name: \"443\"\n") == true)
        #expect(made[1]?.hasPrefix("apiVersion: v1\ndata:\n  pw: cEBzcw==\n  user: YWRtaW4=\nkind: Secret\n") == true)
        #expect(made[2]?.contains("  schedule: '*/5 * * * *'\n") == true)
    }

    @Test(arguments: [
        // Commands gongbu cannot make exactly: a flag it does not model, a file, an invalid image.
        "kubectl create configmap c --from-file=app.properties",
        "kubectl run web --image=nginx --overrides='{}'",
        "kubectl run web --image=Nginx",
        "kubectl expose deployment unknown --port=80",
        "kubectl create deployment web",
        "kubectl get pods",
        // Values left to the reader would go into the YAML as they stand.
        "kubectl run nginx --image=nginx --namespace=<insert-namespace-name-here>",
        "kubectl create secret generic s --from-literal=password=$PASSWORD",
    ])
    func noEquivalent(line: String) {
        #expect(Self.yaml(line).allSatisfy { $0 == nil })
    }

    @Test(arguments: [
        ("gcr.io/project/hello-node:v1", "hello-node"), ("nginx:latest", "nginx"), ("my_app:1", "my-app-xxxxx"),
        ("localhost:5000/a/b@sha256:0123", "b"),
    ])
    func containerNames(image: String, name: String) {
        #expect(KubectlGenerators.containerName(image) == name)
    }
}

/// kubectl's YAML: what is quoted how, folding, blocks.
@Suite("kubectl's YAML")
struct KubectlYAMLTests {
    @Test(arguments: [
        ("1", "\"1\""), ("yes", "\"yes\""), ("True", "\"True\""), ("~", "\"~\""), ("", "\"\""), ("07", "\"07\""), ("0x1F", "\"0x1F\""),
        ("1e3", "\"1e3\""), (".5", "\".5\""), ("1_000", "\"1_000\""), ("0o17", "\"0o17\""), ("2019-02-14", "\"2019-02-14\""),
        ("1:20", "\"1:20\""), ("+1", "\"+1\""), (".inf", "\".inf\""),
        ("a: b", "'a: b'"), ("#x", "'#x'"), (" lead", "' lead'"), ("x #y", "'x #y'"), ("*/5 * * * *", "'*/5 * * * *'"), ("[a]", "'[a]'"),
        ("|", "'|'"), ("@x", "'@x'"),
        ("-x", "-x"), ("?x", "?x"), ("a:b", "a:b"), ("it's", "it's"), ("a\"b", "a\"b"), ("안녕 하세요", "안녕 하세요"), ("1.0.0", "1.0.0"),
        ("a\tb", "\"a\\tb\""),
    ])
    func scalars(value: String, written: String) {
        #expect(KubectlYAML.map([("k", .string(value))]).text() == "k: \(written)\n")
    }

    @Test func longTextFoldsPastColumn80AndLinesMakeABlock() {
        let long = Array(repeating: "word", count: 30).joined(separator: " ")
        #expect(
            KubectlYAML.map([("data", .map([("long", .string(long)), ("nl", .string("a\nb"))]))]).text() == """
                data:
                  long: word word word word word word word word word word word word word word word
                    word word word word word word word word word word word word word word word
                  nl: |-
                    a
                    b

                """)
    }
}
