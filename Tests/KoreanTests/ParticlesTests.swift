import Korean
import Testing

@Suite("Particles")
struct ParticleTests {
    @Test(arguments: [
        ("파드에서는", "파드"), ("잡을", "잡"), ("디플로이먼트를", "디플로이먼트"), ("파드", "파드"),
        ("노드들의", "노드"), ("가", "가"), ("서비스입니다", "서비스"),
    ])
    func stems(word: String, expected: String) {
        #expect(Particles.stem(word) == expected)
    }

    @Test(arguments: [
        ("은", true), ("에서는", true), ("이었다", true), ("들을", true), ("를", true),
        // Bytes that decode to a particle's syllable only when their UTF-8 structure is ignored.
        ("+K$", false), ("ab", false), ("", false), ("은x", false), ("파드", false),
    ])
    func particlesAfterLatinWords(text: String, expected: Bool) {
        #expect(Particles.isParticlesAfterLatin(text) == expected)
    }
}

@Suite("Korean grammar")
struct KoreanGrammarTests {
    /// Particle alternants follow the last syllable's final consonant; after ㄹ, 로 takes the
    /// vowel form only when asked; after Latin letters both forms are shown.
    @Test(arguments: [
        ("디플로이먼트", "디플로이먼트는", "디플로이먼트를", "디플로이먼트와"),
        ("잡", "잡은", "잡을", "잡과"),
        ("레이블", "레이블은", "레이블을", "레이블과"),
        ("Pod", "Pod은(는)", "Pod을(를)", "Pod과(와)"),
    ])
    func particlesFitTheWord(word: String, topic: String, object: String, with: String) {
        #expect(KoreanGrammar.topic(word) == topic)
        #expect(KoreanGrammar.object(word) == object)
        #expect(KoreanGrammar.with(word) == with)
    }

    @Test func rieulTakesTheVowelFormOfRoWhenAsked() {
        #expect(KoreanGrammar.attach("레이블", consonant: "으로", vowel: "로", afterRieul: true) == "레이블로")
        #expect(KoreanGrammar.attach("잡", consonant: "으로", vowel: "로", afterRieul: true) == "잡으로")
        #expect(KoreanGrammar.attach("파드", consonant: "으로", vowel: "로", afterRieul: true) == "파드로")
    }
}
