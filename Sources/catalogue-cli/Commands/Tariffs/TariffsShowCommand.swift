import Catalogue
import JSON
import Money
import Pricing
import Support

/// `catalogue-cli tariffs show 2026`: one book, where it comes from, every tariff.
struct TariffsShowCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["tariffs", "show"],
        abstract: "Show one tariff book: its provenance and every tariff.",
        positionals: [Positional(name: "year", help: "The year, e.g. 2026.")],
        options: [formats.info] + BookSelection.withoutAssumptions)

    static let formats = FormatSelection([.table, .json])

    var year: Int
    var format: OutputFormat
    var books: BookSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        guard let year = try arguments.positional(0, as: Year.self, name: "year", command: Self.info)?.value else {
            throw .internalError("the parser let tariffs show run without its year")
        }
        self.year = year
        format = try Self.formats.read(arguments, command: Self.info)
        books = try BookSelection(parsing: arguments, command: Self.info)
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let library = try books.library(context)
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
