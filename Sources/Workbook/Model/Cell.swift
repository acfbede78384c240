/// One cell's value. Numbers are integers or integers with a scale, so every value is written
/// exactly as decimal text; nothing passes through a floating-point number.
public enum Cell: Sendable, Hashable {
    /// Text, shown as it is (characters XML cannot hold become U+FFFD). At most 32 767 characters;
    /// empty text is an empty cell, so Excel's COUNTA and ISBLANK do not count it.
    case text(String)
    /// A whole number, shown as `1.234` in Dutch Excel (format `#,##0`), or as `2026` in a year column.
    case integer(Int64)
    /// An amount of euros as a count of cents, written with exactly two decimals (`-0.01`,
    /// `1234567890.12`) and shown as `€ 1.234,56` in Dutch Excel.
    case amount(cents: Int64)
    /// The decimal `units / 10^scale` (`units: 25, scale: 1` is 2,5), scale 0 to 18, shown with
    /// the decimals of its column.
    case decimal(units: Int64, scale: Int)
    /// A percentage of `units / 10^scale` percent (`units: 375, scale: 2` is 3,75 %), written as
    /// the fraction (0.0375) and shown as `3,75%`.
    case percentage(units: Int64, scale: Int)
    /// A day, written as Excel's serial number and shown as `1-1-2026`.
    case date(CalendarDay)
    /// TRUE or FALSE (WAAR or ONWAAR in Dutch Excel).
    case boolean(Bool)
    /// Nothing: the cell is left out of the file.
    case empty

    /// What the cell holds, for error messages: "an amount", "a date".
    var kindDescription: String {
        switch self {
        case .text: "text"
        case .integer: "an integer"
        case .amount: "an amount"
        case .decimal: "a decimal"
        case .percentage: "a percentage"
        case .date: "a date"
        case .boolean: "a boolean"
        case .empty: "an empty cell"
        }
    }

    /// Whether the cell may stand in a column of this kind: text and empty cells anywhere (a
    /// label such as "Totaal" or "n.v.t."), a typed value only in a column of its own kind.
    func fits(_ kind: ColumnKind) -> Bool {
        switch (self, kind) {
        case (.text, _), (.empty, _): true
        case (.integer, .integer), (.integer, .year), (.amount, .amount), (.decimal, .decimal), (.percentage, .percentage),
             (.date, .date), (.boolean, .boolean): true
        default: false
        }
    }
}

/// What a column holds; it decides the number format of the column's cells and of cells typed
/// into it later, and which typed cells the column accepts.
public enum ColumnKind: Sendable, Hashable, CustomStringConvertible {
    /// Text (left as General).
    case text
    /// Whole numbers, `#,##0`: 1.234 in Dutch Excel.
    case integer
    /// Whole numbers without a thousands separator, `0`: years (2026, not 2.026) and numbers
    /// that are codes. Holds integer cells.
    case year
    /// Euro amounts, `€ #.##0,00` in Dutch Excel.
    case amount
    /// Decimals shown with `places` decimals (0 to 18), `#,##0.00` for two.
    case decimal(places: Int)
    /// Percentages with two decimals, `0.00%`.
    case percentage
    /// Days, `d-m-yyyy`.
    case date
    /// TRUE or FALSE.
    case boolean

    /// `amount`, `decimal(2)`.
    public var description: String {
        switch self {
        case .text: "text"
        case .integer: "integer"
        case .year: "year"
        case .amount: "amount"
        case .decimal(let places): "decimal(\(places))"
        case .percentage: "percentage"
        case .date: "date"
        case .boolean: "boolean"
        }
    }

    /// The width in characters a column of this kind gets when none is given.
    var defaultWidth: Int {
        switch self {
        case .text: 24
        case .integer: 12
        case .year: 8
        case .amount: 16
        case .decimal: 14
        case .percentage: 10
        case .date: 12
        case .boolean: 8
        }
    }
}

/// A column: the header text in the first row, what its cells hold and how wide it is.
public struct Column: Sendable, Hashable {
    /// The text of the header cell, in bold in the frozen first row.
    public let header: String
    /// What the column's cells hold.
    public let kind: ColumnKind
    /// The width in characters (1 to 255); nil for the kind's width, widened to fit the header.
    public let width: Int?

    /// A column; the sheet checks the header, width and decimals when it is created.
    public init(_ header: String, kind: ColumnKind, width: Int? = nil) {
        self.header = header
        self.kind = kind
        self.width = width
    }

    /// The width written to the file: the given one, or the kind's, widened for the header and
    /// the filter button, at most 255.
    var effectiveWidth: Int {
        if let width { return width }
        return min(ExcelLimits.columnWidth, max(kind.defaultWidth, header.utf16.count + 3))
    }
}

/// A data row of a sheet: its cells from column A on, and whether it is a total row.
public struct Row: Sendable, Hashable {
    /// The cells; fewer cells than columns leave the rest empty.
    public let cells: [Cell]
    /// A total row is written in bold, and a total row after the last data row is kept out of
    /// the filter range so sorting and filtering leave it at the bottom.
    public let isTotal: Bool
}
