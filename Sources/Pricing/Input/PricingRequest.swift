import Catalogue
import JSON

/// Everything needed to price an offer: the validated offer and the books of its years.
public struct PricingRequest: Sendable {
    /// The offer, checked against the profile and the books.
    public var offer: ValidatedOffer
    /// The book of every offer year.
    public var books: PricingBooks
}

/// Loads a profile, an offer and the books of the offer's years, and validates them, reporting
/// the problems of both files together.
public enum PricingRequestLoader {
    /// Loads from files.
    public static func load(profileFile: String, offerFile: String, library: TariffLibrary) throws(InputError) -> PricingRequest {
        let profileBytes = try FileSystem.readFile(profileFile)
        let offerBytes = try FileSystem.readFile(offerFile)
        return try load(profileBytes: profileBytes, profileFile: profileFile, offerBytes: offerBytes,
                        offerFile: offerFile, library: library)
    }

    /// Loads from bytes, with the books of a library; the file names are for messages.
    public static func load(profileBytes: [UInt8], profileFile: String, offerBytes: [UInt8], offerFile: String,
                            library: TariffLibrary) throws(InputError) -> PricingRequest {
        try load(profileBytes: profileBytes, profileFile: profileFile, offerBytes: offerBytes, offerFile: offerFile) {
            (years) throws(InputError) -> PricingBooks in try loadBooks(years, library: library)
        }
    }

    /// Loads from bytes, with books from `books` (given the offer's years); the file names are
    /// for messages.
    public static func load(profileBytes: [UInt8], profileFile: String, offerBytes: [UInt8], offerFile: String,
                            books booksForYears: (ClosedRange<Int>) throws(InputError) -> PricingBooks) throws(InputError) -> PricingRequest {
        var problems: [Diagnostic] = []
        var profile: MunicipalityProfile?
        do {
            profile = try ProfileLoader.load(bytes: profileBytes, file: profileFile)
        } catch {
            guard case .invalid(let diagnostics) = error else { throw error }
            problems += diagnostics
        }
        let offerJSON: JSONValue
        do {
            offerJSON = try OfferLoader.parse(bytes: offerBytes, file: offerFile)
        } catch {
            guard case .invalid(let diagnostics) = error else { throw error }
            throw .invalid(problems + diagnostics)
        }
        var books = PricingBooks(byYear: [:])
        if let years = OfferLoader.years(of: offerJSON) {
            books = try booksForYears(years)
        }
        var offer: Offer?
        do {
            offer = try OfferLoader.load(json: offerJSON, file: offerFile, lineNumberFields: books.lineNumberFields)
        } catch {
            guard case .invalid(let diagnostics) = error else { throw error }
            problems += diagnostics
        }
        guard problems.isEmpty, let profile, let offer else { throw .invalid(problems) }
        let collector = DiagnosticCollector(file: offerFile)
        guard let validated = OfferValidator.validate(offer, profile: profile, books: books, collector: collector) else {
            throw .invalid(collector.diagnostics)
        }
        return PricingRequest(offer: validated, books: books)
    }

    /// The published book of every year, or an error naming every year without one.
    public static func loadBooks(_ years: ClosedRange<Int>, library: TariffLibrary) throws(InputError) -> PricingBooks {
        let missing = years.filter { !library.years.contains($0) }
        if let first = missing.first {
            let available = library.years.isEmpty ? "none" : library.years.map(String.init).joined(separator: ", ")
            let list = missing.map(String.init).joined(separator: ", ")
            throw .cannotRead(file: library.fileName(for: first),
                              reason: "no tariff book for \(list) in \(library.sourceDescription) (available: \(available)); the offer runs \(years.lowerBound) to \(years.upperBound)")
        }
        var byYear: [Int: YearBook] = [:]
        for year in years {
            byYear[year] = YearBook(book: try library.book(year: year), status: .published, file: library.fileName(for: year))
        }
        return PricingBooks(byYear: byYear)
    }
}
