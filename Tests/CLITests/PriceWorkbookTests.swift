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
        let compared = try checkLines(workbook.sheet("Regels"), years: years, totals: object(root["totals"]))
        let lineCount = years.map { objects($0["lines"]).count }.reduce(0, +)
        #expect(compared == lineCount + 4 * 4, "every line's amount and four totals of each year and overall")
        checkOverview(workbook.sheet("Overzicht"), years: years, totals: object(root["totals"]))
        checkPerService(workbook.sheet("Per dienst"), years: years, totals: object(root["totals"]))
        try checkAssumptions(workbook.sheet("Uitgangspunten"), years: years)
    }

    /// The sheet "Regels": one row per JSON line in order, each year closed by a bold total row, then
    /// the overall total. Returns how many amounts under a payer were compared.
    private func checkLines(_ sheet: ReadBackSheet?, years: [JSONObject], totals: JSONObject) throws -> Int {
        let sheet = try #require(sheet)
        let book = try TariffLibrary.open(directory: tariffsDirectory).book(year: 2025)
        let (year, name, code, subject, quantity, price) = (sheet.column("Jaar"), sheet.column("Dienst"), sheet.column("Dienstcode"),
                                                            sheet.column("Onderwerpcode"), sheet.column("Aantal"), sheet.column("Prijs per eenheid"))
        let payers = ["municipality": sheet.column("Bedrag gemeente"), "school": sheet.column("Bedrag scholen (excl. btw)"),
                      "participants": sheet.column("Bijdragen deelnemers (verwacht)")]
        let vat = sheet.column("Btw scholen")
        var rows = sheet.body.makeIterator()
        var compared = 0
        for entry in years {
            for line in objects(entry["lines"]) {
                guard let row = rows.next() else {
                    Issue.record("Regels ends before the line of \(line)")
                    return compared
                }
                let where_ = "\(integer(entry["year"]) ?? 0) \(line["service"]?.stringValue ?? "") \(line["subject"]?.stringValue ?? "-")"
                #expect(text(row, year) == "\(integer(entry["year"]) ?? 0)" && text(row, code) == line["service"]?.stringValue, "\(where_)")
                #expect(text(row, name) == book.service(line["service"]?.stringValue ?? "")?.name, "\(where_): the service's name")
                #expect(text(row, subject) == line["subject"]?.stringValue, "\(where_): the subject's code")
                #expect(try Quantity(parsing: text(row, quantity) ?? "x") == Quantity(parsing: line["quantity"]?.stringValue ?? "y"), "\(where_)")
                expectAmount(cell(row, price), line["unitPrice"], "\(where_): unit price")
                for (payer, column) in payers {
                    let amount = line["payer"]?.stringValue == payer ? line["amount"] : nil
                    if expectAmount(cell(row, column), amount, "\(where_): \(payer)"), amount != nil { compared += 1 }
                }
                expectAmount(cell(row, vat), object(line["vat"])["amount"], "\(where_): VAT")
                #expect(row.allSatisfy { !$0.bold }, "\(where_): a line is not bold")
            }
            compared += expectTotalRow(rows.next(), object(entry["totals"]), payers: payers, vat: vat, "total \(integer(entry["year"]) ?? 0)")
        }
        compared += expectTotalRow(rows.next(), totals, payers: payers, vat: vat, "overall total")
        #expect(rows.next() == nil, "no rows after the overall total")
        return compared
    }

    /// A bold total row whose payer columns hold the JSON totals; returns the amounts compared.
    private func expectTotalRow(_ row: [ReadBackCell]?, _ totals: JSONObject, payers: [String: Int], vat: Int, _ what: String) -> Int {
        guard let row else {
            Issue.record("\(what): missing")
            return 0
        }
        #expect(row.contains { $0.value?.hasPrefix("Totaal") == true } && row.filter { !$0.isEmpty }.allSatisfy(\.bold), "\(what): a bold total row")
        var compared = 0
        for (payer, column) in payers where expectAmount(cell(row, column), totals[payer], "\(what): \(payer)") { compared += 1 }
        if expectAmount(cell(row, vat), totals["schoolVat"], "\(what): VAT") { compared += 1 }
        return compared
    }

    /// The sheet "Overzicht": one row per year with its book's status and totals, then the total.
    private func checkOverview(_ sheet: ReadBackSheet?, years: [JSONObject], totals: JSONObject) {
        guard let sheet else { Issue.record("no sheet Overzicht"); return }
        let columns = [("municipality", "Bedrag gemeente"), ("school", "Bedrag scholen (excl. btw)"), ("schoolVat", "Btw scholen"),
                       ("participants", "Bijdragen deelnemers (verwacht)")].map { ($0.0, sheet.column($0.1)) }
        #expect(sheet.body.count == years.count + 1)
        for (row, entry) in zip(sheet.body, years + [["totals": .object(totals)] as JSONObject]) {
            let status = object(entry["tariffBook"])["status"]?.stringValue
            if let year = integer(entry["year"]) {
                #expect(text(row, 0) == "\(year)" && cell(row, 0)?.format == "0", "the year \(year), without a thousands separator")
                #expect(text(row, 1) == (status == "published" ? "gepubliceerd" : "geprojecteerd"))
            } else {
                #expect(text(row, 0) == "Totaal" && row[0].bold)
            }
            for (key, column) in columns { expectAmount(cell(row, column), object(entry["totals"])[key], "Overzicht \(text(row, 0) ?? ""): \(key)") }
        }
    }

    /// The sheet "Per dienst": per service the sum of the municipality's lines of each year.
    private func checkPerService(_ sheet: ReadBackSheet?, years: [JSONObject], totals: JSONObject) {
        guard let sheet else { Issue.record("no sheet Per dienst"); return }
        var sums: [String: [Int: Int64]] = [:]
        var order: [String] = []
        for entry in years {
            for line in objects(entry["lines"]) where line["payer"]?.stringValue == "municipality" {
                let service = line["service"]?.stringValue ?? ""
                if sums[service] == nil { order.append(service) }
                sums[service, default: [:]][integer(entry["year"]) ?? 0, default: 0] += jsonCents(line["amount"]) ?? 0
            }
        }
        let code = sheet.column("Dienstcode")
        #expect(sheet.body.map { text($0, code) ?? "" }.dropLast() == order)
        for row in sheet.body {
            let service = text(row, code)
            for entry in years {
                let year = integer(entry["year"]) ?? 0
                let expected: JSONValue = service.map { .string(Money.cents(sums[$0]?[year] ?? 0)) } ?? object(entry["totals"])["municipality"] ?? .null
                expectAmount(cell(row, sheet.column("Bedrag gemeente \(year)")), expected, "Per dienst \(service ?? "total") \(year)")
            }
            let term: JSONValue = service.map { .string(Money.cents(sums[$0]?.values.reduce(0, +) ?? 0)) } ?? totals["municipality"] ?? .null
            expectAmount(cell(row, sheet.column("Bedrag gemeente totaal")), term, "Per dienst \(service ?? "total") over the years")
        }
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

extension Money {
    /// A count of cents in the JSON form, `"1234.56"`.
    static func cents(_ cents: Int64) -> String { ((try? Money(cents: cents)) ?? .zero).jsonString }
}
