import CCmark

/// Code that lost its fences: notes pasted from blogs and terminals often hold commands, their
/// output, a Dockerfile or a short program as plain lines, which CommonMark reads as one
/// paragraph and reflows into prose (and which would then be linked like prose: `FROM
/// node:6.9.2` is not about the Node concept). This pass finds such lines in paragraphs and
/// makes them code blocks again, keeping the prose lines around them as paragraphs.
///
/// A line is code when it is, with nothing Korean in it unless after a prompt:
/// - a **command**: after a `$ ` prompt, or starting with a well-known command-line tool
///   (`kubectl`, `docker`, `helm`, `git` …) followed by something that is not an English word
///   like `is`;
/// - a **continuation**: any line after one that ends in `\`;
/// - **output**: a line after a command's lines (until a Korean line or an English sentence);
/// - a **Dockerfile instruction** (`FROM image[:tag]`, `RUN …`, `COPY …`) in a run of them that
///   has a `FROM` or at least two instructions;
/// - a **program line** (ends in `;`, `{` or `}`, starts with `}` or a keyword such as `var`,
///   `const`, `function`, `import`), or any line inside braces a program line opened, in a run
///   of at least two lines.
/// Lines of one kind next to each other make one block (commands with their output one
/// `console` block when any has a prompt, `shell` otherwise; `dockerfile`; `javascript` when
/// the program reads like it). A paragraph is left as it is when its inline markup spans a
/// line where prose and code meet.
struct PastedCode {
    let extensions: GFMExtensions

    /// Whether the source could hold pasted code at all: a cheap look at line starts before
    /// any paragraph is read.
    static func mayHold(_ source: String) -> Bool {
        var bytes = source.utf8[...]
        while !bytes.isEmpty {
            let end = bytes.firstIndex(of: 0x0A) ?? bytes.endIndex
            if mayStartCode(GFMExtensions.droppingBlanks(ArraySlice(bytes[..<end]), limit: .max)) { return true }
            bytes = end == bytes.endIndex ? bytes[end...] : bytes[bytes.index(after: end)...]
        }
        return false
    }

    func apply() {
        for paragraph in extensions.document.nodes(of: .paragraph) where paragraph.startLine > 0 {
            guard paragraph.parent?.kind != .customBlock, startsLikeCode(paragraph) else { continue }
            recover(paragraph)
        }
    }

    /// Whether any line of the paragraph may start code.
    func startsLikeCode(_ paragraph: MarkdownNode) -> Bool {
        (paragraph.startLine...max(paragraph.endLine, paragraph.startLine)).contains { number in
            Self.mayStartCode(GFMExtensions.droppingBlanks(extensions.line(number), limit: .max))
        }
    }

    /// The first words a code line can start with (`$ `, `}`, a tool, an instruction, a keyword).
    static let firstWords: Set<String> = tools.union(dockerInstructions).union(
        programOpeners.map { String($0.prefix { $0.isLetter || $0 == "#" || $0 == "." }) })

    static func mayStartCode(_ line: some Collection<UInt8>) -> Bool {
        guard let first = line.first else { return false }
        if first == UInt8(ascii: "$") || first == UInt8(ascii: "}") || first == UInt8(ascii: "]") { return true }
        let word = line.prefix {
            ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "#")
        }
        guard !word.isEmpty, word.count <= 12 else { return false }
        return firstWords.contains(String(decoding: word, as: UTF8.self))
    }

    enum Kind: Equatable {
        case prose, command, output, docker, program

        /// Which block a line belongs to: commands and their output share one.
        var block: Int {
            switch self {
            case .prose: 0
            case .command, .output: 1
            case .docker: 2
            case .program: 3
            }
        }
    }

    func recover(_ paragraph: MarkdownNode) {
        let column = max(paragraph.startColumn - 1, 0)
        let lines = extensions.paragraphLines(paragraph, keepingIndentation: true)
        guard !lines.isEmpty else { return }
        let kinds = Self.classify(lines.map(\.text))
        guard kinds.contains(where: { $0 != .prose }) else { return }

        // Runs of lines that make one block each.
        var runs: [(kind: Kind, range: Range<Int>)] = []
        for (index, kind) in kinds.enumerated() {
            if let last = runs.last, last.kind.block == kind.block {
                runs[runs.count - 1].range = last.range.lowerBound..<(index + 1)
            } else {
                runs.append((kind, index..<(index + 1)))
            }
        }

        // The paragraph's inlines by line; give up when one spans a line where prose meets code.
        var inlineLines: [[MarkdownNode]] = Array(repeating: [], count: lines.count)
        var line = 0
        for child in paragraph.children {
            if child.kind == .softBreak || child.kind == .lineBreak {
                line += 1
                continue
            }
            let spans = child.kind.isBlock ? 0 : Self.breaks(in: child)
            guard line < lines.count else { return }
            if spans > 0 {
                let last = min(line + spans, lines.count - 1)
                guard kinds[line...last].allSatisfy({ $0.block == kinds[line].block }) else { return }
            }
            inlineLines[line].append(child)
            line += spans
        }

        let owner = extensions.document.root.owner
        for run in runs {
            let first = lines[run.range.lowerBound]
            let last = lines[run.range.upperBound - 1]
            let node: MarkdownNode
            var dedent = 0
            if run.kind == .prose {
                node = MarkdownNode(cmark_node_new(CMARK_NODE_PARAGRAPH), owner: nil)
                for index in run.range {
                    if index > run.range.lowerBound { node.appendChild(MarkdownNode(cmark_node_new(CMARK_NODE_SOFTBREAK), owner: nil)) }
                    for child in inlineLines[index] {
                        child.unlink()
                        node.appendChild(child)
                    }
                }
            } else {
                node = MarkdownNode(cmark_node_new(CMARK_NODE_CODE_BLOCK), owner: nil)
                // Without the indentation all its lines share (lazy paragraph lines are often indented).
                let texts = run.range.map { lines[$0].text }
                dedent = texts.filter { !$0.isEmpty }.map { $0.prefix { $0 == 0x20 }.count }.min() ?? 0
                node.literal =
                    texts.map { String(decoding: $0.dropFirst(min(dedent, $0.count)), as: UTF8.self) }.joined(separator: "\n") + "\n"
                cmark_node_set_fence_info(node.pointer, Self.language(of: run.kind, lines: run.range.map { lines[$0].text }))
            }
            owner?.positions[node.pointer] = TreeOwner.Position(
                startLine: first.number, startColumn: column + dedent + 1, endLine: last.number)
            paragraph.insertBefore(node)
        }
        paragraph.remove()
    }

    /// Line breaks inside an inline node (emphasis or a link across lines).
    static func breaks(in node: MarkdownNode) -> Int {
        var count = 0
        for (inner, event) in MarkdownWalk(root: node) where event == .enter {
            if inner.kind == .softBreak || inner.kind == .lineBreak { count += 1 }
        }
        return count
    }

    // MARK: Reading lines

    /// What each line of a paragraph is (see the type's documentation).
    static func classify(_ lines: [ArraySlice<UInt8>]) -> [Kind] {
        let texts = lines.map { String(decoding: $0, as: UTF8.self) }
        var kinds = Array(repeating: Kind.prose, count: texts.count)
        var afterCommand = false
        var continues = false
        var depth = 0
        for (index, text) in texts.enumerated() {
            let trimmed = text.trimmingBlanks
            defer { continues = kinds[index] != .prose && trimmed.hasSuffix("\\") }
            if continues {
                kinds[index] = kinds[index - 1]
                continue
            }
            if trimmed.isEmpty { continue }
            if isCommand(trimmed) {
                kinds[index] = .command
                afterCommand = true
                depth = 0
                continue
            }
            if depth > 0, !hasHangul(trimmed) {
                kinds[index] = .program
                depth = max(depth + braceBalance(trimmed), 0)
                continue
            }
            if isDockerInstruction(trimmed) {
                kinds[index] = .docker
                afterCommand = false
                continue
            }
            if isProgramLine(trimmed) {
                kinds[index] = .program
                depth = max(braceBalance(trimmed), 0)
                afterCommand = false
                continue
            }
            if afterCommand, !hasHangul(trimmed), !isEnglishSentence(trimmed) {
                kinds[index] = .output
                continue
            }
            afterCommand = false
            depth = 0
        }
        // Runs that are too weak alone go back to prose: Dockerfile lines without `FROM` or a
        // second instruction, and single program lines.
        var index = 0
        while index < kinds.count {
            let kind = kinds[index]
            var end = index
            while end + 1 < kinds.count, kinds[end + 1] == kind { end += 1 }
            let run = index...end
            if kind == .docker {
                let hasFrom = run.contains { texts[$0].trimmingBlanks.hasPrefix("FROM ") }
                if !hasFrom && run.count < 2 { for position in run { kinds[position] = .prose } }
            } else if kind == .program, run.count < 2 {
                kinds[index] = .prose
            }
            index = end + 1
        }
        return kinds
    }

    /// Command-line tools whose commands notes paste.
    static let tools: Set<String> = [
        "kubectl", "k", "docker", "podman", "helm", "minikube", "kind", "kubeadm", "kubelet", "kubens", "kubectx", "k3s", "k3d",
        "gcloud", "az", "aws", "eksctl", "doctl", "terraform", "ansible", "vagrant", "istioctl", "linkerd", "argocd", "kustomize",
        "etcdctl", "crictl", "ctr", "curl", "wget", "git", "npm", "npx", "yarn", "pnpm", "pip", "pip3", "apt", "apt-get", "yum",
        "dnf", "brew", "sudo", "systemctl", "journalctl", "ssh", "scp", "openssl", "base64", "mvn", "gradle", "cargo",
        "chmod", "chown", "mkdir", "export", "echo", "cat", "ls", "cd", "rm", "cp", "mv", "tar", "unzip",
    ]

    /// Words that make `kubectl is …` English rather than a command.
    static let englishFollowers: Set<String> = [
        "is", "are", "was", "were", "can", "will", "lets", "allows", "provides", "has", "have", "uses", "command", "commands",
        "cli", "tool", "sure", "and", "or", "the", "a", "an", "of", "to", "in", "for", "with", "on", "that", "which", "does", "do",
    ]

    static func isCommand(_ line: String) -> Bool {
        var rest = Substring(line)
        var prompted = false
        if rest.hasPrefix("$ ") {
            rest = rest.dropFirst(2).drop { $0 == " " }
            prompted = true
        }
        let words = rest.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard let first = words.first.map(String.init) else { return false }
        if prompted {
            // `$ 100` or `$ x + y $` (money, math) are not prompts.
            guard first.first.map({ $0.isASCII && ($0.isLetter || $0 == "." || $0 == "/" || $0 == "~") }) == true else { return false }
            return tools.contains(first) || !rest.dropFirst().contains("$") || rest.contains("$(")
        }
        // A Korean comment after the command is fine (`kubectl get pods # 파드 목록`).
        let code = line.range(of: " #").map { line[..<$0.lowerBound] } ?? Substring(line)
        guard tools.contains(first), words.count >= 2, !hasHangul(code) else { return false }
        let second = String(words[1])
        if englishFollowers.contains(second.lowercased()) { return false }
        guard let lead = second.first, lead.isASCII else { return false }
        if lead.isUppercase, !second.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }) { return false }
        // A sentence that starts with a tool's name: several words and a full stop, no symbols.
        if isEnglishSentence(line), !line.contains(where: { "-/=:.$\"'<>|{}".contains($0) && $0 != "." }) { return false }
        return true
    }

    static let dockerInstructions: Set<String> = [
        "FROM", "RUN", "CMD", "COPY", "ADD", "EXPOSE", "ENV", "WORKDIR", "ENTRYPOINT", "LABEL", "USER", "VOLUME", "ARG",
        "HEALTHCHECK", "SHELL", "ONBUILD", "STOPSIGNAL", "MAINTAINER",
    ]

    static func isDockerInstruction(_ line: String) -> Bool {
        guard !hasHangul(line), let space = line.firstIndex(of: " ") else { return false }
        let instruction = String(line[..<space])
        guard dockerInstructions.contains(instruction) else { return false }
        let argument = line[line.index(after: space)...].trimmingBlanks
        guard !argument.isEmpty else { return false }
        if instruction == "FROM" {
            // `FROM image[:tag][@digest] [AS name]`, not `FROM users WHERE …`.
            let parts = argument.split(separator: " ")
            guard parts.count == 1 || (parts.count == 3 && parts[1].uppercased() == "AS") else { return false }
            return parts[0].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-/:@$".contains($0)) }
        }
        return true
    }

    static let programOpeners = [
        "var ", "let ", "const ", "function ", "function(", "import ", "export ", "return ", "if (", "for (", "while (",
        "class ", "def ", "public ", "private ", "package ", "#include", "func ", "console.log", "module.exports",
    ]

    static func isProgramLine(_ line: String) -> Bool {
        guard !hasHangul(line) else { return false }
        if line.hasPrefix("}") || line.hasPrefix("})") || line.hasPrefix("]") { return true }
        if programOpeners.contains(where: line.hasPrefix) {
            // `import`/`export`/`return` also start English sentences.
            return !isEnglishSentence(line) || line.hasSuffix(";") || line.hasSuffix("{")
        }
        guard line.contains(where: { "(=.".contains($0) }) else { return false }
        return line.hasSuffix(";") || line.hasSuffix("{") || line.hasSuffix("});") || line.hasSuffix(");")
    }

    /// Open braces and brackets less closed ones, outside quotes.
    static func braceBalance(_ line: String) -> Int {
        var balance = 0
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "'", "\"", "`": quote = character
            case "{", "[", "(": balance += 1
            case "}", "]", ")": balance -= 1
            default: break
            }
        }
        return balance
    }

    /// Four or more words of letters, starting with a capital and ending in a full stop or
    /// colon: prose, even after a command.
    static func isEnglishSentence(_ line: String) -> Bool {
        guard let first = line.first, first.isUppercase, let last = line.last, ".:?".contains(last) else { return false }
        let words = line.split(separator: " ")
        guard words.count >= 4 else { return false }
        let wordy = words.filter { $0.allSatisfy { $0.isLetter || ".,:?'".contains($0) } }.count
        return wordy * 4 >= words.count * 3
    }

    static func hasHangul(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) || (0x3131...0x318E).contains($0.value) }
    }

    static func language(of kind: Kind, lines: [ArraySlice<UInt8>]) -> String {
        switch kind {
        case .command, .output:
            return lines.contains { $0.starts(with: "$ ".utf8) } ? "console" : "shell"
        case .docker:
            return "dockerfile"
        case .program:
            let text = lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
            let javascript = ["require(", "=>", "function", "var ", "const ", "let ", "console.log", "module.exports"]
            if javascript.contains(where: text.contains) { return "javascript" }
            if text.contains("def ") || text.contains("import ") && !text.contains(";") { return "python" }
            if text.contains("func ") || text.contains("package main") { return "go" }
            if text.contains("public class") || text.contains("System.out") { return "java" }
            return ""
        case .prose:
            return ""
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing blanks.
    fileprivate var trimmingBlanks: String {
        let characters = self.drop { $0 == " " || $0 == "\t" }
        return String(characters.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
