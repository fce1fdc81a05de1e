import GongbuCore
import Testing

@testable import Commands

@Suite("kubectl commands")
struct KubectlCheckerTests {
    static func issues(_ code: String, language: String = "bash") -> [String] {
        let checker = KubectlChecker()
        var lines: [String] = []
        for invocation in ShellCommands.kubectlInvocations(in: code, language: language) {
            let found: [CommandIssue] = checker.check(invocation)
            for issue in found { lines.append("\(issue.word.line + 1):\(issue.word.column) \(issue.rule): \(issue.message.description)") }
        }
        return lines
    }

    @Test(
        arguments: [
            // Correct commands, as notes write them.
            ("kubectl get pods -n kube-system -o wide", []),
            ("kubectl create deployment web --image=nginx:1.27 --replicas=3", []),
            ("kubectl create deploy web --image nginx", []),
            ("kubectl scale deployment web --replicas=4", []),
            ("kubectl exec -it web -- sh -c 'ls -l'", []),
            ("kubectl logs <pod-name> -c nginx --tail=20 -f", []),
            // `exec POD COMMAND` without `--`: refused since kubectl 1.31.
            (
                "kubectl exec -it web bash",
                [
                    "1:22 kubectl-removed: 'kubectl exec POD COMMAND' was removed in kubectl 1.31; put -- before the command: kubectl exec POD -- bash"
                ]
            ),
            ("kubectl exec -it web -- bash", []),
            (
                "kubectl get deploy web --export -o yaml",
                [
                    "1:24 kubectl-removed: --export of 'kubectl get' was removed in kubectl 1.18; use kubectl get -o yaml, without the fields the server sets"
                ]
            ),
            // A placeholder inside a word is no redirection: the words after it are read.
            (
                "kubectl scale deployment web --namespace=<ns> --replicas=three",
                ["1:47 kubectl-value: --replicas takes a whole number, not 'three'"]
            ),
            ("kubectl -n demo rollout status deployment/web --timeout=90s", []),
            ("kubectl apply -f pod.yaml && kubectl get pod", []),
            ("kubectl ctx my-cluster", []),  // a plugin
            ("kubectl delete pod web --grace-period=$GRACE", []),
            ("kustomize build k8s/ | kubectl apply -f -", []),  // standard input
            ("kubectl logs -n demo $(kubectl get pods -n demo -o name | head -1) -f", []),
            // Problems, at the word they are about.
            ("kubectl scale deployment web", ["1:9 kubectl-required: 'kubectl scale' needs --replicas"]),
            (
                "kubectl scale deployment web --replica=3",
                [
                    "1:30 kubectl-flag: 'kubectl scale' has no flag --replica (did you mean --replicas?)",
                    "1:9 kubectl-required: 'kubectl scale' needs --replicas",
                ]
            ),
            ("kubectl scale deployment web --replicas=three", ["1:30 kubectl-value: --replicas takes a whole number, not 'three'"]),
            ("kubectl logs web --tail", ["1:18 kubectl-value: --tail needs a value (a whole number)"]),
            (
                "kubectl rolling-update web --image=nginx:2",
                [
                    "1:9 kubectl-removed: 'kubectl rolling-update' was removed in kubectl 1.18; use kubectl rollout (a Deployment's rolling update)"
                ]
            ),
            (
                "kubectl run hello --image=hello:v1 --replicas=2",
                [
                    "1:36 kubectl-removed: --replicas of 'kubectl run' was removed in kubectl 1.18; use kubectl create deployment NAME --image=IMAGE --replicas=N"
                ]
            ),
            (
                "kubectl apply -f web.yaml --record",
                [
                    "1:27 kubectl-deprecated: --record of 'kubectl apply' is deprecated (kubectl 1.33: --record will be removed in the future)"
                ]
            ),
            ("kubectl get pods -x", ["1:18 kubectl-flag: 'kubectl get' has no flag -x"]),
            ("kubectl aplly -f web.yaml", ["1:9 kubectl-command: unknown kubectl command 'aplly' (did you mean 'apply'?)"]),
        ] as [(String, [String])])
    func checks(code: String, expected: [String]) {
        #expect(Self.issues(code) == expected)
    }

    @Test func promptsContinuationsAndOutput() {
        let code = """
            $ kubectl run hello-node \\
                --image=gcr.io/PROJECT_ID/hello-node:v1 \\
                --port=8080 --replicas=1
            deployment "hello-node" created
            $ kubectl scale deployment hello-node
            kubectl is not run here: this line is output
            """
        #expect(
            Self.issues(code) == [
                "3:17 kubectl-removed: --replicas of 'kubectl run' was removed in kubectl 1.18; use kubectl create deployment NAME --image=IMAGE --replicas=N",
                "5:11 kubectl-required: 'kubectl scale' needs --replicas",
            ])
        // Without prompts every line is a command; comments and quotes are not words.
        #expect(Self.issues("# kubectl scale deployment web\nkubectl get pods -l 'app=web' # --bogus") == [])
        // A console block's `#` prompt is root's.
        #expect(Self.issues("# kubectl get nodes --wat", language: "console") == ["1:21 kubectl-flag: 'kubectl get' has no flag --wat"])
    }

    @Test func theModelCoversTheReleasesItWasGeneratedFrom() throws {
        let model = KubectlModel.shared
        #expect(model.versions.first == "1.20")
        #expect(model.versions.last == "1.33")
        let scale = try #require(model.command(["scale"]))
        #expect(scale.command.flags["replicas"]?.required == true)
        #expect(model.command(["create", "deploy"])?.key == "create deployment")
        #expect(model.global["namespace"]?.short == "n")
    }
}

@Suite("kubectl commands as one story")
struct CommandStoryTests {
    static func story(_ code: String) -> [String] {
        var story = CommandStory()
        return ShellCommands.kubectlInvocations(in: code, language: "bash").compactMap { story.read($0) }.map {
            "\($0.word.line + 1):\($0.word.column) \($0.rule)"
        }
    }

    @Test func aDeploymentThatRunNoLongerMakes() {
        let lab = """
            kubectl run hello-node --image=hello:v1 --port=8080
            kubectl expose deployment hello-node --type=LoadBalancer
            kubectl scale deployment/hello-node --replicas=4
            kubectl expose pod hello-node --port=8080
            """
        #expect(Self.story(lab) == ["2:27 kubectl-run-pod", "3:15 kubectl-run-pod"])
        // Made another way first, or maybe by a manifest: nothing to say.
        #expect(
            Self.story("kubectl run web --image=nginx\nkubectl create deployment web --image=nginx\nkubectl scale deploy web --replicas=2")
                == [])
        #expect(Self.story("kubectl run web --image=nginx\nkubectl apply -f web.yaml\nkubectl scale deployment web --replicas=2") == [])
    }

    @Test func theAdviceNamesTheCommandThatWorksToday() throws {
        var story = CommandStory()
        let invocations = ShellCommands.kubectlInvocations(
            in: "kubectl run hello-node --image=gcr.io/p/hello-node:v1 --port=8080\nkubectl expose deployment hello-node", language: "sh")
        #expect(story.read(invocations[0]) == nil)
        let found = story.read(invocations[1])
        let issue = try #require(found)
        #expect(issue.message.description.contains("'kubectl create deployment hello-node --image=gcr.io/p/hello-node:v1 --port=8080'"))
    }
}

@Suite("kubectl resource types")
struct KubectlResourceTests {
    static let resources = KubectlResources(kinds: [
        ("Pod", true, nil), ("Service", true, nil), ("Deployment", true, nil), ("Ingress", true, nil), ("NetworkPolicy", true, nil),
        ("Endpoints", true, nil), ("StorageClass", true, nil), ("PodSecurityPolicy", false, "1.24"),
    ])

    @Test(arguments: [
        ("Pod", "pods"), ("Ingress", "ingresses"), ("NetworkPolicy", "networkpolicies"), ("Endpoints", "endpoints"),
        ("StorageClass", "storageclasses"), ("Gateway", "gateways"),
    ])
    func pluralsAreTheServersGuess(kind: String, plural: String) {
        #expect(KubectlResources.plural(of: kind) == plural)
    }

    @Test(arguments: [
        ("kubectl get po,svc,deploy", []),
        ("kubectl get Pod", []),
        ("kubectl get deployments.apps", []),
        ("kubectl describe ing/web", []),
        ("kubectl get virtualservices", []),  // a custom resource: no built-in is near
        ("kubectl logs web -c app", []),  // a pod's name, not a type
        ("kubectl get <resource>", []),
        ("kubectl get deploymnet", ["1:13 kubectl-resource: unknown resource type 'deploymnet' (did you mean 'deployment'?)"]),
        ("kubectl get pods,sevices", ["1:13 kubectl-resource: unknown resource type 'sevices' (did you mean 'services'?)"]),
        ("kubectl logs deploymnet/web", ["1:14 kubectl-resource: unknown resource type 'deploymnet' (did you mean 'deployment'?)"]),
        ("kubectl explain deploymnet.spec", ["1:17 kubectl-resource: unknown resource type 'deploymnet' (did you mean 'deployment'?)"]),
        ("kubectl get psp", ["1:13 kubectl-removed: PodSecurityPolicy is no longer served: Kubernetes 1.24 was the last release with it"]),
    ])
    func resourceTypes(code: String, expected: [String]) {
        let checker = KubectlChecker(resources: Self.resources)
        var lines: [String] = []
        for invocation in ShellCommands.kubectlInvocations(in: code, language: "bash") {
            for issue in checker.check(invocation) {
                lines.append("\(issue.word.line + 1):\(issue.word.column) \(issue.rule): \(issue.message.description)")
            }
        }
        #expect(lines == expected)
    }
}
