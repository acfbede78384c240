import Catalogue
import JSON
import Money
import Support

/// The percentages assumed for years without a published book: from `--assume-wage` and
/// `--assume-price`, or from `tariffs/assumptions.json`, per year or as a default.
///
/// ```json
/// { "default": { "wage": "3.00", "price": "2.00" },
///   "years": { "2027": { "wage": "3.50", "price": "2.10", "mixedWageShare": "2/3" } },
///   "note": "Aannames begroting 2026" }
/// ```
public struct ProjectionAssumptions: Sendable {
    /// The rates of one year, each possibly missing.
    public struct Rates: Sendable, Equatable {
        public var wage: Percentage?
        public var price: Percentage?
        public var mixedWageShare: Rational?

        /// Creates rates.
        public init(wage: Percentage? = nil, price: Percentage? = nil, mixedWageShare: Rational? = nil) {
            self.wage = wage
            self.price = price
            self.mixedWageShare = mixedWageShare
        }

        /// These rates, with each missing one taken from `fallback`.
        func filled(from fallback: Rates?) -> Rates {
            Rates(wage: wage ?? fallback?.wage, price: price ?? fallback?.price,
                  mixedWageShare: mixedWageShare ?? fallback?.mixedWageShare)
        }
    }

    /// Rates given on the command line; they win over the file for every year.
    public var flags: Rates
    /// The file's default rates.
    public var fileDefault: Rates?
    /// The file's rates per year.
    public var fileYears: [Int: Rates]
    /// The file the rates came from, if any, for messages.
    public var file: String?

    /// Creates assumptions.
    public init(flags: Rates = Rates(), fileDefault: Rates? = nil, fileYears: [Int: Rates] = [:], file: String? = nil) {
        self.flags = flags
        self.fileDefault = fileDefault
        self.fileYears = fileYears
        self.file = file
    }

    /// The indexation parameters assumed for `year`; `weights` are the book's, unless a share is given.
    public func parameters(for year: Int, weights: MixedWeights) throws(InputError) -> IndexationParameters {
        let rates = flags.filled(from: fileYears[year]).filled(from: fileDefault)
        var missing: [String] = []
        if rates.wage == nil { missing.append("wage") }
        if rates.price == nil { missing.append("price") }
        guard let wage = rates.wage, let price = rates.price else {
            let flagsText = missing.map { "--assume-\($0)" }.joined(separator: " and ")
            let where_ = file.map { "or set them for \(year) (or as \"default\") in \($0)" } ?? "or put them in assumptions.json beside the tariff books"
            throw .missingAssumption(year: year, message:
                "\(year) has no published tariff book, and pricing it needs an assumed \(missing.joined(separator: " and ")) percentage: give \(flagsText), \(where_)")
        }
        var usedWeights = weights
        if let share = rates.mixedWageShare, let priceShare = try? Rational.one.subtracting(share) {
            usedWeights = MixedWeights(wage: share, price: priceShare)
        }
        do {
            return try IndexationParameters(wage: wage, price: price, weights: usedWeights)
        } catch {
            throw .missingAssumption(year: year, message: "the assumptions for \(year) are not usable: \(error)")
        }
    }

    /// Reads an assumptions file, reporting every problem at once.
    public static func load(file: String, flags: Rates) throws(InputError) -> ProjectionAssumptions {
        let bytes = try FileSystem.readFile(file, limit: 1024 * 1024)
        let collector = DiagnosticCollector(file: file)
        let root = try parseInputJSON(bytes, file: file)
        var fileDefault: Rates?
        var years: [Int: Rates] = [:]
        if let reader = ObjectReader(root, at: .root, collector: collector) {
            _ = reader.string("note", required: false)
            fileDefault = reader.object("default", required: false).map(rates)
            if let yearsReader = reader.object("years", required: false) {
                for member in yearsReader.object.members {
                    _ = yearsReader.value(member.key)
                    guard let year = Int(member.key), (2000...2999).contains(year) else {
                        collector.report(yearsReader.path.appending(member.key), "expected a year like \"2027\" as the key, found \"\(member.key)\"")
                        continue
                    }
                    if let yearReader = ObjectReader(member.value, at: yearsReader.path.appending(member.key), collector: collector) {
                        years[year] = rates(yearReader)
                    }
                }
                yearsReader.finish()
            }
            reader.finish()
        }
        try collector.throwIfAny()
        return ProjectionAssumptions(flags: flags, fileDefault: fileDefault, fileYears: years, file: file)
    }

    private static func rates(_ reader: ObjectReader) -> Rates {
        defer { reader.finish() }
        var share: Rational?
        if reader.has("mixedWageShare") {
            share = reader.fraction("mixedWageShare")
            if let value = share, value < .zero || value > .one {
                reader.collector.report(reader.path.appending("mixedWageShare"), "expected a share from 0 to 1, found \(value)")
            }
        }
        return Rates(wage: reader.percentage("wage", required: false), price: reader.percentage("price", required: false),
                     mixedWageShare: share)
    }
}

/// Books for years beyond the last published one, indexed forward year by year from it.
public enum BookProjector {
    /// How far past the last published book a projection may reach: an agreement runs a few
    /// years, and guesses of wage and price decades ahead mean nothing.
    public static let maximumProjectionYears = 20

    /// The books an offer is checked against before (or without) projecting: the published book
    /// of each year, or the latest published one for later years. Their services and rules are
    /// the same; only the amounts differ, and those are projected when the offer is priced.
    public static func validationBooks(for years: ClosedRange<Int>, library: TariffLibrary) throws(InputError) -> PricingBooks {
        guard let latest = library.latestYear else {
            throw .cannotRead(file: library.sourceDescription, reason: "no tariff books (<year>.json) found")
        }
        var byYear: [Int: YearBook] = [:]
        for year in years {
            let source = library.years.contains(year) ? year : latest
            byYear[year] = YearBook(book: try library.book(year: source), status: .published, file: library.fileName(for: source))
        }
        return PricingBooks(byYear: byYear)
    }

    /// The book of every year in `years`: published where the library has one, projected after
    /// the last published year, an error for any other gap.
    public static func books(for years: ClosedRange<Int>, library: TariffLibrary,
                             assumptions: ProjectionAssumptions) throws(InputError) -> PricingBooks {
        guard let latest = library.latestYear else {
            throw .cannotRead(file: library.sourceDescription, reason: "no tariff books (<year>.json) found")
        }
        let missing = years.filter { $0 <= latest && !library.years.contains($0) }
        if let first = missing.first {
            let available = library.years.map(String.init).joined(separator: ", ")
            let list = missing.map(String.init).joined(separator: ", ")
            throw .cannotRead(file: library.fileName(for: first),
                              reason: "no tariff book for \(list) in \(library.sourceDescription) (available: \(available)); the offer runs \(years.lowerBound) to \(years.upperBound)")
        }
        var byYear: [Int: YearBook] = [:]
        for year in years where year <= latest {
            let (book, bytes) = try library.loaded(year: year)
            byYear[year] = YearBook(book: book, status: .published, file: library.fileName(for: year), sourceBytes: bytes)
        }
        guard years.upperBound > latest else { return PricingBooks(byYear: byYear) }
        guard years.upperBound <= latest + maximumProjectionYears else {
            throw .cannotRead(file: library.fileName(for: years.upperBound),
                              reason: "no tariff book for \(years.upperBound), and projections reach at most \(maximumProjectionYears) years past the last published book (\(latest))")
        }

        let (latestBook, latestBytes) = try library.loaded(year: latest)
        var previous = latestBook
        var previousHash = "sha256:" + SHA256.hex(latestBytes)
        var previousFile = "\(latest).json"
        for year in (latest + 1)...years.upperBound {
            let parameters = try assumptions.parameters(for: year, weights: previous.mixedWeights)
            let projected: TariffBook
            do {
                projected = try TariffIndexer.index(previous, with: parameters, sourceFile: previousFile, sourceHash: previousHash, date: nil)
            } catch {
                throw .invalid([Diagnostic(file: "\(year) (projected)", path: .root, message: error.description)])
            }
            if years.contains(year) {
                byYear[year] = YearBook(book: projected, status: .projected, file: library.fileName(for: latest),
                                        projectedFrom: latest, assumptions: parameters)
            }
            previousHash = "sha256:" + SHA256.hex(Array(TariffBookEncoder.encode(projected).utf8))
            previousFile = "\(year) (projected)"
            previous = projected
        }
        return PricingBooks(byYear: byYear)
    }
}
