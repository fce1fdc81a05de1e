import Testing

@testable import Glossary

/// The against-word check lowercases whole sentences: its byte-wise path must agree with
/// Unicode's lowercasing wherever it is taken.
@Suite("Sentence lowercasing")
struct SentenceCaseTests {
    @Test(arguments: [
        "Spring Boot 컨테이너를 띄웠다.", "운영체제의 SERVICE 관리자", "“따옴표” — 대시… 그리고 ①②",
        "ÄRGER mit Ölen", "ΣΊΣΥΦΟΣ", "ПОД", "ＦＵＬＬ ｗｉｄｔｈ", "Ⅻ ⓐⒷ", "İstanbul", "ᏣᎳᎩ", "Ḁḁ ἈἈ", "𐐀 😀 DEPLOY",
        "한글 자모 ᄀᄂ", "",
    ])
    func agreesWithUnicode(text: String) {
        #expect(ConceptLinker.lowercased(ArraySlice(text.utf8)) == text.lowercased())
    }
}
