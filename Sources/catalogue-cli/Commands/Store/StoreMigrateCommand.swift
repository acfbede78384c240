import Contracts
import JSON

/// `catalogue-cli store migrate`: creates the database, or upgrades it to this program's schema.
enum StoreMigrateCommand: CLICommand {
    static let info = CommandInfo(
        path: ["store", "migrate"],
        abstract: "Create the database, or upgrade it to this program's schema.",
        options: [StoreOptions.database],
        discussion: "Commands that only read never change a database; this one applies the missing migrations, each in its own transaction.")

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let store = try StoreOptions.open(arguments, context, .readWrite)
        context.print("\(store.database.path): schema version \(Migrations.latest).")
    }
}
