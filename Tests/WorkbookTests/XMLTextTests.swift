import Testing
import Workbook

/// Texts a spreadsheet cell might be given by someone who means harm, or by a copy and paste.
let hostileTexts: [String] = [
    "<script>alert('x')</script>", "Tom & Jerry", "\"quoted\" and 'apostrophed'", "]]> end of CDATA",
    "NUL\u{0}here", "bell\u{7} and escape\u{1B}", "not a character: \u{FFFE}\u{FFFF}", "emoji 👩🏽‍💻 and € ß ĳ",
    "tab\there\nnew line\r\ncarriage return", "  leading and trailing spaces  ", "_x0041_ is not an A", "",
]

@Suite("XML escaping writes any text so a parser reads back the same text")
struct XMLTextTests {
    @Test("Markup characters become entities in text and attributes")
    func markup() {
        #expect(XMLText.escapedText("<a href=\"x\">Tom & 'Jerry'</a>") ==
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;")
        #expect(XMLText.escapedAttribute("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&apos;")
        #expect(XMLText.escapedText("plain text, € and 👍") == "plain text, € and 👍")
    }

    @Test("Characters XML 1.0 does not allow are replaced, never written")
    func disallowed() {
        #expect(XMLText.escapedText("a\u{0}b\u{8}c\u{B}d\u{C}e\u{1F}f\u{FFFE}g\u{FFFF}") ==
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}g\u{FFFD}")
        #expect(XMLText.replacingDisallowedCharacters("ok\u{1}") == "ok\u{FFFD}")
        #expect(XMLText.isAllowed("\t") && XMLText.isAllowed("\n") && XMLText.isAllowed("\r"))
        #expect(XMLText.isAllowed("\u{D7FF}") && XMLText.isAllowed("\u{E000}") && XMLText.isAllowed("\u{10FFFF}"))
        #expect(!XMLText.isAllowed("\u{0}") && !XMLText.isAllowed("\u{1}") && !XMLText.isAllowed("\u{FFFE}") && !XMLText.isAllowed("\u{FFFF}"))
    }

    @Test("Whitespace a parser would normalize is written as character references")
    func whitespace() {
        #expect(XMLText.escapedText("a\tb\nc\r\nd") == "a\tb\nc&#13;\nd")
        #expect(XMLText.escapedAttribute("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d")
    }

    @Test("A real XML parser reads hostile text back as it was", .enabled(if: executableOnPath("python3") != nil, "python3 is not installed"))
    func roundTrip() throws {
        var document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<texts>"
        for text in hostileTexts {
            document += "<t a=\"\(XMLText.escapedAttribute(text))\" b='\(XMLText.escapedAttribute(text))'>\(XMLText.escapedText(text))</t>"
        }
        document += "</texts>"
        let path = try writeTemporaryFile(Array(document.utf8), named: "texts.xml")
        let script = """
            import sys, xml.etree.ElementTree as ET
            for t in ET.parse(sys.argv[1]).getroot():
                print((t.text or '').encode().hex(), t.get('a').encode().hex(), t.get('b').encode().hex())
            """
        let result = try #require(runTool(executableOnPath("python3")!, ["-c", script, path]))
        #expect(result.status == 0, "\(result.output)")
        let expected = hostileTexts.map { text in
            let hex = hexadecimal(XMLText.replacingDisallowedCharacters(text))
            return "\(hex) \(hex) \(hex)\n"
        }.joined()
        #expect(result.output == expected)
    }
}

/// The UTF-8 bytes of a text as lowercase hexadecimal, as Python's `bytes.hex()` writes them.
func hexadecimal(_ text: String) -> String {
    let digits = Array("0123456789abcdef")
    return String(text.utf8.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] })
}
