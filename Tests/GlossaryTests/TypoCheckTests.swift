import Content
import Glossary
import GongbuCore
import Markdown
import Testing

/// The "did you mean" check on real prose: whole words only, no digits, tools or English.
@Suite("Typo check")
struct TypoCheckTests {
    static let glossary = GlossaryEntries.load([
        ("docker", "title: 도커 (Docker)\naliases: [도커, Docker]\nsummary: 컨테이너 도구\n"),
        ("kubernetes", "title: 쿠버네티스 (Kubernetes)\naliases: [쿠버네티스, Kubernetes]\nsummary: 오케스트레이터\n"),
        ("kubelet", "title: kubelet\naliases: [kubelet]\nsummary: 노드 에이전트\n"),
        ("service", "title: 서비스 (Service)\naliases: [서비스, Service]\nsummary: 고정 주소\n"),
        ("container", "title: 컨테이너 (Container)\naliases: [컨테이너, container]\nsummary: 격리된 프로세스\n"),
    ])

    func typos(_ markdown: String) -> [String] {
        let context = LinkContext(
            linkEveryMention: false, linkHeadings: false, conceptHref: { "/concepts/\($0)/" }, noteHref: { "/notes/\($0)/" },
            noteTitles: [:])
        let linker = ConceptLinker(glossary: Self.glossary, context: context)
        let result = linker.link(MarkdownDocument(parsing: markdown), origin: .init(file: "n.md", lineOffset: 0, markdown: markdown))
        return result.diagnostics.filter { $0.rule == "glossary-typo" }.map {
            "\($0.location?.column ?? 0):\($0.message.prefix { $0 != " " })"
        }
    }

    @Test(arguments: [
        // Real typos are still found.
        ("Kublet이 파드를 띄운다.", ["1:'Kublet'"]),
        ("Kubernets를 배운다.", ["1:'Kubernets'"]),
        // A word split by emphasis is one word: `**K**ubernetes` is not `ubernetes`.
        ("**K**ubernetes를 배운다.", [String]()),
        ("*Kuber*netes", []),
        // Words with digits: numbered names and footnote numbers glued on.
        ("Service2와 container2를 만든다.", []),
        // Tools named like a term, and ordinary English words.
        ("kubens와 kubectx를 쓴다.", []),
        ("The Locker room is a container docket.", []),
    ])
    func warnsOnlyAboutRealTypos(markdown: String, expected: [String]) {
        #expect(typos(markdown) == expected)
    }

    @Test func aPositionIsReportedOnce() {
        #expect(typos("Kublet Kublet").count == 2)
        #expect(Set(typos("Kublet Kublet")).count == 2)
    }
}
