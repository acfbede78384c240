import Catalogue
import Contracts
import Pricing
import Support

/// `catalogue-cli offer price ID`.
struct OfferPriceCommand: ParsableCommand {
    static let info = CommandInfo(path: ["offer", "price"], abstract: "Price a stored offer with the current books.",
                                  positionals: [Positional(name: "offer", help: "The offer number.")],
                                  options: [formats.info, StoreOptions.database] + BookSelection.options)

    static let formats = FormatSelection([.table, .json, .csv])

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
        let library = try books.library(context)
        let assumptions = try books.assumptions(library: library)
        let offer = try Lookup.offer(id, store: store)
        let priced: PricedOffer
        let request: PricingRequest
        do {
            (priced, request) = try OfferLifecycle.price(offer, store: store, library: library, assumptions: assumptions)
        } catch {
            throw StoreOptions.error(error, store: store)
        }
        switch format {
        case .json: context.print(PricedOfferJSON.encode(priced), terminator: true)
        case .csv: context.output += PricedOfferCSV.encode(priced)
        case .table: try PriceTable.render(priced, request: request, &context)
        }
    }
}
