import Catalogue
import Contracts
import Money
import Pricing
import Workbook

/// The workbook of `catalogue-cli contract show`: an agreement as it stands on a date.
///
/// Sheets: "Overzicht" (per year the book's status, whose lines apply, and the totals per payer;
/// the total over the term), "Per dienst" (what the municipality pays per service and year),
/// "Regels" (every priced line of every year, with a bold total row per year and overall),
/// "Wijzigingen" (the agreement and each amendment: date and the years its lines apply),
/// "Opzegging dBos" (each school's dBos cooperation agreement: since when, the last day to give
/// notice, the earliest end) and "Uitgangspunten" (reference, quote, acceptance date, payment,
/// the date shown, and each year's frozen book with the hash it is stored under).
public enum AgreementWorkbook {
    /// The workbook of `view`.
    public static func build(_ view: AgreementView) throws(SpreadsheetError) -> Workbook {
        let sheets = [
            try PricedYearSheets.overview(view.years, totals: view.totals, period: view.reference(forYear:)),
            try PricedYearSheets.perService(view.years, books: view.books, totals: view.totals),
            try PricedLinesSheet.sheet(view.years, totals: view.totals, books: view.books),
            try amendmentsSheet(view),
            try noticesSheet(view),
            try assumptions(view),
        ]
        let agreement = view.state.agreement
        let properties = DocumentProperties(title: "Uitvoeringsovereenkomst \(agreement.reference) \(view.municipalityName)",
                                            subject: view.state.title, creator: "Bind bibliotheken", application: "catalogue")
        return try building { () throws(WorkbookError) in try Workbook(sheets: sheets, properties: properties) }
    }

    /// The sheet "Wijzigingen": the agreement, then each amendment in order.
    static func amendmentsSheet(_ view: AgreementView) throws(SpreadsheetError) -> Sheet {
        let columns = [Column("Kenmerk", kind: .text, width: 20), Column("Soort", kind: .text, width: 16), Column("Datum", kind: .date),
                       Column("Vanaf jaar", kind: .year, width: 12), Column("Tot en met jaar", kind: .year, width: 16),
                       Column("In werking", kind: .boolean, width: 12), Column("Regels", kind: .integer, width: 10)]
        var sheet = try building { () throws(WorkbookError) in try Sheet(name: "Wijzigingen", columns: columns) }
        for (index, period) in view.periods.enumerated() {
            let cells: [Cell] = [.text(period.reference), .text(index == 0 ? "overeenkomst" : "wijziging"), try .day(period.dated),
                                 .year(period.fromYear), period.tookEffect ? .year(period.untilYear) : .text("—"),
                                 .boolean(period.tookEffect), .count(view.state.segments[index].lines.count)]
            try building { () throws(WorkbookError) in try sheet.append(cells) }
        }
        return sheet
    }

    /// The sheet "Opzegging dBos".
    static func noticesSheet(_ view: AgreementView) throws(SpreadsheetError) -> Sheet {
        let columns = [Column("School", kind: .text, width: 36), Column("Schoolcode", kind: .text, width: 20), Column("Dienst", kind: .text, width: 40),
                       Column("Dienstcode", kind: .text, width: 16), Column("Sinds", kind: .year), Column("Opzeggen uiterlijk", kind: .date, width: 20),
                       Column("Eindigt op zijn vroegst", kind: .date, width: 24)]
        var sheet = try building { () throws(WorkbookError) in try Sheet(name: "Opzegging dBos", columns: columns) }
        let lastYear = view.state.agreement.lastYear
        for notice in view.schoolNotices {
            let service = notice.service.map { Dutch.serviceName($0, year: lastYear, books: view.books) }
            let cells: [Cell] = [.text(notice.schoolName ?? notice.school), .text(notice.school), .text(service), .text(notice.service),
                                 notice.startYear.map(Cell.year) ?? .empty, try .day(notice.date), try .day(notice.periodEnd)]
            try building { () throws(WorkbookError) in try sheet.append(cells) }
        }
        return sheet
    }

    /// The sheet "Uitgangspunten".
    static func assumptions(_ view: AgreementView) throws(SpreadsheetError) -> Sheet {
        let agreement = view.state.agreement
        var sheet = try AssumptionsSheet()
        try sheet.text("Overeenkomst", agreement.reference)
        try sheet.text("Gemeente", "\(view.municipalityName) (\(agreement.municipality))")
        if let title = view.state.title { try sheet.text("Titel", title) }
        try sheet.text("Looptijd", Dutch.span([agreement.firstYear, agreement.lastYear]))
        try sheet.text("Status", status(agreement.status))
        try sheet.text("Offerte", view.state.quote.reference)
        try sheet.date("Offerte uitgebracht op", view.state.quote.issuedOn)
        try sheet.date("Aanvaard op", agreement.acceptedOn)
        try sheet.text("Betaling", payment(agreement.payment))
        if let date = view.date {
            try sheet.date("Stand op", date, note: "met de wijzigingen van deze datum of eerder")
        } else {
            try sheet.text("Stand", "met alle wijzigingen")
        }
        try sheet.date("Opzegtermijnen berekend vanaf", view.noticeDate)
        try sheet.roundingNote()
        try sheet.books(view.bookRecords.map { entry in
            BookProvenance(year: entry.record.year, status: entry.record.status, file: entry.record.bookFile, hash: entry.record.bookHash,
                           projectedFrom: entry.record.projectedFrom, assumptions: entry.assumptions)
        })
        return sheet.sheet
    }

    private static func status(_ status: AgreementStatus) -> String {
        switch status {
        case .active: "actief"
        case .ended: "afgelopen"
        case .terminated: "beëindigd"
        }
    }

    private static func payment(_ payment: PaymentSchedule) -> String {
        switch payment {
        case .quarterly: "voorschotten per kwartaal"
        case .monthly: "voorschotten per maand"
        case .yearly: "voorschot per jaar"
        }
    }
}
