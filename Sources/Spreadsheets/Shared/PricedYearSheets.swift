import Catalogue
import Money
import Pricing
import Workbook

/// The sheets a price and an agreement share, built from priced years: the overview per year,
/// what the municipality pays per service and year, and every priced line with per-year and
/// overall total rows.
enum PricedYearSheets {
    /// "Overzicht": per year the book's status and the totals per payer, then the overall total.
    /// `period` names, for an agreement, the agreement or amendment whose lines apply that year.
    static func overview(_ years: [PricedYear], totals: PayerTotals, period: ((Int) -> String)? = nil) throws(SpreadsheetError) -> Sheet {
        var columns = [Column("Jaar", kind: .year), Column("Tariefboek", kind: .text, width: 16)]
        if period != nil { columns.append(Column("Geldende afspraken", kind: .text, width: 22)) }
        columns += payerColumns
        return try building { () throws(WorkbookError) in
            var sheet = try Sheet(name: "Overzicht", columns: columns)
            for year in years {
                let lead: [Cell] = [.year(year.year), .text(Dutch.status(year.status))] + (period.map { [.text($0(year.year))] } ?? [])
                try sheet.append(lead + payerCells(year.totals))
            }
            let lead: [Cell] = [.text("Totaal"), .empty] + (period != nil ? [.empty] : [])
            try sheet.append(lead + payerCells(totals), isTotal: true)
            return sheet
        }
    }

    /// The amount columns per payer, as the overview and the line sheet head them.
    static let payerColumns = [
        Column("Bedrag gemeente", kind: .amount), Column("Bedrag scholen (excl. btw)", kind: .amount),
        Column("Btw scholen", kind: .amount), Column("Bijdragen deelnemers (verwacht)", kind: .amount),
    ]

    /// The cells under `payerColumns`.
    static func payerCells(_ totals: PayerTotals) -> [Cell] {
        [.money(totals.municipality), .money(totals.school), .money(totals.schoolVAT), .money(totals.participants)]
    }

    /// "Per dienst": what the municipality pays for each service in each year and over all years,
    /// with a total row that equals the years' totals (checked).
    static func perService(_ years: [PricedYear], books: PricingBooks, totals: PayerTotals) throws(SpreadsheetError) -> Sheet {
        let table = try ServiceYearTable(years)
        let columns = [Column("Niveau", kind: .text, width: 12), Column("Dienst", kind: .text, width: 36),
                       Column("Dienstcode", kind: .text, width: 24)]
            + years.map { Column("Bedrag gemeente \($0.year)", kind: .amount) } + [Column("Bedrag gemeente totaal", kind: .amount)]
        return try building { () throws(WorkbookError) in
            var sheet = try Sheet(name: "Per dienst", columns: columns)
            for service in table.services {
                let first = years.first { table.amounts[service]?[$0.year] != nil }?.year ?? years.first?.year ?? 0
                let tier = books[first]?.book.service(service)?.tier.dutchName ?? ""
                let cells: [Cell] = [.text(tier), .text(Dutch.serviceName(service, year: first, books: books)), .text(service)]
                try sheet.append(cells + years.map { .money(table.amounts[service]?[$0.year] ?? .zero) } + [.money(table.terms[service] ?? .zero)])
            }
            try sheet.append([.text("Totaal"), .empty, .empty] + years.map { .money($0.totals.municipality) } + [.money(totals.municipality)],
                             isTotal: true)
            return sheet
        }
    }
}

/// What the municipality pays per service and year, summed from the priced lines, in the order
/// the services first appear; the sums are checked against the years' own totals.
struct ServiceYearTable {
    /// The service codes, in order of first appearance.
    private(set) var services: [String] = []
    /// Per service, per year.
    private(set) var amounts: [String: [Int: Money]] = [:]
    /// Per service, over every year.
    private(set) var terms: [String: Money] = [:]

    init(_ years: [PricedYear]) throws(SpreadsheetError) {
        do {
            for year in years {
                for line in year.lines where line.payer == .municipality {
                    if amounts[line.service] == nil { services.append(line.service) }
                    amounts[line.service, default: [:]][year.year] = try (amounts[line.service]?[year.year] ?? .zero).adding(line.amount)
                    terms[line.service] = try (terms[line.service] ?? .zero).adding(line.amount)
                }
                let sum = try Money.sum(services.compactMap { amounts[$0]?[year.year] })
                guard sum == year.totals.municipality else {
                    throw SpreadsheetError.inconsistent("the services of \(year.year) add up to \(sum.jsonString), the year's total is \(year.totals.municipality.jsonString)")
                }
            }
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw .inconsistent("the services' amounts add up beyond the supported range")
        }
    }
}
