import Catalogue
import Money
import Pricing
import Testing
import TestSupport

/// The readable lines of `offer show` and `contract show`: names, subjects, choices, and amounts
/// that add up to the offer's own totals.
@Suite("line summaries")
struct LineSummaryTests {
    @Test("each year's lines add up to the offer's totals, payer by payer", arguments: [
        ("midden-drenthe", "midden-drenthe-volledig"), ("midden-drenthe", "midden-drenthe-basis"), ("aa-en-hunze", "aa-en-hunze-leesbevordering"),
    ])
    func addUp(profile: String, offer: String) throws {
        let loaded = try request(profile: try #require(readFile(repositoryRoot + "/seeds/municipalities/\(profile).json")),
                                 offer: try #require(readFile(repositoryRoot + "/seeds/offers/\(offer).offer.json")))
        let priced = try PricingEngine.price(loaded.offer, books: loaded.books)
        let summaries = try LineSummaries.make(loaded.offer, books: loaded.books)
        #expect(summaries.count == loaded.offer.lines.count)
        #expect(summaries.map(\.number) == Array(1...summaries.count))
        for year in priced.years {
            let lines = summaries.compactMap { $0.years.first { $0.year == year.year }?.totals }
            #expect(try Money.sum(lines.map(\.municipality)) == year.totals.municipality)
            #expect(try Money.sum(lines.map(\.school)) == year.totals.school)
            #expect(try Money.sum(lines.map(\.participants)) == year.totals.participants)
        }
    }

    @Test("names, subjects and choices as a person reads them")
    func wording() throws {
        let loaded = try request(profile: try #require(readFile(repositoryRoot + "/seeds/municipalities/midden-drenthe.json")),
                                 offer: try #require(readFile(repositoryRoot + "/seeds/offers/midden-drenthe-volledig.offer.json")))
        let summaries = try LineSummaries.make(loaded.offer, books: loaded.books)
        let open = try #require(summaries.first { $0.service == "open-plus" })
        #expect(open.serviceName == "Open+ bibliotheek")
        #expect(open.subjects == "Beilen")
        let dbos = try #require(summaries.first { $0.service == "dbos-po" })
        #expect(dbos.subjects == "18 schools")
        let maatwerk = try #require(summaries.first { $0.service == "maatwerk" })
        #expect(maatwerk.details == ["level hbo", "hours 40", "“Leesplan gemeente”"])
        #expect(maatwerk.years.map(\.totals.municipality) == [try Money(parsing: "2960.00")])
        let robust = try #require(summaries.first { $0.service == "robuuste-bibliotheek" })
        #expect(robust.subjects == "4 branches")
    }
}
