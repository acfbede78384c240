import Catalogue
import JSON
import Money
import Pricing
import Support

/// `catalogue-cli tariffs diff 2025 2026`: every tariff, old and new.
struct TariffsDiffCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["tariffs", "diff"],
        abstract: "Compare two tariff books: every tariff, old, new, change and change in percent.",
        positionals: [Positional(name: "from", help: "The older year, e.g. 2025."), Positional(name: "to", help: "The newer year, e.g. 2026.")],
        options: [formats.info] + BookSelection.withoutAssumptions)

    static let formats = FormatSelection([.table, .json, .csv])

    /// The older year's book is compared with the newer's.
    var older: Int
    var newer: Int
    var format: OutputFormat
    var books: BookSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        guard let older = try arguments.positional(0, as: Year.self, name: "from", command: Self.info),
              let newer = try arguments.positional(1, as: Year.self, name: "to", command: Self.info) else {
            throw .internalError("the parser let tariffs diff run without its two years")
        }
        self.older = older.value
        self.newer = newer.value
        format = try Self.formats.read(arguments, command: Self.info)
        books = try BookSelection(parsing: arguments, command: Self.info)
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let library = try books.library(context)
        let old = try SharedOptions.book(year: older, library: library)
        let new = try SharedOptions.book(year: newer, library: library)
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
