import Catalogue
import Contracts
import Pricing
import Support

/// `catalogue-cli offer remove ID --line N`.
struct OfferRemoveCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["offer", "remove"],
        abstract: "Remove a line from an offer (an issued offer gets a new version).",
        positionals: [Positional(name: "offer", help: "The offer number.")],
        options: [lineOption.info, StoreOptions.database] + BookSelection.withoutAssumptions)

    static let lineOption = Option<Count<LineNumbers>>(
        "--line", valueName: "number", help: "The line to remove, counting from 1 ('offer show' numbers them).", required: true)

    var id: Int64
    var position: Int
    var store: StoreSelection
    var books: BookSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        id = try StoreOptions.offerID(arguments.positionals[0], command: Self.info)
        position = try arguments.required(Self.lineOption, command: Self.info).value
        store = try StoreSelection(parsing: arguments, command: Self.info)
        books = try BookSelection(parsing: arguments, command: Self.info)
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let store = try store.open(context, .readWrite)
        let library = try books.library(context)
        let (id, position) = (id, position)
        try OfferEditing.edit(id, store: store, library: library, command: Self.info, &context) { (lines: inout [OfferLine]) throws(StoreRefusal) -> Void in
            guard position <= lines.count else {
                throw StoreRefusal(message: "offer \(id) has \(lines.count) line\(lines.count == 1 ? "" : "s"); there is no line \(position)")
            }
            lines.remove(at: position - 1)
        }
    }
}
