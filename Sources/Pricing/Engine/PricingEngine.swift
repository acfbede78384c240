import Catalogue
import JSON
import Money

/// Prices a validated offer: every component of every line for every year, each line computed
/// exactly and rounded once to the precision its tariff was published in, half away from zero.
///
/// Rounding policy (stated once, here): a line's amount is `unitPrice × quantity`, computed
/// exactly and rounded once; a total is the sum of the rounded lines above it, so a total always
/// equals the sum of its lines. Participant fees and VAT are totalled apart from the
/// municipality's amount.
public enum PricingEngine {
    /// The rounding mode of every line.
    public static let rounding: RoundingMode = .halfAwayFromZero

    /// Prices `offer` with the books of its years.
    public static func price(_ offer: ValidatedOffer, books: PricingBooks) throws(PricingError) -> PricedOffer {
        var years: [PricedYear] = []
        var totals = PayerTotals()
        for year in offer.offer.yearRange {
            guard let yearBook = books[year] else { throw .missingBook(year) }
            let priced = try priceYear(year, offer: offer, yearBook: yearBook)
            do { try totals.add(priced.totals) } catch { throw .overflow(path: .root, what: "the offer's total") }
            years.append(priced)
        }
        return PricedOffer(municipality: offer.profile.code, municipalityName: offer.profile.name,
                           title: offer.offer.title, years: years, totals: totals)
    }

    private static func priceYear(_ year: Int, offer: ValidatedOffer, yearBook: YearBook) throws(PricingError) -> PricedYear {
        let book = yearBook.book
        var keyed: [(key: SortKey, line: PricedLine)] = []
        var levels: [ServiceLevelStatement] = []
        for resolved in offer.lines where resolved.startYear <= year {
            guard let serviceIndex = book.services.firstIndex(where: { $0.code == resolved.line.service }) else {
                throw .missingService(resolved.line.service, year: year)
            }
            let service = book.services[serviceIndex]
            let context = LineContext(year: year, yearBook: yearBook, service: service, resolved: resolved,
                                      profile: offer.profile)
            for (componentIndex, component) in service.components.enumerated() {
                let lines = try context.price(component)
                for line in lines {
                    keyed.append((SortKey(service: serviceIndex, component: componentIndex, subject: line.subject ?? "",
                                          detail: line.description ?? "", unitPrice: line.unitPrice.cents,
                                          quantity: line.quantity.plainString), line))
                }
            }
            levels += serviceLevels(service, schools: resolved.schools)
        }
        keyed.sort { $0.key < $1.key }
        var totals = PayerTotals()
        for entry in keyed {
            do { try totals.add(entry.line) } catch { throw .overflow(path: .root, what: "the \(year) total") }
        }
        levels.sort { ($0.service, $0.subject, $0.level) < ($1.service, $1.subject, $1.level) }
        return PricedYear(year: year, bookYear: book.year, status: yearBook.status, bookFile: yearBook.file,
                          projectedFrom: yearBook.projectedFrom, assumptions: yearBook.assumptions,
                          lines: keyed.map(\.line), serviceLevels: levels, totals: totals)
    }

    /// The levels a service promises each school it is taken for.
    private static func serviceLevels(_ service: Service, schools: [School]) -> [ServiceLevelStatement] {
        var statements: [ServiceLevelStatement] = []
        for level in service.serviceLevels where level.input == "pupils" {
            for school in schools {
                guard let result = level.value(forPupils: school.pupils) else { continue }
                statements.append(ServiceLevelStatement(
                    service: service.code, level: level.code, name: level.name, subject: school.id,
                    subjectName: school.name, pupils: school.pupils, value: result.value, unit: level.unit,
                    note: result.note))
            }
        }
        return statements
    }
}

/// Why pricing a validated offer failed.
public enum PricingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A year of the offer has no tariff book.
    case missingBook(Int)
    /// A service disappeared from a year's book.
    case missingService(String, year: Int)
    /// An amount left the supported range.
    case overflow(path: JSONPath, what: String)

    public var description: String {
        switch self {
        case .missingBook(let year): "no tariff book for \(year)"
        case .missingService(let code, let year): "\(code) is not in the \(year) catalogue"
        case .overflow(_, let what): "\(what) is outside the supported range of ±999999999999.99 euro"
        }
    }
}

/// Orders lines the same way whatever the order of the input: catalogue order of services and
/// components, then subject id, then the line's own details.
struct SortKey: Comparable {
    var service: Int
    var component: Int
    var subject: String
    var detail: String
    var unitPrice: Int64
    var quantity: String

    static func < (lhs: SortKey, rhs: SortKey) -> Bool {
        (lhs.service, lhs.component, lhs.subject, lhs.detail, lhs.unitPrice, lhs.quantity)
            < (rhs.service, rhs.component, rhs.subject, rhs.detail, rhs.unitPrice, rhs.quantity)
    }
}
