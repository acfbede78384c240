import Testing
import Web

@Suite("HTML escapes every string interpolated into it")
struct HTMLTests {
    @Test("A script in user text becomes inert text")
    func scriptInjection() {
        let userText = "<script>alert('x')</script>"
        let html: HTML = "<p>\(userText)</p>"
        #expect(html.rendered == "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>")
    }

    @Test("All five special characters are escaped, ampersands first and once")
    func fiveCharacters() {
        let html: HTML = "\("a & b < c > d \" e ' f &amp;")"
        #expect(html.rendered == "a &amp; b &lt; c &gt; d &quot; e &#39; f &amp;amp;")
    }

    @Test("HTML values pass through; numbers are written as numbers")
    func trustedFragmentsAndNumbers() {
        let name = "Bieb <Noord>"
        let cell: HTML = "<td>\(name)</td>"
        let row: HTML = "<tr>\(cell)<td>\(42)</td><td>\(-7 as Int64)</td><td>\(2.5)</td></tr>"
        #expect(row.rendered == "<tr><td>Bieb &lt;Noord&gt;</td><td>42</td><td>-7</td><td>2.5</td></tr>")
        let list: HTML = "<ul>\([HTML("<li>a</li>"), "<li>\("b&c")</li>"])</ul>"
        #expect(list.rendered == "<ul><li>a</li><li>b&amp;c</li></ul>")
        #expect(HTML.joined(["<i>1</i>", "<i>2</i>"], separator: ", ").rendered == "<i>1</i>, <i>2</i>")
        #expect(("<b>" + HTML(escaping: "&") + "</b>").rendered == "<b>&amp;</b>")
    }

    @Test("A substring is escaped like a string")
    func substrings() {
        let text = "x<y>z"
        let html: HTML = "\(text.dropFirst())"
        #expect(html.rendered == "&lt;y&gt;z")
    }

    @Test("Attribute values cannot break out of their quotes")
    func attributes() {
        let hostile = "\" onmouseover=\"alert(1)\" x='"
        let link: HTML = "<a\(HTML.attribute("title", hostile))>x</a>"
        #expect(link.rendered == "<a title=\"&quot; onmouseover=&quot;alert(1)&quot; x=&#39;\">x</a>")
        #expect(!link.rendered.contains("\" onmouseover"))
        let single: HTML = "<input value='\("it's")'>"
        #expect(single.rendered == "<input value='it&#39;s'>")
        let box: HTML = "<input\(HTML.attribute("checked", present: true))\(HTML.attribute("disabled", present: false))>"
        #expect(box.rendered == "<input checked>")
        let data: HTML = "<tr\(HTML.attribute("data-row-id", "7"))>"
        #expect(data.rendered == "<tr data-row-id=\"7\">")
    }

    @Test("URL attributes keep http, https, mailto and relative links, and drop other schemes")
    func urlAttributes() {
        let kept = ["/offers/7", "offers/7?tab=prijs#regel-2", "https://example.org/a?b=1&c=2", "HTTP://example.org",
                    "mailto:finance@example.org", "?q=a:b", "#top", "plain", "a/b:c"]
        for url in kept {
            #expect(HTML.attribute("href", url) == HTML(unsafeTrusted: " href=\"\(HTML.escape(url))\""), "\(url)")
        }
        let dropped = ["javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)", " javascript:alert(1)",
                       "\u{1}javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "file:///etc/passwd"]
        for url in dropped {
            #expect(HTML.attribute("href", url).rendered == " href=\"#\"", "\(url)")
            #expect(HTML.attribute("src", url).rendered == " src=\"#\"")
            #expect(HTML.attribute("formaction", url).rendered == " formaction=\"#\"")
        }
        #expect(HTML.attribute("title", "javascript:x").rendered == " title=\"javascript:x\"")
        #expect(HTML.attribute("href", "https://example.org/?a=1&b=2").rendered == " href=\"https://example.org/?a=1&amp;b=2\"")
    }

    @Test("Control characters and noncharacters become U+FFFD; tab and newlines stay")
    func controlCharacters() {
        let text = "a\u{0}b\u{7}c\u{1B}[31m\u{7F}\u{85}\u{FFFE}\td\ne\rf"
        let html: HTML = "\(text)"
        #expect(html.rendered == "a\u{FFFD}b\u{FFFD}c\u{FFFD}[31m\u{FFFD}\u{FFFD}\u{FFFD}\td\ne\rf")
        #expect(!html.rendered.unicodeScalars.contains { $0.value == 0 })
    }

    @Test("Non-ASCII text is kept as it is")
    func unicodeKept() {
        let html: HTML = "\("Zoë — € 12,50 📚")"
        #expect(html.rendered == "Zoë — € 12,50 📚")
    }

    @Test("Trusted markup is only ever explicit")
    func trustedMarkup() {
        let markup = "<hr>"
        #expect(HTML(unsafeTrusted: markup).rendered == "<hr>")
        #expect(HTML(escaping: markup).rendered == "&lt;hr&gt;")
        #expect(HTML().rendered.isEmpty)
        #expect("\(HTML("<br>"))" == "<br>")
    }
}
