@testable import catalogue_cli
import Catalogue
import JSON
import Money
import Support
import Testing
import TestSupport

/// `price --format xlsx --out FILE`: the workbook read back by openpyxl has every amount of the
/// JSON, to the cent, under Dutch headers with service names, and the books' provenance.
@Suite("price writes a workbook equal to its JSON")
struct PriceWorkbookTests {
    private static let profile = repositoryRoot + "/seeds/municipalities/midden-drenthe.json"
    private static let assumptions = ["--assume-wage", "3.75", "--assume-price", "2.1"]

    /// The full Midden-Drenthe offer over 2025–2027: one published year and two projected ones.
    private func threeYearOffer(in directory: String) throws -> String {
        let seed = try #require(readFile(repositoryRoot + "/seeds/offers/midden-drenthe-volledig.offer.json"))
        let path = directory + "/volledig-3.offer.json"
        writeFile(path, seed.replacing("\"years\": 1", with: "\"years\": 3"))
        return path
    }

    @Test("every line, year total and overall total equals the JSON; names, codes, book hashes and assumptions are there")
    func amountsEqualJSON() throws {
        guard Openpyxl.available() else { return }
        let directory = temporaryDirectory()
        let arguments = ["price", "--profile", Self.profile, "--offer", try threeYearOffer(in: directory)] + Self.assumptions
        let json = run(arguments + ["--format", "json"])
        try #require(json.exitCode == .success, "\(json.standardError)")
        let written = run(arguments + ["--out", directory + "/prijs.xlsx"])
        #expect(written.exitCode == .success, "\(written.standardError)")
        #expect(written.standardOutput == "Wrote the workbook to \(directory)/prijs.xlsx.\n")
        let root = try #require(try JSONParser.parse(json.standardOutput).objectValue)
        let workbook = try #require(try Openpyxl.read(directory + "/prijs.xlsx"))
        #expect(expectFrozenHeaders(workbook) == ["Overzicht", "Per dienst", "Regels", "Uitgangspunten"])
        let years = objects(root["years"])
        #expect(years.map { integer($0["year"]) } == [2025, 2026, 2027])
        let book = try TariffLibrary.open(directory: tariffsDirectory).book(year: 2025)
        let compared = try PricedYearChecks.lines(workbook.sheet("Regels"), years: years, totals: object(root["totals"]), book: book)
        let lineCount = years.map { objects($0["lines"]).count }.reduce(0, +)
        #expect(compared == lineCount + 4 * 4, "every line's amount and four totals of each year and overall")
        PricedYearChecks.overview(workbook.sheet("Overzicht"), years: years, totals: object(root["totals"]))
        PricedYearChecks.perService(workbook.sheet("Per dienst"), years: years, totals: object(root["totals"]))
        try checkAssumptions(workbook.sheet("Uitgangspunten"), years: years)
    }

    /// The sheet "Uitgangspunten": each year's book, the published one's SHA-256 that of the file,
    /// the projected years' percentages those of the JSON.
    private func checkAssumptions(_ sheet: ReadBackSheet?, years: [JSONObject]) throws {
        let sheet = try #require(sheet)
        func fact(_ label: String, _ year: Int) -> [ReadBackCell]? {
            sheet.body.first { text($0, 0) == label && text($0, 1) == "\(year)" }
        }
        let hash = "sha256:" + SHA256.hex(try FileSystem.readFile(tariffsDirectory + "/2025.json"))
        #expect(fact("SHA-256 tariefboek", 2025).flatMap { text($0, 2) } == hash)
        for entry in years {
            let year = integer(entry["year"]) ?? 0
            let book = object(entry["tariffBook"])
            #expect(fact("Tariefboek", year).flatMap { text($0, 2) } == (year == 2025 ? "gepubliceerd" : "geprojecteerd"))
            #expect(fact("Bestand tariefboek", year).flatMap { text($0, 2) } == book["file"]?.stringValue)
            #expect(fact("SHA-256 tariefboek", year).flatMap { text($0, 2) }?.count == 71)
            guard year > 2025 else { continue }
            let assumed = object(book["assumptions"])
            for (label, key) in [("Loonstijging (aanname)", "wage"), ("Prijsstijging (aanname)", "price")] {
                let percentage = try Percentage(parsing: assumed[key]?.stringValue ?? "x")
                let row = fact(label, year)
                #expect(row.flatMap { cell($0, 4) }?.value == String(Double(percentage.hundredths) / 10_000) && row?[4].format == "0.00%", "\(label) \(year)")
            }
            #expect(fact("Aandeel loon in de gemengde index", year).flatMap { text($0, 2) } == object(assumed["mixedWeights"])["wage"]?.stringValue)
        }
    }
}

