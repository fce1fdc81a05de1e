import Foundation
import GongbuCore

/// The results of a validation run and their output formats (text, JSON, TAP, JUnit XML).
public struct ValidationReport: Sendable {
    public var results: [SourceResult]
    /// Problems that are not about a manifest (unreadable files, a bad front matter).
    public var problems: [Diagnostic]

    public init(results: [SourceResult], problems: [Diagnostic] = []) {
        self.results = results
        self.problems = problems
    }

    public var documents: [(source: SourceResult, document: DocumentResult)] {
        results.flatMap { source in source.documents.map { (source, $0) } }
    }

    public struct Summary: Sendable, Hashable {
        public var documents = 0
        public var valid = 0
        public var invalid = 0
        public var expectedInvalid = 0
        public var skipped = 0
        public var warnings = 0
    }

    public var summary: Summary {
        var summary = Summary()
        for (_, document) in documents {
            summary.documents += 1
            switch document.status {
            case .valid: summary.valid += 1
            case .invalid: summary.invalid += 1
            case .expectedInvalid: summary.expectedInvalid += 1
            case .skipped: summary.skipped += 1
            }
            if document.status != .expectedInvalid {
                summary.warnings += document.issues.filter { $0.severity == .warning }.count
            }
        }
        return summary
    }

    /// Everything as expected: no invalid document, no expect-error example that validates.
    public var succeeded: Bool { summary.invalid == 0 && !problems.hasErrors }

    /// Diagnostics for the build and for text output. Errors of expect-error examples are the
    /// intended lesson, so they are not reported (the site shows them).
    public var diagnostics: [Diagnostic] {
        var result = problems
        for (source, document) in documents where document.status != .expectedInvalid {
            for issue in document.issues {
                result.append(
                    Diagnostic(
                        issue.severity, issue.text, at: SourceLocation(file: source.source.file, line: issue.line, column: issue.column),
                        rule: issue.rule))
            }
        }
        return result
    }

    // MARK: Formats

    public func text(quiet: Bool) -> String {
        let summary = self.summary
        var line = "\(summary.documents) document\(summary.documents == 1 ? "" : "s"): \(summary.valid) valid, \(summary.invalid) invalid"
        if summary.expectedInvalid > 0 { line += ", \(summary.expectedInvalid) invalid as expected" }
        if summary.skipped > 0 { line += ", \(summary.skipped) skipped" }
        if summary.warnings > 0 { line += ", \(summary.warnings) warning\(summary.warnings == 1 ? "" : "s")" }
        return line
    }

    /// `gongbu validate --output json`.
    public func json() -> String {
        JSONText.encode(JSONReport(self)) + "\n"
    }

    /// The JSON form: `{"summary":{…},"results":[{…,"errors":[…]}],"problems":[…]}`.
    struct JSONReport: Encodable {
        struct Summary: Encodable {
            var documents, valid, invalid, expectedInvalid, skipped: Int
        }
        struct Issue: Encodable {
            var line, column: Int
            var path, rule, severity, message: String
        }
        struct Result: Encodable {
            var file: String
            var line, document: Int
            @JSONNullable var apiVersion: String?
            @JSONNullable var kind: String?
            @JSONNullable var name: String?
            var status: String
            var reason: String?
            var errors: [Issue]
        }
        var summary: Summary
        var results: [Result]
        var problems: [String]?

        init(_ report: ValidationReport) {
            let summary = report.summary
            self.summary = Summary(
                documents: summary.documents, valid: summary.valid, invalid: summary.invalid,
                expectedInvalid: summary.expectedInvalid, skipped: summary.skipped)
            results = report.documents.map { source, document in
                Result(
                    file: source.source.file, line: document.line, document: document.document, apiVersion: document.apiVersion,
                    kind: document.kind, name: document.name, status: document.status.rawValue, reason: document.skipReason,
                    errors: document.issues.map {
                        Issue(
                            line: $0.line, column: $0.column, path: $0.path, rule: $0.rule, severity: $0.severity.rawValue,
                            message: $0.message)
                    })
            }
            problems = report.problems.isEmpty ? nil : report.problems.map(\.description)
        }
    }

    static func documentLabel(_ source: SourceResult, _ document: DocumentResult) -> String {
        var label = "\(source.source.file):\(document.line)"
        if let kind = document.kind { label += " \(kind)" }
        if let name = document.name { label += " \(name)" }
        return label
    }

    /// Test Anything Protocol, version 13.
    public func tap() -> String {
        let all = documents
        let failed = problems.filter { $0.severity == .error }
        var out = "TAP version 13\n1..\(all.count + failed.count)\n"
        for (number, (source, document)) in all.enumerated() {
            let label = Self.documentLabel(source, document).replacingOccurrences(of: "#", with: "\\#")
            switch document.status {
            case .valid, .expectedInvalid:
                out += "ok \(number + 1) - \(label)\(document.status == .expectedInvalid ? " (invalid as expected)" : "")\n"
            case .skipped:
                out += "ok \(number + 1) - \(label) # SKIP \(document.skipReason ?? "")\n"
            case .invalid:
                out += "not ok \(number + 1) - \(label)\n  ---\n  errors:\n"
                for issue in document.issues where issue.severity == .error {
                    out +=
                        "    - \"\(issue.line):\(issue.column): \(issue.text.replacingOccurrences(of: "\"", with: "\\\"")) [\(issue.rule)]\"\n"
                }
                out += "  ...\n"
            }
        }
        // Problems outside the manifests (a note's kubectl commands, an unreadable file).
        for (offset, problem) in failed.enumerated() {
            let label = "\(problem.location?.description ?? "") [\(problem.rule ?? "error")]".replacingOccurrences(of: "#", with: "\\#")
            out +=
                "not ok \(all.count + offset + 1) - \(label)\n  ---\n  message: \"\(problem.message.replacingOccurrences(of: "\"", with: "\\\""))\"\n  ...\n"
        }
        return out
    }

    /// JUnit XML: one test suite per file, one test case per document.
    public func junit() -> String {
        var byFile: [(String, [(SourceResult, DocumentResult)])] = []
        for (source, document) in documents {
            if let index = byFile.firstIndex(where: { $0.0 == source.source.file }) {
                byFile[index].1.append((source, document))
            } else {
                byFile.append((source.source.file, [(source, document)]))
            }
        }
        let summary = self.summary
        let failed = problems.filter { $0.severity == .error }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<testsuites name=\"gongbu validate\" tests=\"\(summary.documents + failed.count)\" failures=\"\(summary.invalid + failed.count)\" skipped=\"\(summary.skipped)\">\n"
        for (file, cases) in byFile {
            let failures = cases.filter { $0.1.status == .invalid }.count
            let skipped = cases.filter { $0.1.status == .skipped }.count
            out += "  <testsuite name=\"\(Escape.xml(file))\" tests=\"\(cases.count)\" failures=\"\(failures)\" skipped=\"\(skipped)\">\n"
            for (source, document) in cases {
                let name =
                    "document \(document.document) at line \(document.line)" + (document.kind.map { " \($0)" } ?? "")
                    + (document.name.map { " \($0)" } ?? "")
                out += "    <testcase classname=\"\(Escape.xml(source.source.file))\" name=\"\(Escape.xml(name))\""
                switch document.status {
                case .valid, .expectedInvalid:
                    out += "/>\n"
                case .skipped:
                    out += "><skipped message=\"\(Escape.xml(document.skipReason ?? ""))\"/></testcase>\n"
                case .invalid:
                    let errors = document.issues.filter { $0.severity == .error }
                    let body = errors.map { "\(file):\($0.line):\($0.column): \($0.text) [\($0.rule)]" }.joined(separator: "\n")
                    out += "><failure message=\"\(Escape.xml(errors.first?.text ?? "invalid"))\">\(Escape.xml(body))</failure></testcase>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        // Problems outside the manifests (a note's kubectl commands, an unreadable file): one
        // failing case each, in a suite of their own.
        if !failed.isEmpty {
            out += "  <testsuite name=\"other checks\" tests=\"\(failed.count)\" failures=\"\(failed.count)\" skipped=\"0\">\n"
            for problem in failed {
                let file = problem.location?.file ?? ""
                let name = "\(problem.location?.description ?? file) [\(problem.rule ?? "error")]"
                out += "    <testcase classname=\"\(Escape.xml(file))\" name=\"\(Escape.xml(name))\">"
                out += "<failure message=\"\(Escape.xml(problem.message))\">\(Escape.xml(problem.description))</failure></testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }
}
