import Foundation
import GongbuCore

/// The API server's own validation, coded by hand because the JSON schemas do not carry it:
/// enumerations, name and label formats, port ranges, quantities, and consistency checks such as
/// a workload's selector matching its pod template. Each check names the Kubernetes rule it mirrors.
struct APIRules {
    let object: ManifestObject
    /// Kubernetes version being checked against ("1.37").
    let version: String
    private(set) var issues: [ManifestIssue] = []

    init(object: ManifestObject, version: String) {
        self.object = object
        self.version = version
    }

    var root: ManifestNode { object.root }

    static func run(_ object: ManifestObject, version: String) -> [ManifestIssue] {
        var rules = APIRules(object: object, version: version)
        rules.checkAll()
        return rules.issues
    }

    mutating func error(_ rule: String, _ path: FieldPath, _ message: Message, _ position: YAMLPosition) {
        issues.append(ManifestIssue(.error, rule: rule, path: path, message: message, at: position))
    }

    mutating func warning(_ rule: String, _ path: FieldPath, _ message: Message, _ position: YAMLPosition) {
        issues.append(ManifestIssue(.warning, rule: rule, path: path, message: message, at: position))
    }

    static let root = FieldPath()

    // MARK: - Dispatch

    mutating func checkAll() {
        checkMetadata()
        if let pod = object.podSpec { checkPodSpec(pod.node, pod.path) }
        switch object.kind {
        case "Deployment":
            checkWorkload(selectorRequired: true)
            checkDeploymentStrategy()
        case "ReplicaSet", "DaemonSet":
            checkWorkload(selectorRequired: true)
            checkUpdateStrategy()
        case "StatefulSet":
            checkWorkload(selectorRequired: true)
            checkStatefulSet()
        case "ReplicationController": checkReplicationController()
        case "Job": checkJob(root["spec"], Self.root.appending("spec"))
        case "CronJob": checkCronJob()
        case "Service": checkService()
        case "Ingress": checkIngress()
        case "PersistentVolumeClaim": checkClaim(root["spec"], Self.root.appending("spec"))
        case "PersistentVolume": checkVolume()
        case "ConfigMap": checkConfigData(secret: false)
        case "Secret": checkConfigData(secret: true)
        case "HorizontalPodAutoscaler": checkAutoscaler()
        default: break
        }
    }

    // MARK: - Helpers

    /// An enumerated field (ValidateEnum): the value must be one of `allowed`, case included.
    mutating func checkEnum(_ node: ManifestNode?, _ path: FieldPath, _ allowed: [String], defaultNote: String? = nil) {
        guard let node, let value = node.string else { return }
        guard !allowed.contains(value) else { return }
        let list = allowed.filter { !$0.isEmpty }.joined(separator: ", ")
        var hint: Message = ""
        if let sameLetters = allowed.first(where: { $0.lowercased() == value.lowercased() }) {
            hint = "; did you mean '\(sameLetters)'? (values are case-sensitive)"
        } else if let close = Suggest.closest(to: value, among: allowed) {
            hint = "; did you mean '\(close)'?"
        }
        error("enum", path, "unsupported value '\(value)': must be one of \(list)\(hint)", node.position)
    }

    mutating func checkNonNegative(_ node: ManifestNode?, _ path: FieldPath, minimum: Int = 0) {
        guard let node, let value = node.integer, value < minimum else { return }
        error("range", path, "must be greater than or equal to \(minimum), found \(value)", node.position)
    }

    mutating func checkPortNumber(_ node: ManifestNode?, _ path: FieldPath, what: String) {
        guard let node, let value = node.integer else { return }
        if value < 1 || value > 65535 {
            error("port-range", path, "\(what) \(value) is out of range: must be between 1 and 65535", node.position)
        }
    }

    /// A port that may be a number or a name (targetPort, probe ports).
    mutating func checkPortNumberOrName(_ node: ManifestNode?, _ path: FieldPath, what: String) {
        guard let node else { return }
        if let name = node.string {
            if let number = Int(name) {
                error(
                    "port-range", path, "\(what) '\(name)' is a number written as a string; write \(number) without quotes", node.position)
            } else if let problem = NameRules.portNameProblem(name) {
                error("port-name", path, "\(what) name '\(name)' \(problem)", node.position)
            }
        } else {
            checkPortNumber(node, path, what: what)
        }
    }

    mutating func checkLabels(_ node: ManifestNode?, _ path: FieldPath, values: Bool = true) {
        for field in node?.fields ?? [] {
            if let problem = NameRules.qualifiedNameProblem(field.key) {
                error("label", path.appending(field.key), "key '\(field.key)' \(problem)", field.keyPosition)
            }
            if values, let value = field.value.string, let problem = NameRules.labelValueProblem(value) {
                error("label", path.appending(field.key), "value '\(value)' \(problem)", field.value.position)
            }
        }
    }

    // MARK: - Metadata (ValidateObjectMeta and the name rules of each kind)

    mutating func checkMetadata() {
        let metaPath = Self.root.appending("metadata")
        guard let metadata = root["metadata"], case .map = metadata else {
            if object.kind != "List" {
                error("name", metaPath, "metadata.name is required", root.position)
            }
            return
        }
        let namePath = metaPath.appending("name")
        if let nameNode = metadata["name"], let name = nameNode.string {
            let problem: Message?
            let rule: Message
            switch object.kind {
            case "Service":
                rule = "DNS-1035 label"
                problem = NameRules.dns1035LabelProblem(name)
            case "Namespace":
                rule = "DNS-1123 label"
                problem = NameRules.dns1123LabelProblem(name)
            case "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding":
                // RBAC objects only need to be valid path segments (system:kube-dns is fine).
                rule = "path segment name"
                problem = NameRules.pathSegmentProblem(name)
            case "CronJob":
                rule = "DNS-1123 subdomain of at most 52 characters"
                problem =
                    name.count > 52
                    ? "must be no more than 52 characters (it has \(name.count)); the controller appends 11 characters for each Job"
                        as Message
                    : NameRules.dns1123SubdomainProblem(name)
            default:
                rule = "DNS-1123 subdomain"
                problem = NameRules.dns1123SubdomainProblem(name)
            }
            if let problem {
                error("name", namePath, "\(object.kind) name '\(name)' is not a valid \(rule): it \(problem)", nameNode.position)
            }
        } else if metadata["generateName"] == nil && object.kind != "List" {
            error("name", namePath, "metadata.name is required", metadata.position)
        }
        if let namespace = metadata["namespace"], let value = namespace.string, let problem = NameRules.dns1123LabelProblem(value) {
            error(
                "name", metaPath.appending("namespace"), "namespace '\(value)' is not a valid DNS-1123 label: it \(problem)",
                namespace.position)
        }
        checkLabels(metadata["labels"], metaPath.appending("labels"))
        checkLabels(metadata["annotations"], metaPath.appending("annotations"), values: false)
    }

    // MARK: - Pod specs (ValidatePodSpec)

    mutating func checkPodSpec(_ spec: ManifestNode, _ path: FieldPath) {
        checkEnum(spec["restartPolicy"], path.appending("restartPolicy"), ["Always", "OnFailure", "Never"])
        checkEnum(spec["dnsPolicy"], path.appending("dnsPolicy"), ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"])
        checkEnum(spec["preemptionPolicy"], path.appending("preemptionPolicy"), ["PreemptLowerPriority", "Never"])
        checkNonNegative(spec["terminationGracePeriodSeconds"], path.appending("terminationGracePeriodSeconds"))
        checkNonNegative(spec["activeDeadlineSeconds"], path.appending("activeDeadlineSeconds"), minimum: 1)
        checkLabels(spec["nodeSelector"], path.appending("nodeSelector"))
        for (index, toleration) in (spec["tolerations"]?.items ?? []).enumerated() {
            let tolerationPath = path.appending("tolerations").appending(index)
            checkEnum(toleration["operator"], tolerationPath.appending("operator"), ["Exists", "Equal"])
            checkEnum(toleration["effect"], tolerationPath.appending("effect"), ["", "NoSchedule", "PreferNoSchedule", "NoExecute"])
        }

        // Volumes: names are DNS-1123 labels and unique.
        var volumeNames = Set<String>()
        for (index, volume) in (spec["volumes"]?.items ?? []).enumerated() {
            let volumePath = path.appending("volumes").appending(index)
            if let nameNode = volume["name"], let name = nameNode.string {
                if let problem = NameRules.dns1123LabelProblem(name) {
                    error(
                        "volume-name", volumePath.appending("name"), "volume name '\(name)' is not a valid DNS-1123 label: it \(problem)",
                        nameNode.position)
                }
                if !volumeNames.insert(name).inserted {
                    error("volume-name", volumePath.appending("name"), "duplicate volume name '\(name)'", nameNode.position)
                }
            }
            if let hostPath = volume["hostPath"] {
                checkEnum(
                    hostPath["type"], volumePath.appending("hostPath").appending("type"),
                    ["", "DirectoryOrCreate", "Directory", "FileOrCreate", "File", "Socket", "CharDevice", "BlockDevice"])
            }
            if let sizeLimit = volume["emptyDir"]?["sizeLimit"] {
                checkQuantity(sizeLimit, volumePath.appending("emptyDir").appending("sizeLimit"))
            }
            checkEnum(volume["emptyDir"]?["medium"], volumePath.appending("emptyDir").appending("medium"), ["", "Memory", "HugePages"])
        }
        // A StatefulSet's volumeClaimTemplates also provide volumes to mount.
        if object.kind == "StatefulSet" {
            for template in root["spec"]?["volumeClaimTemplates"]?.items ?? [] {
                if let name = template["metadata"]?["name"]?.string { volumeNames.insert(name) }
            }
        }

        var containerNames = [String: Int]()
        for group in ["initContainers", "containers", "ephemeralContainers"] {
            for (index, container) in (spec[group]?.items ?? []).enumerated() {
                checkContainer(
                    container, path.appending(group).appending(index), group: group, volumes: volumeNames, names: &containerNames)
            }
        }
    }

    mutating func checkContainer(
        _ container: ManifestNode, _ path: FieldPath, group: String, volumes: Set<String>, names: inout [String: Int]
    ) {
        if let nameNode = container["name"], let name = nameNode.string {
            if let problem = NameRules.dns1123LabelProblem(name) {
                error(
                    "container-name", path.appending("name"), "container name '\(name)' is not a valid DNS-1123 label: it \(problem)",
                    nameNode.position)
            }
            if names[name] != nil {
                error(
                    "container-name", path.appending("name"),
                    "duplicate container name '\(name)': names must be unique among all containers of a pod", nameNode.position)
            }
            names[name, default: 0] += 1
        }
        if group != "ephemeralContainers",
            container["image"] == nil || container["image"]?.string?.trimmingCharacters(in: .whitespaces).isEmpty == true,
            case .map = container
        {
            error("required", path.appending("image"), "image is required", container.position)
        }
        checkEnum(container["imagePullPolicy"], path.appending("imagePullPolicy"), ["Always", "Never", "IfNotPresent"])
        if group == "initContainers" {
            checkEnum(container["restartPolicy"], path.appending("restartPolicy"), ["Always"])
        } else if let restart = container["restartPolicy"], restart.string != nil, group == "containers" {
            // Per-container restart rules for regular containers are an alpha feature (off by default).
            error(
                "enum", path.appending("restartPolicy"), "restartPolicy on a container is only allowed for init containers (sidecars)",
                restart.position)
        }
        checkEnum(container["terminationMessagePolicy"], path.appending("terminationMessagePolicy"), ["File", "FallbackToLogsOnError"])

        // Ports (ValidateContainerPorts)
        var portNames = Set<String>()
        var containerPorts = [String: Int]()
        for (index, port) in (container["ports"]?.items ?? []).enumerated() {
            let portPath = path.appending("ports").appending(index)
            checkPortNumber(port["containerPort"], portPath.appending("containerPort"), what: "containerPort")
            checkPortNumber(port["hostPort"], portPath.appending("hostPort"), what: "hostPort")
            checkEnum(port["protocol"], portPath.appending("protocol"), ["TCP", "UDP", "SCTP"])
            if let nameNode = port["name"], let name = nameNode.string {
                if let problem = NameRules.portNameProblem(name) {
                    error(
                        "port-name", portPath.appending("name"), "port name '\(name)' is not a valid IANA service name: it \(problem)",
                        nameNode.position)
                }
                if !portNames.insert(name).inserted {
                    error("port-name", portPath.appending("name"), "duplicate port name '\(name)'", nameNode.position)
                }
                if let number = port["containerPort"]?.integer { containerPorts[name] = number }
            }
        }

        // Environment (ValidateEnv)
        let relaxedEnv = !ReleaseVersion.precedes(version, "1.34")
        var seenEnv = Set<String>()
        for (index, variable) in (container["env"]?.items ?? []).enumerated() {
            let envPath = path.appending("env").appending(index)
            if let nameNode = variable["name"], let name = nameNode.string {
                if let problem = NameRules.envNameProblem(name, relaxed: relaxedEnv) {
                    error("env-name", envPath.appending("name"), "environment variable name '\(name)' \(problem)", nameNode.position)
                }
                if !seenEnv.insert(name).inserted {
                    warning(
                        "env-name", envPath.appending("name"),
                        "environment variable '\(name)' is defined more than once; the last definition wins", nameNode.position)
                }
            }
            if variable["value"] != nil && variable["valueFrom"] != nil {
                error("env-value", envPath, "may not have both 'value' and 'valueFrom'", variable.position)
            }
        }

        // Resources (ValidateResourceRequirements)
        let resources = container["resources"]
        var requests: [String: (Quantity, YAMLPosition)] = [:]
        for section in ["requests", "limits"] {
            for field in resources?[section]?.fields ?? [] {
                let fieldPath = path.appending("resources").appending(section).appending(field.key)
                guard let quantity = checkQuantity(field.value, fieldPath) else { continue }
                if section == "requests" {
                    requests[field.key] = (quantity, field.value.position)
                } else if let request = requests[field.key], request.0 > quantity {
                    error(
                        "quantity", path.appending("resources").appending("requests").appending(field.key),
                        "request for \(field.key) is greater than its limit: a request must be less than or equal to the limit", request.1)
                }
            }
        }

        // Volume mounts name volumes of the pod.
        for (index, mount) in (container["volumeMounts"]?.items ?? []).enumerated() {
            guard let nameNode = mount["name"], let name = nameNode.string else { continue }
            if !volumes.contains(name) {
                let hint = Suggest.closest(to: name, among: volumes).map { close -> Message in " (did you mean '\(close)'?)" } ?? ""
                let known: Message =
                    volumes.isEmpty ? "the pod defines no volumes" : "the pod's volumes are \(volumes.sorted().joined(separator: ", "))"
                error(
                    "volume-mount", path.appending("volumeMounts").appending(index).appending("name"),
                    "volumeMount '\(name)' names no volume of this pod\(hint); \(known)", nameNode.position)
            }
        }

        // Probes: named ports must exist in this container.
        for probeName in ["livenessProbe", "readinessProbe", "startupProbe"] {
            guard let probe = container[probeName] else { continue }
            for handler in ["httpGet", "tcpSocket", "grpc"] {
                guard let portNode = probe[handler]?["port"] else { continue }
                let portPath = path.appending(probeName).appending(handler).appending("port")
                if handler == "grpc" {
                    checkPortNumber(portNode, portPath, what: "port")
                    continue
                }
                checkPortNumberOrName(portNode, portPath, what: "port")
                if let name = portNode.string, Int(name) == nil, NameRules.portNameProblem(name) == nil, containerPorts[name] == nil {
                    error("probe-port", portPath, "probe port '\(name)' is not the name of a port of this container", portNode.position)
                }
            }
        }
    }

    /// Parses and checks a quantity field; returns it when valid.
    @discardableResult
    mutating func checkQuantity(_ node: ManifestNode, _ path: FieldPath, allowNegative: Bool = false) -> Quantity? {
        guard let scalar = node.scalar else { return nil }
        switch scalar {
        case .string, .int, .double: break
        default: return nil  // the schema check reports the type
        }
        switch Quantity.parse(scalar) {
        case .failure(let failure):
            error("quantity", path, failure.message, node.position)
            return nil
        case .success(let quantity):
            if !allowNegative && quantity.value < 0 {
                error("quantity", path, "must be greater than or equal to 0", node.position)
                return nil
            }
            return quantity
        }
    }

    // MARK: - Workloads (ValidateDeployment, ValidateReplicaSet, ValidateStatefulSet, ValidateDaemonSet)

    mutating func checkWorkload(selectorRequired: Bool) {
        let specPath = Self.root.appending("spec")
        guard let spec = root["spec"] else { return }
        checkNonNegative(spec["replicas"], specPath.appending("replicas"))
        checkNonNegative(spec["minReadySeconds"], specPath.appending("minReadySeconds"))
        checkNonNegative(spec["revisionHistoryLimit"], specPath.appending("revisionHistoryLimit"))
        guard let selector = spec["selector"], case .map = selector else { return }
        checkSelector(selector, specPath.appending("selector"))
        checkLabels(spec["template"]?["metadata"]?["labels"], specPath.appending("template").appending("metadata").appending("labels"))
        let parsed = LabelSelector(workloadSelector: selector)
        if parsed.isEmpty {
            error(
                "selector-match", specPath.appending("selector"),
                "empty selector: it would select every pod; give matchLabels or matchExpressions", selector.position)
            return
        }
        guard let labels = object.podLabels else { return }
        if !parsed.matches(labels) {
            let written: Message =
                labels.isEmpty
                ? "has no labels"
                : "has labels \(labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))"
            let position = spec["template"]?["metadata"]?["labels"]?.position ?? selector.position
            error(
                "selector-match", specPath.appending("selector"),
                "selector does not match the pod template's labels: the template \(written); every matchLabels entry and matchExpression must hold for them",
                position)
        }
    }

    mutating func checkSelector(_ selector: ManifestNode, _ path: FieldPath) {
        checkLabels(selector["matchLabels"], path.appending("matchLabels"))
        for (index, expression) in (selector["matchExpressions"]?.items ?? []).enumerated() {
            let expressionPath = path.appending("matchExpressions").appending(index)
            checkEnum(expression["operator"], expressionPath.appending("operator"), ["In", "NotIn", "Exists", "DoesNotExist"])
            let op = expression["operator"]?.string
            let values = expression["values"]?.items ?? []
            if (op == "In" || op == "NotIn") && values.isEmpty {
                error("selector", expressionPath.appending("values"), "operator \(op!) needs at least one value", expression.position)
            }
            if (op == "Exists" || op == "DoesNotExist") && !values.isEmpty {
                error("selector", expressionPath.appending("values"), "operator \(op!) takes no values", expression.position)
            }
        }
    }

    mutating func checkDeploymentStrategy() {
        let path = Self.root.appending("spec").appending("strategy")
        guard let strategy = root["spec"]?["strategy"] else { return }
        checkEnum(strategy["type"], path.appending("type"), ["RollingUpdate", "Recreate"])
        if strategy["type"]?.string == "Recreate", let rolling = strategy["rollingUpdate"] {
            error(
                "strategy", path.appending("rollingUpdate"), "rollingUpdate may not be set when the strategy type is Recreate",
                rolling.position)
        }
        guard let rolling = strategy["rollingUpdate"] else { return }
        var zero = 0
        for name in ["maxSurge", "maxUnavailable"] {
            guard let node = rolling[name] else { continue }
            let fieldPath = path.appending("rollingUpdate").appending(name)
            if let value = node.integer {
                if value < 0 { error("range", fieldPath, "must be greater than or equal to 0", node.position) }
                if value == 0 { zero += 1 }
            } else if let text = node.string {
                guard text.hasSuffix("%"), let percent = Int(text.dropLast()) else {
                    error("strategy", fieldPath, "'\(text)' must be a number or a percentage such as 25%", node.position)
                    continue
                }
                if percent < 0 { error("range", fieldPath, "must be greater than or equal to 0%", node.position) }
                if percent > 100 && name == "maxUnavailable" { error("range", fieldPath, "must not be greater than 100%", node.position) }
                if percent == 0 { zero += 1 }
            }
        }
        if zero == 2 {
            error(
                "strategy", path.appending("rollingUpdate"),
                "maxSurge and maxUnavailable may not both be 0: the rollout could never progress", rolling.position)
        }
    }

    mutating func checkUpdateStrategy() {
        guard object.kind == "DaemonSet", let strategy = root["spec"]?["updateStrategy"] else { return }
        checkEnum(
            strategy["type"], Self.root.appending("spec").appending("updateStrategy").appending("type"), ["RollingUpdate", "OnDelete"])
    }

    mutating func checkStatefulSet() {
        let specPath = Self.root.appending("spec")
        guard let spec = root["spec"] else { return }
        checkEnum(spec["podManagementPolicy"], specPath.appending("podManagementPolicy"), ["OrderedReady", "Parallel"])
        checkEnum(spec["updateStrategy"]?["type"], specPath.appending("updateStrategy").appending("type"), ["RollingUpdate", "OnDelete"])
        for (index, template) in (spec["volumeClaimTemplates"]?.items ?? []).enumerated() {
            let templatePath = specPath.appending("volumeClaimTemplates").appending(index)
            if template["metadata"]?["name"] == nil {
                error(
                    "name", templatePath.appending("metadata").appending("name"), "a volume claim template needs a name", template.position)
            }
            checkClaim(template["spec"], templatePath.appending("spec"))
        }
    }

    mutating func checkReplicationController() {
        let specPath = Self.root.appending("spec")
        guard let spec = root["spec"] else { return }
        checkNonNegative(spec["replicas"], specPath.appending("replicas"))
        guard let selector = spec["selector"], let labels = object.podLabels else { return }
        let parsed = LabelSelector(plain: selector)
        if !parsed.isEmpty && !parsed.matches(labels) {
            error("selector-match", specPath.appending("selector"), "selector does not match the pod template's labels", selector.position)
        }
    }

    // MARK: - Jobs and CronJobs (ValidateJob, ValidateCronJob)

    mutating func checkJob(_ spec: ManifestNode?, _ path: FieldPath) {
        guard let spec else { return }
        checkNonNegative(spec["parallelism"], path.appending("parallelism"))
        checkNonNegative(spec["completions"], path.appending("completions"))
        checkNonNegative(spec["backoffLimit"], path.appending("backoffLimit"))
        checkNonNegative(spec["ttlSecondsAfterFinished"], path.appending("ttlSecondsAfterFinished"))
        checkNonNegative(spec["activeDeadlineSeconds"], path.appending("activeDeadlineSeconds"), minimum: 1)
        checkEnum(spec["completionMode"], path.appending("completionMode"), ["NonIndexed", "Indexed"])
        if spec["completionMode"]?.string == "Indexed", spec["completions"] == nil {
            error("required", path.appending("completions"), "completions is required when completionMode is Indexed", spec.position)
        }
        // Job pods must end: restartPolicy Never or OnFailure (the pod default, Always, is refused).
        let policyPath = path.appending("template").appending("spec").appending("restartPolicy")
        guard let podSpec = spec["template"]?["spec"], case .map = podSpec else { return }
        if let policy = podSpec["restartPolicy"] {
            if let value = policy.string, value == "Always" {
                error(
                    "job-restart-policy", policyPath, "a Job's pods must use restartPolicy Never or OnFailure, not Always", policy.position)
            }
        } else {
            error(
                "job-restart-policy", policyPath,
                "restartPolicy is required for a Job's pods: set Never or OnFailure (the pod default, Always, is not allowed)",
                podSpec.position)
        }
    }

    mutating func checkCronJob() {
        let specPath = Self.root.appending("spec")
        guard let spec = root["spec"] else { return }
        if let schedule = spec["schedule"], let text = schedule.string, let problem = CronSchedule.problem(text) {
            error("cron-schedule", specPath.appending("schedule"), "invalid schedule '\(text)': \(problem)", schedule.position)
        }
        if let zone = spec["timeZone"], let name = zone.string, TimeZone(identifier: name) == nil {
            error(
                "cron-schedule", specPath.appending("timeZone"), "unknown time zone '\(name)' (use an IANA name such as Asia/Seoul)",
                zone.position)
        }
        checkEnum(spec["concurrencyPolicy"], specPath.appending("concurrencyPolicy"), ["Allow", "Forbid", "Replace"])
        checkNonNegative(spec["startingDeadlineSeconds"], specPath.appending("startingDeadlineSeconds"))
        checkNonNegative(spec["successfulJobsHistoryLimit"], specPath.appending("successfulJobsHistoryLimit"))
        checkNonNegative(spec["failedJobsHistoryLimit"], specPath.appending("failedJobsHistoryLimit"))
        checkJob(spec["jobTemplate"]?["spec"], specPath.appending("jobTemplate").appending("spec"))
    }

    // MARK: - Services (ValidateService)

    mutating func checkService() {
        let specPath = Self.root.appending("spec")
        guard let spec = root["spec"], case .map = spec else { return }
        checkEnum(spec["type"], specPath.appending("type"), ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"])
        checkEnum(spec["sessionAffinity"], specPath.appending("sessionAffinity"), ["None", "ClientIP"])
        checkEnum(spec["externalTrafficPolicy"], specPath.appending("externalTrafficPolicy"), ["Cluster", "Local"])
        checkEnum(spec["internalTrafficPolicy"], specPath.appending("internalTrafficPolicy"), ["Cluster", "Local"])
        checkEnum(spec["ipFamilyPolicy"], specPath.appending("ipFamilyPolicy"), ["SingleStack", "PreferDualStack", "RequireDualStack"])
        checkLabels(spec["selector"], specPath.appending("selector"))
        // The API defaults a missing type to ClusterIP before validating.
        let type = spec["type"]?.string ?? "ClusterIP"
        if type == "ExternalName" {
            if let name = spec["externalName"]?.string {
                if let problem = NameRules.dns1123SubdomainProblem(name.hasSuffix(".") ? String(name.dropLast()) : name) {
                    error(
                        "service", specPath.appending("externalName"), "externalName '\(name)' is not a valid DNS name: it \(problem)",
                        spec["externalName"]!.position)
                }
            } else {
                error("required", specPath.appending("externalName"), "externalName is required when type is ExternalName", spec.position)
            }
        }
        if let policy = spec["externalTrafficPolicy"], type != "NodePort" && type != "LoadBalancer" {
            error(
                "service", specPath.appending("externalTrafficPolicy"),
                "externalTrafficPolicy may only be set on NodePort and LoadBalancer services (this one is \(type))", policy.position)
        }
        let headless = spec["clusterIP"]?.string == "None"
        let ports = spec["ports"]?.items ?? []
        if ports.isEmpty && type != "ExternalName" && !headless {
            error("required", specPath.appending("ports"), "a \(type) Service needs at least one port", spec.position)
        }
        var names = Set<String>()
        for (index, port) in ports.enumerated() {
            let portPath = specPath.appending("ports").appending(index)
            checkPortNumber(port["port"], portPath.appending("port"), what: "port")
            checkPortNumberOrName(port["targetPort"], portPath.appending("targetPort"), what: "targetPort")
            checkEnum(port["protocol"], portPath.appending("protocol"), ["TCP", "UDP", "SCTP"])
            if let nameNode = port["name"], let name = nameNode.string {
                if let problem = NameRules.dns1123LabelProblem(name) {
                    error(
                        "port-name", portPath.appending("name"), "port name '\(name)' is not a valid DNS-1123 label: it \(problem)",
                        nameNode.position)
                }
                if !names.insert(name).inserted {
                    error("port-name", portPath.appending("name"), "duplicate port name '\(name)'", nameNode.position)
                }
            } else if ports.count > 1, case .map = port {
                error("port-name", portPath.appending("name"), "a Service with more than one port must name every port", port.position)
            }
            if let nodePort = port["nodePort"], let value = nodePort.integer {
                let nodePortPath = portPath.appending("nodePort")
                if type != "NodePort" && type != "LoadBalancer" {
                    let defaulted: Message = spec["type"] == nil ? " (type defaults to ClusterIP)" : ""
                    error(
                        "node-port", nodePortPath, "nodePort may only be set when type is NodePort or LoadBalancer\(defaulted)",
                        nodePort.position)
                } else if value < 1 || value > 65535 {
                    error("port-range", nodePortPath, "nodePort \(value) is out of range: must be between 1 and 65535", nodePort.position)
                } else if value < 30000 || value > 32767 {
                    warning(
                        "node-port-range", nodePortPath,
                        "nodePort \(value) is outside the default range 30000-32767; it only works on clusters configured with a wider --service-node-port-range",
                        nodePort.position)
                }
            }
        }
    }

    // MARK: - Ingress (ValidateIngress)

    mutating func checkIngress() {
        let specPath = Self.root.appending("spec")
        guard let spec = root["spec"] else { return }
        for (ruleIndex, rule) in (spec["rules"]?.items ?? []).enumerated() {
            let rulePath = specPath.appending("rules").appending(ruleIndex)
            if let host = rule["host"], let text = host.string {
                let bare = text.hasPrefix("*.") ? String(text.dropFirst(2)) : text
                if let problem = NameRules.dns1123SubdomainProblem(bare) {
                    error("ingress", rulePath.appending("host"), "host '\(text)' is not a valid DNS name: it \(problem)", host.position)
                }
            }
            for (pathIndex, entry) in (rule["http"]?["paths"]?.items ?? []).enumerated() {
                let entryPath = rulePath.appending("http").appending("paths").appending(pathIndex)
                checkEnum(entry["pathType"], entryPath.appending("pathType"), ["Exact", "Prefix", "ImplementationSpecific"])
                if let pathNode = entry["path"], let value = pathNode.string, entry["pathType"]?.string != "ImplementationSpecific",
                    !value.hasPrefix("/")
                {
                    error("ingress", entryPath.appending("path"), "path '\(value)' must start with '/'", pathNode.position)
                }
                if let port = entry["backend"]?["service"]?["port"] {
                    checkPortNumber(
                        port["number"], entryPath.appending("backend").appending("service").appending("port").appending("number"),
                        what: "port")
                    if let name = port["name"]?.string, let problem = NameRules.portNameProblem(name) {
                        error(
                            "port-name", entryPath.appending("backend").appending("service").appending("port").appending("name"),
                            "port name '\(name)' \(problem)", port["name"]!.position)
                    }
                }
            }
        }
    }

    // MARK: - Storage (ValidatePersistentVolume, ValidatePersistentVolumeClaim)

    static let accessModes = ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"]

    mutating func checkClaim(_ spec: ManifestNode?, _ path: FieldPath) {
        guard let spec, case .map = spec else { return }
        let modes = spec["accessModes"]?.items ?? []
        for (index, mode) in modes.enumerated() {
            checkEnum(mode, path.appending("accessModes").appending(index), Self.accessModes)
        }
        if modes.isEmpty && spec["dataSource"] == nil && spec["dataSourceRef"] == nil {
            error("required", path.appending("accessModes"), "at least one access mode is required", spec.position)
        }
        checkEnum(spec["volumeMode"], path.appending("volumeMode"), ["Filesystem", "Block"])
        if let storage = spec["resources"]?["requests"]?["storage"] {
            checkQuantity(storage, path.appending("resources").appending("requests").appending("storage"))
        } else {
            error(
                "required", path.appending("resources").appending("requests").appending("storage"), "a storage request is required",
                spec.position)
        }
    }

    mutating func checkVolume() {
        let specPath = Self.root.appending("spec")
        guard let spec = root["spec"], case .map = spec else { return }
        for (index, mode) in (spec["accessModes"]?.items ?? []).enumerated() {
            checkEnum(mode, specPath.appending("accessModes").appending(index), Self.accessModes)
        }
        checkEnum(
            spec["persistentVolumeReclaimPolicy"], specPath.appending("persistentVolumeReclaimPolicy"), ["Retain", "Delete", "Recycle"])
        checkEnum(spec["volumeMode"], specPath.appending("volumeMode"), ["Filesystem", "Block"])
        if let storage = spec["capacity"]?["storage"] {
            checkQuantity(storage, specPath.appending("capacity").appending("storage"))
        } else {
            error("required", specPath.appending("capacity").appending("storage"), "capacity.storage is required", spec.position)
        }
        checkEnum(
            spec["hostPath"]?["type"], specPath.appending("hostPath").appending("type"),
            ["", "DirectoryOrCreate", "Directory", "FileOrCreate", "File", "Socket", "CharDevice", "BlockDevice"])
    }

    // MARK: - ConfigMaps and Secrets (ValidateConfigMap, ValidateSecret)

    mutating func checkConfigData(secret: Bool) {
        var keys = Set<String>()
        for section in secret ? ["data", "stringData"] : ["data", "binaryData"] {
            for field in root[section]?.fields ?? [] {
                let path = Self.root.appending(section).appending(field.key)
                if let problem = Self.configKeyProblem(field.key) {
                    error("config-key", path, "key '\(field.key)' \(problem)", field.keyPosition)
                }
                if section != "stringData" && !keys.insert(field.key).inserted {
                    error("config-key", path, "key '\(field.key)' appears in more than one section", field.keyPosition)
                }
                if secret && section == "data", let value = field.value.string, !Self.isBase64(value) {
                    error(
                        "secret-base64", path, "Secret data values must be base64-encoded; put plain text under stringData instead",
                        field.value.position)
                }
            }
        }
        if secret, let type = root["type"]?.string {
            let present = Set((root["data"]?.fields ?? []).map(\.key) + (root["stringData"]?.fields ?? []).map(\.key))
            let needed: [String]
            switch type {
            case "kubernetes.io/tls": needed = ["tls.crt", "tls.key"]
            case "kubernetes.io/basic-auth": needed = []
            case "kubernetes.io/ssh-auth": needed = ["ssh-privatekey"]
            case "kubernetes.io/dockerconfigjson": needed = [".dockerconfigjson"]
            default: needed = []
            }
            for key in needed where !present.contains(key) {
                error("secret-type", Self.root.appending("data"), "a Secret of type \(type) needs the key '\(key)'", root["type"]!.position)
            }
        }
    }

    /// IsConfigMapKey: letters, digits, '-', '_' and '.', at most 253 characters, not '.' or '..'.
    static func configKeyProblem(_ key: String) -> String? {
        if key.isEmpty { return "must not be empty" }
        if key.count > 253 { return "must be no more than 253 characters" }
        if key == "." || key == ".." { return "must not be '.' or '..'" }
        if let bad = key.unicodeScalars.first(where: { !NameRules.isAlphanumeric($0) && $0 != "-" && $0 != "_" && $0 != "." }) {
            return "may contain only letters, digits, '-', '_' and '.' ('\(bad)' is not allowed)"
        }
        return nil
    }

    static func isBase64(_ value: String) -> Bool {
        let compact = value.filter { !$0.isWhitespace }
        guard compact.count % 4 == 0 else { return false }
        var padding = 0
        for scalar in compact.unicodeScalars {
            if scalar == "=" {
                padding += 1
                continue
            }
            if padding > 0 { return false }
            guard NameRules.isAlphanumeric(scalar) || scalar == "+" || scalar == "/" else { return false }
        }
        return padding <= 2
    }

    // MARK: - Autoscaling (ValidateHorizontalPodAutoscaler)

    mutating func checkAutoscaler() {
        let specPath = Self.root.appending("spec")
        guard let spec = root["spec"] else { return }
        checkNonNegative(spec["minReplicas"], specPath.appending("minReplicas"), minimum: 1)
        checkNonNegative(spec["maxReplicas"], specPath.appending("maxReplicas"), minimum: 1)
        if let minimum = spec["minReplicas"]?.integer, let maximumNode = spec["maxReplicas"], let maximum = maximumNode.integer,
            maximum < minimum
        {
            error(
                "range", specPath.appending("maxReplicas"),
                "maxReplicas (\(maximum)) must be greater than or equal to minReplicas (\(minimum))", maximumNode.position)
        }
    }
}
