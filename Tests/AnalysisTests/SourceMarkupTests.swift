import Testing

@testable import Analysis

/// Hugo shortcodes and Jekyll Liquid tags, read before the Markdown is parsed.
@Suite("Shortcodes and Liquid tags")
struct SourceMarkupTests {
    @Test func pairedShortcodesBecomeMarkersOnTheirOwnLines() {
        let body = "앞 문단\n{{< callout type=\"warning\" >}}\n**주의**할 점\n{{< /callout >}}\n뒤 문단\n"
        let markup = SourceMarkup.read(body, liquid: false)
        #expect(markup.text == "앞 문단\n<!--gongbu-markup:0-->\n**주의**할 점\n<!--gongbu-markup:1-->\n뒤 문단\n")
        #expect(markup.tags.map(\.name) == ["callout", "callout"])
        #expect(markup.tags.map(\.closing) == [false, true])
        #expect(markup.tags[0].argument("type") == "warning")
        #expect(markup.unknown.isEmpty)
    }

    @Test func aShortcodeThatSpansLinesIsOneShortcode() {
        let body = "{{< glossary_tooltip\n  term_id=\"job\"\n  text=\"잡\" >}}\n다음 줄\n"
        let markup = SourceMarkup.read(body, liquid: false)
        // Its words on its first line, the line count kept.
        #expect(markup.text == "잡\n\n\n다음 줄\n")
        #expect(markup.unknown.isEmpty)
        // An unknown one spanning lines: reported once, its delimiters dropped.
        let unknown = SourceMarkup.read("{{< mystery\n  id=\"x\" >}}\n다음 줄\n", liquid: false)
        #expect(unknown.text == "\n\n다음 줄\n")
        #expect(unknown.unknown.map(\.name) == ["mystery"])
    }

    @Test func inlineRefsBecomePathsAndCodeIsLeftAlone() {
        let body = "[다음 글]({{< ref \"02-next.md\" >}})과 `{{< callout >}}` 예시\n\n```\n{{< callout >}}\n```\n"
        let markup = SourceMarkup.read(body, liquid: false)
        #expect(markup.text == "[다음 글](02-next.md)과 `{{< callout >}}` 예시\n\n```\n{{< callout >}}\n```\n")
    }

    @Test func liquidTagsOnlyInJekyllSites() {
        let body =
            "{% raw %}\n{{ site.title }} {% if x %}\n{% endraw %}\n{% highlight go %}\nfunc main() {}\n{% endhighlight %}\n{% include toc.html %}\n"
        let jekyll = SourceMarkup.read(body, liquid: true)
        #expect(jekyll.text == "\n{{ site.title }} {% if x %}\n\n```go\nfunc main() {}\n```\n\n")
        #expect(jekyll.unknown.map(\.name) == ["include"])
        // Elsewhere `{%` is text.
        #expect(SourceMarkup.read(body, liquid: false).text == body)
    }

    @Test(arguments: [
        (#"type="info" title='제목' "pos" linenos=true"#, ["type": "info", "title": "제목", "linenos": "true"], "pos"),
        (#"go"#, [:], "go"),
    ])
    func argumentsAreNamedOrPositional(text: String, named: [String: String], positional: String?) {
        let pairs = SourceMarkup.parseArguments(text)
        for (key, value) in named { #expect(pairs.first { $0.key == key }?.value == value) }
        #expect(pairs.first { $0.key.isEmpty }?.value == positional)
    }

    @Test func obsidianEmbedsBecomeImagesAndLinks() {
        let body = "![[Pasted image 20240101.png|300]] 그리고 ![[구조도.svg|클러스터 구조]]\n![[설계.pdf]] ![[다른 노트#절|보기]] `![[code.png]]`\n"
        let markup = SourceMarkup.read(body, liquid: false)
        #expect(
            markup.text
                == "![](<Pasted image 20240101.png>) 그리고 ![클러스터 구조](<구조도.svg>)\n[설계.pdf](<설계.pdf>) [[다른 노트#절|보기]] `![[code.png]]`\n")
    }

    /// A tag's words are never lost: the Kubernetes docs' glossary tooltips keep their text (the
    /// concept linker links it), and an unknown tag with a `text` keeps it too.
    @Test func theWordsATagStandsForStay() {
        let body = ": {{< glossary_tooltip text=\"컨트롤러\" term_id=\"controller\" >}}를 실행한다.\n{{< mystery text=\"남는 말\" >}}\n"
        let markup = SourceMarkup.read(body, liquid: false)
        #expect(markup.text == ": 컨트롤러를 실행한다.\n남는 말\n")
        #expect(markup.unknown.map(\.name) == ["mystery"])
    }
}
