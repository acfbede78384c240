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
