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
        // Subjects in id order, once: lines are sorted by this rank instead of comparing ids.
        var ids = offer.profile.branches.map(\.id) + offer.profile.schools.map(\.id)
        ids += offer.profile.childcareLocations.map(\.id) + offer.profile.consultationBureaus.map(\.id)
        var subjectRank: [String: Int] = [:]
        for (rank, id) in Set(ids).sorted().enumerated() { subjectRank[id] = rank + 1 }
        for year in offer.offer.yearRange {
            guard let yearBook = books[year] else { throw .missingBook(year) }
            let priced = try priceYear(year, offer: offer, yearBook: yearBook, subjectRank: subjectRank)
            do { try totals.add(priced.totals) } catch { throw .overflow(path: .root, what: "the offer's total") }
            years.append(priced)
        }
        return PricedOffer(municipality: offer.profile.code, municipalityName: offer.profile.name,
                           title: offer.offer.title, years: years, totals: totals)
    }

    private static func priceYear(_ year: Int, offer: ValidatedOffer, yearBook: YearBook,
                                  subjectRank: [String: Int]) throws(PricingError) -> PricedYear {
        let book = yearBook.book
        var lines: [PricedLine] = []
        var keys: [SortKey] = []
        var levels: [ServiceLevelStatement] = []
        for resolved in offer.lines where resolved.startYear <= year {
            guard let serviceIndex = book.services.firstIndex(where: { $0.code == resolved.line.service }) else {
                throw .missingService(resolved.line.service, year: year)
            }
            let service = book.services[serviceIndex]
            let context = LineContext(year: year, yearBook: yearBook, service: service, resolved: resolved,
                                      profile: offer.profile)
            for (componentIndex, component) in service.components.enumerated() {
                for line in try context.price(component) {
                    keys.append(SortKey(service: serviceIndex, component: componentIndex,
                                        subject: line.subject.map { subjectRank[$0] ?? 0 } ?? 0,
                                        detail: line.description ?? "", unitPrice: line.unitPrice.cents, quantity: line.quantity))
                    lines.append(line)
                }
            }
            levels += serviceLevels(service, schools: resolved.schools)
        }
        // Sort positions by key, then lay the lines out in that order: only one extra array of
        // lines exists at a time, and never the keys and lines copied together.
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        keys = []
        var ordered: [PricedLine] = []
        ordered.reserveCapacity(lines.count)
        var totals = PayerTotals()
        for index in order {
            do { try totals.add(lines[index]) } catch { throw .overflow(path: .root, what: "the \(year) total") }
            ordered.append(lines[index])
        }
        lines = []
        levels.sort { ($0.service, $0.subject, $0.level) < ($1.service, $1.subject, $1.level) }
        return PricedYear(year: year, bookYear: book.year, status: yearBook.status, bookFile: yearBook.file,
                          projectedFrom: yearBook.projectedFrom, assumptions: yearBook.assumptions,
                          lines: ordered, serviceLevels: levels, totals: totals)
    }

    /// The levels a service promises each school it is taken for.
    private static func serviceLevels(_ service: Service, schools: [School]) -> [ServiceLevelStatement] {
        var statements: [ServiceLevelStatement] = []
        for level in service.serviceLevels where level.input == "pupils" {
            let definition = ServiceLevelStatement.Definition(service: service.code, level: level.code, name: level.name, unit: level.unit)
            statements.reserveCapacity(statements.count + schools.count)
            for school in schools {
                guard let result = level.value(forPupils: school.pupils) else { continue }
                statements.append(ServiceLevelStatement(definition: definition, subject: school.id, subjectName: school.name,
                                                        pupils: school.pupils, value: result.value, note: result.note))
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
    /// The subject's rank in id order (0 for the municipality as a whole).
    var subject: Int
    var detail: String
    var unitPrice: Int64
    var quantity: Quantity

    static func < (lhs: SortKey, rhs: SortKey) -> Bool {
        if lhs.service != rhs.service { return lhs.service < rhs.service }
        if lhs.component != rhs.component { return lhs.component < rhs.component }
        if lhs.subject != rhs.subject { return lhs.subject < rhs.subject }
        if lhs.detail != rhs.detail { return lhs.detail < rhs.detail }
        if lhs.unitPrice != rhs.unitPrice { return lhs.unitPrice < rhs.unitPrice }
        return lhs.quantity < rhs.quantity
    }
}
