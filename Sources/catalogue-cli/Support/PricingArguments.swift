import Catalogue
import Support

// The value types of the catalogue and pricing commands (`services`, `service`, `price`,
// `compose`, `compare`, `quote`, `contract`, `demo`), read through `ArgumentValue` like every
// other typed option.

/// A tier of the catalogue (`services --tier`): `basis` or `basis-plus`.
extension Tier: ArgumentValue {
    static func convert(_ text: String) -> Tier? { Tier(rawValue: text) }
    static var expectation: String { "'basis' or 'basis-plus'" }
}

/// A service code as the catalogue writes it (`compose --require`, `--exclude`): lowercase
/// letters, digits and single hyphens, like `dbos-po`. Whether the year's catalogue has the
/// service is checked against its book, which suggests the nearest codes.
struct ServiceCode: ArgumentValue, Hashable {
    var code: String

    /// The longest code accepted; the catalogue's codes are far shorter.
    static let maximumLength = 100

    static func convert(_ text: String) -> ServiceCode? {
        guard text.utf8.count <= maximumLength, isCode(text) else { return nil }
        return ServiceCode(code: text)
    }
    static var expectation: String { "a service code of lowercase letters, digits and single hyphens like dbos-po" }
}

/// The formats `compare` writes: a table, JSON, the Dutch HTML page, or a workbook.
enum ComparisonFormat: String, ArgumentValue {
    case table
    case json
    case html
    /// An XLSX workbook, written to the `--out` file only.
    case xlsx

    static func convert(_ text: String) -> ComparisonFormat? { ComparisonFormat(rawValue: text) }
    static var expectation: String { "'table', 'json', 'html' or 'xlsx'" }

    /// The format the `--out` file's extension asks for (`.json`, `.html`, `.htm`, `.xlsx`, in any
    /// case), else a table.
    static func fromExtension(of out: String?) -> ComparisonFormat {
        let out = out?.lowercased() ?? ""
        if out.hasSuffix(".json") { return .json }
        if out.hasSuffix(".html") || out.hasSuffix(".htm") { return .html }
        if WorkbookOutput.isWorkbookFile(out) { return .xlsx }
        return .table
    }
}

extension Year {
    /// The year of `given`, else the latest year `library` has a book for; no book at all cannot
    /// be read (exit 66).
    static func given(_ given: Year?, orLatestIn library: TariffLibrary) throws(CLIError) -> Int {
        if let given { return given.value }
        guard let latest = library.latestYear else {
            throw .input(.cannotRead(file: library.sourceDescription, reason: "no tariff books (<year>.json) found"))
        }
        return latest
    }
}
