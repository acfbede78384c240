import Money
import Support
import Workbook

/// The sheet "Uitgangspunten": one fact a row, each with the year it belongs to and its value in
/// the column of its kind (text, amount, percentage or date), so a reader can filter by year and
/// a formula can refer to an amount or a percentage.
struct AssumptionsSheet {
    /// The sheet's name.
    static let name = "Uitgangspunten"
    /// The columns: what the fact is, its year, and one value column per kind.
    static let columns = [
        Column("Uitgangspunt", kind: .text, width: 40), Column("Jaar", kind: .year), Column("Waarde", kind: .text, width: 80),
        Column("Bedrag", kind: .amount), Column("Percentage", kind: .percentage), Column("Datum", kind: .date),
    ]

    /// The rows so far.
    private(set) var sheet: Sheet

    /// An empty sheet.
    init() throws(SpreadsheetError) {
        sheet = try building { () throws(WorkbookError) in try Sheet(name: Self.name, columns: Self.columns) }
    }

    /// A fact given as text.
    mutating func text(_ label: String, _ value: String, year: Int? = nil) throws(SpreadsheetError) {
        try append([.text(label), year.map(Cell.year) ?? .empty, .text(value)])
    }

    /// A fact that is an amount.
    mutating func amount(_ label: String, _ value: Money, year: Int? = nil, note: String? = nil) throws(SpreadsheetError) {
        try append([.text(label), year.map(Cell.year) ?? .empty, .text(note), .money(value)])
    }

    /// A fact that is a percentage.
    mutating func percentage(_ label: String, _ value: Percentage, year: Int? = nil, note: String? = nil) throws(SpreadsheetError) {
        try append([.text(label), year.map(Cell.year) ?? .empty, .text(note), .empty, .percent(value)])
    }

    /// A fact that is a date.
    mutating func date(_ label: String, _ value: CalendarDate, year: Int? = nil, note: String? = nil) throws(SpreadsheetError) {
        try append([.text(label), year.map(Cell.year) ?? .empty, .text(note), .empty, .empty, try .day(value)])
    }

    /// The book of each year: status, file and hash, and for a projected year where it is indexed
    /// from and the wage and price percentages and the wage share of the mixed class assumed.
    mutating func books(_ books: [BookProvenance]) throws(SpreadsheetError) {
        for book in books {
            try text("Tariefboek", Dutch.status(book.status), year: book.year)
            try text("Bestand tariefboek", book.file, year: book.year)
            try text("SHA-256 tariefboek", book.hash, year: book.year)
            guard book.status == .projected else { continue }
            if let from = book.projectedFrom {
                try text("Geprojecteerd vanaf", "tariefboek \(from), jaar voor jaar geïndexeerd met aangenomen percentages", year: book.year)
            }
            if let assumptions = book.assumptions {
                try percentage("Loonstijging (aanname)", assumptions.wage, year: book.year)
                try percentage("Prijsstijging (aanname)", assumptions.price, year: book.year)
                try text("Aandeel loon in de gemengde index", assumptions.weights.wage.description, year: book.year)
                try text("Aandeel prijs in de gemengde index", assumptions.weights.price.description, year: book.year)
            }
        }
    }

    /// The rule every amount follows, stated once for the reader.
    mutating func roundingNote() throws(SpreadsheetError) {
        try text("Bedragen", "in euro's, exact tot op de cent: elke regel is eenheidsprijs × aantal, één keer afgerond "
            + "(half van nul af) op de precisie van het tarief; elk totaal is de som van de regels erboven")
    }

    private mutating func append(_ cells: [Cell]) throws(SpreadsheetError) {
        try building { () throws(WorkbookError) in try sheet.append(cells) }
    }
}
