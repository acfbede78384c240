import Catalogue
import Contracts
import Money
import Pricing
import Workbook

/// The workbook of `catalogue-cli compare`: offers for one municipality side by side.
///
/// Sheets: "Vergelijking" (per year every service with each offer's amount and each offer's
/// difference from the base, then bold totals of the municipality and the school contributions;
/// then the same over the term), "Voorstellen" (each offer: name, file, years, term totals,
/// whether its Basis coverage is complete and which Basis services it lacks) and "Uitgangspunten"
/// (municipality, profile, offer files, each year's book with its hash and assumptions). "—"
/// marks a service an offer does not have, or a year it does not run, as the Dutch page does.
public enum ComparisonWorkbook {
    /// The workbook of `comparison`; `inputs` are the priced offers it was built from (for the
    /// books' provenance), `profile` the profile file as the user named it.
    public static func build(_ comparison: OfferComparison, inputs: [ComparisonInput], profile: String? = nil) throws(SpreadsheetError) -> Workbook {
        let sheets = [
            try comparisonSheet(comparison),
            try offersSheet(comparison),
            try assumptions(comparison, inputs: inputs, profile: profile),
        ]
        let properties = DocumentProperties(title: "Vergelijking van voorstellen \(comparison.municipalityName)", creator: "Bind bibliotheken",
                                            application: "catalogue")
        return try building { () throws(WorkbookError) in try Workbook(sheets: sheets, properties: properties) }
    }

    /// The sheet "Vergelijking".
    static func comparisonSheet(_ comparison: OfferComparison) throws(SpreadsheetError) -> Sheet {
        let offers = comparison.offers
        let columns = [Column("Jaar", kind: .year, width: 10), Column("Niveau", kind: .text, width: 12), Column("Dienst", kind: .text, width: 40),
                       Column("Dienstcode", kind: .text, width: 24)]
            + offers.map { Column($0.label, kind: .amount) }
            + offers.dropFirst().map { Column("Verschil \($0.key) − \(comparison.base.key)", kind: .amount) }
        return try building { () throws(WorkbookError) in
            var sheet = try Sheet(name: "Vergelijking", columns: columns)
            for year in comparison.years.map(\.year) {
                for service in services(comparison, year: year) {
                    try sheet.append([.year(year), .text(service.tier.dutchName), .text(service.name), .text(service.code)]
                        + amountCells(service.amounts, year: year, included: service.included, offers: offers.count))
                }
                try sheet.append([.year(year), .empty, .text("Totaal gemeente \(year)"), .empty]
                    + amountCells(comparison.municipalityTotals, year: year, offers: offers.count), isTotal: true)
                try sheet.append([.year(year), .empty, .text("Schoolbijdragen \(year) (excl. btw)"), .empty]
                    + amountCells(comparison.schoolTotals, year: year, offers: offers.count), isTotal: true)
            }
            for service in comparison.services {
                try sheet.append([.text("Looptijd"), .text(service.tier.dutchName), .text(service.name), .text(service.code)]
                    + amountCells(service.amounts, year: nil, included: service.included, offers: offers.count))
            }
            try sheet.append([.text("Looptijd"), .empty, .text("Totaal gemeente, looptijd"), .empty]
                + amountCells(comparison.municipalityTotals, year: nil, offers: offers.count), isTotal: true)
            try sheet.append([.text("Looptijd"), .empty, .text("Schoolbijdragen, looptijd (excl. btw)"), .empty]
                + amountCells(comparison.schoolTotals, year: nil, offers: offers.count), isTotal: true)
            return sheet
        }
    }

    /// The services any offer running in `year` has: Basis first, then Basis Plus, in catalogue order.
    static func services(_ comparison: OfferComparison, year: Int) -> [ComparedService] {
        comparison.services.filter { service in
            comparison.offers.indices.contains { comparison.offers[$0].covers(year) && service.included[$0] }
        }
    }

    /// Each offer's amount ("—" when it lacks the service or does not run that year), then each
    /// difference from the base ("—" when either does not run). `year` nil is the term.
    static func amountCells(_ amounts: ComparedAmounts, year: Int?, included: [Bool]? = nil, offers: Int) -> [Cell] {
        var cells: [Cell] = []
        for index in 0..<offers {
            let amount = year.map { amounts.amount(index, $0) } ?? amounts.terms[index]
            cells.append(included?[index] == false ? .text("—") : amount.map(Cell.money) ?? .text("—"))
        }
        for index in 1..<offers {
            let difference = year.map { amounts.difference(index, $0) } ?? amounts.termDifferences[index]
            cells.append(difference.map(Cell.money) ?? .text("—"))
        }
        return cells
    }

    /// The sheet "Voorstellen".
    static func offersSheet(_ comparison: OfferComparison) throws(SpreadsheetError) -> Sheet {
        let columns = [
            Column("Voorstel", kind: .text, width: 12), Column("Naam", kind: .text, width: 40), Column("Bestand", kind: .text, width: 50),
            Column("Eerste jaar", kind: .year, width: 12), Column("Laatste jaar", kind: .year, width: 13), Column("Diensten", kind: .integer, width: 10),
            Column("Totaal gemeente, looptijd", kind: .amount), Column("Schoolbijdragen, looptijd (excl. btw)", kind: .amount),
            Column("Basisdekking compleet", kind: .boolean), Column("Ontbrekende Basisdiensten", kind: .text, width: 60),
        ]
        return try building { () throws(WorkbookError) in
            var sheet = try Sheet(name: "Voorstellen", columns: columns)
            for (index, offer) in comparison.offers.enumerated() {
                try sheet.append([.text(offer.label), .text(offer.name), .text(offer.file), offer.years.first.map(Cell.year) ?? .empty,
                                  offer.years.last.map(Cell.year) ?? .empty, .count(offer.services.count),
                                  .money(comparison.municipalityTotals.terms[index]), .money(comparison.schoolTotals.terms[index]),
                                  .boolean(offer.coverage.isComplete), .text(offer.coverage.basisGaps.map(\.name).joined(separator: "; "))])
            }
            return sheet
        }
    }

    /// The sheet "Uitgangspunten": municipality, profile, the offers' files and each year's book.
    static func assumptions(_ comparison: OfferComparison, inputs: [ComparisonInput], profile: String?) throws(SpreadsheetError) -> Sheet {
        var sheet = try AssumptionsSheet()
        try sheet.text("Gemeente", "\(comparison.municipalityName) (\(comparison.municipality))")
        if let profile { try sheet.text("Profiel", profile) }
        for offer in comparison.offers {
            try sheet.text(offer.label, "\(offer.name) (\(offer.file)), \(Dutch.span(offer.years))")
        }
        try sheet.text("Basis voor de verschillen", "\(comparison.base.label): elk verschil is het andere voorstel min \(comparison.base.label)")
        try sheet.text("Bedragen", "wat de gemeente betaalt, jaarlijks en eenmalig samen; schoolbijdragen apart (excl. btw); bijdragen van deelnemers niet meegeteld")
        try sheet.text("—", "de dienst zit niet in het voorstel, of het voorstel loopt dat jaar niet")
        var books: [BookProvenance] = []
        for year in comparison.years.map(\.year) {
            guard let book = inputs.lazy.compactMap({ $0.request.books[year] }).first else { continue }
            books.append(BookProvenance(year: year, book: book))
        }
        try sheet.books(books)
        return sheet.sheet
    }
}
