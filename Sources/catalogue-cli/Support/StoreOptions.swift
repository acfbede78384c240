import Catalogue
import Contracts
import Pricing
import Support

/// Options and helpers of the commands that use the database.
enum StoreOptions {
    static let database = OptionInfo(
        name: "--db", valueName: "file",
        help: "The database. Default: $CATALOGUE_DB, else catalogue.sqlite in the working directory.")

    /// Maps a lifecycle failure to the tool's error.
    static func error(_ error: LifecycleError, store: CatalogueStore) -> CLIError {
        switch error {
        case .input(let input): .input(input)
        case .store(let failure): .database(file: store.database.path, message: failure.description)
        case .refused(let message), .tampered(let message): .refused(message)
        case .internalError(let message): .internalError(message)
        }
    }

    /// Refuses stored documents whose rows no longer match the SHA-256 stored with them (exit 65).
    static func verify(_ entity: Seals.Entity, id: Int64, subject: String, store: CatalogueStore) throws(CLIError) {
        do { try OfferLifecycle.verifySeals(entity, id: id, subject: subject, store: store) } catch { throw Self.error(error, store: store) }
    }

    /// A required `--date`.
    static func date(_ arguments: ParsedArguments, command: CommandInfo) throws(CLIError) -> CalendarDate {
        try arguments.required(typedDate, command: command, why: "documents carry the date you give, the tool never reads the clock")
    }

    /// An offer number argument.
    static func offerID(_ text: String, command: CommandInfo) throws(CLIError) -> Int64 {
        guard let number = OfferNumber.convert(text) else {
            throw .usage("<offer> expects \(OfferNumber.expectation), found '\(ArgumentText.shown(text))'", command: command)
        }
        return number.value
    }

    /// The payment schedule from `--payment`, quarterly by default.
    static func payment(_ arguments: ParsedArguments, command: CommandInfo) throws(CLIError) -> PaymentSchedule {
        try arguments.value(paymentOption, command: command) ?? .quarterly
    }

    static let typedDate = Option<CalendarDate>(date)

    /// How the municipality pays its advances; one declaration for 'offer accept' and 'contract'.
    static let paymentOption = Option<PaymentSchedule>(
        "--payment", valueName: "schedule", help: "quarterly (default), monthly or yearly advances.")
    static let date = OptionInfo(name: "--date", valueName: "yyyy-mm-dd", help: "The date of the document (required: the tool never reads the clock).", required: true)

    static let assumptionOptions = [SharedOptions.assumeWage.info, SharedOptions.assumePrice.info, SharedOptions.assumeMixedWageShare.info]
}
