import Catalogue
import Money
import Pricing
import Support

/// Options several commands share, with one parser each so they behave the same everywhere.
enum SharedOptions {
    static let tariffs = OptionInfo(
        name: "--tariffs", valueName: "directory",
        help: "The directory of tariff books (<year>.json). Default: tariffs/ in the working directory, else the books bundled with the tool.")

    static func year(_ help: String = "The tariff book's year. Default: the latest book available.") -> OptionInfo {
        OptionInfo(name: "--year", valueName: "year", help: help)
    }

    /// The projection assumptions for years after the last published book.
    static let assumeWage = Option<Percentage>(
        "--assume-wage", valueName: "percent", help: "The wage percentage assumed for years after the last published book.")
    static let assumePrice = Option<Percentage>(
        "--assume-price", valueName: "percent", help: "The price percentage assumed for those years.")
    static let assumeMixedWageShare = Option<Rational>(
        "--assume-mixed-wage-share", valueName: "fraction", help: "The wage share of the mixed class for those years.")

    static func format(_ formats: [OutputFormat]) -> OptionInfo {
        OptionInfo(name: "--format", valueName: "format",
                   help: "Output format: " + formats.map(\.rawValue).joined(separator: " or ") + ". Default: \(formats[0].rawValue).")
    }

    /// Loads the book of a year.
    static func book(year: Int, library: TariffLibrary) throws(CLIError) -> TariffBook {
        do {
            return try library.book(year: year)
        } catch {
            throw .input(error)
        }
    }

}

/// The output formats commands offer.
enum OutputFormat: String, Sendable {
    case table
    case json
    case csv
}
