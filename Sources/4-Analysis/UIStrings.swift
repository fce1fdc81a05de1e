import Content
import GongbuCore
import Korean
import Study

/// Every piece of interface text the site shows, in one place, so a second language is one more table.
///
/// Templates see these as `{{ui.key}}`.
public struct UIStrings: Sendable {
    public var language: String
    public var table: [String: String]
    /// Formats a date for reading (`2024년 3월 2일`).
    public var formatDate: @Sendable (NoteDate) -> String

    public subscript(key: String) -> String { table[key] ?? key }

    /// English message templates and their translations (`MessageCatalogue`), for what the site
    /// shows about a problem.
    public var messages: [String: String] = MessageCatalogue.korean

    /// A check's message in the site's language (English where the catalogue has no entry).
    public func message(_ message: Message) -> String { message.rendered { messages[$0] } }

    /// A sentence stating a relation, with particles that fit the words: `디플로이먼트는 레플리카셋을 관리한다`.
    /// `subject` and `object` are already HTML (links); `subjectText`/`objectText` choose the particles.
    /// The questions of generated review cards (`GlossaryCards`, example cards).
    public var cardWording: CardWording
    public var relationSentence:
        @Sendable (_ kind: String, _ subject: (html: String, text: String), _ object: (html: String, text: String)) -> String

    public static let korean = UIStrings(
        language: "ko",
        table: [
            "skipToContent": "본문으로 건너뛰기",
            "breadcrumbs": "현재 위치",
            "callout.note": "참고",
            "callout.info": "참고",
            "callout.tip": "팁",
            "callout.success": "팁",
            "callout.important": "중요",
            "callout.warning": "주의",
            "callout.caution": "주의",
            "callout.danger": "경고",
            "callout.error": "경고",
            "callout.question": "질문",
            "callout.example": "예시",
            "callout.quote": "인용",
            "callout.abstract": "요약",
            "callout.todo": "할 일",
            "callout.bug": "버그",
            "details": "자세히",
            // Pages of a long list.
            "pagination": "쪽 이동",
            "previousPage": "← 이전",
            "nextPage": "다음 →",
            "pageTitle": "({n}쪽)",
            "pageNumber": "{n}쪽",
            // The box above a note written for an older Kubernetes (`AgedNotice`).
            "aged.title": "이 노트는 예전 쿠버네티스를 기준으로 쓰였습니다",
            "aged.written": "{date}에 쓴 노트입니다.",
            "aged.then": "그때 쿠버네티스는 {then}이었습니다.",
            "aged.undated": "언제 쓴 노트인지 알 수 없습니다.",
            "aged.now": "지금의 쿠버네티스({now})와 다른 점 {count}가지:",
            "aged.line": "{line}번째 줄",
            // A generator command's manifest under its code block (`DeclarativeExamples`).
            "declarativeSummary": "선언형으로 보기:",
            "declarativeNote": "이 명령이 지금 만드는 오브젝트입니다(kubectl … --dry-run=client -o yaml의 출력과 같습니다). 파일로 저장해 kubectl apply -f로 적용할 수 있습니다.",
            "declarativeValid": "검증 통과",
            "declarativeInvalid": "오류 있음",
            // The Kubernetes documentation's standard headings (`{{% heading "whatsnext" %}}`).
            "heading.whatsnext": "다음 내용",
            "heading.prerequisites": "시작하기 전에",
            "heading.objectives": "목적",
            "heading.cleanup": "정리하기",
            "heading.synopsis": "시놉시스",
            "heading.options": "옵션",
            "heading.seealso": "참고 항목",
            "heading.parentoptionsinherited": "상위 명령어에서 상속된 옵션",
            "heading.feedback": "피드백",
            "thirdPartyContent":
                "이 항목은 쿠버네티스에 필요한 기능을 제공하는 서드파티 프로젝트나 제품을 다룹니다. 쿠버네티스 프로젝트 작성자는 이러한 서드파티 프로젝트나 제품에 책임을 지지 않습니다.",
            "sections": "섹션",
            "inThisSection": "이 섹션의 글",
            "home": "홈",
            "siteNavigation": "사이트 메뉴",
            "notes": "노트",
            "tags": "태그",
            "glossary": "용어집",
            "updated": "수정",
            "tableOfContents": "목차",
            "source": "원본",
            "builtWith": "gongbu로 만든 공부 노트",
            "noteCountPrefix": "노트 ",
            "noteCountSuffix": "개",
            "noNotes": "아직 노트가 없습니다.",
            "noTags": "아직 태그가 없습니다.",
            "notFoundTitle": "페이지를 찾을 수 없습니다",
            "notFoundMessage": "주소가 바뀌었거나 삭제된 페이지입니다.",
            "backHome": "처음으로 돌아가기",
            "redirecting": "새 주소로 이동합니다",
            "allNotes": "모든 노트",
            "aliases": "다른 이름",
            "category": "분류",
            "conceptsInNote": "이 노트에서 다룬 개념",
            "relations": "관계",
            "backlinks": "이 개념을 다룬 노트",
            "noBacklinks": "아직 이 개념을 다룬 노트가 없습니다.",
            "mentionCountSuffix": "번 언급",
            "moreBacklinksPrefix": "이 개념을 다룬 노트 ",
            "moreBacklinksSuffix": "개 더 보기",
            "prerequisites": "먼저 알아 두면 좋은 개념",
            "glossaryIntro": "노트에 나오는 개념을 모았습니다. 노트 본문에서 밑줄 친 용어를 누르면 여기로 옵니다.",
            "byInitial": "가나다순",
            "byCategory": "분류별",
            "learningPath": "학습 순서",
            "learningPathIntro": "먼저 알아야 할 개념이 앞에 오도록 정렬했습니다.",
            "graph": "개념 지도",
            "graphIntro": "개념 사이의 관계입니다. 점을 누르면 해당 개념으로 이동합니다.",
            "neighbourhood": "주변 개념",
            // Study mode: review cards (study/ and the decks on concept, tag and folder pages).
            "cardExampleLine": "{line}번째 줄:",
            "study": "복습",
            "studyTitle": "복습 카드",
            "studyIntro": "용어집과 노트에서 만든 카드로 복습합니다. 일정은 이 브라우저에만 저장되고 노트에는 쓰이지 않습니다.",
            "studyDeck": "이 주제로 복습하기",
            "studyCardCount": "카드 {count}장",
            "studyKindGlossary": "용어집",
            "studyKindDefinition": "정의",
            "studyKindExplicit": "질문",
            "studyKindCloze": "빈칸",
            "studyKindRelation": "관계",
            "studyKindExample": "예제",
            "studyShowAnswer": "정답 보기 (스페이스)",
            "studyAgain": "다시",
            "studyHard": "어려움",
            "studyGood": "알맞음",
            "studyEasy": "쉬움",
            "studyDue": "오늘 복습할 카드 {due}장 · 새 카드 {new}장",
            "studyProgress": "{done}/{total}",
            "studyDone": "오늘 복습을 모두 마쳤습니다.",
            "studyStart": "복습 시작",
            "studyQuiz": "퀴즈",
            "studyQuizQuestion": "알맞은 답을 고르세요 (1–4)",
            "studyQuizRight": "정답입니다.",
            "studyQuizWrong": "틀렸습니다. 정답: {answer}",
            "studyNext": "다음 (엔터)",
            "studyExport": "일정 내보내기",
            "studyImport": "일정 가져오기",
            "studyImported": "일정 {count}개를 가져왔습니다.",
            "studySource": "출처",
            "studyNoScript": "자바스크립트를 켜면 이 카드로 복습할 수 있습니다. 아래는 카드 목록입니다.",
            "studyDownload": "Anki 덱 받기 (.apkg)",
            "studyKeys": "스페이스: 정답 보기 · 1–4: 다시/어려움/알맞음/쉬움",
            "studyUntagged": "태그 없음",
            // `gongbu study` in the terminal.
            "studyTerminalDue": "복습할 카드 {due}장, 새 카드 {new}장. 엔터: 정답 보기, q: 끝내기",
            "studyTerminalGrade": "1 다시 · 2 어려움 · 3 알맞음 · 4 쉬움 (q 끝내기) > ",
            "studyTerminalNext": "다음 복습: {when}",
            "studyTerminalMinutes": "{n}분 뒤",
            "studyTerminalDays": "{n}일 뒤",
            "studyTerminalSummary": "카드 {count}장을 복습했습니다. 일정은 {file}에 있습니다.",
            "uncategorized": "기타",
            "conceptCountSuffix": "개의 개념",
            "search": "검색",
            "searchPlaceholder": "검색 (/ 키)  예: 파드, ㅍㄷ, deployment",
            "searchNone": "찾는 개념이나 노트가 없습니다.",
            "searchFuzzy": "(비슷한 철자)",
            "searchOffline": "검색은 웹 서버로 열었을 때 동작합니다. gongbu serve를 써 보세요.",
            "concepts": "개념",
            "exampleValid": "검증됨",
            "exampleInvalid": "오류 있음",
            "exampleExpectedError": "의도된 오류",
            "exampleUnchecked": "검증 안 됨",
            "exampleExpectedErrorNote": "일부러 틀리게 쓴 예제입니다. 아래 표시된 오류가 바로 배울 점입니다.",
            "exampleDiagram": "예제가 만드는 오브젝트와 연결 관계",
            "copy": "복사",
            "copied": "복사됨",
            "downloadYAML": "YAML 받기",
            "error": "오류",
            "warning": "경고",
            "podTemplate": "파드 템플릿",
            "creates": "생성",
            "relation.related": "관련",
            "relation.requires": "선수 지식",
            "relation.manages": "관리",
            "relation.part-of": "구성 요소",
            "relation.selects": "선택",
            "relation.uses": "사용",
            "relation.exposes": "노출",
            "relation.kind-of": "종류",
        ],
        formatDate: { date in "\(date.year)년 \(date.month)월 \(date.day)일" },
        cardWording: CardWording(
            whatIs: { term in KoreanGrammar.attach(term, consonant: "이란", vowel: "란") + " 무엇인가?" },
            whichConcept: "다음 설명에 맞는 개념은?",
            koreanName: { english in "\(english)의 한국어 용어는?" },
            englishName: { korean in "\(korean)의 영어 이름은?" },
            relationQuestion: { kind, subject in
                switch kind {
                case "requires": return "\(KoreanGrammar.object(subject)) 이해하려면 무엇을 먼저 알아야 하나?"
                case "manages": return "\(KoreanGrammar.topic(subject)) 무엇을 만들고 관리하나?"
                case "part-of": return "\(KoreanGrammar.topic(subject)) 무엇의 구성 요소인가?"
                case "selects": return "\(KoreanGrammar.topic(subject)) 레이블로 무엇을 선택하나?"
                case "uses": return "\(KoreanGrammar.topic(subject)) 무엇을 사용하나?"
                case "exposes": return "\(KoreanGrammar.topic(subject)) 무엇을 노출하나?"
                case "kind-of": return "\(KoreanGrammar.topic(subject)) 무엇의 한 종류인가?"
                default: return nil
                }
            },
            exampleQuestion: "이 예제에서 잘못된 곳은?", mask: "[…]"),
        relationSentence: { kind, subject, object in
            func topic(_ part: (html: String, text: String)) -> String {
                part.html + String(KoreanGrammar.topic(part.text).dropFirst(part.text.count))
            }
            func withObject(_ part: (html: String, text: String)) -> String {
                part.html + String(KoreanGrammar.object(part.text).dropFirst(part.text.count))
            }
            func with(_ part: (html: String, text: String)) -> String {
                part.html + String(KoreanGrammar.with(part.text).dropFirst(part.text.count))
            }
            switch kind {
            case "requires": return "\(withObject(subject)) 이해하려면 \(withObject(object)) 먼저 알아야 한다."
            case "manages": return "\(topic(subject)) \(withObject(object)) 만들고 관리한다."
            case "part-of": return "\(topic(subject)) \(object.html)의 구성 요소이다."
            case "selects": return "\(topic(subject)) 레이블로 \(withObject(object)) 선택한다."
            case "uses": return "\(topic(subject)) \(withObject(object)) 사용한다."
            case "exposes": return "\(topic(subject)) \(withObject(object)) 외부에 노출한다."
            case "kind-of": return "\(topic(subject)) \(object.html)의 한 종류이다."
            default: return "\(topic(subject)) \(with(object)) 관련이 있다."
            }
        }
    )

    /// Callout kinds with a label of their own (`callout.<kind>`).
    public static let calloutKinds: Set<String> = [
        "note", "info", "tip", "success", "important", "warning", "caution", "danger", "error", "question", "example", "quote",
        "abstract", "todo", "bug",
    ]

    /// The kind a dialect's name stands for: GitHub's, Obsidian's, MkDocs', Docusaurus' and
    /// Hugo themes' names (`hint` is a tip, `attention` a warning, `fail` an error …); an unknown
    /// name is a note.
    public static func calloutKind(_ name: String) -> String {
        let name = name.lowercased()
        let synonyms: [String: String] = [
            "summary": "abstract", "tldr": "abstract", "hint": "tip", "check": "success", "done": "success", "help": "question",
            "faq": "question", "attention": "warning", "warn": "warning", "failure": "error", "fail": "error", "missing": "error",
            "cite": "quote", "secondary": "note", "primary": "info", "default": "note",
        ]
        let kind = synonyms[name] ?? name
        return calloutKinds.contains(kind) ? kind : "note"
    }

    /// The table for a site language; Korean is the only one so far and the fallback.
    public static func forLanguage(_ code: String) -> UIStrings {
        var strings = korean
        strings.language = code
        return strings
    }
}
