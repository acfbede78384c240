import Money
import Pricing
@testable import Spreadsheets
import Testing
import TestSupport
import Workbook

@Suite("PriceWorkbook builds the price workbook from the priced offer")
struct PriceWorkbookBuilderTests {
    @Test("the same priced offer gives the same bytes; the sheets and headers are Dutch")
    func deterministic() throws {
        let (priced, request) = try pricedSeed("midden-drenthe", "midden-drenthe-basis")
        let workbook = try PriceWorkbook.build(priced, request: request, sources: .init(profile: "p.json", offer: "o.json"))
        #expect(try workbook.bytes() == PriceWorkbook.build(priced, request: request, sources: .init(profile: "p.json", offer: "o.json")).bytes())
        #expect(workbook.sheets.map(\.name) == ["Overzicht", "Per dienst", "Regels", "Uitgangspunten"])
        let headers = layout(workbook)
        #expect(headers["Overzicht"] == ["Jaar", "Tariefboek", "Bedrag gemeente", "Bedrag scholen (excl. btw)", "Btw scholen",
                                         "Bijdragen deelnemers (verwacht)"])
        #expect(headers["Per dienst"] == ["Niveau", "Dienst", "Dienstcode", "Bedrag gemeente 2025", "Bedrag gemeente totaal"])
        #expect(headers["Regels"]?.prefix(8) == ["Jaar", "Dienst", "Dienstcode", "Onderdeel", "Onderwerp", "Onderwerpcode", "Aantal",
                                                 "Prijs per eenheid"])
        #expect(workbook.properties.title == "Prijsberekening Midden-Drenthe 2025" && workbook.properties.created == nil)
    }

    @Test("the lines sheet has a bold total row per year and overall, with the priced totals")
    func totals() throws {
        let (priced, request) = try pricedSeed("aa-en-hunze", "aa-en-hunze-leesbevordering")
        let lines = try #require(try PriceWorkbook.build(priced, request: request).sheets.first { $0.name == "Regels" })
        let totals = lines.rows.filter(\.isTotal)
        #expect(totals.count == 2)
        #expect(totals.allSatisfy { $0.cells[8] == .amount(cents: priced.totals.municipality.cents) })
        #expect(lines.rows.count == priced.lineCount + 2)
        let first = try #require(priced.years.first?.lines.first)
        let name = try #require(request.books[2025]?.book.service(first.service)?.name)
        #expect(lines.rows.first?.cells.prefix(3) == [.integer(2025), .text(name), .text(first.service)])
    }

    @Test("amounts that do not add up are refused, never written")
    func inconsistent() throws {
        var (priced, request) = try pricedSeed("midden-drenthe", "midden-drenthe-basis")
        priced.years[0].totals.municipality = try priced.years[0].totals.municipality.adding(Money(cents: 1))
        #expect(throws: SpreadsheetError.self) { try PriceWorkbook.build(priced, request: request) }
    }
}
