import Catalogue
import Money
import Pricing
import Support

/// `catalogue-cli price --profile P --offer O`: every priced line of every year.
enum PriceCommand: CLICommand {
    static let info = CommandInfo(
        path: ["price"],
        abstract: "Price an offer for a municipality: every line of every year, explained.",
        options: [
            OptionInfo(name: "--profile", valueName: "file", help: "The municipality profile (JSON), e.g. seeds/municipalities/midden-drenthe.json.", required: true),
            OptionInfo(name: "--offer", valueName: "file", help: "The offer (JSON), e.g. seeds/offers/midden-drenthe-basis.offer.json.", required: true),
            SharedOptions.format([.table, .json, .csv]),
            SharedOptions.tariffs,
        ] + StoreOptions.assumptionOptions,
        discussion: """
        Each line is computed exactly and rounded once, to the precision its tariff was published in
        (half away from zero); every total is the sum of the lines above it. Participant fees and the
        VAT on school contributions are shown apart and never counted in the municipality's total.

        Each year is priced with its own tariff book. A year after the last published book is
        projected: the last book is indexed forward year by year with assumed percentages, from the
        --assume options or from assumptions.json beside the books; such years are marked projected.
        """)

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        guard let profileFile = arguments.value("--profile") else { throw .usage("missing '--profile <file>'", command: info) }
        guard let offerFile = arguments.value("--offer") else { throw .usage("missing '--offer <file>'", command: info) }
        let format = try SharedOptions.format(arguments, allowed: [.table, .json, .csv], command: info)
        let library = try SharedOptions.library(arguments, context)
        let assumptions = try SharedOptions.assumptions(arguments, library: library, command: info)
        let request: PricingRequest
        do {
            request = try PricingRequestLoader.load(profileFile: profileFile, offerFile: offerFile, library: library,
                                                    assumptions: assumptions)
        } catch {
            throw .input(error)
        }
        let priced: PricedOffer
        do {
            priced = try PricingEngine.price(request.offer, books: request.books)
        } catch {
            switch error {
            case .overflow(let path, _):
                throw .input(.invalid([Diagnostic(file: offerFile, path: path, message: error.description)]))
            case .missingBook, .missingService:
                throw .internalError(error.description)
            }
        }
        switch format {
        case .json: context.print(PricedOfferJSON.encode(priced), terminator: true)
        case .csv: context.output += PricedOfferCSV.encode(priced)
        case .table: try PriceTable.render(priced, request: request, &context)
        }
    }
}

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
