import Testing
@testable import Workbook

@Suite("Sheet names, columns and cells are checked when they are added")
struct WorkbookModelTests {
    @Test(
        "Sheet names Excel refuses are refused with the reason",
        arguments: [
            ("", SheetNameProblem.empty),
            (String(repeating: "x", count: 32), .tooLong(length: 32)),
            (String(repeating: "😀", count: 16), .tooLong(length: 32)),
            ("Q[1]", .forbiddenCharacter("[")), ("a]", .forbiddenCharacter("]")), ("12:00", .forbiddenCharacter(":")),
            ("a*b", .forbiddenCharacter("*")), ("wat?", .forbiddenCharacter("?")), ("2025/2026", .forbiddenCharacter("/")),
            ("C:\\temp", .forbiddenCharacter(":")), ("back\\slash", .forbiddenCharacter("\\")),
            ("'quoted", .apostropheAtEdge), ("quoted'", .apostropheAtEdge),
            ("tab\there", .controlCharacter), ("nul\u{0}", .controlCharacter), ("odd\u{FFFE}", .controlCharacter),
        ]
    )
    func invalidSheetNames(name: String, problem: SheetNameProblem) {
        #expect(throws: WorkbookError.invalidSheetName(name, problem)) {
            try Sheet(name: name, columns: [Column("A", kind: .text)])
        }
    }

    @Test("Names of up to 31 characters with spaces, apostrophes inside and any letter are accepted")
    func validSheetNames() throws {
        for name in [String(repeating: "x", count: 31), "Toelichting & 'n noot", "Financiën €", "1", String(repeating: "😀", count: 15)] {
            #expect(try Sheet(name: name, columns: [Column("A", kind: .text)]).name == name)
        }
    }

    @Test("Sheet names must differ in more than case")
    func duplicateSheetNames() throws {
        let first = try Sheet(name: "Regels", columns: [Column("A", kind: .text)])
        let second = try Sheet(name: "REGELS", columns: [Column("A", kind: .text)])
        #expect(throws: WorkbookError.duplicateSheetName("REGELS", existing: "Regels")) {
            try Workbook(sheets: [first, second])
        }
        var workbook = try Workbook(sheets: [first])
        #expect(throws: WorkbookError.duplicateSheetName("REGELS", existing: "Regels")) { try workbook.append(second) }
        let error = WorkbookError.duplicateSheetName("REGELS", existing: "Regels")
        #expect(error.description == "\"REGELS\" cannot be a sheet name: the workbook already has a sheet \"Regels\" (Excel ignores case)")
        #expect(WorkbookError.invalidSheetName("a/b", .forbiddenCharacter("/")).description
            == "\"a/b\" cannot be a sheet name: it contains \"/\"; sheet names may not contain [ ] : * ? / \\")
        #expect(throws: WorkbookError.noSheets) { try Workbook().bytes() }
    }

    @Test("Column definitions Excel cannot show are refused, naming the column")
    func invalidColumns() {
        #expect(throws: WorkbookError.noColumns(sheet: "S")) { try Sheet(name: "S", columns: []) }
        #expect(throws: WorkbookError.invalidColumn(sheet: "S", column: "B", .widthOutOfRange(0))) {
            try Sheet(name: "S", columns: [Column("a", kind: .text), Column("b", kind: .text, width: 0)])
        }
        #expect(throws: WorkbookError.invalidColumn(sheet: "S", column: "A", .widthOutOfRange(256))) {
            try Sheet(name: "S", columns: [Column("a", kind: .text, width: 256)])
        }
        #expect(throws: WorkbookError.invalidColumn(sheet: "S", column: "A", .placesOutOfRange(19))) {
            try Sheet(name: "S", columns: [Column("a", kind: .decimal(places: 19))])
        }
        let tooMany = Array(repeating: Column("x", kind: .integer), count: 16_385)
        #expect(throws: WorkbookError.tooManyColumns(sheet: "S", count: 16_385)) { try Sheet(name: "S", columns: tooMany) }
    }

    @Test("Rows that do not fit their columns are refused, naming the cell")
    func invalidRows() throws {
        var sheet = try Sheet(name: "Regels", columns: lineColumns)
        #expect(throws: WorkbookError.tooManyCells(sheet: "Regels", row: 2, count: 9, columns: 8)) {
            try sheet.append(Array(repeating: .empty, count: 9))
        }
        #expect(throws: WorkbookError.cellDoesNotFitColumn(sheet: "Regels", cell: "D2", columnKind: .amount, cellKind: "an integer")) {
            try sheet.append([.text("a"), .text("b"), .integer(2026), .integer(100)])
        }
        #expect(throws: WorkbookError.cellDoesNotFitColumn(sheet: "Regels", cell: "C2", columnKind: .year, cellKind: "an amount")) {
            try sheet.append([.text("a"), .text("b"), .amount(cents: 2026)])
        }
        #expect(throws: WorkbookError.dateOutsideExcel(sheet: "Regels", cell: "F2", date: try day(1900, 2, 28))) {
            try sheet.append([.empty, .empty, .empty, .empty, .empty, .date(day(1900, 2, 28))])
        }
        #expect(throws: WorkbookError.invalidScale(sheet: "Regels", cell: "E2", scale: 19)) {
            try sheet.append([.empty, .empty, .empty, .empty, .percentage(units: 1, scale: 19)])
        }
        #expect(throws: WorkbookError.textTooLong(sheet: "Regels", cell: "A2", length: 32_768)) {
            try sheet.append([.text(String(repeating: "x", count: 32_768))])
        }
        #expect(sheet.rows.isEmpty)
        // Text and empty cells fit any column; a short row leaves the rest empty.
        try sheet.append([.text("Totaal"), .empty, .text("n.v.t."), .text("—")], isTotal: true)
        #expect(sheet.rows == [Row(cells: [.text("Totaal"), .empty, .text("n.v.t."), .text("—")], isTotal: true)])
        #expect(WorkbookError.cellDoesNotFitColumn(sheet: "Regels", cell: "D2", columnKind: .amount, cellKind: "an integer").description
            == "sheet \"Regels\", cell D2: an integer in a column of kind amount; only text, an empty cell or amount fits")
    }

    @Test("Days that do not exist are refused", arguments: [(2025, 2, 29), (1900, 2, 29), (2026, 13, 1), (2026, 4, 31), (0, 1, 1), (10_000, 1, 1), (2026, 1, 0)])
    func invalidDays(year: Int, month: Int, day: Int) {
        #expect(throws: WorkbookError.invalidDate(year: year, month: month, day: day)) {
            try CalendarDay(year: year, month: month, day: day)
        }
    }

    @Test("Column letters run A to Z, AA to ZZ, AAA to XFD")
    func columnNames() {
        let names = [0, 1, 25, 26, 27, 51, 52, 701, 702, 16_383].map(CellReference.columnName)
        #expect(names == ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA", "XFD"])
        #expect(CellReference.name(column: 2, row: 5) == "C5")
    }
}
