/// Picking particle alternants for generated Korean sentences (디플로이먼트는 / 잡은).
public enum KoreanGrammar {
    /// `word` followed by the right alternant of a particle pair: `attach("디플로이먼트", "은", "는")`
    /// is 디플로이먼트는. After a Latin or other non-Hangul ending both are shown: `Pod은(는)`.
    /// - Parameter afterRieul: use the vowel form after ㄹ too (로 after 레이블 → 레이블로).
    public static func attach(_ word: String, consonant: String, vowel: String, afterRieul: Bool = false) -> String {
        guard let last = word.unicodeScalars.last else { return word }
        switch Particles.final(ofScalar: last.value) {
        case .vowel: return word + vowel
        case .rieul: return word + (afterRieul ? vowel : consonant)
        case .consonant: return word + consonant
        case .unknown: return word + consonant + "(" + vowel + ")"
        }
    }

    /// 은/는
    public static func topic(_ word: String) -> String { attach(word, consonant: "은", vowel: "는") }
    /// 을/를
    public static func object(_ word: String) -> String { attach(word, consonant: "을", vowel: "를") }
    /// 과/와
    public static func with(_ word: String) -> String { attach(word, consonant: "과", vowel: "와") }
}
