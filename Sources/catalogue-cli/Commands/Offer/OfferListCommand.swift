import Catalogue
import Contracts
import Support

/// `catalogue-cli offer list`.
struct OfferListCommand: ParsableCommand {
    static let info = CommandInfo(path: ["offer", "list"], abstract: "List the offers in the database, newest first.",
                                  options: [municipalityOption.info, StoreOptions.database])

    static let municipalityOption = Option<String>("--municipality", valueName: "code", help: "Only this municipality's offers.")

    var municipality: String?
    var store: StoreSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        municipality = try arguments.value(Self.municipalityOption, command: Self.info)
        store = try StoreSelection(parsing: arguments, command: Self.info)
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let store = try store.open(context, .readOnly)
        let offers: [OfferRecord]
        do { offers = try store.offers(municipality: municipality) } catch {
            throw .database(file: store.database.path, message: error.description)
        }
        if offers.isEmpty {
            context.print("No offers yet; create one with 'catalogue-cli offer create'.")
            return
        }
        var table = TextTable([.right, .left, .right, .left, .left, .right, .left])
        table.add(["ID", "REFERENCE", "VERSION", "MUNICIPALITY", "YEARS", "LINES", "STATUS"])
        for offer in offers {
            let span = offer.years == 1 ? "\(offer.firstYear)" : "\(offer.firstYear)–\(offer.firstYear + offer.years - 1)"
            table.add([String(offer.id), offer.reference, String(offer.version), offer.municipality, span, String(offer.lines.count), offer.status.rawValue])
        }
        for line in table.render() { context.print(line) }
    }
}
