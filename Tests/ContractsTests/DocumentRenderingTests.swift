#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Testing
import Support
import TestSupport

/// The date every test document carries, so golden files never depend on the clock.
let documentDate = CalendarDate(year: 2025, month: 11, day: 21)!

/// The date of the test agreements: a few weeks after the quote.
let agreementDate = CalendarDate(year: 2025, month: 12, day: 15)!

/// The fixtures' complete organisation, as `organisation.json` names it in messages.
let testOrganisation = OrganisationSource(organisation: try! OrganisationLoader.load(file: fixtureOrganisationFile), file: "organisation.json")

/// The seed profile of a municipality (its parties' data and illustrative marks), nil for none.
func seedProfile(_ code: String) -> MunicipalityProfile? {
    try? ProfileLoader.load(file: repositoryRoot + "/seeds/municipalities/\(code).json")
}

/// The parties of a test document: the fixtures' organisation and the seed profile (none when
/// the offer was priced with a changed profile whose name differs, such as the hostile one).
func testParties(_ priced: PricedOffer) -> DocumentParties {
    let profile = seedProfile(priced.municipality).flatMap { $0.name == priced.municipalityName ? $0 : nil }
    return DocumentParties(organisation: testOrganisation, profile: profile)
}

/// The offerte of a priced offer, with the fixed test reference and date; final unless told.
func testQuote(_ priced: PricedOffer, _ books: PricingBooks, release: DocumentRelease = .final(allowIllustrative: true)) throws -> QuoteDocument {
    try DocumentBuilder.quote(priced, books: books, reference: "OFF-2025-001", date: documentDate, parties: testParties(priced), release: release)
}

/// The uitvoeringsovereenkomst of a priced offer, with the fixed test references and dates: the
/// quote of `documentDate` accepted on `agreementDate`.
func testAgreement(_ priced: PricedOffer, _ books: PricingBooks, release: DocumentRelease = .final(allowIllustrative: true)) throws -> AgreementDocument {
    try DocumentBuilder.agreement(priced, books: books, reference: "UVO-2025-001", quoteReference: "OFF-2025-001",
                                  quoteDate: documentDate, acceptedOn: agreementDate, date: agreementDate, parties: testParties(priced), release: release)
}

/// The rekenbijlage of a priced offer.
func testCalculation(_ priced: PricedOffer, _ books: PricingBooks) throws -> CalculationDocument {
    try DocumentBuilder.calculation(priced, books: books, belongsTo: "offerte OFF-2025-001", date: documentDate, parties: testParties(priced))
}

/// Writes `text` to a file under /tmp whose name includes the process id, so parallel runs of
/// the suite never read each other's files, and returns its path.
func temporaryFile(_ name: String, _ text: String) throws -> String {
    let path = "/tmp/catalogue-document-tests-\(getpid())-\(name)"
    try FileSystem.writeFileAtomically(path, Array(text.utf8))
    return path
}

/// A three-year offer for Midden-Drenthe from 2025: 2026 and 2027 are projected by `pricedSeed`.
/// It has a one-off custom quote, a guide price with a one-off part, and a service that starts
/// in the second year, so every column of the overview has something to show.
let multiYearOffer = """
    {
      "municipality": "midden-drenthe",
      "firstYear": 2025,
      "years": 3,
      "title": "Meerjarige afspraak 2025-2027",
      "lines": [
        { "service": "robuuste-bibliotheek" },
        { "service": "open-plus", "branches": ["beilen"] },
        { "service": "dbos-po", "schools": ["po-beilen-a", "po-smilde-a", "po-wijster-a"] },
        { "service": "kleintje-bieb", "startYear": 2026 },
        { "service": "gezinsaanpak", "quote": { "amount": "12500.00", "description": "Uitvoering plan van aanpak", "recurrence": "one-off" } }
      ]
    }
    """

/// The multi-year offer priced; the offer file is written for the call and removed after it.
func pricedMultiYear() throws -> (PricedOffer, PricingBooks) {
    let path = try temporaryFile("meerjarig-\(nextTemporaryNumber()).offer.json", multiYearOffer)
    defer { unlink(path) }
    return try pricedSeed(profile: "midden-drenthe", offer: path)
}

/// A counter that gives every temporary file of this process its own name, because tests run
/// in parallel and one test must not remove the file another is still reading.
private let temporaryCounter = Mutex(0)

/// The next number of `temporaryCounter`.
func nextTemporaryNumber() -> Int {
    temporaryCounter.withLock { value in
        value += 1
        return value
    }
}

/// The example offers that get golden files, each with its profile.
let goldenExamples: [(profile: String, offer: String)] = [
    ("midden-drenthe", "midden-drenthe-volledig"),
    ("aa-en-hunze", "aa-en-hunze-leesbevordering"),
]

/// An amount as the documents print it: "€", a non-breaking space, the Dutch amount.
func documentAmount(_ money: Money) -> String {
    money.dutchString.replacing("€ ", with: "€\u{00A0}")
}

@Suite("Document rendering: golden files")
struct DocumentGoldenTests {
    @Test("offerte, agreement and rekenbijlage of the example offers in HTML, Markdown and JSON", arguments: goldenExamples)
    func examples(_ example: (profile: String, offer: String)) throws {
        let (priced, books) = try pricedSeed(profile: example.profile, offer: example.offer)
        let quote = try testQuote(priced, books)
        let agreement = try testAgreement(priced, books)
        expectGolden(HTMLRenderer.render(quote), "offerte-\(example.offer).html")
        expectGolden(MarkdownRenderer.render(quote), "offerte-\(example.offer).md")
        expectGolden(DocumentJSON.encode(quote), "offerte-\(example.offer).json")
        expectGolden(HTMLRenderer.render(agreement), "uitvoeringsovereenkomst-\(example.offer).html")
        expectGolden(MarkdownRenderer.render(agreement), "uitvoeringsovereenkomst-\(example.offer).md")
        expectGolden(DocumentJSON.encode(agreement), "uitvoeringsovereenkomst-\(example.offer).json")
        let calculation = try testCalculation(priced, books)
        expectGolden(HTMLRenderer.render(calculation), "rekenbijlage-\(example.offer).html")
        expectGolden(MarkdownRenderer.render(calculation), "rekenbijlage-\(example.offer).md")
        expectGolden(DocumentJSON.encode(calculation), "rekenbijlage-\(example.offer).json")
    }

    @Test("a three-year offer with projected years")
    func multiYear() throws {
        let (priced, books) = try pricedMultiYear()
        let quote = try testQuote(priced, books)
        let agreement = try testAgreement(priced, books)
        expectGolden(HTMLRenderer.render(quote), "offerte-midden-drenthe-meerjarig.html")
        expectGolden(HTMLRenderer.render(agreement), "uitvoeringsovereenkomst-midden-drenthe-meerjarig.html")
        expectGolden(MarkdownRenderer.render(quote), "offerte-midden-drenthe-meerjarig.md")
    }

    @Test("rendering twice gives the same bytes")
    func deterministic() throws {
        let (priced, books) = try pricedSeed(profile: "midden-drenthe", offer: "midden-drenthe-volledig")
        let quote = try testQuote(priced, books)
        #expect(HTMLRenderer.render(quote) == HTMLRenderer.render(try testQuote(priced, books)))
        #expect(DocumentJSON.encode(quote) == DocumentJSON.encode(try testQuote(priced, books)))
        #expect(MarkdownRenderer.render(quote) == MarkdownRenderer.render(try testQuote(priced, books)))
        let agreement = try testAgreement(priced, books)
        #expect(HTMLRenderer.render(agreement) == HTMLRenderer.render(try testAgreement(priced, books)))
    }
}

@Suite("Document rendering: the same numbers in every format")
struct DocumentNumbersTests {
    /// Every money string under a key in `keys`, anywhere in the JSON value except the service
    /// levels, where "school" is a name.
    func amounts(in value: JSONValue, keys: Set<String>) -> [String] {
        switch value {
        case .object(let object):
            return object.members.flatMap { member -> [String] in
                if member.key == "serviceLevels" { return [] }
                if keys.contains(member.key), let text = member.value.stringValue { return [text] }
                return amounts(in: member.value, keys: keys)
            }
        case .array(let elements):
            return elements.flatMap { amounts(in: $0, keys: keys) }
        default:
            return []
        }
    }

    @Test("every total, subtotal and amount in the JSON appears in the documents' notation in the HTML and the Markdown",
          arguments: goldenExamples.map(\.offer) + ["meerjarig"])
    func totalsAgree(_ offer: String) throws {
        let (priced, books) = offer == "meerjarig" ? try pricedMultiYear()
            : try pricedSeed(profile: goldenExamples.first { $0.offer == offer }!.profile, offer: offer)
        let quote = try testQuote(priced, books)
        let agreement = try testAgreement(priced, books)
        let calculation = try testCalculation(priced, books)
        let moneyKeys: Set<String> = ["municipality", "oneOff", "annual", "school", "schoolVat", "participants",
                                      "total", "amount", "unitPrice"]
        for (json, html, markdown) in [
            (DocumentJSON.encode(quote), HTMLRenderer.render(quote), MarkdownRenderer.render(quote)),
            (DocumentJSON.encode(agreement), HTMLRenderer.render(agreement), MarkdownRenderer.render(agreement)),
            (DocumentJSON.encode(calculation), HTMLRenderer.render(calculation), MarkdownRenderer.render(calculation)),
        ] {
            let parsed = try JSONParser.parse(json)
            let found = amounts(in: parsed, keys: moneyKeys)
            #expect(found.count > 20)
            for text in found {
                let dutch = documentAmount(try Money(parsing: text))
                #expect(html.contains(dutch), "\(dutch) (\(text)) is missing from the HTML")
                #expect(markdown.contains(dutch), "\(dutch) (\(text)) is missing from the Markdown")
            }
            // The term's municipality total is the sum of the years, in the JSON as in the model.
            let totals = try #require(parsed.objectValue?["totals"]?.arrayValue)
            let yearly = try totals.filter { $0.objectValue?["year"] != .null }.map { try Money(parsing: $0.objectValue!["municipality"]!.stringValue!) }
            let term = try #require(totals.last { $0.objectValue?["year"] == .null }?.objectValue?["municipality"]?.stringValue)
            #expect(try Money.sum(yearly) == Money(parsing: term))
            // Never a breakable space between the euro sign and its amount.
            #expect(!html.contains("€ ") && !markdown.contains("€ "))
        }
    }

    @Test("the instalments of each year add up to the municipality's total of that year",
          arguments: goldenExamples.map(\.offer) + ["meerjarig"])
    func instalments(_ offer: String) throws {
        let (priced, books) = offer == "meerjarig" ? try pricedMultiYear()
            : try pricedSeed(profile: goldenExamples.first { $0.offer == offer }!.profile, offer: offer)
        let agreement = try testAgreement(priced, books)
        let parsed = try JSONParser.parse(DocumentJSON.encode(agreement))
        let instalments = try #require(parsed.objectValue?["instalments"]?.arrayValue)
        #expect(instalments.count == 4 * agreement.years.count)
        var totalCells = ""
        for year in agreement.years {
            let ofYear = instalments.compactMap(\.objectValue).filter { $0["year"]?.numberValue?.int64Value == Int64(year.year) }
            let sum = try Money.sum(ofYear.map { try Money(parsing: $0["amount"]!.stringValue!) })
            let total = try #require(agreement.totals.first { $0.year == year.year })
            #expect(sum == total.municipality, "instalments of \(year.year)")
            #expect(ofYear.first?["due"]?.stringValue == "\(year.year)-01-01")
            totalCells += "<td class=\"amount\">\(documentAmount(total.municipality))</td>"
        }
        // The HTML schedule closes with each year's total, in year order.
        #expect(HTMLRenderer.render(agreement).contains("<tr class=\"year-total\"><th scope=\"row\" colspan=\"2\">Totaal</th>" + totalCells + "</tr>"))
    }

    @Test("the JSON carries the kind, the status, the references and typed scalars")
    func jsonShape() throws {
        let (priced, books) = try pricedSeed(profile: "midden-drenthe", offer: "midden-drenthe-volledig")
        let quote = try #require(JSONParser.parse(DocumentJSON.encode(try testQuote(priced, books))).objectValue)
        #expect(quote["kind"] == "offerte")
        #expect(quote["status"] == "final")
        #expect(quote["reference"] == "OFF-2025-001")
        #expect(quote["date"] == "2025-11-21")
        #expect(quote["validUntil"] == "2026-01-20")
        #expect(quote["version"] == 1)
        #expect(quote["supersedes"] == .null)
        #expect(quote["supplier"]?.objectValue?["kvk"] == "12345678")
        #expect(quote["supplier"]?.objectValue?["legalName"] == "Stichting Proefbibliotheek")
        let firstYear = try #require(quote["years"]?.arrayValue?.first?.objectValue)
        #expect(firstYear["year"] == 2025)
        #expect(firstYear["projected"] == false)
        let robust = try #require(quote["tiers"]?.arrayValue?.first?.objectValue?["programmeLines"]?.arrayValue?.first?
            .objectValue?["services"]?.arrayValue?.first?.objectValue)
        #expect(robust["code"] == "robuuste-bibliotheek")
        #expect(robust["amounts"]?.objectValue?["byYear"] == [["amount": "750549.72", "year": 2025]])

        let calculation = try #require(JSONParser.parse(DocumentJSON.encode(try testCalculation(priced, books))).objectValue)
        #expect(calculation["kind"] == "rekenbijlage")
        let firstLine = try #require(calculation["annexes"]?.arrayValue?.first?.objectValue?["lines"]?.arrayValue?.first?.objectValue)
        #expect(firstLine["amount"] == "95116.00")
        #expect(firstLine["quantity"] == "1")
        #expect(firstLine["subject"] == "Beilen")

        let agreement = try #require(JSONParser.parse(DocumentJSON.encode(try testAgreement(priced, books))).objectValue)
        #expect(agreement["kind"] == "uitvoeringsovereenkomst")
        #expect(agreement["status"] == "final")
        #expect(agreement["reference"] == "UVO-2025-001")
        #expect(agreement["quoteReference"] == "OFF-2025-001")
        #expect(agreement["quoteDate"] == "2025-11-21")
        #expect(agreement["acceptedOn"] == "2025-12-15")
        #expect(agreement["firstYear"] == 2025)
        #expect(agreement["articles"]?.arrayValue?.first?.objectValue?["title"] == "Begrippen, onderwerp en grondslag")
        #expect(agreement["books"]?.arrayValue?.first?.objectValue?["hash"]?.stringValue?.hasPrefix("sha256:") == true)
    }
}

@Suite("Document rendering: layout")
struct DocumentLayoutTests {
    @Test("the HTML is one self-contained A4 page with print rules")
    func selfContained() throws {
        let (priced, books) = try pricedMultiYear()
        let pages = [HTMLRenderer.render(try testQuote(priced, books)), HTMLRenderer.render(try testAgreement(priced, books)),
                     HTMLRenderer.render(try testCalculation(priced, books))]
        for html in pages {
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">"))
            for rule in ["@page", "size: A4", "break-inside: avoid", "break-after: avoid", "white-space: nowrap",
                         "thead { display: table-header-group; }", "<title>", "<style>"] {
                #expect(html.contains(rule), "missing \(rule)")
            }
            for external in ["http://", "https://", "src=", "<link", "<script", "<img", "url(", "@import"] {
                #expect(!html.contains(external), "found \(external)")
            }
            #expect(html.hasSuffix("</main>\n</body>\n</html>\n"))
        }
        // The agreement's price overview and its activities each start a page; the rekenbijlage has one section a year.
        #expect(pages[1].ranges(of: "<section class=\"annex\">").count == 2)
        #expect(pages[2].ranges(of: "<section class=\"calculation-year\">").count == 3)
        #expect(pages[2].contains("<h2>Berekening 2027 (raming)</h2>"))
        // No priced line is in what is signed: only the rekenbijlage has a price per unit.
        for signed in pages[0...1] { #expect(!signed.contains("Prijs per eenheid")) }
        #expect(pages[2].contains("Prijs per eenheid"))
    }

    @Test("the offerte shows the supplier's details, the projected years, the conditions and how to accept")
    func quoteLayout() throws {
        let (priced, books) = try pricedMultiYear()
        var quote = try testQuote(priced, books)
        quote.version = 2
        quote.supersedes = "OFF-2025-000"
        let html = HTMLRenderer.render(quote)
        for text in ["<h1>Offerte</h1>", "<span class=\"label\">Kenmerk:</span> OFF-2025-001",
                     "<span class=\"label\">Versie:</span> 2 (vervangt OFF-2025-000)",
                     "<span class=\"label\">Datum:</span> 21 november 2025",
                     "<span class=\"label\">Geldig tot en met:</span> 20 januari 2026",
                     "Stichting Proefbibliotheek, handelend onder de naam Proefbieb", "Brink 1, 9401 HS Assen",
                     "KvK-nummer 12345678", "Btw-nummer NL001234567B01",
                     "<p class=\"party\">Gemeente Midden-Drenthe</p>", "t.a.v. N.N., wethouder",
                     "in de jaren 2025 tot en met 2027",
                     "<th scope=\"col\" class=\"amount\">2025</th><th scope=\"col\" class=\"amount\">2026 (raming)</th>"
                         + "<th scope=\"col\" class=\"amount\">2027 (raming)</th><th scope=\"col\" class=\"amount\">Totaal 2025–2027</th>",
                     "<span class=\"marker\">(O)</span>", "<span class=\"marker\">(R)</span>", "<span class=\"marker\">(I)</span>",
                     "waarvan eenmalig €\u{00A0}25.800,00", "Subtotaal Basis", "Subsidiebedrag gemeente",
                     "<h2>Voorwaarden</h2>", "<h2>Aanvaarden</h2>", "uiterlijk op 20 januari 2026 ondertekend terug te sturen aan Stichting Proefbibliotheek",
                     "Voor akkoord: door ondertekening aanvaardt de gemeente offerte OFF-2025-001.",
                     "lonen +3,75\u{00A0}% en prijzen +2,1\u{00A0}%", "<body class=\"compact\">"] {
            #expect(html.contains(text), "missing \(text)")
        }
        // The projection is explained once, in the conditions.
        #expect(html.ranges(of: "jaarlijks geïndexeerd met lonen").count == 1)
        // Kleintje Bieb starts in 2026: its 2025 cell is a dash.
        let kleintje = try #require(html.split(separator: "\n").first { $0.contains("Kleintje Bieb") })
        #expect(kleintje.contains("<td class=\"amount empty\">—</td>"))
        let markdown = MarkdownRenderer.render(quote)
        #expect(markdown.contains("| Dienst | 2025 | 2026 (raming) | 2027 (raming) | Totaal 2025–2027 |"))
        #expect(markdown.contains("- Versie: 2 (vervangt OFF-2025-000)"))
    }

    @Test("every text of the model appears in the HTML, escaped")
    func everyText() throws {
        let (priced, books) = try pricedSeed(profile: "midden-drenthe", offer: "midden-drenthe-volledig")
        let quote = try testQuote(priced, books)
        let agreement = try testAgreement(priced, books)
        let calculation = try testCalculation(priced, books)
        let quoteHTML = HTMLRenderer.render(quote)
        let agreementHTML = HTMLRenderer.render(agreement)
        let calculationHTML = HTMLRenderer.render(calculation)
        var quoteTexts = quote.conditions + quote.notes
        quoteTexts += quote.tiers.flatMap { tier in [tier.name] + tier.programmeLines.flatMap { [$0.name] + $0.services.flatMap { [$0.name, $0.section] } } }
        for text in quoteTexts {
            #expect(quoteHTML.contains(escapedForTest(text)), "missing \(text)")
        }
        var agreementTexts = agreement.considerations + agreement.articles.flatMap { [$0.title] + $0.paragraphs }
        agreementTexts += agreement.serviceLevels.flatMap { [$0.school, $0.name, $0.value] }
        agreementTexts += agreement.activities.flatMap { [$0.service] + $0.commitments } + agreement.books.map(\.hash)
        for text in agreementTexts {
            #expect(agreementHTML.contains(escapedForTest(text)), "missing \(text)")
        }
        for article in agreement.articles {
            #expect(agreementHTML.contains("<h2 class=\"article-title\">Artikel \(article.number) \(escapedForTest(article.title))</h2>"))
            #expect(agreementHTML.contains("<span class=\"paragraph-number\">\(article.number).\(article.paragraphs.count)</span>"))
        }
        for text in calculation.annexes.flatMap({ $0.lines.flatMap { [$0.explanation, $0.componentName, $0.serviceName] } }) {
            #expect(calculationHTML.contains(escapedForTest(text)), "missing \(text)")
        }
    }

    @Test("the agreement has its parties, recitals, articles, signatures and annexes in order")
    func agreementLayout() throws {
        let (priced, books) = try pricedSeed(profile: "aa-en-hunze", offer: "aa-en-hunze-leesbevordering")
        let html = HTMLRenderer.render(try testAgreement(priced, books))
        let order = ["<h1>Uitvoeringsovereenkomst</h1>", "<span class=\"label\">Offerte:</span> OFF-2025-001 van 21 november 2025",
                     "<h2>Partijen</h2>", "<strong>Gemeente Aa en Hunze</strong>, met adres",
                     "hierna: de gemeente", "<strong>Stichting Proefbibliotheek, handelend onder de naam Proefbieb</strong>, met adres Brink 1, 9401 HS Assen, KvK-nummer 12345678",
                     "rechtsgeldig vertegenwoordigd door B. Bestuurder, directeur-bestuurder, hierna: de bibliotheek",
                     "<h2>Overwegingen</h2>", "Overwegende dat:",
                     "de gemeente die offerte op 15 december 2025 heeft aanvaard;",
                     "<h2 class=\"article-title\">Artikel 1 Begrippen, onderwerp en grondslag</h2>", "<span class=\"paragraph-number\">1.1</span>",
                     "Artikel 4 Subsidiebedrag", "Artikel 12 Geschillen en toepasselijk recht", "Rechtbank Noord-Nederland",
                     "<h2>Ondertekening</h2>", "Aldus overeengekomen en in tweevoud ondertekend.", "<h2>Bijlagen</h2>",
                     "<h2>Bijlage 1 — Subsidiebedrag per jaar en per dienst</h2>", "<h2>Bijlage 2 — Activiteiten en prestaties",
                     "Basisschool Annen A", "5 boeken per leerling", "<h2>Bijlage 3 — Betalingsschema van de voorschotten</h2>", "1e kwartaal",
                     "1 januari", "<h2>Bijlage 4 — Gebruikte tariefboeken</h2>", "sha256:"]
        var rest = Substring(html)
        for text in order {
            let range = try #require(rest.firstRange(of: text), "missing or out of order: \(text)")
            rest = rest[range.upperBound...]
        }
        #expect(html.ranges(of: "<span class=\"label\">Handtekening:</span>").count == 2)
        #expect(html.ranges(of: "<span class=\"label\">Plaats:</span>").count == 2)
        // The service levels are one table per service for the whole term, never one per year.
        let agreement = try testAgreement(priced, books)
        #expect(html.ranges(of: "<table class=\"levels\">").count == Set(agreement.serviceLevels.map(\.service)).count)
        #expect(!html.contains("opdrachtgever") && !html.contains("opdrachtnemer"))
    }

    @Test("every Markdown table row has as many cells as its header")
    func markdownTables() throws {
        let (priced, books) = try pricedMultiYear()
        for markdown in [MarkdownRenderer.render(try testQuote(priced, books)), MarkdownRenderer.render(try testAgreement(priced, books)),
                         MarkdownRenderer.render(try testCalculation(priced, books))] {
            expectWellFormedTables(markdown)
        }
        let (hostile, hostileBooks) = try pricedHostile()
        expectWellFormedTables(MarkdownRenderer.render(try testQuote(hostile, hostileBooks)))
        expectWellFormedTables(MarkdownRenderer.render(try testAgreement(hostile, hostileBooks)))
        expectWellFormedTables(MarkdownRenderer.render(try testCalculation(hostile, hostileBooks)))
    }
    /// Counts the cell borders of each row, skipping escaped pipes, and compares with the
    /// table's first row.
    func expectWellFormedTables(_ markdown: String, sourceLocation: SourceLocation = #_sourceLocation) {
        var headerCells: Int?
        var tables = 0
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                headerCells = nil
                continue
            }
            var cells = 0
            var escaped = false
            for character in line {
                if escaped { escaped = false; continue }
                if character == "\\" { escaped = true } else if character == "|" { cells += 1 }
            }
            if let expected = headerCells {
                #expect(cells == expected, "row \(line)", sourceLocation: sourceLocation)
            } else {
                headerCells = cells
                tables += 1
            }
        }
        #expect(tables >= 2, sourceLocation: sourceLocation)
    }
}

/// The five HTML escapes, written independently of the renderer.
func escapedForTest(_ text: String) -> String {
    text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
        .replacing("\"", with: "&quot;").replacing("'", with: "&#39;")
}
