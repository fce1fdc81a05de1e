import GongbuCore

/// Checks across the objects of one note (or one file): whether Services find their pods,
/// whether named ports and referenced ConfigMaps, Secrets and claims exist.
///
/// A note is a teaching unit: an object it refers to but does not define is worth a warning
/// (the reader would have to create it), never an error.
struct ScopeRules {
    struct Located {
        var object: ManifestObject
        /// Index into the scope's list of documents, to attach issues to the right document.
        var slot: Int
    }

    let objects: [Located]
    private(set) var issues: [(slot: Int, issue: ManifestIssue)] = []

    init(objects: [Located]) {
        self.objects = objects
    }

    static func run(_ objects: [Located]) -> [(slot: Int, issue: ManifestIssue)] {
        var rules = ScopeRules(objects: objects)
        rules.checkServices()
        rules.checkStatefulSets()
        rules.checkReferences()
        return rules.issues
    }

    mutating func add(_ slot: Int, _ severity: Severity, _ rule: String, _ path: FieldPath, _ message: Message, _ position: YAMLPosition) {
        issues.append((slot, ManifestIssue(severity, rule: rule, path: path, message: message, at: position)))
    }

    /// Objects that define pods, with their pod labels read once.
    struct PodTemplate {
        var located: Located
        var labels: [String: String]
    }

    var podTemplates: [PodTemplate] {
        objects.compactMap { located in
            guard located.object.podSpec != nil, let labels = located.object.podLabels else { return nil }
            return PodTemplate(located: located, labels: labels)
        }
    }

    /// Services select pods by label; a named targetPort must be a port name on those pods.
    ///
    /// Pod templates are indexed by each label pair, and a selector only tests the templates
    /// under its rarest pair; selections are shared by Services with the same selector. A note
    /// with thousands of Services and Deployments (notes pasted into one file) stays linear
    /// instead of testing every Service against every template.
    mutating func checkServices() {
        let templates = podTemplates
        var byLabel: [String: [Int]] = [:]
        for (index, template) in templates.enumerated() {
            for (key, value) in template.labels { byLabel[key + "\u{0}" + value, default: []].append(index) }
        }
        var selections: [String: [Int]] = [:]
        var missingPorts: [String: [Int]] = [:]
        for located in objects where located.object.kind == "Service" {
            let service = located.object
            guard let spec = service.root["spec"], let selectorNode = spec["selector"] else { continue }
            let pairs = selectorNode.fields.compactMap { field in field.value.string.map { (field.key, $0) } }
            guard !pairs.isEmpty else { continue }
            let signature = (service.namespace ?? "") + "\u{1}" + pairs.map { $0.0 + "\u{0}" + $0.1 }.sorted().joined(separator: "\u{1}")
            let selected: [Int]
            if let known = selections[signature] {
                selected = known
            } else {
                let selector = LabelSelector(plain: selectorNode)
                let postings = pairs.map { byLabel[$0.0 + "\u{0}" + $0.1] ?? [] }
                let rarest = postings.min { $0.count < $1.count } ?? []
                selected = rarest.filter {
                    selector.matches(templates[$0].labels) && templates[$0].located.object.namespace == service.namespace
                }
                selections[signature] = selected
            }
            let selectorPath = FieldPath().appending("spec").appending("selector")
            if selected.isEmpty {
                // Only meaningful when the note shows pods at all.
                if !templates.isEmpty {
                    let shown = pairs.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
                    add(
                        located.slot, .warning, "service-selector", selectorPath,
                        "selector \(shown) matches no pod template in this note; the Service would have no endpoints", selectorNode.position
                    )
                }
                continue
            }
            for (index, port) in (spec["ports"]?.items ?? []).enumerated() {
                guard let target = port["targetPort"], let name = target.string, Int(name) == nil else { continue }
                let key = signature + "\u{2}" + name
                let missing = missingPorts[key] ?? selected.filter { templates[$0].located.object.namedPorts[name] == nil }
                missingPorts[key] = missing
                if !missing.isEmpty {
                    let names = missing.map { "\(templates[$0].located.object.kind) \(templates[$0].located.object.name ?? "?")" }.joined(
                        separator: ", ")
                    add(
                        located.slot, .error, "target-port",
                        FieldPath().appending("spec").appending("ports").appending(index).appending("targetPort"),
                        "targetPort '\(name)' is not the name of a container port in the pods this Service selects (\(names))",
                        target.position)
                }
            }
        }
    }

    /// A StatefulSet's serviceName should be a headless Service (clusterIP: None) so each pod gets a DNS name.
    mutating func checkStatefulSets() {
        var services: [String: Located] = [:]
        for located in objects where located.object.kind == "Service" {
            if let name = located.object.name, services[name] == nil { services[name] = located }
        }
        for located in objects where located.object.kind == "StatefulSet" {
            guard let nameNode = located.object.root["spec"]?["serviceName"], let name = nameNode.string else { continue }
            guard let service = services[name] else { continue }
            if service.object.root["spec"]?["clusterIP"]?.string != "None" {
                add(
                    located.slot, .warning, "statefulset-service", FieldPath().appending("spec").appending("serviceName"),
                    "serviceName '\(name)' names a Service that is not headless; set clusterIP: None on it so each pod gets a stable DNS name",
                    nameNode.position)
            }
        }
    }

    /// ConfigMaps, Secrets and claims that pods use by name should be defined in the note too.
    mutating func checkReferences() {
        var defined: [String: Set<String>] = [:]
        for located in objects {
            if let name = located.object.name { defined[located.object.kind, default: []].insert(name) }
            // A StatefulSet's claim templates create claims named <template>-<pod>.
            for template in located.object.root["spec"]?["volumeClaimTemplates"]?.items ?? [] {
                if let name = template["metadata"]?["name"]?.string { defined["PersistentVolumeClaim@template", default: []].insert(name) }
            }
        }
        for located in objects {
            guard let (spec, path) = located.object.podSpec else { continue }
            var references: [(kind: String, name: String, path: FieldPath, position: YAMLPosition)] = []
            for (index, volume) in (spec["volumes"]?.items ?? []).enumerated() {
                let volumePath = path.appending("volumes").appending(index)
                if let node = volume["configMap"]?["name"], let name = node.string, volume["configMap"]?["optional"]?.scalar != .bool(true)
                {
                    references.append(("ConfigMap", name, volumePath.appending("configMap").appending("name"), node.position))
                }
                if let node = volume["secret"]?["secretName"], let name = node.string, volume["secret"]?["optional"]?.scalar != .bool(true)
                {
                    references.append(("Secret", name, volumePath.appending("secret").appending("secretName"), node.position))
                }
                if let node = volume["persistentVolumeClaim"]?["claimName"], let name = node.string {
                    references.append(
                        ("PersistentVolumeClaim", name, volumePath.appending("persistentVolumeClaim").appending("claimName"), node.position)
                    )
                }
            }
            for group in ["initContainers", "containers"] {
                for (containerIndex, container) in (spec[group]?.items ?? []).enumerated() {
                    let containerPath = path.appending(group).appending(containerIndex)
                    for (index, source) in (container["envFrom"]?.items ?? []).enumerated() {
                        let sourcePath = containerPath.appending("envFrom").appending(index)
                        if let node = source["configMapRef"]?["name"], let name = node.string,
                            source["configMapRef"]?["optional"]?.scalar != .bool(true)
                        {
                            references.append(("ConfigMap", name, sourcePath.appending("configMapRef").appending("name"), node.position))
                        }
                        if let node = source["secretRef"]?["name"], let name = node.string,
                            source["secretRef"]?["optional"]?.scalar != .bool(true)
                        {
                            references.append(("Secret", name, sourcePath.appending("secretRef").appending("name"), node.position))
                        }
                    }
                    for (index, variable) in (container["env"]?.items ?? []).enumerated() {
                        let variablePath = containerPath.appending("env").appending(index).appending("valueFrom")
                        if let reference = variable["valueFrom"]?["configMapKeyRef"], let node = reference["name"], let name = node.string,
                            reference["optional"]?.scalar != .bool(true)
                        {
                            references.append(
                                ("ConfigMap", name, variablePath.appending("configMapKeyRef").appending("name"), node.position))
                        }
                        if let reference = variable["valueFrom"]?["secretKeyRef"], let node = reference["name"], let name = node.string,
                            reference["optional"]?.scalar != .bool(true)
                        {
                            references.append(("Secret", name, variablePath.appending("secretKeyRef").appending("name"), node.position))
                        }
                    }
                }
            }
            for reference in references {
                if defined[reference.kind]?.contains(reference.name) == true { continue }
                if reference.kind == "PersistentVolumeClaim", defined["PersistentVolumeClaim@template"]?.contains(reference.name) == true {
                    continue
                }
                add(
                    located.slot, .warning, "missing-reference", reference.path,
                    "\(reference.kind) '\(reference.name)' is not defined in this note; create it before applying this manifest",
                    reference.position)
            }
        }
    }
}
