@testable import catalogue_cli
import Catalogue
import JSON
import Money
import Support
import Testing
import TestSupport

/// `contract show --format json` and `--format xlsx --out FILE` on an agreement for Midden-Drenthe
/// (2026–2028, accepted 5 December 2025, dBos for every po school) amended from 2027.
@Suite("contract show writes a workbook equal to its JSON")
struct ContractShowWorkbookTests {
    private static let assumptions = ["--assume-wage", "3.75", "--assume-price", "2.1"]

    /// A database holding agreement UVO-2026-001 with one amendment; returns its `--db` arguments.
    private func agreement(in directory: String) throws -> [String] {
        let db = ["--db", directory + "/catalogue.sqlite"]
        #expect(run(["municipality", "import", repositoryRoot + "/seeds/municipalities/midden-drenthe.json"] + db).exitCode == .success)
        #expect(run(["offer", "create", "--municipality", "midden-drenthe", "--first-year", "2026", "--years", "3"] + db).exitCode == .success)
        for line in [#"{"service": "robuuste-bibliotheek"}"#, #"{"service": "dbos-po"}"#, #"{"service": "meedoen"}"#] {
            #expect(run(["offer", "add", "1", "--line", line] + db).exitCode == .success)
        }
        #expect(run(["offer", "issue", "1", "--date", "2025-11-21", "--allow-illustrative"] + Self.assumptions + db).exitCode == .success)
        #expect(run(["offer", "accept", "1", "--date", "2025-12-05", "--allow-illustrative"] + db).exitCode == .success)
        let amended = run(["contract", "amend", "UVO-2026-001", "--from", "2027", "--date", "2026-09-01", "--service", "boekstartcoach",
                           "--consultation-bureaus", "cb-westerbork", "--hours-per-week", "2", "--out", directory + "/w1.html"] + db)
        try #require(amended.exitCode == .success, "\(amended.standardError)")
        return db
    }

    @Test("every line, year and term total, the periods, the dBos notice dates and the frozen books' hashes equal the JSON")
    func amountsEqualJSON() throws {
        guard Openpyxl.available() else { return }
        let directory = temporaryDirectory()
        let db = try agreement(in: directory)
        let json = run(["contract", "show", "UVO-2026-001", "--format", "json"] + db)
        try #require(json.exitCode == .success, "\(json.standardError)")
        let root = try #require(try JSONParser.parse(json.standardOutput).objectValue)
        let written = run(["contract", "show", "UVO-2026-001", "--out", directory + "/overeenkomst.xlsx"] + db)
        #expect(written.exitCode == .success && written.standardOutput == "Wrote the workbook to \(directory)/overeenkomst.xlsx.\n")
        let workbook = try #require(try Openpyxl.read(directory + "/overeenkomst.xlsx"))
        #expect(expectFrozenHeaders(workbook) == ["Overzicht", "Per dienst", "Regels", "Wijzigingen", "Opzegging dBos", "Uitgangspunten"])
        let years = objects(root["years"])
        #expect(years.map { $0["linesFrom"]?.stringValue } == ["UVO-2026-001", "UVO-2026-001-W1", "UVO-2026-001-W1"])
        let book = try TariffLibrary.open(directory: tariffsDirectory).book(year: 2025)
        let compared = try PricedYearChecks.lines(workbook.sheet("Regels"), years: years, totals: object(root["totals"]), book: book)
        #expect(compared == years.map { objects($0["lines"]).count }.reduce(0, +) + 4 * 4)
        #expect(years.contains { objects($0["lines"]).contains { $0["payer"] == .string("school") } }, "school contributions with VAT are there")
        PricedYearChecks.overview(workbook.sheet("Overzicht"), years: years, totals: object(root["totals"]))
        PricedYearChecks.perService(workbook.sheet("Per dienst"), years: years, totals: object(root["totals"]))
        let overview = try #require(workbook.sheet("Overzicht"))
        #expect(overview.body.dropLast().map { text($0, overview.column("Geldende afspraken")) } == years.map { $0["linesFrom"]?.stringValue })
        try checkPeriodsAndNotices(workbook, root: root)
        let facts = workbook.sheet("Uitgangspunten")
        expectDate(fact(facts, "Aanvaard op").flatMap { cell($0, 5) }, root["acceptedOn"]?.stringValue, "the acceptance date")
        #expect(fact(facts, "Offerte").flatMap { text($0, 2) } == root["quote"]?.stringValue)
        for entry in years {
            let year = integer(entry["year"]) ?? 0
            let tariffBook = object(entry["tariffBook"])
            #expect(fact(facts, "SHA-256 tariefboek", year: year).flatMap { text($0, 2) } == tariffBook["hash"]?.stringValue, "\(year)")
            #expect(tariffBook["hash"]?.stringValue?.count == 71)
            #expect(fact(facts, "Loonstijging (aanname)", year: year).flatMap { text($0, 4) } == percentageValue(object(tariffBook["assumptions"])["wage"]?.stringValue))
        }
    }

    /// "Wijzigingen" lists the agreement and the amendment with their dates and first years;
    /// "Opzegging dBos" every school's notice date and earliest end.
    private func checkPeriodsAndNotices(_ workbook: ReadBackWorkbook, root: JSONObject) throws {
        let periods = try #require(workbook.sheet("Wijzigingen"))
        let expected = objects(root["periods"])
        #expect(periods.body.map { text($0, 0) } == expected.map { $0["reference"]?.stringValue } && expected.count == 2)
        for (row, period) in zip(periods.body, expected) {
            expectDate(cell(row, periods.column("Datum")), period["dated"]?.stringValue, "the date of \(text(row, 0) ?? "")")
            #expect(text(row, periods.column("Vanaf jaar")) == "\(integer(period["fromYear"]) ?? 0)")
        }
        let notices = try #require(workbook.sheet("Opzegging dBos"))
        let schools = objects(root["schoolNotices"])
        #expect(schools.count == 18 && notices.body.count == schools.count)
        for (row, school) in zip(notices.body, schools) {
            #expect(text(row, notices.column("Schoolcode")) == school["school"]?.stringValue && text(row, notices.column("School")) == school["schoolName"]?.stringValue)
            #expect(text(row, notices.column("Sinds")) == "\(integer(school["since"]) ?? 0)")
            expectDate(cell(row, notices.column("Opzeggen uiterlijk")), school["noticeBy"]?.stringValue, "notice of \(text(row, 1) ?? "")")
            expectDate(cell(row, notices.column("Eindigt op zijn vroegst")), school["endsAtTheEarliest"]?.stringValue, "end of \(text(row, 1) ?? "")")
        }
    }

    @Test("--on before the amendment shows the agreement without it, in JSON and in the workbook; a second run gives the same bytes")
    func onDate() throws {
        guard Openpyxl.available() else { return }
        let directory = temporaryDirectory()
        let db = try agreement(in: directory)
        let arguments = ["contract", "show", "UVO-2026-001", "--on", "2026-08-31"] + db
        let root = try #require(try JSONParser.parse(run(arguments + ["--format", "json"]).standardOutput).objectValue)
        #expect(root["on"] == .string("2026-08-31") && objects(root["amendments"]).isEmpty)
        #expect(run(arguments + ["--format", "xlsx", "--out", directory + "/a.xlsx"]).exitCode == .success)
        #expect(run(arguments + ["--out", directory + "/b.xlsx"]).exitCode == .success)
        #expect(try FileSystem.readFile(directory + "/a.xlsx") == FileSystem.readFile(directory + "/b.xlsx"))
        let workbook = try #require(try Openpyxl.read(directory + "/a.xlsx"))
        #expect(workbook.sheet("Wijzigingen")?.body.count == 1)
        expectDate(fact(workbook.sheet("Uitgangspunten"), "Stand op").flatMap { cell($0, 5) }, "2026-08-31", "the date shown")
        let overview = try #require(workbook.sheet("Overzicht"))
        expectAmount(overview.body.last.flatMap { cell($0, overview.column("Bedrag gemeente")) }, object(root["totals"])["municipality"], "the term's total")
    }
}
