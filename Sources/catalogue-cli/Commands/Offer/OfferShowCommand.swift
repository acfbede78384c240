import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Support

/// `catalogue-cli offer show ID`.
struct OfferShowCommand: ParsableCommand {
    static let info = CommandInfo(path: ["offer", "show"], abstract: "Show an offer: its state and its lines.",
                                  positionals: [Positional(name: "offer", help: "The offer number.")],
                                  options: [formats.info, StoreOptions.database] + BookSelection.options,
                                  discussion: "A draft is priced with the current books (later years projected with the assumptions); an issued offer with the books frozen in its quote.")

    static let formats = FormatSelection([.table, .json])

    var id: Int64
    var format: OutputFormat
    var store: StoreSelection
    var books: BookSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        id = try StoreOptions.offerID(arguments.positionals[0], command: Self.info)
        format = try Self.formats.read(arguments, command: Self.info)
        store = try StoreSelection(parsing: arguments, command: Self.info)
        books = try BookSelection(parsing: arguments, command: Self.info)
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let store = try store.open(context, .readOnly)
        let offer = try Lookup.offer(id, store: store)
        let quote: QuoteRecord?
        do { quote = try store.quote(offerID: id) } catch { throw .database(file: store.database.path, message: error.description) }
        switch format {
        case .json:
            var object = offer.offerJSON.objectValue ?? JSONObject()
            object.set("id", .number(JSONNumber(integer: offer.id)))
            object.set("reference", .string(offer.reference))
            object.set("version", .number(JSONNumber(integer: Int64(offer.version))))
            object.set("status", .string(offer.status.rawValue))
            object.set("supersedes", offer.supersedes.map { .number(JSONNumber(integer: $0)) } ?? .null)
            object.set("quote", quote.map { .string($0.reference) } ?? .null)
            context.print(JSONWriter.write(.object(object)), terminator: true)
        case .table, .csv:
            context.print(OfferSupport.describe(offer))
            if let title = offer.title { context.print("  \(title)") }
            if let supersedes = offer.supersedes { context.print("  supersedes offer \(supersedes)") }
            if let quote {
                context.print("  quote \(quote.reference), issued \(quote.issuedOn), valid until \(quote.validUntil): municipality \(quote.totals.municipality.dutchString)")
            }
            try lines(offer, quote: quote ?? nil, store: store, &context)
        }
    }
}

extension OfferShowCommand {
    /// The lines as a table with their amounts per year; when the offer cannot be priced (no
    /// book or assumptions for a year, a line the books refuse) the lines alone, and why.
    func lines(_ offer: OfferRecord, quote: QuoteRecord?, store: CatalogueStore,
                      _ context: inout CommandContext) throws(CLIError) {
        guard !offer.lines.isEmpty else {
            context.print("  No lines yet; add one with '\(Hint.command(["offer", "add", String(offer.id), "--service", "<code>"], carrying: [self.store.hintWords, books.hintWords]))'.")
            return
        }
        let summaries: [LineSummary]
        do {
            if let quote {
                let frozen = try OfferLifecycle.frozenBooks(quote, store: store)
                summaries = try OfferLifecycle.summaries(offer, profile: quote.profile) { (_) throws(InputError) -> PricingBooks in frozen }
            } else {
                let library = try books.library(context)
                let assumptions = try books.assumptions(library: library)
                let profile = try Lookup.profile(offer.municipality, store: store)
                summaries = try OfferLifecycle.summaries(offer, profile: profile) { (years) throws(InputError) -> PricingBooks in
                    try BookProjector.books(for: years, library: library, assumptions: assumptions)
                }
            }
        } catch let error as LifecycleError {
            switch error {
            case .input, .refused: break
            case .store, .internalError, .tampered: throw StoreOptions.error(error, store: store)
            }
            context.print("  Not priced: \(error.description.split(separator: "\n").first.map(String.init) ?? "")")
            for (index, line) in offer.lines.enumerated() {
                context.print("  \(index + 1). " + JSONWriter.write(OfferEncoder.lineJSON(line), pretty: false))
            }
            return
        } catch let error as CLIError {
            throw error
        } catch {
            throw .internalError("\(error)")
        }
        try LineTable.render(summaries, &context)
    }
}
