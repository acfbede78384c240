import Catalogue
import JSON
import Money
import Support

/// An offer line with everything the engine needs resolved: its subjects from the profile and
/// the years it runs.
public struct ResolvedLine: Sendable {
    /// The line's position in the offer file (`lines[index]`).
    public var index: Int
    /// The line as written.
    public var line: OfferLine
    /// The branches it is taken for.
    public var branches: [Branch]
    /// The schools it is taken for.
    public var schools: [School]
    /// The childcare locations it is taken for.
    public var childcareLocations: [Location]
    /// The consultation bureaus it is taken for.
    public var consultationBureaus: [Location]
    /// The first year the line is priced in this offer.
    public var startYear: Int
    /// The service's first year: `runningSince` when it already runs, else `startYear`. One-off
    /// components fall in this year; "from the second year" components after it.
    public var serviceFirstYear: Int
}

/// An offer checked against its profile and tariff books, ready to price.
public struct ValidatedOffer: Sendable {
    /// The offer as written.
    public var offer: Offer
    /// The municipality.
    public var profile: MunicipalityProfile
    /// Every line, resolved.
    public var lines: [ResolvedLine]
}

/// Checks that an offer makes sense for a profile and the books of its years, reporting every
/// problem with its path in the offer: unknown services and subjects, rules of the catalogue
/// (branch sizes, school levels, Thuislezen needing dBos PO, ranges), missing choices and
/// quotes, years and inhabitant counts.
public enum OfferValidator {
    /// Validates; returns nil when anything was reported to `collector`.
    public static func validate(_ offer: Offer, profile: MunicipalityProfile, books: PricingBooks,
                                collector: DiagnosticCollector) -> ValidatedOffer? {
        let root = JSONPath.root
        if offer.municipality != profile.code {
            collector.report(root.appending("municipality"),
                             "the offer is for \(quotedText(offer.municipality)), but the profile is for \(quotedText(profile.code))")
        }
        var resolved: [ResolvedLine] = []
        for (index, line) in offer.lines.enumerated() {
            let path = root.appending("lines").appending(index: index)
            if let resolvedLine = validateLine(line, index: index, at: path, offer: offer, profile: profile,
                                               books: books, collector: collector) {
                resolved.append(resolvedLine)
            }
        }
        guard collector.isEmpty else { return nil }
        checkAcrossLines(resolved, offer: offer, books: books, collector: collector)
        guard collector.isEmpty else { return nil }
        return ValidatedOffer(offer: offer, profile: profile, lines: resolved)
    }

    // MARK: One line

    /// Checks one line in the order its diagnostics are reported and resolves it; nil when anything was reported.
    private static func validateLine(_ line: OfferLine, index: Int, at path: JSONPath, offer: Offer,
                                     profile: MunicipalityProfile, books: PricingBooks,
                                     collector: DiagnosticCollector) -> ResolvedLine? {
        let errorsBefore = collector.diagnostics.count
        // Years first: they decide which books the line is checked against.
        guard let years = checkYears(line, offer: offer, at: path, collector: collector),
              let service = checkService(line, years: years.priced, books: books, at: path, collector: collector) else {
            return nil
        }
        let subjects = selectSubjects(line, service: service, profile: profile, offer: offer, at: path, collector: collector)
        checkChoices(line, service: service, at: path, collector: collector)
        checkNumbers(line, service: service, at: path, collector: collector)
        checkQuotes(line, service: service, at: path, collector: collector)
        checkInhabitants(service, years: years.priced, profile: profile, at: path, collector: collector)
        guard collector.diagnostics.count == errorsBefore else { return nil }
        return ResolvedLine(index: index, line: line, branches: subjects.branches, schools: subjects.schools,
                            childcareLocations: subjects.childcareLocations, consultationBureaus: subjects.consultationBureaus,
                            startYear: years.start, serviceFirstYear: years.serviceFirst)
    }

    /// The years of one line: when it starts in the offer, when its service first ran, and the years it is priced.
    private struct LineYears {
        var start: Int
        var serviceFirst: Int
        var priced: ClosedRange<Int>
    }

    /// Checks `startYear` lies in the offer and `runningSince` before it (never both); nil when either is wrong.
    private static func checkYears(_ line: OfferLine, offer: Offer, at path: JSONPath,
                                   collector: DiagnosticCollector) -> LineYears? {
        var startYear = offer.firstYear
        if let requested = line.startYear {
            guard offer.yearRange.contains(requested) else {
                collector.report(path.appending("startYear"),
                                 "startYear \(requested) is outside the offer, which runs \(offer.firstYear) to \(offer.yearRange.upperBound)")
                return nil
            }
            startYear = requested
        }
        var serviceFirstYear = startYear
        if let since = line.runningSince {
            if line.startYear != nil {
                collector.report(path.appending("runningSince"), "give either startYear (a later start) or runningSince (already running), not both")
                return nil
            }
            guard since < offer.firstYear else {
                collector.report(path.appending("runningSince"),
                                 "runningSince \(since) must be before the offer's first year \(offer.firstYear); leave it out for a service that starts with the offer")
                return nil
            }
            serviceFirstYear = since
        }
        return LineYears(start: startYear, serviceFirst: serviceFirstYear, priced: startYear...offer.yearRange.upperBound)
    }

    /// Checks the service is in the book of every year the line runs; nil when its first year's book lacks it.
    private static func checkService(_ line: OfferLine, years: ClosedRange<Int>, books: PricingBooks, at path: JSONPath,
                                     collector: DiagnosticCollector) -> Service? {
        guard let firstBook = books[years.lowerBound]?.book else { return nil }
        guard let service = firstBook.service(line.service) else {
            var message = "unknown service \(quotedText(line.service)) in the \(years.lowerBound) catalogue"
            if let hint = didYouMean(suggestions(for: line.service, among: firstBook.services.map(\.code))) {
                message += "; " + hint
            } else {
                message += "; 'catalogue-cli services' lists the codes"
            }
            collector.report(path.appending("service"), message)
            return nil
        }
        for year in years.dropFirst() where books[year]?.book.service(line.service) == nil {
            collector.report(path.appending("service"), "\(line.service) is not in the \(year) catalogue")
        }
        return service
    }

    /// The subjects one line is taken for, per kind.
    private struct LineSubjects {
        var branches: [Branch] = []
        var schools: [School] = []
        var childcareLocations: [Location] = []
        var consultationBureaus: [Location] = []
    }

    /// Checks the line names only subjects its service is taken per, and selects each kind the service uses.
    private static func selectSubjects(_ line: OfferLine, service: Service, profile: MunicipalityProfile, offer: Offer,
                                       at path: JSONPath, collector: DiagnosticCollector) -> LineSubjects {
        let kinds = service.subjectKinds
        for kind in SubjectKind.allCases where line.subjects[kind] != nil && !kinds.contains(kind) {
            collector.report(path.appending(kind.field), "\(service.code) is not taken per \(kind.noun); leave out \"\(kind.field)\"")
        }
        var subjects = LineSubjects()
        if kinds.contains(.branch) {
            subjects.branches = selectBranches(line, service: service, profile: profile, at: path, collector: collector)
        }
        if kinds.contains(.school) {
            subjects.schools = selectSchools(line, service: service, profile: profile, offer: offer, at: path, collector: collector,
                                             requiredPartner: service.requiredServiceOnSchool)
        }
        let locations: [(kind: SubjectKind, available: [Location], selected: WritableKeyPath<LineSubjects, [Location]>)] = [
            (.childcareLocation, profile.childcareLocations, \.childcareLocations),
            (.consultationBureau, profile.consultationBureaus, \.consultationBureaus),
        ]
        for location in locations where kinds.contains(location.kind) {
            subjects[keyPath: location.selected] = selectLocations(line, kind: location.kind, service: service, available: location.available,
                                                                   profile: profile, at: path, collector: collector)
        }
        return subjects
    }

    private static func selectBranches(_ line: OfferLine, service: Service, profile: MunicipalityProfile,
                                       at path: JSONPath, collector: DiagnosticCollector) -> [Branch] {
        let allowed = service.allowedBranchSizes
        guard let ids = line.subjects[.branch] else {
            let matching = profile.branches.filter { allowed.contains($0.size) }
            if matching.isEmpty {
                collector.report(path, "the profile has no branch \(sizeList(allowed)) for \(service.code)")
            }
            return matching
        }
        var result: [Branch] = []
        for (position, id) in ids.enumerated() {
            let idPath = path.appending("branches").appending(index: position)
            guard let branch = profile.branches.first(where: { $0.id == id }) else {
                reportUnknownSubject(id, kind: .branch, candidates: profile.branches.map(\.id), profile: profile, at: idPath, collector: collector)
                continue
            }
            if !allowed.contains(branch.size) {
                collector.report(idPath, "\(service.code) is only for branches \(sizeList(allowed)); \(quotedText(id)) is a \(branch.size.rawValue) branch")
                continue
            }
            if result.contains(where: { $0.id == id }) {
                collector.report(idPath, "branch \(quotedText(id)) is listed twice")
                continue
            }
            result.append(branch)
        }
        return result
    }

    private static func selectSchools(_ line: OfferLine, service: Service, profile: MunicipalityProfile, offer: Offer,
                                      at path: JSONPath, collector: DiagnosticCollector, requiredPartner: String?) -> [School] {
        let level = service.requiredSchoolLevel
        guard let ids = line.subjects[.school] else {
            var matching = profile.schools.filter { level == nil || $0.level == level }
            if let partner = requiredPartner {
                // Matching schools are those that take the required service in this offer.
                let partnered = Set(offer.lines.filter { $0.service == partner }.flatMap { partnerLine in
                    partnerLine.subjects[.school] ?? profile.schools.filter { level == nil || $0.level == level }.map(\.id)
                })
                matching = matching.filter { partnered.contains($0.id) }
                if matching.isEmpty {
                    collector.report(path, "\(service.code) needs \(partner) on the same school, and no school has \(partner) in this offer")
                }
                return matching
            }
            if matching.isEmpty {
                collector.report(path, "the profile has no \(level.map { "\($0.rawValue) " } ?? "")schools for \(service.code)")
            }
            return matching
        }
        var result: [School] = []
        for (position, id) in ids.enumerated() {
            let idPath = path.appending("schools").appending(index: position)
            guard let school = profile.schools.first(where: { $0.id == id }) else {
                reportUnknownSubject(id, kind: .school, candidates: profile.schools.map(\.id), profile: profile, at: idPath, collector: collector)
                continue
            }
            if let level, school.level != level {
                collector.report(idPath, "\(service.code) is only for \(level.rawValue) schools; \(quotedText(id)) is a \(school.level.rawValue) school")
                continue
            }
            if result.contains(where: { $0.id == id }) {
                collector.report(idPath, "school \(quotedText(id)) is listed twice")
                continue
            }
            result.append(school)
        }
        return result
    }

    private static func selectLocations(_ line: OfferLine, kind: SubjectKind, service: Service, available: [Location],
                                        profile: MunicipalityProfile, at path: JSONPath,
                                        collector: DiagnosticCollector) -> [Location] {
        guard let ids = line.subjects[kind] else {
            if available.isEmpty {
                collector.report(path, "the profile has no \(kind.noun)s for \(service.code)")
            }
            return available
        }
        var result: [Location] = []
        for (position, id) in ids.enumerated() {
            let idPath = path.appending(kind.field).appending(index: position)
            guard let location = available.first(where: { $0.id == id }) else {
                reportUnknownSubject(id, kind: kind, candidates: available.map(\.id), profile: profile, at: idPath, collector: collector)
                continue
            }
            if result.contains(where: { $0.id == id }) {
                collector.report(idPath, "\(kind.noun) \(quotedText(id)) is listed twice")
                continue
            }
            result.append(location)
        }
        return result
    }

    private static func reportUnknownSubject(_ id: String, kind: SubjectKind, candidates: [String], profile: MunicipalityProfile,
                                             at path: JSONPath, collector: DiagnosticCollector) {
        var message = "no \(kind.noun) \(quotedText(id)) in the profile of \(profile.code)"
        if let hint = didYouMean(suggestions(for: id, among: candidates)) { message += "; " + hint }
        collector.report(path, message)
    }

    private static func checkChoice(_ value: String?, field: String, dimension: OptionDimension, service: Service,
                                    at path: JSONPath, collector: DiagnosticCollector) {
        guard let component = service.optionComponent(by: dimension),
              case .table(_, _, let options) = component.pricing else {
            if value != nil {
                collector.report(path.appending(field), "\(service.code) takes no \"\(field)\"")
            }
            return
        }
        let keys = options.map(\.key)
        guard let value else {
            collector.report(path, "\(service.code) needs a \"\(field)\": one of " + keys.map { "\"\($0)\"" }.joined(separator: ", "))
            return
        }
        if !keys.contains(value) {
            collector.report(path.appending(field),
                             "unknown \(field) \(quotedText(value)) for \(service.code); expected one of " + keys.map { "\"\($0)\"" }.joined(separator: ", "))
        }
    }

    /// Checks the line's package and level, in that order, against the option tables of its service.
    private static func checkChoices(_ line: OfferLine, service: Service, at path: JSONPath, collector: DiagnosticCollector) {
        let choices: [(value: String?, field: String, dimension: OptionDimension)] = [
            (line.package, "package", .package),
            (line.level, "level", .level),
        ]
        for choice in choices {
            checkChoice(choice.value, field: choice.field, dimension: choice.dimension, service: service, at: path, collector: collector)
        }
    }

    /// Checks the line gives only the numbers its service uses, hours when priced per hour, and numbers within the book's rules.
    private static func checkNumbers(_ line: OfferLine, service: Service, at path: JSONPath, collector: DiagnosticCollector) {
        let fields = service.numberFields
        for field in line.numbers.keys.sorted() where !fields.contains(field) {
            let accepted = fields.isEmpty ? "it takes none" : "it takes " + fields.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
            collector.report(path.appending(field), "\(service.code) takes no \"\(field)\"; \(accepted)")
        }
        if service.components.contains(where: { $0.basis == .perHour }), line.numbers["hours"] == nil {
            collector.report(path, "\(service.code) is priced per hour: give \"hours\"")
        }
        for component in service.components {
            guard let scaling = component.scaledBy, let value = line.numbers[scaling.field] else { continue }
            checkBounds(value, field: scaling.field, minimum: scaling.minimum, maximum: nil, service: service, at: path, collector: collector)
        }
        for constraint in service.constraints {
            switch constraint {
            case .range(let field, let minimum, let maximum):
                guard let value = line.numbers[field] else { continue }
                checkBounds(value, field: field, minimum: minimum, maximum: maximum, service: service, at: path, collector: collector)
            case .activityEquivalent(let field, let name, let activities):
                checkActivities(line, field: field, name: name, activities: activities, service: service, at: path, collector: collector)
            default:
                continue
            }
        }
    }

    /// Checks a number of the line is at least `minimum` and at most `maximum`, reporting each bound it breaks.
    private static func checkBounds(_ value: Quantity, field: String, minimum: Quantity?, maximum: Quantity?, service: Service,
                                    at path: JSONPath, collector: DiagnosticCollector) {
        if let minimum, value < minimum {
            collector.report(path.appending(field),
                             "\(service.code) needs \(field) of at least \(minimum.plainString), found \(value.plainString)")
        }
        if let maximum, value > maximum {
            collector.report(path.appending(field),
                             "\(service.code) allows \(field) of at most \(maximum.plainString), found \(value.plainString)")
        }
    }

    /// Checks series that count as several activities fit in the activities of the line's package.
    private static func checkActivities(_ line: OfferLine, field: String, name: String, activities: Int, service: Service,
                                        at path: JSONPath, collector: DiagnosticCollector) {
        guard let series = line.numbers[field], let package = line.package,
              let component = service.optionComponent(by: .package),
              case .table(_, _, let options) = component.pricing,
              let option = options.first(where: { $0.key == package }),
              let available = option.activities else { return }
        let used = (try? series.multiplied(by: Quantity(Int64(activities)))) ?? series
        if used > Quantity(Int64(available)) {
            collector.report(path.appending(field),
                             "\(series.plainString) × \(name) counts as \(used.plainString) activities, more than the \(available) of the \(package) package")
        }
    }

    /// Checks the profile has an inhabitant count for every year a per-inhabitant service is priced; reports the first year without.
    private static func checkInhabitants(_ service: Service, years: ClosedRange<Int>, profile: MunicipalityProfile,
                                         at path: JSONPath, collector: DiagnosticCollector) {
        guard service.components.contains(where: { $0.basis == .perInhabitant }),
              let year = years.first(where: { profile.inhabitants(forPricingYear: $0) == nil }) else { return }
        let earliest = profile.inhabitants.first.map { "; its earliest count is dated \($0.date)" } ?? "; it has none"
        collector.report(path.appending("service"),
                         "\(service.code) is priced per inhabitant, but the profile has no inhabitant count dated on or before 1 January \(year)\(earliest)")
    }

    private static func checkQuotes(_ line: OfferLine, service: Service, at path: JSONPath, collector: DiagnosticCollector) {
        let quoteComponents = service.customQuoteComponents
        let quotePath = line.quotesGivenAsArray ? path.appending("quotes") : path.appending("quote")
        if quoteComponents.isEmpty {
            if !line.quotes.isEmpty {
                collector.report(quotePath, "\(service.code) has published tariffs and no custom-quote component")
            }
            return
        }
        if line.quotes.isEmpty && quoteComponents.count == service.components.count {
            collector.report(path, "\(service.code) is priced on quote: give \"quote\": {\"amount\": \"…\", \"recurrence\": \"annual\" or \"one-off\", \"description\": \"…\"}")
            return
        }
        var quoted: Set<String> = []
        for (position, quote) in line.quotes.enumerated() {
            let itemPath = line.quotesGivenAsArray ? quotePath.appending(index: position) : quotePath
            let codes = quoteComponents.map(\.code)
            let component: String
            if let named = quote.component {
                guard codes.contains(named) else {
                    collector.report(itemPath.appending("component"),
                                     "\(quotedText(named)) is not a custom-quote component of \(service.code); expected one of " + codes.map { "\"\($0)\"" }.joined(separator: ", "))
                    continue
                }
                component = named
            } else if codes.count == 1 {
                component = codes[0]
            } else {
                collector.report(itemPath, "\(service.code) has several custom-quote components: name one in \"component\": " + codes.map { "\"\($0)\"" }.joined(separator: ", "))
                continue
            }
            if !quoted.insert(component).inserted {
                collector.report(itemPath, "component \(quotedText(component)) is quoted twice in this line")
            }
        }
    }

    private static func sizeList(_ sizes: [BranchSize]) -> String {
        "of size " + sizes.map(\.rawValue).joined(separator: ", ")
    }

    // MARK: Across lines

    /// No subject priced twice for the same service, and every school's required partner service.
    private static func checkAcrossLines(_ lines: [ResolvedLine], offer: Offer, books: PricingBooks,
                                         collector: DiagnosticCollector) {
        /// What a line takes: a service for the municipality as a whole, or for one subject.
        struct Taken: Hashable {
            var service: String
            var kind: SubjectKind?
            var id: String
        }
        var taken: [Taken: Int] = [:]
        for resolved in lines {
            guard let service = books[resolved.startYear]?.book.service(resolved.line.service) else { continue }
            let path = JSONPath.root.appending("lines").appending(index: resolved.index)
            let bases = Set(service.components.map(\.basis))
            if !bases.isDisjoint(with: [.perMunicipality, .perInhabitant]) {
                let key = Taken(service: service.code, kind: nil, id: "")
                if let first = taken[key] {
                    collector.report(path.appending("service"), "\(service.code) is already offered in lines[\(first)]; a municipality takes it once")
                } else {
                    taken[key] = resolved.index
                }
            }
            let subjectBases: [(SubjectKind, Set<Basis>, [String])] = [
                (.branch, [.perBranch], resolved.branches.map(\.id)),
                (.school, [.perPupil, .perSchool], resolved.schools.map(\.id)),
                (.childcareLocation, [.perChildcareLocation], resolved.childcareLocations.map(\.id)),
                (.consultationBureau, [.perConsultationBureau], resolved.consultationBureaus.map(\.id)),
            ]
            for (kind, kindBases, ids) in subjectBases where !bases.isDisjoint(with: kindBases) {
                for id in ids {
                    let key = Taken(service: service.code, kind: kind, id: id)
                    if let first = taken[key] {
                        collector.report(path, "\(service.code) is already offered for \(kind.noun) \(quotedText(id)) in lines[\(first)]")
                    } else {
                        taken[key] = resolved.index
                    }
                }
            }
        }
        // A school that needs a partner service must have it in the offer from the same year on.
        // The earliest start of each service on each school, built once.
        var earliestStart: [Taken: Int] = [:]
        for other in lines {
            for school in other.schools {
                let key = Taken(service: other.line.service, kind: .school, id: school.id)
                earliestStart[key] = min(earliestStart[key] ?? .max, other.startYear)
            }
        }
        for resolved in lines {
            guard let service = books[resolved.startYear]?.book.service(resolved.line.service),
                  let partner = service.requiredServiceOnSchool else { continue }
            let path = JSONPath.root.appending("lines").appending(index: resolved.index)
            for (position, school) in resolved.schools.enumerated() {
                let start = earliestStart[Taken(service: partner, kind: .school, id: school.id)] ?? .max
                guard start > resolved.startYear else { continue }
                let schoolPath = resolved.line.subjects[.school] != nil ? path.appending("schools").appending(index: position) : path
                collector.report(schoolPath,
                                 "\(service.code) on school \(quotedText(school.id)) needs \(partner) on the same school in this offer, from \(resolved.startYear) or earlier")
            }
        }
    }
}
