import Catalogue
import Contracts
import Pricing
import Support

/// `catalogue-cli offer add ID --service CODE …` or `--line JSON`.
struct OfferAddCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["offer", "add"],
        abstract: "Add a line to an offer (an issued offer gets a new version).",
        positionals: [Positional(name: "offer", help: "The offer number.")],
        options: LineOptions.all + [StoreOptions.database] + BookSelection.withoutAssumptions)

    var id: Int64
    var line: OfferLine
    var store: StoreSelection
    var books: BookSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        id = try StoreOptions.offerID(arguments.positionals[0], command: Self.info)
        guard let line = try LineOptions.parse(arguments, command: Self.info) else {
            throw .usage("give '--service <code>' or '--line <json>'", command: Self.info)
        }
        self.line = line
        store = try StoreSelection(parsing: arguments, command: Self.info)
        books = try BookSelection(parsing: arguments, command: Self.info)
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let store = try store.open(context, .readWrite)
        let library = try books.library(context)
        let line = line
        try OfferEditing.edit(id, store: store, library: library, command: Self.info, &context) { lines in lines.append(line) }
    }
}
