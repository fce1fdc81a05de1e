/// The resource types kubectl names on its command line (`kubectl get deployments`, `deploy/web`,
/// `svc,po`): each built-in kind by its singular, plural and short names.
///
/// The kinds come from the Kubernetes schemas (the caller passes them, with whether today's
/// release still serves each), and the plural is the one the API server derives from a kind
/// (`UnsafeGuessKindToResource` in apimachinery: lower case, then `s`, or `es` after an `s`,
/// or `ies` for a `y` after a consonant), so nothing is typed in but the short names: a
/// server's discovery declares those, and no release of kubectl carries them, so they are the
/// table below, from `kubectl api-resources` on a Kubernetes 1.33 cluster as the kubectl
/// reference prints it (https://kubernetes.io/docs/reference/kubectl/#resource-types).
public struct KubectlResources: Sendable {
    public struct Resource: Sendable, Hashable {
        public var kind: String
        public var plural: String
        /// Whether today's release serves the kind in any API version; when not, the last one that did.
        public var served: Bool
        public var lastServed: String?
    }

    /// Short names, by plural resource name.
    public static let shortNames: [String: [String]] = [
        "componentstatuses": ["cs"], "configmaps": ["cm"], "endpoints": ["ep"], "events": ["ev"], "limitranges": ["limits"],
        "namespaces": ["ns"], "nodes": ["no"], "persistentvolumeclaims": ["pvc"], "persistentvolumes": ["pv"], "pods": ["po"],
        "replicationcontrollers": ["rc"], "resourcequotas": ["quota"], "serviceaccounts": ["sa"], "services": ["svc"],
        "customresourcedefinitions": ["crd", "crds"], "daemonsets": ["ds"], "deployments": ["deploy"], "replicasets": ["rs"],
        "statefulsets": ["sts"], "horizontalpodautoscalers": ["hpa"], "cronjobs": ["cj"], "certificatesigningrequests": ["csr"],
        "ingresses": ["ing"], "networkpolicies": ["netpol"], "poddisruptionbudgets": ["pdb"], "podsecuritypolicies": ["psp"],
        "priorityclasses": ["pc"], "storageclasses": ["sc"],
    ]

    /// Every name a type answers to (lower case): singular, plural, short names.
    public private(set) var names: [String: Resource] = [:]
    /// The singular and plural names, the candidates of a "did you mean".
    public private(set) var fullNames: [String] = []

    /// - Parameter kinds: each built-in kind, whether today's release serves it, and the last
    ///   release that did.
    public init(kinds: [(kind: String, served: Bool, lastServed: String?)]) {
        for entry in kinds {
            let plural = Self.plural(of: entry.kind)
            let resource = Resource(kind: entry.kind, plural: plural, served: entry.served, lastServed: entry.lastServed)
            let singular = entry.kind.lowercased()
            // A kind served in some group wins over one that is not (Event in core and events.k8s.io).
            for name in [singular, plural] + (Self.shortNames[plural] ?? []) where names[name]?.served != true {
                names[name] = resource
            }
            fullNames += [singular, plural]
        }
        // kubectl's own name for the usual set of types.
        names["all"] = Resource(kind: "all", plural: "all", served: true, lastServed: nil)
        fullNames = Array(Set(fullNames)).sorted()
    }

    /// The resource name the API server gives a kind.
    public static func plural(of kind: String) -> String {
        let lower = kind.lowercased()
        if lower.hasSuffix("endpoints") { return lower }
        if lower.hasSuffix("s") { return lower + "es" }
        if lower.hasSuffix("y"), let before = lower.dropLast().last, !"aeiou".contains(before) { return lower.dropLast() + "ies" }
        return lower + "s"
    }

    /// The type a word of a command names: `deploy`, `deployments.apps`, `deployment.v1.apps`
    /// (the group, and the version before it, are not checked).
    public func resource(named word: String) -> Resource? {
        let name = word.split(separator: ".", maxSplits: 1).first.map(String.init) ?? word
        return names[name.lowercased()]
    }
}
