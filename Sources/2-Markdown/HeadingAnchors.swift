import Foundation
import GongbuCore

/// A heading of a note, for ids, the table of contents and search.
public struct Heading: Sendable, Hashable {
    public var level: Int
    /// Plain text as the reader sees it.
    public var text: String
    /// The `id` attribute: stable across builds, Korean kept (`#파드-만들기`).
    public var id: String
    /// Line in the parsed text (add the body offset for file lines).
    public var line: Int

    public init(level: Int, text: String, id: String, line: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
    }
}

public enum HeadingAnchors {
    /// Gives every heading a unique id and renders it with that id.
    ///
    /// Each heading node is replaced by a custom block holding `<hN id="…">…</hN>`, its inline
    /// content rendered with `options`, so links and emphasis inside headings still render.
    /// Run it last, after every other rewrite of the tree.
    ///
    /// - Parameter reserved: ids already used on the page (the title, footnotes …) to avoid.
    @discardableResult
    public static func apply(
        to document: MarkdownDocument, options: MarkdownDocument.RenderOptions = .init(),
        reserved: Set<String> = []
    ) -> [Heading] {
        var ids = UniqueIDs(used: reserved)
        var headings: [Heading] = []
        for node in document.nodes(of: .heading) {
            let level = node.headingLevel
            let text = node.plainText.trimmingCharacters(in: .whitespaces)
            let id = ids.make(for: text)
            headings.append(Heading(level: level, text: text, id: id, line: node.startLine))
            // The whole heading goes into one custom block's opening HTML, so it renders on one
            // line exactly like cmark's own headings (a custom block with children would put
            // line breaks around them).
            let inner = MarkdownDocument.renderInlineHTML(node, options)
            let anchor = Escape.html(Escape.urlFragment(id))
            let html =
                "<h\(level) id=\"\(Escape.html(id))\">\(inner)<a class=\"heading-anchor\" href=\"#\(anchor)\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h\(level)>"
            node.replace(with: MarkdownNode.customBlock(onEnter: html, onExit: ""))
        }
        return headings
    }

    /// Heading ids for one page: `Slug.make` of the text, or `section` when nothing is left (an
    /// emoji-only heading), with `-1`, `-2` … appended on repeats.
    ///
    /// Each base id remembers the last number it handed out, so a heading repeated thousands of
    /// times in one note (a pasted log, notes joined into one file) costs one lookup per
    /// heading instead of a walk over every earlier number.
    /// A heading's id as GitHub makes it, so links copied from a README land: lower case,
    /// letters, digits, marks, `-` and `_` kept, each space a hyphen (runs are kept:
    /// `3. PV / PVC 동작 원리` → `3-pv--pvc-동작-원리`), everything else dropped.
    public static func id(for text: String) -> String {
        var id = String.UnicodeScalarView()
        for scalar in text.trimmingCharacters(in: .whitespaces).lowercased().unicodeScalars {
            if scalar == " " {
                id.append("-")
                continue
            }
            if scalar == "-" || scalar == "_" {
                id.append(scalar)
                continue
            }
            let properties = scalar.properties
            switch properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber,
                .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark, .connectorPunctuation:
                id.append(scalar)
            default:
                continue
            }
        }
        return String(id)
    }

    public struct UniqueIDs {
        var used: Set<String>
        var nextNumber: [String: Int] = [:]

        public init(used: Set<String> = []) {
            self.used = used
        }

        public mutating func make(for text: String) -> String {
            var base = HeadingAnchors.id(for: text)
            if base.isEmpty { base = "section" }
            var candidate = base
            var counter = nextNumber[base, default: 1]
            if used.contains(candidate) {
                repeat {
                    candidate = "\(base)-\(counter)"
                    counter += 1
                } while used.contains(candidate)
                nextNumber[base] = counter
            }
            used.insert(candidate)
            return candidate
        }
    }
}
