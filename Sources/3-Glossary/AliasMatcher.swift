import Korean

/// One mention of a concept found in a text.
public struct AliasMatch: Sendable, Hashable {
    /// Byte offsets into the text's UTF-8: where the term starts, where it ends (the link text),
    /// and where the word ends (after particles such as 가 or 에서는, which stay outside the link).
    public var start: Int
    public var termEnd: Int
    public var wordEnd: Int
    /// Index of the concept in the matcher's concept list.
    public var concept: Int
    /// The term is also an ordinary word or an acronym of other things (서비스, 이미지, CD):
    /// it names the concept only in a note about it (`ConceptLinker`).
    public var ambiguous = false
}

/// Finds concept mentions in text, Korean-aware, in time linear in the text.
///
/// Rules (see `Particles` for the Korean endings):
/// - A term matches only at the start of a word, and only when what is glued after it is a
///   stack of particles (파드가, 파드에서는) or, after a Latin term, an English plural (pods)
///   optionally followed by particles (Pods를). 잡아서 is not a job; 파드명 is not a pod.
/// - The longest term wins: 크론잡 is cronjob, never job; 헤드리스 서비스 is headless-service.
/// - Identifiers joined by `-`, `_`, `.` or `/` to Latin letters or digits are never split:
///   hello-node, node.js, my_pod, apps/v1.
/// - Latin terms match case-insensitively, except terms of at most three letters written all in
///   lower case or all in upper case (po, rs, PV, CD), which match exactly as written.
/// - Phrases a concept lists under `not:` (Node.js, hello-node) never link to that concept;
///   another concept's term inside one still does (파드 in 파드 집합의 디플로이먼트, a `not:`
///   phrase of deployment).
public final class AliasMatcher: Sendable {
    struct Term: Sendable {
        var ambiguous = false
        var concept: Int
        var startsLatin: Bool
        var endsLatin: Bool
        var lastFinal: Particles.Final
        /// The term has lower-case letters (`Volume`, not `RBAC`): written in capitals only, it is
        /// something else (a Dockerfile's `VOLUME` and `LABEL` instructions).
        var hasLowercase = false
    }

    private let terms: [Term]
    private let foldedTrie: ByteTrie
    private let exactTrie: ByteTrie
    private let blockTrie: ByteTrie
    /// The concepts each blocked phrase keeps from linking; nil blocks every concept.
    private let blockedConcepts: [Set<Int>?]
    private let foldedTerms: [Int]
    private let exactTerms: [Int]

    /// - Parameters:
    ///   - aliases: every term and the index of the concept it names. Duplicates must have been
    ///     rejected by the caller; the first one wins here.
    ///   - blocked: phrases that must never link.
    /// Every Latin word of every term, lower-cased: a capitalised word next to a match that is
    /// one of these belongs to the notes' own vocabulary, not to a proper name.
    let termWords: Set<String>

    /// Phrases that must never link at all.
    public convenience init(aliases: [(term: String, concept: Int)], blocked: [String], ambiguous: Set<String> = []) {
        self.init(aliases: aliases, blockedFor: blocked.map { ($0, nil) }, ambiguous: ambiguous)
    }

    /// - Parameter blockedFor: phrases and the concept each must never link to (a concept's
    ///   `not:`), nil for phrases that must never link to any.
    public init(aliases: [(term: String, concept: Int)], blockedFor blocked: [(phrase: String, concept: Int?)], ambiguous: Set<String> = [])
    {
        var folded: [[UInt8]] = []
        var exact: [[UInt8]] = []
        var foldedTerms: [Int] = []
        var exactTerms: [Int] = []
        var terms: [Term] = []
        for (term, concept) in aliases {
            let normalized = Self.normalizeSpaces(term)
            guard !normalized.isEmpty else { continue }
            let scalars = Array(normalized.unicodeScalars)
            let first = scalars.first!.value
            let last = scalars.last!.value
            terms.append(
                Term(
                    ambiguous: ambiguous.contains(normalized.lowercased()),
                    concept: concept,
                    startsLatin: TextScanning.isLatinOrDigit(first),
                    endsLatin: TextScanning.isLatinOrDigit(last),
                    lastFinal: Particles.final(ofScalar: last),
                    hasLowercase: normalized.unicodeScalars.contains { $0.properties.isLowercase && $0.isASCII }))
            if Self.isCaseSensitive(normalized) {
                exact.append(Array(normalized.utf8))
                exactTerms.append(terms.count - 1)
            } else {
                folded.append(Array(normalized.utf8))
                foldedTerms.append(terms.count - 1)
            }
        }
        self.terms = terms
        termWords = Set(
            aliases.flatMap { Self.normalizeSpaces($0.term).lowercased().split(separator: " ").map(String.init) }
                .filter { $0.unicodeScalars.first.map { TextScanning.isLatinOrDigit($0.value) } ?? false })
        foldedTrie = ByteTrie(keys: folded, foldsCase: true)
        exactTrie = ByteTrie(keys: exact, foldsCase: false)
        // One key per phrase (case-folded, as the trie reads it), with every concept that lists it.
        var phraseIndex: [String: Int] = [:]
        var phrases: [[UInt8]] = []
        var phraseConcepts: [Set<Int>?] = []
        for (phrase, concept) in blocked {
            let normalized = Self.normalizeSpaces(phrase)
            guard !normalized.isEmpty else { continue }
            let key = normalized.lowercased()
            if let index = phraseIndex[key] {
                if let concept, phraseConcepts[index] != nil { phraseConcepts[index]!.insert(concept) } else { phraseConcepts[index] = nil }
                continue
            }
            phraseIndex[key] = phrases.count
            phrases.append(Array(normalized.utf8))
            phraseConcepts.append(concept.map { [$0] })
        }
        blockTrie = ByteTrie(keys: phrases, foldsCase: true)
        blockedConcepts = phraseConcepts
        self.foldedTerms = foldedTerms
        self.exactTerms = exactTerms
    }

    /// Short all-lower or all-upper Latin terms (kubectl short names, acronyms) match exactly.
    static func isCaseSensitive(_ term: String) -> Bool {
        let scalars = term.unicodeScalars
        guard scalars.count <= 3, scalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }) else {
            return false
        }
        let letters = scalars.filter { $0.properties.isAlphabetic }
        return letters.allSatisfy { $0.properties.isLowercase } || letters.allSatisfy { $0.properties.isUppercase }
    }

    static func normalizeSpaces(_ term: String) -> String {
        term.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    public func matches(in text: String) -> [AliasMatch] {
        var text = text
        return text.withUTF8 { matches(in: $0) }
    }

    /// Candidate terms starting at one position, reused across positions to avoid allocations.
    private struct Scratch {
        var found: [(end: Int, key: Int)] = []
        var candidates: [(end: Int, term: Int)] = []
    }

    public func matches(in bytes: UnsafeBufferPointer<UInt8>) -> [AliasMatch] {
        var result: [AliasMatch] = []
        // Blocked phrases seen and still open: where each ends and the concept it blocks.
        var blocks: [(until: Int, concepts: Set<Int>?)] = []
        var index = 0
        let count = bytes.count
        var previousIsWord = false
        var scratch = Scratch()
        while index < count {
            let (value, length) = TextScanning.scalar(at: index, in: bytes)
            let isWord = TextScanning.isWord(value)
            if isWord && !previousIsWord {
                let first = bytes[index]
                if !blocks.isEmpty { blocks.removeAll { $0.until <= index } }
                if blockTrie.mayStart(with: first) {
                    scratch.found.removeAll(keepingCapacity: true)
                    blockTrie.walk(bytes, from: index, into: &scratch.found)
                    for (end, key) in scratch.found { blocks.append((end, blockedConcepts[key])) }
                }
                let blocksAll = blocks.contains { $0.concepts == nil }
                if !blocksAll && (foldedTrie.mayStart(with: first) || exactTrie.mayStart(with: first)) {
                    scratch.candidates.removeAll(keepingCapacity: true)
                    scratch.found.removeAll(keepingCapacity: true)
                    foldedTrie.walk(bytes, from: index, into: &scratch.found)
                    for (end, key) in scratch.found { scratch.candidates.append((end, foldedTerms[key])) }
                    scratch.found.removeAll(keepingCapacity: true)
                    exactTrie.walk(bytes, from: index, into: &scratch.found)
                    for (end, key) in scratch.found { scratch.candidates.append((end, exactTerms[key])) }
                    if !blocks.isEmpty {
                        scratch.candidates.removeAll { candidate in
                            blocks.contains { $0.concepts?.contains(terms[candidate.term].concept) ?? true }
                        }
                    }
                    if !scratch.candidates.isEmpty, let match = bestMatch(bytes, start: index, candidates: &scratch.candidates) {
                        result.append(match)
                        index = match.wordEnd
                        previousIsWord = true
                        continue
                    }
                }
            }
            previousIsWord = isWord
            index += length
        }
        return result
    }

    /// The longest candidate whose surroundings allow a match.
    private func bestMatch(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, candidates: inout [(end: Int, term: Int)]) -> AliasMatch? {
        // Joined on the left (hello-node, my_pod)?
        var leftJoinedToLatin = false
        var leftJoinedToWord = false
        if let before = TextScanning.scalar(before: start, in: bytes), TextScanning.isJoiner(before.value),
            let beyond = TextScanning.scalar(before: before.start, in: bytes), TextScanning.isWord(beyond.value)
        {
            leftJoinedToWord = true
            leftJoinedToLatin = TextScanning.isLatinOrDigit(beyond.value)
        }
        candidates.sort { $0.end > $1.end }
        for candidate in candidates {
            let term = terms[candidate.term]
            if leftJoinedToLatin || (leftJoinedToWord && term.startsLatin) { continue }
            // The term must end at a character boundary that is not inside a longer Latin word.
            var wordEnd = candidate.end
            while wordEnd < bytes.count {
                let (value, length) = TextScanning.scalar(at: wordEnd, in: bytes)
                if !TextScanning.isWord(value) { break }
                wordEnd += length
            }
            var rest = candidate.end
            var stemFinal = term.lastFinal
            if term.endsLatin {
                rest = skipPlural(bytes, from: rest, wordEnd: wordEnd)
                stemFinal = .unknown
            }
            // What is glued after the term must be Hangul particles (Latin letters there mean a
            // longer word), or the noun made a verb (롤백한다, 배포되는, 롤아웃시). After a Latin
            // term any Hangul word may follow without a space: the scripts mark the boundary
            // (Pod삭제, Cluster내에서, PVC요청), where 파드명 is one Korean word and no pod.
            guard
                Particles.isParticleSequence(bytes, from: rest, to: wordEnd, after: stemFinal)
                    || Self.isVerbalSuffix(bytes, from: rest, to: wordEnd)
                    || (term.endsLatin && Self.startsWithHangulSyllable(bytes, at: rest, before: wordEnd))
            else { continue }
            // A term of lower-case letters written in capitals only (`VOLUME /data`, `LABEL`) is
            // a Dockerfile instruction or a constant, not the concept.
            if term.hasLowercase, candidate.end - start >= 4, Self.isAllCapitals(bytes, start..<candidate.end) { continue }
            // A term inside a capitalised English name that is not itself a term
            // (Open Container Initiative, AWS Load Balancer Controller, Hello Node Kubernetes).
            if term.startsLatin, isInsideProperName(bytes, start: start, end: wordEnd, nameMayGoOn: wordEnd == candidate.end) { continue }
            // A one-syllable term that is also a verb stem, used as a verb (`잡을 수`, `락을 잡은`).
            if candidate.end - start == 3, Self.isVerbUse(bytes, start: start, particleStart: rest, wordEnd: wordEnd) { continue }
            // Joined on the right (node.js, kube-proxy-abc)?
            if wordEnd < bytes.count {
                let (value, length) = TextScanning.scalar(at: wordEnd, in: bytes)
                if TextScanning.isJoiner(value), wordEnd + length < bytes.count {
                    let beyond = TextScanning.scalar(at: wordEnd + length, in: bytes).value
                    if TextScanning.isWord(beyond) && (TextScanning.isLatinOrDigit(beyond) || term.endsLatin) { continue }
                }
            }
            return AliasMatch(start: start, termEnd: candidate.end, wordEnd: wordEnd, concept: term.concept, ambiguous: term.ambiguous)
        }
        return nil
    }

    /// Whether a Hangul syllable starts at `index` (and before `end`).
    static func startsWithHangulSyllable(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, before end: Int) -> Bool {
        guard index < end, index + 2 < bytes.count else { return false }
        let value = TextScanning.scalar(at: index, in: bytes).value
        return value >= 0xAC00 && value <= 0xD7A3
    }

    /// Latin letters, all capitals (digits and joiners allowed), with at least one letter.
    static func isAllCapitals(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var letters = 0
        for index in range {
            let byte = bytes[index]
            if byte >= 0x61 && byte <= 0x7A { return false }
            if byte >= 0x41 && byte <= 0x5A { letters += 1 }
        }
        return letters > 0
    }

    /// Capitalised words that qualify the term after them rather than name something: the
    /// pods' quality-of-service classes (`Guaranteed` is a participle already).
    static let qualifierWords: Set<String> = ["BestEffort", "Burstable"]

    /// Capitalised words that start English sentences and headings rather than names.
    static let sentenceWords: Set<String> = [
        "The", "A", "An", "In", "On", "For", "To", "Of", "And", "Or", "Is", "Are", "Was", "With", "By", "At", "From", "This", "That",
        "These", "Those", "Each", "Every", "All", "Your", "Our", "My", "Its", "When", "If", "Then", "How", "What", "Why", "Where",
        "Which", "Who", "It", "We", "You", "They", "Create", "Delete", "Get", "List", "Use", "Using", "Run", "Add", "Remove", "New",
        "Note", "Example", "See", "Set", "Update", "Check", "Apply", "Describe", "Edit", "Scale", "Expose", "Deploy", "Install",
        "Configure", "About", "Not", "No", "Yes", "One", "Two", "First", "Next", "Last",
    ]

    /// Whether the word just before `start` or just after `end` (one space away) is a
    /// capitalised Latin word (not an all-capitals acronym) that no term uses: then the match
    /// is part of a name. A name goes
    /// on after the match only when nothing is glued to it (`Pod가 Ready` is not a name).
    func isInsideProperName(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, nameMayGoOn: Bool) -> Bool {
        func isNameWord(_ range: Range<Int>, acronymCounts: Bool = false) -> Bool {
            guard range.count >= 2, let first = range.first, bytes[first] >= 0x41, bytes[first] <= 0x5A else { return false }
            if Self.sentenceWords.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)) { return false }
            guard range.allSatisfy({ bytes[$0] < 0x80 && TextScanning.isLatinOrDigit(UInt32(bytes[$0])) }) else { return false }
            // An acronym before a term that ends the phrase qualifies it (`NFS PV`, `TLS Secret`);
            // one that opens a longer name is part of it (`AWS Ingress Controller`).
            guard acronymCounts || range.contains(where: { bytes[$0] >= 0x61 && bytes[$0] <= 0x7A }) else { return false }
            let spelt = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            // A state or class that qualifies the term (`Evicted Pod`, `BestEffort Pod`): a
            // participle, or a quality-of-service class.
            if spelt.hasSuffix("ed") || Self.qualifierWords.contains(spelt) { return false }
            let word = spelt.lowercased()
            return !termWords.contains(word) && !termWords.contains(String(word.dropLast()))
        }
        // Whether a capitalised word follows (`Ingress Controller`), term or not.
        let capitalisedAfter =
            nameMayGoOn && end + 1 < bytes.count && bytes[end] == 0x20 && bytes[end + 1] >= 0x41 && bytes[end + 1] <= 0x5A
        // The word before: `Open Container`.
        if start >= 2, bytes[start - 1] == 0x20 {
            var wordStart = start - 1
            while wordStart > 0, bytes[wordStart - 1] < 0x80, TextScanning.isLatinOrDigit(UInt32(bytes[wordStart - 1])) { wordStart -= 1 }
            if wordStart < start - 1, isNameWord(wordStart..<(start - 1), acronymCounts: capitalisedAfter) { return true }
        }
        // The word after: `Container Initiative`.
        if nameMayGoOn, end + 1 < bytes.count, bytes[end] == 0x20 {
            var wordEnd = end + 1
            while wordEnd < bytes.count, bytes[wordEnd] < 0x80, TextScanning.isLatinOrDigit(UInt32(bytes[wordEnd])) { wordEnd += 1 }
            if wordEnd > end + 1, isNameWord((end + 1)..<wordEnd) { return true }
        }
        return false
    }

    /// The syllables that begin 하다, 되다 and 시키다 in their forms (한다, 하는, 할, 해서, 했다,
    /// 합니다; 된다, 되는, 될, 돼, 됐다; 시킨다, 시켜 …).
    static let lightVerbStarts: [String] = [
        "하", "한", "할", "함", "합", "해", "했", "되", "된", "될", "됨", "됩", "돼", "됐", "시키", "시킨", "시킬", "시켜", "시켰", "시킵",
    ]
    /// Nouns glued to a concept noun for "at the time of" and "during": 롤아웃시, 배포때, 롤백중.
    static let gluedTimeNouns: [String] = ["시", "때", "중"]

    /// Whether the bytes glued after a term make it a verb (`롤백한다`) or add 시/때/중 (with
    /// particles after them: `롤아웃시에는`).
    static func isVerbalSuffix(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        guard end > start else { return false }
        let glued = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        if lightVerbStarts.contains(where: { glued.hasPrefix($0) }) { return true }
        for noun in gluedTimeNouns where glued.hasPrefix(noun) {
            let rest = glued.dropFirst(noun.count)
            if rest.isEmpty || Particles.isParticlesAfterLatin(String(rest)) { return true }
        }
        return false
    }

    /// Bound nouns that follow a verb's adnominal form: `잡을 수`, `잡은 채`, `잡을 때`.
    static let boundNouns: Set<String> = ["수", "채", "것", "거", "때", "후", "뒤", "적", "줄", "만큼", "뿐", "듯", "데", "동안", "김에", "대로"]

    /// Whether a one-syllable Hangul term followed by 은 or 을 is a verb's adnominal form
    /// rather than the noun with a particle: it comes before a bound noun (`잡을 수 있다`,
    /// `잡은 채로`), or after an object (`락을 잡은 스레드`, `오류를 잡을`), which a noun with
    /// a topic or object particle cannot.
    static func isVerbUse(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, particleStart: Int, wordEnd: Int) -> Bool {
        guard wordEnd - particleStart == 3 else { return false }
        let particle = String(decoding: UnsafeBufferPointer(rebasing: bytes[particleStart..<wordEnd]), as: UTF8.self)
        guard particle == "은" || particle == "을" else { return false }
        // The next word.
        var next = wordEnd
        while next < bytes.count, bytes[next] == 0x20 { next += 1 }
        var nextEnd = next
        while nextEnd < bytes.count {
            let (value, length) = TextScanning.scalar(at: nextEnd, in: bytes)
            if !TextScanning.isWord(value) { break }
            nextEnd += length
        }
        if next > wordEnd, nextEnd > next {
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[next..<nextEnd]), as: UTF8.self)
            if boundNouns.contains(where: {
                word == $0 || (word.hasPrefix($0) && Particles.isParticlesAfterLatin(String(word.dropFirst($0.count))))
            }) {
                return true
            }
        }
        // The previous word ends in an object particle.
        var previousEnd = start
        while previousEnd > 0, bytes[previousEnd - 1] == 0x20 { previousEnd -= 1 }
        guard previousEnd < start, previousEnd >= 3 else { return false }
        let last = String(decoding: UnsafeBufferPointer(rebasing: bytes[(previousEnd - 3)..<previousEnd]), as: UTF8.self)
        return last == "을" || last == "를"
    }

    /// After a Latin term: `s` or `es` (pods, ingresses) when nothing Latin follows them.
    private func skipPlural(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, wordEnd: Int) -> Int {
        func isLatinAt(_ position: Int) -> Bool {
            position < wordEnd && TextScanning.isLatinOrDigit(TextScanning.scalar(at: position, in: bytes).value)
        }
        if index < wordEnd, TextScanning.lowercased(bytes[index]) == 0x73, !isLatinAt(index + 1) { return index + 1 }
        if index + 1 < wordEnd, TextScanning.lowercased(bytes[index]) == 0x65, TextScanning.lowercased(bytes[index + 1]) == 0x73,
            !isLatinAt(index + 2)
        {
            return index + 2
        }
        return index
    }
}
