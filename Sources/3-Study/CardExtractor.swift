import Foundation
import GongbuCore
import Markdown

/// Cards a learner wrote in a note, read from the note's own lines.
///
/// Only prose the author wrote is read: paragraphs and list items, including those in callouts.
/// Code, block quotes (other people's text), headings and tables are not, except a two-column
/// table whose header names a term and its meaning (`| 용어 | 설명 |`).
///
/// - Explicit cards, as obsidian-spaced-repetition writes them: `질문::답`, `질문:::답` (a card
///   each way), and a paragraph with a line holding only `?` (`??` for both ways) between the
///   question's lines and the answer's.
/// - Cloze deletions: `==가려진 말==` (a card for each) and Anki's `{{c1::답}}` or
///   `{{c1::답::힌트}}` (a card for each number).
/// - Definition lines: in a list, `용어 : 설명`, `용어: 설명`, `**용어**: 설명` and `용어 - 설명`;
///   in a paragraph, a line that opens with `**용어**:`. A term is a short name (at most five
///   words, no sentence ending), not a label such as 참고 or 예시, and not a number or a URL.
public enum CardExtractor {
    /// The note's cards, with file line numbers (`lineOffset` is added to the tree's lines).
    public static func cards(in document: MarkdownDocument, text: String, source: String, lineOffset: Int) -> [Card] {
        // Lines by their UTF-8 newlines (splitting by Character walks grapheme clusters).
        var lines: [Substring] = []
        var start = text.startIndex
        for index in text.utf8.indices where text.utf8[index] == 0x0A {
            lines.append(text[start..<index])
            start = text.utf8.index(after: index)
        }
        lines.append(text[start...])
        var cards: [Card] = []
        for paragraph in document.nodes(of: .paragraph) where isAuthorsProse(paragraph) {
            let inList = paragraph.parent?.kind == .item
            let block = paragraphLines(paragraph, lines)
            guard !block.isEmpty else { continue }
            let context = inList ? parentTerm(of: paragraph, lines) : nil
            cards += cardsOfParagraph(block, inList: inList, context: context, source: source, lineOffset: lineOffset)
        }
        for table in document.nodes(of: .customBlock) where table.onEnter == "<table>" {
            cards += definitionTable(table, source: source, lineOffset: lineOffset)
        }
        // By line, keeping the order found within a line (a card, then its reverse).
        return cards.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    /// For an item of a nested list, what the item above it names (`concurrencyPolicy` above
    /// `- Forbid: …`), so a value's card says what it is a value of.
    static func parentTerm(of paragraph: MarkdownNode, _ lines: [Substring]) -> String? {
        guard let item = paragraph.parent, let list = item.parent, list.kind == .list, let parent = list.parent, parent.kind == .item,
            let first = parent.firstChild, first.kind == .paragraph, let line = paragraphLines(first, lines).first?.text
        else { return nil }
        if let definition = definition(line, inList: true) { return definition.term }
        var text = plain(line)
        while let last = text.last, last == ":" || last == "：" || last == " " { text.removeLast() }
        return !text.isEmpty && text.count <= 40 && !text.contains(". ") ? text : nil
    }

    /// The meaning only says the term again (`azureDisk` → Azure Disk, `cephfs` → CephFS 볼륨).
    static func restates(_ meaning: String, _ term: String) -> Bool {
        func letters(_ text: String) -> String { String(text.lowercased().filter { $0.isLetter || $0.isNumber }) }
        // A note in parentheses (`(v1.17에서 사용 중단)`) is not a meaning.
        var bare = ""
        var depth = 0
        for character in meaning {
            if character == "(" {
                depth += 1
            } else if character == ")" {
                depth = max(depth - 1, 0)
            } else if depth == 0 {
                bare.append(character)
            }
        }
        let (m, t) = (letters(bare), letters(term))
        guard !t.isEmpty else { return false }
        if m == t { return true }
        if m.hasPrefix(t) { return m.count - t.count <= 4 }
        return false
    }

    /// Not inside a block quote (a callout is no longer one), a table or raw HTML.
    static func isAuthorsProse(_ node: MarkdownNode) -> Bool {
        var ancestor = node.parent
        while let current = ancestor {
            if current.kind == .blockQuote { return false }
            if current.kind == .customBlock && (current.onEnter.hasPrefix("<t") || current.onEnter.hasPrefix("<div class=\"footnotes")) {
                return false
            }
            ancestor = current.parent
        }
        return true
    }

    /// A paragraph's source lines (cmark numbering), without list markers, indentation or the
    /// `>` of a callout.
    static func paragraphLines(_ paragraph: MarkdownNode, _ lines: [Substring]) -> [(number: Int, text: Substring)] {
        let first = paragraph.startLine
        let last = max(paragraph.endLine, first)
        guard first >= 1, last <= lines.count else { return [] }
        var result: [(Int, Substring)] = []
        for number in first...last {
            var line = lines[number - 1]
            if number == first {
                let skip = min(max(paragraph.startColumn - 1, 0), line.utf8.count)
                line = line[line.utf8.index(line.utf8.startIndex, offsetBy: skip)...]
            } else {
                while let character = line.first, character == " " || character == "\t" || character == ">" { line = line.dropFirst() }
            }
            result.append((number, trimmed(line)))
        }
        return result
    }

    static func cardsOfParagraph(
        _ block: [(number: Int, text: Substring)], inList: Bool, context: String? = nil, source: String, lineOffset: Int
    ) -> [Card] {
        // The multi-line form: question lines, `?` or `??`, answer lines.
        if let mark = block.firstIndex(where: { $0.text == "?" || $0.text == "??" }), mark > 0, mark < block.count - 1 {
            let question = block[..<mark].map { plain($0.text) }.joined(separator: "\n")
            let answer = block[(mark + 1)...].map { plain($0.text) }.joined(separator: "\n")
            let line = block[0].number + lineOffset
            var cards = [Card(kind: .explicit, front: question, back: answer, source: source, line: line)]
            if block[mark].text == "??" {
                cards.append(Card(kind: .explicit, front: answer, back: question, source: source, line: line, key: "reverse:" + answer))
            }
            return cards
        }
        var cards: [Card] = []
        for (number, text) in block where !text.isEmpty {
            let line = number + lineOffset
            // Most lines hold none of the marks a card needs: a pass over the bytes rules them
            // out before the slower reading by characters (this pass runs on every paragraph).
            let marks = Marks(text)
            if !marks.any { continue }
            let clozes = marks.cloze ? clozeCards(text) : []
            if !clozes.isEmpty {
                for cloze in clozes {
                    cards.append(Card(kind: .cloze, front: cloze.front, back: cloze.back, source: source, line: line, key: cloze.front))
                }
                continue
            }
            if marks.doubleColon, let card = explicit(text) {
                cards.append(Card(kind: .explicit, front: card.question, back: card.answer, source: source, line: line))
                if card.bothWays {
                    cards.append(
                        Card(
                            kind: .explicit, front: card.answer, back: card.question, source: source, line: line,
                            key: "reverse:" + card.answer))
                }
                continue
            }
            let first = number == block[0].number
            if first, marks.separator, let definition = definition(text, inList: inList) {
                // A list item's meaning goes on over its continuation lines.
                let rest = inList ? block.dropFirst().map { plain($0.text) }.filter { !$0.isEmpty } : []
                let meaning = ([definition.meaning] + rest).joined(separator: " ")
                guard !restates(meaning, definition.term) else { break }
                let front = context.map { $0 + " › " + definition.term } ?? definition.term
                cards.append(Card(kind: .definition, front: front, back: meaning, source: source, line: line))
                if inList { break }
            }
        }
        return cards
    }

    /// Which card marks a line has, from one pass over its UTF-8.
    struct Marks {
        var cloze = false
        var doubleColon = false
        /// `:`, `：` or ` - ` / ` – `: a definition's separator could be there.
        var separator = false
        var any: Bool { cloze || doubleColon || separator }

        init(_ text: Substring) {
            var previous: UInt8 = 0
            var beforePrevious: UInt8 = 0
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: ":"):
                    separator = true
                    if previous == UInt8(ascii: ":") { doubleColon = true }
                case UInt8(ascii: "="): if previous == UInt8(ascii: "=") { cloze = true }
                case UInt8(ascii: "c"): if previous == UInt8(ascii: "{") && beforePrevious == UInt8(ascii: "{") { cloze = true }
                case UInt8(ascii: " "): if previous == UInt8(ascii: "-") && beforePrevious == UInt8(ascii: " ") { separator = true }
                case 0x9A: if previous == 0xBC && beforePrevious == 0xEF { separator = true }  // ：
                case 0x93: if previous == 0x80 && beforePrevious == 0xE2 { separator = true }  // –
                default: break
                }
                beforePrevious = previous
                previous = byte
            }
        }
    }

    // MARK: - Explicit cards

    /// `질문::답` or `질문:::답`. A `::` inside code, in a URL or between two identifier
    /// characters without spaces (`std::vector`) is not a separator.
    public static func explicit(_ line: Substring) -> (question: String, answer: String, bothWays: Bool)? {
        guard let (start, length) = separator(in: line) else { return nil }
        let question = plain(line[..<start])
        let answer = plain(line[line.index(start, offsetBy: length)...])
        guard !question.isEmpty, !answer.isEmpty else { return nil }
        return (question, answer, length == 3)
    }

    static func separator(in line: Substring) -> (String.Index, Int)? {
        var inCode = false
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if character == "`" { inCode.toggle() }
            if !inCode && character == ":" {
                var end = index
                var count = 0
                while end < line.endIndex && line[end] == ":" {
                    count += 1
                    end = line.index(after: end)
                }
                if count == 2 || count == 3 {
                    let before = index > line.startIndex ? line[line.index(before: index)] : " "
                    let after = end < line.endIndex ? line[end] : " "
                    let scoped = isIdentifier(before) && isIdentifier(after)
                    let url = after == "/"
                    if !scoped && !url { return (index, count) }
                }
                index = end
                continue
            }
            index = line.index(after: index)
        }
        return nil
    }

    static func isIdentifier(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_")
    }

    // MARK: - Cloze deletions

    /// One card per `==…==` and per `{{cN::…}}` number: the question hides that part as
    /// `[…]` (or `[힌트]`) and shows the others; the answer is the whole line.
    public static func clozeCards(_ line: Substring) -> [(front: String, back: String)] {
        let parts = clozeParts(line)
        guard parts.contains(where: { $0.group != nil }) else { return [] }
        let whole = plain(Substring(parts.map(\.text).joined()))
        var groups: [String] = []
        for part in parts { if let group = part.group, !groups.contains(group) { groups.append(group) } }
        return groups.map { group in
            let front = parts.map { part -> String in
                guard part.group == group else { return part.text }
                return "[" + (part.hint ?? "…") + "]"
            }.joined()
            return (plain(Substring(front)), whole)
        }
    }

    /// The line cut into plain runs and deletions; a `==` run's group is its position, an
    /// Anki deletion's is its number.
    static func clozeParts(_ line: Substring) -> [(text: String, group: String?, hint: String?)] {
        var parts: [(String, String?, String?)] = []
        var rest = line
        var plainRun = ""
        var highlight = 0
        var inCode = false
        while let character = rest.first {
            if character == "`" { inCode.toggle() }
            if !inCode && rest.hasPrefix("{{c"), let close = rest.range(of: "}}") {
                let inside = rest[rest.index(rest.startIndex, offsetBy: 3)..<close.lowerBound]
                let pieces = inside.components(separatedBy: "::")
                if pieces.count >= 2, let number = Int(pieces[0]), number > 0, !pieces[1].isEmpty {
                    parts.append((plainRun, nil, nil))
                    plainRun = ""
                    parts.append((pieces[1], "c\(number)", pieces.count > 2 && !pieces[2].isEmpty ? pieces[2] : nil))
                    rest = rest[close.upperBound...]
                    continue
                }
            }
            if !inCode && rest.hasPrefix("=="), let after = rest.dropFirst(2).first, after != " ", after != "=",
                let close = rest.dropFirst(2).range(of: "=="),
                let last = rest[rest.index(rest.startIndex, offsetBy: 2)..<close.lowerBound].last, last != " "
            {
                let inside = rest[rest.index(rest.startIndex, offsetBy: 2)..<close.lowerBound]
                parts.append((plainRun, nil, nil))
                plainRun = ""
                highlight += 1
                parts.append((String(inside), "h\(highlight)", nil))
                rest = rest[close.upperBound...]
                continue
            }
            plainRun.append(character)
            rest = rest.dropFirst()
        }
        parts.append((plainRun, nil, nil))
        return parts
    }

    // MARK: - Definition lines

    /// Labels that open a line like a term but are not one (`참고: 공식 문서`).
    static let labels: Set<String> = [
        "참고", "참조", "예", "예시", "예제", "주의", "경고", "출처", "링크", "결과", "원인", "해결", "해결책", "해결 방법", "정리", "요약", "질문", "답",
        "답변", "날짜", "일시", "장소", "시간", "목표", "목적", "느낀 점", "느낀점", "회고", "배운 점", "배운점", "문제", "이유", "장점", "단점", "특징", "방법",
        "순서", "명령", "명령어", "입력", "출력", "결론", "키워드", "내용", "주제", "발표자", "작성자", "참석자", "범위", "기간", "비고", "설치", "버전", "환경",
        "사용법", "용도", "형식", "문법", "설명", "정의", "의미", "뜻", "용어", "과제", "숙제", "준비물", "실습", "실행", "확인", "결과물", "오류", "에러", "증상",
        "참고 영상", "참고 자료", "실무 권장", "권장", "사용처", "코드", "예시 코드", "정답", "풀이", "해설", "비교", "차이", "차이점", "주의사항", "주의 사항", "핵심", "문제 상황", "ox",
        "o/x", "todo", "note", "tip", "tips", "cf", "warning", "info", "example", "q", "a", "step", "source", "ref", "link", "output",
        "input", "result",
    ]

    /// A definition line's term and meaning, or nil.
    public static func definition(_ line: Substring, inList: Bool) -> (term: String, meaning: String)? {
        var text = trimmed(line)
        var term: Substring
        var meaning: Substring
        if text.hasPrefix("**"), let close = text.dropFirst(2).range(of: "**") {
            // **용어**: 설명, **용어** : 설명, **용어:** 설명, **용어** - 설명 (in lists)
            term = text[text.index(text.startIndex, offsetBy: 2)..<close.lowerBound]
            var rest = trimmed(text[close.upperBound...])
            if term.hasSuffix(":") {
                term = term.dropLast()
            } else if rest.hasPrefix(":") {
                rest = rest.dropFirst()
            } else if inList && (rest.hasPrefix("- ") || rest.hasPrefix("– ")) {
                rest = rest.dropFirst(2)
            } else {
                return nil
            }
            meaning = trimmed(rest)
        } else {
            guard inList else { return nil }
            if text.hasPrefix("[ ] ") || text.hasPrefix("[x] ") { text = text.dropFirst(4) }
            if let colon = colonSeparator(text) {
                term = text[..<colon]
                meaning = text[text.index(after: colon)...]
            } else if let dash = text.range(of: " - ") ?? text.range(of: " – ") {
                term = text[..<dash.lowerBound]
                meaning = text[dash.upperBound...]
            } else {
                return nil
            }
        }
        let name = cleanTerm(plain(term))
        let explanation = plain(trimmed(meaning))
        guard isTerm(name), isMeaning(explanation) else { return nil }
        return (name, explanation)
    }

    /// The first `:` outside code that is followed by a space or ends the term (`용어: 설명`,
    /// `용어 : 설명`), not one in `10:30`, `http://` or `key:value`.
    static func colonSeparator(_ text: Substring) -> String.Index? {
        var inCode = false
        var brackets = 0
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "`" { inCode.toggle() }
            if !inCode && character == "[" { brackets += 1 }
            if !inCode && character == "]" { brackets = max(brackets - 1, 0) }
            if !inCode && brackets == 0 && (character == ":" || character == "：") {
                let next = text.index(after: index)
                if next == text.endIndex { return nil }
                if text[next] == " " || text[next] == "\t" { return index }
                return nil
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// `파드란` → 파드, `레플리카셋(ReplicaSet)이란?` → 레플리카셋(ReplicaSet).
    static func cleanTerm(_ term: String) -> String {
        var name = term.trimmingCharacters(in: .whitespaces)
        if name.hasSuffix("?") { name.removeLast() }
        for ending in ["이란", "란", "이라는 것", "이라는 말"] where name.hasSuffix(ending) && name.count > ending.count + 1 {
            name.removeLast(ending.count)
            break
        }
        return name.trimmingCharacters(in: .whitespaces)
    }

    /// Last words that make a line a step or a pointer, not a term (`VirtualBox 설치`, `… 설명`).
    static let stepWords: Set<String> = [
        "설치", "확인", "설명", "정리", "방법", "예시", "권장", "영상", "자료", "링크", "참고", "접속", "실습", "설정하기", "생성", "접근", "삭제", "적용", "실행", "테스트",
    ]

    static func isTerm(_ term: String) -> Bool {
        guard term.count >= 2, term.count <= 40 else { return false }
        let words = term.split(separator: " ")
        guard words.count <= 5 else { return false }
        let lower = term.lowercased()
        if labels.contains(lower) || lower.hasPrefix("todo") || lower.hasPrefix("cf.") || lower.hasPrefix("ex)") || lower.hasPrefix("ex.") {
            return false
        }
        if words.count >= 2, let last = words.last, stepWords.contains(String(last)) || (last.hasSuffix("기") && last.count >= 2) {
            return false
        }
        // `Phase 5가지`: a question about a list, not a name.
        if term.hasSuffix("가지") || term.hasSuffix("가지?") { return false }
        guard let first = term.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        if term.contains("://") || term.hasPrefix("/") || term.hasPrefix("$") { return false }
        guard term.contains(where: { $0.isLetter }) else { return false }
        // A sentence, not a name: Korean endings of statements and questions.
        for ending in ["다", "요", "까", "죠", "니다", "음", "함", "됨", "임"] where term.hasSuffix(ending) && words.count > 1 { return false }
        if term.hasSuffix(".") || term.hasSuffix("!") { return false }
        // 서비스 디스커버리의 기본은 DNS: a topic or subject in the middle makes it a sentence.
        if words.count >= 3, words.dropLast().contains(where: { ["은", "는", "이", "가"].contains(String($0.suffix(1))) && $0.count > 1 }) {
            return false
        }
        return true
    }

    static func isMeaning(_ meaning: String) -> Bool {
        guard meaning.count >= 2, meaning.contains(where: { $0.isLetter }) else { return false }
        if meaning.hasPrefix("//") || meaning.hasPrefix("http") && !meaning.contains(" ") { return false }
        return true
    }

    // MARK: - Tables

    static let termHeaders: Set<String> = [
        "용어", "개념", "단어", "키워드", "이름", "명령어", "리소스", "오브젝트", "term", "concept", "keyword", "name", "word",
    ]
    static let meaningHeaders: Set<String> = ["설명", "의미", "뜻", "정의", "역할", "description", "meaning", "definition"]

    /// A two-column table headed term / meaning: a card per row.
    static func definitionTable(_ table: MarkdownNode, source: String, lineOffset: Int) -> [Card] {
        guard isAuthorsProse(table) else { return [] }
        var rows: [MarkdownNode] = []
        for group in table.children { rows += group.children.filter { $0.onEnter == "<tr>" } }
        guard rows.count >= 2 else { return [] }
        let header = rows[0].children.map { $0.plainText.trimmingCharacters(in: .whitespaces).lowercased() }
        guard header.count == 2, termHeaders.contains(header[0]), meaningHeaders.contains(header[1]) else { return [] }
        var cards: [Card] = []
        for row in rows.dropFirst() {
            let cells = row.children.map { $0.plainText.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 2 else { continue }
            let term = cleanTerm(cells[0])
            guard isTerm(term), isMeaning(cells[1]) else { continue }
            let line = (row.startLine > 0 ? row.startLine : table.startLine) + lineOffset
            cards.append(Card(kind: .definition, front: term, back: cells[1], source: source, line: line))
        }
        return cards
    }

    // MARK: - Text

    static func trimmed(_ text: Substring) -> Substring {
        var text = text
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return text
    }

    /// Inline Markdown as the reader sees it: `**굵게**`, `` `코드` ``, `[글](주소)`, `[[노트|이름]]`
    /// and `==강조==` lose their marks; a trailing `^block-id` goes.
    public static func plain(_ text: Substring) -> String {
        var out = ""
        var rest = text
        while let character = rest.first {
            if rest.hasPrefix("**") || rest.hasPrefix("__") || rest.hasPrefix("==") || rest.hasPrefix("~~") {
                rest = rest.dropFirst(2)
                continue
            }
            if character == "`" {
                rest = rest.dropFirst()
                continue
            }
            if rest.hasPrefix("[["), let close = rest.range(of: "]]") {
                let inside = rest[rest.index(rest.startIndex, offsetBy: 2)..<close.lowerBound]
                out += inside.split(separator: "|", maxSplits: 1).last.map(String.init) ?? ""
                rest = rest[close.upperBound...]
                continue
            }
            if character == "[", let close = rest.range(of: "]("), let end = rest[close.upperBound...].firstIndex(of: ")") {
                out += rest[rest.index(after: rest.startIndex)..<close.lowerBound]
                rest = rest[rest.index(after: end)...]
                continue
            }
            out.append(character)
            rest = rest.dropFirst()
        }
        if let caret = out.range(of: " ^", options: .backwards), !out[caret.upperBound...].contains(" "),
            out[caret.upperBound...].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
        {
            out.removeSubrange(caret.lowerBound...)
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}
