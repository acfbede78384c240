import Catalogue
import Money
import Support

/// The percentages of one year's indexation, and the weights of the mixed class.
public struct IndexationParameters: Sendable, Equatable {
    /// The wage percentage (CAO Openbare Bibliotheken), e.g. 3.75.
    public var wage: Percentage
    /// The price percentage (e.g. the CPB's IMOC forecast), e.g. 2.1.
    public var price: Percentage
    /// The weights of wage and price in the mixed class.
    public var weights: MixedWeights

    /// The largest rise or fall a percentage may give; beyond it the input is surely a mistake.
    public static let limit = Percentage(hundredths: 10_000)

    /// Creates parameters; refuses percentages of −100 % or less, or above +100 %.
    public init(wage: Percentage, price: Percentage, weights: MixedWeights) throws(IndexationError) {
        for (name, value) in [("wage", wage), ("price", price)] where value.hundredths <= -10_000 || value > Self.limit {
            throw .percentageOutOfRange(name: name, value: value)
        }
        self.wage = wage
        self.price = price
        self.weights = weights
    }

    /// The weighted percentage of the mixed class, as a fraction of one (3.2 % is 32/1000).
    public var mixedRate: Rational {
        (try? weights.wage.multiplied(by: wage.rational).adding(weights.price.multiplied(by: price.rational))) ?? .zero
    }

    /// The factor a tariff of `indexClass` is multiplied by, or nil when it is not indexed.
    public func factor(for indexClass: IndexClass) -> Rational? {
        switch indexClass {
        case .wage: wage.factor
        case .price: price.factor
        case .mixed: try? Rational.one.adding(mixedRate)
        case .none, .derived: nil
        }
    }
}

/// Why an indexation could not be done.
public enum IndexationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A percentage outside −100 % … +100 %.
    case percentageOutOfRange(name: String, value: Percentage)
    /// An indexed amount left the supported range.
    case overflow(tariff: String)
    /// The indexed book did not resolve (a formula no longer evaluates).
    case invalidResult(String)

    public var description: String {
        switch self {
        case .percentageOutOfRange(let name, let value):
            "the \(name) percentage \(value.plainString) is outside the accepted range above -100 and up to 100"
        case .overflow(let tariff): "indexing \(tariff) gives an amount outside the supported range"
        case .invalidResult(let message): "the indexed book is not valid: \(message)"
        }
    }
}

/// Turns one year's published book into the next year's.
///
/// Each tariff is indexed from the source's published (rounded) amount by the percentage of
/// its class, then rounded once, half away from zero, to the precision it is published in:
/// `wage` by the wage percentage, `price` by the price percentage, `mixed` by the weighted mix,
/// `none` unchanged. Derived tariffs keep their formula and are computed again from the new
/// year's amounts, never indexed themselves. This is compounded, year-on-year indexation:
/// each year starts from the previous year's rounded book.
public enum TariffIndexer {
    /// The next year's book.
    public static func index(_ source: TariffBook, with parameters: IndexationParameters, sourceFile: String,
                             sourceHash: String, date: CalendarDate?, replacedHash: String? = nil) throws(IndexationError) -> TariffBook {
        var indexed = 0, unchanged = 0
        var book: TariffBook
        do {
            book = try source.replacingAmounts { (tariff) throws(MoneyError) -> Money in
                guard let factor = parameters.factor(for: tariff.indexClass) else {
                    unchanged += 1
                    return tariff.amount
                }
                indexed += 1
                return try tariff.amount.indexed(by: factor, to: tariff.precision, .halfAwayFromZero)
            }
        } catch {
            throw .overflow(tariff: "a tariff")
        }
        let year = source.year + 1
        book.year = year
        book.title = title(source.title, from: source.year, to: year)
        let derived = source.allTariffs.filter { $0.indexClass == .derived }.count
        let summary = summaryText(source: source, year: year, parameters: parameters, sourceHash: sourceHash,
                                  indexed: indexed, unchanged: unchanged, derived: derived)
        book.provenance = Provenance(
            kind: Provenance.indexationKind, source: sourceFile, note: nil,
            indexation: IndexationRecord(sourceYear: source.year, sourceHash: sourceHash, wage: parameters.wage,
                                         price: parameters.price, mixedWeights: parameters.weights, date: date,
                                         summary: summary, replacedHash: replacedHash))
        do {
            return try book.recomputingDerived(file: "\(year).json")
        } catch {
            throw .invalidResult(error.description)
        }
    }

    /// The text of an indexed book, checked before it is written exactly as `tariffs validate`
    /// checks the written file: read back by the loader (every rule and limit of a book, such as
    /// the largest tariff) and audited against its source. Indexing can break a limit the source
    /// kept (a tariff just under the maximum, raised by the percentage); such a book is refused
    /// with its problems instead of written.
    public static func checkedText(_ book: TariffBook, file: String,
                                   source: (file: String, bytes: [UInt8])) throws(InputError) -> String {
        let text = TariffBookEncoder.encode(book)
        var problems: [Diagnostic]
        do {
            let reread = try TariffBookLoader.load(bytes: Array(text.utf8), file: file, expectedYear: book.year)
            problems = IndexationAudit.audit(reread, file: file, source: source)
        } catch {
            guard case .invalid(let found) = error else { throw error }
            problems = found
        }
        guard problems.isEmpty else {
            problems.append(Diagnostic(file: file, path: .root,
                                       message: "not written: 'tariffs validate' would reject the indexed book for the problems above"))
            throw .invalid(problems)
        }
        return text
    }

    /// "Activiteitencatalogus 2025" becomes "Activiteitencatalogus 2026"; a title without the
    /// year gets it appended.
    static func title(_ title: String, from: Int, to year: Int) -> String {
        title.contains(String(from)) ? title.replacing(String(from), with: String(year)) : "\(title) \(year)"
    }

    private static func summaryText(source: TariffBook, year: Int, parameters: IndexationParameters, sourceHash: String,
                                    indexed: Int, unchanged: Int, derived: Int) -> String {
        // The date is a field of its own, so a rerun on another day gives the same summary.
        var text = "Tariefboek \(year), geïndexeerd uit tariefboek \(source.year) (\(sourceHash.prefix(19))…)"
        text += ": lonen \(signed(parameters.wage)), prijzen \(signed(parameters.price)), gemengd "
        text += "(\(parameters.weights.wage) loon, \(parameters.weights.price) prijs) \(percentText(parameters.mixedRate)). "
        text += "\(indexed) tarieven geïndexeerd en afgerond op hun gepubliceerde precisie, \(unchanged) niet geïndexeerd, "
        text += "\(derived) afgeleide tarieven opnieuw berekend."
        return text
    }

    /// "+3,75 %", "-1,5 %", "0 %".
    static func signed(_ percentage: Percentage) -> String {
        percentage.hundredths > 0 ? "+" + percentage.dutchString : percentage.dutchString
    }

    /// A rate (a fraction of one) as a Dutch percentage: exact when it has at most four decimals,
    /// else rounded to four with "≈".
    public static func percentText(_ rate: Rational) -> String {
        guard let hundred = try? rate.multiplied(by: Rational(100)) else { return "?" }
        let sign = hundred > .zero ? "+" : ""
        if let exact = Quantity(exactly: hundred), exact.scale <= 4 {
            return sign + exact.dutchString + " %"
        }
        let scaled = (try? hundred.multiplied(by: Rational(10_000)).rounded(.halfAwayFromZero)) ?? 0
        let rounded = (try? Quantity(units: Int64(scaled), scale: 4))?.dutchString ?? "?"
        return "≈ " + sign + rounded + " %"
    }
}
