import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Support

/// `catalogue-cli offer accept ID --date D`.
struct OfferAcceptCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["offer", "accept"],
        abstract: "Record that the municipality accepted an issued quote, and make the agreement.",
        positionals: [Positional(name: "offer", help: "The offer number.")],
        options: [StoreOptions.date,
                  StoreOptions.paymentOption.info,
                  StoreOptions.database] + PartiesSelection.releaseOptions)

    var id: Int64
    var date: CalendarDate
    var payment: PaymentSchedule
    /// For the store (`--db`) and the hint.
    var store: StoreSelection
    var parties: PartiesSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        id = try StoreOptions.offerID(arguments.positionals[0], command: Self.info)
        date = try StoreOptions.date(arguments, command: Self.info)
        payment = try StoreOptions.payment(arguments, command: Self.info)
        store = try StoreSelection(parsing: arguments, command: Self.info)
        parties = try PartiesSelection(parsing: arguments, command: Self.info)
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let store = try store.open(context, .readWrite)
        let organisation = try parties.organisation(context)
        _ = try Lookup.offer(id, store: store)
        let agreement: AgreementRecord
        do {
            agreement = try OfferLifecycle.accept(id, store: store, date: date, payment: payment, organisation: organisation,
                                                  release: parties.release)
        } catch {
            throw StoreOptions.error(error, store: store)
        }
        context.print("Accepted offer \(id) on \(agreement.acceptedOn): agreement \(agreement.reference) for \(agreement.firstYear)–\(agreement.lastYear).")
        context.print("Write it with: " + Hint.command(["contract", agreement.reference, "--out", "out/uitvoeringsovereenkomst.html"], carrying: [self.store.hintWords]))
    }
}
