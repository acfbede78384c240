import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Support

/// `catalogue-cli municipality show CODE`.
struct MunicipalityShowCommand: ParsableCommand {
    static let info = CommandInfo(path: ["municipality", "show"], abstract: "Print a municipality's stored profile (JSON).",
                                  positionals: [Positional(name: "code", help: "The municipality code, e.g. midden-drenthe.")],
                                  options: [StoreSelection.option.info])

    /// The municipality code, looked up as it is given (a near miss is answered with the closest code).
    var code: String
    var store: StoreSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        guard let code = try arguments.positional(0, as: String.self, name: "code", command: Self.info) else {
            throw .internalError("the parser let municipality show run without its code")
        }
        self.code = code
        store = try StoreSelection(parsing: arguments, command: Self.info)
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let store = try store.open(context, .readOnly)
        let profile = try Lookup.profile(code, store: store)
        context.print(profile, terminator: true)
    }
}
