import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Testing
import TestSupport
import Support

/// A municipality name that is markup, an entity, quotes and a spreadsheet formula at once.
let hostileName = #"<script>alert(1)</script> & "Co" =HYPERLINK("x")"#

/// A school name that starts with a formula and holds every Markdown special character.
let hostileSchool = #"=HYPERLINK("x") | # Beilen *A* _b_ `c` <i>schuin</i> [link](javascript:x)"#

/// The Midden-Drenthe profile with a hostile municipality name, school and branch, and an offer
/// whose title, quote description and maatwerk description hold markup, priced in memory.
func pricedHostile(municipalityName: String = hostileName) throws -> (PricedOffer, PricingBooks) {
    let seed = String(decoding: try FileSystem.readFile(repositoryRoot + "/seeds/municipalities/midden-drenthe.json"), as: UTF8.self)
    let profile = seed
        .replacing(#""name": "Midden-Drenthe""#, with: #""name": "# + jsonQuoted(municipalityName))
        .replacing(#""name": "Basisschool Beilen A""#, with: #""name": "# + jsonQuoted(hostileSchool))
        .replacing(#""name": "Beilen""#, with: #""name": "# + jsonQuoted("-Beilen & <b>co</b>"))
    let offer = """
        {
          "municipality": "midden-drenthe",
          "firstYear": 2025,
          "years": 1,
          "title": \(jsonQuoted(#"1. <i>Titel</i> & 'enkel' "dubbel""#)),
          "lines": [
            { "service": "robuuste-bibliotheek" },
            { "service": "dbos-po", "schools": ["po-beilen-a", "po-smilde-a"] },
            { "service": "gezinsaanpak", "quote": { "amount": "100.00", "description": "<b>Plan</b> & aanpak", "recurrence": "one-off" } },
            { "service": "maatwerk", "level": "hbo", "hours": 10, "description": \(jsonQuoted("# <b>vet</b> & `code` | *ster*")) }
          ]
        }
        """
    let library = try TariffLibrary.open(directory: fixtureTariffsDirectory)
    let request = try PricingRequestLoader.load(
        profileBytes: Array(profile.utf8), profileFile: "/tmp/hostile-profile.json",
        offerBytes: Array(offer.utf8), offerFile: "/tmp/hostile.offer.json"
    ) { (years) throws(InputError) -> PricingBooks in
        try BookProjector.books(for: years, library: library, assumptions: ProjectionAssumptions())
    }
    return (try PricingEngine.price(request.offer, books: request.books), request.books)
}

/// The text as a JSON string literal, quotes included.
func jsonQuoted(_ text: String) -> String {
    JSONWriter.write(.string(text), pretty: false)
}

@Suite("Document rendering: escaping")
struct DocumentEscapingTests {
    @Test("the hostile texts reach the documents")
    func hostileInput() throws {
        let (priced, books) = try pricedHostile()
        let quote = try testQuote(priced, books)
        #expect(quote.municipality.name == "Gemeente " + hostileName)
        let calculation = try testCalculation(priced, books)
        #expect(calculation.annexes[0].lines.contains { $0.subject == hostileSchool })
        #expect(calculation.annexes[0].lines.contains { $0.subject == "<b>Plan</b> & aanpak" })
    }

    @Test("HTML shows every hostile text literally and never as markup")
    func html() throws {
        let (priced, books) = try pricedHostile()
        let calculationHTML = HTMLRenderer.render(try testCalculation(priced, books))
        #expect(calculationHTML.contains("&lt;b&gt;Plan&lt;/b&gt; &amp; aanpak"))
        #expect(calculationHTML.contains("-Beilen &amp; &lt;b&gt;co&lt;/b&gt;"))
        for html in [HTMLRenderer.render(try testQuote(priced, books)), HTMLRenderer.render(try testAgreement(priced, books)), calculationHTML] {
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; =HYPERLINK(&quot;x&quot;)"))
            #expect(html.contains("<title>") && html.contains("&lt;script&gt;"))
            if !html.contains("<h1>Offerte") {
                #expect(html.contains("=HYPERLINK(&quot;x&quot;) | # Beilen *A* _b_ `c` &lt;i&gt;schuin&lt;/i&gt; [link](javascript:x)"))
            }
            for markup in ["<script", "</script", "<b>", "<i>", "</i>", "\"Co\""] {
                #expect(!html.contains(markup), "found \(markup)")
            }
        }
        let quoteHTML = HTMLRenderer.render(try testQuote(priced, books))
        #expect(quoteHTML.contains("<h2 class=\"title\">1. &lt;i&gt;Titel&lt;/i&gt; &amp; &#39;enkel&#39; &quot;dubbel&quot;</h2>"))
        #expect(calculationHTML.contains("# &lt;b&gt;vet&lt;/b&gt; &amp; `code` | *ster*"))
    }

    @Test("Markdown neutralises markup, formatting and formulas")
    func markdown() throws {
        let (priced, books) = try pricedHostile()
        let calculation = MarkdownRenderer.render(try testCalculation(priced, books))
        // The school name starts a cell: its "=" is escaped, and so is every special character.
        #expect(calculation.contains(#"| \=HYPERLINK("x") \| # Beilen \*A\* \_b\_ \`c\` &lt;i&gt;schuin&lt;/i&gt; \[link\](javascript:x) |"#))
        #expect(calculation.contains("| \\-Beilen &amp; &lt;b&gt;co&lt;/b&gt; |"))
        for markdown in [MarkdownRenderer.render(try testQuote(priced, books)), MarkdownRenderer.render(try testAgreement(priced, books)), calculation] {
            #expect(markdown.contains(#"&lt;script&gt;alert(1)&lt;/script&gt; &amp; "Co" =HYPERLINK("x")"#))
            for markup in ["<script", "<b>", "<i>", "</i>"] {
                #expect(!markdown.contains(markup), "found \(markup)")
            }
            for line in markdown.split(separator: "\n") {
                #expect(!line.hasPrefix("<") && !line.hasPrefix("="), "line \(line)")
            }
        }
        let quote = MarkdownRenderer.render(try testQuote(priced, books))
        // A title that starts like a list item keeps its number; a Dutch quantity keeps its dot.
        #expect(quote.contains(#"## 1\. &lt;i&gt;Titel&lt;/i&gt; &amp; 'enkel' "dubbel""#))
        #expect(calculation.contains("| 34.093 |"))
        #expect(calculation.contains(##"| \# &lt;b&gt;vet&lt;/b&gt; &amp; \`code\` \| \*ster\* |"##))
        #expect(calculation.contains("| &lt;b&gt;Plan&lt;/b&gt; &amp; aanpak |"))
    }

    @Test("Markdown breaks up bare URLs and e-mail addresses so that no renderer makes them links")
    func markdownAutolinks() throws {
        let name = "Bieb https://evil.example/x www.evil.example WWW.Evil.example mail@evil.example kwww.nl"
        let (priced, books) = try pricedHostile(municipalityName: name)
        let markdown = MarkdownRenderer.render(try testQuote(priced, books))
        #expect(markdown.contains(#"Bieb https\://evil.example/x www\.evil.example WWW\.Evil.example mail\@evil.example kwww.nl"#))
        for link in ["https://", "www.evil", "WWW.Evil", "mail@"] {
            #expect(!markdown.contains(link), "found \(link)")
        }
    }

    @Test("JSON keeps the texts exactly")
    func json() throws {
        let (priced, books) = try pricedHostile()
        let parsed = try JSONParser.parse(DocumentJSON.encode(try testQuote(priced, books)))
        #expect(parsed.objectValue?["municipality"]?.objectValue?["legalName"] == .string("Gemeente " + hostileName))
        let agreement = try JSONParser.parse(DocumentJSON.encode(try testAgreement(priced, books)))
        let levels = try #require(agreement.objectValue?["serviceLevels"]?.arrayValue)
        #expect(levels.contains { $0.objectValue?["school"] == .string(hostileSchool) })
    }
}
