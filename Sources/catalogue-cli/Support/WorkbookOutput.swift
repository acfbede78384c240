import Spreadsheets
import Workbook

/// What a command that prints a listing or writes a workbook was asked for.
enum ListingOrWorkbook: Equatable, Sendable {
    /// A listing on standard output, in this format.
    case listing(OutputFormat)
    /// An XLSX workbook, written to the `--out` file.
    case workbook
}

/// `--format` of a command that prints a listing or writes a workbook: one of the listing formats
/// the command offers (the first is the default) or `xlsx`. Without `--format`, an `--out` file
/// ending in `.xlsx` asks for the workbook.
struct ListingOrWorkbookSelection: Sendable {
    /// The listing formats, the default first.
    var listings: [OutputFormat]

    /// The selection of `listings`, the first being the default.
    init(_ listings: [OutputFormat]) {
        self.listings = listings
    }

    /// `--format` for help and parsing.
    var info: OptionInfo {
        OptionInfo(name: "--format", valueName: "format",
                   help: "Output format: " + listings.map(\.rawValue).joined(separator: " or ")
                       + ", or xlsx (a workbook, written to --out). Default: xlsx when --out names a .xlsx file, else \(listings[0].rawValue).")
    }

    /// The format given; without one, the workbook when `out` ends in `.xlsx`, else the default
    /// listing. A format the command does not offer is refused with the ones it does.
    func read(_ arguments: ParsedArguments, command: CommandInfo, out: String?) throws(CLIError) -> ListingOrWorkbook {
        guard let text = arguments.values[info.name] else {
            return WorkbookOutput.isWorkbookFile(out) ? .workbook : .listing(listings[0])
        }
        if text == WorkbookOutput.formatName { return .workbook }
        guard let format = OutputFormat.convert(text), listings.contains(format) else {
            let names = listings.map(\.rawValue) + [WorkbookOutput.formatName]
            throw .usage("'--format' expects " + names.map { "'\($0)'" }.joined(separator: " or ") + ", found '\(ArgumentText.shown(text))'",
                         command: command)
        }
        return .listing(format)
    }
}

/// Writing a workbook: always to a file named by `--out`, never to standard output.
enum WorkbookOutput {
    /// The `--format` value that asks for a workbook.
    static let formatName = "xlsx"

    /// `--out` of the commands whose only file output is the workbook (`price`, `contract show`,
    /// `tariffs diff`).
    static let outOption = Option<String>(
        "--out", valueName: "file", help: "Write the workbook to this file (with --format xlsx, which a file ending in .xlsx implies).")

    /// Whether `path` names a workbook by its extension (`.xlsx`, in any case).
    static func isWorkbookFile(_ path: String?) -> Bool {
        path?.lowercased().hasSuffix(".xlsx") == true
    }

    /// The check of a command whose `--out` writes only workbooks: a workbook needs a file, and
    /// any other format takes none.
    static func check(workbook: Bool, out: String?, command: CommandInfo) throws(CLIError) {
        if workbook {
            try requireFile(out, command: command)
        } else {
            try refuseListingFile(out, command: command)
        }
    }

    /// Refuses a workbook without a file to write it to, or with `--out -`: a workbook is never
    /// written to a terminal or a pipe.
    static func requireFile(_ out: String?, command: CommandInfo) throws(CLIError) {
        guard let out, out != "-" else {
            throw .usage("a workbook is written to a file, never to standard output; give '--out <file>.xlsx'", command: command)
        }
    }

    /// Refuses `--out` with a listing format, for the commands whose `--out` holds only a workbook.
    static func refuseListingFile(_ out: String?, command: CommandInfo) throws(CLIError) {
        guard out != nil else { return }
        throw .usage("'--out' writes a workbook: give a file ending in .xlsx or '--format xlsx'; the other formats go to standard output",
                     command: command)
    }

    /// Builds the workbook and writes its bytes to the target's file atomically, then says so. A
    /// workbook too large for a sheet is refused (exit 65); any other failure to build it is a bug.
    static func write(to target: OutputTarget?, _ context: inout CommandContext,
                      _ build: () throws(SpreadsheetError) -> Workbook) throws(CLIError) {
        // validate() has required the file (WorkbookOutput.check); without one this is a bug.
        guard let target else { throw .internalError("a workbook without its --out file") }
        let bytes: [UInt8]
        do {
            bytes = try build().bytes()
        } catch let error as SpreadsheetError {
            throw error.isTooLarge ? .refused(error.description) : .internalError(error.description)
        } catch {
            throw .internalError("the workbook cannot be written: \(error)")
        }
        try DocumentOutput.writeFile(bytes, to: target)
        context.print("Wrote the workbook to \(target.path).")
    }
}
