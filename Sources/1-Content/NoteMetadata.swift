import GongbuCore

/// The typed front matter of a note (Jekyll/Hugo keys), with every other key kept in `params`.
public struct NoteMetadata: Sendable, Hashable {
    public var title: String?
    public var date: NoteDate?
    public var lastModified: NoteDate?
    public var tags: [String] = []
    public var categories: [String] = []
    public var draft = false
    public var summary: String?
    public var slug: String?
    /// The whole site path of the note's page (`url:` or `permalink:`), replacing the path
    /// its file would give it.
    public var url: String?
    /// Old URLs (site-relative paths) that should redirect to this note.
    public var aliases: [String] = []
    public var toc: Bool?
    /// Keys gongbu does not interpret, in file order; templates see them as `params`.
    public var params: [YAMLEntry] = []

    public init() {}

    /// Keys with a meaning, and the aliases Jekyll and Hugo use for them.
    static let knownKeys: Set<String> = [
        "title", "date", "lastmod", "last_modified_at", "tags", "tag", "categories", "category",
        "draft", "summary", "description", "slug", "aliases", "toc", "url", "permalink",
    ]

    /// Reads typed fields from a front matter mapping. Wrong types are warnings with a safe
    /// fallback (the field is ignored), never failures.
    ///
    /// - Parameters:
    ///   - value: the front matter as read by `YAMLReader`.
    ///   - file: the note's path for diagnostics.
    ///   - lineOffset: added to YAML line numbers to get file line numbers.
    public static func read(_ value: YAMLValue, file: String, lineOffset: Int) -> (NoteMetadata, [Diagnostic]) {
        var metadata = NoteMetadata()
        var diagnostics: [Diagnostic] = []
        let entries: [YAMLEntry]
        switch value {
        case .null: return (metadata, [])
        case .map(let map): entries = map
        default:
            diagnostics.append(
                .warning(
                    "front matter is \(value.typeName), not a mapping of keys; it is ignored",
                    at: SourceLocation(file: file, line: lineOffset + 1, column: 1), rule: "front-matter"))
            return (metadata, diagnostics)
        }

        for entry in entries {
            let location = SourceLocation(file: file, line: entry.line + lineOffset, column: entry.column)
            func wrongType(_ expected: String) {
                diagnostics.append(
                    .warning(
                        "front matter key '\(entry.key)' should be \(expected), found \(entry.value.typeName); it is ignored",
                        at: location, rule: "front-matter"))
            }
            func text() -> String? {
                switch entry.value {
                case .string(let string): return string
                case .int, .double, .bool: return entry.value.scalarText
                case .null: return nil
                default:
                    wrongType("text")
                    return nil
                }
            }
            func list() -> [String] {
                switch entry.value {
                case .null: return []
                case .list(let items):
                    var result: [String] = []
                    for item in items {
                        if let text = item.scalarText {
                            result.append(text)
                        } else if item != .null {
                            wrongType("a list of words")
                            return []
                        }
                    }
                    return result
                case .string(let string):
                    // One string is one value, except a comma-separated list such as "쿠버네티스, 도커".
                    return string.split(separator: ",").map { String($0) }
                case .int, .double, .bool: return [entry.value.scalarText!]
                default:
                    wrongType("a list of words or one word")
                    return []
                }
            }
            func date() -> NoteDate? {
                guard case .string(let string) = entry.value else {
                    if entry.value != .null { wrongType("a date such as 2024-03-02") }
                    return nil
                }
                let parsed = NoteDate.parse(string)
                if let warning = parsed.warning {
                    diagnostics.append(.warning("front matter key '\(entry.key)': \(warning)", at: location, rule: "front-matter"))
                }
                return parsed.date
            }
            func bool() -> Bool? {
                switch entry.value {
                case .bool(let value): return value
                case .string(let string):
                    switch string.lowercased() {
                    case "true", "yes", "on": return true
                    case "false", "no", "off": return false
                    default:
                        wrongType("true or false")
                        return nil
                    }
                case .null: return nil
                default:
                    wrongType("true or false")
                    return nil
                }
            }

            switch entry.key {
            case "title": metadata.title = text().map(clean)
            case "date": metadata.date = date()
            case "lastmod", "last_modified_at": metadata.lastModified = date() ?? metadata.lastModified
            case "tags", "tag": metadata.tags += list().map(clean).filter { !$0.isEmpty }
            case "categories", "category": metadata.categories += list().map(clean).filter { !$0.isEmpty }
            case "draft": metadata.draft = bool() ?? false
            case "summary": metadata.summary = text().map(clean)
            case "description": metadata.summary = metadata.summary ?? text().map(clean)
            case "slug": metadata.slug = text()
            case "url", "permalink": metadata.url = text()
            case "aliases": metadata.aliases = list()
            case "toc": metadata.toc = bool()
            default: metadata.params.append(entry)
            }
        }
        if metadata.title?.isEmpty == true { metadata.title = nil }
        if metadata.summary?.isEmpty == true { metadata.summary = nil }
        return (metadata, diagnostics)
    }

    /// Trims whitespace and folds inner line breaks, for one-line fields.
    static func clean(_ text: String) -> String {
        text.split(whereSeparator: { $0.isNewline }).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }
}
