import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Support

/// `catalogue-cli municipality list`.
struct MunicipalityListCommand: ParsableCommand {
    static let info = CommandInfo(path: ["municipality", "list"], abstract: "List the municipalities in the database.",
                                  options: [StoreSelection.option.info])

    var store: StoreSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        store = try StoreSelection(parsing: arguments, command: Self.info)
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let store = try store.open(context, .readOnly)
        let list: [(code: String, name: String)]
        do { list = try store.municipalities() } catch { throw .database(file: store.database.path, message: error.description) }
        if list.isEmpty {
            context.print("No municipalities yet; import profiles with 'catalogue-cli municipality import seeds/municipalities/*.json'.")
            return
        }
        var table = TextTable([.left, .left])
        table.add(["CODE", "NAME"])
        for entry in list { table.add([entry.code, entry.name]) }
        for line in table.render() { context.print(line) }
    }
}
