import Foundation
import GongbuTestSupport
import Testing

/// The study page, its cards and the deck links, built end to end.
@Suite("Study mode in builds")
struct StudyBuildTests {
    /// A study-template note: one definition a line, plus lines that must not become cards.
    static let note = """
        ---
        title: 서비스 정리
        date: 2024-05-01
        tags: [네트워킹]
        ---
        # 서비스 정리

        ## 용어

        - 서비스 : 파드 집합 앞에 고정된 주소를 두는 오브젝트
        - 엔드포인트: 서비스가 트래픽을 보내는 파드 주소 목록
        - **서비스 디스커버리**: 서비스 이름으로 파드를 찾는 방법
        - 클러스터IP - 클러스터 안에서만 닿는 가상 IP
        - 레플리카셋이란 : 지정한 개수의 파드를 유지하는 컨트롤러

        ## 메모

        - 참고: 공식 문서의 서비스 항목
        - 시간: 10:30
        - 오늘은 서비스를 만들어 보았다.

        > - 인용 : 남의 글은 카드가 되지 않는다

        ```yaml
        - 코드 : 카드가 되지 않는다
        ```

        | 명령 | 결과 |
        |---|---|
        | get | 목록 |
        """

    static let site: [String: String] = [
        "gongbu.yml": "title: 복습 사이트\n",
        "content/notes/service.md": note,
        "content/glossary/service.md": """
        ---
        title: 서비스 (Service)
        aliases: [서비스, Service]
        summary: 파드 집합을 하나의 네트워크 엔드포인트로 노출하는 리소스이다.
        exposes: [pod]
        ---
        서비스 설명.
        """,
        "content/glossary/pod.md": """
        ---
        title: 파드 (Pod)
        aliases: [파드, Pod]
        summary: 가장 작은 배포 단위이다.
        ---
        파드 설명.
        """,
    ]

    func cards(_ output: [String: [UInt8]]) throws -> [[String: Any]] {
        let script = String(decoding: try #require(output["study/cards.js"]), as: UTF8.self)
        let json = script[script.firstIndex(of: "[")!...script.lastIndex(of: "]")!]
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    }

    @Test func aStudyTemplateNoteGivesOneCardPerDefinitionLine() throws {
        let (report, output) = TestBuild.inMemory(Self.site)
        #expect(report.succeeded, "\(report.diagnostics)")
        let fromNote = try cards(output).filter { $0["source"] as? String == "content/notes/service.md" }
        #expect(fromNote.map { $0["kind"] as? String } == Array(repeating: "definition", count: 5))
        #expect(fromNote.map { $0["front"] as? String } == ["서비스", "엔드포인트", "서비스 디스커버리", "클러스터IP", "레플리카셋"])
        #expect(fromNote.map { $0["line"] as? Int } == [10, 11, 12, 13, 14])
        #expect(fromNote.allSatisfy { ($0["url"] as? String) == "notes/service/#용어" && ($0["tags"] as? [String]) == ["네트워킹"] })
        // The definition of 서비스 is about the glossary's service.
        #expect(fromNote.first?["concepts"] as? [String] == ["service"])
    }

    @Test func theSiteHasAStudyPageAndDecks() throws {
        let (_, output) = TestBuild.inMemory(Self.site)
        let all = try cards(output)
        let kinds = Set(all.compactMap { $0["kind"] as? String })
        #expect(kinds.isSuperset(of: ["glossary", "relation", "definition"]) && !kinds.contains("example"))
        let relation = try #require(
            all.first { $0["kind"] as? String == "relation" && $0["source"] as? String == "content/glossary/service.md" })
        #expect(relation["front"] as? String == "서비스는 무엇을 노출하나?", "\(relation)")
        #expect(relation["back"] as? String == "파드")
        let study = String(decoding: try #require(output["study/index.html"]), as: UTF8.self)
        // Readable without JavaScript: every card as a folded question and answer.
        #expect(study.contains("<span class=\"study-front\">서비스 디스커버리</span>"))
        #expect(study.contains("<p class=\"study-answer\">서비스 이름으로 파드를 찾는 방법</p>"))
        #expect(study.contains("<script src=\"../study/cards.js\"></script>"))
        #expect(study.contains("href=\"../study/gongbu.apkg\" download"))
        // Every page links to it; concept, tag and folder pages link to their own deck.
        #expect(String(decoding: output["index.html"]!, as: UTF8.self).contains("<a href=\"study/\">복습</a>"))
        let concept = String(decoding: try #require(output["concepts/service/index.html"]), as: UTF8.self)
        #expect(concept.contains("<a href=\"../../study/?concept=service\">이 주제로 복습하기</a>"), "\(concept)")
        let tag = String(decoding: try #require(output["tags/네트워킹/index.html"]), as: UTF8.self)
        #expect(
            tag.contains("study/?tag=%EB%84%A4%ED%8A%B8%EC%9B%8C%ED%82%B9\">이 주제로 복습하기</a> <span class=\"count\">카드 5장</span>"), "\(tag)")
        #expect(output["study/gongbu.apkg"]?.prefix(2) == [0x50, 0x4B])
    }

    /// An `expect-error` example becomes a "what is wrong here?" card answered by the checker.
    @Test func anExpectedErrorIsACard() throws {
        var site = Self.site
        site["content/notes/broken.md"] = """
            # 틀린 예제

            ```yaml expect-error
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              contianers:
                - name: web
                  image: nginx
            ```
            """
        let (_, output) = TestBuild.inMemory(site)
        let example = try #require(try cards(output).first { $0["kind"] as? String == "example" })
        #expect(example["front"] as? String == "이 예제에서 잘못된 곳은?")
        #expect((example["code"] as? String)?.contains("contianers:") == true)
        #expect((example["back"] as? String)?.contains("contianers") == true)
        #expect(example["line"] as? Int == 4)
    }
}
