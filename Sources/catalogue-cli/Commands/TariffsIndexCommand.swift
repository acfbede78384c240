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
        let directory = arguments.value("--tariffs") ?? context.environment.defaultTariffsDirectory
        guard FileSystem.isDirectory(directory) else {
            throw .input(.cannotRead(file: directory, reason: "no such directory; indexing reads and writes the books of a tariff directory (--tariffs)"))
        }
        let sourceFile = path(directory, from)
        let targetFile = path(directory, from + 1)
        do { try FileSystem.checkOutputPath(targetFile) } catch { throw .cannotCreateOutput(file: error.file, reason: error.reason) }
        let source: TariffBook
        let sourceHash: String
        let sourceBytes: [UInt8]
        do {
            sourceBytes = try FileSystem.readFile(sourceFile, limit: FileSystem.maximumBookBytes)
            sourceHash = "sha256:" + SHA256.hex(sourceBytes)
            source = try TariffBookLoader.load(bytes: sourceBytes, file: sourceFile, expectedYear: from)
        } catch {
            throw .input(error)
        }
        var weights = source.mixedWeights
        if let share = try arguments.value(mixedWageShareOption, command: info) {
            guard let priceShare = try? Rational.one.subtracting(share) else { throw .internalError("1 - \(share) does not fit") }
            weights = MixedWeights(wage: share, price: priceShare)
        }
        let parameters: IndexationParameters
        do {
            parameters = try IndexationParameters(wage: wage, price: price, weights: weights)
        } catch {
            throw .usage(error.description, command: info)
        }

        var book = try index(source, parameters, sourceHash: sourceHash, from: from, date: date, replacedHash: nil)
        if FileSystem.isFile(targetFile) {
            let existingBytes: [UInt8]
            do { existingBytes = try FileSystem.readFile(targetFile, limit: FileSystem.maximumBookBytes) } catch { throw .input(error) }
            let existingHash = "sha256:" + SHA256.hex(existingBytes)
            let existing = try? TariffBookLoader.load(bytes: existingBytes, file: targetFile, expectedYear: from + 1)
            if let existing, essence(existing) == essence(book) {
                context.print("\(targetFile) already holds the book these inputs give (\(existingHash)); nothing changed.")
                return
            }
            guard arguments.flag("--replace") else {
                throw .cannotCreateOutput(file: targetFile, reason: "it already exists and differs (\(describe(existing))); "
                                          + "see what it holds with '\(Hint.command(["tariffs", "show", String(from + 1)], from: arguments))', "
                                          + "then run again with --replace to replace it (its hash \(existingHash) is recorded)")
            }
            book = try index(source, parameters, sourceHash: sourceHash, from: from, date: date, replacedHash: existingHash)
        }
        let text: String
        do { text = try TariffIndexer.checkedText(book, file: targetFile, source: (sourceFile, sourceBytes)) } catch { throw .input(error) }
        do {
            try FileSystem.writeFileAtomically(targetFile, Array(text.utf8))
        } catch {
            throw .cannotCreateOutput(file: error.file, reason: error.reason)
        }
        let indexed = book.allTariffs.filter { $0.indexClass != .derived && $0.indexClass != IndexClass.none }.count
        let derived = book.allTariffs.filter { $0.indexClass == .derived }.count
        let unchanged = book.allTariffs.filter { $0.indexClass == IndexClass.none }.count
        context.print("Wrote \(targetFile): tariff book \(from + 1), indexed from \(sourceFile) (\(sourceHash)).")
        context.print("  wage \(TariffIndexer.percentText(parameters.wage.rational)), price \(TariffIndexer.percentText(parameters.price.rational)), "
                      + "mixed (\(weights.wage) wage, \(weights.price) price) \(TariffIndexer.percentText(parameters.mixedRate))")
        context.print("  \(indexed) tariffs indexed, \(unchanged) not indexed, \(derived) derived tariffs computed again.")
        if let replaced = book.provenance.indexation?.replacedHash {
            context.print("  Replaced the previous book \(replaced).")
        }
        context.print("Review it with: " + Hint.command(["tariffs", "diff", String(from), String(from + 1)], from: arguments))
    }

    private static func index(_ source: TariffBook, _ parameters: IndexationParameters, sourceHash: String, from: Int,
                              date: CalendarDate?, replacedHash: String?) throws(CLIError) -> TariffBook {
        do {
            return try TariffIndexer.index(source, with: parameters, sourceFile: "\(from).json", sourceHash: sourceHash,
                                           date: date, replacedHash: replacedHash)
        } catch {
            throw .input(.invalid([Diagnostic(file: "\(from).json", path: .root, message: error.description)]))
        }
    }

    /// A book without what may differ between two runs with the same inputs: the date given and
    /// the hash of a replaced book.
    private static func essence(_ book: TariffBook) -> String {
        var book = book
        book.provenance.indexation?.date = nil
        book.provenance.indexation?.replacedHash = nil
        return TariffBookEncoder.encode(book)
    }

    private static func describe(_ existing: TariffBook?) -> String {
        guard let existing else { return "it is not a valid tariff book" }
        guard let record = existing.provenance.indexation else {
            return "a \(existing.provenance.kind) of \(existing.provenance.source)"
        }
        return "indexed from \(record.sourceYear) with wage \(record.wage.plainString) % and price \(record.price.plainString) %"
    }

    private static func path(_ directory: String, _ year: Int) -> String {
        directory.hasSuffix("/") ? "\(directory)\(year).json" : "\(directory)/\(year).json"
    }
}

/// `catalogue-cli tariffs diff 2025 2026`: every tariff, old and new.
enum TariffsDiffCommand: CLICommand {
    static let info = CommandInfo(
        path: ["tariffs", "diff"],
        abstract: "Compare two tariff books: every tariff, old, new, change and change in percent.",
        positionals: [Positional(name: "from", help: "The older year, e.g. 2025."), Positional(name: "to", help: "The newer year, e.g. 2026.")],
        options: [SharedOptions.format([.table, .json, .csv]), SharedOptions.tariffs])

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        guard let older = try arguments.positional(0, as: Year.self, name: "from", command: info),
              let newer = try arguments.positional(1, as: Year.self, name: "to", command: info) else {
            throw .internalError("the parser let tariffs diff run without its two years")
        }
        let years = [older.value, newer.value]
        let format = try SharedOptions.format(arguments, allowed: [.table, .json, .csv], command: info)
        let library = try SharedOptions.library(arguments, context)
        let old = try SharedOptions.book(year: years[0], library: library)
        let new = try SharedOptions.book(year: years[1], library: library)
        let diff = TariffDiff(from: old, to: new)
        switch format {
        case .json: context.print(JSONWriter.write(diff.json), terminator: true)
        case .csv: context.output += diff.csv
        case .table:
            context.print("Tariff books \(old.year) → \(new.year) (\(library.fileName(for: old.year)) → \(library.fileName(for: new.year)))")
            if let record = new.provenance.indexation {
                context.print(record.summary)
            }
            var table = TextTable([.left, .left, .left, .right, .right, .right, .right])
            table.add(["TARIFF", "NAME", "INDEX", "\(old.year)", "\(new.year)", "CHANGE", "%"])
            var groupStarts: [Int: String] = [:]
            var previous: String?? = .none
            for row in diff.rows {
                if previous == nil || previous! != row.service {
                    groupStarts[table.rows.count] = row.service.map { code in "\(code)  \(new.service(code)?.name ?? old.service(code)?.name ?? "")" } ?? "Units"
                    previous = .some(row.service)
                }
                let percent = row.changePercentage.map { ($0.hundredths > 0 ? "+" : "") + $0.dutchString } ?? (row.old == nil ? "new" : row.new == nil ? "removed" : "")
                table.add([row.tariff, row.name, row.indexClass.rawValue, row.old?.dutchString ?? "", row.new?.dutchString ?? "",
                           row.change.map(\.dutchSignedString) ?? "", percent])
            }
            for (index, line) in table.render(indent: "  ").enumerated() {
                if let group = groupStarts[index] {
                    context.print()
                    context.print("  " + group)
                }
                context.print(line)
            }
        }
    }
}

/// `catalogue-cli tariffs show 2026`: one book, where it comes from, every tariff.
enum TariffsShowCommand: CLICommand {
    static let info = CommandInfo(
        path: ["tariffs", "show"],
        abstract: "Show one tariff book: its provenance and every tariff.",
        positionals: [Positional(name: "year", help: "The year, e.g. 2026.")],
        options: [SharedOptions.format([.table, .json]), SharedOptions.tariffs])

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        guard let year = try arguments.positional(0, as: Year.self, name: "year", command: info)?.value else {
            throw .internalError("the parser let tariffs show run without its year")
        }
        let format = try SharedOptions.format(arguments, allowed: [.table, .json], command: info)
        let library = try SharedOptions.library(arguments, context)
        let book = try SharedOptions.book(year: year, library: library)
        switch format {
        case .json:
            var object = TariffBookEncoder.json(book).objectValue ?? JSONObject()
            object.set("services", .array(book.services.map { TariffBookEncoder.serviceJSON($0, resolved: true) }))
            object.set("units", .array(book.units.map { TariffBookEncoder.unitJSON($0, resolved: true) }))
            object.set("file", .string(library.fileName(for: year)))
            context.print(JSONWriter.write(.object(object)), terminator: true)
        case .table, .csv:
            context.print("\(book.title) · \(book.publisher) · \(library.fileName(for: year))")
            if let record = book.provenance.indexation {
                context.print("Indexed from \(record.sourceYear) (\(record.sourceHash))" + (record.date.map { " on \($0)" } ?? ""))
                context.print("  wage \(record.wage.plainString) %, price \(record.price.plainString) %, mixed weights \(record.mixedWeights.wage) wage and \(record.mixedWeights.price) price")
                if let replaced = record.replacedHash { context.print("  replaces \(replaced)") }
                context.print("  " + record.summary)
            } else {
                context.print("A \(book.provenance.kind) of \(book.provenance.source)" + (book.provenance.note.map { ": \($0)" } ?? ""))
            }
            var table = TextTable([.left, .left, .right, .left, .left, .left])
            table.add(["TARIFF", "NAME", "AMOUNT", "INDEX", "PRECISION", "FORMULA"])
            for tariff in book.allTariffs {
                var formula = ""
                if case .formula(let value) = tariff.value { formula = value.text }
                table.add([tariff.id, tariff.name, tariff.amount.dutchString, tariff.indexClass.rawValue, tariff.precision.rawValue, formula])
            }
            context.print()
            for line in table.render(indent: "  ") { context.print(line) }
        }
    }
}
