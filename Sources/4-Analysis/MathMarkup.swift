import Foundation
import GongbuCore
import Math

/// TeX math in a note (`$W_0$` inline, `$$ … $$` on lines of its own), taken out of the
/// Markdown before it is parsed, so emphasis and concept linking never touch it, and put back
/// as MathML (`TeXMath`) by the `markup` pass; what `TeXMath` cannot read is shown as its TeX
/// source in a math style. Read only where math is enabled (`math: true` in the note, the
/// site's config or the source tool's), since `$` is also just a dollar.
///
/// Inline math is `$…$` with no blank right inside the dollars, not followed by a digit
/// (`$5 and $10` is money), on one line, outside code; `\$` is a dollar.
struct MathMarkup: Sendable {
    struct Span: Sendable, Hashable {
        var tex: String
        var display: Bool
    }

    static let marker = "<!--gongbu-math:"

    /// Replaces the math in `text` with markers (same line count), returning the spans by
    /// marker number.
    static func extract(_ text: String) -> (text: String, spans: [Span]) {
        guard text.contains("$") else { return (text, []) }
        var spans: [Span] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fence = CodeFence()
        var index = 0
        while index < lines.count {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            if fence.isCode(trimmed) {
                index += 1
                continue
            }
            // Display math: `$$` starting a line, up to the line that ends with `$$`.
            if trimmed.hasPrefix("$$") {
                var body = String(trimmed.dropFirst(2))
                var end = index
                var closed = false
                if body.hasSuffix("$$") && body.count >= 2 {
                    body = String(body.dropLast(2))
                    closed = true
                } else {
                    while end + 1 < lines.count {
                        end += 1
                        let line = lines[end].trimmingCharacters(in: .whitespaces)
                        if line.hasSuffix("$$") {
                            body += "\n" + line.dropLast(2)
                            closed = true
                            break
                        }
                        if line.isEmpty { break }
                        body += "\n" + line
                    }
                }
                if closed {
                    let indent = String(lines[index].prefix { $0 == " " || $0 == "\t" })
                    lines[index] = indent + marker + "\(spans.count)-->"
                    for blank in stride(from: index + 1, through: end, by: 1) { lines[blank] = "" }
                    spans.append(Span(tex: body.trimmingCharacters(in: .whitespacesAndNewlines), display: true))
                    index = end + 1
                    continue
                }
            }
            if lines[index].contains("$") { lines[index] = inline(lines[index], spans: &spans) }
            index += 1
        }
        return (lines.joined(separator: "\n"), spans)
    }

    /// `$…$` in one line, outside code spans.
    static func inline(_ line: String, spans: inout [Span]) -> String {
        let characters = Array(line)
        var out = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "`" {
                // A code span: copied as it is, up to a closing run of the same length.
                var run = index
                while run < characters.count, characters[run] == "`" { run += 1 }
                let length = run - index
                var search = run
                var close: Int?
                while search < characters.count {
                    if characters[search] == "`" {
                        var end = search
                        while end < characters.count, characters[end] == "`" { end += 1 }
                        if end - search == length {
                            close = end
                            break
                        }
                        search = end
                    } else {
                        search += 1
                    }
                }
                let stop = close ?? run
                out += String(characters[index..<stop])
                index = stop
                continue
            }
            if character == "\\", index + 1 < characters.count {
                out += String(characters[index...(index + 1)])
                index += 2
                continue
            }
            if character == "$", index + 1 < characters.count, characters[index + 1] != "$", !characters[index + 1].isWhitespace {
                var end = index + 1
                while end < characters.count, !(characters[end] == "$" && characters[end - 1] != "\\") { end += 1 }
                if end < characters.count, !characters[end - 1].isWhitespace,
                    end + 1 >= characters.count || !characters[end + 1].isNumber
                {
                    spans.append(Span(tex: String(characters[(index + 1)..<end]), display: false))
                    out += marker + "\(spans.count - 1)-->"
                    index = end + 1
                    continue
                }
            }
            out.append(character)
            index += 1
        }
        return out
    }

    /// The marker number in an HTML node's text, when it is a math marker.
    static func markerNumber(_ html: String) -> Int? {
        let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix(marker), trimmed.hasSuffix("-->") else { return nil }
        return Int(trimmed.dropFirst(marker.count).dropLast(3))
    }

    /// The span as the page shows it: MathML, or its TeX in a math style.
    static func html(_ span: Span) -> String {
        if let mathML = TeXMath.mathML(span.tex, display: span.display) {
            return span.display ? "<div class=\"math-display\">\(mathML)</div>\n" : mathML
        }
        let delimiter = span.display ? "$$" : "$"
        let tex = Escape.html(delimiter + span.tex + delimiter)
        return span.display ? "<pre class=\"math-tex\">\(tex)</pre>\n" : "<code class=\"math-tex\">\(tex)</code>"
    }
}
