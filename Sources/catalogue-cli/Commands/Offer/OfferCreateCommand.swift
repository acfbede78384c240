import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Support

/// `catalogue-cli offer create`.
enum OfferCreateCommand: CLICommand {
    static let info = CommandInfo(
        path: ["offer", "create"],
        abstract: "Create a draft offer, empty or from an offer file.",
        options: [municipality.info, firstYear.info, years.info, title.info, from.info, StoreOptions.database, SharedOptions.tariffs],
        discussion: "Give either --from, or --municipality and --first-year. The offer is checked against the profile and the books.")

    static let municipality = Option<String>("--municipality", valueName: "code", help: "The municipality (imported first).")
    static let firstYear = Option<Year>("--first-year", valueName: "year", help: "The first year of the offer.")
    static let years = Option<Count<OfferYearCount>>("--years", valueName: "count", help: "How many years it runs (default 3).")
    static let title = Option<DocumentTextValue>("--title", valueName: "text", help: "A title, e.g. \"Voorstel 2026-2028\".")
    static let from = Option<String>("--from", valueName: "file", help: "An offer file (*.offer.json) to take everything from.")

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        var municipality = try arguments.value(Self.municipality, command: info)
        var firstYear = try arguments.value(Self.firstYear, command: info)?.value
        var years = try arguments.value(Self.years, command: info)?.value ?? 3
        var title = try arguments.value(Self.title, command: info)?.text
        var lines: [JSONValue] = []
        if let file = try arguments.value(from, command: info) {
            if municipality != nil || firstYear != nil || arguments.values[Self.years.name] != nil {
                throw .usage("'--from <file>' takes the municipality and the years from the file; leave out '--municipality', '--first-year' and '--years'", command: info)
            }
            let offer: Offer
            let json: JSONValue
            do {
                json = try OfferLoader.parse(bytes: try FileSystem.readFile(file, limit: FileSystem.maximumProfileOrOfferBytes), file: file)
                offer = try OfferLoader.load(json: json, file: file, lineNumberFields: OfferLoader.builtInNumberFields)
            } catch {
                throw .input(error)
            }
            municipality = offer.municipality
            firstYear = offer.firstYear
            years = offer.years
            title = title ?? offer.title
            lines = json.objectValue?["lines"]?.arrayValue ?? []
        }
        guard let municipality else { throw .usage("missing '--municipality <code>' (or '--from <file>')", command: info) }
        guard let firstYear else { throw .usage("missing '--first-year <year>' (or '--from <file>')", command: info) }
        guard firstYear + years - 1 <= InputLimits.calendarYears.upperBound else {
            throw .usage("an offer from \(firstYear) for \(years) years ends after \(InputLimits.calendarYears.upperBound), the last year the tool prices", command: info)
        }
        let store = try StoreOptions.open(arguments, context, .readWrite)
        let library = try SharedOptions.library(arguments, context)
        let draft = OfferRecord(id: 0, reference: "", version: 1, supersedes: nil, municipality: municipality, firstYear: firstYear,
                                years: years, title: title, status: .draft, lines: lines)
        if !lines.isEmpty {
            let found = try OfferSupport.problems(draft, store: store, library: library)
            guard found.isEmpty else { throw .input(.invalid(found)) }
        } else {
            _ = try Lookup.profile(municipality, store: store)
        }
        let record: OfferRecord
        do {
            record = try store.createOffer(municipality: municipality, firstYear: firstYear, years: years, title: title, lines: lines)
        } catch {
            throw .database(file: store.database.path, message: error.description)
        }
        context.print("Created \(OfferSupport.describe(record)).")
    }
}
