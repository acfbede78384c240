import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Support

/// `catalogue-cli municipality show CODE`.
enum MunicipalityShowCommand: CLICommand {
    static let info = CommandInfo(path: ["municipality", "show"], abstract: "Print a municipality's stored profile (JSON).",
                                  positionals: [Positional(name: "code", help: "The municipality code, e.g. midden-drenthe.")],
                                  options: [StoreOptions.database])

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let store = try StoreOptions.open(arguments, context, .readOnly)
        let profile = try Lookup.profile(arguments.positionals[0], store: store)
        context.print(profile, terminator: true)
    }
}
