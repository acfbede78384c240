import Catalogue
import JSON
import Support

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
    /// Loads from files; years after the last published book are projected with `assumptions`.
    public static func load(profileFile: String, offerFile: String, library: TariffLibrary,
                            assumptions: ProjectionAssumptions = ProjectionAssumptions()) throws(InputError) -> PricingRequest {
        let profileBytes = try FileSystem.readFile(profileFile, limit: FileSystem.maximumProfileOrOfferBytes)
        let offerBytes = try FileSystem.readFile(offerFile, limit: FileSystem.maximumProfileOrOfferBytes)
        // A missing assumption is reported only after the offer itself checks out, so the user
        // sees the offer's own problems first and fixes everything in as few rounds as possible.
        var missingAssumption: InputError?
        let request = try load(profileBytes: profileBytes, profileFile: profileFile, offerBytes: offerBytes, offerFile: offerFile) {
            (years) throws(InputError) -> PricingBooks in
            do throws(InputError) {
                return try BookProjector.books(for: years, library: library, assumptions: assumptions)
            } catch {
                guard case .missingAssumption = error else { throw error }
                missingAssumption = error
                return try BookProjector.validationBooks(for: years, library: library)
            }
        }
        if let missingAssumption { throw missingAssumption }
        return request
    }

    /// Loads from bytes, with books from `books` (given the offer's years); the file names are
    /// for messages.
    public static func load(profileBytes: [UInt8], profileFile: String, offerBytes: [UInt8], offerFile: String,
                            books booksForYears: (ClosedRange<Int>) throws(InputError) -> PricingBooks) throws(InputError) -> PricingRequest {
        var problems: [Diagnostic] = []
        let profile = try profile(profileBytes, file: profileFile, problems: &problems)
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
        return try validated(offer, profile: profile, books: books, file: offerFile)
    }

    /// Loads a typed offer (one from the database) with its profile's bytes: the same checks as
    /// an offer read from a file, the number fields of its lines against the books included.
    public static func load(profileBytes: [UInt8], profileFile: String, offer: Offer, offerFile: String,
                            books booksForYears: (ClosedRange<Int>) throws(InputError) -> PricingBooks) throws(InputError) -> PricingRequest {
        var problems: [Diagnostic] = []
        let profile = try profile(profileBytes, file: profileFile, problems: &problems)
        let books = try booksForYears(offer.yearRange)
        problems += OfferLoader.unknownNumberFields(offer, lineNumberFields: books.lineNumberFields, file: offerFile)
        guard problems.isEmpty, let profile else { throw .invalid(problems) }
        return try validated(offer, profile: profile, books: books, file: offerFile)
    }

    /// The profile in `bytes`, or nil with its problems added to `problems`.
    private static func profile(_ bytes: [UInt8], file: String, problems: inout [Diagnostic]) throws(InputError) -> MunicipalityProfile? {
        do {
            return try ProfileLoader.load(bytes: bytes, file: file)
        } catch {
            guard case .invalid(let diagnostics) = error else { throw error }
            problems += diagnostics
            return nil
        }
    }

    /// The offer checked against the profile and the books.
    private static func validated(_ offer: Offer, profile: MunicipalityProfile, books: PricingBooks,
                                  file: String) throws(InputError) -> PricingRequest {
        let collector = DiagnosticCollector(file: file)
        guard let validated = OfferValidator.validate(offer, profile: profile, books: books, collector: collector) else {
            throw .invalid(collector.diagnostics)
        }
        return PricingRequest(offer: validated, books: books)
    }
}
