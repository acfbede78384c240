@testable import catalogue_cli
import Catalogue
import JSON
import Money
import Support
import Testing
import TestSupport

/// `tariffs diff`, `compare` and `compose` with `--format xlsx --out FILE`: each workbook, read
/// back by openpyxl, holds every amount of the command's JSON to the cent.
@Suite("tariffs diff, compare and compose write workbooks equal to their JSON")
struct WorkbookCommandsTests {
    private static let profile = repositoryRoot + "/seeds/municipalities/midden-drenthe.json"
    private static let basis = repositoryRoot + "/seeds/offers/midden-drenthe-basis.offer.json"

    @Test("tariffs diff: every tariff's old, new and change in euros and percent; both books' hashes and the indexation")
    func tariffsDiff() throws {
        guard Openpyxl.available() else { return }
        let directory = temporaryDirectory()
        writeFile(directory + "/2025.json", try #require(readFile(tariffsDirectory + "/2025.json")))
        #expect(run(["tariffs", "index", "--from", "2025", "--wage", "3.75", "--price", "2.1", "--date", "2026-11-21", "--tariffs", directory]).exitCode == .success)
        let json = try JSONParser.parse(run(["tariffs", "diff", "2025", "2026", "--format", "json", "--tariffs", directory]).standardOutput)
        let written = run(["tariffs", "diff", "2025", "2026", "--format", "xlsx", "--out", directory + "/tarieven.xlsx", "--tariffs", directory])
        #expect(written.exitCode == .success && written.standardOutput == "Wrote the workbook to \(directory)/tarieven.xlsx.\n")
        let workbook = try #require(try Openpyxl.read(directory + "/tarieven.xlsx"))
        #expect(expectFrozenHeaders(workbook) == ["Tarieven", "Uitgangspunten"])
        let sheet = try #require(workbook.sheet("Tarieven"))
        let tariffs = objects(json.objectValue?["tariffs"])
        #expect(tariffs.count == 46 && sheet.body.count == tariffs.count)
        let book = try TariffLibrary.open(directory: directory).book(year: 2026)
        var compared = 0
        for (row, tariff) in zip(sheet.body, tariffs) {
            let id = tariff["tariff"]?.stringValue ?? ""
            #expect(text(row, sheet.column("Tarief")) == id && text(row, sheet.column("Omschrijving")) == tariff["name"]?.stringValue)
            #expect(text(row, sheet.column("Dienstcode")) == tariff["service"]?.stringValue)
            #expect(text(row, sheet.column("Dienst")) == tariff["service"]?.stringValue.map { book.service($0)?.name } ?? "Eenheden", "\(id)")
            for (header, key) in [("Tarief 2025", "old"), ("Tarief 2026", "new"), ("Verschil", "change")]
            where expectAmount(cell(row, sheet.column(header)), tariff[key], "\(id) \(key)") && tariff[key]?.stringValue != nil {
                compared += 1
            }
            let percent = cell(row, sheet.column("Verschil %"))
            #expect(percent?.value == percentageValue(tariff["changePercent"]?.stringValue), "\(id): change in percent")
            #expect(percent?.isEmpty == true || percent?.format == "0.00%")
        }
        #expect(compared == 46 * 3)
        let facts = workbook.sheet("Uitgangspunten")
        for year in [2025, 2026] {
            let hash = "sha256:" + SHA256.hex(try FileSystem.readFile(directory + "/\(year).json"))
            #expect(fact(facts, "SHA-256 tariefboek", year: year).flatMap { text($0, 2) } == hash)
        }
        expectDate(fact(facts, "Datum van de indexatie", year: 2026).flatMap { cell($0, 5) }, "2026-11-21", "the indexation's date")
        #expect(fact(facts, "Loonstijging", year: 2026).flatMap { text($0, 4) } == "0.0375")
        #expect(fact(facts, "SHA-256 van de bron", year: 2026).flatMap { text($0, 2) } == fact(facts, "SHA-256 tariefboek", year: 2025).flatMap { text($0, 2) })
    }

    @Test("compare: every service's amount and difference per year and over the term, and the totals, equal the JSON; — where an offer lacks it")
    func compare() throws {
        guard Openpyxl.available() else { return }
        let directory = temporaryDirectory()
        let seed = try #require(readFile(repositoryRoot + "/seeds/offers/midden-drenthe-volledig.offer.json"))
        writeFile(directory + "/volledig-2.offer.json", seed.replacing("\"years\": 1", with: "\"years\": 2"))
        let arguments = ["compare", Self.basis, directory + "/volledig-2.offer.json", "--profile", Self.profile, "--assume-wage", "3.75", "--assume-price", "2.1"]
        let root = try #require(try JSONParser.parse(run(arguments + ["--format", "json"]).standardOutput).objectValue)
        let written = run(arguments + ["--out", directory + "/vergelijking.xlsx"])
        #expect(written.exitCode == .success && written.standardOutput == "Wrote the workbook to \(directory)/vergelijking.xlsx.\n")
        let workbook = try #require(try Openpyxl.read(directory + "/vergelijking.xlsx"))
        #expect(expectFrozenHeaders(workbook) == ["Vergelijking", "Voorstellen", "Uitgangspunten"])
        let sheet = try #require(workbook.sheet("Vergelijking"))
        #expect(Array(sheet.header.suffix(3)) == ["Voorstel A", "Voorstel B", "Verschil B − A"])
        let services = Dictionary(uniqueKeysWithValues: objects(root["services"]).map { ($0["service"]?.stringValue ?? "", $0) })
        let totals = object(root["totals"])
        var compared = 0
        for row in sheet.body {
            let year = text(row, 0)
            let label = text(row, sheet.column("Dienst")) ?? ""
            let entry: JSONObject
            let offers: [String]?
            if let code = text(row, sheet.column("Dienstcode")), let service = services[code] {
                entry = year == "Looptijd" ? object(service["term"]) : objects(service["years"]).first { integer($0["year"]).map(String.init) == year } ?? [:]
                offers = (service["offers"]?.arrayValue ?? []).compactMap(\.stringValue)
                #expect(label == service["name"]?.stringValue && !row[0].bold, "\(code): its name, not bold")
            } else {
                let payer = object(totals[label.hasPrefix("Totaal gemeente") ? "municipality" : "school"])
                entry = year == "Looptijd" ? object(payer["term"]) : objects(payer["years"]).first { integer($0["year"]).map(String.init) == year } ?? [:]
                offers = nil
                let bold = row.filter { !$0.isEmpty }.allSatisfy { $0.bold }
                #expect(bold, "\(label): a bold total row")
            }
            compared += compareCells(row, sheet: sheet, entry: entry, offers: offers, "\(year ?? "") \(label)")
        }
        let rows2026 = services.values.filter { (($0["offers"]?.arrayValue ?? []).contains(.string("B"))) }.count + 2
        #expect(sheet.body.filter { text($0, 0) == "2026" }.count == rows2026, "2026 lists only what offer B, the one running then, has")
        let dashes = sheet.body.map { row in row.filter { $0.value == "—" }.count }.reduce(0, +)
        #expect(compared + dashes == sheet.body.count * 3 && compared > 100, "every cell of the offers is an equal amount or —")
        let offers = try #require(workbook.sheet("Voorstellen"))
        for (row, key) in zip(offers.body, ["A", "B"]) {
            expectAmount(cell(row, offers.column("Totaal gemeente, looptijd")), object(object(totals["municipality"])["term"])["amounts"].flatMap { object($0)[key] }, "term \(key)")
            expectAmount(cell(row, offers.column("Schoolbijdragen, looptijd (excl. btw)")), object(object(totals["school"])["term"])["amounts"].flatMap { object($0)[key] }, "schools \(key)")
        }
        let facts = workbook.sheet("Uitgangspunten")
        let hash = "sha256:" + SHA256.hex(try FileSystem.readFile(tariffsDirectory + "/2025.json"))
        #expect(fact(facts, "SHA-256 tariefboek", year: 2025).flatMap { text($0, 2) } == hash)
        #expect(fact(facts, "Tariefboek", year: 2026).flatMap { text($0, 2) } == "geprojecteerd")
        #expect(fact(facts, "Prijsstijging (aanname)", year: 2026).flatMap { text($0, 4) } == "0.021")
    }

    /// The offers' amounts and the difference of one row against a JSON entry (`amounts`, `differences`):
    /// an amount where the JSON has one and the offer has the service, "—" otherwise. Returns the amounts compared.
    private func compareCells(_ row: [ReadBackCell], sheet: ReadBackSheet, entry: JSONObject, offers: [String]?, _ what: String) -> Int {
        var compared = 0
        let columns = [("A", sheet.column("Voorstel A"), "amounts"), ("B", sheet.column("Voorstel B"), "amounts"), ("B", sheet.column("Verschil B − A"), "differences")]
        for (key, column, kind) in columns {
            let value = object(entry[kind])[key]
            let lacks = kind == "amounts" && offers.map { !$0.contains(key) } == true
            if lacks || value == nil || value == .null {
                #expect(text(row, column) == "—", "\(what) \(key) \(kind): —")
                #expect(!lacks || value == .null || value == .string("0.00"), "\(what): the JSON has 0.00 or null where an offer lacks a service")
            } else if expectAmount(cell(row, column), value, "\(what) \(key) \(kind)") {
                compared += 1
            }
        }
        return compared
    }

    @Test("compose: the best offer per service and year, its totals, budget and room, the alternatives and the larger budget equal the JSON")
    func compose() throws {
        guard Openpyxl.available() else { return }
        let directory = temporaryDirectory()
        let arguments = ["compose", "--profile", Self.profile, "--budget", "1300000", "--years", "2026-2028", "--assume-wage", "3", "--assume-price", "2",
                         "--more", "10000"]
        let root = try #require(try JSONParser.parse(run(arguments + ["--format", "json"]).standardOutput).objectValue)
        let written = run(arguments + ["--out", directory + "/samenstelling.xlsx"])
        #expect(written.exitCode == .success && written.standardOutput == "Wrote the workbook to \(directory)/samenstelling.xlsx.\n")
        #expect(try FileSystem.contentsOfDirectory(directory) == ["samenstelling.xlsx"], "the workbook instead of the offer file")
        let workbook = try #require(try Openpyxl.read(directory + "/samenstelling.xlsx"))
        #expect(expectFrozenHeaders(workbook) == ["Beste aanbod", "Alternatieven", "Niet samengesteld", "Uitgangspunten"])
        let best = object(root["best"])
        let compared = try checkBest(workbook.sheet("Beste aanbod"), best: best, budget: root["budget"])
        #expect(compared == objects(best["services"]).count * 4 + 4 + 3 + 3)
        let alternatives = try #require(workbook.sheet("Alternatieven"))
        let offers = [best] + objects(root["alternatives"]) + [object(object(root["withMoreBudget"])["best"])]
        #expect(alternatives.body.count == offers.count && offers.count == 5)
        for (row, offer) in zip(alternatives.body, offers) {
            #expect(text(row, alternatives.column("Dekking")) == "\(integer(offer["coverage"]) ?? -1)")
            #expect(text(row, alternatives.column("Bereik (gewogen)")) == "\(integer(offer["reach"]) ?? -1)")
            for entry in objects(offer["years"]) {
                let year = integer(entry["year"]) ?? 0
                expectAmount(cell(row, alternatives.column("Bedrag \(year)")), entry["cost"], "alternative \(text(row, 1) ?? "") \(year)")
            }
            expectAmount(cell(row, alternatives.column("Bedrag totaal")), offer["total"], "alternative \(text(row, 1) ?? "") total")
        }
        #expect(text(alternatives.body.last ?? [], 1) == "Met € 10.000,00 meer per jaar")
        let skipped = try #require(workbook.sheet("Niet samengesteld"))
        #expect(skipped.body.map { text($0, 2) } == objects(root["notConsidered"]).map { $0["service"]?.stringValue })
        let facts = workbook.sheet("Uitgangspunten")
        expectAmount(fact(facts, "Budget per jaar").flatMap { cell($0, 3) }, root["budget"], "the budget")
        for year in 2026...2028 {
            #expect(fact(facts, "Loonstijging (aanname)", year: year).flatMap { text($0, 4) } == "0.03")
            #expect(fact(facts, "Prijsstijging (aanname)", year: year).flatMap { text($0, 4) } == "0.02")
        }
    }

    /// The sheet "Beste aanbod": per service its costs and their sum, then the total, the budget
    /// and the room per year. Returns the amounts compared.
    private func checkBest(_ sheet: ReadBackSheet?, best: JSONObject, budget: JSONValue?) throws -> Int {
        let sheet = try #require(sheet)
        let services = objects(best["services"])
        #expect(sheet.body.count == services.count + 3)
        var compared = 0
        for (row, service) in zip(sheet.body, services) {
            let code = service["service"]?.stringValue ?? ""
            #expect(text(row, sheet.column("Dienstcode")) == code && text(row, sheet.column("Waarde")) == "\(integer(service["value"]) ?? -1)")
            #expect(text(row, sheet.column("Verplicht")) == (service["mandatory"]?.stringValue == "basis" ? "Basis" : nil), "\(code)")
            #expect(text(row, sheet.column("Bereik")) == String(Double(integer(service["reachPercent"]) ?? -1) / 100), "\(code): reach")
            var sum: Int64 = 0
            for cost in objects(service["costs"]) where expectAmount(cell(row, sheet.column("Bedrag \(integer(cost["year"]) ?? 0)")), cost["amount"], code) {
                compared += 1
                sum += jsonCents(cost["amount"]) ?? 0
            }
            if expectAmount(cell(row, sheet.column("Bedrag totaal")), .string(Money.cents(sum)), "\(code) total") { compared += 1 }
        }
        let totals = Array(sheet.body.suffix(3))
        #expect(totals.map { text($0, 1) } == ["Totaal", "Budget per jaar", "Ruimte binnen het budget"] && totals.allSatisfy { $0[1].bold })
        for entry in objects(best["years"]) {
            let column = sheet.column("Bedrag \(integer(entry["year"]) ?? 0)")
            for (row, value) in zip(totals, [entry["cost"], budget, entry["remaining"]]) where expectAmount(cell(row, column), value, "\(text(row, 1) ?? "")") {
                compared += 1
            }
        }
        if expectAmount(cell(totals[0], sheet.column("Bedrag totaal")), best["total"], "the best offer's total") { compared += 1 }
        return compared
    }
}
