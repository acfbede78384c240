import Catalogue
import JSON

/// `catalogue-cli services`: the catalogue of one year with every tariff.
struct ServicesCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["services"],
        abstract: "List the services of a year's catalogue with their tariffs.",
        options: [yearOption.info, tierOption.info, formats.info] + BookSelection.withoutAssumptions,
        discussion: "Amounts are the published tariffs of the year, in euros; derived tariffs show their formula.")

    static let yearOption = Option<Year>(SharedOptions.year())
    static let tierOption = Option<Tier>("--tier", valueName: "tier", help: "Only services of this tier: basis or basis-plus.")
    static let formats = FormatSelection([.table, .json])

    /// The year given; the latest book's when nil.
    var year: Year?
    /// The only tier to list; every tier when nil.
    var tierFilter: Tier?
    var format: OutputFormat
    /// The books (`--tariffs`); this command takes no assumptions.
    var books: BookSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        tierFilter = try arguments.value(Self.tierOption, command: Self.info)
        format = try Self.formats.read(arguments, command: Self.info)
        year = try arguments.value(Self.yearOption, command: Self.info)
        books = try BookSelection(parsing: arguments, command: Self.info)
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let library = try books.library(context)
        let year = try Year.given(year, orLatestIn: library)
        let book = try SharedOptions.book(year: year, library: library)
        // Basis first, then Basis Plus; catalogue order within each tier.
        let tierFilter = self.tierFilter
        let services = Tier.allCases.flatMap { tier in
            book.services.filter { $0.tier == tier && (tierFilter == nil || tierFilter == tier) }
        }

        switch format {
        case .json:
            let root = JSONValue.object(JSONObject([
                .init(key: "year", value: CatalogueRendering.integer(book.year)),
                .init(key: "units", value: .array(book.units.map { TariffBookEncoder.unitJSON($0, resolved: true) })),
                .init(key: "tariffBook", value: CatalogueRendering.bookJSON(book, file: library.fileName(for: year))),
                .init(key: "services", value: .array(services.map { TariffBookEncoder.serviceJSON($0, resolved: true) })),
            ]))
            context.print(JSONWriter.write(root), terminator: true)
        case .table, .csv:
            Self.renderTable(services, book: book, file: library.fileName(for: year), tier: tierFilter, &context)
        }
    }

    private static func renderTable(_ services: [Service], book: TariffBook, file: String, tier: Tier?,
                                    _ context: inout CommandContext) {
        let scope = tier.map { " (\($0.dutchName) only)" } ?? ""
        context.print("\(book.title) · \(book.publisher)")
        context.print("Tariff book \(book.year) (\(file)) · \(services.count) services\(scope) · amounts in euros")

        // One table across all services, so every amount lines up in the same column.
        var table = TextTable([.left, .left, .right, .left, .left, .left])
        var blocks: [(tier: Tier, header: String, rowRange: Range<Int>)] = []
        for service in services {
            let start = table.rows.count
            for component in service.components {
                for row in CatalogueRendering.tariffRows(component, book: book) {
                    table.add(row)
                }
            }
            let header = "\(service.code)  \(service.name)  [\(service.section) · Wsob \(CatalogueRendering.wsobList(service.wsob))]"
            blocks.append((service.tier, header, start..<table.rows.count))
        }
        // The units that derived tariffs are computed from, listed first.
        let unitRows = table.rows.count
        for unit in book.units {
            table.add([unit.name, unit.id, unit.amount.dutchString, "", unit.indexClass.rawValue, unit.note ?? ""])
        }
        let heading = ["COMPONENT", "BASIS", "AMOUNT", "RECURRENCE", "INDEX", "NOTES"]
        table.add(heading)
        let widths = table.widths
        let lines = table.render(indent: "    ", widths: widths)
        context.print()
        context.print("UNITS (derived tariffs are computed from these)")
        for index in unitRows..<(unitRows + book.units.count) {
            context.print(lines[index])
        }
        var currentTier: Tier?
        for block in blocks {
            if block.tier != currentTier {
                currentTier = block.tier
                context.print()
                context.print("\(block.tier.dutchName.uppercased())")
                context.print(lines[lines.count - 1])
            }
            context.print("  " + block.header)
            for index in block.rowRange {
                context.print(lines[index])
            }
        }
    }
}
