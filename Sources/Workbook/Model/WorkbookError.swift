/// Why a workbook, a sheet or a row was refused. Every limit of the format and of Excel is an
/// error named here, found when the value is added, never a trap and never a file Excel repairs.
public enum WorkbookError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A sheet name Excel does not accept.
    case invalidSheetName(String, SheetNameProblem)
    /// A sheet name already used in the workbook, compared without regard to case.
    case duplicateSheetName(String, existing: String)
    /// A workbook needs at least one sheet.
    case noSheets
    /// A sheet needs at least one column.
    case noColumns(sheet: String)
    /// More columns than Excel's 16 384.
    case tooManyColumns(sheet: String, count: Int)
    /// A column definition Excel cannot show; `column` is its letter (`C`).
    case invalidColumn(sheet: String, column: String, ColumnProblem)
    /// More rows than Excel's 1 048 576, the header included.
    case tooManyRows(sheet: String)
    /// A row with more cells than the sheet has columns; `row` is the spreadsheet's row number.
    case tooManyCells(sheet: String, row: Int, count: Int, columns: Int)
    /// A typed value in a column of another kind (text and empty cells fit any column).
    case cellDoesNotFitColumn(sheet: String, cell: String, columnKind: ColumnKind, cellKind: String)
    /// A date Excel cannot show: before 1 March 1900 (Excel's day numbers count a 29 February
    /// 1900 that never was) or after 31 December 9999.
    case dateOutsideExcel(sheet: String, cell: String, date: CalendarDay)
    /// A day that does not exist, or a year outside 1 to 9999.
    case invalidDate(year: Int, month: Int, day: Int)
    /// A decimal or percentage with a scale outside 0 to 18.
    case invalidScale(sheet: String, cell: String, scale: Int)
    /// A text longer than the 32 767 characters (UTF-16 code units) an Excel cell holds.
    case textTooLong(sheet: String, cell: String, length: Int)
    /// The ZIP container refused the parts: more than ZIP32 can hold.
    case archive(ZipError)

    /// A plain English explanation that names the sheet and the cell.
    public var description: String {
        switch self {
        case .invalidSheetName(let name, let problem):
            "\"\(name)\" cannot be a sheet name: \(problem)"
        case .duplicateSheetName(let name, let existing):
            "\"\(name)\" cannot be a sheet name: the workbook already has a sheet \"\(existing)\" (Excel ignores case)"
        case .noSheets:
            "a workbook needs at least one sheet"
        case .noColumns(let sheet):
            "sheet \"\(sheet)\" has no columns; a sheet needs at least one"
        case .tooManyColumns(let sheet, let count):
            "sheet \"\(sheet)\" has \(count) columns, more than the \(ExcelLimits.columns) Excel allows"
        case .invalidColumn(let sheet, let column, let problem):
            "sheet \"\(sheet)\", column \(column): \(problem)"
        case .tooManyRows(let sheet):
            "sheet \"\(sheet)\" is full: Excel allows \(ExcelLimits.rows) rows, the header included"
        case .tooManyCells(let sheet, let row, let count, let columns):
            "sheet \"\(sheet)\", row \(row): \(count) cells, but the sheet has \(columns) columns"
        case .cellDoesNotFitColumn(let sheet, let cell, let columnKind, let cellKind):
            "sheet \"\(sheet)\", cell \(cell): \(cellKind) in a column of kind \(columnKind); only text, an empty cell or \(columnKind) fits"
        case .dateOutsideExcel(let sheet, let cell, let date):
            "sheet \"\(sheet)\", cell \(cell): \(date) is outside the dates Excel shows, 1900-03-01 to 9999-12-31"
        case .invalidDate(let year, let month, let day):
            "year \(year), month \(month), day \(day) is not a date in the years 1 to 9999"
        case .invalidScale(let sheet, let cell, let scale):
            "sheet \"\(sheet)\", cell \(cell): a scale of \(scale) decimals is outside 0 to \(ExcelLimits.scale)"
        case .textTooLong(let sheet, let cell, let length):
            "sheet \"\(sheet)\", cell \(cell): \(length) characters, more than the \(ExcelLimits.textLength) an Excel cell holds"
        case .archive(let error):
            "the workbook cannot be packed: \(error)"
        }
    }
}

/// What is wrong with a sheet name.
public enum SheetNameProblem: Equatable, Sendable, CustomStringConvertible {
    /// The name is empty.
    case empty
    /// The name has more than 31 characters (UTF-16 code units, as Excel counts).
    case tooLong(length: Int)
    /// The name contains one of `[ ] : * ? / \`.
    case forbiddenCharacter(Character)
    /// The name starts or ends with an apostrophe, which Excel uses to quote sheet names.
    case apostropheAtEdge
    /// The name contains a control character or another character XML cannot hold.
    case controlCharacter

    /// Completes "cannot be a sheet name: …".
    public var description: String {
        switch self {
        case .empty: "it is empty"
        case .tooLong(let length): "it has \(length) characters, more than the \(ExcelLimits.sheetNameLength) Excel allows"
        case .forbiddenCharacter(let character): "it contains \"\(character)\"; sheet names may not contain [ ] : * ? / \\"
        case .apostropheAtEdge: "it starts or ends with an apostrophe"
        case .controlCharacter: "it contains a control character"
        }
    }
}

/// What is wrong with a column definition.
public enum ColumnProblem: Equatable, Sendable, CustomStringConvertible {
    /// The header is longer than a cell holds.
    case headerTooLong(length: Int)
    /// The width is outside 1 to 255 characters.
    case widthOutOfRange(Int)
    /// The number of decimals of a decimal column is outside 0 to 18.
    case placesOutOfRange(Int)

    /// Completes "sheet …, column …: …".
    public var description: String {
        switch self {
        case .headerTooLong(let length):
            "the header has \(length) characters, more than the \(ExcelLimits.textLength) an Excel cell holds"
        case .widthOutOfRange(let width):
            "a width of \(width) characters is outside 1 to \(ExcelLimits.columnWidth)"
        case .placesOutOfRange(let places):
            "\(places) decimals is outside 0 to \(ExcelLimits.scale)"
        }
    }
}

/// Excel's limits (the specifications and limits of Excel 2007 and later), and this writer's.
enum ExcelLimits {
    /// Rows in a sheet, the header included.
    static let rows = 1_048_576
    /// Columns in a sheet (A to XFD).
    static let columns = 16_384
    /// Characters in a cell.
    static let textLength = 32_767
    /// Characters in a sheet name.
    static let sheetNameLength = 31
    /// A column's width in characters.
    static let columnWidth = 255
    /// Decimals of a decimal or percentage value: the digits an Int64 has, less one.
    static let scale = 18
}
