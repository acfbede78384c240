import Catalogue
import Contracts
import Support

/// What running a command produced: the exit code and the text for both streams. Output is
/// collected and written in one piece at the end, so a failing command never leaves half a
/// listing on standard output.
struct CommandResult: Sendable {
    var exitCode: ExitCode
    var standardOutput: String
    var standardError: String
}

/// What a command may know about its surroundings; tests replace it.
struct CLIEnvironment: Sendable {
    /// The tariff directory used when `--tariffs` is not given (falls back to the bundled
    /// books when it does not exist).
    var defaultTariffsDirectory: String = TariffLibrary.defaultDirectory
    /// The environment variables the tool reads: `CATALOGUE_DB`, `CATALOGUE_USER`, `USER`,
    /// `CATALOGUE_NOW` (a fixed moment for the audit log, for reproducible runs).
    var variables: [String: String] = [:]
    /// The current moment for the audit log, ISO 8601 in UTC; only the store's log uses it.
    var now: @Sendable () -> String = { systemTimestamp() }
}

/// The state a running command writes to.
struct CommandContext {
    var environment: CLIEnvironment
    var output: String = ""

    /// Appends a line (or several) to standard output.
    mutating func print(_ text: String = "") {
        output += text
        output += "\n"
    }
}

/// A command the tool can run.
protocol CLICommand: Sendable {
    /// Its name, options and help.
    static var info: CommandInfo { get }
    /// Runs it with parsed arguments.
    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError)
}

/// A command whose options arrive typed: `init(parsing:)` reads every declared option once,
/// `validate()` checks how they fit together, and only then `run` does the work. The static
/// `run` of `CLICommand` is these three steps, so the dispatcher treats both kinds alike.
protocol ParsableCommand: CLICommand {
    /// Reads the typed values of the command's options and arguments.
    init(parsing arguments: ParsedArguments) throws(CLIError)
    /// Checks the values against each other, before anything is read or written.
    func validate() throws(CLIError)
    /// Does the work.
    func run(_ context: inout CommandContext) throws(CLIError)
}

extension ParsableCommand {
    func validate() throws(CLIError) {}

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let command = try Self(parsing: arguments)
        try command.validate()
        try command.run(&context)
    }
}

/// The command tree and its dispatcher.
enum CLI {
    static let version = "0.1.0"

    /// The top-level commands, in the order help lists them.
    static let commands: [any CLICommand.Type] = [
        DemoCommand.self,
        ServicesCommand.self,
        ServiceCommand.self,
        PriceCommand.self,
        ComposeCommand.self,
        CompareCommand.self,
        QuoteCommand.self,
        ContractCommand.self,
        ContractListCommand.self,
        ContractAmendCommand.self,
        ContractShowCommand.self,
        ContractNoticesCommand.self,
        ContractRenewCommand.self,
        MunicipalityImportCommand.self,
        MunicipalityListCommand.self,
        MunicipalityShowCommand.self,
        OfferCreateCommand.self,
        OfferAddCommand.self,
        OfferRemoveCommand.self,
        OfferShowCommand.self,
        OfferListCommand.self,
        OfferPriceCommand.self,
        OfferIssueCommand.self,
        OfferAcceptCommand.self,
        OfferWithdrawCommand.self,
        TariffsShowCommand.self,
        TariffsDiffCommand.self,
        TariffsIndexCommand.self,
        TariffsValidateCommand.self,
        StoreCheckCommand.self,
        StoreMigrateCommand.self,
    ]

    /// Commands that only group others; their subcommands are the commands under their path.
    static let groups: [CommandInfo] = [
        CommandInfo(path: ["municipality"], abstract: "Work with the municipality profiles in the database."),
        CommandInfo(path: ["offer"], abstract: "Create, price, issue, accept and withdraw offers in the database."),
        CommandInfo(path: ["tariffs"], abstract: "Work with tariff books: show, compare, index and check them."),
        CommandInfo(path: ["store"], abstract: "Look after the database itself: check it, upgrade it."),
    ].map { withSubcommands($0) }

    /// The top level, in the order help lists it: commands and groups.
    static let rootInfo = CommandInfo(
        path: [],
        abstract: "Prices and contracts for the activiteitencatalogus of Bind bibliotheken (Biblionet Drenthe).",
        options: [OptionInfo(name: "--version", help: "Show the version.")],
        subcommands: topLevel(["demo", "services", "service", "price", "compose", "compare", "municipality", "offer", "quote", "contract", "tariffs", "store"]))

    /// Every command's description, in the order of `commands`.
    static let infos: [CommandInfo] = {
        var result: [CommandInfo] = []
        for command in commands { result.append(command.info) }
        return result
    }()

    /// The top-level entries named, each a group or a command.
    private static func topLevel(_ names: [String]) -> [CommandInfo] {
        var result: [CommandInfo] = []
        for name in names {
            if let group = groups.first(where: { $0.path == [name] }) {
                result.append(group)
            } else if let info = infos.first(where: { $0.path == [name] }) {
                result.append(withSubcommands(info))
            }
        }
        return result
    }

    /// `info` with the commands one level under its path as its subcommands.
    static func withSubcommands(_ info: CommandInfo) -> CommandInfo {
        var info = info
        info.subcommands = infos.filter { $0.path.count == info.path.count + 1 && $0.path.starts(with: info.path) }
        return info
    }

    /// Runs the tool with `arguments` (without the program name).
    static func run(arguments: [String], environment: CLIEnvironment = CLIEnvironment()) -> CommandResult {
        var context = CommandContext(environment: environment)
        do {
            try dispatch(arguments, &context)
            return CommandResult(exitCode: .success, standardOutput: context.output, standardError: "")
        } catch {
            // An unanswerable question keeps its explanation; every other failure writes nothing.
            // A message quotes what the user typed; control characters in it would garble the terminal.
            let message = ArgumentText.escapingControlCharacters(error.message)
            if case .unsatisfiable = error {
                return CommandResult(exitCode: error.exitCode, standardOutput: context.output, standardError: message)
            }
            return CommandResult(exitCode: error.exitCode, standardOutput: "", standardError: message)
        }
    }

    private static func dispatch(_ arguments: [String], _ context: inout CommandContext) throws(CLIError) {
        guard let first = arguments.first else {
            context.print(rootInfo.help, terminator: true)
            return
        }
        if first == "--help" || first == "-h" || first == "help" {
            if first == "help", arguments.count > 1 {
                try dispatch(Array(arguments.dropFirst()) + ["--help"], &context)
            } else {
                context.print(rootInfo.help, terminator: true)
            }
            return
        }
        if first == "--version" {
            context.print("catalogue-cli \(version) (SQLite \(ContractsModule.sqliteVersion))")
            return
        }
        // Find the longest command path that matches the leading words.
        let matching = commands
            .filter { arguments.starts(with: $0.info.path) }
            .max { $0.info.path.count < $1.info.path.count }
        if let command = matching {
            let rest = Array(arguments.dropFirst(command.info.path.count))
            if asksForHelp(rest, command: command.info) {
                context.print(withSubcommands(command.info).help, terminator: true)
                return
            }
            let parsed = try parseArguments(rest, for: command.info)
            try command.run(parsed, &context)
            return
        }
        if let group = groups.first(where: { $0.path[0] == first }) {
            let rest = Array(arguments.dropFirst())
            if rest.isEmpty || rest.first == "--help" || rest.first == "-h" {
                context.print(group.help, terminator: true)
                return
            }
            let names = group.subcommands.map { $0.path.last! }
            var message = "unknown subcommand '\(rest[0])'"
            if let hint = didYouMean(suggestions(for: rest[0], among: names), quote: "'") { message += "; " + hint }
            throw .usage(message, command: group)
        }
        let names = rootInfo.subcommands.map { $0.path[0] }
        var message = "unknown command '\(first)'"
        if let hint = didYouMean(suggestions(for: first, among: names), quote: "'") { message += "; " + hint }
        throw .usage(message, command: rootInfo)
    }
}

extension CLI {
    /// Whether `--help` (or `-h`) stands where an option may stand, not as an option's value:
    /// `offer create --title --help` is a title, `offer create --help` asks for help.
    static func asksForHelp(_ arguments: [String], command: CommandInfo) -> Bool {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" { return false }
            if argument == "--help" || argument == "-h" { return true }
            guard argument.hasPrefix("--"), !argument.contains("=") else { continue }
            if command.options.first(where: { $0.name == argument })?.valueName != nil { index += 1 }
        }
        return false
    }
}

extension CommandContext {
    /// Appends text that already ends in a newline.
    mutating func print(_ text: String, terminator: Bool) {
        output += text
        if !text.hasSuffix("\n") { output += "\n" }
    }
}
