/// A manifest document that names an API object, with what rules need to know about it.
public struct ManifestObject: Sendable {
    /// 1-based index of the document in its file or code block.
    public var document: Int
    public var apiVersion: String
    public var kind: String
    public var root: ManifestNode

    public var name: String? { root["metadata"]?["name"]?.string }
    public var namespace: String? { root["metadata"]?["namespace"]?.string }

    /// The pod template's spec (or the pod's own spec) and where it is.
    public var podSpec: (node: ManifestNode, path: FieldPath)? {
        var path = FieldPath()
        let node: ManifestNode?
        switch kind {
        case "Pod":
            node = root["spec"]
            path = path.appending("spec")
        case "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController":
            node = root["spec"]?["template"]?["spec"]
            path = path.appending("spec").appending("template").appending("spec")
        case "CronJob":
            node = root["spec"]?["jobTemplate"]?["spec"]?["template"]?["spec"]
            path = path.appending("spec").appending("jobTemplate").appending("spec").appending("template").appending("spec")
        case "PodTemplate":
            node = root["template"]?["spec"]
            path = path.appending("template").appending("spec")
        default:
            node = nil
        }
        guard let node, case .map = node else { return nil }
        return (node, path)
    }

    /// The labels pods of this object get (the template's labels; a pod's own labels).
    public var podLabels: [String: String]? {
        let labels: ManifestNode?
        switch kind {
        case "Pod": labels = root["metadata"]?["labels"]
        case "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController":
            labels = root["spec"]?["template"]?["metadata"]?["labels"]
        case "CronJob": labels = root["spec"]?["jobTemplate"]?["spec"]?["template"]?["metadata"]?["labels"]
        default: return nil
        }
        guard let labels else { return podSpec == nil ? nil : [:] }
        var result: [String: String] = [:]
        for field in labels.fields { if let value = field.value.string { result[field.key] = value } }
        return result
    }

    /// Named container ports of the pod template: name → port number.
    public var namedPorts: [String: Int] {
        guard let spec = podSpec?.node else { return [:] }
        var result: [String: Int] = [:]
        for group in ["containers", "initContainers"] {
            for container in spec[group]?.items ?? [] {
                for port in container["ports"]?.items ?? [] {
                    if let name = port["name"]?.string, let number = port["containerPort"]?.integer { result[name] = number }
                }
            }
        }
        return result
    }
}
