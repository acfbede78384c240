import Foundation
import Testing
import TestSupport
import Workbook

/// The script that opens a workbook with openpyxl and prints what a spreadsheet user would see:
/// sheet names, frozen panes, filters, values with their Python types, number formats, bold.
private let readBackScript = #"""
import sys, datetime
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print("sheets:", wb.sheetnames)
print("properties:", wb.properties.title, "|", wb.properties.creator, "|", wb.properties.created)
ws = wb["Regels"]
print("freeze:", ws.freeze_panes, "| filter:", ws.auto_filter.ref, "| print titles:", ws.print_title_rows, "| dimensions:", ws.dimensions)
print("header:", [c.value for c in ws[1]], "bold:", all(c.font.b for c in ws[1]))
print("widths:", [ws.column_dimensions[letter].width for letter in "ABCDEFGH"])
for row in ws.iter_rows(min_row=2):
    print("row %d:" % row[0].row, [c.value for c in row], "bold:", [c.font.b for c in row if c.value is not None])
amount, percentage, date = ws["D2"], ws["E2"], ws["F2"]
print("amount:", type(amount.value).__name__, amount.value == 123456 / 100, "|", amount.number_format)
print("percentage:", type(percentage.value).__name__, percentage.value == 375 / 10000, "|", percentage.number_format)
print("date:", type(date.value).__name__, date.value.date().isoformat(), "|", date.number_format, "|", date.is_date)
print("formats:", [ws.cell(2, column).number_format for column in range(1, 9)])
notes = wb["Toelichting & 'n noot"]
print("notes:", [(notes.cell(row, 1).value or "").encode().hex() for row in range(2, 2 + int(sys.argv[2]))])
extremes = wb["Grenzen"]
for amount, whole in extremes.iter_rows(min_row=2):
    print("extreme:", repr(amount.value), repr(whole.value), amount.number_format)
print("filters:", [wb[name].auto_filter.ref for name in wb.sheetnames], [wb[name].freeze_panes for name in wb.sheetnames])
"""#

@Suite("openpyxl reads the workbook back as finance would see it")
struct OpenpyxlTests {
    @Test("Values, formats, frozen header, filter, sheet order and bold totals read back",
          .enabled(if: ProcessInfo.processInfo.environment["CATALOGUE_SKIP_OPENPYXL"] != "1", "CATALOGUE_SKIP_OPENPYXL=1"))
    func readBack() throws {
        guard Openpyxl.available(), let python = executableOnPath("python3") else { return }
        let path = try writeTemporaryFile(sampleWorkbook(created: day(2026, 1, 15)).bytes(), named: "sample.xlsx")
        let result = try #require(runTool(python, ["-c", readBackScript, path, String(hostileTexts.count)]))
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let expected = expectedReadBack.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == expected.count, "\(result.output)")
        for (line, expectedLine) in zip(lines, expected) {
            #expect(line == expectedLine)
        }
    }

    /// What the script prints for `sampleWorkbook`: amounts as floats equal to cents / 100 with the
    /// euro format, dates as datetimes, the total row bold and outside the filter.
    private var expectedReadBack: String {
        let euro = "[$€-413] #,##0.00;[$€-413] -#,##0.00"
        let notes = hostileTexts.map { "'" + hexadecimal(XMLText.replacingDisallowedCharacters($0)) + "'" }.joined(separator: ", ")
        let extremes = [("-0.01", "-1"), ("0.0", "0"), ("0.05", "5"), ("1234567890.12", "123456789012"),
                        ("9.223372036854776e+16", "9223372036854775807"), ("-9.223372036854776e+16", "-9223372036854775808")]
        return """
            sheets: ['Regels', "Toelichting & 'n noot", 'Grenzen']
            properties: Offerteregels 2026 | Financiën | 2026-01-15 00:00:00
            freeze: A2 | filter: A1:H4 | print titles: $1:$1 | dimensions: A1:H5
            header: ['Gemeente', 'Dienst', 'Jaar', 'Bedrag', 'Indexatie', 'Ingangsdatum', 'Uren', 'Jaarlijks'] bold: True
            widths: [24.0, 30.0, 8.0, 16.0, 12.0, 15.0, 14.0, 12.0]
            row 2: ['Midden-Drenthe', 'Robuuste bibliotheek', 2026, 1234.56, 0.0375, datetime.datetime(2026, 1, 1, 0, 0), 40.5, True] bold: \
            [False, False, False, False, False, False, False, False]
            row 3: ['Midden-Drenthe', 'dBos PO', 2026, 0.3, -0.021, datetime.datetime(2999, 12, 31, 0, 0), 0, False] bold: \
            [False, False, False, False, False, False, False, False]
            row 4: ['Aa en Hunze', 'Maatwerk', 2027, -0.01, None, datetime.datetime(1900, 3, 1, 0, 0), None, None] bold: \
            [False, False, False, False, False]
            row 5: ['Totaal', None, None, 1234.85, None, None, None, None] bold: [True, True]
            amount: float True | \(euro)
            percentage: float True | 0.00%
            date: datetime 2026-01-01 | d-m-yyyy | True
            formats: ['General', 'General', '0', '\(euro)', '0.00%', 'd-m-yyyy', '#,##0.0', 'General']
            notes: [\(notes)]
            \(extremes.map { "extreme: \($0.0) \($0.1) \(euro)" }.joined(separator: "\n"))
            filters: ['A1:H4', 'A1:A13', 'A1:B7'] ['A2', 'A2', 'A2']

            """
    }
}
