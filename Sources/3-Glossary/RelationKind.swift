/// The typed relations a concept entry can declare, each as a front matter key holding a list of ids.
///
/// A relation is written once, on one side (deployment.md says `manages: [replicaset]`); pages
/// show both directions. `related` is the untyped, symmetric one.
public enum RelationKind: String, Sendable, CaseIterable, Hashable, Codable {
    /// Loosely related; shown both ways.
    case related
    /// Learn the target first: the learning path orders concepts over this relation.
    case requires
    /// Creates and controls the target (a Deployment manages ReplicaSets).
    case manages
    /// Is a component of the target (kubelet is part of a node).
    case partOf = "part-of"
    /// Chooses targets by their labels (a Service selects Pods).
    case selects
    /// Depends on or mounts the target (a Pod uses a ConfigMap).
    case uses
    /// Makes the target reachable (a Service exposes Pods; an Ingress exposes Services).
    case exposes
    /// Is a specific kind of the target (ClusterIP is a kind of Service).
    case kindOf = "kind-of"

    /// Front matter key, and `kind` in graph.json.
    public var key: String { rawValue }
}
