import Markdown
import Testing

@testable import Study

/// What becomes a card in a note, and what must not.
@Suite("Cards from notes")
struct CardExtractorTests {
    func cards(_ text: String) -> [Card] {
        CardExtractor.cards(
            in: MarkdownDocument(parsing: text, extensions: .notes), text: text, source: "content/notes/a.md", lineOffset: 0)
    }

    /// Definition lines in lists, with the spacing and particles people write.
    @Test(
        arguments: [
            ("- 레플리카셋 : 지정한 개수의 파드를 유지하는 컨트롤러", "레플리카셋", "지정한 개수의 파드를 유지하는 컨트롤러"),
            ("- 레플리카셋: 지정한 개수의 파드를 유지하는 컨트롤러", "레플리카셋", "지정한 개수의 파드를 유지하는 컨트롤러"),
            ("- 레플리카셋 :지정한 개수의 파드를 유지", nil, nil),
            ("* **서비스 디스커버리**: 서비스 이름으로 파드를 찾는 방법", "서비스 디스커버리", "서비스 이름으로 파드를 찾는 방법"),
            ("- **서비스 디스커버리** : 서비스 이름으로 파드를 찾는 방법", "서비스 디스커버리", "서비스 이름으로 파드를 찾는 방법"),
            ("- **서비스 디스커버리:** 서비스 이름으로 파드를 찾는 방법", "서비스 디스커버리", "서비스 이름으로 파드를 찾는 방법"),
            ("- 파드 - 쿠버네티스에서 배포할 수 있는 가장 작은 단위", "파드", "쿠버네티스에서 배포할 수 있는 가장 작은 단위"),
            ("- 파드란 : 가장 작은 배포 단위", "파드", "가장 작은 배포 단위"),
            ("- 레플리카셋(ReplicaSet)이란: 파드 개수를 유지", "레플리카셋(ReplicaSet)", "파드 개수를 유지"),
            ("1. `kubectl` : 쿠버네티스 명령줄 도구", "kubectl", "쿠버네티스 명령줄 도구"),
            ("- 인그레스：호스트와 경로로 트래픽을 보낸다", nil, nil),
            // Labels, times, URLs, sentences and empty meanings are not definitions.
            ("- 참고: 공식 문서를 보자", nil, nil),
            ("- 예시 : kubectl get pods", nil, nil),
            ("- 10:30 스터디 시작", nil, nil),
            ("- 시간: 10:30", nil, nil),
            ("- https://kubernetes.io : 공식 문서", nil, nil),
            ("- 오늘은 파드를 만들었다: 잘 됐다", nil, nil),
            ("- 장점:", nil, nil),
            ("- 1단계: 클러스터 만들기", nil, nil),
            ("- key:value 형식으로 적는다", nil, nil),
            // A meaning that only says the name again, steps, pointers, answer marks and links.
            ("- `azureDisk`: Azure Disk", nil, nil),
            ("- `cephfs` - CephFS 볼륨", nil, nil),
            ("- VirtualBox 설치 : VM 생성용 툴", nil, nil),
            ("- 참고 영상 : 카프카를 만드는 세 가지 방법", nil, nil),
            ("- X : 같은 포트는 쓸 수 없다", nil, nil),
            ("- todo2: StatefulSet", nil, nil),
            ("- Phase 5가지 : 파드의 상태", nil, nil),
            ("- [Spring Batch: Configuring a Job](https://docs.spring.io) 참고", nil, nil),
        ] as [(String, String?, String?)])
    func definitionLines(line: String, term: String?, meaning: String?) {
        let found = cards(line)
        if let term, let meaning {
            #expect(found.count == 1, "\(found)")
            #expect(found.first?.kind == .definition)
            #expect(found.first?.front == term)
            #expect(found.first?.back == meaning)
            #expect(found.first?.line == 1)
        } else {
            #expect(found.isEmpty, "\(found)")
        }
    }

    /// A value under a nested list says what it is a value of; a meaning goes on over its
    /// continuation lines.
    @Test func nestedValuesAndContinuedMeanings() {
        let nested = cards("- `concurrencyPolicy`: 실행이 겹칠 때\n  - Forbid : 이번 실행을 건너뛴다\n  - Replace : 돌던 잡을 바꾼다")
        #expect(nested.map(\.front) == ["concurrencyPolicy", "concurrencyPolicy › Forbid", "concurrencyPolicy › Replace"])
        let continued = cards("- local : 노드에 마운트된\n  로컬 스토리지 장치")
        #expect(continued.map(\.back) == ["노드에 마운트된 로컬 스토리지 장치"])
    }

    /// In a paragraph only the bold form is a definition.
    @Test func paragraphsNeedTheBoldForm() {
        #expect(cards("**서비스 디스커버리**: 이름으로 찾는 방법").map(\.front) == ["서비스 디스커버리"])
        #expect(cards("레플리카셋 : 파드 개수를 유지한다").isEmpty)
        #expect(cards("결론: 오늘은 여기까지").isEmpty)
    }

    @Test func explicitCards() {
        let one = cards("파드의 재시작 정책 기본값은?::Always")
        #expect(one.map(\.kind) == [.explicit] && one.first?.front == "파드의 재시작 정책 기본값은?" && one.first?.back == "Always")
        let both = cards("Pod:::파드")
        #expect(both.map(\.front) == ["Pod", "파드"] && both.map(\.back) == ["파드", "Pod"])
        #expect(both[0].id != both[1].id)
        let multi = cards("서비스 타입 네 가지는?\n?\nClusterIP, NodePort,\nLoadBalancer, ExternalName")
        #expect(multi.count == 1)
        #expect(multi.first?.front == "서비스 타입 네 가지는?")
        #expect(multi.first?.back == "ClusterIP, NodePort,\nLoadBalancer, ExternalName")
        #expect(cards("앞\n??\n뒤").map(\.front) == ["앞", "뒤"])
        // Scoped names, URLs and code are not separators.
        #expect(cards("C++의 std::vector 를 썼다").isEmpty)
        #expect(cards("주소는 http://example.org 이다").isEmpty)
        #expect(cards("`a::b` 형식").isEmpty)
    }

    @Test func clozeDeletions() {
        let highlighted = cards("레플리카셋은 ==지정한 개수==의 ==파드==를 유지한다")
        #expect(highlighted.map(\.kind) == [.cloze, .cloze])
        #expect(highlighted.map(\.front) == ["레플리카셋은 […]의 파드를 유지한다", "레플리카셋은 지정한 개수의 […]를 유지한다"])
        #expect(highlighted.allSatisfy { $0.back == "레플리카셋은 지정한 개수의 파드를 유지한다" })
        let anki = cards("{{c1::kube-proxy}}는 {{c2::노드}}마다 {{c1::네트워크 규칙::무엇}}을 유지한다")
        #expect(anki.map(\.front) == ["[…]는 노드마다 [무엇]을 유지한다", "kube-proxy는 […]마다 네트워크 규칙을 유지한다"])
        // Comparisons and code are not highlights.
        #expect(cards("`a == b` 이면 같다").isEmpty)
        #expect(cards("a == b 이면 같다").isEmpty)
    }

    /// Code, quotes, headings and tables of other kinds make no cards; a term table does.
    @Test func onlyTheAuthorsProse() {
        #expect(cards("```\n- 파드 : 가장 작은 단위\n```").isEmpty)
        #expect(cards("> - 파드 : 가장 작은 단위\n> Q::A").isEmpty)
        #expect(cards("## 파드 : 가장 작은 단위").isEmpty)
        #expect(cards("| 이름 | 나이 |\n|---|---|\n| 철수 | 열 살 |").isEmpty)
        #expect(cards("| 명령 | 결과 |\n|---|---|\n| get | 목록 |").isEmpty)
        let table = cards("| 용어 | 설명 |\n|---|---|\n| 파드 | 가장 작은 단위 |\n| 노드 | 워커 머신 |")
        #expect(table.map(\.front) == ["파드", "노드"] && table.map(\.back) == ["가장 작은 단위", "워커 머신"])
        #expect(table.map(\.line) == [3, 4])
    }

    /// A card's id follows its source and question, not its position.
    @Test func idsAreStable() {
        let first = cards("- 파드 : 가장 작은 단위")
        let moved = cards("# 제목\n\n앞 문단\n\n- 파드 :  가장 작은 단위")
        #expect(first.first?.id == moved.first?.id)
        #expect(first.first?.line == 1 && moved.first?.line == 5)
        #expect(first.first?.id.count == 16)
    }
}
