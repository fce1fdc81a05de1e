import Testing

@testable import Glossary

/// A small glossary for matching tests: concept index → aliases.
enum TestGlossary {
    static let concepts: [(id: String, aliases: [String])] = [
        ("pod", ["파드", "포드", "Pod", "Pods", "po"]),
        ("job", ["잡", "Job", "Jobs"]),
        ("cronjob", ["크론잡", "CronJob", "cj"]),
        ("service", ["서비스", "Service", "svc"]),
        ("headless-service", ["헤드리스 서비스", "Headless Service"]),
        ("service-discovery", ["서비스 디스커버리"]),
        ("node", ["노드", "워커 노드", "Node"]),
        ("control-plane", ["컨트롤 플레인", "마스터 노드"]),
        ("replicaset", ["레플리카셋", "ReplicaSet"]),
        ("label", ["레이블", "Label"]),
        ("ingress", ["인그레스", "Ingress"]),
        ("kube-proxy", ["kube-proxy"]),
        ("persistentvolume", ["퍼시스턴트 볼륨", "PV"]),
        ("kubernetes", ["쿠버네티스", "k8s", "Kubernetes"]),
        ("volume", ["볼륨", "Volume"]),
        ("kubectl", ["kubectl"]),
        ("rollout", ["롤아웃"]),
        ("rollback", ["롤백"]),
        ("deployment", ["디플로이먼트"]),
        ("secret", ["시크릿", "Secret"]),
    ]
    static let blocked = ["Node.js", "Node JS", "hello-node", "복잡"]

    static let matcher: AliasMatcher = {
        var aliases: [(term: String, concept: Int)] = []
        for (index, concept) in concepts.enumerated() {
            for alias in concept.aliases { aliases.append((alias, index)) }
        }
        return AliasMatcher(aliases: aliases, blocked: blocked)
    }()

    /// Matches rendered as `[term→id]rest`, for readable expectations.
    static func annotate(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out = ""
        var cursor = 0
        for match in matcher.matches(in: text) {
            out += String(decoding: bytes[cursor..<match.start], as: UTF8.self)
            out += "[" + String(decoding: bytes[match.start..<match.termEnd], as: UTF8.self) + "→" + concepts[match.concept].id + "]"
            cursor = match.termEnd
        }
        return out + String(decoding: bytes[cursor...], as: UTF8.self)
    }
}

@Suite("Concept matching")
struct AliasMatcherTests {
    @Test(arguments: [
        // Each particle after a vowel-final term
        ("파드가 뜬다", "[파드→pod]가 뜬다"),
        ("파드를 만든다", "[파드→pod]를 만든다"),
        ("파드는 작다", "[파드→pod]는 작다"),
        ("파드의 IP", "[파드→pod]의 IP"),
        ("파드에 붙는다", "[파드→pod]에 붙는다"),
        ("파드에서 실행", "[파드→pod]에서 실행"),
        ("파드에게 보낸다", "[파드→pod]에게 보낸다"),
        ("파드로 묶는다", "[파드→pod]로 묶는다"),
        ("파드와 컨테이너", "[파드→pod]와 컨테이너"),
        ("파드도 있다", "[파드→pod]도 있다"),
        ("파드만 남는다", "[파드→pod]만 남는다"),
        ("파드까지 간다", "[파드→pod]까지 간다"),
        ("파드부터 본다", "[파드→pod]부터 본다"),
        ("파드처럼 동작", "[파드→pod]처럼 동작"),
        ("파드보다 크다", "[파드→pod]보다 크다"),
        ("파드들이 있다", "[파드→pod]들이 있다"),
        ("파드 등이 있다", "[파드→pod] 등이 있다"),
        ("파드등 여러 개", "[파드→pod]등 여러 개"),
        ("이것은 파드이다.", "이것은 [파드→pod]이다."),
        ("이것은 파드입니다.", "이것은 [파드→pod]입니다."),
        ("파드란 무엇인가", "[파드→pod]란 무엇인가"),
        // Stacked particles
        ("파드에서는 안 된다", "[파드→pod]에서는 안 된다"),
        ("파드에서도 된다", "[파드→pod]에서도 된다"),
        ("파드들을 지운다", "[파드→pod]들을 지운다"),
        ("파드등을 본다", "[파드→pod]등을 본다"),
        ("파드로는 부족", "[파드→pod]로는 부족"),
        ("파드들의 상태", "[파드→pod]들의 상태"),
        // Consonant-final terms take the other alternant
        ("잡이 끝났다", "[잡→job]이 끝났다"),
        ("잡을 만든다", "[잡→job]을 만든다"),
        ("잡은 한 번", "[잡→job]은 한 번"),
        ("잡으로 실행", "[잡→job]으로 실행"),
        ("잡과 크론잡", "[잡→job]과 [크론잡→cronjob]"),
        ("레이블로 고른다", "[레이블→label]로 고른다"),
        ("인그레스의 규칙", "[인그레스→ingress]의 규칙"),
        // 잡다 is a verb: before a bound noun or after an object, 잡은/잡을 are its forms
        ("오류를 컴파일 시점에 잡을 수 있다", "오류를 컴파일 시점에 잡을 수 있다"),
        ("락을 잡은 채로 기다린다", "락을 잡은 채로 기다린다"),
        ("락을 잡은 스레드", "락을 잡은 스레드"),
        ("손으로 잡을 때", "손으로 잡을 때"),
        ("잡을 생성한다", "[잡→job]을 생성한다"),
        ("배치 잡을 만들고 잡이 끝나면", "배치 [잡→job]을 만들고 [잡→job]이 끝나면"),
        ("파드를 만든 잡은 끝났다", "[파드→pod]를 만든 [잡→job]은 끝났다"),
        // A term inside a capitalised English name is not linked, unless the neighbours are terms too
        ("Open Volume Initiative 표준", "Open Volume Initiative 표준"),
        ("AWS Ingress Controller를 쓴다", "AWS Ingress Controller를 쓴다"),
        ("Hello Node 예제", "Hello Node 예제"),
        // An acronym before a term that ends the phrase qualifies it; it is no name
        ("특정 NFS PV는 읽기 전용이다", "특정 NFS [PV→persistentvolume]는 읽기 전용이다"),
        ("TLS Secret에는 인증서가 있다", "TLS [Secret→secret]에는 인증서가 있다"),
        // A state or class before a term qualifies it
        ("Evicted Pod가 많다", "Evicted [Pod→pod]가 많다"),
        ("BestEffort Pod부터", "BestEffort [Pod→pod]부터"),
        // A Latin term glued to a Korean word: the scripts mark the boundary
        ("Pod삭제 후 Cluster내에서", "[Pod→pod]삭제 후 Cluster내에서"),
        ("PV생성과 Pod안에", "[PV→persistentvolume]생성과 [Pod→pod]안에"),
        ("파드명을 정한다", "파드명을 정한다"),
        // Written in capitals only: a Dockerfile instruction
        ("VOLUME /app/data 로 둔다", "VOLUME /app/data 로 둔다"),
        ("Kubernetes Pod와 Service", "[Kubernetes→kubernetes] [Pod→pod]와 [Service→service]"),
        ("Pod Is small", "[Pod→pod] Is small"),
        ("Pod가 Ready 상태", "[Pod→pod]가 Ready 상태"),
        ("the Service object", "the [Service→service] object"),
        // A concept noun made a verb, or with 시/때/중 glued on, is a mention
        ("파드를 롤백한다", "[파드→pod]를 [롤백→rollback]한다"),
        ("디플로이먼트로 배포되는 파드", "[디플로이먼트→deployment]로 배포되는 [파드→pod]"),
        ("디플로이먼트되는", "[디플로이먼트→deployment]되는"),
        ("롤아웃하는 동안", "[롤아웃→rollout]하는 동안"),
        // Bound nouns glued on: 간 (between), 별 (per), 당 (each)
        ("파드간의 통신", "[파드→pod]간의 통신"),
        ("노드별로 하나씩", "[노드→node]별로 하나씩"),
        ("노드당 파드 수", "[노드→node]당 [파드→pod] 수"),
        ("롤아웃시에는 주의", "[롤아웃→rollout]시에는 주의"),
        ("롤백중 오류", "[롤백→rollback]중 오류"),
        ("레이블시켜", "[레이블→label]시켜"),
        // Wrong alternants and other glued words do not match
        ("잡가 끝났다", "잡가 끝났다"),
        ("잡는다", "잡는다"),
        ("잡아서 던진다", "잡아서 던진다"),
        ("파드명을 본다", "파드명을 본다"),
        ("복잡한 설정", "복잡한 설정"),
        ("이파드는 아니다", "이파드는 아니다"),
        // Latin stems accept both alternants
        ("Pod은 작다", "[Pod→pod]은 작다"),
        ("Pod는 작다", "[Pod→pod]는 작다"),
        ("pod을 지운다", "[pod→pod]을 지운다"),
        ("Service는 고정 IP", "[Service→service]는 고정 IP"),
        ("Service가 있다", "[Service→service]가 있다"),
        ("kubectl로 확인", "[kubectl→kubectl]로 확인"),
        ("k8s를 배운다", "[k8s→kubernetes]를 배운다"),
        // English: case, plurals, whole words
        ("Create a POD now", "Create a [POD→pod] now"),
        ("list the pods", "list the [pods→pod]"),
        ("two Services here", "two [Service→service]s here"),
        ("many ingresses", "many [ingress→ingress]es"),
        ("Pods를 지운다", "[Pods→pod]를 지운다"),
        ("podcast is not a pod", "podcast is not a [pod→pod]"),
        ("Podman is different", "Podman is different"),
        // Identifiers are never split
        ("hello-node 앱", "hello-node 앱"),
        ("Node.js로 만든 앱", "Node.js로 만든 앱"),
        ("node.js app", "node.js app"),
        ("my_pod 변수", "my_pod 변수"),
        ("apps/v1 API", "apps/v1 API"),
        ("kube-proxy가 규칙을", "[kube-proxy→kube-proxy]가 규칙을"),
        ("kube-proxy-abc", "kube-proxy-abc"),
        ("Node JS 런타임", "Node JS 런타임"),
        ("노드가 뜬다", "[노드→node]가 뜬다"),
        ("Node는 일꾼", "[Node→node]는 일꾼"),
        ("컨피그/파드 관계", "컨피그/[파드→pod] 관계"),
        ("파드-노드 통신", "[파드→pod]-[노드→node] 통신"),
        // Longest term wins
        ("크론잡을 만든다", "[크론잡→cronjob]을 만든다"),
        ("헤드리스 서비스는 IP가 없다", "[헤드리스 서비스→headless-service]는 IP가 없다"),
        ("헤드리스  서비스를", "[헤드리스  서비스→headless-service]를"),
        ("서비스 디스커버리로 찾는다", "[서비스 디스커버리→service-discovery]로 찾는다"),
        ("마스터 노드에서", "[마스터 노드→control-plane]에서"),
        ("워커 노드와 마스터 노드", "[워커 노드→node]와 [마스터 노드→control-plane]"),
        ("퍼시스턴트 볼륨과 볼륨", "[퍼시스턴트 볼륨→persistentvolume]과 [볼륨→volume]"),
        ("서비스 여러 개", "[서비스→service] 여러 개"),
        // Short exact-case terms
        ("kubectl get po 명령", "[kubectl→kubectl] get [po→pod] 명령"),
        ("PO 승인", "PO 승인"),
        ("PV를 만든다", "[PV→persistentvolume]를 만든다"),
        ("pv를 만든다", "pv를 만든다"),
        ("PVs are cluster-wide", "[PV→persistentvolume]s are cluster-wide"),
        ("svc로 줄여 쓴다", "[svc→service]로 줄여 쓴다"),
        // Punctuation around terms
        ("(파드)와 \"Service\"", "([파드→pod])와 \"[Service→service]\""),
        ("파드, 노드, 잡.", "[파드→pod], [노드→node], [잡→job]."),
        ("‘레플리카셋’을", "‘[레플리카셋→replicaset]’을"),
        ("Pod's IP", "[Pod→pod]'s IP"),
        ("ReplicaSet이 관리", "[ReplicaSet→replicaset]이 관리"),
        ("쿠버네티스파드", "쿠버네티스파드"),
    ])
    func matches(text: String, expected: String) {
        #expect(TestGlossary.annotate(text) == expected)
    }

    /// A concept's `not:` phrase keeps that concept from linking, not the others inside it.
    @Test func aNotPhraseBlocksOnlyItsOwnConcept() {
        let matcher = AliasMatcher(
            aliases: [("파드", 0), ("디플로이먼트", 1), ("스케일링", 2)],
            blockedFor: [("파드 집합의 디플로이먼트", 1), ("파드 스펙", nil)])
        let found = matcher.matches(in: "파드 집합의 디플로이먼트와 스케일링을 관리한다. 디플로이먼트를 만든다.")
        #expect(found.map(\.concept) == [0, 2, 1])
        // A phrase blocked for every concept still blocks them all.
        #expect(matcher.matches(in: "파드 스펙을 본다").isEmpty)
    }

    @Test func particlesStayOutsideTheTerm() {
        let match = TestGlossary.matcher.matches(in: "파드에서는 끝")[0]
        #expect(match.start == 0)
        #expect(match.termEnd == 6)
        #expect(match.wordEnd == 15)
    }

    @Test func costIsLinearInTextLength() {
        // 200,000 words scan in well under a second even in debug builds.
        let text = String(repeating: "파드가 노드에서 실행되고 서비스는 잡아서 hello-node 크론잡을 본다 ", count: 20_000)
        let clock = ContinuousClock()
        var found: [AliasMatch] = []
        let elapsed = clock.measure { found = TestGlossary.matcher.matches(in: text) }
        #expect(elapsed < .seconds(5), "\(elapsed)")
        #expect(found.count == 80_000)
    }
}

@Suite("Wikilinks and shortcodes")
struct WikilinkScanTests {
    @Test func findsWikilinks() {
        let found = Wikilinks.find(in: Array("[[pod]] 와 [[pods#만들기|파드 노트]] 그리고 [[ ]] [[열린".utf8))
        #expect(found.map(\.target) == ["pod", "pods"])
        #expect(found[1].label == "파드 노트")
        #expect(found[1].fragment == "만들기")
    }

    @Test func findsHugoShortcodes() {
        let text = Array(#"앞 {{< glossary_tooltip term_id="job" text="잡" >}} 뒤 {{% note %}} 끝 {{< 열림"#.utf8)
        let spans = Shortcodes.spans(in: text)
        #expect(spans.count == 2)
        #expect(String(decoding: text[spans[0]], as: UTF8.self) == #"{{< glossary_tooltip term_id="job" text="잡" >}}"#)
    }
}
