import Catalogue
import JSON
import Money
import Pricing
import Support

/// `catalogue-cli tariffs index --from 2025 --wage 3.75 --price 2.1`: next year's book.
enum TariffsIndexCommand: CLICommand {
    static let info = CommandInfo(
        path: ["tariffs", "index"],
        abstract: "Write next year's tariff book by indexing a published one.",
        options: [
            fromOption.info, wageOption.info, priceOption.info, mixedWageShareOption.info, dateOption.info,
            OptionInfo(name: "--replace", help: "Replace an existing book of that year that differs; its hash is recorded."),
            SharedOptions.tariffs,
        ],
        discussion: """
        Each tariff is indexed from the published (rounded) amount by its class: wage by the wage
        percentage, price by the price percentage, mixed by the weighted mix, none unchanged; then
        rounded half away from zero to the precision it is published in. Derived tariffs are
        computed again from the new year's amounts. Running the same command again changes nothing.
        """)

    static let fromOption = Option<Year>(
        "--from", valueName: "year", help: "The published book to index, e.g. 2025; writes the book of the next year.", required: true)
    static let wageOption = Option<Percentage>(
        "--wage", valueName: "percent", help: "The wage percentage, at most two decimals (3.75 or 3,75; 0 and negative allowed).", required: true)
    static let priceOption = Option<Percentage>(
        "--price", valueName: "percent", help: "The price percentage, at most two decimals (2.1).", required: true)
    static let mixedWageShareOption = Option<Rational>(
        "--mixed-wage-share", valueName: "fraction", help: "The wage share of the mixed class (2/3 or 0.7). Default: the weights in the book.")
    static let dateOption = Option<CalendarDate>(
        "--date", valueName: "yyyy-mm-dd", help: "The date to record in the new book. Default: none is recorded.")

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let from = try arguments.required(fromOption, command: info).value
        guard from < InputLimits.calendarYears.upperBound else {
            throw .usage("'--from' \(from) would write a book for \(from + 1), after the last year the tool prices", command: info)
        }
        let wage = try arguments.required(wageOption, command: info)
        let price = try arguments.required(priceOption, command: info)
        let date = try arguments.value(dateOption, command: info)
        let share = try arguments.value(mixedWageShareOption, command: info)
        let directory = arguments.value("--tariffs") ?? context.environment.defaultTariffsDirectory
        let outcome: PublishOutcome
        do {
            outcome = try TariffPublisher.publish(from: from, directory: directory, wage: wage, price: price, mixedWageShare: share,
                                                  date: date, replace: arguments.flag("--replace"))
        } catch {
            throw cliError(error, from: from, arguments)
        }
        switch outcome {
        case .unchanged(let file, let hash):
            context.print("\(file) already holds the book these inputs give (\(hash)); nothing changed.")
        case .written(let publication):
            report(publication, from: from, arguments, &context)
        }
    }

    private static func report(_ publication: Publication, from: Int, _ arguments: ParsedArguments, _ context: inout CommandContext) {
        let book = publication.book
        let parameters = publication.parameters
        let indexed = book.allTariffs.filter { $0.indexClass != .derived && $0.indexClass != IndexClass.none }.count
        let derived = book.allTariffs.filter { $0.indexClass == .derived }.count
        let unchanged = book.allTariffs.filter { $0.indexClass == IndexClass.none }.count
        context.print("Wrote \(publication.file): tariff book \(from + 1), indexed from \(publication.sourceFile) (\(publication.sourceHash)).")
        context.print("  wage \(TariffIndexer.percentText(parameters.wage.rational)), price \(TariffIndexer.percentText(parameters.price.rational)), "
                      + "mixed (\(parameters.weights.wage) wage, \(parameters.weights.price) price) \(TariffIndexer.percentText(parameters.mixedRate))")
        context.print("  \(indexed) tariffs indexed, \(unchanged) not indexed, \(derived) derived tariffs computed again.")
        if let replaced = publication.replacedHash {
            context.print("  Replaced the previous book \(replaced).")
        }
        context.print("Review it with: " + Hint.command(["tariffs", "diff", String(from), String(from + 1)], from: arguments))
    }

    private static func cliError(_ error: PublishError, from: Int, _ arguments: ParsedArguments) -> CLIError {
        switch error {
        case .input(let error): .input(error)
        case .parameters(let message): .usage(message, command: info)
        case .existsAndDiffers(let file, let hash, let holds):
            .cannotCreateOutput(file: file, reason: "it already exists and differs (\(holds)); "
                                + "see what it holds with '\(Hint.command(["tariffs", "show", String(from + 1)], from: arguments))', "
                                + "then run again with --replace to replace it (its hash \(hash) is recorded)")
        case .cannotWrite(let error): .cannotCreateOutput(file: error.file, reason: error.reason)
        }
    }
}
