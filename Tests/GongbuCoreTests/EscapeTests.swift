import Testing

@testable import GongbuCore

@Suite("Escaping")
struct EscapeTests {
    @Test func htmlEscapesAllFiveCharacters() {
        #expect(Escape.html(#"<a href="x" onclick='y'>&</a>"#) == "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
        #expect(Escape.html("파드") == "파드")
    }

    @Test func xmlDropsForbiddenControlCharacters() {
        #expect(Escape.xml("a\u{1}b<\u{B}c") == "ab&lt;c")
        #expect(Escape.xml("tab\tline\n") == "tab\tline\n")
    }

    @Test func jsonStringIsSafeInsideScript() {
        #expect(Escape.jsonString("</script>\"\\\n") == #""\u003c/script\u003e\"\\\n""#)
        #expect(Escape.jsonString("파드") == "\"파드\"")
        #expect(Escape.jsonString("\u{2028}") == #""\u2028""#)
    }

    @Test func percentEncodesUTF8PathSegments() {
        #expect(Escape.urlPathSegment("커뮤니티") == "%EC%BB%A4%EB%AE%A4%EB%8B%88%ED%8B%B0")
        #expect(Escape.urlPathSegment("a b/c") == "a%20b%2Fc")
        #expect(Escape.urlPath("tags/a b/") == "tags/a%20b/")
        #expect(Escape.urlPath("notes/pod-1_x.y~/") == "notes/pod-1_x.y~/")
    }

    /// Fragments keep Korean as it is; only what a URL fragment cannot hold raw is encoded.
    @Test func fragmentsKeepKoreanAndEncodeWhatTheyMust() {
        #expect(Escape.urlFragment("컨트롤-플레인") == "컨트롤-플레인")
        #expect(Escape.urlFragment("파드 스펙") == "파드%20스펙")
        #expect(Escape.urlFragment("a\"b<c>`d#e%f") == "a%22b%3Cc%3E%60d%23e%25f")
        #expect(Escape.urlFragment("initial-ㄱ") == "initial-ㄱ")
    }

    @Test func percentDecodingRoundTrips() {
        #expect("%EC%BB%A4%EB%AE%A4%EB%8B%88%ED%8B%B0".percentDecoded == "커뮤니티")
        #expect("100%".percentDecoded == "100%")
        #expect("%zz".percentDecoded == "%zz")
    }
}
