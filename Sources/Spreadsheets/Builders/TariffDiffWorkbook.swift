import Catalogue
import Money
import Pricing
import Workbook

/// The workbook of `catalogue-cli tariffs diff`: every tariff of two books, old and new.
///
/// Sheets: "Tarieven" (per tariff the service's name and code, the tariff's id and name, how it is
/// indexed, the amount in each book, the change in euros and in percent, new or removed) and
/// "Uitgangspunten" (each book's file and SHA-256, and how the newer one was indexed: source and
/// its hash, percentages, mixed weights, date). A sum of tariffs means nothing, so the sheet has
/// no total row.
public enum TariffDiffWorkbook {
    /// A book as read: the book, the file it came from and the exact bytes read.
    public struct ReadBook: Sendable {
        /// The book.
        public var book: TariffBook
        /// The file, as the library names it.
        public var file: String
        /// The bytes the book was loaded from, for its SHA-256.
        public var bytes: [UInt8]

        /// A book read from `file` as `bytes`.
        public init(book: TariffBook, file: String, bytes: [UInt8]) {
            self.book = book
            self.file = file
            self.bytes = bytes
        }
    }

    /// The workbook comparing `older` with `newer`.
    public static func build(older: ReadBook, newer: ReadBook) throws(SpreadsheetError) -> Workbook {
        let diff = TariffDiff(from: older.book, to: newer.book)
        let tariffs = try sheet(diff, older: older.book, newer: newer.book)
        var assumptions = try AssumptionsSheet()
        for read in [older, newer] {
            try provenance(read, into: &assumptions)
        }
        let properties = DocumentProperties(title: "Tarieven \(older.book.year) en \(newer.book.year)", creator: "Bind bibliotheken",
                                            application: "catalogue")
        return try building { () throws(WorkbookError) in try Workbook(sheets: [tariffs, assumptions.sheet], properties: properties) }
    }

    /// The sheet "Tarieven".
    static func sheet(_ diff: TariffDiff, older: TariffBook, newer: TariffBook) throws(SpreadsheetError) -> Sheet {
        let columns = [
            Column("Dienst", kind: .text, width: 36), Column("Dienstcode", kind: .text, width: 24), Column("Tarief", kind: .text, width: 44),
            Column("Omschrijving", kind: .text, width: 44), Column("Indexatie", kind: .text, width: 22),
            Column("Tarief \(diff.fromYear)", kind: .amount), Column("Tarief \(diff.toYear)", kind: .amount),
            Column("Verschil", kind: .amount), Column("Verschil %", kind: .percentage), Column("Opmerking", kind: .text, width: 12),
        ]
        return try building { () throws(WorkbookError) in
            var sheet = try Sheet(name: "Tarieven", columns: columns)
            for row in diff.rows {
                let service = row.service.map { code in newer.service(code)?.name ?? older.service(code)?.name ?? code } ?? "Eenheden"
                let remark = row.old == nil ? "nieuw" : row.new == nil ? "vervallen" : nil
                try sheet.append([.text(service), .text(row.service), .text(row.tariff), .text(row.name), .text(Dutch.indexClass(row.indexClass)),
                                  .money(row.old), .money(row.new), .money(row.change), row.changePercentage.map(Cell.percent) ?? .empty,
                                  .text(remark)])
            }
            return sheet
        }
    }

    /// A book's rows of "Uitgangspunten": title, file, hash, origin, and how it was indexed.
    static func provenance(_ read: ReadBook, into sheet: inout AssumptionsSheet) throws(SpreadsheetError) {
        let book = read.book
        try sheet.books([BookProvenance(published: book, file: read.file, bytes: read.bytes)])
        try sheet.text("Titel", book.title, year: book.year)
        try sheet.text("Herkomst", book.provenance.kind == Provenance.transcription ? "overgenomen uit \(book.provenance.source)"
                        : "geïndexeerd: \(book.provenance.source)", year: book.year)
        guard let record = book.provenance.indexation else { return }
        try sheet.text("Geïndexeerd vanaf", "tariefboek \(record.sourceYear)", year: book.year)
        try sheet.text("SHA-256 van de bron", record.sourceHash, year: book.year)
        try sheet.percentage("Loonstijging", record.wage, year: book.year)
        try sheet.percentage("Prijsstijging", record.price, year: book.year)
        try sheet.text("Aandeel loon in de gemengde index", record.mixedWeights.wage.description, year: book.year)
        try sheet.text("Aandeel prijs in de gemengde index", record.mixedWeights.price.description, year: book.year)
        if let date = record.date { try sheet.date("Datum van de indexatie", date, year: book.year) }
        try sheet.text("Samenvatting", record.summary, year: book.year)
        if let replaced = record.replacedHash { try sheet.text("Vervangt het boek met SHA-256", replaced, year: book.year) }
    }
}
