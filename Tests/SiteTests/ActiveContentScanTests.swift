import GongbuTestSupport
import Testing

@testable import Site

@Suite("Active content scan")
struct ActiveContentScanTests {
    /// Markup a browser would run, one case per way of hiding it.
    @Test(arguments: [
        "<p>x</p><script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg/onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\" JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href='vbscript:msgbox(1)'>x</a>",
        "<img src=\"data:text/html;base64,PHNjcmlwdD4=\">",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"x.swf\"></object>",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        "<meta http-equiv=\"refresh\" content=\"0;URL='javascript:alert(1)'\">",
        "<div style=\"background:url(javascript:alert(1))\">",
        "<form><button formaction=\"javascript:alert(1)\">x</button></form>",
    ])
    func findsActiveContent(_ html: String) {
        #expect(!ActiveContentScan.findings(inHTML: html).isEmpty, "\(html)")
    }

    /// Escaped text, the theme's own scripts and harmless URLs are not findings.
    @Test(arguments: [
        "<p>javascript:alert(1) &lt;script&gt;alert(1)&lt;/script&gt;</p>",
        "<script src=\"../../assets/gongbu.js\" defer></script><script src=\"/assets/search.js\" defer></script>",
        "<a href=\"../pod/\" class=\"concept\" data-concept=\"pod\">파드</a>가",
        "<a href=\"https://kubernetes.io/ko/docs/\">문서</a> <img src=\"/images/a.png\" alt=\"onerror=x\">",
        "<!-- raw HTML omitted --><p>on=1</p>",
        "<p title=\"a > b\">x</p>",
        "<meta http-equiv=\"refresh\" content=\"0; url=../notes/x/\">",
        "<code>&lt;a href=\"javascript:x\"&gt;</code>",
    ])
    func ignoresSafeMarkup(_ html: String) {
        #expect(ActiveContentScan.findings(inHTML: html).isEmpty, "\(ActiveContentScan.findings(inHTML: html))")
    }

    /// A script's text is not read as tags, and the scan ends on unterminated input.
    @Test func rawTextAndTruncatedInput() {
        let findings = ActiveContentScan.findings(
            inHTML: "<script src=\"assets/gongbu.js\">var s = '<img src=x onerror=alert(1)>'</script>")
        #expect(findings.isEmpty)
        #expect(ActiveContentScan.findings(inHTML: "<a href=\"javascript:").count == 1)
        #expect(ActiveContentScan.findings(inHTML: "<").isEmpty)
        #expect(ActiveContentScan.findings(inHTML: "<a =\"x\" = =>").isEmpty)
    }
}
