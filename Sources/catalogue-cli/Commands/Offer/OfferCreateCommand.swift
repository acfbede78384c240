import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Support

/// `catalogue-cli offer create`: a command in the typed shape — its options are read into
/// properties once (`init(parsing:)`), checked against each other (`validate()`), and only then
/// is anything read or written (`run`).
struct OfferCreateCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["offer", "create"],
        abstract: "Create a draft offer, empty or from an offer file.",
        options: [municipalityOption.info, firstYearOption.info, yearsOption.info, titleOption.info, fromOption.info,
                  StoreOptions.database, SharedOptions.tariffs],
        discussion: "Give either --from, or --municipality and --first-year. The offer is checked against the profile and the books.")

    static let municipalityOption = Option<String>("--municipality", valueName: "code", help: "The municipality (imported first).")
    static let firstYearOption = Option<Year>("--first-year", valueName: "year", help: "The first year of the offer.")
    static let yearsOption = Option<Count<OfferYearCount>>("--years", valueName: "count", help: "How many years it runs (default 3).")
    static let titleOption = Option<DocumentTextValue>("--title", valueName: "text", help: "A title, e.g. \"Voorstel 2026-2028\".")
    static let fromOption = Option<String>("--from", valueName: "file", help: "An offer file (*.offer.json) to take everything from.")

    var municipality: String?
    var firstYear: Int?
    var years: Int?
    var title: String?
    var from: String?
    /// For the store and the books (`--db`, `--tariffs`).
    var store: StoreSelection
    var books: BookSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        municipality = try arguments.value(Self.municipalityOption, command: Self.info)
        firstYear = try arguments.value(Self.firstYearOption, command: Self.info)?.value
        years = try arguments.value(Self.yearsOption, command: Self.info)?.value
        title = try arguments.value(Self.titleOption, command: Self.info)?.text
        from = try arguments.value(Self.fromOption, command: Self.info)
        store = try StoreSelection(parsing: arguments, command: Self.info)
        books = try BookSelection(parsing: arguments, command: Self.info)
    }

    func validate() throws(CLIError) {
        if from != nil {
            guard municipality == nil, firstYear == nil, years == nil else {
                throw .usage("'--from <file>' takes the municipality and the years from the file; leave out '--municipality', '--first-year' and '--years'", command: Self.info)
            }
            return
        }
        guard municipality != nil else { throw .usage("missing '--municipality <code>' (or '--from <file>')", command: Self.info) }
        guard let firstYear else { throw .usage("missing '--first-year <year>' (or '--from <file>')", command: Self.info) }
        let years = self.years ?? 3
        guard firstYear + years - 1 <= InputLimits.calendarYears.upperBound else {
            throw .usage("an offer from \(firstYear) for \(years) years ends after \(InputLimits.calendarYears.upperBound), the last year the tool prices", command: Self.info)
        }
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        var draft = OfferRecord(id: 0, reference: "", version: 1, supersedes: nil, municipality: municipality ?? "", firstYear: firstYear ?? 0,
                                years: years ?? 3, title: title, status: .draft, lines: [])
        if let from { draft = try Self.read(from, title: title) }
        let store = try store.open(context, .readWrite)
        let library = try books.library(context)
        if !draft.lines.isEmpty {
            let found = try OfferSupport.problems(draft, store: store, library: library)
            guard found.isEmpty else { throw .input(.invalid(found)) }
        } else {
            _ = try Lookup.profile(draft.municipality, store: store)
        }
        let record: OfferRecord
        do {
            record = try store.createOffer(municipality: draft.municipality, firstYear: draft.firstYear, years: draft.years,
                                           title: draft.title, lines: draft.lines)
        } catch {
            throw .database(file: store.database.path, message: error.description)
        }
        context.print("Created \(OfferSupport.describe(record)).")
    }

    /// The draft an offer file describes; a title given on the command line wins over the file's.
    private static func read(_ file: String, title: String?) throws(CLIError) -> OfferRecord {
        let offer: Offer
        do {
            let json = try OfferLoader.parse(bytes: try FileSystem.readFile(file, limit: FileSystem.maximumProfileOrOfferBytes), file: file)
            // Number fields are checked against the books with the rest of the offer, before it is stored.
            offer = try OfferLoader.load(json: json, file: file, lineNumberFields: nil)
        } catch {
            throw .input(error)
        }
        return OfferRecord(id: 0, reference: "", version: 1, supersedes: nil, municipality: offer.municipality, firstYear: offer.firstYear,
                           years: offer.years, title: title ?? offer.title, status: .draft, lines: offer.lines)
    }
}
