import Commands
import GongbuCore
import Manifests
import Markdown

/// A problem of a command, as a diagnostic and as the message the check wrote.
public struct CommandFinding: Sendable, Hashable {
    public var diagnostic: Diagnostic
    public var message: Message
    /// In a code block (whose lines the page can mark), not in inline code.
    public var inCodeBlock: Bool
}

/// A shell code block with kubectl commands, as the commands pass read it.
public struct CommandBlock {
    public var node: MarkdownNode
    public var invocations: [KubectlInvocation]
    /// The file's line of the block's first line of code.
    public var firstLine: Int
}

/// What `CommandChecks.check` found in a note.
public struct CommandReport {
    public var findings: [CommandFinding] = []
    /// The shell code blocks with kubectl commands, in the note's order.
    public var blocks: [CommandBlock] = []
}

/// The kubectl commands of a note's shell code blocks, checked as diagnostics at the note's
/// lines and columns, for `gongbu build` (the `commands` pass) and `gongbu validate` alike.
public enum CommandChecks {
    static let checkers = Locked<[String: KubectlChecker]>([:])

    static func checker(for version: String?) -> KubectlChecker {
        let key = version ?? ""
        if let found = checkers.withLock({ $0[key] }) { return found }
        let made = KubectlChecker(version: version, resources: resources(today: version ?? APIHistory.shared.versions.last ?? ""))
        checkers.withLock { $0[key] = made }
        return made
    }

    /// The built-in kinds of the API history, each with whether `today` serves it.
    static func resources(today: String) -> KubectlResources {
        var kinds: [String: (served: Bool, last: String)] = [:]
        for (key, entry) in APIHistory.shared.apis {
            guard let kind = key.split(separator: "/").last.map(String.init) else { continue }
            let served = !ReleaseVersion.precedes(entry.last, today)
            let known = kinds[kind]
            let last = known.map { ReleaseVersion.precedes($0.last, entry.last) ? entry.last : $0.last } ?? entry.last
            kinds[kind] = ((known?.served ?? false) || served, last)
        }
        return KubectlResources(
            kinds: kinds.sorted { $0.key < $1.key }.map { ($0.key, $0.value.served, $0.value.served ? nil : $0.value.last) })
    }

    /// - Parameters:
    ///   - markdown: the text the document was parsed from (to find where each code starts).
    ///   - lineOffset: added to the document's lines to give the file's.
    ///   - kubernetesVersion: what "today" is (`kubernetes_version`); the newest kubectl known when nil.
    public static func diagnostics(
        in document: MarkdownDocument, markdown: String, file: String, lineOffset: Int, kubernetesVersion: String?
    ) -> [Diagnostic] {
        check(in: document, markdown: markdown, file: file, lineOffset: lineOffset, kubernetesVersion: kubernetesVersion)
            .findings.map(\.diagnostic)
    }

    /// The same problems with their messages as the checks wrote them (for the page, in the
    /// site's language), each marked when it is in a code block, which the page can point to;
    /// and the code blocks with their commands, in the note's order, for what the page shows
    /// of them (`DeclarativeExamples`, the lines `AgedNotice` marks).
    public static func check(
        in document: MarkdownDocument, markdown: String, file: String, lineOffset: Int, kubernetesVersion: String?
    ) -> CommandReport {
        // Most notes name no kubectl and no apiVersion at all: no walk over their trees.
        guard ByteSearch.contains(markdown, "kubectl") || ByteSearch.contains(markdown, "apiVersion:") else { return CommandReport() }
        let checker = checker(for: kubernetesVersion)
        var diagnostics: [CommandFinding] = []
        var blocks: [CommandBlock] = []
        var sourceLines: [Substring]?
        func lines() -> [Substring] {
            if sourceLines == nil { sourceLines = markdown.lines() }
            return sourceLines!
        }
        /// An issue of a command whose word lines are counted from `line` (the file's) and
        /// whose columns are shifted by `column`.
        func report(_ issue: CommandIssue, line: Int, column: Int, inCodeBlock: Bool) {
            diagnostics.append(
                CommandFinding(
                    diagnostic: Diagnostic(
                        issue.severity == .error ? .error : .warning, issue.message.description,
                        at: SourceLocation(file: file, line: line + issue.word.line, column: column + issue.word.column), rule: issue.rule),
                    message: issue.message, inCodeBlock: inCodeBlock))
        }
        var story = CommandStory()
        var searchFrom: (line: Int, column: Int) = (0, 0)
        for (node, event) in document.walk() where event == .enter {
            if node.kind.isBlock, node.startLine > 0 { searchFrom = (node.startLine - 1, 0) }
            if node.kind == .code, let literal = node.literal, !literal.hasPrefix("kubectl "), literal.contains("/"),
                let problem = oldAPIInProse(literal, version: kubernetesVersion)
            {
                // `apiVersion: extensions/v1beta1` or `deployment.extensions/web` in running text.
                guard let (line, column) = locate(literal, in: lines(), from: searchFrom) else { continue }
                searchFrom = (line, column + literal.count)
                diagnostics.append(
                    CommandFinding(
                        diagnostic: .warning(
                            problem.message.description,
                            at: SourceLocation(file: file, line: line + 1 + lineOffset, column: column + 1), rule: problem.rule),
                        message: problem.message, inCodeBlock: false))
                continue
            }
            if node.kind == .code, let literal = node.literal, literal.hasPrefix("kubectl ") {
                // A command in running text: checked word by word, not for completeness.
                guard let (line, column) = locate(literal, in: lines(), from: searchFrom) else { continue }
                searchFrom = (line, column + literal.count)
                for invocation in ShellCommands.kubectlInvocations(in: literal, language: "") {
                    for issue in checker.check(invocation, whole: false) {
                        report(issue, line: line + 1 + lineOffset, column: column, inCodeBlock: false)
                    }
                }
                continue
            }
            guard node.kind == .codeBlock else { continue }
            let language = node.fenceInfo.split(separator: " ").first.map { $0.lowercased() } ?? ""
            guard ShellCommands.shellLanguages.contains(language), let code = node.literal, ByteSearch.contains(code, "kubectl") else {
                continue
            }
            let invocations = ShellCommands.kubectlInvocations(in: code, language: language)
            guard !invocations.isEmpty else { continue }
            let firstLine = firstCodeLine(of: node, in: lines())
            blocks.append(CommandBlock(node: node, invocations: invocations, firstLine: firstLine + lineOffset))
            let indent = max(node.startColumn - 1, 0)
            diagnostics += outputFromOldAPIs(
                code, file: file, firstLine: firstLine + lineOffset, indent: indent, version: kubernetesVersion)
            for invocation in invocations {
                var issues = checker.check(invocation)
                if let issue = story.read(invocation, model: checker.model) { issues.append(issue) }
                for issue in issues { report(issue, line: firstLine + lineOffset, column: indent, inCodeBlock: true) }
            }
        }
        // In the order of the note, as a reader goes through it.
        let findings = diagnostics.enumerated().sorted { a, b in
            let x = (a.element.diagnostic.location?.line ?? 0, a.element.diagnostic.location?.column ?? 0, a.offset)
            let y = (b.element.diagnostic.location?.line ?? 0, b.element.diagnostic.location?.column ?? 0, b.offset)
            return x < y
        }.map(\.element)
        return CommandReport(findings: findings, blocks: blocks)
    }

    /// The line (1-based, of the parsed text) of a code block's first line of code: after its
    /// opening fence, or the block's own first line when it is indented or was pasted without fences.
    static func firstCodeLine(of node: MarkdownNode, in lines: [Substring]) -> Int {
        let fenceLine = node.startLine - 1
        var fenced = false
        if lines.indices.contains(fenceLine) {
            let opening = lines[fenceLine].drop { $0 == " " || $0 == ">" || $0 == "\t" }
            fenced = opening.hasPrefix("```") || opening.hasPrefix("~~~")
        }
        return node.startLine + (fenced ? 1 : 0)
    }

    /// Where an inline code span's text is in the source, from a position on: its line and
    /// the column (0-based, in characters) just before its first character.
    static func locate(_ literal: String, in lines: [Substring], from start: (line: Int, column: Int)) -> (Int, Int)? {
        var line = start.line
        var skip = start.column
        while line < lines.count, line < start.line + 50 {
            let text = lines[line]
            let tail = text.dropFirst(min(skip, text.count))
            if let range = tail.range(of: literal) {
                return (line, text.distance(from: text.startIndex, to: range.lowerBound))
            }
            line += 1
            skip = 0
        }
        return nil
    }

    /// An API version today's Kubernetes does not serve, named in inline code in running text:
    /// a manifest's line (`apiVersion: extensions/v1beta1`) or kubectl's name of an object
    /// (`deployment.extensions/web`). A bare `extensions/v1beta1` is left alone: prose that
    /// names an old version is usually telling its history.
    static func oldAPIInProse(_ literal: String, version: String?) -> (rule: String, message: Message)? {
        let history = APIHistory.shared
        let today = version ?? history.versions.last ?? ""
        let text = literal.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("apiVersion:") {
            let groupVersion = text.dropFirst("apiVersion:".count).trimmingCharacters(in: .whitespaces)
            guard groupVersion.contains("/"), !groupVersion.contains(" ") else { return nil }
            let entries = history.apis.filter { $0.key.hasPrefix(groupVersion + "/") }
            guard !entries.isEmpty, !entries.values.contains(where: { !ReleaseVersion.precedes($0.last, today) }) else { return nil }
            return ("api-version", "apiVersion '\(groupVersion)' is not served by Kubernetes \(today)")
        }
        guard !text.contains(" "), let stale = staleName(text[...], today: today) else { return nil }
        return (
            "kubectl-output",
            "'\(stale.resource).\(stale.group)/\(stale.name)' is from an older Kubernetes: \(stale.kind) in the '\(stale.group)' group was last served in \(stale.last); today it is '\(stale.now)'"
        )
    }

    /// kubectl's name of an object, `resource.group/name`, in a group that no longer serves
    /// the resource: the kind, when it was last served, and the name as kubectl gives it today.
    struct StaleName {
        var resource: String
        var group: String
        var name: String
        var kind: String
        var last: String
        var now: String
    }

    /// `text` starts with kubectl's name of an object (what follows the name is not read).
    static func staleName(_ text: Substring, today: String) -> StaleName? {
        guard let slash = text.firstIndex(of: "/"), let dot = text[..<slash].firstIndex(of: ".") else { return nil }
        let resource = String(text[..<dot])
        let group = String(text[text.index(after: dot)..<slash])
        guard !resource.isEmpty, resource.allSatisfy({ $0.isLowercase && $0.isLetter }), !group.isEmpty,
            group.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "." })
        else { return nil }
        // The kinds this group ever had under this resource name, and whether one is still served.
        let entries = APIHistory.shared.apis.filter { key, _ in
            let parts = key.split(separator: "/")
            guard parts.count == 3 else { return false }
            return parts[0] == group && parts[2].lowercased() == resource
        }
        guard !entries.isEmpty, !entries.values.contains(where: { !ReleaseVersion.precedes($0.last, today) }),
            let last = entries.values.map(\.last).max(by: ReleaseVersion.precedes),
            let kind = entries.keys.first.map({ String($0.split(separator: "/")[2]) })
        else { return nil }
        let served = KubernetesSchema.shared.apiVersions(serving: kind, in: today)
        let todayGroup = served.first.map { $0.contains("/") ? String($0.split(separator: "/")[0]) : "" } ?? ""
        let name = text[text.index(after: slash)...].split(separator: " ").first.map(String.init) ?? ""
        let now = todayGroup.isEmpty ? "\(resource)/\(name)" : "\(resource).\(todayGroup)/\(name)"
        return StaleName(resource: resource, group: group, name: name, kind: kind, last: last, now: now)
    }

    /// kubectl's output names each object as `resource.group/name` (`deployment.apps/web
    /// created`). Output pasted from an older cluster can name a group that no longer serves
    /// the resource (`deployment.extensions/hello-node created`): that is a warning at the
    /// line, with when it went and what the output reads today.
    static func outputFromOldAPIs(_ code: String, file: String, firstLine: Int, indent: Int, version: String?) -> [CommandFinding] {
        guard code.contains(".") else { return [] }
        let today = version ?? APIHistory.shared.versions.last ?? ""
        var diagnostics: [CommandFinding] = []
        for (number, line) in code.lines().enumerated() {
            let text = line.drop { $0 == " " || $0 == "\t" }
            guard let slash = text.firstIndex(of: "/"),
                let verb = text[slash...].split(separator: " ").dropFirst().first,
                [
                    "created", "configured", "unchanged", "deleted", "scaled", "exposed", "patched", "labeled", "annotated", "restarted",
                    "edited",
                ].contains(String(verb)),
                let stale = staleName(text, today: today)
            else { continue }
            let column = indent + (line.count - text.count) + 1
            let message: Message =
                "this output is from an older Kubernetes: \(stale.kind) in the '\(stale.group)' group was last served in \(stale.last); today it reads '\(stale.now) \(verb)'"
            diagnostics.append(
                CommandFinding(
                    diagnostic: .warning(
                        message.description, at: SourceLocation(file: file, line: firstLine + number, column: column),
                        rule: "kubectl-output"),
                    message: message, inCodeBlock: true))
        }
        return diagnostics
    }
}
