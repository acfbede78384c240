import Money
import Pricing

/// Offer and agreement lines as a table for people: number, service, whom it is for, the choices
/// made, and what the municipality pays for the line each year.
enum LineTable {
    static func render(_ summaries: [LineSummary], indent: String = "  ", _ context: inout CommandContext) throws(CLIError) {
        let years = Array(Set(summaries.flatMap { $0.years.map(\.year) })).sorted()
        var table = TextTable([.right, .left, .left, .left] + years.map { _ in .right })
        table.add(["#", "SERVICE", "FOR", "DETAILS"] + years.map(String.init))
        for summary in summaries {
            var cells = [String(summary.number), summary.serviceName, summary.subjects, summary.details.joined(separator: ", ")]
            for year in years {
                let amounts = summary.years.first { $0.year == year }?.totals
                cells.append(amounts.map(\.municipality.dutchString) ?? "—")
            }
            table.add(cells)
        }
        if !years.isEmpty {
            let totals = try years.map { (year) throws(CLIError) in try sum(summaries, year: year, \.municipality) }
            let schools = try years.map { (year) throws(CLIError) in try sum(summaries, year: year, \.school) }
            table.add(["", "Total (municipality)", "", ""] + totals.map(\.dutchString))
            if schools.contains(where: { $0 != .zero }) {
                table.add(["", "Paid by schools (excl. VAT)", "", ""] + schools.map(\.dutchString))
            }
        }
        for line in table.render(indent: indent) { context.print(line) }
    }

    /// One payer's total of a year over the lines; the lines' amounts add up to the offer's own
    /// checked totals, so an overflow here is a bug.
    private static func sum(_ summaries: [LineSummary], year: Int, _ payer: KeyPath<PayerTotals, Money>) throws(CLIError) -> Money {
        do {
            return try Money.sum(summaries.compactMap { $0.years.first { $0.year == year }?.totals[keyPath: payer] })
        } catch {
            throw .internalError("the lines of \(year) add up beyond the supported range")
        }
    }
}

/// The sum of what the municipality pays over priced years. The years' totals come from one
/// priced offer whose own total is checked, so an overflow here is a bug, never a wrong total.
enum YearTotals {
    static func municipality(_ years: [PricedYear]) throws(CLIError) -> Money {
        do { return try Money.sum(years.map(\.totals.municipality)) } catch {
            throw .internalError("the years' totals add up beyond the supported range")
        }
    }
}
