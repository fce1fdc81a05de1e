/// Korean particles and endings that may follow a term without a space (파드가, 파드에서는, Pod은).
///
/// A term matches only when everything glued after it is a sequence of these, so 잡아서 is not
/// a job and 파드명 is not a pod. Alternants follow the final consonant (받침) of the syllable
/// before them (파드가 but 잡이): after a Latin or digit stem (Pod은, k8s를) both are accepted.
public enum Particles {
    /// When a particle may follow the syllable before it. Copula forms with 이 (이다, 이며, 이고 …)
    /// are also correct after a vowel (파드이다 as well as 파드다), so they accept both.
    public enum Condition: Sendable {
        case any
        /// After a syllable with a final consonant (잡이, 잡을).
        case afterConsonant
        /// After a syllable without one (파드가, 파드를).
        case afterVowel
        /// 로 and its family: after a vowel or after ㄹ (파드로, 레이블로).
        case afterVowelOrRieul
        /// 으로 and its family: after a final consonant other than ㄹ (잡으로).
        case afterConsonantNotRieul
    }

    /// A particle as its syllables (at most three: 이었다), so matching touches no heap memory.
    public struct Particle: Sendable {
        public let syllables: (UInt32, UInt32, UInt32)
        public let count: Int
        public let condition: Condition

        init(_ text: String, _ condition: Condition) {
            let scalars = text.unicodeScalars.map(\.value)
            precondition(scalars.count <= 3 && scalars.allSatisfy { $0 >= 0xAC00 && $0 <= 0xD7A3 }, "particles are 1-3 Hangul syllables")
            syllables = (scalars[0], scalars.count > 1 ? scalars[1] : 0, scalars.count > 2 ? scalars[2] : 0)
            count = scalars.count
            self.condition = condition
        }

        /// UTF-8 length.
        public var byteCount: Int { count * 3 }

        public func syllable(_ index: Int) -> UInt32 {
            index == 0 ? syllables.0 : index == 1 ? syllables.1 : syllables.2
        }
    }

    /// One-letter codes of the conditions, for the site's search script: A any, C after a
    /// consonant, V after a vowel, R after a vowel or ㄹ, N after a consonant other than ㄹ.
    public static func conditionCode(_ condition: Condition) -> String {
        switch condition {
        case .any: "A"
        case .afterConsonant: "C"
        case .afterVowel: "V"
        case .afterVowelOrRieul: "R"
        case .afterConsonantNotRieul: "N"
        }
    }

    public static let table: [(String, Condition)] = [
        ("이", .afterConsonant), ("가", .afterVowel),
        ("을", .afterConsonant), ("를", .afterVowel),
        ("은", .afterConsonant), ("는", .afterVowel),
        ("과", .afterConsonant), ("와", .afterVowel),
        ("으로", .afterConsonantNotRieul), ("로", .afterVowelOrRieul),
        ("으로서", .afterConsonantNotRieul), ("로서", .afterVowelOrRieul),
        ("으로써", .afterConsonantNotRieul), ("로써", .afterVowelOrRieul),
        ("이다", .any), ("다", .afterVowel),
        ("이에요", .afterConsonant), ("예요", .afterVowel),
        ("이었다", .any), ("였다", .afterVowel),
        ("이란", .afterConsonant), ("란", .afterVowel),
        ("이라는", .afterConsonant), ("라는", .afterVowel),
        ("이라고", .afterConsonant), ("라고", .afterVowel),
        ("이라서", .afterConsonant), ("라서", .afterVowel),
        ("이나", .afterConsonant), ("나", .afterVowel),
        ("이랑", .afterConsonant), ("랑", .afterVowel),
        ("이며", .any), ("며", .afterVowel),
        ("이면", .any), ("면", .afterVowel),
        ("이야", .afterConsonant), ("야", .afterVowel),
        ("이지만", .any), ("지만", .afterVowel),
        ("이고", .any), ("입니다", .any), ("인", .any), ("인데", .any), ("인지", .any),
        ("의", .any), ("에", .any), ("에서", .any), ("에게", .any), ("한테", .any), ("께", .any),
        ("도", .any), ("만", .any), ("까지", .any), ("부터", .any), ("처럼", .any), ("보다", .any),
        ("마다", .any), ("조차", .any), ("밖에", .any), ("뿐", .any), ("들", .any), ("등", .any),
        ("끼리", .any), ("만큼", .any), ("대로", .any),
        // Bound nouns glued to the noun they follow: 파드간 (between), 노드별 (per), 노드당 (each), 클러스터내 (within),
        // 쿠버네티스용 (for), 요청량 (amount); and the copula's 이라면/이라도/이라/이지 (파드라면,
        // 파드라도, 이미지라, 스케일링이지).
        ("간", .any), ("별", .any), ("당", .any), ("용", .any), ("내", .any),
        ("이라면", .afterConsonant), ("라면", .afterVowel), ("이라도", .afterConsonant), ("라도", .afterVowel),
        ("이라", .afterConsonant), ("라", .afterVowel), ("이지", .afterConsonant), ("량", .any),
    ]

    /// Longest particles first, so 에서는 is read as 에서 + 는 rather than 에 + 서….
    public static let particles: [Particle] =
        table
        .map { Particle($0.0, $0.1) }
        .sorted { $0.count > $1.count }

    /// The particles by their first syllable, longest first within each: a position in a word
    /// is compared with the two or three particles that can start there, not with all of them.
    public static let particlesByFirstSyllable: [UInt32: [Particle]] = Dictionary(grouping: particles) { $0.syllables.0 }

    /// The scalar of the 3-byte UTF-8 sequence at `index` (every Hangul syllable is 3 bytes).
    @inline(__always)
    public static func syllable<C: Collection<UInt8>>(_ bytes: C, _ index: C.Index) -> UInt32 where C.Index == Int {
        UInt32(bytes[index] & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
    }

    /// A well-formed lead byte and two continuation bytes at `index` (the caller checks bounds).
    @inline(__always)
    public static func isThreeByteSequence(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        bytes[index] & 0xF0 == 0xE0 && bytes[index + 1] & 0xC0 == 0x80 && bytes[index + 2] & 0xC0 == 0x80
    }

    /// Stacks longer than this (에서 + 는 + 도 is already rare) are not particles.
    public static let maximumStack = 3

    /// The final-consonant class of the character ending at `end` (exclusive) in `bytes`.
    public enum Final: Equatable, Sendable {
        case vowel, rieul, consonant
        /// Latin letters, digits, anything not Hangul: both alternants are accepted.
        case unknown
    }

    public static func final(ofScalar value: UInt32) -> Final {
        guard value >= 0xAC00, value <= 0xD7A3 else { return .unknown }
        switch (value - 0xAC00) % 28 {
        case 0: return .vowel
        case 8: return .rieul
        default: return .consonant
        }
    }

    public static func allows(_ condition: Condition, after final: Final) -> Bool {
        if final == .unknown { return true }
        switch condition {
        case .any: return true
        case .afterConsonant: return final != .vowel
        case .afterVowel: return final == .vowel
        case .afterVowelOrRieul: return final == .vowel || final == .rieul
        case .afterConsonantNotRieul: return final == .consonant
        }
    }

    /// True when `bytes[start..<end]` is empty or a stack of particles that may follow a stem whose
    /// last syllable has `stemFinal`.
    public static func isParticleSequence(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, after stemFinal: Final) -> Bool
    {
        if start == end { return true }
        return matchStack(bytes, start, end, stemFinal, depth: 0)
    }

    private static func matchStack(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ previous: Final, depth: Int) -> Bool {
        if start == end { return true }
        if depth == maximumStack || end - start < 3 || !isThreeByteSequence(bytes, start) { return false }
        guard let candidates = particlesByFirstSyllable[syllable(bytes, start)] else { return false }
        for particle in candidates where particle.byteCount <= end - start {
            guard allows(particle.condition, after: previous) else { continue }
            var equal = true
            for index in 1..<max(particle.count, 1)
            where !isThreeByteSequence(bytes, start + index * 3) || syllable(bytes, start + index * 3) != particle.syllable(index) {
                equal = false
                break
            }
            guard equal else { continue }
            let last = start + particle.byteCount
            if matchStack(bytes, last, end, final(ofScalar: particle.syllable(particle.count - 1)), depth: depth + 1) { return true }
        }
        return false
    }

    /// True when the whole text is a stack of particles that may follow a Latin word (Pod은, k8s를).
    public static func isParticlesAfterLatin(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return false }
        return bytes.withUnsafeBufferPointer { isParticleSequence($0, from: 0, to: $0.count, after: .unknown) }
    }

    /// Where the stem of a Hangul word ends (particles removed), as a byte offset into
    /// `bytes[start..<end]`; `end` when nothing can be stripped. Every syllable is 3 bytes.
    public static func stemEnd(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Int {
        var cut = start + 3
        while cut < end {
            if isParticleSequence(bytes, from: cut, to: end, after: finalBefore(bytes, cut)) { return cut }
            cut += 3
        }
        return end
    }

    /// Strips the particles from a word for search (`파드에서는` → `파드`), when what is left is at
    /// least one syllable; returns the word unchanged otherwise.
    public static func stem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> String in
            var cut = 3
            while cut < buffer.count {
                // Only cut at Hangul syllable boundaries (each Hangul syllable is 3 UTF-8 bytes).
                if buffer[cut] & 0xC0 != 0x80 {
                    let stemFinal = finalBefore(buffer, cut)
                    if isParticleSequence(buffer, from: cut, to: buffer.count, after: stemFinal) {
                        return String(decoding: buffer[0..<cut], as: UTF8.self)
                    }
                }
                cut += 1
            }
            return word
        }
    }

    /// The final-consonant class of the character that ends right before `index`.
    public static func finalBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Final {
        guard index > 0 else { return .unknown }
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard index - start == 3, bytes[start] & 0xF0 == 0xE0 else { return .unknown }
        let scalar = UInt32(bytes[start] & 0x0F) << 12 | UInt32(bytes[start + 1] & 0x3F) << 6 | UInt32(bytes[start + 2] & 0x3F)
        return final(ofScalar: scalar)
    }
}
