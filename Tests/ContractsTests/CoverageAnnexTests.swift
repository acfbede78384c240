#if canImport(Glibc)
import Glibc
#endif
import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Testing
import TestSupport
import Support

/// The multi-year offer (robuuste bibliotheek, Open+ in Beilen, dBos on three schools, Kleintje
/// Bieb from 2026, Gezinsaanpak) lacks five Basis services and Wsob function 4, and Beilen, a
/// large branch, reaches only 4 of its 5 core functions.
@Suite("The coverage annex of the offerte")
struct CoverageAnnexTests {
    func request() throws -> PricingRequest {
        let path = try temporaryFile("dekking-\(nextTemporaryNumber()).offer.json", multiYearOffer)
        defer { unlink(path) }
        let library = try TariffLibrary.open(directory: fixtureTariffsDirectory)
        let assumptions = ProjectionAssumptions(flags: .init(wage: try .init(parsing: "3.75"), price: try .init(parsing: "2.1")))
        return try PricingRequestLoader.load(profileFile: repositoryRoot + "/seeds/municipalities/midden-drenthe.json",
                                             offerFile: path, library: library, assumptions: assumptions)
    }

    @Test("the report: Basis gaps with the cost the engine gives each alone, the missing core function, the branch below its need")
    func report() throws {
        let request = try request()
        let coverage = CoverageAnalyzer.coverage(of: request.offer, books: request.books)
        #expect(coverage.basisGaps.map(\.service) == ["llo-pakket-1", "boekstart-kinderopvang", "taalhuis", "meedoen", "ido"])
        #expect(coverage.basisNotApplicable.isEmpty)
        #expect(coverage.wsobCovered == [1, 2, 3, 5] && coverage.wsobMissing == [4])
        #expect(coverage.targetGroupsMissing.isEmpty)
        #expect(coverage.themesMissing == ["leven-lang-ontwikkelen"])
        let beilen = try #require(coverage.branches.first { $0.id == "beilen" })
        #expect(beilen.functions == [1, 2, 3, 5] && beilen.need == 5 && !beilen.meetsNeed)
        #expect(beilen.services == ["robuuste-bibliotheek", "open-plus"])
        let smilde = try #require(coverage.branches.first { $0.id == "smilde" })
        #expect(smilde.functions == [1, 3, 5] && smilde.need == 3 && smilde.meetsNeed)
        #expect(!coverage.isComplete)
        // Each gap's cost is what the engine charges for that service alone in an offer of these years.
        for gap in coverage.basisGaps {
            let alone = Offer(municipality: "midden-drenthe", firstYear: 2025, years: 3, lines: [OfferLine(service: gap.service)])
            let validated = try #require(OfferValidator.validate(alone, profile: request.offer.profile, books: request.books,
                                                                 collector: DiagnosticCollector(file: "alone")))
            let priced = try PricingEngine.price(validated, books: request.books)
            #expect(gap.costs.map(\.amount) == priced.years.map(\.totals.municipality), "\(gap.service)")
            #expect(gap.costs.map(\.year) == [2025, 2026, 2027])
        }
        // Taalhuis in 2025 is the published 3 170.
        #expect(coverage.basisGaps.first { $0.service == "taalhuis" }?.costs.first?.amount.jsonString == "3170.00")
    }

    @Test("the offerte carries it as its annex in HTML, Markdown and JSON (golden files)")
    func documents() throws {
        let request = try request()
        let priced = try PricingEngine.price(request.offer, books: request.books)
        let document = try DocumentBuilder.quote(priced, books: request.books, reference: "OFF-2025-001", date: documentDate,
                                                 coverage: CoverageAnalyzer.coverage(of: request.offer, books: request.books),
                                                 parties: DocumentParties(organisation: testOrganisation, profile: request.offer.profile))
        let coverage = try #require(document.coverage)
        #expect(coverage.gaps.map(\.name).contains("Taalhuis"))
        #expect(coverage.criteria.first { $0.name == "4 Ontmoeting en debat" }?.covered == false)
        let html = HTMLRenderer.render(document)
        let markdown = MarkdownRenderer.render(document)
        let json = DocumentJSON.encode(document)
        // The calculation is in the rekenbijlage, so the coverage is the offerte's one annex.
        #expect(html.contains("Bijlage 1 — Dekking van het aanbod"))
        #expect(markdown.contains("## Bijlage 1 — Dekking van het aanbod"))
        #expect(html.contains("<td>Beilen</td><td>grote bibliotheek</td><td>1, 2, 3, 5</td><td class=\"amount\">4</td><td class=\"amount\">5</td><td>voldoet niet</td>"))
        // 3 170 indexed by the mixed class, 2/3 × 3,75 % + 1/3 × 2,1 % = 3,2 % a year: 3 271,44 → 3 271, then 3 375,67 → 3 376.
        #expect(markdown.contains("| Taalhuis | €\u{00A0}3.170,00 | €\u{00A0}3.271,00 | €\u{00A0}3.376,00 |"))
        #expect(json.contains(#""meetsNeed": false"#))
        expectGolden(html, "offerte-dekking.html")
        expectGolden(markdown, "offerte-dekking.md")
        expectGolden(json, "offerte-dekking.json")
    }
}
