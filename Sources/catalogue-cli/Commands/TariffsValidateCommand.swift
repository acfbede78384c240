import Catalogue

/// `catalogue-cli tariffs validate [FILE]`: checks tariff books and reports every problem.
enum TariffsValidateCommand: CLICommand {
    static let info = CommandInfo(
        path: ["tariffs", "validate"],
        abstract: "Check tariff books and report every problem at once.",
        positionals: [Positional(name: "file", help: "A tariff book file. Default: every book in the tariff directory.", optional: true)],
        options: [SharedOptions.tariffs],
        discussion: "Exits with 65 when a book has problems, listing each with its field path.")

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        if let file = arguments.positionals.first {
            if arguments.value("--tariffs") != nil {
                throw .usage("give either a <file> or '--tariffs', not both", command: info)
            }
            do {
                let book = try TariffBookLoader.load(file: file)
                context.print(summary(book, file: file))
            } catch {
                throw .input(error)
            }
            return
        }
        let library = try SharedOptions.library(arguments, context)
        guard !library.years.isEmpty else {
            throw .input(.cannotRead(file: library.sourceDescription, reason: "no tariff books (<year>.json) found"))
        }
        var problems: [Diagnostic] = []
        var lines: [String] = []
        for year in library.years {
            do {
                let book = try library.book(year: year)
                lines.append(summary(book, file: library.fileName(for: year)))
            } catch {
                switch error {
                case .cannotRead: throw .input(error)
                case .invalid(let diagnostics): problems += diagnostics
                }
            }
        }
        guard problems.isEmpty else { throw .input(.invalid(problems)) }
        for line in lines { context.print(line) }
    }

    private static func summary(_ book: TariffBook, file: String) -> String {
        let tariffs = book.allTariffs.count
        let derived = book.allTariffs.filter { $0.indexClass == .derived }.count
        return "\(file): valid tariff book for \(book.year): \(book.services.count) services, \(tariffs) tariffs (\(derived) derived)"
    }
}
