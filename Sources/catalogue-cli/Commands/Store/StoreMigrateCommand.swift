import Contracts
import JSON

/// `catalogue-cli store migrate`: creates the database, or upgrades it to this program's schema.
struct StoreMigrateCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["store", "migrate"],
        abstract: "Create the database, or upgrade it to this program's schema.",
        options: [StoreSelection.option.info],
        discussion: "Commands that only read never change a database; this one applies the missing migrations, each in its own transaction.")

    var store: StoreSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        store = try StoreSelection(parsing: arguments, command: Self.info)
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let store = try store.open(context, .readWrite)
        context.print("\(store.database.path): schema version \(Migrations.latest).")
    }
}
