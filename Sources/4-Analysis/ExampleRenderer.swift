import Foundation
import GongbuCore
import Highlight
import Manifests
import Markdown

/// A manifest example, downloadable from its page: the download link carries the example's
/// text itself (a `data:` URL), so it saves that example alone under its own name with or
/// without the theme's script, and a site of 10,000 notes has no 10,000 YAML files to write.
public struct ExampleFile: Sendable, Hashable {
    /// The example's own file name: `<n>-<kind>-<name>.yaml`.
    public var name: String
    public var text: String

    /// The download link's address: the text as UTF-8, base64-encoded (a third larger than
    /// the text; percent-encoding YAML's spaces, colons and line breaks would double it).
    public var dataURL: String {
        "data:application/yaml;charset=utf-8;base64," + Data(text.utf8).base64EncodedString()
    }
}

/// Renders a manifest example for a page: a status badge, the code with each diagnostic right
/// under its line, a copy button, the download link with its `kubectl apply -f` line, and a
/// diagram of the objects it defines.
public struct ExampleRenderer: Sendable {
    public var ui: UIStrings

    public init(ui: UIStrings) {
        self.ui = ui
    }

    /// A fenced or indented code block as the site shows it: highlighted by its language, one
    /// `<span class="line">` per line (console output lines marked `output`, which copying
    /// leaves out), with a copy button the theme's script reveals.
    ///
    /// Lines in `marked` (the note's lines, the code's first being `firstLine`) get the id the
    /// page's `AgedNotice` links to.
    public func codeBlockHTML(_ block: MarkdownNode, id: String, firstLine: Int = 0, marked: Set<Int> = []) -> String {
        let info = block.fenceInfo.trimmingCharacters(in: .whitespaces)
        let language = String(info.prefix { !$0.isWhitespace && $0 != "{" })
        var code = block.literal ?? ""
        if code.hasSuffix("\n") { code.removeLast() }
        let lines = Highlighter.lines(code, language: language)
        let classAttribute = language.isEmpty ? "" : " class=\"language-\(Escape.html(language))\""
        var html = "<div class=\"code-block\">"
        html +=
            "<button type=\"button\" class=\"copy-button\" data-copy-target=\"\(id)\" data-copied=\"\(Escape.html(ui["copied"]))\" hidden>\(Escape.html(ui["copy"]))</button>"
        html += "<pre><code id=\"\(id)\"\(classAttribute)>"
        for (offset, line) in lines.enumerated() {
            let output = line.hasPrefix("<span class=\"tok-output\">")
            let aged = marked.contains(firstLine + offset) ? " aged\" id=\"\(AgedNotice.anchor(line: firstLine + offset))" : ""
            // Only lines that carry something are wrapped in a span; an output line
            // holds its newline, so that copying can leave it out whole.
            if output {
                html += "<span class=\"line output\(aged)\">" + line + "\n</span>"
            } else if !aged.isEmpty {
                html += "<span class=\"line\(aged)\">" + line + "</span>\n"
            } else {
                html += line + "\n"
            }
        }
        return html + "</code></pre></div>\n"
    }

    /// `1-pod-web.yaml`: the example's number in the note, and its first object's kind and name.
    public static func fileName(number: Int, result: SourceResult) -> String {
        let first = result.documents.first { $0.kind != nil }
        var parts = ["\(number)"]
        if let kind = first?.kind { parts.append(kind.lowercased()) }
        if let name = first?.name {
            let slug = Slug.make(name)
            if !slug.isEmpty { parts.append(slug) }
        }
        return parts.joined(separator: "-") + ".yaml"
    }

    public func render(_ result: SourceResult, number: Int) -> (html: String, file: ExampleFile) {
        let fileName = Self.fileName(number: number, result: result)
        let file = ExampleFile(name: fileName, text: result.source.text)
        let statuses = Set(result.documents.map(\.status))
        let mode = result.source.mode
        let (statusClass, badge): (String, String)
        if mode == .noValidate {
            (statusClass, badge) = ("unchecked", ui["exampleUnchecked"])
        } else if statuses.contains(.invalid) {
            (statusClass, badge) = ("invalid", ui["exampleInvalid"])
        } else if mode == .expectError {
            (statusClass, badge) = ("expected-error", ui["exampleExpectedError"])
        } else if statuses == [.skipped] {
            (statusClass, badge) = ("unchecked", ui["exampleUnchecked"])
        } else {
            (statusClass, badge) = ("valid", ui["exampleValid"])
        }
        let id = "example-\(number)"
        let objects = result.documents.compactMap { document -> String? in
            guard let kind = document.kind else { return nil }
            return document.name.map { "\(kind)/\($0)" } ?? kind
        }

        var html = "<figure class=\"example example-\(statusClass)\" id=\"\(id)\">\n"
        html += "<figcaption class=\"example-header\"><span class=\"badge badge-\(statusClass)\">\(Escape.html(badge))</span>"
        if !objects.isEmpty { html += " <span class=\"example-objects\">\(Escape.html(objects.joined(separator: ", ")))</span>" }
        html +=
            "<span class=\"example-actions\"><button type=\"button\" class=\"copy-button\" data-copy-target=\"\(id)-code\" data-copied=\"\(Escape.html(ui["copied"]))\" hidden>\(Escape.html(ui["copy"]))</button>"
        html +=
            " <a class=\"download\" href=\"\(file.dataURL)\" download=\"\(Escape.html(fileName))\" data-example=\"\(id)-code\" data-file-name=\"\(Escape.html(fileName))\">\(Escape.html(ui["downloadYAML"]))</a></span></figcaption>\n"
        if mode == .expectError && statusClass == "expected-error" {
            html += "<p class=\"example-note\">\(Escape.html(ui["exampleExpectedErrorNote"]))</p>\n"
        }

        // The code, line by line, with the diagnostics of each line right below it.
        var byLine: [Int: [LocatedIssue]] = [:]
        var general: [LocatedIssue] = []
        let firstLine = result.source.firstLine
        var lines = result.source.text.lines()
        if lines.last == "" { lines.removeLast() }
        for document in result.documents {
            for issue in document.issues {
                let offset = issue.line - firstLine
                if offset >= 0 && offset < lines.count { byLine[offset, default: []].append(issue) } else { general.append(issue) }
            }
        }
        html += "<pre class=\"example-code\"><code id=\"\(id)-code\" class=\"language-yaml\">"
        let highlighted = Highlighter.lines(lines.joined(separator: "\n"), language: "yaml")
        for (offset, line) in highlighted.enumerated() {
            let issues = byLine[offset] ?? []
            let aged =
                issues.contains { AgedNotice.rules.contains($0.rule) }
                ? " aged\" id=\"\(AgedNotice.anchor(line: firstLine + offset))" : ""
            if issues.isEmpty && aged.isEmpty {
                html += line + "\n"
            } else {
                html += "<span class=\"line\(issues.isEmpty ? "" : " has-issue")\(aged)\">" + line + "</span>\n"
            }
            for issue in issues {
                // Under the line: a caret at the column, then the message (the field path is in
                // the tooltip; the line itself shows where).
                let marker = String(repeating: " ", count: max(issue.column - result.source.columnOffset - 1, 0)) + "^ "
                html +=
                    "<span class=\"line-issue \(issue.severity.rawValue)\" data-rule=\"\(Escape.html(issue.rule))\" title=\"\(Escape.html(issue.path))\">"
                html += "<span class=\"visually-hidden\">\(Escape.html(issue.severity == .error ? ui["error"] : ui["warning"])): </span>"
                html += Escape.html(marker + ui.message(issue.localizable)) + " [" + Escape.html(issue.rule) + "]</span>"
            }
        }
        html += "</code></pre>\n"
        if !general.isEmpty {
            html += "<ul class=\"example-issues\">"
            for issue in general {
                let text = ui.message(issue.localizable)
                html +=
                    "<li class=\"\(issue.severity.rawValue)\">\(Escape.html(issue.path.isEmpty ? text : "\(issue.path): \(text)")) [\(Escape.html(issue.rule))]</li>"
            }
            html += "</ul>\n"
        }
        // How to run it.
        html += "<p class=\"example-apply\"><code>kubectl apply -f \(Escape.html(fileName))</code></p>\n"
        if let diagram = ExampleDiagram.svg(result.objects, ui: ui, title: ui["exampleDiagram"]) {
            html += "<div class=\"example-diagram-wrap\">\(diagram)</div>\n"
        }
        html += "</figure>"
        return (html, file)
    }
}
