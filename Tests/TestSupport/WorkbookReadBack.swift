#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import JSON
import Support
import Testing

// Reading a workbook back with openpyxl, as a spreadsheet program would: every sheet's name,
// frozen panes and filter, and every cell's value with its Python type, number format and bold.
// The Python side only dumps; the tests compare in Swift, exactly.

/// The script: `python3 -c SCRIPT workbook.xlsx dump.json`. Values are written as text (floats by
/// `repr`, the shortest text that reads back as the same float; datetimes in ISO form).
private let dumpScript = #"""
import sys, json, datetime
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
def cell(c):
    v = c.value
    if v is None:
        text = None
    elif isinstance(v, bool):
        text = "true" if v else "false"
    elif isinstance(v, float):
        text = repr(v)
    elif isinstance(v, datetime.datetime):
        text = v.isoformat()
    else:
        text = str(v)
    return [type(v).__name__, text, c.number_format, bool(c.font.b)]
sheets = []
for ws in wb:
    sheets.append({"name": ws.title, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref,
                   "rows": [[cell(c) for c in row] for row in ws.iter_rows()]})
with open(sys.argv[2], "w") as out:
    json.dump({"title": wb.properties.title, "sheets": sheets}, out)
"""#

/// One cell as openpyxl reads it.
public struct ReadBackCell: Sendable, Equatable {
    /// The Python type of the value: `float`, `int`, `str`, `datetime`, `bool` or `NoneType`.
    public var type: String
    /// The value as text, nil for an empty cell.
    public var value: String?
    /// The number format, e.g. `[$€-413] #,##0.00;[$€-413] -#,##0.00`.
    public var format: String
    /// Whether the font is bold.
    public var bold: Bool

    /// The value in cents when it is a number with at most two decimals (`95116.0`, `-0.01`, `7`).
    public var cents: Int64? {
        guard type == "float" || type == "int", let value, !value.contains("e") else { return nil }
        let negative = value.hasPrefix("-")
        let digits = negative ? String(value.dropFirst()) : value
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0]) else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        while fraction.count > 2, fraction.hasSuffix("0") { fraction.removeLast() }
        guard fraction.count <= 2 else { return nil }
        fraction += String(repeating: "0", count: 2 - fraction.count)
        guard let hundredths = Int64(fraction) else { return nil }
        return (negative ? -1 : 1) * (whole * 100 + hundredths)
    }

    /// Whether the cell is empty.
    public var isEmpty: Bool { value == nil }
}

/// One sheet as openpyxl reads it.
public struct ReadBackSheet: Sendable {
    /// The tab's name.
    public var name: String
    /// The frozen panes' top-left cell (`A2` for a frozen header row), if any.
    public var freeze: String?
    /// The autofilter's range, if any.
    public var filter: String?
    /// Every row, the header first.
    public var rows: [[ReadBackCell]]

    /// The header texts.
    public var header: [String] { rows.first?.map { $0.value ?? "" } ?? [] }
    /// The rows below the header.
    public var body: ArraySlice<[ReadBackCell]> { rows.dropFirst() }

    /// The index of the column with this header, recording an issue when there is none.
    public func column(_ header: String, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        guard let index = self.header.firstIndex(of: header) else {
            Issue.record("sheet \(name) has no column \"\(header)\"; it has \(self.header)", sourceLocation: sourceLocation)
            return 0
        }
        return index
    }
}

/// A workbook as openpyxl reads it.
public struct ReadBackWorkbook: Sendable {
    /// The title in the document's properties.
    public var title: String?
    /// The sheets, in tab order.
    public var sheets: [ReadBackSheet]

    /// The sheet with this name.
    public func sheet(_ name: String) -> ReadBackSheet? { sheets.first { $0.name == name } }
}

/// Running openpyxl: a missing python3 or openpyxl records an issue unless
/// `CATALOGUE_SKIP_OPENPYXL=1`, as the Workbook module's tests do.
public enum Openpyxl {
    /// The euro format of an amount cell.
    public static let euroFormat = "[$€-413] #,##0.00;[$€-413] -#,##0.00"

    /// Whether the run asked to skip the read-back tests.
    public static var skipped: Bool { getenv("CATALOGUE_SKIP_OPENPYXL").map { String(cString: $0) } == "1" }

    /// Whether python3 with openpyxl is here; when it is not, records an issue (unless skipped).
    public static func available(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        if Subprocess.run(["/usr/bin/env", "python3", "-c", "import openpyxl"], timeoutSeconds: 60) == .exited(0) { return true }
        if !skipped {
            Issue.record("python3 with openpyxl is missing (pip install openpyxl, or apt-get install python3-openpyxl); set CATALOGUE_SKIP_OPENPYXL=1 to skip",
                         sourceLocation: sourceLocation)
        }
        return false
    }

    /// Reads the workbook at `path` back; nil (with an issue recorded) when openpyxl failed.
    public static func read(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ReadBackWorkbook? {
        let dump = temporaryDirectory(prefix: "openpyxl-dump") + "/dump.json"
        let outcome = Subprocess.run(["/usr/bin/env", "python3", "-c", dumpScript, path, dump], timeoutSeconds: 300)
        guard outcome == .exited(0), let text = readFile(dump) else {
            Issue.record("openpyxl could not read \(path): \(String(describing: outcome))", sourceLocation: sourceLocation)
            return nil
        }
        let root = try JSONParser.parse(text).objectValue
        let sheets = (root?["sheets"]?.arrayValue ?? []).compactMap { $0.objectValue }.map { sheet in
            ReadBackSheet(name: sheet["name"]?.stringValue ?? "", freeze: sheet["freeze"]?.stringValue, filter: sheet["filter"]?.stringValue,
                          rows: (sheet["rows"]?.arrayValue ?? []).map { row in (row.arrayValue ?? []).map(cell) })
        }
        return ReadBackWorkbook(title: root?["title"]?.stringValue, sheets: sheets)
    }

    private static func cell(_ value: JSONValue) -> ReadBackCell {
        let parts = value.arrayValue ?? []
        return ReadBackCell(type: parts.first?.stringValue ?? "", value: parts.count > 1 ? parts[1].stringValue : nil,
                            format: parts.count > 2 ? parts[2].stringValue ?? "" : "", bold: parts.count > 3 ? parts[3].boolValue ?? false : false)
    }
}
