import Catalogue
import Money
import Pricing
import Spreadsheets
import Support

/// `catalogue-cli price --profile P --offer O`: every priced line of every year.
struct PriceCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["price"],
        abstract: "Price an offer for a municipality: every line of every year, explained.",
        options: [profileOption.info, offerOption.info, formats.info, WorkbookOutput.outOption.info] + BookSelection.options,
        discussion: """
        Each line is computed exactly and rounded once, to the precision its tariff was published in
        (half away from zero); every total is the sum of the lines above it. Participant fees and the
        VAT on school contributions are shown apart and never counted in the municipality's total.

        Each year is priced with its own tariff book. A year after the last published book is
        projected: the last book is indexed forward year by year with assumed percentages, from the
        --assume options or from assumptions.json beside the books; such years are marked projected.

        --format xlsx --out FILE.xlsx (or just --out FILE.xlsx) writes a workbook for finance: the
        totals per year, per service and every line, amounts as euro numbers, and a sheet
        "Uitgangspunten" with each year's tariff book, its SHA-256 and the percentages assumed.
        A workbook is written to a file, never to standard output.
        """)

    static let profileOption = Option<PathArgument>(
        "--profile", valueName: "file", help: "The municipality profile (JSON), e.g. seeds/municipalities/midden-drenthe.json.", required: true)
    static let offerOption = Option<PathArgument>(
        "--offer", valueName: "file", help: "The offer (JSON), e.g. seeds/offers/midden-drenthe-basis.offer.json.", required: true)
    static let formats = ListingOrWorkbookSelection([.table, .json, .csv])

    var profileFile: String
    var offerFile: String
    var format: ListingOrWorkbook
    var out: OutputSelection
    var books: BookSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        profileFile = try arguments.required(Self.profileOption, command: Self.info).path
        offerFile = try arguments.required(Self.offerOption, command: Self.info).path
        out = try OutputSelection(parsing: arguments, WorkbookOutput.outOption, command: Self.info)
        format = try Self.formats.read(arguments, command: Self.info, out: out.path)
        books = try BookSelection(parsing: arguments, command: Self.info)
    }

    func validate() throws(CLIError) {
        try WorkbookOutput.check(workbook: format == .workbook, out: out.path, command: Self.info)
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let target = try out.target(context)
        let (priced, request) = try price(context)
        switch format {
        case .listing(.json): context.print(PricedOfferJSON.encode(priced), terminator: true)
        case .listing(.csv): context.output += PricedOfferCSV.encode(priced)
        case .listing: try PriceTable.render(priced, request: request, &context)
        case .workbook:
            try WorkbookOutput.write(to: target, &context) { () throws(SpreadsheetError) in
                try PriceWorkbook.build(priced, request: request, sources: .init(profile: profileFile, offer: offerFile))
            }
        }
    }

    /// Loads the profile, the offer and the books of its years, and prices the offer.
    private func price(_ context: CommandContext) throws(CLIError) -> (PricedOffer, PricingRequest) {
        let library = try books.library(context)
        let assumptions = try books.assumptions(library: library)
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
        return (priced, request)
    }
}
