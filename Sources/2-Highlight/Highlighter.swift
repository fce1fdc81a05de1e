import GongbuCore

/// Code as HTML with each token in a `<span class="tok-…">`, line by line: every line's
/// spans are closed at its end (a comment or string that goes on is opened again on the next
/// line), so callers can wrap lines, put diagnostics between them, or copy them one by one.
///
///     Highlighter.lines("replicas: 3 # 셋", language: "yaml")
///     // ["<span class=\"tok-key\">replicas</span>: <span class=\"tok-number\">3</span> <span class=\"tok-comment\"># 셋</span>"]
public enum Highlighter {
    /// Whether gongbu highlights this fence language (`yaml`, `console` …).
    public static func supports(_ language: String) -> Bool {
        Grammar.named(language) != nil || Grammar.consoleNames.contains(language.lowercased())
    }

    /// One HTML string per line of `code` (without line ends); escaped text only for a language
    /// gongbu does not highlight.
    public static func lines(_ code: String, language: String) -> [String] {
        let sourceLines = Self.split(code)
        if Grammar.consoleNames.contains(language.lowercased()) { return console(sourceLines) }
        guard let grammar = Grammar.named(language) else { return sourceLines.map { Escape.html(String(decoding: $0, as: UTF8.self)) } }
        var engine = Engine(grammar: grammar)
        return sourceLines.map { engine.line($0) }
    }

    static func split(_ code: String) -> [ArraySlice<UInt8>] {
        var bytes = Array(code.utf8)
        if bytes.last == 0x0A { bytes.removeLast() }
        return bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    }

    /// A console session: prompt lines (`$ `, `# `, `% `, `> ` and the lines a trailing `\`
    /// continues) are commands, highlighted as shell with the prompt in its own span, and so
    /// are lines that start with `kubectl ` (a command pasted without its prompt, as
    /// `ShellCommands` reads it); the rest is output. The prompt is drawn by CSS from `data-prompt`, so it is neither selected nor
    /// copied.
    static func console(_ lines: [ArraySlice<UInt8>]) -> [String] {
        var shell = Engine(grammar: .bash)
        var continuing = false
        return lines.map { line in
            let text = String(decoding: line, as: UTF8.self)
            for prompt in ["$ ", "# ", "% ", "> "] where text.hasPrefix(prompt) || (text == prompt.dropLast() && !continuing) {
                let command = line.dropFirst(min(prompt.utf8.count, line.count))
                continuing = command.last == UInt8(ascii: "\\")
                return "<span class=\"tok-prompt\" data-prompt=\"\(prompt)\"></span>" + shell.line(command)
            }
            // A command pasted without its prompt (kubectl at the very start of the line), or a continuation.
            if continuing || text.hasPrefix("kubectl ") {
                continuing = line.last == UInt8(ascii: "\\")
                return shell.line(line)
            }
            return "<span class=\"tok-output\">\(Escape.html(text))</span>"
        }
    }

    /// The tokenizer for one block: reads line after line, keeping what goes on from one line
    /// to the next (a block comment, a multi-line string, a YAML block scalar).
    struct Engine {
        let grammar: Grammar
        enum Carry {
            case none
            case blockComment(close: [UInt8])
            case string(Grammar.StringRule)
            case blockScalar(indent: Int)
        }
        var carry = Carry.none
        /// The previous line ended in `\`: this one goes on its statement.
        var continued = false

        init(grammar: Grammar) { self.grammar = grammar }

        mutating func line(_ line: ArraySlice<UInt8>) -> String {
            let bytes = Array(line)
            var out = Output()
            // Whole-line kinds (diff).
            for (prefix, token) in grammar.linePrefixes where bytes.starts(with: prefix.utf8) {
                if grammar.blockScalars, token == .meta, bytes.count > prefix.utf8.count, bytes[prefix.utf8.count] != 0x20 { break }
                out.add(bytes[...], token)
                return out.finished
            }
            let indent = bytes.prefix { $0 == 0x20 }.count
            let firstNonBlank = bytes.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? bytes.count
            if case .blockScalar(let keyIndent) = carry {
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || indent > keyIndent {
                    out.add(bytes[...], .string)
                    return out.finished
                }
                carry = .none
            }
            var index = 0
            var statementStart = !continued
            continued = bytes.last == UInt8(ascii: "\\")

            // Carried over from the previous line.
            switch carry {
            case .blockComment(let close):
                if let end = find(close, in: bytes, from: 0) {
                    out.add(bytes[0..<end], .comment)
                    index = end
                    carry = .none
                } else {
                    out.add(bytes[...], .comment)
                    return out.finished
                }
            case .string(let rule):
                if let end = stringEnd(rule, in: bytes, from: 0) {
                    out.add(bytes[0..<end], .string)
                    index = end
                    carry = .none
                } else {
                    out.add(bytes[...], .string)
                    return out.finished
                }
            default:
                break
            }

            if grammar.sections, bytes[indent...].first == UInt8(ascii: "["), let close = bytes.lastIndex(of: UInt8(ascii: "]")) {
                out.add(bytes[0..<indent], nil)
                out.add(bytes[indent...close], .section)
                index = close + 1
            }
            if grammar.keysBeforeColon, index == 0, let key = yamlKey(bytes) {
                out.add(bytes[0..<key.lowerBound], nil)
                out.add(bytes[key], .key)
                index = key.upperBound
                statementStart = false
            }

            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x09 {
                    out.add(bytes[index...index], nil)
                    index += 1
                    continue
                }
                let atLineStart = index <= firstNonBlank
                // Comments.
                if let prefix = grammar.lineComments.first(where: { bytes[index...].starts(with: $0.utf8) }),
                    prefix != "#" || index == 0 || bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09
                {
                    out.add(bytes[index...], .comment)
                    break
                }
                if atLineStart, grammar.lineStartComments.contains(where: { bytes[index...].starts(with: $0.utf8) }) {
                    out.add(bytes[index...], .comment)
                    break
                }
                if let (open, close) = grammar.blockComments.first(where: { bytes[index...].starts(with: $0.open.utf8) }) {
                    let closeBytes = Array(close.utf8)
                    if let end = find(closeBytes, in: bytes, from: index + open.utf8.count) {
                        out.add(bytes[index..<end], .comment)
                        index = end
                    } else {
                        out.add(bytes[index...], .comment)
                        carry = .blockComment(close: closeBytes)
                        index = bytes.count
                    }
                    continue
                }
                // Markup.
                if grammar.markup, byte == UInt8(ascii: "<") {
                    index = markupTag(bytes, from: index, into: &out)
                    continue
                }
                // Strings.
                if let rule = grammar.strings.first(where: { bytes[index...].starts(with: $0.open.utf8) }) {
                    let end = stringEnd(rule, in: bytes, from: index + rule.open.utf8.count)
                    let stop = end ?? bytes.count
                    var token = Token.string
                    if grammar.keysBeforeColon, isFollowedByColon(bytes, from: stop) { token = .key }
                    out.add(bytes[index..<stop], token)
                    if end == nil && rule.multiline { carry = .string(rule) }
                    index = stop
                    statementStart = false
                    continue
                }
                if grammar.dollarVariables, byte == UInt8(ascii: "$"), index + 1 < bytes.count {
                    var end = index + 1
                    if bytes[end] == UInt8(ascii: "{") {
                        while end < bytes.count, bytes[end] != UInt8(ascii: "}") { end += 1 }
                        end = min(end + 1, bytes.count)
                    } else if isWordByte(bytes[end]) {
                        while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
                    } else if "?@#*!$0123456789".utf8.contains(bytes[end]) {
                        end += 1
                    }
                    if end > index + 1 {
                        out.add(bytes[index..<end], .variable)
                        index = end
                        statementStart = false
                        continue
                    }
                }
                if grammar.annotations, byte == UInt8(ascii: "@"), index + 1 < bytes.count, isWordStart(bytes[index + 1]) {
                    var end = index + 1
                    while end < bytes.count, isWordByte(bytes[end]) || bytes[end] == UInt8(ascii: ".") { end += 1 }
                    out.add(bytes[index..<end], .annotation)
                    index = end
                    continue
                }
                if isDigit(byte), index == 0 || !isWordByte(bytes[index - 1]) {
                    var end = index
                    while end < bytes.count, isWordByte(bytes[end]) || bytes[end] == UInt8(ascii: ".") { end += 1 }
                    let word = bytes[index..<end]
                    let numeric = word.allSatisfy { isDigit($0) || "._xXabcdefABCDEFoOlLuUnjJ".utf8.contains($0) }
                    out.add(word, numeric ? .number : nil)
                    index = end
                    statementStart = false
                    continue
                }
                if isWordStart(byte) || grammar.wordCharacters.contains(byte) {
                    var end = index
                    while end < bytes.count, isWordByte(bytes[end]) || grammar.wordCharacters.contains(bytes[end]) { end += 1 }
                    let word = String(decoding: bytes[index..<end], as: UTF8.self)
                    let token = classify(word, bytes: bytes, end: end, statementStart: statementStart, atLineStart: atLineStart)
                    out.add(bytes[index..<end], token)
                    index = end
                    statementStart = false
                    continue
                }
                // Punctuation: a statement may start again after it.
                if grammar.statementSeparators.contains(byte) { statementStart = true }
                out.add(bytes[index...index], nil)
                index += 1
            }
            // `key: |` opens a YAML block scalar on the lines below.
            if grammar.blockScalars, case .none = carry {
                let trimmed = bytes.reversed().drop { $0 == 0x20 }.reversed()
                if let last = trimmed.last,
                    last == UInt8(ascii: "|") || last == UInt8(ascii: ">")
                        || (trimmed.count >= 2
                            && (trimmed.suffix(2).elementsEqual("|-".utf8) || trimmed.suffix(2).elementsEqual(">-".utf8)
                                || trimmed.suffix(2).elementsEqual("|+".utf8)))
                {
                    carry = .blockScalar(indent: indent)
                }
            }
            return out.finished
        }

        func classify(_ word: String, bytes: [UInt8], end: Int, statementStart: Bool, atLineStart: Bool) -> Token? {
            if grammar.keysBeforeEquals, atLineStart,
                isFollowedBy(bytes, from: end, any: grammar.lineStartComments.contains("!") ? "=:" : "=")
            {
                return .key
            }
            let key = grammar.caseInsensitive ? word.uppercased() : word
            if grammar.firstWordIsKeyword {
                if statementStart { return .keyword }
                if grammar.builtins.contains(key) { return .builtin }
                return grammar.literals.contains(word) ? .literal : nil
            }
            if grammar.caseInsensitive {
                if grammar.keywords.contains(key) || grammar.keywords.contains(word.lowercased()) { return .keyword }
                if grammar.builtins.contains(word.lowercased()) || grammar.builtins.contains(key) { return .builtin }
                if grammar.literals.contains(word.lowercased()) { return .literal }
                return nil
            }
            if grammar.keywords.contains(word) { return .keyword }
            if grammar.builtins.contains(word) { return .builtin }
            if grammar.literals.contains(word) { return .literal }
            return nil
        }

        /// A YAML key at the start of a line (after `- ` items): the text up to `: ` or a final `:`.
        func yamlKey(_ bytes: [UInt8]) -> Range<Int>? {
            var start = 0
            while start < bytes.count, bytes[start] == 0x20 { start += 1 }
            while start + 1 < bytes.count, bytes[start] == UInt8(ascii: "-"), bytes[start + 1] == 0x20 {
                start += 2
                while start < bytes.count, bytes[start] == 0x20 { start += 1 }
            }
            guard start < bytes.count, !"#\"'{[&*!|>%@`".utf8.contains(bytes[start]) else { return nil }
            var end = start
            while end < bytes.count {
                if bytes[end] == UInt8(ascii: ":"), end + 1 == bytes.count || bytes[end + 1] == 0x20 {
                    return end > start ? start..<end : nil
                }
                if bytes[end] == UInt8(ascii: "#") && end > 0 && bytes[end - 1] == 0x20 { return nil }
                end += 1
            }
            return nil
        }

        func isFollowedByColon(_ bytes: [UInt8], from index: Int) -> Bool { isFollowedBy(bytes, from: index, any: ":") }

        func isFollowedBy(_ bytes: [UInt8], from index: Int, any characters: String) -> Bool {
            var next = index
            while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
            return next < bytes.count && characters.utf8.contains(bytes[next])
        }

        /// Where a string that began before `from` ends (after its closing delimiter), or nil
        /// when it does not end on this line.
        func stringEnd(_ rule: Grammar.StringRule, in bytes: [UInt8], from: Int) -> Int? {
            let close = Array(rule.close.utf8)
            var index = from
            while index < bytes.count {
                if rule.escapes, bytes[index] == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if bytes[index...].starts(with: close) { return index + close.count }
                index += 1
            }
            return nil
        }

        /// The index just after the first `needle` at or after `from`.
        func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
            guard !needle.isEmpty, from + needle.count <= bytes.count else { return nil }
            var index = from
            while index + needle.count <= bytes.count {
                if bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) { return index + needle.count }
                index += 1
            }
            return nil
        }

        /// `<tag attr="value">` or `</tag>`: the name, attribute names and values; returns the
        /// index after the tag (or the end of the line).
        func markupTag(_ bytes: [UInt8], from start: Int, into out: inout Output) -> Int {
            var index = start + 1
            if index < bytes.count,
                bytes[index] == UInt8(ascii: "/") || bytes[index] == UInt8(ascii: "?") || bytes[index] == UInt8(ascii: "!")
            {
                index += 1
            }
            var nameEnd = index
            while nameEnd < bytes.count, isWordByte(bytes[nameEnd]) || ":-.".utf8.contains(bytes[nameEnd]) { nameEnd += 1 }
            guard nameEnd > index else {
                out.add(bytes[start...start], nil)
                return start + 1
            }
            out.add(bytes[start..<nameEnd], .tag)
            index = nameEnd
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: ">") {
                    out.add(bytes[index...index], .tag)
                    return index + 1
                }
                if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") {
                    out.add(bytes[index...(index + 1)], .tag)
                    return index + 2
                }
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    let end = bytes[(index + 1)...].firstIndex(of: byte).map { $0 + 1 } ?? bytes.count
                    out.add(bytes[index..<end], .string)
                    index = end
                    continue
                }
                if isWordStart(byte) {
                    var end = index
                    while end < bytes.count, isWordByte(bytes[end]) || ":-.".utf8.contains(bytes[end]) { end += 1 }
                    out.add(bytes[index..<end], .attribute)
                    index = end
                    continue
                }
                out.add(bytes[index...index], nil)
                index += 1
            }
            return index
        }
    }

    /// Escaped text and token spans, merging neighbouring pieces of one token.
    struct Output {
        var html = ""
        var open: Token?
        var pending: [UInt8] = []

        mutating func add(_ bytes: ArraySlice<UInt8>, _ token: Token?) {
            guard !bytes.isEmpty else { return }
            if token != open { flush() }
            open = token
            pending.append(contentsOf: bytes)
        }

        mutating func flush() {
            guard !pending.isEmpty else { return }
            let text = Escape.html(String(decoding: pending, as: UTF8.self))
            if let open { html += "<span class=\"tok-\(open.rawValue)\">\(text)</span>" } else { html += text }
            pending = []
        }
    }
}

extension Highlighter.Output {
    var finished: String {
        var copy = self
        copy.flush()
        return copy.html
    }
}

func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
func isWordStart(_ byte: UInt8) -> Bool { (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte >= 0x80 }
func isWordByte(_ byte: UInt8) -> Bool { isWordStart(byte) || isDigit(byte) }
