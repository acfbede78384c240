import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Support

/// `catalogue-cli offer price ID`.
enum OfferPriceCommand: CLICommand {
    static let info = CommandInfo(path: ["offer", "price"], abstract: "Price a stored offer with the current books.",
                                  positionals: [Positional(name: "offer", help: "The offer number.")],
                                  options: [SharedOptions.format([.table, .json, .csv]), StoreOptions.database, SharedOptions.tariffs]
                                      + StoreOptions.assumptionOptions)

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let id = try StoreOptions.offerID(arguments.positionals[0], command: info)
        let format = try SharedOptions.format(arguments, allowed: [.table, .json, .csv], command: info)
        let store = try StoreOptions.open(arguments, context, .readOnly)
        let library = try SharedOptions.library(arguments, context)
        let assumptions = try SharedOptions.assumptions(arguments, library: library, command: info)
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
