import Catalogue
import Contracts
import Money
import Pricing
@testable import Spreadsheets
import Support
import Testing
import TestSupport
import Workbook

@Suite("The composer's English is worded in Dutch; unknown wording is kept")
struct ComposerWordingTests {
    @Test("options", arguments: [
        ("not taken", "niet gekozen"), ("taken", "gekozen"), ("for the municipality", "voor de hele gemeente"),
        ("all 4 branches", "alle 4 vestigingen"), ("the 1 branch", "de enige vestiging"), ("all 18 po schools", "alle 18 po-scholen"),
        ("the 1 vo school", "de enige vo-school"), ("all 4 childcare locations", "alle 4 kinderopvanglocaties"),
        ("all 2 consultation bureaus", "alle 2 consultatiebureaus"),
        ("2 of 4 branches: Beilen, Westerbork", "2 van 4 vestigingen: Beilen, Westerbork"),
        ("package groot", "pakket groot"), ("package klein, 1 of 3 branches: Smilde", "pakket klein, 1 van 3 vestigingen: Smilde"),
        ("all 3 dragons", "all 3 dragons"), ("", ""),
    ])
    func options(english: String, dutch: String) {
        #expect(ComposerWording.option(english) == dutch)
    }

    @Test("reasons")
    func reasons() {
        #expect(ComposerWording.reason("excluded (--exclude)") == "uitgesloten (--exclude)")
        #expect(ComposerWording.reason("needs dbos-po, which is excluded") == "vereist dbos-po, dat is uitgesloten")
        #expect(ComposerWording.reason("does not apply to tynaarlo: no branch") == "niet van toepassing op tynaarlo: no branch")
        #expect(ComposerWording.reason("something new") == "something new")
        #expect(ComposerWording.mandatory(.basis) == "Basis" && ComposerWording.mandatory(nil) == nil)
    }
}

@Suite("TariffDiffWorkbook and ComparisonWorkbook")
struct OtherBuilderTests {
    @Test("a book against itself: every change 0, no remark, no total row; both books' hashes; the same bytes twice")
    func sameBook() throws {
        let library = try fixtureLibrary()
        let (book, bytes) = try library.loaded(year: 2025)
        let read = TariffDiffWorkbook.ReadBook(book: book, file: "2025.json", bytes: bytes)
        let workbook = try TariffDiffWorkbook.build(older: read, newer: read)
        #expect(try workbook.bytes() == TariffDiffWorkbook.build(older: read, newer: read).bytes())
        let tariffs = try #require(workbook.sheets.first)
        #expect(tariffs.name == "Tarieven" && tariffs.rows.count == book.allTariffs.count && !tariffs.rows.contains { $0.isTotal })
        #expect(tariffs.rows.allSatisfy { $0.cells[7] == .amount(cents: 0) && $0.cells[9] == .empty })
        #expect(tariffs.rows.first?.cells.prefix(3) == [.text("Eenheden"), .empty, .text("uurtarief-mbo")])
        let facts = try #require(workbook.sheets.last)
        let hash = "sha256:" + SHA256.hex(bytes)
        #expect(facts.rows.filter { $0.cells.first == .text("SHA-256 tariefboek") }.map { $0.cells[2] } == [.text(hash), .text(hash)])
    }

    @Test("a comparison marks with — what an offer lacks, and closes each year and the term with bold totals")
    func comparison() throws {
        let inputs = try ["midden-drenthe-basis", "midden-drenthe-volledig"].map { offer in
            let (priced, request) = try pricedSeed("midden-drenthe", offer)
            return ComparisonInput(file: offer + ".offer.json", request: request, priced: priced)
        }
        let comparison = try OfferComparison.build(inputs)
        let workbook = try ComparisonWorkbook.build(comparison, inputs: inputs, profile: "midden-drenthe.json")
        let sheet = try #require(workbook.sheets.first)
        #expect(sheet.columns.map(\.header).suffix(3) == ["Voorstel A", "Voorstel B", "Verschil B − A"])
        let makersplaats = try #require(sheet.rows.first { $0.cells[3] == .text("makersplaats") })
        #expect(makersplaats.cells[4] == .text("—"))
        #expect(sheet.rows.filter(\.isTotal).map { $0.cells[2] } == [
            .text("Totaal gemeente 2025"), .text("Schoolbijdragen 2025 (excl. btw)"),
            .text("Totaal gemeente, looptijd"), .text("Schoolbijdragen, looptijd (excl. btw)"),
        ])
        #expect(workbook.sheets.map(\.name) == ["Vergelijking", "Voorstellen", "Uitgangspunten"])
    }
}
