import Catalogue
import Contracts
import JSON
import Pricing
import Support

/// `catalogue-cli quote`: the offerte, as issued (frozen) or, stateless, from files.
enum QuoteCommand: CLICommand {
    static let info = CommandInfo(
        path: ["quote"],
        abstract: "Write the offerte (quote) of an issued offer, or of a profile and offer file.",
        positionals: [Positional(name: "offer", help: "The offer number or quote reference (issued offers print their frozen document).", optional: true)],
        options: DocumentOutput.options + DocumentOutput.statelessOptions + PartiesSelection.documentOptions
            + [validDaysOption.info, StoreOptions.database, SharedOptions.tariffs] + StoreOptions.assumptionOptions)

    static let validDaysOption = Option<Count<ValidityDays>>(
        "--valid-days", valueName: "days", help: "Without a stored offer: how long the quote is valid (default 60).")

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        if try CalculationOutput.writeIfAsked(arguments, &context, command: info, kind: .quote) { return }
        guard let out = try DocumentOutput.target(arguments, context, command: info) else { throw .usage("missing '--out <file>'", command: info) }
        let format = try DocumentFormat.from(arguments, out: out.path, command: info)
        let validDays = try arguments.value(validDaysOption, command: info)?.value ?? 60
        let reference = try arguments.value(DocumentOutput.reference, command: info)?.text ?? "CONCEPT"
        if let key = arguments.positionals.first {
            let store = try StoreOptions.open(arguments, context, .readOnly)
            let quote: QuoteRecord?
            do {
                if let offerID = Int64(key) {
                    quote = try store.quote(offerID: offerID)
                } else {
                    quote = try store.quote(reference: key)
                }
            } catch {
                throw .database(file: store.database.path, message: error.description)
            }
            guard let quote else {
                throw .refused("no issued quote for '\(key)'; issue the offer first with 'catalogue-cli offer issue \(key) --date …'")
            }
            try DocumentOutput.writeStored(.quote, id: quote.id, subject: "quote \(quote.reference)",
                                           RenderedDocuments(html: quote.html, markdown: quote.markdown, json: quote.json),
                                           format: format, to: out, store: store, &context, what: "offerte \(quote.reference)")
            return
        }
        let date = try StoreOptions.date(arguments, command: info)
        let (priced, request) = try DocumentOutput.priced(arguments, context, command: info)
        let document: QuoteDocument
        do {
            document = try DocumentBuilder.quote(priced, books: request.books, reference: reference,
                                                 date: date, validDays: validDays,
                                                 coverage: CoverageAnalyzer.coverage(of: request.offer, books: request.books),
                                                 parties: try PartiesSelection.parties(arguments, context, command: info, profile: request.offer.profile))
        } catch {
            throw .internalError("the offerte's sums: \(error)")
        }
        try DocumentOutput.write(format.pick(RenderedDocuments(document)), to: out, &context, what: "offerte")
    }
}
