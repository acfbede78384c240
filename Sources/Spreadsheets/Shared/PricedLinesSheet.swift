import Catalogue
import Money
import Pricing
import Workbook

/// "Regels": every priced line of every year, the amount in the column of whoever pays it, each
/// year closed by a bold total row (its year in the year column, so a filter on the year keeps
/// it) and the sheet by the overall total.
enum PricedLinesSheet {
    /// The columns; the quantity column shows as many decimals as the most precise quantity.
    static func columns(places: Int) -> [Column] {
        [Column("Jaar", kind: .year), Column("Dienst", kind: .text, width: 36), Column("Dienstcode", kind: .text, width: 24),
         Column("Onderdeel", kind: .text, width: 30), Column("Onderwerp", kind: .text, width: 30), Column("Onderwerpcode", kind: .text, width: 20),
         Column("Aantal", kind: .decimal(places: places)), Column("Prijs per eenheid", kind: .amount)]
            + PricedYearSheets.payerColumns
            + [Column("Betaler", kind: .text, width: 12), Column("Terugkerend", kind: .text, width: 14),
               Column("Offerte op maat", kind: .boolean, width: 16), Column("Richtprijs", kind: .boolean, width: 12),
               Column("Tarief", kind: .text, width: 40), Column("Omschrijving", kind: .text, width: 30),
               Column("Toelichting", kind: .text, width: 120)]
    }

    /// The sheet.
    static func sheet(_ years: [PricedYear], totals: PayerTotals, books: PricingBooks) throws(SpreadsheetError) -> Sheet {
        let places = years.flatMap { $0.lines.map(\.quantity.scale) }.max() ?? 0
        return try building { () throws(WorkbookError) in
            var sheet = try Sheet(name: "Regels", columns: columns(places: min(places, 18)))
            for year in years {
                for line in year.lines {
                    try sheet.append(cells(line, year: year.year, books: books))
                }
                try sheet.append([.year(year.year), .text("Totaal \(year.year)")] + Array(repeating: .empty, count: 6)
                    + PricedYearSheets.payerCells(year.totals), isTotal: true)
            }
            try sheet.append([.empty, .text("Totaal \(Dutch.span(years.map(\.year)))")] + Array(repeating: .empty, count: 6)
                + PricedYearSheets.payerCells(totals), isTotal: true)
            return sheet
        }
    }

    /// One line's cells: names and codes, quantity, unit price, the amount under its payer, VAT.
    static func cells(_ line: PricedLine, year: Int, books: PricingBooks) -> [Cell] {
        let service = books[year]?.book.service(line.service)
        let component = service?.component(line.component)?.name ?? line.component
        var payers: [Cell] = [.empty, .empty, .empty, .empty]
        switch line.payer {
        case .municipality: payers[0] = .money(line.amount)
        case .school:
            payers[1] = .money(line.amount)
            payers[2] = .money(line.vat?.amount)
        case .participants: payers[3] = .money(line.amount)
        }
        let subject: Cell = .text(line.subjectName ?? (line.subject == nil ? "hele gemeente" : line.subject))
        return [.year(year), .text(service?.name ?? line.service), .text(line.service), .text(component), subject,
                .text(line.subject), .quantity(line.quantity), .money(line.unitPrice)]
            + payers
            + [.text(Dutch.payer(line.payer)), .text(Dutch.recurrence(line.recurrence)), .boolean(line.isQuote),
               .boolean(line.isIndicative), .text(line.tariff), .text(line.description), .text(line.explanation)]
    }
}
