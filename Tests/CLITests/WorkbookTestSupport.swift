import Catalogue
import JSON
import Money
import Testing
import TestSupport

// Comparing a workbook read back by openpyxl with a command's JSON, to the cent.

/// The cents of a JSON amount (`"1234.56"`), or nil when it is not one.
func jsonCents(_ value: JSONValue?) -> Int64? {
    guard let text = value?.stringValue, let money = try? Money(parsing: text) else { return nil }
    return money.cents
}

/// Expects an amount cell: a number shown with the euro format, equal to the JSON amount to the
/// cent; a missing JSON amount (nil or null) expects an empty cell. Returns whether it matched.
@discardableResult
func expectAmount(_ cell: ReadBackCell?, _ json: JSONValue?, _ what: @autoclosure () -> String,
                  sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    guard let cell else {
        Issue.record("\(what()): no cell", sourceLocation: sourceLocation)
        return false
    }
    guard let expected = jsonCents(json) else {
        let empty = cell.isEmpty
        #expect(empty, "\(what()): expected an empty cell, found \(cell)", sourceLocation: sourceLocation)
        return empty
    }
    let matches = cell.cents == expected && cell.format == Openpyxl.euroFormat && cell.type == "float"
    #expect(matches, "\(what()): expected \(json?.stringValue ?? "") as a euro number, found \(cell)", sourceLocation: sourceLocation)
    return matches
}

/// Expects every sheet to have a frozen, bold header row and a filter starting at A1, and returns
/// the sheet names.
func expectFrozenHeaders(_ workbook: ReadBackWorkbook, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
    for sheet in workbook.sheets {
        #expect(sheet.freeze == "A2", "sheet \(sheet.name): frozen at \(sheet.freeze ?? "nothing")", sourceLocation: sourceLocation)
        #expect(sheet.filter?.hasPrefix("A1:") == true, "sheet \(sheet.name): filter \(sheet.filter ?? "none")", sourceLocation: sourceLocation)
        #expect(sheet.rows.first?.allSatisfy(\.bold) == true, "sheet \(sheet.name): the header is not bold", sourceLocation: sourceLocation)
    }
    return workbook.sheets.map(\.name)
}

/// The cell at `column` of a row, or nil when the row is shorter.
func cell(_ row: [ReadBackCell], _ column: Int) -> ReadBackCell? {
    column < row.count ? row[column] : nil
}

/// The text of a cell.
func text(_ row: [ReadBackCell], _ column: Int) -> String? {
    cell(row, column)?.value
}

/// A JSON object's member as an object, or an empty one.
func object(_ value: JSONValue?) -> JSONObject { value?.objectValue ?? JSONObject() }

/// A JSON value as an array of objects.
func objects(_ value: JSONValue?) -> [JSONObject] { (value?.arrayValue ?? []).compactMap(\.objectValue) }

/// A JSON integer as an Int.
func integer(_ value: JSONValue?) -> Int? { value?.numberValue?.int64Value.map { Int($0) } }

/// The sheets of priced years a price and an agreement share, checked against the JSON years.
enum PricedYearChecks {
    /// The sheet "Regels": one row per JSON line in order, each year closed by a bold total row, then
    /// the overall total. Returns how many amounts under a payer were compared.
    static func lines(_ sheet: ReadBackSheet?, years: [JSONObject], totals: JSONObject, book: TariffBook) throws -> Int {
        let sheet = try #require(sheet)
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
    static func expectTotalRow(_ row: [ReadBackCell]?, _ totals: JSONObject, payers: [String: Int], vat: Int, _ what: String) -> Int {
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
    static func overview(_ sheet: ReadBackSheet?, years: [JSONObject], totals: JSONObject) {
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
    static func perService(_ sheet: ReadBackSheet?, years: [JSONObject], totals: JSONObject) {
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
}

extension Money {
    /// A count of cents in the JSON form, `"1234.56"`.
    static func cents(_ cents: Int64) -> String { ((try? Money(cents: cents)) ?? .zero).jsonString }
}

/// What openpyxl shows for a percentage cell holding the JSON percentage `"3.51"`: the fraction
/// as Python writes a float (`0.0351`); both languages print the shortest text of the same double.
func percentageValue(_ json: String?) -> String? {
    guard let json, let percentage = try? Percentage(parsing: json) else { return nil }
    return String(Double(percentage.hundredths) / 10_000)
}

/// The row of "Uitgangspunten" with this label and year.
func fact(_ sheet: ReadBackSheet?, _ label: String, year: Int? = nil) -> [ReadBackCell]? {
    sheet?.body.first { text($0, 0) == label && text($0, 1) == year.map(String.init) }
}

/// Expects a date cell: a datetime at midnight on the JSON date, shown as `d-m-yyyy`.
func expectDate(_ cell: ReadBackCell?, _ json: String?, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(cell?.type == "datetime" && cell?.value == json.map { $0 + "T00:00:00" } && cell?.format == "d-m-yyyy",
            "\(what): expected the date \(json ?? "none"), found \(String(describing: cell))", sourceLocation: sourceLocation)
}
