import Commands
import GongbuCore
import Highlight
import Manifests
import Markdown

/// The manifest each generator command of a note's code blocks makes today (`kubectl run`,
/// `create deployment|service|configmap|secret|job|cronjob|namespace`, `expose`), shown under
/// the block as kubectl's `--dry-run=client -o yaml` would print it, and checked by the
/// embedded validator like any example.
///
/// The note's commands are one story: `expose deployment web` sees what an earlier `create
/// deployment web` made. A command gongbu cannot turn into YAML exactly gets nothing.
public enum DeclarativeExamples {
    public struct Shown: Sendable {
        public var command: String
        public var equivalent: DeclarativeEquivalent
        /// Problems the validator finds in it (none for what kubectl itself would make, normally).
        public var problems: [LocatedIssue]
    }

    /// Each code block's equivalents, in the order of its commands; `blocks` are the note's
    /// shell blocks with their commands, in order (`CommandChecks.check`).
    public static func find(in blocks: [CommandBlock], options: ValidationOptions) -> [MarkdownNode: [Shown]] {
        var known: KubectlGenerators.Known = [:]
        var result: [MarkdownNode: [Shown]] = [:]
        for block in blocks {
            for invocation in block.invocations {
                // Only generator commands make objects: skip the others before reading their flags.
                guard invocation.words.contains(where: { ["run", "create", "expose"].contains($0.text) }),
                    let made = KubectlGenerators.equivalent(of: invocation, known: known)
                else { continue }
                known["\(made.kind.lowercased())/\(made.name)"] = made.object
                let checked = ManifestValidator.validate([ManifestSource(file: "", text: made.yaml)], options: options)
                let problems = checked.flatMap { $0.documents.flatMap(\.issues) }.filter { $0.severity == .error }
                let words = ["kubectl"] + invocation.words.map(\.text)
                result[block.node, default: []].append(Shown(command: words.joined(separator: " "), equivalent: made, problems: problems))
            }
        }
        return result
    }

    /// The collapsed block under a code block.
    public static func html(_ shown: [Shown], ui: UIStrings) -> String {
        var html = ""
        for item in shown {
            let status = item.problems.isEmpty ? ui["declarativeValid"] : ui["declarativeInvalid"]
            html += "<details class=\"declarative\"><summary>\(Escape.html(ui["declarativeSummary"])) "
            html += "<code>\(Escape.html(item.equivalent.kind))/\(Escape.html(item.equivalent.name))</code>"
            html += " <span class=\"badge badge-\(item.problems.isEmpty ? "valid" : "invalid")\">\(Escape.html(status))</span></summary>\n"
            html += "<p class=\"declarative-note\">\(Escape.html(ui["declarativeNote"]))</p>\n"
            html += "<pre><code class=\"language-yaml\">"
            var yaml = item.equivalent.yaml
            if yaml.hasSuffix("\n") { yaml.removeLast() }
            for line in Highlighter.lines(yaml, language: "yaml") { html += line + "\n" }
            html += "</code></pre>\n"
            if !item.problems.isEmpty {
                html += "<ul class=\"example-issues\">"
                for problem in item.problems {
                    html += "<li class=\"error\">\(Escape.html(ui.message(problem.localizable))) [\(Escape.html(problem.rule))]</li>"
                }
                html += "</ul>\n"
            }
            html += "</details>\n"
        }
        return html
    }
}
