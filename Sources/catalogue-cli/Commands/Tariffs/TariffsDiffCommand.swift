import Catalogue
import JSON
import Money
import Pricing
import Spreadsheets
import Support

/// `catalogue-cli tariffs diff 2025 2026`: every tariff, old and new.
struct TariffsDiffCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["tariffs", "diff"],
        abstract: "Compare two tariff books: every tariff, old, new, change and change in percent.",
        positionals: [Positional(name: "from", help: "The older year, e.g. 2025."), Positional(name: "to", help: "The newer year, e.g. 2026.")],
        options: [formats.info, WorkbookOutput.outOption.info] + BookSelection.withoutAssumptions,
        discussion: """
        --format xlsx --out FILE.xlsx (or just --out FILE.xlsx) writes a workbook for finance: every
        tariff with its service's name, both amounts and the change as euro numbers, the change in
        percent, and a sheet "Uitgangspunten" with each book's file and SHA-256 and how the newer
        book was indexed. A workbook is written to a file, never to standard output.
        """)

    static let formats = ListingOrWorkbookSelection([.table, .json, .csv])

    /// The older year's book is compared with the newer's.
    var older: Int
    var newer: Int
    var format: ListingOrWorkbook
    var out: OutputSelection
    var books: BookSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        guard let older = try arguments.positional(0, as: Year.self, name: "from", command: Self.info),
              let newer = try arguments.positional(1, as: Year.self, name: "to", command: Self.info) else {
            throw .internalError("the parser let tariffs diff run without its two years")
        }
        self.older = older.value
        self.newer = newer.value
        out = try OutputSelection(parsing: arguments, WorkbookOutput.outOption, command: Self.info)
        format = try Self.formats.read(arguments, command: Self.info, out: out.path)
        books = try BookSelection(parsing: arguments, command: Self.info)
    }

    func validate() throws(CLIError) {
        try WorkbookOutput.check(workbook: format == .workbook, out: out.path, command: Self.info)
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let target = try out.target(context)
        let library = try books.library(context)
        let old = try SharedOptions.book(year: older, library: library)
        let new = try SharedOptions.book(year: newer, library: library)
        let diff = TariffDiff(from: old, to: new)
        switch format {
        case .listing(.json): context.print(JSONWriter.write(diff.json), terminator: true)
        case .listing(.csv): context.output += diff.csv
        case .workbook:
            // Each book with the bytes it was read from, in one read, so the hash is of what is shown.
            let (older, newer) = (try read(older, library), try read(newer, library))
            try WorkbookOutput.write(to: target, &context) { () throws(SpreadsheetError) in
                try TariffDiffWorkbook.build(older: older, newer: newer)
            }
        case .listing:
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

    /// The book of `year` with the file it came from and the bytes read.
    private func read(_ year: Int, _ library: TariffLibrary) throws(CLIError) -> TariffDiffWorkbook.ReadBook {
        do {
            let (book, bytes) = try library.loaded(year: year)
            return TariffDiffWorkbook.ReadBook(book: book, file: library.fileName(for: year), bytes: bytes)
        } catch {
            throw .input(error)
        }
    }
}
