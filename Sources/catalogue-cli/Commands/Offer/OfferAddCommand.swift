import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Support

/// `catalogue-cli offer add ID`.
enum OfferAddCommand: CLICommand {
    static let info = CommandInfo(
        path: ["offer", "add"],
        abstract: "Add a line to an offer (an issued offer gets a new version).",
        positionals: [Positional(name: "offer", help: "The offer number.")],
        options: LineOptions.all + [StoreOptions.database, SharedOptions.tariffs])

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let id = try StoreOptions.offerID(arguments.positionals[0], command: info)
        let line = try LineOptions.object(arguments, command: info)
        let store = try StoreOptions.open(arguments, context, .readWrite)
        let library = try SharedOptions.library(arguments, context)
        try OfferEditing.edit(id, store: store, library: library, command: info, &context) { lines in lines.append(line) }
    }
}
