import Commands
import GongbuCore
import Markdown

/// The kubectl commands of a note's shell code blocks, checked as diagnostics at the note's
/// lines and columns, for `gongbu build` (the `commands` pass) and `gongbu validate` alike.
public enum CommandChecks {
    static let checkers = Locked<[String: KubectlChecker]>([:])

    static func checker(for version: String?) -> KubectlChecker {
        let key = version ?? ""
        if let found = checkers.withLock({ $0[key] }) { return found }
        let made = KubectlChecker(version: version)
        checkers.withLock { $0[key] = made }
        return made
    }

    /// - Parameters:
    ///   - markdown: the text the document was parsed from (to find where each code starts).
    ///   - lineOffset: added to the document's lines to give the file's.
    ///   - kubernetesVersion: what "today" is (`kubernetes_version`); the newest kubectl known when nil.
    public static func diagnostics(
        in document: MarkdownDocument, markdown: String, file: String, lineOffset: Int, kubernetesVersion: String?
    ) -> [Diagnostic] {
        // Most notes name no kubectl at all: no walk over their trees.
        guard markdown.contains("kubectl") else { return [] }
        let checker = checker(for: kubernetesVersion)
        var diagnostics: [Diagnostic] = []
        var sourceLines: [Substring]?
        var story = CommandStory()
        for (node, event) in document.walk() where event == .enter && node.kind == .codeBlock {
            let language = node.fenceInfo.split(separator: " ").first.map { $0.lowercased() } ?? ""
            guard ShellCommands.shellLanguages.contains(language), let code = node.literal, code.contains("kubectl") else { continue }
            let invocations = ShellCommands.kubectlInvocations(in: code, language: language)
            guard !invocations.isEmpty else { continue }
            // The code's first line: after the opening fence, or the block's own first line.
            if sourceLines == nil { sourceLines = markdown.split(separator: "\n", omittingEmptySubsequences: false) }
            let fenceLine = node.startLine - 1
            var fenced = false
            if let lines = sourceLines, lines.indices.contains(fenceLine) {
                let opening = lines[fenceLine].drop { $0 == " " || $0 == ">" || $0 == "\t" }
                fenced = opening.hasPrefix("```") || opening.hasPrefix("~~~")
            }
            let firstLine = node.startLine + (fenced ? 1 : 0)
            let indent = max(node.startColumn - 1, 0)
            for invocation in invocations {
                var issues = checker.check(invocation)
                if let issue = story.read(invocation, model: checker.model) { issues.append(issue) }
                for issue in issues {
                    diagnostics.append(
                        Diagnostic(
                            issue.severity == .error ? .error : .warning, issue.message.description,
                            at: SourceLocation(
                                file: file, line: firstLine + issue.word.line + lineOffset, column: issue.word.column + indent),
                            rule: issue.rule))
                }
            }
        }
        // In the order of the note, as a reader goes through it.
        return diagnostics.enumerated().sorted { a, b in
            let x = (a.element.location?.line ?? 0, a.element.location?.column ?? 0, a.offset)
            let y = (b.element.location?.line ?? 0, b.element.location?.column ?? 0, b.offset)
            return x < y
        }.map(\.element)
    }
}
