import Catalogue
import Contracts
import Pricing
import Support

/// The database a command uses: `--db`, else `$CATALOGUE_DB`, else `catalogue.sqlite`. A command
/// parses it once, in `init(parsing:)`, and opens the store from it in `run`.
struct StoreSelection: Sendable {
    static let option = Option<String>(StoreOptions.database)

    /// What `--db` gave, if it was given.
    var given: String?

    init(parsing arguments: ParsedArguments, command: CommandInfo) throws(CLIError) {
        given = try arguments.value(Self.option, command: command)
    }

    init(given: String?) {
        self.given = given
    }

    /// The store's path: `--db`, `$CATALOGUE_DB` or the default.
    func path(_ context: CommandContext) -> String {
        given ?? context.environment.variables["CATALOGUE_DB"] ?? CatalogueStore.defaultPath
    }

    /// Opens the store: `.readWrite` creates and migrates it, `.readOnly` (the commands that only
    /// read) never creates or converts anything. An empty name is refused, never a temporary
    /// database whose changes are lost.
    func open(_ context: CommandContext, _ mode: StoreMode) throws(CLIError) -> CatalogueStore {
        let path = path(context)
        if path.isEmpty {
            let source = given != nil ? "'--db' is empty" : "CATALOGUE_DB is set but empty"
            throw .database(file: "''", message: "\(source); name a database file (an empty name would be a temporary database whose changes are lost)")
        }
        let who = context.environment.variables["CATALOGUE_USER"] ?? context.environment.variables["USER"] ?? "unknown"
        let now = context.environment.variables["CATALOGUE_NOW"] ?? context.environment.now()
        do {
            return try CatalogueStore(path: path, mode: mode, who: who, now: now)
        } catch {
            throw .database(file: path, message: error.description)
        }
    }

    /// The words that carry this choice into a suggested command (`--db FILE`), or none.
    var hintWords: [String] { given.map { ["--db", $0] } ?? [] }
}

/// The tariff books a command prices with (`--tariffs`) and the projection assumptions for the
/// years after the last book (`--assume-*` over `assumptions.json` beside the books).
struct BookSelection: Sendable {
    static let directoryOption = Option<String>(SharedOptions.tariffs)
    /// The options for help and parsing, in the order help lists them.
    static let options: [OptionInfo] = [SharedOptions.tariffs] + StoreOptions.assumptionOptions
    static let withoutAssumptions: [OptionInfo] = [SharedOptions.tariffs]

    /// The directory `--tariffs` gave, if it was given.
    var directory: String?
    /// The rates given with `--assume-*`; the others come from `assumptions.json`.
    var rates: ProjectionAssumptions.Rates

    init(parsing arguments: ParsedArguments, command: CommandInfo) throws(CLIError) {
        directory = try arguments.value(Self.directoryOption, command: command)
        rates = ProjectionAssumptions.Rates()
        // A command without the --assume-* options never has them: the parser refuses undeclared options.
        rates.wage = try arguments.value(SharedOptions.assumeWage, command: command)
        rates.price = try arguments.value(SharedOptions.assumePrice, command: command)
        rates.mixedWageShare = try arguments.value(SharedOptions.assumeMixedWageShare, command: command)
    }

    init(directory: String?, rates: ProjectionAssumptions.Rates = ProjectionAssumptions.Rates()) {
        self.directory = directory
        self.rates = rates
    }

    /// Opens the library: `--tariffs`, else the default directory, else the bundled books.
    func library(_ context: CommandContext) throws(CLIError) -> TariffLibrary {
        do {
            if let directory { return try TariffLibrary.open(directory: directory) }
            return try TariffLibrary.open(directory: nil, defaultDirectory: context.environment.defaultTariffsDirectory)
        } catch {
            throw .input(error)
        }
    }

    /// The projection assumptions: the given rates over `assumptions.json` beside the books.
    func assumptions(library: TariffLibrary) throws(CLIError) -> ProjectionAssumptions {
        guard let file = library.assumptionsFile, FileSystem.isFile(file) else {
            return ProjectionAssumptions(flags: rates)
        }
        do {
            return try ProjectionAssumptions.load(file: file, flags: rates)
        } catch {
            throw .input(error)
        }
    }

    /// The words that carry `--tariffs` into a suggested command, or none.
    var hintWords: [String] { directory.map { ["--tariffs", $0] } ?? [] }
}

/// `--format` for commands that print a listing: one of the formats the command offers, the
/// first being the default.
struct FormatSelection: Sendable {
    var allowed: [OutputFormat]

    init(_ allowed: [OutputFormat]) {
        self.allowed = allowed
    }

    var info: OptionInfo { SharedOptions.format(allowed) }

    /// The format given, or the default; a format the command does not offer is refused with
    /// the ones it does (read as text first, so the message names only those).
    func read(_ arguments: ParsedArguments, command: CommandInfo) throws(CLIError) -> OutputFormat {
        guard let text = arguments.values[info.name] else { return allowed[0] }
        guard let format = OutputFormat.convert(text), allowed.contains(format) else {
            throw .usage("'--format' expects " + allowed.map { "'\($0.rawValue)'" }.joined(separator: " or ") + ", found '\(ArgumentText.shown(text))'",
                         command: command)
        }
        return format
    }
}

extension OutputFormat: ArgumentValue {
    static func convert(_ text: String) -> OutputFormat? { OutputFormat(rawValue: text) }
    static var expectation: String { "'table', 'json' or 'csv'" }
}

extension DocumentFormat: ArgumentValue {
    static func convert(_ text: String) -> DocumentFormat? { DocumentFormat(rawValue: text) }
    static var expectation: String { "'html', 'markdown', 'json' or 'pdf'" }
}

/// A file or folder name given as an option: not empty and without control characters.
struct PathArgument: ArgumentValue, Equatable {
    var path: String

    static func convert(_ text: String) -> PathArgument? {
        guard !text.isEmpty, let checked = String.convert(text) else { return nil }
        return PathArgument(path: checked)
    }
    static var expectation: String { "a file name" }
}
