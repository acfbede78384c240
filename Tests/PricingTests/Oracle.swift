import Catalogue
import Money
import Pricing

/// An independent computation of what an offer line should cost, written from the catalogue's
/// rules without the engine's code: plain integer arithmetic and its own rounding. The matrix
/// compares the engine with it.
struct ExpectedLine: Hashable, CustomStringConvertible {
    var year: Int
    var service: String
    var component: String
    var subject: String?
    var cents: Int64
    var payer: Payer

    var description: String { "\(year) \(service)/\(component) \(subject ?? "-") \(cents) \(payer.rawValue)" }
}

/// The line of an offer as the matrix builds it.
struct LineSpec {
    var service: String
    var branches: [Branch]
    var schools: [School]
    var childcare: [Location]
    var bureaus: [Location]
    var inhabitants: Int
    var package: String? = nil
    var level: String? = nil
    var hours: (units: Int64, scale: Int)? = nil
    var hoursPerWeek: (units: Int64, scale: Int)? = nil
    var participants: Int? = nil
    var activities: Int? = nil
    var quoteCents: Int64? = nil
    var quoteOneOff: Bool = false
    var startYear: Int
    var serviceFirstYear: Int
}

enum Oracle {
    /// Rounds n / d half away from zero to whole multiples of `step` (in the same unit as n / d).
    static func round(_ numerator: Int128, _ denominator: Int128, step: Int128) -> Int64 {
        let scaledDenominator = denominator * step
        let magnitude = numerator.magnitude
        var quotient = magnitude / scaledDenominator.magnitude
        let remainder = magnitude % scaledDenominator.magnitude
        if remainder * 2 >= scaledDenominator.magnitude { quotient += 1 }
        let value = Int128(quotient) * step
        return Int64(numerator < 0 ? -value : value)
    }

    static func power(_ scale: Int) -> Int128 {
        var result: Int128 = 1
        for _ in 0..<scale { result *= 10 }
        return result
    }

    /// Cents of `unit` × `quantity` (units / 10^scale), rounded once at the tariff's precision.
    static func amount(_ tariff: Tariff, units: Int64, scale: Int) -> Int64 {
        round(Int128(tariff.amount.cents) * Int128(units), power(scale), step: tariff.precision == .euro ? 100 : 1)
    }

    static func expected(_ spec: LineSpec, years: ClosedRange<Int>, books: [Int: TariffBook]) -> [ExpectedLine] {
        var result: [ExpectedLine] = []
        for year in years where year >= spec.startYear {
            let service = books[year]!.service(spec.service)!
            for component in service.components {
                func add(_ subject: String?, _ cents: Int64) {
                    result.append(ExpectedLine(year: year, service: service.code, component: component.code,
                                               subject: subject, cents: cents, payer: component.payer))
                }
                if component.basis == .customQuote {
                    if let cents = spec.quoteCents, !spec.quoteOneOff || year == spec.startYear,
                       service.components.filter({ $0.basis == .customQuote }).first?.code == component.code {
                        add(nil, cents)
                    }
                    continue
                }
                switch component.recurrence! {
                case .annual: break
                case .oneOff: if year != spec.serviceFirstYear { continue }
                case .annualFromSecondYear: if year <= spec.serviceFirstYear { continue }
                }
                func single() -> Tariff {
                    if case .single(let published) = component.pricing { return published.tariff }
                    fatalError("not a single tariff")
                }
                func option(_ key: String?) -> ComponentOption? {
                    if case .table(_, _, let options) = component.pricing { return options.first { $0.key == key } }
                    return nil
                }
                let weekly = component.scaledBy.map { _ in spec.hoursPerWeek ?? (units: Int64(component.scaledBy!.defaultValue.units), scale: component.scaledBy!.defaultValue.scale) }
                let perSubject = weekly ?? (units: 1, scale: 0)
                switch component.basis {
                case .perMunicipality:
                    add(nil, amount(single(), units: perSubject.units, scale: perSubject.scale))
                case .perInhabitant:
                    add(nil, amount(single(), units: Int64(spec.inhabitants), scale: 0))
                case .perBranch:
                    for branch in spec.branches {
                        if case .table = component.pricing {
                            guard let chosen = option(branch.size.rawValue) else { continue }
                            add(branch.id, amount(chosen.tariff, units: 1, scale: 0))
                        } else {
                            add(branch.id, amount(single(), units: 1, scale: 0))
                        }
                    }
                case .perPupil:
                    for school in spec.schools { add(school.id, amount(single(), units: Int64(school.pupils), scale: 0)) }
                case .perSchool:
                    for school in spec.schools { add(school.id, amount(single(), units: 1, scale: 0)) }
                case .perChildcareLocation:
                    for location in spec.childcare { add(location.id, amount(single(), units: perSubject.units, scale: perSubject.scale)) }
                case .perConsultationBureau:
                    for location in spec.bureaus { add(location.id, amount(single(), units: perSubject.units, scale: perSubject.scale)) }
                case .perPackage:
                    add(nil, amount(option(spec.package)!.tariff, units: 1, scale: 0))
                case .perHour:
                    add(nil, amount(option(spec.level)!.tariff, units: spec.hours!.units, scale: spec.hours!.scale))
                case .perParticipant:
                    guard let participants = spec.participants ?? component.planningParticipantsPerActivity else { continue }
                    let tables = service.components.compactMap { other -> (OptionDimension, [ComponentOption])? in
                        if case .table(let dimension, _, let options) = other.pricing, options.contains(where: { $0.activities != nil }) {
                            return (dimension, options)
                        }
                        return nil
                    }
                    if let (dimension, options) = tables.first {
                        if dimension == .branchSize {
                            for branch in spec.branches {
                                guard let activities = options.first(where: { $0.key == branch.size.rawValue })?.activities else { continue }
                                add(branch.id, amount(single(), units: Int64(activities * participants), scale: 0))
                            }
                        } else if let activities = options.first(where: { $0.key == spec.package })?.activities {
                            add(nil, amount(single(), units: Int64(activities * participants), scale: 0))
                        }
                    } else if let activities = spec.activities {
                        add(nil, amount(single(), units: Int64(activities * participants), scale: 0))
                    }
                case .customQuote:
                    break
                }
            }
        }
        return result
    }
}
