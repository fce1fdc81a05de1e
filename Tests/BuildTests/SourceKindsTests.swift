import Foundation
import GongbuCore
import GongbuTestSupport
import Manifests
import Testing

@testable import Build

/// Folders of notes as other tools keep them build on the first try, with the author's URLs,
/// folders and links (small sites of our own, one per kind).
@Suite("Source folders of other tools")
struct SourceKindsTests {
    func html(_ output: [String: [UInt8]], _ path: String) throws -> String {
        String(decoding: try #require(output[path], "no \(path) in \(output.keys.sorted())"), as: UTF8.self)
    }

    /// No page shows a shortcode's or a Liquid tag's delimiters outside code.
    func noDelimiters(_ output: [String: [UInt8]]) {
        for (path, bytes) in output where path.hasSuffix(".html") {
            var text = String(decoding: bytes, as: UTF8.self)
            for pattern in [#"<pre[\s\S]*?</pre>"#, #"<code[\s\S]*?</code>"#, #"<script[\s\S]*?</script>"#] {
                text = text.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
            }
            #expect(!text.contains("{{<") && !text.contains("{{%") && !text.contains("{%"), "delimiters in \(path)")
        }
    }

    @Test func aHugoSiteKeepsItsURLsSectionsAndLinks() throws {
        let (report, output) = TestBuild.inMemory([
            "hugo.yaml": "title: 허고 공부\nbaseURL: https://example.org/study/\nignoreFiles:\n  - \"CLAUDE\\\\.md$\"\n",
            "content/_index.md": "---\ntitle: 홈\n---\n공부한 것을 모은다.\n",
            "content/education/_index.md": "---\ntitle: 교육\nweight: 1\n---\n강의 노트.\n",
            "content/education/concurrency/_index.md": "---\ntitle: 동시성\n---\n",
            "content/education/concurrency/01-intro.md": "---\ntitle: 소개\nweight: 1\n---\n다음은 [프로세스](../02-process)다.\n",
            "content/education/concurrency/02-process.md":
                "---\ntitle: 프로세스\nweight: 2\n---\n{{< callout type=\"warning\" >}}\n**조심**\n{{< /callout >}}\n[처음으로]({{< relref \"01-intro.md\" >}})\n",
            "content/education/concurrency/CLAUDE.md": "에이전트 지침",
            "content/README.md": "# 저장소 안내\n\n![구조](/img/arch.png)\n",
            "static/img/arch.png": "PNG",
        ])
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.sourceKind == .hugo)
        #expect(report.diagnostics.filter { $0.rule == "missing-file" || $0.rule == "slug" }.isEmpty, "\(report.diagnostics)")
        // Sections at their folders' URLs, the README a page of its own as in Hugo, CLAUDE.md not published.
        let intro = try html(output, "education/concurrency/01-intro/index.html")
        #expect(intro.contains("<a href=\"../../../education/concurrency/02-process/\">프로세스</a>"))
        #expect(intro.contains("<a href=\"../../../education/\">교육</a> › <a href=\"../../../education/concurrency/\">동시성</a>"))
        #expect(output["education/concurrency/index.html"] != nil)
        #expect(output["readme/index.html"] != nil)
        // static/ is served from the site's root.
        #expect(output["img/arch.png"] != nil)
        #expect(try html(output, "readme/index.html").contains("src=\"../img/arch.png\""))
        #expect(!output.keys.contains { $0.lowercased().contains("claude") })
        // The section lists its notes in weight order.
        let section = try html(output, "education/concurrency/index.html")
        let first = try #require(section.range(of: "소개")), second = try #require(section.range(of: ">프로세스<"))
        #expect(first.lowerBound < second.lowerBound)
        // The home page introduces the site with the content folder's own page.
        #expect(try html(output, "index.html").contains("공부한 것을 모은다."))
        #expect(try html(output, "education/concurrency/02-process/index.html").contains("<aside class=\"callout callout-warning\""))
        noDelimiters(output)
    }

    /// Hugo's default config format since 0.110, and its config folder.
    @Test(arguments: ["hugo.toml", "config/_default/hugo.toml"])
    func aHugoSiteWithATOMLConfig(configPath: String) throws {
        let (report, output) = TestBuild.inMemory([
            configPath: "baseURL = 'https://example.org/study/'\ntitle = \"토믈 공부\"\nignoreFiles = ['CLAUDE\\.md$']\n[params]\nx = 1\n",
            "content/_index.md": "---\ntitle: 홈\n---\n소개.\n",
            "content/posts/first.md": "---\ntitle: 첫 글\n---\n본문\n",
            "content/posts/CLAUDE.md": "에이전트 지침",
        ])
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.sourceKind == .hugo)
        #expect(try html(output, "index.html").contains("<title>토믈 공부</title>"))
        #expect(output["posts/first/index.html"] != nil)
        #expect(!output.keys.contains { $0.lowercased().contains("claude") })
    }

    @Test func aBrokenTOMLConfigIsAWarningAtItsPosition() throws {
        let (report, _) = TestBuild.inMemory(["hugo.toml": "title = 따옴표 없음\n", "content/a.md": "본문\n"])
        #expect(report.succeeded)
        #expect(report.diagnostics.map(\.description).contains { $0.hasPrefix("hugo.toml:1:9: warning: hugo.toml is not valid TOML") })
    }

    @Test func aPlainGitHubFolderReadsAsACourse() throws {
        var files: [String: String] = [
            "README.md": "# 쿠버네티스 강의 노트\n\n[1장](k8s-basic/section-01/)부터 본다. [강의 전체](/k8s-basic/)\n"
        ]
        for chapter in [1, 2, 10, 11] {
            let folder = String(format: "k8s-basic/section-%02d", chapter)
            files[folder + "/README.md"] = "# \(chapter)장\n\n요약\n"
            files[folder + "/service.md"] = "# 서비스 \(chapter)\n\n[장 요약](README.md)\n"
        }
        let (report, output) = TestBuild.inMemory(files)
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.sourceKind == .plain)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        // README.md in several folders and service.md in several chapters: one page each.
        for chapter in ["01", "02", "10", "11"] {
            #expect(output["k8s-basic/section-\(chapter)/index.html"] != nil)
            #expect(output["k8s-basic/section-\(chapter)/service/index.html"] != nil)
        }
        // A link to a folder without a README finds the folder's page.
        #expect(try html(output, "index.html").contains("<a href=\"k8s-basic/\">강의 전체</a>"))
        // Chapters in course order (10 after 2), not in the order of their names.
        let course = try html(output, "k8s-basic/index.html")
        let order = ["1장", "2장", "10장", "11장"].map { course.range(of: ">\($0)<")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order.map { $0! } == order.map { $0! }.sorted(), "\(course)")
    }

    @Test func anObsidianVaultFindsNotesAndAttachmentsByName() throws {
        let (report, output) = TestBuild.inMemory([
            ".obsidian/app.json": "{}",
            "Kubernetes_MOC.md": "# 쿠버네티스 지도\n\n- [[study/k8s/2026-01-05|오늘]]\n- [[아직 없는 노트]]\n",
            "study/k8s/2026-01-05.md":
                "# 1월 5일\n\n![[Pasted image 20260105.png|300]] 그리고 [[kubernetes_moc]]\n\n> [!tip]- 기억할 것\n> 파드는 작다.\n",
            "attachments/Pasted image 20260105.png": "PNG",
            "sub/.obsidian/app.json": "{}",
        ])
        #expect(report.sourceKind == .obsidian)
        // An unresolved link is normal in a vault: a warning, not a failed build.
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.diagnostics.map(\.rule) == ["wikilink"], "\(report.diagnostics)")
        let day = try html(output, "study/k8s/2026-01-05/index.html")
        #expect(day.contains("<img src=\"../../../attachments/Pasted%20image%2020260105.png\""), "\(day)")
        #expect(day.contains("href=\"../../../kubernetes_moc/\""))
        #expect(day.contains("<details class=\"callout callout-tip\"><summary class=\"callout-title\">기억할 것</summary>"))
        #expect(try html(output, "kubernetes_moc/index.html").contains("href=\"../study/k8s/2026-01-05/\">오늘</a>"))
    }

    @Test func anObsidianEmbedShowsTheNotesTextOrOneSection() throws {
        let (report, output) = TestBuild.inMemory([
            ".obsidian/app.json": "{}",
            "개념/파드 정리.md":
                "# 파드 정리\n\n## 정의\n\n파드는 **가장 작은** 배포 단위다. [[서비스]]도 본다.\n\n### 예\n\n`nginx` 하나.\n\n## 수명\n\n재시작된다.\n\n![[그림.png]]\n",
            "개념/그림.png": "PNG",
            "서비스.md": "# 서비스\n\n![[파드 정리]]\n",
            "오늘.md": "# 오늘\n\n![[파드 정리#정의]]\n\n문장 안의 ![[파드 정리]]는 링크다.\n\n![[없는 노트]]\n\n![[파드 정리#없는 절]]\n",
        ])
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(
            report.diagnostics.map(\.description) == [
                "오늘.md:7:1: warning: embedded note '없는 노트' does not exist [wikilink]",
                "오늘.md:9:1: warning: note '파드 정리' has no heading '없는 절'; the whole note is shown [wikilink]",
            ])
        let today = try html(output, "오늘/index.html")
        // The section under 정의, its subsection included, up to the next heading of its level.
        #expect(today.contains("<div class=\"embed\" data-note=\"개념/파드-정리\">"), "\(today)")
        let href = "../%EA%B0%9C%EB%85%90/%ED%8C%8C%EB%93%9C-%EC%A0%95%EB%A6%AC/"
        #expect(today.contains("<a href=\"\(href)\">파드 정리 › 정의</a>"))
        #expect(today.contains("<strong>가장 작은</strong>"))
        #expect(today.contains("<code>nginx</code>"))
        // The section stops at the next heading of its level; in a sentence an embed is a link.
        #expect(today.components(separatedBy: "재시작된다").count == 2, "only the whole-note fallback shows it")
        #expect(today.contains("<a class=\"wikilink\" href=\"\(href)\">파드 정리</a>는 링크다"))
        // Wikilinks in the embedded text are links; its title heading is not repeated.
        #expect(today.contains("<a class=\"wikilink\" href=\"../%EC%84%9C%EB%B9%84%EC%8A%A4/\">서비스</a>도 본다"), "\(today)")
        let service = try html(output, "서비스/index.html")
        // The whole note, its image resolved from its own folder; the embed's own wikilink stays text-safe.
        #expect(service.contains("재시작된다."))
        #expect(service.contains("<img src=\"../%EA%B0%9C%EB%85%90/%EA%B7%B8%EB%A6%BC.png\""), "\(service)")
        #expect(!service.contains("<h1>파드 정리</h1>"))
        // Searchable from the page that shows it.
        let terms = String(decoding: try #require(output["search/terms-0.json"]), as: UTF8.self)
        #expect(terms.contains("재시작"))
    }

    @Test func aDocusaurusSiteTakesItsFoldersLabelsAndPositions() throws {
        let (report, output) = TestBuild.inMemory([
            "docusaurus.config.js": "module.exports = { title: '도큐 공부' };\n",
            "docs/intro.md": "---\nsidebar_position: 1\n---\n# 시작\n",
            "docs/basics/_category_.json": "{ \"label\": \"기초 다지기\", \"position\": 3 }\n",
            "docs/basics/pods.md": "---\nsidebar_position: 2\n---\n# 파드\n\n![그림](/img/pod.png)\n",
            "docs/basics/nodes.md": "---\nsidebar_position: 1\n---\n# 노드\n",
            "docs/advanced/_category_.yml": "label: 심화\nposition: 2\n",
            "docs/advanced/operators.md": "# 오퍼레이터\n",
            "docs/broken/_category_.json": "{ \"label\": \n",
            "docs/broken/x.md": "# 엑스\n",
            "i18n/en/docusaurus-plugin-content-docs/current/intro.md": "# Intro\n",
            "static/img/pod.png": "PNG",
        ])
        #expect(report.sourceKind == .docusaurus)
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.diagnostics.map(\.rule) == ["config"], "\(report.diagnostics)")
        #expect(report.diagnostics.first?.location?.file == "docs/broken/_category_.json")
        // Translations are not notes of their own; category files are not published.
        #expect(!output.keys.contains { $0.hasPrefix("i18n") || $0.contains("_category_") }, "\(output.keys.sorted())")
        let docs = try html(output, "docs/index.html")
        // The folders under their labels, in their positions: 시작 (1), 심화 (2), 기초 다지기 (3).
        let intro = try #require(docs.range(of: ">시작<")), advanced = try #require(docs.range(of: ">심화<"))
        let basics = try #require(docs.range(of: ">기초 다지기<"))
        #expect(intro.lowerBound < advanced.lowerBound && advanced.lowerBound < basics.lowerBound, "\(docs)")
        let basicsPage = try html(output, "docs/basics/index.html")
        #expect(basicsPage.range(of: ">노드<")!.lowerBound < basicsPage.range(of: ">파드<")!.lowerBound)
        #expect(try html(output, "docs/basics/pods/index.html").contains("src=\"../../../img/pod.png\""))
    }

    /// Notes kept in the Kubernetes documentation's own format.
    @Test func theKubernetesDocsShortcodes() throws {
        let (report, output) = TestBuild.inMemory([
            "reference/glossary/pod.md":
                "---\ntitle: 파드(Pod)\nid: pod\n---\n 가장 작은 오브젝트.\n\n<!--more-->\n\n보통 디플로이먼트가 관리한다.\n",
            "concepts/pods.md": """
            ---
            title: 파드
            ---
            {{% capture overview %}}
            {{< glossary_definition term_id="pod" prepend="파드는" length="all" >}}

            {{< glossary_definition term_id="pod" >}}
            {{% /capture %}}

            {{< codenew file="pods/simple-pod.yaml" >}}

            {{< codenew file="pods/missing.yaml" >}}

            {{% heading "whatsnext" %}}

            * {{< api-reference page="workload-resources/pod-v1" >}}를 읽어 본다.

            {{< glossary_definition term_id="nothing" >}}

            ## {{% heading "prerequisites" %}}

            쿠버네티스 v{{< skew currentVersion >}}과 v{{< skew currentVersionAddMinor -1 >}}에서.

            {{% thirdparty-content single="true" %}}
            """,
            "examples/pods/simple-pod.yaml": "apiVersion: v1\nkind: Pod\n",
        ])
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(
            report.diagnostics.map(\.description) == [
                "concepts/pods.md:12:1: warning: example file 'examples/pods/missing.yaml' does not exist in the content folder [missing-file]",
                "concepts/pods.md:18:1: warning: glossary_definition names 'nothing', which is neither a glossary note nor a concept; only its prepend text is shown [shortcode]",
            ])
        let page = try html(output, "concepts/pods/index.html")
        // The glossary note's words, linked to the bundled concepts like any other text.
        let words = page.replacingOccurrences(of: #"<a class="concept"[^>]*>([^<]*)</a>"#, with: "$1", options: .regularExpression)
        #expect(words.contains("<p>파드는 가장 작은 오브젝트.</p>\n\n<p>보통 디플로이먼트가 관리한다.</p>"), "\(page)")
        // Without length="all", the text up to <!--more-->.
        #expect(words.components(separatedBy: "보통 디플로이먼트가").count == 2)
        #expect(page.contains("<a href=\"../../examples/pods/simple-pod.yaml\"><code>pods/simple-pod.yaml</code></a>"))
        #expect(page.contains("<h2 id=\"다음-내용\">다음 내용"))
        #expect(
            page.contains(
                "<a href=\"https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/\">Pod v1 API</a>를 읽어 본다."))
        #expect(page.contains("<h2 id=\"시작하기-전에\">시작하기 전에"))
        let newest = KubernetesSchema.shared.newestVersion
        let minor = Int(newest.split(separator: ".")[1])!
        #expect(page.contains("쿠버네티스 v\(newest)과 v1.\(minor - 1)에서."))
        #expect(page.contains("서드파티 프로젝트나 제품을 다룹니다"))
        noDelimiters(output)
    }

    /// A Jekyll blog that turns math on: `$…$` and `$$…$$` become MathML, untouched by
    /// emphasis or linking; a dollar amount stays text; TeX gongbu cannot read is shown as TeX.
    @Test func mathIsMathMLWhereTheSiteOrNoteTurnsItOn() throws {
        let (report, output) = TestBuild.inMemory([
            "_config.yml": "title: 수식 블로그\nmath: true\n",
            "_posts/2024-05-01-loss.md": """
            ---
            title: 손실 함수
            ---
            가중치 $W_0$와 $b_i$를 쓴다. 값은 $5에서 $10 사이다.

            $$
            L = \\frac{1}{n} \\sum_{i=1}^{n} (y_i - \\hat{y}_i)^2
            $$

            지원하지 않는 $\\begin{matrix} a \\end{matrix}$ 도 있다. `$코드$`는 그대로.
            """,
            "about.md": "---\ntitle: 소개\nmath: false\n---\n가격은 $W_0$ 그대로.\n",
        ])
        #expect(report.succeeded, "\(report.diagnostics)")
        let post = try html(output, "2024/05/01/loss/index.html")
        #expect(post.contains("가중치 <math display=\"inline\"><semantics><mrow><msub><mi>W</mi><mn>0</mn></msub>"), "\(post)")
        #expect(post.contains("값은 $5에서 $10 사이다."))
        #expect(post.contains("<div class=\"math-display\"><math display=\"block\">"))
        #expect(post.contains("<code class=\"math-tex\">$\\begin{matrix} a \\end{matrix}$</code>"))
        #expect(post.contains("<code>$코드$</code>"))
        #expect(!post.contains("<em>") && !post.contains("$$"))
        #expect(try html(output, "about/index.html").contains("가격은 $W_0$ 그대로."))
    }

    @Test func aJekyllSiteLeavesItsThemeAndDraftsOut() throws {
        let (report, output) = TestBuild.inMemory([
            "_config.yml": "title: 지킬 블로그\nlang: ko\nexclude: [\"private\"]\n",
            "_posts/2024-03-02-pods.md":
                "---\ntitle: 파드\ncategories: [k8s]\n---\n{% raw %}{{ not.liquid }}{% endraw %} 본문\n{% highlight go %}\nfunc main() {}\n{% endhighlight %}\n",
            "_drafts/draft.md": "초안", "_layouts/post.html": "<html>{{ content }}</html>", "_includes/head.html": "x",
            "index.html": "---\nlayout: home\n---\n", "private/secret.md": "비밀", "assets/img/a.png": "PNG",
            "about.md": "---\ntitle: 소개\n---\n![사진](/assets/img/a.png) [파드 글](/k8s/2024/03/02/pods.html)\n",
        ])
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.sourceKind == .jekyll)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        // A post lives at Jekyll's permalink, and the author's link to its .html URL finds it.
        let post = try html(output, "k8s/2024/03/02/pods/index.html")
        #expect(post.contains("{{ not.liquid }} 본문"))
        #expect(
            post.contains(
                "<code id=\"code-1\" class=\"language-go\"><span class=\"tok-keyword\">func</span> main() {}\n"),
            "\(post)")
        #expect(
            !output.keys.contains {
                $0.contains("draft") || ($0.contains("secret") && !$0.hasPrefix("concepts/")) || $0.hasPrefix("_layouts")
                    || $0.hasPrefix("_includes")
            }
        )
        #expect(try html(output, "index.html").contains("<title>지킬 블로그</title>"))
        let about = try html(output, "about/index.html")
        #expect(about.contains("src=\"../assets/img/a.png\""))
        #expect(about.contains("href=\"../k8s/2024/03/02/pods/\""))
        noDelimiters(output)
    }
}
