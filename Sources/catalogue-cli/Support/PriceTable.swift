import Catalogue
import Money
import Pricing
import Support

/// The table form of a priced offer: per year, per service, with subtotals and totals per payer.
enum PriceTable {
    static func render(_ priced: PricedOffer, request: PricingRequest, _ context: inout CommandContext) throws(CLIError) {
        let offer = request.offer.offer
        let span = offer.years == 1 ? "\(offer.firstYear)" : "\(offer.firstYear)–\(offer.yearRange.upperBound)"
        var heading = "Offer for \(priced.municipalityName) (\(priced.municipality)), \(span)"
        if let title = priced.title { heading += ": \(title)" }
        context.print(heading)
        context.print("Amounts in euros. Flags: Q custom quote, ≈ indicative (guide price), 1× one-off.")
        context.print("School lines exclude VAT; participant fees are expected income of the library, not part of the municipality's total.")
        for year in priced.years {
            context.print()
            if let from = year.projectedFrom, let assumptions = year.assumptions {
                context.print("\(year.year) · PROJECTED tariff book: \(from) indexed forward, assuming wage \(assumptions.wage.plainString) % and price \(assumptions.price.plainString) % a year; the amounts are indicative")
            } else {
                context.print("\(year.year) · tariff book \(year.bookYear) (\(year.status.rawValue), \(year.bookFile))")
            }
            try lines(year, book: request.books[year.year]?.book, &context)
            serviceLevels(year, &context)
            context.print("  Totals \(year.year): " + totalsText(year.totals))
        }
        if priced.years.count > 1 {
            context.print()
            context.print("Totals \(span): " + totalsText(priced.totals))
        }
    }

    /// A year's lines grouped by service, each group with its name above and its subtotals per payer below.
    private static func lines(_ year: PricedYear, book: TariffBook?, _ context: inout CommandContext) throws(CLIError) {
        var table = TextTable([.left, .left, .right, .right, .right, .left, .left])
        var headerRows: [Int: String] = [:]
        table.add(["COMPONENT", "SUBJECT", "QUANTITY", "UNIT PRICE", "AMOUNT", "PAYER", "FLAGS"])
        var index = 0
        while index < year.lines.count {
            let serviceCode = year.lines[index].service
            let service = book?.service(serviceCode)
            headerRows[table.rows.count] = "\(serviceCode)  \(service?.name ?? "")"
            var subtotals = PayerTotals()
            while index < year.lines.count, year.lines[index].service == serviceCode {
                let line = year.lines[index]
                table.add(cells(line, service: service))
                // The lines add up to the year's checked totals, so a subtotal cannot leave the range.
                do { try subtotals.add(line) } catch { throw .internalError("the \(serviceCode) subtotal of \(year.year) is out of range") }
                index += 1
            }
            for (payer, amount) in payerAmounts(subtotals) {
                table.add(["  subtotal \(payer)", "", "", "", amount.dutchString, "", ""])
            }
        }
        for (row, line) in table.render(indent: "  ").enumerated() {
            if let header = headerRows[row] { context.print("  " + header) }
            context.print(line)
        }
    }

    /// One priced line's cells.
    private static func cells(_ line: PricedLine, service: Service?) -> [String] {
        let name = service?.component(line.component)?.name ?? line.component
        var flags: [String] = []
        if line.isQuote { flags.append("Q") }
        if line.isIndicative { flags.append("≈") }
        if line.recurrence == .oneOff { flags.append("1×") }
        var payer = line.payer.rawValue
        if let vat = line.vat { payer += " (+ VAT \(vat.amount.dutchString))" }
        let subject = line.subjectName ?? line.description ?? ""
        return ["  " + name, subject, line.quantity.dutchString, line.unitPrice.dutchString, line.amount.dutchString, payer,
                flags.joined(separator: " ")]
    }

    /// The service levels a year promises, per school.
    private static func serviceLevels(_ year: PricedYear, _ context: inout CommandContext) {
        guard !year.serviceLevels.isEmpty else { return }
        context.print("  Service levels promised in \(year.year):")
        var levels = TextTable([.left, .left, .right, .left])
        var index = 0
        while index < year.serviceLevels.count {
            let first = year.serviceLevels[index]
            var values: [String] = []
            while index < year.serviceLevels.count, year.serviceLevels[index].service == first.service,
                  year.serviceLevels[index].subject == first.subject {
                let level = year.serviceLevels[index]
                values.append("\(level.value.dutchString) \(level.unit)")
                index += 1
            }
            levels.add([first.service, first.subjectName, "\(first.pupils) pupils", values.joined(separator: " · ")])
        }
        for line in levels.render(indent: "    ") { context.print(line) }
    }

    private static func payerAmounts(_ totals: PayerTotals) -> [(String, Money)] {
        var result: [(String, Money)] = []
        if totals.municipality != .zero { result.append(("municipality", totals.municipality)) }
        if totals.school != .zero { result.append(("school (excl. VAT)", totals.school)) }
        if totals.participants != .zero { result.append(("participants", totals.participants)) }
        return result
    }

    private static func totalsText(_ totals: PayerTotals) -> String {
        var parts = ["municipality \(totals.municipality.dutchString)"]
        if totals.school != .zero {
            parts.append("school \(totals.school.dutchString) excl. VAT (+ VAT \(totals.schoolVAT.dutchString))")
        }
        if totals.participants != .zero { parts.append("participants \(totals.participants.dutchString) (expected)") }
        return parts.joined(separator: " · ")
    }
}
