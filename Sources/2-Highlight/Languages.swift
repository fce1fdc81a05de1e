/// The languages gongbu highlights, one table each.
extension Grammar {
    static func words(_ text: String) -> Set<String> { Set(text.split(separator: " ").map(String.init)) }

    static let doubleQuoted = StringRule(open: "\"", close: "\"")
    static let singleQuoted = StringRule(open: "'", close: "'")
    static let cStyleComments: [(String, String)] = [("/*", "*/")]

    static let bash: Grammar = {
        var grammar = Grammar(names: ["bash", "sh", "shell", "zsh", "ksh", "shellscript"])
        grammar.lineComments = ["#"]
        grammar.strings = [doubleQuoted, StringRule(open: "'", close: "'", escapes: false), StringRule(open: "`", close: "`")]
        grammar.keywords = words(
            "if then else elif fi for while until do done case esac in function select return break continue local export readonly declare unset shift source alias exit"
        )
        grammar.builtins = words(
            "echo printf cd pwd read test set eval exec trap wait kill sudo cat grep sed awk curl wget kubectl docker helm git ssh scp chmod chown mkdir rm cp mv ls tar apt apt-get yum systemctl journalctl minikube kind kubeadm"
        )
        grammar.literals = words("true false")
        grammar.dollarVariables = true
        grammar.wordCharacters = Set("-".utf8)
        return grammar
    }()

    static let yaml: Grammar = {
        var grammar = Grammar(names: ["yaml", "yml"])
        grammar.lineComments = ["#"]
        grammar.strings = [doubleQuoted, StringRule(open: "'", close: "'", escapes: false)]
        grammar.literals = words("true false null yes no on off True False Null TRUE FALSE NULL ~")
        grammar.keysBeforeColon = true
        grammar.blockScalars = true
        grammar.linePrefixes = [("---", .meta), ("...", .meta)]
        return grammar
    }()

    static let json: Grammar = {
        var grammar = Grammar(names: ["json", "jsonc", "json5", "geojson"])
        grammar.lineComments = ["//"]
        grammar.blockComments = cStyleComments
        grammar.strings = [doubleQuoted]
        grammar.literals = words("true false null")
        grammar.keysBeforeColon = true
        return grammar
    }()

    static let dockerfile: Grammar = {
        var grammar = Grammar(names: ["dockerfile", "docker", "containerfile"])
        grammar.lineComments = ["#"]
        grammar.strings = [doubleQuoted, singleQuoted]
        grammar.keywords = words(
            "FROM RUN CMD LABEL MAINTAINER EXPOSE ENV ADD COPY ENTRYPOINT VOLUME USER WORKDIR ARG ONBUILD STOPSIGNAL HEALTHCHECK SHELL")
        grammar.builtins = words("AS")
        grammar.caseInsensitive = true
        grammar.statementSeparators = []
        grammar.dollarVariables = true
        grammar.firstWordIsKeyword = true
        return grammar
    }()

    static let go: Grammar = {
        var grammar = Grammar(names: ["go", "golang"])
        grammar.lineComments = ["//"]
        grammar.blockComments = cStyleComments
        grammar.strings = [doubleQuoted, StringRule(open: "`", close: "`", escapes: false, multiline: true), singleQuoted]
        grammar.keywords = words(
            "break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var"
        )
        grammar.builtins = words(
            "bool byte complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr any append cap close copy delete len make new panic print println recover"
        )
        grammar.literals = words("true false nil iota")
        return grammar
    }()

    static let python: Grammar = {
        var grammar = Grammar(names: ["python", "py", "python3"])
        grammar.lineComments = ["#"]
        grammar.strings = [
            StringRule(open: "\"\"\"", close: "\"\"\"", multiline: true), StringRule(open: "'''", close: "'''", multiline: true),
            doubleQuoted, singleQuoted,
        ]
        grammar.keywords = words(
            "and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case"
        )
        grammar.builtins = words(
            "print len range str int float list dict set tuple bool open self super isinstance enumerate zip map filter sorted type object Exception"
        )
        grammar.literals = words("True False None")
        grammar.annotations = true
        return grammar
    }()

    static let java: Grammar = {
        var grammar = Grammar(names: ["java"])
        grammar.lineComments = ["//"]
        grammar.blockComments = cStyleComments
        grammar.strings = [StringRule(open: "\"\"\"", close: "\"\"\"", multiline: true), doubleQuoted, singleQuoted]
        grammar.keywords = words(
            "abstract assert break case catch class const continue default do else enum extends final finally for goto if implements import instanceof interface native new package private protected public return static strictfp super switch synchronized this throw throws transient try void volatile while var record yield sealed permits"
        )
        grammar.builtins = words(
            "boolean byte char double float int long short String Object Integer Long List Map Set ArrayList HashMap Optional System Thread Runnable Exception"
        )
        grammar.literals = words("true false null")
        grammar.annotations = true
        return grammar
    }()

    static let javascript: Grammar = {
        var grammar = Grammar(names: ["javascript", "js", "jsx", "mjs", "cjs", "node"])
        grammar.lineComments = ["//"]
        grammar.blockComments = cStyleComments
        grammar.strings = [doubleQuoted, singleQuoted, StringRule(open: "`", close: "`", multiline: true)]
        grammar.keywords = words(
            "async await break case catch class const continue debugger default delete do else export extends finally for from function if import in instanceof let new of return static super switch this throw try typeof var void while with yield"
        )
        grammar.builtins = words(
            "console window document Promise Array Object String Number Boolean Map Set JSON Math require module process")
        grammar.literals = words("true false null undefined NaN Infinity")
        grammar.dollarVariables = false
        return grammar
    }()

    static let typescript: Grammar = {
        var grammar = javascript
        grammar.names = ["typescript", "ts", "tsx"]
        grammar.keywords.formUnion(
            words("interface type enum implements namespace declare abstract private protected public readonly keyof as satisfies"))
        grammar.builtins.formUnion(words("string number boolean any unknown never void object Record Partial"))
        grammar.annotations = true
        return grammar
    }()

    static let c: Grammar = {
        var grammar = Grammar(names: ["c", "h"])
        grammar.lineComments = ["//"]
        grammar.blockComments = cStyleComments
        grammar.strings = [doubleQuoted, singleQuoted]
        grammar.keywords = words(
            "auto break case const continue default do else enum extern for goto if inline register restrict return sizeof static struct switch typedef union volatile while #include #define #ifdef #ifndef #endif #if #else #elif #pragma"
        )
        grammar.builtins = words("char double float int long short signed unsigned void size_t bool printf malloc free")
        grammar.literals = words("true false NULL")
        grammar.wordCharacters = Set("#".utf8)
        return grammar
    }()

    static let cpp: Grammar = {
        var grammar = c
        grammar.names = ["cpp", "c++", "cc", "cxx", "hpp", "hh"]
        grammar.keywords.formUnion(
            words(
                "class namespace template typename public private protected virtual override final new delete this using operator friend try catch throw constexpr nullptr noexcept explicit mutable static_cast dynamic_cast"
            ))
        grammar.builtins.formUnion(words("std string vector map unique_ptr shared_ptr cout endl auto"))
        grammar.literals.insert("nullptr")
        return grammar
    }()

    static let sql: Grammar = {
        var grammar = Grammar(names: ["sql", "mysql", "postgresql", "postgres", "psql", "sqlite", "plsql"])
        grammar.lineComments = ["--"]
        grammar.blockComments = cStyleComments
        grammar.strings = [StringRule(open: "'", close: "'", escapes: false), doubleQuoted, StringRule(open: "`", close: "`")]
        grammar.keywords = words(
            "select from where and or not insert into values update set delete create table drop alter add column index primary key foreign references join left right inner outer full on as group by order having limit offset distinct union all case when then else end begin commit rollback transaction view database schema if exists in is like between default unique constraint grant revoke truncate with returning"
        )
        grammar.builtins = words(
            "count sum avg min max now coalesce int integer bigint varchar text char date timestamp boolean serial decimal numeric")
        grammar.literals = words("null true false")
        grammar.caseInsensitive = true
        return grammar
    }()

    static let hcl: Grammar = {
        var grammar = Grammar(names: ["hcl", "terraform", "tf", "tfvars"])
        grammar.lineComments = ["#", "//"]
        grammar.blockComments = cStyleComments
        grammar.strings = [doubleQuoted]
        grammar.keywords = words("resource data variable output module provider locals terraform for in if else for_each count depends_on")
        grammar.literals = words("true false null")
        grammar.keysBeforeEquals = true
        grammar.firstWordIsKeyword = false
        grammar.wordCharacters = Set("-".utf8)
        return grammar
    }()

    static let toml: Grammar = {
        var grammar = Grammar(names: ["toml"])
        grammar.lineComments = ["#"]
        grammar.strings = [
            StringRule(open: "\"\"\"", close: "\"\"\"", multiline: true),
            StringRule(open: "'''", close: "'''", escapes: false, multiline: true),
            doubleQuoted, StringRule(open: "'", close: "'", escapes: false),
        ]
        grammar.literals = words("true false")
        grammar.keysBeforeEquals = true
        grammar.sections = true
        grammar.wordCharacters = Set("-.".utf8)
        return grammar
    }()

    static let ini: Grammar = {
        var grammar = Grammar(names: ["ini", "cfg", "conf", "editorconfig", "gitconfig", "desktop", "systemd", "service"])
        grammar.lineStartComments = [";", "#"]
        grammar.strings = [doubleQuoted]
        grammar.literals = words("true false yes no on off")
        grammar.keysBeforeEquals = true
        grammar.sections = true
        grammar.wordCharacters = Set("-.".utf8)
        return grammar
    }()

    static let properties: Grammar = {
        var grammar = Grammar(names: ["properties", "java-properties", "props", "env", "dotenv"])
        grammar.lineStartComments = ["#", "!"]
        grammar.keysBeforeEquals = true
        grammar.wordCharacters = Set("-.".utf8)
        return grammar
    }()

    static let diff: Grammar = {
        var grammar = Grammar(names: ["diff", "patch", "udiff"])
        grammar.linePrefixes = [
            ("+++", .meta), ("---", .meta), ("@@", .meta), ("diff ", .meta), ("index ", .meta), ("+", .inserted), ("-", .deleted),
        ]
        return grammar
    }()

    static let xml: Grammar = {
        var grammar = Grammar(names: ["xml", "html", "xhtml", "svg", "htm", "vue", "plist", "pom"])
        grammar.blockComments = [("<!--", "-->")]
        grammar.markup = true
        return grammar
    }()

    static let nginx: Grammar = {
        var grammar = Grammar(names: ["nginx", "nginxconf"])
        grammar.lineComments = ["#"]
        grammar.strings = [doubleQuoted, singleQuoted]
        grammar.literals = words("on off")
        grammar.dollarVariables = true
        grammar.firstWordIsKeyword = true
        grammar.statementSeparators = Set(";{}".utf8)
        grammar.wordCharacters = Set("-_".utf8)
        return grammar
    }()

    /// Every highlighted language.
    public static let all: [Grammar] = [
        bash, yaml, json, dockerfile, go, python, java, javascript, typescript, c, cpp, sql, hcl, toml, ini, properties, diff, xml, nginx,
    ]

    /// Shell sessions: `$ ` and `# ` prompts before commands (highlighted as shell), output
    /// lines after them.
    public static let consoleNames: Set<String> = ["console", "shell-session", "terminal", "shellsession", "sh-session"]

    static let byName: [String: Grammar] = {
        var table: [String: Grammar] = [:]
        for grammar in all { for name in grammar.names { table[name] = grammar } }
        return table
    }()

    /// The grammar for a fence's language name, case-insensitively; nil for a language gongbu
    /// does not highlight.
    public static func named(_ name: String) -> Grammar? { byName[name.lowercased()] }
}
