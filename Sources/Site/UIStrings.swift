import Content

/// Every piece of interface text the site shows, in one place, so a second language is one more table.
///
/// Templates see these as `{{ui.key}}`.
public struct UIStrings: Sendable {
    public var language: String
    public var table: [String: String]
    /// Formats a date for reading (`2024년 3월 2일`).
    public var formatDate: @Sendable (NoteDate) -> String

    public subscript(key: String) -> String { table[key] ?? key }

    public static let korean = UIStrings(
        language: "ko",
        table: [
            "skipToContent": "본문으로 건너뛰기",
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
        ],
        formatDate: { date in "\(date.year)년 \(date.month)월 \(date.day)일" }
    )

    /// The table for a site language; Korean is the only one so far and the fallback.
    public static func forLanguage(_ code: String) -> UIStrings {
        var strings = korean
        strings.language = code
        return strings
    }
}
