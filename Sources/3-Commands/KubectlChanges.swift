import GongbuCore

/// Behaviour of kubectl that changed between releases and that the help text alone does not
/// show, each with its source. The flags and commands that kubectl's help and its deprecation
/// messages show are in the generated model instead.
public enum KubectlChanges {
    public struct Removal: Sendable {
        public var command: String
        /// Release in which it was removed.
        public var removedIn: String
        /// What to use instead, translated on the page like the message it is part of.
        public var replacement: Message
        public var source: String
    }

    /// Commands that no longer exist.
    public static let removedCommands: [String: Removal] = [
        "rolling-update": Removal(
            command: "rolling-update", removedIn: "1.18", replacement: "kubectl rollout (a Deployment's rolling update)",
            source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.18.md")
    ]

    /// Flags of a command that were deprecated without effect and later removed.
    public static let removedFlags: [String: [String: Removal]] = [
        "get": [
            "export": Removal(
                command: "get", removedIn: "1.18", replacement: "kubectl get -o yaml, without the fields the server sets",
                source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.18.md")
        ],
        "run": [
            "generator": Removal(
                command: "run", removedIn: "1.18", replacement: "kubectl create deployment (or kubectl run for a Pod)",
                source: "https://github.com/kubernetes/kubernetes/pull/87077"),
            "replicas": Removal(
                command: "run", removedIn: "1.18", replacement: "kubectl create deployment NAME --image=IMAGE --replicas=N",
                source: "https://github.com/kubernetes/kubernetes/pull/87077"),
        ],
    ]

    /// `kubectl exec POD COMMAND` without `--` before the command: deprecated (kubectl 1.20 to
    /// 1.30 say so when it runs), refused since 1.31 ("exec [POD] [COMMAND] is not supported
    /// anymore"), as running each release shows; CHANGELOG-1.31.md
    /// (https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.31.md).
    public static let execWithoutDashesRemovedIn = "1.31"

    /// `kubectl run` made a Deployment (through its generators) before 1.18 and makes only a
    /// Pod since (https://github.com/kubernetes/kubernetes/pull/87077).
    public static let runMakesOnlyAPodSince = "1.18"
}
