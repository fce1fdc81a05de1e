import Content
import Glossary
import GongbuCore
import Markdown
import Testing

/// Terms that are also ordinary words link only in notes about Kubernetes.
@Suite("Ambiguous terms")
struct AmbiguousTermsTests {
    static let glossary = GlossaryEntries.load([
        ("pod", "title: 파드 (Pod)\naliases: [파드, Pod]\nsummary: 작은 단위\n"),
        ("deployment", "title: 디플로이먼트 (Deployment)\naliases: [디플로이먼트, Deployment]\nsummary: 배포\n"),
        ("kubectl", "title: kubectl\naliases: [kubectl]\nsummary: 명령줄 도구\n"),
        (
            "service",
            "title: 서비스 (Service)\naliases: [서비스, Service]\nambiguous: [서비스, Service]\nagainst: [운영체제, 웹 서비스]\nsummary: 고정 주소\n"
        ),
        ("container-image", "title: 컨테이너 이미지\naliases: [컨테이너 이미지, 이미지, image]\nambiguous: [이미지, image]\nsummary: 이미지\n"),
    ])

    func linked(_ markdown: String, aboutKubernetes: Bool = false) -> [String] {
        let context = LinkContext(
            linkEveryMention: true, linkHeadings: false, conceptHref: { "/c/\($0)/" }, noteHref: { "/n/\($0)/" }, noteTitles: [:])
        var origin = ConceptLinker.Origin(file: "n.md", lineOffset: 0, markdown: markdown)
        origin.aboutKubernetes = aboutKubernetes
        let result = ConceptLinker(glossary: Self.glossary, context: context).link(MarkdownDocument(parsing: markdown), origin: origin)
        return result.mentions.map { Self.glossary.concepts[$0.concept].id }.sorted()
    }

    @Test(arguments: [
        // A note about Java: 서비스 and 이미지 are ordinary words.
        ("스프링 컨테이너가 웹 서비스를 띄운다. 위 이미지를 보면 구조가 보인다.", [String]()),
        // A note about Kubernetes: two unambiguous concepts are evidence.
        ("파드를 디플로이먼트로 띄우고 서비스로 노출한다. 이미지는 nginx다.", ["container-image", "deployment", "pod", "service"]),
        // One unambiguous concept three times is evidence too.
        ("kubectl get, kubectl apply, kubectl delete로 서비스를 본다.", ["kubectl", "service"]),
        // One mention alone is not enough for the ambiguous term, but links itself.
        ("파드 이야기와 서비스 이야기", ["pod"]),
        // In a note about Kubernetes, a sentence can still say it means the other sense.
        ("파드와 디플로이먼트를 쓴다. 운영체제 서비스(데몬)와는 다르다. 서비스로 노출한다.", ["deployment", "pod", "service"]),
        ("파드와 디플로이먼트를 쓴다. 운영체제 서비스(데몬)와는 다르다.", ["deployment", "pod"]),
        // An unambiguous alias of an ambiguous concept still links anywhere.
        ("컨테이너 이미지를 받는다.", ["container-image"]),
    ])
    func linkOnlyWithEvidence(markdown: String, expected: [String]) {
        #expect(linked(markdown) == expected)
    }

    /// A Spring note with one section on Kubernetes: the ambiguous words link in that section only.
    @Test func aNoteThatTouchesKubernetesLinksOnlyInThatSection() {
        let markdown = "# 배치\n\n서비스 계층이 잡을 만든다.\n\n## 쿠버네티스에서\n\n파드와 디플로이먼트로 돌리고 서비스로 노출한다.\n"
        let context = LinkContext(
            linkEveryMention: true, linkHeadings: false, conceptHref: { "/c/\($0)/" }, noteHref: { "/n/\($0)/" }, noteTitles: [:])
        let document = MarkdownDocument(parsing: markdown)
        _ = ConceptLinker(glossary: Self.glossary, context: context).link(
            document, origin: .init(file: "n.md", lineOffset: 0, markdown: markdown))
        let html = document.renderHTML()
        #expect(html.contains("<p>서비스 계층이 잡을 만든다.</p>"), "\(html)")
        #expect(html.contains("data-concept=\"service\" href=\"/c/service/\" title=\"고정 주소\">서비스</a>로 노출한다."))
    }

    @Test func conceptPagesAreAboutKubernetes() {
        #expect(linked("서비스를 쓴다.", aboutKubernetes: true) == ["service"])
    }
}
