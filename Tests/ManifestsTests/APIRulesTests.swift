import GongbuCore
import Testing

@testable import Manifests

@Suite("API rules")
struct APIRulesTests {
    func pod(_ extra: String = "", container: String = "", name: String = "p") -> String {
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \(name)\nspec:\n\(extra)  containers:\n    - name: a\n      image: nginx\n\(container)"
    }

    @Test(arguments: [
        ("my-app", []), ("My_App", ["name"]), ("a.b-c", []), ("-bad", ["name"]), (String(repeating: "a", count: 254), ["name"]),
    ])
    func podNames(name: String, expected: [String]) {
        #expect(rules(pod(name: name)) == expected)
    }

    @Test func serviceNamesAreDNS1035Labels() {
        #expect(rules("apiVersion: v1\nkind: Service\nmetadata:\n  name: 1web\nspec:\n  ports:\n    - port: 80\n") == ["name"])
        #expect(rules("apiVersion: v1\nkind: Service\nmetadata:\n  name: web.x\nspec:\n  ports:\n    - port: 80\n") == ["name"])
        #expect(rules("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a.b\n") == ["name"])
        #expect(rules("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: system:view\n") == [])
    }

    @Test func cronJobNamesAreAtMost52Characters() {
        let name = String(repeating: "c", count: 53)
        let yaml =
            "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: \(name)\nspec:\n  schedule: \"@daily\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: a\n              image: b\n"
        #expect(issues(yaml).first?.contains("must be no more than 52 characters") == true)
    }

    @Test(arguments: [
        ("app: web", []), ("app.kubernetes.io/name: web", []), ("\"a/b/c\": x", ["label"]), ("app: \"-web\"", ["label"]),
        ("app: \"\"", []), ("\"Example.com/x\": y", ["label"]),
    ])
    func labels(line: String, expected: [String]) {
        #expect(rules("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    \(line)\n") == expected)
    }

    @Test(arguments: [
        ("restartPolicy: Always\n", []), ("restartPolicy: always\n", ["enum"]), ("dnsPolicy: Bogus\n", ["enum"]),
    ])
    func podEnums(extra: String, expected: [String]) {
        #expect(rules(pod("  " + extra)) == expected)
    }

    @Test func enumsSuggestTheRightCase() {
        let found = issues("apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: nodePort\n  ports:\n    - port: 80\n")
        #expect(
            found == [
                "6:9 error enum spec.type: unsupported value 'nodePort': must be one of ClusterIP, NodePort, LoadBalancer, ExternalName; did you mean 'NodePort'? (values are case-sensitive)"
            ])
    }

    @Test(arguments: [
        ("      imagePullPolicy: Sometimes\n", ["enum"]),
        ("      ports:\n        - containerPort: 70000\n", ["port-range"]),
        ("      ports:\n        - containerPort: 80\n          protocol: tcp\n", ["enum"]),
        ("      ports:\n        - containerPort: 80\n          name: very-long-port-name\n", ["port-name"]),
        ("      ports:\n        - containerPort: 80\n          name: HTTP\n", ["port-name"]),
        ("      ports:\n        - containerPort: 80\n          name: \"8080\"\n", ["port-name"]),
        ("      env:\n        - name: MY_VAR\n          value: x\n", []),
        ("      env:\n        - name: \"A=B\"\n          value: x\n", ["env-name"]),
        ("      resources:\n        requests:\n          memory: 1GB\n", ["quantity"]),
        ("      resources:\n        requests:\n          cpu: 500m\n          memory: 1Gi\n", []),
        ("      resources:\n        requests:\n          cpu: \"2\"\n        limits:\n          cpu: 1\n", ["quantity"]),
        ("      volumeMounts:\n        - name: data\n          mountPath: /data\n", ["volume-mount"]),
        ("      livenessProbe:\n        httpGet:\n          path: /\n          port: http\n", ["probe-port"]),
    ])
    func containerRules(container: String, expected: [String]) {
        #expect(rules(pod(container: container)) == expected)
    }

    @Test func duplicateContainerNames() {
        let yaml =
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainers:\n    - name: a\n      image: x\n  containers:\n    - name: a\n      image: y\n"
        #expect(
            issues(yaml) == [
                "10:13 error container-name spec.containers[0].name: duplicate container name 'a': names must be unique among all containers of a pod"
            ])
    }

    @Test func selectorMustMatchTemplateLabels() {
        let found = issues(deployment(selector: "app: web", labels: "app: api"))
        #expect(
            found == [
                "13:9 error selector-match spec.selector: selector does not match the pod template's labels: the template has labels app=api; every matchLabels entry and matchExpression must hold for them"
            ])
        let expressions = deployment(
            selector: "app: web\n    matchExpressions:\n      - key: tier\n        operator: In\n        values: [front]",
            labels: "app: web\n        tier: front")
        #expect(issues(expressions) == [])
    }

    @Test func jobPodsMustNotRestartAlways() {
        func job(_ policy: String) -> String {
            "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n\(policy)      containers:\n        - name: a\n          image: b\n"
        }
        #expect(rules(job("      restartPolicy: Never\n")) == [])
        #expect(rules(job("      restartPolicy: Always\n")) == ["job-restart-policy"])
        #expect(rules(job("")) == ["job-restart-policy"])
    }

    @Test(arguments: [
        ("*/5 * * * *", nil), ("0 9 * * MON-FRI", nil), ("@daily", nil), ("0 0 1 jan *", nil), ("*/15 9-18 ? * *", nil),
        ("60 * * * *", "minute 60 is out of range 0-59"), ("* * * *", "expected 5 fields"),
        ("0 9 * * 7", "day of week 7 is out of range 0-6"),
        ("TZ=Asia/Seoul 0 9 * * *", "use the 'timeZone' field"), ("@fortnightly", "unknown descriptor"), ("*/0 * * * *", "step '0'"),
        ("5-1 * * * *", "starts after it ends"),
    ])
    func cronSchedules(schedule: String, problem: String?) {
        let found = CronSchedule.problem(schedule)?.description
        if let problem {
            #expect(found?.contains(problem) == true, "\(found ?? "nil")")
        } else {
            #expect(found == nil)
        }
    }

    @Test func servicesApplyDefaultsBeforeChecking() {
        let clusterIP = issues(
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n    - port: 80\n      nodePort: 30080\n")
        #expect(
            clusterIP == [
                "8:17 error node-port spec.ports[0].nodePort: nodePort may only be set when type is NodePort or LoadBalancer (type defaults to ClusterIP)"
            ])
        let outside = issues(
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 8080\n"
        )
        #expect(
            outside == [
                "9:17 warning node-port-range spec.ports[0].nodePort: nodePort 8080 is outside the default range 30000-32767; it only works on clusters configured with a wider --service-node-port-range"
            ])
        let unnamed = rules("apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n    - port: 80\n    - port: 443\n")
        #expect(unnamed == ["port-name", "port-name"])
        #expect(rules("apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: ExternalName\n") == ["required"])
    }

    @Test func secretsNeedBase64Data() {
        #expect(rules("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: cGFzc3dvcmQ=\n") == [])
        #expect(rules("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: plain-text!\n") == ["secret-base64"])
        #expect(rules("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  password: plain-text!\n") == [])
    }

    @Test func claimsNeedAccessModesAndStorage() {
        #expect(
            rules(
                "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n"
            ) == [])
        #expect(
            rules(
                "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n  accessModes: [ReadWriteEverywhere]\n  resources:\n    requests:\n      storage: 1Gi\n"
            ) == ["enum"])
    }

    @Test func ingressPathsStartWithASlash() {
        let yaml =
            "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: i\nspec:\n  rules:\n    - http:\n        paths:\n          - path: api\n            pathType: Prefix\n            backend:\n              service:\n                name: s\n                port:\n                  number: 80\n"
        #expect(rules(yaml) == ["ingress"])
    }
}

@Suite("Checks across a note")
struct ScopeRulesTests {
    func validate(_ texts: [String]) -> [String] {
        let sources = texts.enumerated().map { ManifestSource(file: "note.md", firstLine: $0.offset * 100 + 1, text: $0.element) }
        return ManifestValidator.validate(sources, options: ValidationOptions()).flatMap { $0.documents.flatMap(\.issues) }.map {
            "\($0.rule) \($0.text)"
        }
    }

    let service =
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: http\n"

    @Test func namedTargetPortMustExistOnSelectedPods() {
        let withPort = deployment().replacingOccurrences(of: "- containerPort: 80", with: "- name: http\n              containerPort: 80")
        #expect(validate([withPort, service]) == [])
        #expect(
            validate([deployment(), service]) == [
                "target-port spec.ports[0].targetPort: targetPort 'http' is not the name of a container port in the pods this Service selects (Deployment web)"
            ])
    }

    @Test func serviceSelectingNothingIsAWarning() {
        let other = deployment(selector: "app: api", labels: "app: api")
        #expect(
            validate([other, service]) == [
                "service-selector spec.selector: selector app=web matches no pod template in this note; the Service would have no endpoints"
            ])
        #expect(validate([service]) == [])
    }

    @Test func missingReferencesAreWarnings() {
        let pod =
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: b\n      envFrom:\n        - configMapRef:\n            name: settings\n  volumes:\n    - name: data\n      persistentVolumeClaim:\n        claimName: data-claim\n"
        #expect(
            validate([pod]) == [
                "missing-reference spec.containers[0].envFrom[0].configMapRef.name: ConfigMap 'settings' is not defined in this note; create it before applying this manifest",
                "missing-reference spec.volumes[0].persistentVolumeClaim.claimName: PersistentVolumeClaim 'data-claim' is not defined in this note; create it before applying this manifest",
            ])
        let configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"
        let claim =
            "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data-claim\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n"
        #expect(validate([configMap, pod, claim]) == [])
    }

    @Test func statefulSetServiceShouldBeHeadless() {
        let statefulSet =
            "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector:\n    matchLabels:\n      app: db\n  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      containers:\n        - name: db\n          image: redis\n"
        let normal = "apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  selector:\n    app: db\n  ports:\n    - port: 6379\n"
        #expect(validate([statefulSet, normal]).map { String($0.prefix(19)) } == ["statefulset-service"])
        #expect(validate([statefulSet, normal.replacingOccurrences(of: "spec:\n", with: "spec:\n  clusterIP: None\n")]) == [])
    }

    @Test func expectErrorExamplesMustFail() {
        let results = ManifestValidator.validate(
            [ManifestSource(file: "n.md", firstLine: 5, text: deployment(), mode: .expectError)], options: ValidationOptions())
        #expect(results[0].documents[0].status == .invalid)
        #expect(results[0].documents[0].issues[0].rule == "expect-error")
        #expect(results[0].documents[0].issues[0].line == 4)
        let failing = ManifestValidator.validate(
            [ManifestSource(file: "n.md", text: deployment(replicas: "\"3\""), mode: .expectError)], options: ValidationOptions())
        #expect(failing[0].documents[0].status == .expectedInvalid)
        #expect(ValidationReport(results: failing).succeeded)
    }
}
