import Catalogue
import JSON
import Money
import Pricing
import Spreadsheets
import Support

/// `catalogue-cli compose --profile P --budget AMOUNT --years 2026-2028`: the best offer within a
/// budget, found by an exact search.
struct ComposeCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["compose"],
        abstract: "Find the best offer a municipality can have within its budget, by an exact search.",
        options: [profileOption.info, budgetOption.info, yearsOption.info, requireOption.info, excludeOption.info, weightsOption.info,
                  alternativesOption.info, moreOption.info, outOption.info, formats.info] + BookSelection.options,
        discussion: """
        The composer takes every Basis service that applies to the municipality (unless excluded),
        then chooses Basis Plus services, packages and branches to give the most value within the
        budget in every year, indexation and one-off costs included. The budget covers the
        municipality's own payments; school contributions and participant fees are not in it.

        Value is compared in this order: (1) coverage, the summed weight of the distinct Wsob core
        functions, target groups and themes the offer serves; (2) reach, the sum over its services
        of the service's summed weight times the option's reach in percent (a package's activities
        against the largest package, the share of branches); (3) the lower total cost; (4) on a
        tie, taking the service that comes first in the catalogue, then its option listed first.
        Every criterion weighs 1 unless --weights says otherwise.

        The search is exact: a branch-and-bound over every combination of options, which cuts off
        only branches that provably cannot fit or beat the offers found. Services priced only on
        custom quote or by agreed hours are listed, not composed.

        --format xlsx --out FILE.xlsx (or just --out FILE.xlsx) writes a workbook for finance
        instead of the offer file: the best offer per service and year, the alternatives, the
        services not composed, and a sheet "Uitgangspunten" with the budget, the weights and each
        year's tariff book and its SHA-256. A workbook is written to a file, never to standard output.

        Exit 0 with the offer; exit 65 when no offer fits (the output says by how much).
        """)

    static let profileOption = Option<PathArgument>("--profile", valueName: "file", help: "The municipality profile (JSON).", required: true)
    static let budgetOption = Option<Money>(
        "--budget", valueName: "euros", help: "What the municipality can spend each year, e.g. 750000, 750000.00 or 750.000,00.", required: true)
    static let yearsOption = Option<YearSpan>(
        "--years", valueName: "first-last", help: "The years of the offer, e.g. 2026-2028 (or one year).", required: true)
    static let requireOption = Option<ServiceCode>(
        "--require", valueName: "code", help: "A service that must be in the offer (repeat, or separate with commas).", repeatable: true)
    static let excludeOption = Option<ServiceCode>(
        "--exclude", valueName: "code", help: "A service that must not be in the offer (repeat, or separate with commas).", repeatable: true)
    static let weightsOption = Option<PathArgument>(
        "--weights", valueName: "file",
        help: "The municipality's priorities (JSON): weights of Wsob functions, target groups and themes, and branch needs.")
    static let alternativesOption = Option<Count<Alternatives>>(
        "--alternatives", valueName: "n", help: "How many next-best offers to show (0 to 20). Default: 3.")
    static let moreOption = Option<Money>(
        "--more", valueName: "euros", help: "Also show what this much more budget a year would buy, e.g. 10000.")
    static let outOption = Option<String>(
        "--out", valueName: "file",
        help: "Write the best offer as an offer file (*.offer.json), for 'price' or 'offer create --from'; with --format xlsx (or a .xlsx file), the workbook.")
    static let formats = ListingOrWorkbookSelection([.table, .json])

    var profileFile: String
    var budget: Money
    var years: ClosedRange<Int>
    /// The services that must be in the offer, and those that must not; checked against the
    /// first year's catalogue in `run`.
    var required: [ServiceCode]
    var excluded: [ServiceCode]
    var weightsFile: String?
    var alternatives: Int
    var more: Money?
    var out: OutputSelection
    var format: ListingOrWorkbook
    var books: BookSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        profileFile = try arguments.required(Self.profileOption, command: Self.info).path
        budget = try arguments.required(Self.budgetOption, command: Self.info)
        let span = try arguments.required(Self.yearsOption, command: Self.info)
        years = span.first...(span.first + span.count - 1)
        out = try OutputSelection(parsing: arguments, Self.outOption, command: Self.info)
        format = try Self.formats.read(arguments, command: Self.info, out: out.path)
        alternatives = try arguments.value(Self.alternativesOption, command: Self.info)?.value ?? 3
        more = try arguments.value(Self.moreOption, command: Self.info)
        books = try BookSelection(parsing: arguments, command: Self.info)
        required = try arguments.values(Self.requireOption, command: Self.info)
        excluded = try arguments.values(Self.excludeOption, command: Self.info)
        weightsFile = try arguments.value(Self.weightsOption, command: Self.info)?.path
    }

    func validate() throws(CLIError) {
        if let both = Set(required).intersection(excluded).map(\.code).sorted().first {
            throw .usage("'\(both)' is both required and excluded", command: Self.info)
        }
        if let more, (try? budget.adding(more)) == nil {
            throw .usage("'--budget' plus '--more' is outside the supported range", command: Self.info)
        }
        if format == .workbook { try WorkbookOutput.requireFile(out.path, command: Self.info) }
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let out = try self.out.target(context)
        let request = try request(context)
        let composition = try Self.compose(request)
        var moreComposition: Composition?
        if let more, let larger = try? budget.adding(more) {
            var largerRequest = request
            largerRequest.budget = larger
            largerRequest.alternatives = 0
            moreComposition = try Self.compose(largerRequest)
        }
        var coverage: CoverageReport?
        if let best = composition.best {
            do { coverage = try Composer.verify(best, request: request) } catch { throw .internalError(error.description) }
        }

        switch format {
        case .listing(.json):
            context.print(JSONWriter.write(CompositionJSON.json(composition, coverage: coverage, more: moreComposition)),
                          terminator: true)
        case .listing, .workbook:
            // Without a fitting offer the workbook is not written: the table explains why.
            if format != .workbook || composition.best == nil {
                ComposeTable.render(composition, coverage: coverage, more: moreComposition, &context)
            }
        }
        guard let best = composition.best else {
            let shortfall = composition.infeasible?.shortfalls.max() ?? .zero
            throw .unsatisfiable("no offer fits a budget of \(budget.dutchString) a year: the services that must be taken need up to \(shortfall.dutchString) more")
        }
        guard let out else { return }
        if format == .workbook {
            try WorkbookOutput.write(to: out, &context) { () throws(SpreadsheetError) in
                try CompositionWorkbook.build(composition, best: best, more: moreComposition,
                                              sources: .init(profile: profileFile, weights: weightsFile))
            }
            return
        }
        try DocumentOutput.writeFile(JSONWriter.write(OfferEncoder.json(best.offer)) + "\n", to: out)
        if format == .listing(.table) { context.print("Wrote the best offer to \(out.path).") }
    }

    /// The composition request: the profile, the books of the years, the services required and
    /// excluded (each known to the first year's catalogue) and the priorities.
    private func request(_ context: CommandContext) throws(CLIError) -> CompositionRequest {
        let library = try books.library(context)
        let assumptions = try books.assumptions(library: library)
        let profile: MunicipalityProfile
        let yearBooks: PricingBooks
        do {
            profile = try ProfileLoader.load(file: profileFile)
            yearBooks = try BookProjector.books(for: years, library: library, assumptions: assumptions)
        } catch {
            throw .input(error)
        }
        guard let book = yearBooks[years.lowerBound]?.book else { throw .internalError("no book for \(years.lowerBound)") }
        let requiredCodes = try Self.serviceCodes(required, option: Self.requireOption.name, book: book)
        let excludedCodes = try Self.serviceCodes(excluded, option: Self.excludeOption.name, book: book)
        var priorities = Priorities()
        if let weightsFile {
            do { priorities = try PrioritiesLoader.load(file: weightsFile, book: book) } catch { throw .input(error) }
        }
        return CompositionRequest(profile: profile, books: yearBooks, years: years, budget: budget, required: requiredCodes,
                                  excluded: excludedCodes, priorities: priorities, alternatives: alternatives)
    }

    private static func compose(_ request: CompositionRequest) throws(CLIError) -> Composition {
        do {
            return try Composer.compose(request)
        } catch {
            switch error {
            case .requiredNotPossible: throw .refused(error.description)
            case .missingBook, .overflow: throw .internalError(error.description)
            }
        }
    }

    // MARK: Arguments

    /// The codes, each a service of `book`'s catalogue; an unknown one is a usage error naming the nearest codes.
    private static func serviceCodes(_ codes: [ServiceCode], option: String, book: TariffBook) throws(CLIError) -> Set<String> {
        var result: Set<String> = []
        for code in codes.map(\.code) {
            guard book.service(code) != nil else {
                var message = "'\(option)': unknown service '\(code)' in the \(book.year) catalogue"
                if let hint = didYouMean(suggestions(for: code, among: book.services.map(\.code)), quote: "'") {
                    message += "; " + hint
                }
                throw .usage(message, command: info)
            }
            result.insert(code)
        }
        return result
    }
}

/// The table form of a composition.
enum ComposeTable {
    static func render(_ composition: Composition, coverage: CoverageReport?, more: Composition?,
                       _ context: inout CommandContext) {
        let request = composition.request
        let years = Array(request.years)
        let span = years.count == 1 ? "\(years[0])" : "\(years[0])–\(years[years.count - 1])"
        context.print("Composition for \(request.profile.name) (\(request.profile.code)), \(span), budget \(request.budget.dutchString) a year")
        context.print("The budget covers the municipality's own payments; school contributions and participant fees are not in it.")
        for year in years {
            if let yearBook = request.books[year], yearBook.status == .projected {
                context.print("\(year) is priced with a PROJECTED tariff book (\(yearBook.projectedFrom.map(String.init) ?? "?") indexed forward with assumed percentages).")
            }
        }
        let statistics = composition.statistics
        context.print("Search: exact branch and bound over \(composition.choices.count) services and \(thousands(statistics.combinations)) combinations of their options; \(thousands(statistics.evaluated)) complete combinations checked one by one, every other one ruled out by a bound that proves it cannot fit or do better.")
        let weights = request.priorities.file.map { "weights from \($0)" } ?? "every criterion weighs 1"
        context.print("Value: coverage (distinct Wsob functions, target groups and themes, weighted) first, then reach (weight × reach %), then the lower cost; \(weights).")

        guard let best = composition.best else {
            renderInfeasible(composition, &context)
            renderNotConsidered(composition, &context)
            return
        }
        context.print()
        let maximum = composition.criteria.reduce(0) { $0 + $1.weight }
        context.print("Best offer: coverage \(best.coverage) of \(maximum), reach \(thousands(best.reach))")
        renderOffer(best, in: composition, &context)
        renderNotConsidered(composition, &context)
        if let coverage { CoverageText.render(coverage, heading: "Coverage", &context) }

        if composition.ranked.count > 1 {
            context.print()
            context.print("Next best offers")
            for (position, offer) in composition.ranked.dropFirst().enumerated() {
                let costs = offer.costs.map(\.dutchString).joined(separator: " / ")
                context.print("  \(position + 2). coverage \(offer.coverage), reach \(thousands(offer.reach)) (\(signed(offer.reach - best.reach))), cost \(costs)")
                for change in composition.changes(from: best, to: offer) {
                    context.print("       \(change.service): \(change.from) → \(change.to)")
                }
            }
        }
        if let more {
            context.print()
            let extra = (try? more.request.budget.subtracting(request.budget)) ?? .zero
            if let moreBest = more.best {
                let changes = more.changes(from: best, to: moreBest)
                if changes.isEmpty {
                    context.print("With \(extra.dutchString) more a year (\(more.request.budget.dutchString)): nothing better fits; the best offer stays the same.")
                } else {
                    context.print("With \(extra.dutchString) more a year (\(more.request.budget.dutchString)): coverage \(moreBest.coverage), reach \(thousands(moreBest.reach)) (\(signed(moreBest.reach - best.reach))), cost \(moreBest.costs.map(\.dutchString).joined(separator: " / "))")
                    for change in changes { context.print("       \(change.service): \(change.from) → \(change.to)") }
                }
            }
        }
    }

    private static func renderOffer(_ offer: ComposedOffer, in composition: Composition, _ context: inout CommandContext) {
        let years = Array(composition.request.years)
        var table = TextTable([.left, .left, .left] + years.map { _ in .right } + [.right])
        table.add(["SERVICE", "TIER", "CHOICE"] + years.map(String.init) + ["VALUE"])
        for (index, choice) in composition.choices.enumerated() {
            let option = choice.options[offer.picks[index]]
            guard !option.isNone else { continue }
            var tier = choice.service.tier == .basis ? "Basis" : "Basis Plus"
            if choice.mandatory == .required { tier += " (required)" }
            table.add([choice.service.code, tier, option.label] + option.amounts.map(\.dutchString) + [thousands(option.value)])
        }
        table.add(["Total", "", ""] + offer.costs.map(\.dutchString) + [thousands(offer.reach)])
        table.add(["Budget", "", ""] + years.map { _ in composition.request.budget.dutchString } + [""])
        table.add(["Remaining", "", ""] + offer.costs.map { ((try? composition.request.budget.subtracting($0)) ?? .zero).dutchString } + [""])
        for line in table.render(indent: "  ") { context.print(line) }
    }

    private static func renderInfeasible(_ composition: Composition, _ context: inout CommandContext) {
        guard let infeasible = composition.infeasible else { return }
        context.print()
        context.print("No offer fits: the services that must be taken (Basis, and any --require) cost more than the budget.")
        let years = Array(composition.request.years)
        var table = TextTable([.left] + years.map { _ in .right })
        table.add([""] + years.map(String.init))
        table.add(["Least cost of the services that must be taken"] + infeasible.minimumCosts.map(\.dutchString))
        table.add(["Budget"] + years.map { _ in composition.request.budget.dutchString })
        table.add(["Shortfall"] + infeasible.shortfalls.map(\.dutchString))
        for line in table.render(indent: "  ") { context.print(line) }
        context.print("  Those services:")
        for choice in composition.choices where choice.mandatory != nil {
            let cheapest = choice.options.min { $0.costs.reduce(0, +) < $1.costs.reduce(0, +) }
            context.print("    \(choice.service.code) (\(choice.mandatory!.rawValue)): " + (cheapest?.amounts.map(\.dutchString).joined(separator: " / ") ?? ""))
        }
        context.print("  Raise the budget by the shortfall, or exclude a Basis service with --exclude (it is then reported as a gap).")
    }

    private static func renderNotConsidered(_ composition: Composition, _ context: inout CommandContext) {
        guard !composition.notConsidered.isEmpty else { return }
        context.print()
        context.print("Not composed")
        for skipped in composition.notConsidered {
            context.print("  \(skipped.service) (\(skipped.tier == .basis ? "Basis" : "Basis Plus")): \(skipped.reason)")
        }
    }

    private static func signed(_ value: Int) -> String { value >= 0 ? "+\(thousands(value))" : "−\(thousands(-value))" }

    /// 12345 as "12.345", the Dutch grouping the amounts use; a saturated count says so.
    static func thousands(_ value: Int) -> String {
        value == Int.max ? "more than 9 quintillion" : Quantity(Int64(value)).dutchString
    }
}
