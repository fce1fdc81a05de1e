import Testing

@testable import Glossary

/// A concept's short title is the Korean part of a `한국어 (English)` title, for chips and graph labels.
@Suite("Concept short titles")
struct ConceptTitleTests {
    @Test(arguments: [
        ("파드 (Pod)", "파드"),
        ("서비스  (Service)", "서비스"),
        ("퍼시스턴트 볼륨 (PersistentVolume)", "퍼시스턴트 볼륨"),
        ("\u{3000}노드\t(Node)", "노드"),
        ("Pod", "Pod"),
        ("(Pod)", "(Pod)"),
    ])
    func shortTitle(title: String, short: String) {
        let glossary = GlossaryEntries.load([(id: "pod", yaml: "title: \"\(title)\"\naliases: [파드]\n")])
        #expect(glossary.concepts.first?.shortTitle == short)
    }
}
