import Content
import GongbuCore
import Manifests

/// What a note says that today's Kubernetes does differently, shown in a box at the top of its
/// page: when the note was written and which Kubernetes was current then (from its date), and
/// each difference with a link to its line, which the page marks where it stands.
///
/// A difference is a finding of these rules: a removed or deprecated kubectl command, flag or
/// resource type (`kubectl-removed`, `kubectl-deprecated`), `kubectl run` making a Pod
/// (`kubectl-run-pod`), output of an older cluster (`kubectl-output`), and an example's
/// apiVersion that today's Kubernetes does not serve (`api-version`).
public struct AgedNotice: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        /// The note's line (1-based).
        public var line: Int
        public var rule: String
        public var message: Message
        /// Whether the page marks the line (code blocks and examples); the item then links to it.
        public var marked: Bool
    }

    public static let rules: Set<String> = ["kubectl-removed", "kubectl-deprecated", "kubectl-run-pod", "kubectl-output", "api-version"]

    public var items: [Item]

    /// The id of a marked line's element.
    public static func anchor(line: Int) -> String { "aged-L\(line)" }

    /// The lines the page marks.
    public var markedLines: Set<Int> { Set(items.filter(\.marked).map(\.line)) }

    /// The box, in the site's language; nil when nothing has changed.
    public func html(written date: NoteDate?, today: String, ui: UIStrings) -> String? {
        guard !items.isEmpty else { return nil }
        var intro: String
        if let date {
            let day = date.isoDay
            let then = KubernetesReleases.current(on: day)
            intro = ui["aged.written"].replacingOccurrences(of: "{date}", with: ui.formatDate(date))
            if let then, then != today {
                intro += " " + ui["aged.then"].replacingOccurrences(of: "{then}", with: then)
            }
        } else {
            intro = ui["aged.undated"]
        }
        intro +=
            " "
            + ui["aged.now"].replacingOccurrences(of: "{now}", with: today)
            .replacingOccurrences(of: "{count}", with: String(items.count))
        var html = "<aside class=\"aged-note\" role=\"note\" aria-labelledby=\"aged-note-title\">\n"
        html += "<p class=\"aged-note-title\" id=\"aged-note-title\"><strong>\(Escape.html(ui["aged.title"]))</strong></p>\n"
        html += "<p>\(Escape.html(intro))</p>\n<ol class=\"aged-note-items\">\n"
        for item in items {
            let place = ui["aged.line"].replacingOccurrences(of: "{line}", with: String(item.line))
            let location = item.marked ? "<a href=\"#\(Self.anchor(line: item.line))\">\(Escape.html(place))</a>" : Escape.html(place)
            html +=
                "<li>\(location): \(Escape.html(ui.message(item.message))) <span class=\"rule\">[\(Escape.html(item.rule))]</span></li>\n"
        }
        return html + "</ol>\n</aside>\n"
    }
}
