import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Support

/// `catalogue-cli offer remove ID --line N`.
enum OfferRemoveCommand: CLICommand {
    static let info = CommandInfo(
        path: ["offer", "remove"],
        abstract: "Remove a line from an offer (an issued offer gets a new version).",
        positionals: [Positional(name: "offer", help: "The offer number.")],
        options: [lineOption.info, StoreOptions.database, SharedOptions.tariffs])

    static let lineOption = Option<Count<LineNumbers>>(
        "--line", valueName: "number", help: "The line to remove, counting from 1 ('offer show' numbers them).", required: true)

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let id = try StoreOptions.offerID(arguments.positionals[0], command: info)
        let position = try arguments.required(lineOption, command: info).value
        let store = try StoreOptions.open(arguments, context, .readWrite)
        let library = try SharedOptions.library(arguments, context)
        try OfferEditing.edit(id, store: store, library: library, command: info, &context) { (lines: inout [JSONValue]) throws(StoreRefusal) -> Void in
            guard position <= lines.count else {
                throw StoreRefusal(message: "offer \(id) has \(lines.count) line\(lines.count == 1 ? "" : "s"); there is no line \(position)")
            }
            lines.remove(at: position - 1)
        }
    }
}
