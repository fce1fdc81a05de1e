import Math
import Testing

@Suite("TeX math as MathML")
struct TeXMathTests {
    func body(_ tex: String, display: Bool = false) -> String? {
        guard let math = TeXMath.mathML(tex, display: display) else { return nil }
        let start = math.range(of: "<semantics><mrow>")!.upperBound
        let end = math.range(of: "</mrow><annotation")!.lowerBound
        return String(math[start..<end])
    }

    @Test(arguments: [
        ("W_0", "<msub><mi>W</mi><mn>0</mn></msub>"),
        ("x^2 + y^{10}", "<msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><msup><mi>y</mi><mrow><mn>10</mn></mrow></msup>"),
        ("a_i^2", "<msubsup><mi>a</mi><mi>i</mi><mn>2</mn></msubsup>"),
        ("\\frac{1}{2}", "<mfrac><mrow><mn>1</mn></mrow><mrow><mn>2</mn></mrow></mfrac>"),
        ("\\sqrt{x}", "<msqrt><mrow><mi>x</mi></mrow></msqrt>"),
        ("\\sqrt[3]{8}", "<mroot><mrow><mn>8</mn></mrow><mrow><mn>3</mn></mrow></mroot>"),
        ("\\alpha \\Omega", "<mi>α</mi><mi mathvariant=\"normal\">Ω</mi>"),
        ("a \\leq b \\times c", "<mi>a</mi><mo>≤</mo><mi>b</mi><mo>×</mo><mi>c</mi>"),
        ("\\text{노드 수}", "<mtext>노드 수</mtext>"),
        ("\\mathrm{CPU}", "<mi mathvariant=\"normal\">CPU</mi>"),
        ("\\log n", "<mi>log</mi><mi>n</mi>"),
        ("\\int_0^1 f", "<msubsup><mo largeop=\"true\">∫</mo><mn>0</mn><mn>1</mn></msubsup><mi>f</mi>"),
        ("\\left( x \\right)", "<mrow><mo stretchy=\"true\">(</mo><mi>x</mi><mo stretchy=\"true\">)</mo></mrow>"),
    ])
    func inlineConstructs(tex: String, expected: String) {
        #expect(body(tex) == expected)
    }

    @Test func displaySumsTakeTheirLimitsAboveAndBelow() {
        #expect(body("\\sum_{i=1}^{n} i", display: true)?.hasPrefix("<munderover><mo largeop=\"true\">∑</mo>") == true)
        #expect(body("\\sum_{i=1}^{n} i")?.hasPrefix("<msubsup>") == true)
        #expect(TeXMath.mathML("x", display: true)?.hasPrefix("<math display=\"block\">") == true)
    }

    @Test(arguments: ["\\begin{matrix} a & b \\end{matrix}", "\\unknowncommand{x}", "\\frac{1}", "{x", "a \\\\ b"])
    func unsupportedTeXGivesNil(tex: String) {
        #expect(TeXMath.mathML(tex, display: false) == nil)
    }

    @Test func theTeXIsKeptAsAnAnnotationAndEscaped() {
        let math = TeXMath.mathML("a < b", display: false)!
        #expect(math.contains("<mo>&lt;</mo>"))
        #expect(math.contains("<annotation encoding=\"application/x-tex\">a &lt; b</annotation>"))
    }
}
