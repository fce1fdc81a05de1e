import GongbuCore

/// Finds Latin words that are one edit away from a glossary term (Kublet, ExtermalName), for
/// "did you mean" warnings, without comparing every word with every term.
///
/// Each term of six or more letters is stored with all its one-letter deletions; a word is a
/// candidate when it or one of its own deletions is stored, and is then confirmed by the edit
/// distance. Cost per word is proportional to its length.
struct TypoIndex: Sendable {
    static let minimumTermLength = 6
    /// Lower-cased variant → terms (lower-cased) it came from.
    private var variants: [String: [String]] = [:]
    /// Lower-cased term → its spelling in the glossary and its concept.
    private var terms: [String: (spelling: String, concept: Int)] = [:]
    /// Words that must never be flagged (all aliases, words of `not:` phrases).
    private var known: Set<String> = []

    init(aliases: [(term: String, concept: Int)], blockedPhrases: [String]) {
        for (term, concept) in aliases {
            let lower = term.lowercased()
            known.insert(lower)
            guard lower.count >= Self.minimumTermLength, lower.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic })
            else { continue }
            if terms[lower] == nil { terms[lower] = (term, concept) }
            for variant in Self.deletions(lower) + [lower] {
                variants[variant, default: []].append(lower)
            }
        }
        for phrase in blockedPhrases {
            for word in phrase.lowercased().split(whereSeparator: { !$0.isLetter }) { known.insert(String(word)) }
        }
    }

    static func deletions(_ word: String) -> [String] {
        let characters = Array(word)
        return characters.indices.map { index in
            var copy = characters
            copy.remove(at: index)
            return String(copy)
        }
    }

    /// Tools of the Kubernetes world whose names are one letter from a term (kubens, kubectx).
    static let toolNames: Set<String> = [
        "kubectx", "kubens", "kustomize", "kubeadm", "kubeval", "kubeconform", "kubespray", "kompose", "kubecost", "kubeshark",
        "kubefwd", "kubetail", "kubeseal", "kubebuilder", "minikube", "microk8s", "kubernetes-dashboard", "kubeflow", "kubevirt",
        "kubescape", "kubeless", "kuberay", "kubectl", "kubelogin", "kubeapps", "kubeone", "kubermatic", "kubesec", "kubedb",
    ]

    /// The term `word` is probably a misspelling of, if any. Not for words with digits
    /// (`Service2`, a footnote number glued on), tool names, or ordinary English words.
    func suggestion(for word: String) -> (spelling: String, concept: Int)? {
        guard word.count >= Self.minimumTermLength - 1, !word.contains(where: \.isNumber) else { return nil }
        let lower = word.lowercased()
        if known.contains(lower) || Self.toolNames.contains(lower) || EnglishWords.nearGlossaryTerms.contains(lower) { return nil }
        // Plurals and possessives of known terms are not typos.
        for suffix in ["s", "es"] where lower.hasSuffix(suffix) && known.contains(String(lower.dropLast(suffix.count))) { return nil }
        var candidates = Set<String>()
        for variant in Self.deletions(lower) + [lower] {
            for term in variants[variant] ?? [] { candidates.insert(term) }
        }
        let best = candidates.filter { Suggest.distance(lower, $0, limit: 1) == 1 }.sorted().first
        return best.flatMap { terms[$0] }
    }
}
