import Catalogue
import Pricing
import Support

/// `catalogue-cli tariffs validate [FILE]`: checks tariff books and reports every problem.
struct TariffsValidateCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["tariffs", "validate"],
        abstract: "Check tariff books and report every problem at once.",
        positionals: [Positional(name: "file", help: "A tariff book file. Default: every book in the tariff directory.", optional: true)],
        options: BookSelection.withoutAssumptions,
        discussion: """
        Exits with 65 when a book has problems, listing each with its field path. An indexed book is
        also checked against its source: the recorded hash must match the source book beside it, and
        indexing the source with the recorded percentages must give exactly this book.
        """)

    /// The one book file to check, or nil for every book of the tariff directory.
    var file: String?
    var books: BookSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        file = try arguments.positional(0, as: PathArgument.self, name: "file", command: Self.info)?.path
        books = try BookSelection(parsing: arguments, command: Self.info)
    }

    func validate() throws(CLIError) {
        if file != nil, books.directory != nil {
            throw .usage("give either a <file> or '--tariffs', not both", command: Self.info)
        }
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        if let file {
            context.print(try Self.check(file))
            return
        }
        let library = try books.library(context)
        guard !library.years.isEmpty else {
            throw .input(.cannotRead(file: library.sourceDescription, reason: "no tariff books (<year>.json) found"))
        }
        for line in try Self.check(library) { context.print(line) }
    }

    /// Checks every book of `library`, each indexed one against its source; their summary lines.
    /// Every problem of every book is reported at once.
    private static func check(_ library: TariffLibrary) throws(CLIError) -> [String] {
        var problems: [Diagnostic] = []
        var lines: [String] = []
        for year in library.years {
            do {
                let book = try library.book(year: year)
                if case .directory(let directory) = library.source {
                    let found = audit(book, file: library.fileName(for: year), directory: directory)
                    problems += found
                    if !found.isEmpty { continue }
                }
                lines.append(summary(book, file: library.fileName(for: year)))
            } catch {
                switch error {
                case .cannotRead, .missingAssumption: throw .input(error)
                case .invalid(let diagnostics): problems += diagnostics
                }
            }
        }
        guard problems.isEmpty else { throw .input(.invalid(problems)) }
        return lines
    }

    /// Checks the book in `file`, against its source beside it when it is indexed; its summary line.
    private static func check(_ file: String) throws(CLIError) -> String {
        let book: TariffBook
        do {
            book = try TariffBookLoader.load(file: file)
        } catch {
            throw .input(error)
        }
        let slash = file.lastIndex(of: "/")
        let directory = slash.map { String(file[..<$0]) } ?? "."
        let problems = audit(book, file: file, directory: directory)
        guard problems.isEmpty else { throw .input(.invalid(problems)) }
        return summary(book, file: file)
    }

    /// The problems of an indexed book against its source book in `directory`; none for a book
    /// that is not indexed.
    private static func audit(_ book: TariffBook, file: String, directory: String) -> [Diagnostic] {
        guard let record = book.provenance.indexation else { return [] }
        let sourceFile = "\(directory)/\(record.sourceYear).json"
        let bytes = try? FileSystem.readFile(sourceFile)
        return IndexationAudit.audit(book, file: file, source: bytes.map { (sourceFile, $0) })
    }

    /// "2026.json: valid tariff book for 2026: …", with the indexation it was checked against.
    private static func summary(_ book: TariffBook, file: String) -> String {
        let tariffs = book.allTariffs.count
        let derived = book.allTariffs.filter { $0.indexClass == .derived }.count
        var text = "\(file): valid tariff book for \(book.year): \(book.services.count) services, \(tariffs) tariffs (\(derived) derived)"
        if let record = book.provenance.indexation {
            text += "; indexed from \(record.sourceYear) with wage \(record.wage.plainString) % and price \(record.price.plainString) %, checked"
        }
        return text
    }
}
