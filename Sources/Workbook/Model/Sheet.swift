/// A worksheet: a name, a header row of columns and rows of typed cells.
///
/// In the file the header row is bold and frozen, an autofilter covers the header and the data
/// rows, and each column has its width and its kind's number format. Every value is checked when
/// it is added, so a finished sheet always writes.
public struct Sheet: Sendable, Hashable {
    /// The tab's name: 1 to 31 characters, none of `[ ] : * ? / \`, not starting or ending with
    /// an apostrophe.
    public let name: String
    /// The columns, from A on.
    public let columns: [Column]
    /// The data rows, below the header row.
    public private(set) var rows: [Row] = []

    /// A sheet without data rows; refuses an invalid name or column definition.
    public init(name: String, columns: [Column]) throws(WorkbookError) {
        try Sheet.validate(name: name)
        guard !columns.isEmpty else { throw .noColumns(sheet: name) }
        guard columns.count <= ExcelLimits.columns else { throw .tooManyColumns(sheet: name, count: columns.count) }
        for (index, column) in columns.enumerated() {
            if let problem = Sheet.problem(with: column) {
                throw .invalidColumn(sheet: name, column: CellReference.columnName(index), problem)
            }
        }
        self.name = name
        self.columns = columns
    }

    /// Adds a data row; refuses more cells than columns, a typed value in a column of another
    /// kind, a date Excel cannot show, a bad scale, too long a text and a full sheet.
    public mutating func append(_ cells: [Cell], isTotal: Bool = false) throws(WorkbookError) {
        let rowNumber = rows.count + 2  // the header is row 1
        guard rowNumber <= ExcelLimits.rows else { throw .tooManyRows(sheet: name) }
        guard cells.count <= columns.count else {
            throw .tooManyCells(sheet: name, row: rowNumber, count: cells.count, columns: columns.count)
        }
        for (index, cell) in cells.enumerated() {
            try check(cell, in: columns[index], at: CellReference.name(column: index, row: rowNumber))
        }
        rows.append(Row(cells: cells, isTotal: isTotal))
    }

    /// Checks one cell against its column and Excel's limits.
    private func check(_ cell: Cell, in column: Column, at reference: String) throws(WorkbookError) {
        guard cell.fits(column.kind) else {
            throw .cellDoesNotFitColumn(sheet: name, cell: reference, columnKind: column.kind, cellKind: cell.kindDescription)
        }
        switch cell {
        case .text(let text):
            let length = text.utf16.count
            guard length <= ExcelLimits.textLength else { throw .textTooLong(sheet: name, cell: reference, length: length) }
        case .decimal(_, let scale), .percentage(_, let scale):
            guard (0...ExcelLimits.scale).contains(scale) else { throw .invalidScale(sheet: name, cell: reference, scale: scale) }
        case .date(let day):
            guard day >= CalendarDay.firstExcelDay else { throw .dateOutsideExcel(sheet: name, cell: reference, date: day) }
        case .integer, .amount, .boolean, .empty:
            break
        }
    }

    /// What is wrong with a column definition, if anything.
    private static func problem(with column: Column) -> ColumnProblem? {
        let headerLength = column.header.utf16.count
        if headerLength > ExcelLimits.textLength { return .headerTooLong(length: headerLength) }
        if let width = column.width, !(1...ExcelLimits.columnWidth).contains(width) { return .widthOutOfRange(width) }
        if case .decimal(let places) = column.kind, !(0...ExcelLimits.scale).contains(places) {
            return .placesOutOfRange(places)
        }
        return nil
    }

    /// Refuses a name Excel does not accept as a sheet name.
    static func validate(name: String) throws(WorkbookError) {
        if name.isEmpty { throw .invalidSheetName(name, .empty) }
        let length = name.utf16.count
        if length > ExcelLimits.sheetNameLength { throw .invalidSheetName(name, .tooLong(length: length)) }
        if let forbidden = name.first(where: { "[]:*?/\\".contains($0) }) {
            throw .invalidSheetName(name, .forbiddenCharacter(forbidden))
        }
        if name.hasPrefix("'") || name.hasSuffix("'") { throw .invalidSheetName(name, .apostropheAtEdge) }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || !XMLText.isAllowed($0) }) {
            throw .invalidSheetName(name, .controlCharacter)
        }
    }
}
