import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Support

/// `catalogue-cli contract renew AGREEMENT --date D`: proposes the next term as a draft offer.
struct ContractRenewCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["contract", "renew"],
        abstract: "Propose the next term of an agreement as a draft offer: the same services, the books of the new years.",
        positionals: [Positional(name: "agreement", help: "The agreement reference, e.g. UVO-2026-001.")],
        options: [
            StoreOptions.date,
            yearsOption.info,
            dryRunFlag.info,
            StoreOptions.database,
        ] + BookSelection.options)

    static let dryRunFlag = Flag("--dry-run", help: "Show the proposal without storing the draft offer.")

    static let yearsOption = Option<Count<OfferYearCount>>("--years", valueName: "n", help: "The new term's length (default: as the current term).")

    var reference: String
    var date: CalendarDate
    var years: Int?
    var dryRun: Bool
    var store: StoreSelection
    var books: BookSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        guard let reference = try arguments.positional(0, as: AgreementReference.self, name: "agreement", command: Self.info) else {
            throw .usage("missing argument <agreement>", command: Self.info)
        }
        self.reference = reference.text
        date = try StoreOptions.date(arguments, command: Self.info)
        years = try arguments.value(Self.yearsOption, command: Self.info)?.value
        dryRun = arguments.flag(Self.dryRunFlag)
        store = try StoreSelection(parsing: arguments, command: Self.info)
        books = try BookSelection(parsing: arguments, command: Self.info)
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let store = try store.open(context, .readWrite)
        _ = try Lookup.agreement(reference, store: store)
        let library = try books.library(context)
        let assumptions = try books.assumptions(library: library)
        let proposal: RenewalProposal
        do {
            proposal = try AgreementLifecycle.proposeRenewal(reference, years: years, date: date, store: store, library: library, assumptions: assumptions)
        } catch {
            throw StoreOptions.error(error, store: store)
        }
        let offer = proposal.offer
        let last = offer.firstYear + offer.years - 1
        context.print("Renewal of \(reference) (\(proposal.priced.municipalityName)) for \(offer.firstYear)–\(last): \(count(offer.lines.count, "line")) carried over, each running since it started.")
        for (line, reason) in proposal.dropped { context.print("  Not carried over: line \(line), \(reason).") }
        context.print()
        var table = TextTable([.left, .left, .right, .right])
        table.add(["Year", "Book", "Municipality", "Schools"])
        for year in proposal.priced.years {
            let book = year.status == .projected ? "projected from \(year.projectedFrom ?? year.bookYear)" : "published \(year.bookYear)"
            table.add([String(year.year), book, year.totals.municipality.dutchString, year.totals.school.dutchString])
        }
        table.add(["Total", "", try YearTotals.municipality(proposal.priced.years).dutchString, ""])
        for line in table.render(indent: "  ") { context.print(line) }
        if !proposal.tacit.isEmpty {
            context.print()
            context.print("dBos cooperation agreements that renew tacitly (notice a year ahead):")
            ContractShowCommand.schoolNoticeTable(proposal.tacit, &context)
        }
        context.print()
        if dryRun {
            context.print("Not stored (--dry-run).")
            return
        }
        let created: OfferRecord
        do {
            created = try store.createOffer(municipality: offer.municipality, firstYear: offer.firstYear, years: offer.years,
                                            title: offer.title, lines: offer.lines)
        } catch {
            throw .database(file: store.database.path, message: error.description)
        }
        context.print("Stored as draft offer \(created.id) (\(created.label)); change it with 'offer add/remove \(created.id)', then 'offer issue \(created.id) --date …'.")
    }
}
