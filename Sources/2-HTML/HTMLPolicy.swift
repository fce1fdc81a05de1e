import Foundation

/// What the sanitizer keeps of an author's raw HTML. Everything not named here is either
/// unwrapped (the element goes, its text stays) or removed with its content.
///
/// The allowlist is the README's "Raw HTML" section; keep the two in step.
public enum HTMLPolicy {
    /// Elements kept as they are, with the attributes `attributes(of:)` allows.
    static let keptElements: Set<String> = [
        "a", "abbr", "aside", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
        "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
        "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "small", "span",
        "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var",
        "wbr",
    ]

    /// Old presentational elements kept under their modern names.
    static let renamedElements: [String: (name: String, alignment: String?)] = [
        "center": ("div", "center"),
        "strike": ("s", nil),
        "tt": ("code", nil),
        "big": ("span", nil),
    ]

    /// Removed with everything inside them, without a word: nothing in them is shown on a page.
    static let silentlyRemoved: Set<String> = [
        "script", "style", "template", "noscript", "title", "meta", "link", "base", "head", "param", "source", "track",
    ]

    /// Removed with everything inside them, and reported: a reader would have seen them.
    static let reportedRemoved: Set<String> = [
        "iframe", "frame", "frameset", "noframes", "object", "embed", "applet", "video", "audio", "canvas", "svg", "math",
        "input", "select", "textarea", "option", "optgroup", "datalist", "keygen", "output", "progress", "meter", "dialog",
        "portal", "map", "area",
    ]

    /// Elements that never have content or an end tag.
    static let voidElements: Set<String> = ["br", "col", "hr", "img", "wbr"]

    /// Elements whose `align` attribute becomes an `align-…` class.
    static let alignable: Set<String> = [
        "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "img", "table", "td", "th", "tr", "figure", "caption",
    ]

    /// Attributes allowed on every kept element.
    static let globalAttributes: Set<String> = ["title", "lang", "dir"]

    /// Attributes allowed on one element, beyond the global ones.
    static let elementAttributes: [String: Set<String>] = [
        "a": ["href", "name", "id", "target"],
        "img": ["src", "alt", "width", "height"],
        "details": ["open"],
        "ol": ["start", "reversed", "type"],
        "li": ["value"],
        "td": ["colspan", "rowspan"],
        "th": ["colspan", "rowspan", "scope"],
        "col": ["span"],
        "colgroup": ["span"],
        "time": ["datetime"],
        "del": ["datetime"],
        "ins": ["datetime"],
        "abbr": ["title"],
        "q": ["cite"],
        "blockquote": ["cite"],
    ]

    /// URL schemes a link may use. Relative URLs and fragments are always allowed.
    static let linkSchemes: Set<String> = ["http", "https", "mailto"]
    /// URL schemes an image may load from.
    static let imageSchemes: Set<String> = ["http", "https"]

    static func allows(_ attribute: String, on element: String) -> Bool {
        globalAttributes.contains(attribute) || elementAttributes[element]?.contains(attribute) == true
    }

    /// The scheme of a URL as a browser reads it (control characters and whitespace skipped,
    /// case folded), or nil for a relative URL.
    static func scheme(of url: String) -> String? {
        var scheme = ""
        for scalar in url.unicodeScalars {
            if scalar.value <= 0x20 || scalar == "\u{7F}" { continue }
            switch scalar {
            case ":": return scheme.isEmpty ? nil : scheme
            case "/", "?", "#": return nil
            default: scheme.unicodeScalars.append(scalar)
            }
        }
        return nil
    }

    /// Whether a number-like attribute (width, colspan, start …) holds a plain number.
    static func isNumeric(_ value: String) -> Bool {
        var text = Substring(value.trimmingCharacters(in: .whitespaces))
        if text.hasSuffix("%") || text.hasSuffix("px") { text = text.dropLast(text.hasSuffix("%") ? 1 : 2) }
        return !text.isEmpty && text.count <= 6 && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
