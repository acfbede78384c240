import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Support

/// `catalogue-cli offer issue ID --date D`.
struct OfferIssueCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["offer", "issue"],
        abstract: "Issue a draft offer as a quote: its lines, amounts, books and documents are frozen.",
        positionals: [Positional(name: "offer", help: "The offer number.")],
        options: [StoreOptions.date, validDaysOption.info, lateOption.info, StoreOptions.database] + BookSelection.options + PartiesSelection.releaseOptions,
        discussion: "A quote is issued before its term begins (1 January of the offer's first year); one issued later needs --late with the reason, which the offerte states.")

    static let lateOption = Option<DocumentTextValue>(
        "--late", valueName: "reason", help: "Issue on or after the start of the term, for this reason (printed in the offerte).")

    static let validDaysOption = Option<Count<ValidityDays>>(
        "--valid-days", valueName: "days", help: "How long the quote can be accepted (default 60).")

    var id: Int64
    var date: CalendarDate
    var validDays: Int
    var late: String?
    var store: StoreSelection
    var books: BookSelection
    var parties: PartiesSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        id = try StoreOptions.offerID(arguments.positionals[0], command: Self.info)
        date = try StoreOptions.date(arguments, command: Self.info)
        validDays = try arguments.value(Self.validDaysOption, command: Self.info)?.value ?? 60
        late = try arguments.value(Self.lateOption, command: Self.info)?.text
        store = try StoreSelection(parsing: arguments, command: Self.info)
        books = try BookSelection(parsing: arguments, command: Self.info)
        parties = try PartiesSelection(parsing: arguments, command: Self.info)
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let store = try store.open(context, .readWrite)
        let library = try books.library(context)
        let assumptions = try books.assumptions(library: library)
        let organisation = try parties.organisation(context)
        _ = try Lookup.offer(id, store: store)
        let quote: QuoteRecord
        do {
            quote = try OfferLifecycle.issue(id, store: store, library: library, assumptions: assumptions, date: date, validDays: validDays,
                                             lateReason: late, organisation: organisation, release: parties.release)
        } catch {
            throw StoreOptions.error(error, store: store)
        }
        context.print("Issued offer \(id) as quote \(quote.reference) on \(quote.issuedOn), valid until \(quote.validUntil).")
        for year in quote.years {
            context.print("  \(year.year): municipality \(year.totals.municipality.dutchString)" + (year.status == .projected ? " (projected)" : ""))
        }
        context.print("  total: municipality \(quote.totals.municipality.dutchString)")
        context.print("Write the offerte with: " + Hint.command(["quote", String(id), "--out", "out/offerte.html"], carrying: [self.store.hintWords]))
    }
}
