/// How one language's source is split into tokens: a table of the few things a highlighter
/// needs to know (comments, strings, keywords, how keys and sections look), read by one
/// engine (`Highlighter`). Each language is one value in `Grammar.all`.
public struct Grammar: Sendable {
    /// Names in a fence's info string (`yaml`, `yml`).
    public var names: [String]
    var lineComments: [String] = []
    /// A line comment only where it starts a line (after blanks): `;` in INI, `!` in properties.
    var lineStartComments: [String] = []
    var blockComments: [(open: String, close: String)] = []
    var strings: [StringRule] = []
    var keywords: Set<String> = []
    /// Types and well-known names (`int`, `String`, `print`).
    var builtins: Set<String> = []
    /// `true`, `false`, `null`, `None` …
    var literals: Set<String> = []
    var caseInsensitive = false
    /// `$name`, `${name}`, `$1`.
    var dollarVariables = false
    /// `@Annotation` and decorators.
    var annotations = false
    /// A word or string directly before `:` is a key (YAML, JSON).
    var keysBeforeColon = false
    /// A word at the start of a line before `=` (or `:` in properties) is a key.
    var keysBeforeEquals = false
    /// `[section]` at the start of a line.
    var sections = false
    /// The first word of each statement is a keyword (Dockerfile instructions, nginx
    /// directives), and the keyword list applies only there; a line after one ending in `\`
    /// goes on the same statement.
    var firstWordIsKeyword = false
    /// Characters after which a new statement starts.
    var statementSeparators: Set<UInt8> = Set(";{}|&(".utf8)
    /// Characters (besides letters, digits and `_`) that may be inside a word.
    var wordCharacters: Set<UInt8> = []
    /// XML and HTML: tags, attributes, entities.
    var markup = false
    /// Whole lines classified by their first characters (diff: `+`, `-`, `@@`).
    var linePrefixes: [(prefix: String, token: Token)] = []
    /// YAML's `key: |` block scalars: the more-indented lines after it are one string.
    var blockScalars = false

    struct StringRule: Sendable {
        var open: String
        var close: String
        var escapes = true
        var multiline = false
    }

    public init(names: [String]) { self.names = names }
}

/// What a piece of code is, as a CSS class (`tok-keyword` …).
public enum Token: String, Sendable {
    case comment, string, keyword, builtin, literal, number, key, variable, section, meta, tag, attribute, inserted, deleted,
        annotation, prompt, output
}
