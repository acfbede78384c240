import Catalogue
import Money
import Pricing
import Support

/// `catalogue-cli price --profile P --offer O`: every priced line of every year.
enum PriceCommand: CLICommand {
    static let info = CommandInfo(
        path: ["price"],
        abstract: "Price an offer for a municipality: every line of every year, explained.",
        options: [
            OptionInfo(name: "--profile", valueName: "file", help: "The municipality profile (JSON), e.g. seeds/municipalities/midden-drenthe.json.", required: true),
            OptionInfo(name: "--offer", valueName: "file", help: "The offer (JSON), e.g. seeds/offers/midden-drenthe-basis.offer.json.", required: true),
            SharedOptions.format([.table, .json, .csv]),
            SharedOptions.tariffs,
        ] + StoreOptions.assumptionOptions,
        discussion: """
        Each line is computed exactly and rounded once, to the precision its tariff was published in
        (half away from zero); every total is the sum of the lines above it. Participant fees and the
        VAT on school contributions are shown apart and never counted in the municipality's total.

        Each year is priced with its own tariff book. A year after the last published book is
        projected: the last book is indexed forward year by year with assumed percentages, from the
        --assume options or from assumptions.json beside the books; such years are marked projected.
        """)

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        guard let profileFile = arguments.value("--profile") else { throw .usage("missing '--profile <file>'", command: info) }
        guard let offerFile = arguments.value("--offer") else { throw .usage("missing '--offer <file>'", command: info) }
        let format = try SharedOptions.format(arguments, allowed: [.table, .json, .csv], command: info)
        let library = try SharedOptions.library(arguments, context)
        let assumptions = try SharedOptions.assumptions(arguments, library: library, command: info)
        let request: PricingRequest
        do {
            request = try PricingRequestLoader.load(profileFile: profileFile, offerFile: offerFile, library: library,
                                                    assumptions: assumptions)
        } catch {
            throw .input(error)
        }
        let priced: PricedOffer
        do {
            priced = try PricingEngine.price(request.offer, books: request.books)
        } catch {
            switch error {
            case .overflow(let path, _):
                throw .input(.invalid([Diagnostic(file: offerFile, path: path, message: error.description)]))
            case .missingBook, .missingService:
                throw .internalError(error.description)
            }
        }
        switch format {
        case .json: context.print(PricedOfferJSON.encode(priced), terminator: true)
        case .csv: context.output += PricedOfferCSV.encode(priced)
        case .table: try PriceTable.render(priced, request: request, &context)
        }
    }
}
