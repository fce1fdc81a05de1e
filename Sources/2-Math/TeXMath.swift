import GongbuCore

/// TeX math as MathML, which current browsers display natively, for the constructs study
/// notes use: sub- and superscripts, fractions, roots, Greek letters, operators and relations,
/// `\text`, `\mathrm` and friends, sums, products, integrals and limits, `\left … \right`.
/// Anything else returns nil, and the caller shows the TeX source in a math style.
///
///     TeXMath.mathML("W_0 = \\frac{1}{2}", display: false)
///     // <math display="inline"><semantics><mrow><msub><mi>W</mi><mn>0</mn></msub>…
public enum TeXMath {
    public static func mathML(_ tex: String, display: Bool) -> String? {
        var parser = Parser(tokens: tokenize(tex), display: display)
        guard let body = parser.expression(until: nil), parser.index == parser.tokens.count else { return nil }
        return "<math display=\"\(display ? "block" : "inline")\"><semantics><mrow>\(body)</mrow>"
            + "<annotation encoding=\"application/x-tex\">\(Escape.html(tex))</annotation></semantics></math>"
    }

    enum TokenKind: Equatable {
        case command(String)
        case open, close, sub, sup, ampersand, newline
        case letter(String)
        /// The text of `\text{…}` and similar commands, spaces kept.
        case raw(String)
        case digits(String)
        case symbol(String)
    }

    static func tokenize(_ tex: String) -> [TokenKind] {
        var tokens: [TokenKind] = []
        let characters = Array(tex)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\":
                var end = index + 1
                if end < characters.count, characters[end].isLetter {
                    while end < characters.count, characters[end].isLetter { end += 1 }
                    let name = String(characters[(index + 1)..<end])
                    tokens.append(.command(name))
                    // The argument of a text command is text: its spaces count.
                    if textCommands.contains(name) {
                        var open = end
                        while open < characters.count, characters[open] == " " { open += 1 }
                        if open < characters.count, characters[open] == "{" {
                            var depth = 0
                            var close = open
                            while close < characters.count {
                                if characters[close] == "{" {
                                    depth += 1
                                } else if characters[close] == "}" {
                                    depth -= 1
                                    if depth == 0 { break }
                                }
                                close += 1
                            }
                            if close < characters.count {
                                tokens.append(.raw(String(characters[(open + 1)..<close])))
                                index = close + 1
                                continue
                            }
                        }
                    }
                } else if end < characters.count {
                    if characters[end] == "\\" { tokens.append(.newline) } else { tokens.append(.command(String(characters[end]))) }
                    end += 1
                }
                index = end
                continue
            case "{": tokens.append(.open)
            case "}": tokens.append(.close)
            case "_": tokens.append(.sub)
            case "^": tokens.append(.sup)
            case "&": tokens.append(.ampersand)
            case " ", "\t", "\n": break
            default:
                if character.isNumber || character == "." && index + 1 < characters.count && characters[index + 1].isNumber {
                    var end = index
                    while end < characters.count, characters[end].isNumber || characters[end] == "." { end += 1 }
                    tokens.append(.digits(String(characters[index..<end])))
                    index = end
                    continue
                }
                if character.isLetter { tokens.append(.letter(String(character))) } else { tokens.append(.symbol(String(character))) }
            }
            index += 1
        }
        return tokens
    }

    static let textCommands: Set<String> = [
        "text", "textrm", "mbox", "textit", "textbf", "mathrm", "operatorname", "mathbf", "mathit", "mathsf", "mathtt", "mathbb",
        "mathcal", "boldsymbol",
    ]

    static let greek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ", "eta": "η",
        "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π",
        "varpi": "ϖ", "rho": "ρ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ",
        "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    static let operators: [String: String] = [
        "times": "×", "cdot": "⋅", "div": "÷", "pm": "±", "mp": "∓", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠",
        "ne": "≠", "approx": "≈", "sim": "∼", "simeq": "≃", "equiv": "≡", "propto": "∝", "infty": "∞", "to": "→", "rightarrow": "→",
        "leftarrow": "←", "gets": "←", "Rightarrow": "⇒", "Leftarrow": "⇐", "leftrightarrow": "↔", "Leftrightarrow": "⇔",
        "implies": "⟹", "iff": "⟺", "mapsto": "↦", "in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂", "subseteq": "⊆",
        "supset": "⊃", "supseteq": "⊇", "cup": "∪", "cap": "∩", "emptyset": "∅", "varnothing": "∅", "forall": "∀", "exists": "∃",
        "neg": "¬", "lnot": "¬", "land": "∧", "wedge": "∧", "lor": "∨", "vee": "∨", "oplus": "⊕", "otimes": "⊗", "partial": "∂",
        "nabla": "∇", "ldots": "…", "cdots": "⋯", "vdots": "⋮", "ddots": "⋱", "dots": "…", "lt": "<", "gt": ">", "mid": "∣",
        "parallel": "∥", "perp": "⊥", "angle": "∠", "circ": "∘", "bullet": "∙", "star": "⋆", "ast": "∗", "prime": "′",
        "langle": "⟨", "rangle": "⟩", "lceil": "⌈", "rceil": "⌉", "lfloor": "⌊", "rfloor": "⌋", "ll": "≪", "gg": "≫",
        "cong": "≅", "therefore": "∴", "because": "∵", "{": "{", "}": "}", "|": "‖", "%": "%", "$": "$", "#": "#", "_": "_", "&": "&",
    ]

    static let largeOperators: [String: String] = [
        "sum": "∑", "prod": "∏", "coprod": "∐", "int": "∫", "iint": "∬", "iiint": "∭", "oint": "∮", "bigcup": "⋃", "bigcap": "⋂",
    ]

    static let functions: Set<String> = [
        "log", "ln", "lg", "exp", "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh",
        "max", "min", "sup", "inf", "lim", "det", "dim", "gcd", "deg", "arg", "ker", "Pr", "mod",
    ]

    static let spaces: [String: String] = [
        ",": "0.1667em", ":": "0.2222em", ";": "0.2778em", " ": "0.25em", "quad": "1em", "qquad": "2em", "!": "0",
    ]

    struct Parser {
        let tokens: [TokenKind]
        let display: Bool
        var index = 0

        init(tokens: [TokenKind], display: Bool) {
            self.tokens = tokens
            self.display = display
        }

        var current: TokenKind? { index < tokens.count ? tokens[index] : nil }

        /// Atoms up to `until` (a closing brace, or `\right`), or the end.
        mutating func expression(until stop: TokenKind?) -> String? {
            var out = ""
            while let token = current {
                if let stop, token == stop { return out }
                if case .command("right") = token, stop == .command("right") { return out }
                guard let atom = scripted() else { return nil }
                out += atom
            }
            return stop == nil ? out : nil
        }

        /// An atom with its subscript and superscript.
        mutating func scripted() -> String? {
            guard let (base, isLargeOperator) = atom() else { return nil }
            var sub: String?
            var sup: String?
            while let token = current, token == .sub || token == .sup {
                index += 1
                guard let script = argument() else { return nil }
                if token == .sub { sub = script } else { sup = script }
            }
            let under = isLargeOperator && display
            switch (sub, sup) {
            case (nil, nil): return base
            case (let sub?, nil): return under ? "<munder>\(base)\(sub)</munder>" : "<msub>\(base)\(sub)</msub>"
            case (nil, let sup?): return under ? "<mover>\(base)\(sup)</mover>" : "<msup>\(base)\(sup)</msup>"
            case (let sub?, let sup?):
                return under ? "<munderover>\(base)\(sub)\(sup)</munderover>" : "<msubsup>\(base)\(sub)\(sup)</msubsup>"
            }
        }

        /// A group `{…}` or a single atom, as one MathML element.
        mutating func argument() -> String? {
            if current == .open {
                index += 1
                guard let body = expression(until: .close) else { return nil }
                index += 1
                return "<mrow>\(body)</mrow>"
            }
            return atom()?.0
        }

        /// The text argument of `\text{…}` and its kind, read whole by the tokenizer.
        mutating func textArgument() -> String? {
            guard case .raw(let text)? = current else { return nil }
            index += 1
            return text
        }

        mutating func atom() -> (String, Bool)? {
            guard let token = current else { return nil }
            index += 1
            switch token {
            case .letter(let value): return ("<mi>\(Escape.html(value))</mi>", false)
            case .digits(let value): return ("<mn>\(value)</mn>", false)
            case .symbol(let value):
                if value == "'" { return ("<mo>′</mo>", false) }
                return ("<mo>\(Escape.html(value))</mo>", false)
            case .open:
                guard let body = expression(until: .close) else { return nil }
                index += 1
                return ("<mrow>\(body)</mrow>", false)
            case .command(let name):
                return command(name)
            default:
                return nil
            }
        }

        mutating func command(_ name: String) -> (String, Bool)? {
            if let letter = TeXMath.greek[name] {
                let normal = name.first?.isUppercase == true ? " mathvariant=\"normal\"" : ""
                return ("<mi\(normal)>\(letter)</mi>", false)
            }
            if let symbol = TeXMath.operators[name] { return ("<mo>\(Escape.html(symbol))</mo>", false) }
            if let symbol = TeXMath.largeOperators[name] { return ("<mo largeop=\"true\">\(symbol)</mo>", !name.contains("int")) }
            if TeXMath.functions.contains(name) { return ("<mi>\(name)</mi>", name == "lim" || name == "max" || name == "min") }
            if let width = TeXMath.spaces[name] { return ("<mspace width=\"\(width)\"></mspace>", false) }
            switch name {
            case "frac", "dfrac", "tfrac":
                guard let numerator = argument(), let denominator = argument() else { return nil }
                return ("<mfrac>\(numerator)\(denominator)</mfrac>", false)
            case "binom":
                guard let top = argument(), let bottom = argument() else { return nil }
                return ("<mrow><mo>(</mo><mfrac linethickness=\"0\">\(top)\(bottom)</mfrac><mo>)</mo></mrow>", false)
            case "sqrt":
                if current == .symbol("[") {
                    index += 1
                    var degree = ""
                    while let token = current, token != .symbol("]") {
                        guard let atom = scripted() else { return nil }
                        degree += atom
                    }
                    guard current == .symbol("]") else { return nil }
                    index += 1
                    guard let radicand = argument() else { return nil }
                    return ("<mroot>\(radicand)<mrow>\(degree)</mrow></mroot>", false)
                }
                guard let radicand = argument() else { return nil }
                return ("<msqrt>\(radicand)</msqrt>", false)
            case "text", "textrm", "mbox", "textit", "textbf":
                guard let text = textArgument() else { return nil }
                return ("<mtext>\(Escape.html(text))</mtext>", false)
            case "mathrm", "operatorname", "mathbf", "mathit", "mathsf", "mathtt", "mathbb", "mathcal", "boldsymbol":
                let variant =
                    [
                        "mathrm": "normal", "operatorname": "normal", "mathbf": "bold", "mathit": "italic", "mathsf": "sans-serif",
                        "mathtt": "monospace", "mathbb": "double-struck", "mathcal": "script", "boldsymbol": "bold-italic",
                    ][name]!
                guard let text = textArgument() else { return nil }
                return ("<mi mathvariant=\"\(variant)\">\(Escape.html(text))</mi>", false)
            case "left":
                guard let open = delimiter() else { return nil }
                guard let body = expression(until: .command("right")), current == .command("right") else { return nil }
                index += 1
                guard let close = delimiter() else { return nil }
                return ("<mrow><mo stretchy=\"true\">\(open)</mo>\(body)<mo stretchy=\"true\">\(close)</mo></mrow>", false)
            case "overline", "bar":
                guard let body = argument() else { return nil }
                return ("<mover accent=\"true\">\(body)<mo>¯</mo></mover>", false)
            case "hat":
                guard let body = argument() else { return nil }
                return ("<mover accent=\"true\">\(body)<mo>^</mo></mover>", false)
            case "vec":
                guard let body = argument() else { return nil }
                return ("<mover accent=\"true\">\(body)<mo>→</mo></mover>", false)
            case "dot":
                guard let body = argument() else { return nil }
                return ("<mover accent=\"true\">\(body)<mo>˙</mo></mover>", false)
            case "displaystyle", "textstyle", "limits", "nolimits":
                return ("", false)
            default:
                return nil
            }
        }

        /// The delimiter after `\left` or `\right` (`.` for none).
        mutating func delimiter() -> String? {
            guard let token = current else { return nil }
            index += 1
            switch token {
            case .symbol(let value): return value == "." ? "" : Escape.html(value)
            case .command(let name): return TeXMath.operators[name].map(Escape.html)
            default: return nil
            }
        }
    }
}
