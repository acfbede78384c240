import Catalogue
import Contracts
import Support

/// `catalogue-cli offer withdraw ID --date D --reason TEXT`.
struct OfferWithdrawCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["offer", "withdraw"],
        abstract: "Withdraw a draft or an issued quote that is not accepted yet, with the reason.",
        positionals: [Positional(name: "offer", help: "The offer number.")],
        options: [StoreOptions.date, reasonOption.info, StoreOptions.database],
        discussion: "A withdrawn offer never changes again and its quote can no longer be accepted; the date and the reason are recorded in the audit log. An accepted offer cannot be withdrawn.")

    static let reasonOption = Option<String>(
        "--reason", valueName: "text", help: "Why the offer is withdrawn (required; recorded in the audit log).", required: true)

    var id: Int64
    var date: CalendarDate
    var reason: String
    /// For the store (`--db`).
    var store: StoreSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        id = try StoreOptions.offerID(arguments.positionals[0], command: Self.info)
        date = try StoreOptions.date(arguments, command: Self.info)
        reason = try arguments.required(Self.reasonOption, command: Self.info, why: "a withdrawal is recorded with its reason")
        store = try StoreSelection(parsing: arguments, command: Self.info)
    }

    func validate() throws(CLIError) {
        guard reason.contains(where: { !$0.isWhitespace }) else {
            throw .usage("'--reason' is empty; say why the offer is withdrawn", command: Self.info)
        }
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let store = try store.open(context, .readWrite)
        _ = try Lookup.offer(id, store: store)
        let withdrawal: OfferWithdrawal
        do {
            withdrawal = try OfferLifecycle.withdraw(id, store: store, date: date, reason: reason)
        } catch {
            throw StoreOptions.error(error, store: store)
        }
        context.print("Withdrew offer \(id) (\(withdrawal.offer.label)) on \(withdrawal.date): \(withdrawal.reason)")
        if let quote = withdrawal.quoteReference {
            context.print("Its quote \(quote) can no longer be accepted.")
        }
    }
}
