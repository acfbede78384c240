import Catalogue
import JSON
import Money
import Pricing
import Support

/// `catalogue-cli tariffs index --from 2025 --wage 3.75 --price 2.1`: next year's book.
struct TariffsIndexCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["tariffs", "index"],
        abstract: "Write next year's tariff book by indexing a published one.",
        options: [fromOption.info, wageOption.info, priceOption.info, mixedWageShareOption.info, dateOption.info, replaceFlag.info]
            + BookSelection.withoutAssumptions,
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
    static let replaceFlag = Flag("--replace", help: "Replace an existing book of that year that differs; its hash is recorded.")

    /// The year of the published book; the book of the next year is written.
    var from: Int
    var wage: Percentage
    var price: Percentage
    var mixedWageShare: Rational?
    var date: CalendarDate?
    var replace: Bool
    /// The tariff directory read and written (`--tariffs`, else the default directory; never the
    /// bundled books, which cannot be written).
    var books: BookSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        from = try arguments.required(Self.fromOption, command: Self.info).value
        wage = try arguments.required(Self.wageOption, command: Self.info)
        price = try arguments.required(Self.priceOption, command: Self.info)
        date = try arguments.value(Self.dateOption, command: Self.info)
        mixedWageShare = try arguments.value(Self.mixedWageShareOption, command: Self.info)
        replace = arguments.flag(Self.replaceFlag)
        books = try BookSelection(parsing: arguments, command: Self.info)
    }

    func validate() throws(CLIError) {
        guard from < InputLimits.calendarYears.upperBound else {
            throw .usage("'--from' \(from) would write a book for \(from + 1), after the last year the tool prices", command: Self.info)
        }
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let directory = books.directory ?? context.environment.defaultTariffsDirectory
        let outcome: PublishOutcome
        do {
            outcome = try TariffPublisher.publish(from: from, directory: directory, wage: wage, price: price, mixedWageShare: mixedWageShare,
                                                  date: date, replace: replace)
        } catch {
            throw cliError(error)
        }
        switch outcome {
        case .unchanged(let file, let hash):
            context.print("\(file) already holds the book these inputs give (\(hash)); nothing changed.")
        case .written(let publication):
            report(publication, &context)
        }
    }

    /// What was written: the file, its source, the percentages, the counts, and how to review it.
    private func report(_ publication: Publication, _ context: inout CommandContext) {
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
        context.print("Review it with: " + Hint.command(["tariffs", "diff", String(from), String(from + 1)], carrying: [books.hintWords]))
    }

    /// The tool's error for a book that was not published.
    private func cliError(_ error: PublishError) -> CLIError {
        switch error {
        case .input(let error): .input(error)
        case .parameters(let message): .usage(message, command: Self.info)
        case .existsAndDiffers(let file, let hash, let holds):
            .cannotCreateOutput(file: file, reason: "it already exists and differs (\(holds)); "
                                + "see what it holds with '\(Hint.command(["tariffs", "show", String(from + 1)], carrying: [books.hintWords]))', "
                                + "then run again with --replace to replace it (its hash \(hash) is recorded)")
        case .cannotWrite(let error): .cannotCreateOutput(file: error.file, reason: error.reason)
        }
    }
}
