import GongbuCore

/// One word of a shell command line, where it starts in the code (0-based line of the code,
/// 1-based column in characters).
public struct ShellWord: Sendable, Hashable {
    public var text: String
    public var line: Int
    public var column: Int

    public init(text: String, line: Int, column: Int) {
        self.text = text
        self.line = line
        self.column = column
    }
}

/// A `kubectl …` command found in a code block: the `kubectl` word and the words after it, up
/// to the end of the command (a pipe, `&&`, `;`, a redirection or a comment).
public struct KubectlInvocation: Sendable, Hashable {
    public var kubectl: ShellWord
    public var words: [ShellWord]
}

/// Finds the kubectl commands in the text of a code block as a shell would split them.
///
/// - A line that starts with `$ ` (or, in a `console` block, `# `) is a command after a
///   prompt; when a block has prompts, its other lines are the commands' output, except
///   lines that start with `kubectl ` (commands pasted without their prompt).
/// - A line ending in `\` continues on the next one.
/// - Words are split on blanks outside quotes; `'…'`, `"…"` and `$(…)` are one word; a `#` that starts
///   a word begins a comment; `|`, `||`, `&&`, `;`, `&` end a command, and so do redirections
///   (`>`, `>>`, `2>`, `<`), except that a placeholder such as `<pod-name>` is a word.
/// - `sudo`, `time`, `watch` and variable assignments before kubectl are skipped; a word
///   that is a path ending in `/kubectl` is kubectl too.
public enum ShellCommands {
    /// Languages whose blocks hold shell commands (`""` for a block with no language).
    public static let shellLanguages: Set<String> = ["", "bash", "sh", "shell", "zsh", "console", "shell-session", "terminal"]

    public static func kubectlInvocations(in code: String, language: String) -> [KubectlInvocation] {
        let isConsole = ["console", "shell-session", "terminal"].contains(language.lowercased())
        let lines = code.lines().map(String.init)
        func prompt(_ line: String) -> Int? {
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            let rest = line.dropFirst(indent)
            if rest.hasPrefix("$ ") || (isConsole && rest.hasPrefix("# ")) { return indent + 2 }
            return nil
        }
        let hasPrompts = lines.contains { prompt($0) != nil }
        /// In a block with prompts, a line that starts with `kubectl ` at its very beginning is
        /// a command typed without one (output that names kubectl is indented or follows other words).
        func unprompted(_ line: String) -> Bool { line.hasPrefix("kubectl ") }
        var invocations: [KubectlInvocation] = []
        var index = 0
        while index < lines.count {
            var start = 0
            if hasPrompts, !unprompted(lines[index]) {
                guard let after = prompt(lines[index]) else {
                    index += 1
                    continue
                }
                start = after
            }
            // The logical line: this one and its `\` continuations, each piece with its line.
            var pieces: [(text: Substring, line: Int, offset: Int)] = []
            var line = index
            var offset = start
            while line < lines.count {
                let text = lines[line]
                let body = text.dropFirst(min(offset, text.count))
                let trimmed = body.reversed().drop { $0 == " " || $0 == "\t" }
                if trimmed.first == "\\" {
                    pieces.append((body.dropLast(body.count - trimmed.count + 1), line, offset))
                    line += 1
                    offset = 0
                    continue
                }
                pieces.append((body, line, offset))
                break
            }
            index = line + 1
            for command in commands(in: words(of: pieces)) {
                var rest = command[...]
                while let first = rest.first,
                    ["sudo", "time", "watch", "nohup"].contains(first.text) || isAssignment(first.text)
                        || (first.text.hasPrefix("-") && rest.startIndex != command.startIndex)
                {
                    rest = rest.dropFirst()
                }
                guard let first = rest.first, first.text == "kubectl" || first.text.hasSuffix("/kubectl") else { continue }
                invocations.append(KubectlInvocation(kubectl: first, words: Array(rest.dropFirst())))
            }
        }
        return invocations
    }

    static func isAssignment(_ word: String) -> Bool {
        guard let equals = word.firstIndex(of: "="), equals > word.startIndex else { return false }
        return word[..<equals].allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// A word, or an operator that ends a command (`|`, `&&`, `;`, `>` …) as its own word.
    enum Token {
        case word(ShellWord)
        case end
    }

    static func words(of pieces: [(text: Substring, line: Int, offset: Int)]) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var currentStart: (line: Int, column: Int)?
        var quote: Character?
        func flush() {
            if let start = currentStart { tokens.append(.word(ShellWord(text: current, line: start.line, column: start.column))) }
            current = ""
            currentStart = nil
        }
        outer: for piece in pieces {
            let characters = Array(piece.text)
            var position = 0
            while position < characters.count {
                let character = characters[position]
                let column = piece.offset + position + 1
                if let open = quote {
                    if character == open { quote = nil } else { current.append(character) }
                    position += 1
                    continue
                }
                // A command substitution (`$(kubectl get pods -o name)`, `` `…` ``) is one word of
                // the command around it; the checker leaves such values alone.
                if character == "`" || (character == "$" && position + 1 < characters.count && characters[position + 1] == "(") {
                    if currentStart == nil { currentStart = (piece.line, column) }
                    var depth = 0
                    let closing: Character = character == "`" ? "`" : ")"
                    var end = position + (character == "`" ? 1 : 2)
                    if character == "$" { depth = 1 }
                    while end < characters.count {
                        if character == "$" {
                            if characters[end] == "(" { depth += 1 }
                            if characters[end] == ")" {
                                depth -= 1
                                if depth == 0 { break }
                            }
                        } else if characters[end] == closing {
                            break
                        }
                        end += 1
                    }
                    current.append(contentsOf: characters[position..<min(end + 1, characters.count)])
                    position = end + 1
                    continue
                }
                switch character {
                case " ", "\t":
                    flush()
                case "'", "\"":
                    if currentStart == nil { currentStart = (piece.line, column) }
                    quote = character
                case "#" where currentStart == nil:
                    flush()
                    break outer
                case "|", "&", ";":
                    flush()
                    tokens.append(.end)
                    while position + 1 < characters.count, "|&".contains(characters[position + 1]) { position += 1 }
                case "<":
                    // A placeholder (`<pod-name>`, `--namespace=<name>`) is (part of) a word;
                    // otherwise a redirection.
                    if let close = characters[position...].firstIndex(of: ">"), close > position + 1,
                        !characters[(position + 1)..<close].contains(where: { $0 == " " || $0 == "<" })
                    {
                        if currentStart == nil { currentStart = (piece.line, column) }
                        current.append(contentsOf: characters[position...close])
                        position = close
                    } else {
                        flush()
                        tokens.append(.end)
                    }
                case ">":
                    flush()
                    tokens.append(.end)
                    break outer
                case "\\":
                    if currentStart == nil { currentStart = (piece.line, column) }
                    if position + 1 < characters.count {
                        current.append(characters[position + 1])
                        position += 1
                    }
                default:
                    if currentStart == nil { currentStart = (piece.line, column) }
                    current.append(character)
                }
                position += 1
            }
            if quote == nil { flush() } else { current.append(" ") }
        }
        flush()
        return tokens
    }

    /// The words of each command, split at the operators.
    static func commands(in tokens: [Token]) -> [[ShellWord]] {
        var result: [[ShellWord]] = [[]]
        for token in tokens {
            switch token {
            case .word(let word): result[result.count - 1].append(word)
            case .end: result.append([])
            }
        }
        return result.filter { !$0.isEmpty }
    }
}
