import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Spreadsheets
import Support

/// `catalogue-cli compare A.offer.json B.offer.json … --profile P`: offers for one municipality
/// side by side, each against the first.
struct CompareCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["compare"],
        abstract: "Compare two or more offers for one municipality side by side: costs, coverage and what changes.",
        positionals: [Positional(name: "offer", help: "Two or more offer files (*.offer.json); the first is the base the others are compared with.",
                                 variadic: true)],
        options: [profileOption.info, formatOption.info, outOption.info] + BookSelection.options,
        discussion: """
        Offer A, the first file, is the base: every other offer is shown with its difference from
        A (the other offer minus A) per service and year, and over the term. Amounts are what the
        municipality pays, annual and one-off together; school contributions (excluding VAT) are a
        separate row; participant fees are left out, as in the municipality's totals.

        Services are listed Basis first, then Basis Plus, each in catalogue order; a service an
        offer does not have shows "—" (0.00 in JSON). Offers may cover different years: the
        comparison runs over all their years together, and a year an offer does not run shows "—"
        (null in JSON). A year's difference needs both offers to run that year; the term totals
        cover each offer's own years.

        Per offer the coverage: the Wsob core functions, target groups and themes its services
        reach, the Basis services it lacks with what they would cost, and per branch the core
        functions reached against the need (a large branch 5, other branches 3). Then, per offer,
        what changes compared with A: services gained and lost, Wsob functions, target groups and
        themes gained and lost, Basis gaps added and removed, branches that fall below or rise
        above their need.

        --format html writes the Dutch page for the municipality ("Vergelijking van voorstellen"),
        printable on A4. --format xlsx (or an --out file ending in .xlsx) writes a workbook for
        finance: every amount and difference as a euro number, and a sheet "Uitgangspunten" with
        each year's tariff book and its SHA-256; a workbook is written to a file, never to standard
        output. Years after the last published tariff book are projected as in 'price'.
        Every offer must be for the profile's municipality (exit 65 otherwise).
        """)

    static let profileOption = Option<PathArgument>(
        "--profile", valueName: "file", help: "The municipality profile (JSON); every offer must be for it.", required: true)
    static let formatOption = Option<ComparisonFormat>(
        "--format", valueName: "format",
        help: "Output format: table, json, html or xlsx. Default: from the --out file's extension (.json, .html, .xlsx), else table.")
    static let outOption = Option<String>(
        "--out", valueName: "file", help: "Write the output to this file (atomically) instead of standard output.")

    var profileFile: String
    /// The offer files, the first being the base.
    var files: [String]
    var out: OutputSelection
    var format: ComparisonFormat
    var books: BookSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        profileFile = try arguments.required(Self.profileOption, command: Self.info).path
        files = []
        while let file = try arguments.positional(files.count, as: PathArgument.self, name: "offer", command: Self.info) {
            files.append(file.path)
        }
        out = try OutputSelection(parsing: arguments, Self.outOption, command: Self.info)
        format = try arguments.value(Self.formatOption, command: Self.info) ?? ComparisonFormat.fromExtension(of: out.path)
        books = try BookSelection(parsing: arguments, command: Self.info)
    }

    func validate() throws(CLIError) {
        guard files.count >= 2 else {
            throw .usage("compare needs at least two offer files, found \(files.count)", command: Self.info)
        }
        guard files.count <= OfferComparison.maximumOffers else {
            throw .usage("compare takes at most \(OfferComparison.maximumOffers) offer files (A to Z), found \(files.count)", command: Self.info)
        }
        if format == .xlsx { try WorkbookOutput.requireFile(out.path, command: Self.info) }
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let out = try self.out.target(context)
        let (comparison, inputs) = try compare(context)
        let text: String
        switch format {
        case .xlsx:
            try WorkbookOutput.write(to: out, &context) { () throws(SpreadsheetError) in
                try ComparisonWorkbook.build(comparison, inputs: inputs, profile: profileFile)
            }
            return
        case .json: text = JSONWriter.write(ComparisonJSON.json(comparison)) + "\n"
        case .html: text = ComparisonHTML.render(comparison)
        case .table:
            var table = CommandContext(environment: context.environment)
            CompareTable.render(comparison, &table)
            text = table.output
        }
        if let out {
            try DocumentOutput.write(text, to: out, &context, what: "the comparison")
        } else {
            context.output += text
        }
    }

    /// Prices every offer and compares them; returns the comparison and the priced offers.
    private func compare(_ context: CommandContext) throws(CLIError) -> (OfferComparison, [ComparisonInput]) {
        let library = try books.library(context)
        let assumptions = try books.assumptions(library: library)
        // Every offer is loaded before any error is reported, so all bad files are named at once.
        var inputs: [ComparisonInput] = []
        var problems: [Diagnostic] = []
        for file in files {
            let request: PricingRequest
            do {
                request = try PricingRequestLoader.load(profileFile: profileFile, offerFile: file, library: library,
                                                        assumptions: assumptions)
            } catch {
                guard case .invalid(let diagnostics) = error else { throw .input(error) }
                for diagnostic in diagnostics where !problems.contains(diagnostic) { problems.append(diagnostic) }
                continue
            }
            do {
                inputs.append(ComparisonInput(file: file, request: request, priced: try PricingEngine.price(request.offer, books: request.books)))
            } catch {
                switch error {
                case .overflow(let path, _):
                    problems.append(Diagnostic(file: file, path: path, message: error.description))
                case .missingBook, .missingService:
                    throw .internalError(error.description)
                }
            }
        }
        if !problems.isEmpty { throw .input(.invalid(problems)) }

        let comparison: OfferComparison
        do {
            comparison = try OfferComparison.build(inputs)
        } catch {
            switch error {
            case .outOfRange(let file):
                throw .input(.invalid([Diagnostic(file: file, path: .root, message: error.description)]))
            case .offerCount, .differentMunicipalities, .inconsistent:
                throw .internalError(error.description)
            }
        }
        return (comparison, inputs)
    }
}

/// The table form of a comparison: the offers, a table of services per year, the totals, then
/// per offer its coverage and what changes compared with the base.
enum CompareTable {
    static func render(_ comparison: OfferComparison, _ context: inout CommandContext) {
        let offers = comparison.offers
        let base = comparison.base
        let years = comparison.years.map(\.year)
        context.print("Comparison of \(offers.count) offers for \(comparison.municipalityName) (\(comparison.municipality)), \(span(years))")
        context.print("Amounts in euros: what the municipality pays, annual and one-off together. A difference is the offer minus offer \(base.key), the base.")
        context.print("—: the service is not in the offer, or the offer does not run that year. Term totals cover each offer's own years.")
        var legend = TextTable([.left, .left, .left, .left])
        for (index, offer) in offers.enumerated() {
            legend.add([offer.key + (index == 0 ? " (base)" : ""), span(offer.years), offer.name, offer.title?.isEmpty == false ? offer.file : ""])
        }
        for line in legend.render(indent: "  ") { context.print(line) }

        let headers = offers.map(\.key) + offers.dropFirst().map { "\($0.key) − \(base.key)" }
        let alignments = [TextTable.Alignment.left] + headers.map { _ in .right }
        for year in comparison.years {
            context.print()
            if let from = year.projectedFrom, let assumptions = year.assumptions {
                context.print("\(year.year) · PROJECTED tariff book: \(from) indexed forward, assuming wage \(assumptions.wage.plainString) % and price \(assumptions.price.plainString) % a year; the amounts are indicative")
            } else {
                context.print("\(year.year) · tariff book \(year.year) (\(year.status.rawValue), \(year.bookFile))")
            }
            var table = TextTable(alignments)
            table.add(["SERVICE"] + headers)
            for tier in Tier.allCases {
                let services = comparison.services.filter { service in
                    service.tier == tier && offers.indices.contains { offers[$0].covers(year.year) && service.included[$0] }
                }
                guard !services.isEmpty else { continue }
                table.add([tier.dutchName])
                for service in services {
                    table.add(["  " + service.code] + cells(service.amounts, year: year.year, included: service.included, offers: offers.count))
                }
            }
            table.add(["Total municipality \(year.year)"] + cells(comparison.municipalityTotals, year: year.year, offers: offers.count))
            table.add(["School contributions (excl. VAT)"] + cells(comparison.schoolTotals, year: year.year, offers: offers.count))
            for line in table.render(indent: "  ") { context.print(line) }
        }

        context.print()
        context.print("Totals")
        var totals = TextTable(alignments)
        totals.add([""] + headers)
        for year in years {
            totals.add(["Municipality \(year)"] + cells(comparison.municipalityTotals, year: year, offers: offers.count))
        }
        totals.add(["Municipality, term"] + cells(comparison.municipalityTotals, year: nil, offers: offers.count))
        totals.add(["School contributions, term"] + cells(comparison.schoolTotals, year: nil, offers: offers.count))
        for line in totals.render(indent: "  ") { context.print(line) }

        for offer in offers {
            renderCoverage(offer, &context)
        }
        for changes in comparison.changes {
            renderChanges(changes, in: comparison, &context)
        }
    }

    /// The cells of a row: each offer's amount ("—" when the offer lacks the service or does
    /// not run that year), then each difference from the base.
    private static func cells(_ amounts: ComparedAmounts, year: Int?, included: [Bool]? = nil, offers: Int) -> [String] {
        var cells: [String] = []
        for index in 0..<offers {
            let amount = year.map { amounts.amount(index, $0) } ?? amounts.terms[index]
            cells.append(included?[index] == false ? "—" : amount?.dutchString ?? "—")
        }
        for index in 1..<offers {
            let difference = year.map { amounts.difference(index, $0) } ?? amounts.termDifferences[index]
            cells.append(difference.map(\.dutchSignedString) ?? "—")
        }
        return cells
    }

    private static func renderCoverage(_ offer: ComparedOffer, _ context: inout CommandContext) {
        CoverageText.render(offer.coverage, heading: "Coverage of \(offer.key): \(offer.name)", &context)
    }

    private static func renderChanges(_ changes: OfferChanges, in comparison: OfferComparison, _ context: inout CommandContext) {
        let offer = comparison.offers[changes.offer]
        let base = comparison.base
        let index = changes.offer
        context.print()
        context.print("What changes from \(base.key) to \(offer.key)")
        let totals = comparison.municipalityTotals
        let yearly = comparison.years.compactMap { year -> String? in
            totals.difference(index, year.year).map { "\(($0).dutchSignedString) in \(year.year)" }
        }
        context.print("  Cost to the municipality: " + (yearly.isEmpty ? "no year in common" : yearly.joined(separator: ", "))
            + "; over the term \(totals.termDifferences[index].dutchSignedString)")
        func line(_ label: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            context.print("  \(label): " + items.joined(separator: ", "))
        }
        line("Services gained", changes.servicesGained.map(\.code))
        line("Services lost", changes.servicesLost.map(\.code))
        line("Wsob functions gained", changes.wsobGained.map(String.init))
        line("Wsob functions lost", changes.wsobLost.map(String.init))
        line("Target groups gained", changes.targetGroupsGained)
        line("Target groups lost", changes.targetGroupsLost)
        line("Themes gained", changes.themesGained)
        line("Themes lost", changes.themesLost)
        for gap in changes.basisGapsAdded {
            context.print("  Basis gap added: \(gap.service), would cost " + CoverageText.costs(gap))
        }
        line("Basis gaps removed", changes.basisGapsRemoved.map(\.service))
        line("Branches falling below their need", changes.branchesBelowNeed.map { "\($0.name) (\($0.functions.count) of \($0.need))" })
        line("Branches now meeting their need", changes.branchesMeetingNeed.map { "\($0.name) (\($0.functions.count) of \($0.need))" })
        if changes.isEmpty {
            context.print("  Services and coverage stay the same.")
        }
    }


    /// "2025" or "2025–2027".
    private static func span(_ years: [Int]) -> String {
        guard let first = years.first, let last = years.last else { return "" }
        return first == last ? "\(first)" : "\(first)–\(last)"
    }
}
