import Catalogue
import Contracts
import JSON
import Pricing
import Support

/// `catalogue-cli quote`: the offerte, as issued (frozen) or, stateless, from files.
struct QuoteCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["quote"],
        abstract: "Write the offerte (quote) of an issued offer, or of a profile and offer file.",
        positionals: [Positional(name: "offer", help: "The offer number or quote reference (issued offers print their frozen document).", optional: true)],
        options: DocumentOutputSelection.options + StatelessDocumentSelection.options + PartiesSelection.documentOptions
            + [validDaysOption.info, StoreSelection.option.info] + BookSelection.options)

    static let validDaysOption = Option<Count<ValidityDays>>(
        "--valid-days", valueName: "days", help: "Without a stored offer: how long the quote is valid (default 60).")

    /// The offer number or quote reference of an issued offer; nil for the stateless form.
    var key: String?
    var output: DocumentOutputSelection
    var stateless: StatelessDocumentSelection
    var validDays: Int
    var store: StoreSelection
    var books: BookSelection
    /// The library's details, for a document made from files.
    var parties: PartiesSelection
    /// Whether to write the rekenbijlage instead of the offerte.
    var rekenbijlage: Bool

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        parties = try PartiesSelection(parsing: arguments, command: Self.info)
        rekenbijlage = arguments.flag(CalculationOutput.flag)
        output = try DocumentOutputSelection(parsing: arguments, command: Self.info)
        key = try arguments.positional(0, as: String.self, name: "offer", command: Self.info)
        stateless = try StatelessDocumentSelection(parsing: arguments, command: Self.info)
        validDays = try arguments.value(Self.validDaysOption, command: Self.info)?.value ?? 60
        store = try StoreSelection(parsing: arguments, command: Self.info)
        books = try BookSelection(parsing: arguments, command: Self.info)
    }

    func validate() throws(CLIError) {
        if key == nil { try stateless.validate(command: Self.info) }
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let out = try output.requiredTarget(context, store: store, command: Self.info)
        if rekenbijlage {
            let request = CalculationOutput.Request(key: key, kind: .quote, output: output, stateless: stateless, parties: parties, store: store,
                                                    books: books, command: Self.info)
            try CalculationOutput.write(request, to: out, &context)
            return
        }
        if let key {
            try writeIssued(key, to: out, &context)
            return
        }
        let (date, priced, request) = try stateless.priced(books: books, context, command: Self.info)
        let document: QuoteDocument
        do {
            document = try DocumentBuilder.quote(priced, books: request.books, reference: stateless.reference,
                                                 date: date, validDays: validDays,
                                                 coverage: CoverageAnalyzer.coverage(of: request.offer, books: request.books),
                                                 parties: try parties.parties(context, profile: request.offer.profile))
        } catch {
            throw .internalError("the offerte's sums: \(error)")
        }
        try DocumentOutput.write(RenderedDocuments(document), format: output.format, date: date, to: out, &context, what: "offerte")
    }

    /// Writes the frozen offerte of the quote `key` names (an offer number or a quote reference).
    private func writeIssued(_ key: String, to out: OutputTarget, _ context: inout CommandContext) throws(CLIError) {
        let store = try store.open(context, .readOnly)
        let quote = try Lookup.issuedQuote(key, store: store)
        guard let quote else {
            throw .refused("no issued quote for '\(key)'; issue the offer first with 'catalogue-cli offer issue \(key) --date …'")
        }
        try DocumentOutput.writeStored(.quote, id: quote.id, subject: "quote \(quote.reference)",
                                       quote.documents,
                                       format: output.format, date: quote.issuedOn, to: out, store: store, &context, what: "offerte \(quote.reference)")
    }
}
