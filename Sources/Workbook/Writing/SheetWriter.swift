/// Writes one sheet as `xl/worksheets/sheetN.xml`: the frozen bold header row, the column
/// widths and formats, the data rows and the autofilter, in the element order the schema asks.
struct SheetWriter {
    /// The sheet to write.
    let sheet: Sheet
    /// Whether this is the first sheet, the one selected when the workbook opens.
    let isFirst: Bool

    /// The sheet's XML; the cell formats and texts it uses are added to the tables.
    func xml(styles: inout StyleTable, strings: inout SharedStrings) -> String {
        let lastColumn = CellReference.columnName(sheet.columns.count - 1)
        var xml = PartXML.declaration
        xml += "<worksheet xmlns=\"\(PartXML.mainNamespace)\" xmlns:r=\"\(PartXML.relationshipsNamespace)\">"
        xml += "<dimension ref=\"A1:\(lastColumn)\(sheet.rows.count + 1)\"/>"
        xml += "<sheetViews><sheetView \(isFirst ? "tabSelected=\"1\" " : "")workbookViewId=\"0\">"
        xml += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        xml += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        xml += columnsXML(styles: &styles)
        xml += "<sheetData>"
        xml += headerXML(styles: &styles, strings: &strings)
        for (index, row) in sheet.rows.enumerated() {
            xml += rowXML(row, number: index + 2, styles: &styles, strings: &strings)
        }
        xml += "</sheetData>"
        xml += "<autoFilter ref=\"\(SheetWriter.filterRange(of: sheet))\"/>"
        return xml + "</worksheet>"
    }

    /// The autofilter's range: the header and the data rows, without the total rows at the end.
    static func filterRange(of sheet: Sheet) -> String {
        let trailingTotals = sheet.rows.reversed().prefix { $0.isTotal }.count
        let lastRow = 1 + sheet.rows.count - trailingTotals
        return "A1:\(CellReference.columnName(sheet.columns.count - 1))\(lastRow)"
    }

    /// `<cols>`: each column's width, and its kind's format for cells typed into it later.
    private func columnsXML(styles: inout StyleTable) -> String {
        var xml = "<cols>"
        for (index, column) in sheet.columns.enumerated() {
            let style = styles.index(of: CellStyle(format: NumberFormat(column.kind), bold: false))
            xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(column.effectiveWidth)\""
            xml += style == 0 ? " customWidth=\"1\"/>" : " style=\"\(style)\" customWidth=\"1\"/>"
        }
        return xml + "</cols>"
    }

    /// Row 1: the headers, bold.
    private func headerXML(styles: inout StyleTable, strings: inout SharedStrings) -> String {
        let style = styles.index(of: CellStyle(format: .general, bold: true))
        var xml = "<row r=\"1\">"
        for (index, column) in sheet.columns.enumerated() {
            let reference = CellReference.name(column: index, row: 1)
            xml += "<c r=\"\(reference)\" s=\"\(style)\" t=\"s\"><v>\(strings.index(of: XMLText.replacingDisallowedCharacters(column.header)))</v></c>"
        }
        return xml + "</row>"
    }

    /// A data row; empty cells are left out.
    private func rowXML(_ row: Row, number: Int, styles: inout StyleTable, strings: inout SharedStrings) -> String {
        var xml = "<row r=\"\(number)\">"
        for (index, cell) in row.cells.enumerated() {
            guard let (format, type, value) = SheetWriter.content(of: cell, in: sheet.columns[index], strings: &strings) else {
                continue
            }
            let style = styles.index(of: CellStyle(format: format, bold: row.isTotal))
            xml += "<c r=\"\(CellReference.name(column: index, row: number))\""
            xml += style == 0 ? "" : " s=\"\(style)\""
            xml += type.map { " t=\"\($0)\"" } ?? ""
            xml += "><v>\(value)</v></c>"
        }
        return xml + "</row>"
    }

    /// A cell's number format, its `t` attribute (nil for a number) and the text of its `<v>`;
    /// nil for an empty cell or empty text, which is left out. Every number is decimal text made from integers.
    static func content(of cell: Cell, in column: Column, strings: inout SharedStrings) -> (NumberFormat, String?, String)? {
        switch cell {
        case .text(""), .empty:
            nil
        case .text(let text):
            (.general, "s", String(strings.index(of: XMLText.replacingDisallowedCharacters(text))))
        case .integer(let value):
            (column.kind == .year ? .ungroupedInteger : .integer, nil, String(value))
        case .amount(let cents):
            (.amount, nil, NumberText.amount(cents: cents))
        case .decimal(let units, let scale):
            (NumberFormat(column.kind), nil, NumberText.decimal(units: units, scale: scale))
        case .percentage(let units, let scale):
            (.percentage, nil, NumberText.decimal(units: units, scale: scale + 2))
        case .date(let day):
            (.date, nil, String(day.excelSerial))
        case .boolean(let value):
            (.general, "b", value ? "1" : "0")
        }
    }
}
