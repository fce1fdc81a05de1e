import Content
import Markdown
import Testing

@testable import Glossary

/// Links applied block by block while rendering give the same page as links made at once.
@Suite("Deferred linking")
struct DeferredLinkingTests {
    static let glossary = GlossaryEntries.load([
        ("pod", "title: 파드 (Pod)\naliases: [파드, Pod, Pods]\nsummary: 작은 단위\n"),
        ("service", "title: 서비스 (Service)\naliases: [서비스, Service]\nsummary: 고정 주소\n"),
        ("cronjob", "title: 크론잡 (CronJob)\naliases: [크론잡]\nsummary: 주기 작업\n"),
        ("job", "title: 잡 (Job)\naliases: [잡, Job]\nsummary: 한 번 실행\n"),
    ])

    static let note = """
        # 파드와 서비스

        파드가 뜨면 서비스가 파드를 찾는다. Pod은 작고 Pods는 많다.

        - 크론잡은 잡을 만든다
        - [[pod|파드 설명]]과 [[service]]
          > 인용 속 파드의 서비스

        ## 크론잡 정리

        | 표가 아닌 | 파드 |

        ```yaml
        kind: Pod
        ```

        마지막 문단의 잡과 크론잡, 그리고 파드.
        """

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func sameHTMLAndMentionsAsLinkingAtOnce(every: Bool, headings: Bool) {
        let context = LinkContext(
            linkEveryMention: every, linkHeadings: headings, conceptHref: { "/concepts/\($0)/" },
            noteHref: { "/notes/\($0)/" }, noteTitles: [:])
        let linker = ConceptLinker(glossary: Self.glossary, context: context)
        let origin = ConceptLinker.Origin(file: "content/notes/a.md", lineOffset: 0, markdown: Self.note)

        let immediate = MarkdownDocument(parsing: Self.note)
        let now = linker.link(immediate, origin: origin)
        let expectedText = immediate.proseText()
        let expected = immediate.renderHTML()

        let deferred = MarkdownDocument(parsing: Self.note)
        let (later, pending) = linker.linkDeferred(deferred, origin: origin)
        #expect(deferred.proseText() == expectedText)
        let html = deferred.consumeHTML { pending.materialize(in: $0) }
        #expect(html == expected)
        #expect(pending.isEmpty)
        #expect(later.mentions.map(\.concept) == now.mentions.map(\.concept))
        #expect(later.mentions.map(\.count) == now.mentions.map(\.count))
        #expect(html.contains("data-concept=\"cronjob\""))
    }
}
