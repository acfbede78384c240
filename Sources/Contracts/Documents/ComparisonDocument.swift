import Catalogue
import JSON
import Money
import Pricing

// Two or more offers (scenarios) for one municipality side by side: what the municipality pays
// per service and year in each, the totals, the coverage, and what changes compared with the
// first offer, the base. `OfferComparison.build` fills the model; `ComparisonJSON` and
// `ComparisonHTML` lay it out (the command-line tool adds an English table).

/// One offer to compare: the file it was read from, the request that loaded it, and its price.
public struct ComparisonInput: Sendable {
    /// The offer file as the user named it.
    public var file: String
    /// The validated offer and the books of its years.
    public var request: PricingRequest
    /// The offer priced with those books.
    public var priced: PricedOffer

    /// Creates the input.
    public init(file: String, request: PricingRequest, priced: PricedOffer) {
        self.file = file
        self.request = request
        self.priced = priced
    }
}

/// Why a comparison could not be made.
public enum ComparisonError: Error, Sendable, CustomStringConvertible {
    /// Fewer than two offers, or more than there are letters to name them.
    case offerCount(Int)
    /// The offers are for different municipalities.
    case differentMunicipalities(file: String, municipality: String, expected: String)
    /// A sum or difference left the supported range of amounts.
    case outOfRange(file: String)
    /// The per-service amounts do not add up to the priced totals: a bug.
    case inconsistent(String)

    public var description: String {
        switch self {
        case .offerCount(let count):
            "a comparison needs 2 to \(OfferComparison.maximumOffers) offers, found \(count)"
        case .differentMunicipalities(let file, let municipality, let expected):
            "\(file) is for \"\(municipality)\", but the comparison is for \"\(expected)\""
        case .outOfRange(let file):
            "comparing \(file) gives an amount outside the supported range"
        case .inconsistent(let message):
            message
        }
    }
}

/// The comparison of two or more offers for one municipality; the first offer is the base.
public struct OfferComparison: Sendable {
    /// How many offers a comparison can hold: one letter each, A to Z.
    public static let maximumOffers = 26

    /// The profile code.
    public var municipality: String
    /// The municipality's name.
    public var municipalityName: String
    /// Every year any offer covers, ascending, with the book that priced it.
    public var years: [ComparisonYear]
    /// The offers in the order given; `offers[0]` is the base.
    public var offers: [ComparedOffer]
    /// Every service in any offer: Basis services first, then Basis Plus, each in catalogue order.
    public var services: [ComparedService]
    /// What the municipality pays in each offer, per year and over the term.
    public var municipalityTotals: ComparedAmounts
    /// What schools pay in each offer (excluding VAT), per year and over the term.
    public var schoolTotals: ComparedAmounts
    /// For every offer after the base, what changes compared with the base.
    public var changes: [OfferChanges]
    /// The book's Wsob core functions, target groups and themes, to name the codes.
    public var wsobFunctions: [WsobFunction]
    /// The target groups of the book, in book order.
    public var targetGroups: [Term]
    /// The themes of the book, in book order.
    public var themes: [Term]
    /// The profile's data marked illustrative that any offer's lines rest on (none: nothing to mark).
    public var illustrative: [DocumentIllustration] = []
    /// The codes of the services with a line resting on illustrative data, in any offer; marked (I).
    public var illustrativeServices: Set<String> = []

    /// The base offer.
    public var base: ComparedOffer { offers[0] }

    /// The Dutch name of a Wsob function ("Kennis en informatie"), or nil.
    public func wsobName(_ number: Int) -> String? { wsobFunctions.first { $0.number == number }?.name }
    /// The Dutch name of a target group, or its code.
    public func targetGroupName(_ code: String) -> String { targetGroups.first { $0.code == code }?.name ?? code }
    /// The Dutch name of a theme, or its code.
    public func themeName(_ code: String) -> String { themes.first { $0.code == code }?.name ?? code }
}

/// One year of a comparison and the tariff book that priced it.
public struct ComparisonYear: Sendable, Equatable {
    /// The calendar year.
    public var year: Int
    /// Published or projected.
    public var status: BookStatus
    /// Where the book was read from (for a projection: the published book it starts from).
    public var bookFile: String
    /// For a projected year: the last published year it was indexed forward from.
    public var projectedFrom: Int?
    /// For a projected year: the percentages assumed.
    public var assumptions: IndexationParameters?
}

/// One offer of a comparison.
public struct ComparedOffer: Sendable {
    /// Its letter: "A" for the base, then "B", "C", …
    public var key: String
    /// "Voorstel A".
    public var label: String
    /// The offer's title, else the file's name without its folder.
    public var name: String
    /// The offer's title, if it has one.
    public var title: String?
    /// The offer file.
    public var file: String
    /// The years it covers, ascending.
    public var years: [Int]
    /// The services in the offer, in catalogue order.
    public var services: [String]
    /// What the offer covers.
    public var coverage: CoverageReport

    /// Whether the offer runs in `year`.
    public func covers(_ year: Int) -> Bool { years.contains(year) }
}

/// One row of amounts (a service, or a total) in every offer of a comparison.
public struct ComparedAmounts: Sendable, Equatable {
    /// Per offer (in the comparison's order): the amount per year the offer covers. A year the
    /// offer does not cover has no entry.
    public var byOffer: [[Int: Money]]
    /// Per offer: the sum over the years it covers.
    public var terms: [Money]
    /// Per offer: per year both it and the base cover, its amount minus the base's. The base's
    /// own entry is empty.
    public var differences: [[Int: Money]]
    /// Per offer: its term minus the base's term (zero for the base). The terms may cover
    /// different years.
    public var termDifferences: [Money]

    /// The amount of an offer in a year, or nil when the offer does not run that year.
    public func amount(_ offer: Int, _ year: Int) -> Money? { byOffer[offer][year] }

    /// The difference of an offer from the base in a year, or nil when either does not run then.
    public func difference(_ offer: Int, _ year: Int) -> Money? { differences[offer][year] }

    /// Builds the row from amounts per offer and year, computing terms and differences.
    init(_ byOffer: [[Int: Money]], years: [Int], file: (Int) -> String) throws(ComparisonError) {
        self.byOffer = byOffer
        var terms: [Money] = []
        for (index, amounts) in byOffer.enumerated() {
            var term = Money.zero
            for year in years {
                guard let amount = amounts[year] else { continue }
                do { term = try term.adding(amount) } catch { throw .outOfRange(file: file(index)) }
            }
            terms.append(term)
        }
        self.terms = terms
        var differences: [[Int: Money]] = []
        var termDifferences: [Money] = []
        for (index, amounts) in byOffer.enumerated() {
            var yearly: [Int: Money] = [:]
            if index > 0 {
                for year in years {
                    guard let amount = amounts[year], let base = byOffer[0][year] else { continue }
                    do { yearly[year] = try amount.subtracting(base) } catch { throw .outOfRange(file: file(index)) }
                }
            }
            differences.append(yearly)
            do { termDifferences.append(try terms[index].subtracting(terms[0])) } catch { throw .outOfRange(file: file(index)) }
        }
        self.differences = differences
        self.termDifferences = termDifferences
    }
}

/// One service of a comparison.
public struct ComparedService: Sendable {
    /// The service code.
    public var code: String
    /// The Dutch name.
    public var name: String
    /// The catalogue section.
    public var section: String
    /// Basis or Basis Plus.
    public var tier: Tier
    /// Per offer: whether the offer has the service.
    public var included: [Bool]
    /// What the municipality pays for it: zero in the years of an offer without the service.
    public var amounts: ComparedAmounts
}

/// A service named in a change.
public struct ServiceName: Sendable, Equatable {
    /// The code.
    public var code: String
    /// The Dutch name.
    public var name: String
}

/// What changes from the base to another offer.
public struct OfferChanges: Sendable {
    /// The index of the other offer in the comparison.
    public var offer: Int
    /// Services in the offer but not in the base, in catalogue order.
    public var servicesGained: [ServiceName]
    /// Services in the base but not in the offer.
    public var servicesLost: [ServiceName]
    /// Wsob functions the offer covers and the base does not.
    public var wsobGained: [Int]
    /// Wsob functions the base covers and the offer does not.
    public var wsobLost: [Int]
    /// Target groups reached by the offer only.
    public var targetGroupsGained: [String]
    /// Target groups reached by the base only.
    public var targetGroupsLost: [String]
    /// Themes worked on by the offer only.
    public var themesGained: [String]
    /// Themes worked on by the base only.
    public var themesLost: [String]
    /// Basis services the offer lacks but the base has, with what they would cost in the offer's years.
    public var basisGapsAdded: [BasisGap]
    /// Basis services the base lacks but the offer has, with what they would have cost in the base's years.
    public var basisGapsRemoved: [BasisGap]
    /// Branches that meet their need in the base but not in the offer (as in the offer).
    public var branchesBelowNeed: [BranchCoverage]
    /// Branches that fall short of their need in the base but meet it in the offer (as in the offer).
    public var branchesMeetingNeed: [BranchCoverage]

    /// Whether nothing but (possibly) the amounts changes.
    public var isEmpty: Bool {
        servicesGained.isEmpty && servicesLost.isEmpty && wsobGained.isEmpty && wsobLost.isEmpty
            && targetGroupsGained.isEmpty && targetGroupsLost.isEmpty && themesGained.isEmpty && themesLost.isEmpty
            && basisGapsAdded.isEmpty && basisGapsRemoved.isEmpty && branchesBelowNeed.isEmpty && branchesMeetingNeed.isEmpty
    }
}

extension OfferComparison {
    /// The letters that name the offers.
    static let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ").map(String.init)

    /// Compares `inputs`; the first is the base. Every input must be for the same municipality.
    /// The per-service amounts are checked to add up to the priced totals of every year.
    public static func build(_ inputs: [ComparisonInput]) throws(ComparisonError) -> OfferComparison {
        guard (2...maximumOffers).contains(inputs.count) else { throw .offerCount(inputs.count) }
        let first = inputs[0].priced
        for input in inputs.dropFirst() where input.priced.municipality != first.municipality {
            throw .differentMunicipalities(file: input.file, municipality: input.priced.municipality, expected: first.municipality)
        }
        let file = { (index: Int) in inputs[index].file }
        let yearBooks = booksByYear(inputs)
        let years = yearBooks.keys.sorted()
        guard let firstYear = years.first, let book = yearBooks[firstYear]?.book else {
            throw .inconsistent("the offers have no tariff books")
        }
        let (offers, taken) = comparedOffers(inputs, book: book)
        let services = try comparedServices(inputs, taken: taken, years: years, book: book)

        func totals(_ amount: (PayerTotals) -> Money) throws(ComparisonError) -> ComparedAmounts {
            let byOffer = inputs.map { input in
                Dictionary(uniqueKeysWithValues: input.priced.years.map { ($0.year, amount($0.totals)) })
            }
            return try ComparedAmounts(byOffer, years: years, file: file)
        }
        let municipalityTotals = try totals(\.municipality)
        let schoolTotals = try totals(\.school)
        try checkServicesAddUp(services, to: municipalityTotals, offers: offers, file: file)

        let changes = offers.indices.dropFirst().map { index in
            OfferChanges.between(offers[0], offers[index], index: index, book: book)
        }
        return OfferComparison(
            municipality: first.municipality, municipalityName: first.municipalityName,
            years: years.map { year in
                let yearBook = yearBooks[year]!
                return ComparisonYear(year: year, status: yearBook.status, bookFile: yearBook.file,
                                      projectedFrom: yearBook.projectedFrom, assumptions: yearBook.assumptions)
            },
            offers: offers, services: services, municipalityTotals: municipalityTotals, schoolTotals: schoolTotals,
            changes: changes, wsobFunctions: book.wsobFunctions, targetGroups: book.targetGroups, themes: book.themes,
            illustrative: IllustrativeData(inputs[0].request.offer.profile).illustrations(of: allLines(inputs)),
            illustrativeServices: illustrativeServices(inputs))
    }

    /// Every priced line of every offer.
    private static func allLines(_ inputs: [ComparisonInput]) -> [PricedLine] {
        inputs.flatMap { $0.priced.years.flatMap(\.lines) }
    }

    /// The services with a line that rests on the profile's illustrative data.
    private static func illustrativeServices(_ inputs: [ComparisonInput]) -> Set<String> {
        let data = IllustrativeData(inputs[0].request.offer.profile)
        return Set(allLines(inputs).filter(data.marks).map(\.service))
    }

    /// The years of all offers, each with the book of the first offer that runs then.
    private static func booksByYear(_ inputs: [ComparisonInput]) -> [Int: YearBook] {
        var yearBooks: [Int: YearBook] = [:]
        for input in inputs {
            for year in input.request.offer.offer.yearRange where yearBooks[year] == nil {
                if let book = input.request.books[year] { yearBooks[year] = book }
            }
        }
        return yearBooks
    }

    /// Each offer with its letter, name, years, services and coverage, and the set of services each takes.
    private static func comparedOffers(_ inputs: [ComparisonInput], book: TariffBook) -> (offers: [ComparedOffer], taken: [Set<String>]) {
        var offers: [ComparedOffer] = []
        var taken: [Set<String>] = []
        for (index, input) in inputs.enumerated() {
            let offer = input.request.offer.offer
            let services = Set(input.request.offer.lines.map(\.line.service))
            taken.append(services)
            var name = input.file
            if let slash = name.lastIndex(of: "/") { name = String(name[name.index(after: slash)...]) }
            if let title = offer.title, !title.isEmpty { name = title }
            offers.append(ComparedOffer(
                key: letters[index], label: "Voorstel \(letters[index])", name: name, title: offer.title, file: input.file,
                years: Array(offer.yearRange), services: catalogueOrder(services, book: book).map(\.code),
                coverage: CoverageAnalyzer.coverage(of: input.request.offer, books: input.request.books)))
        }
        return (offers, taken)
    }

    /// What the municipality pays per service, offer and year, for every service any offer takes.
    private static func comparedServices(_ inputs: [ComparisonInput], taken: [Set<String>], years: [Int],
                                         book: TariffBook) throws(ComparisonError) -> [ComparedService] {
        let file = { (index: Int) in inputs[index].file }
        let allServices = catalogueOrder(taken.reduce(into: Set<String>()) { $0.formUnion($1) }, book: book)
        var services: [ComparedService] = []
        for service in allServices {
            var byOffer: [[Int: Money]] = []
            for (index, input) in inputs.enumerated() {
                var amounts: [Int: Money] = [:]
                for year in input.priced.years {
                    var total = Money.zero
                    for line in year.lines where line.service == service.code && line.payer == .municipality {
                        do { total = try total.adding(line.amount) } catch { throw .outOfRange(file: file(index)) }
                    }
                    amounts[year.year] = total
                }
                byOffer.append(amounts)
            }
            services.append(ComparedService(
                code: service.code, name: service.name, section: service.section, tier: service.tier,
                included: taken.map { $0.contains(service.code) },
                amounts: try ComparedAmounts(byOffer, years: years, file: file)))
        }
        return services
    }

    /// Checks the services' rows add up to the totals the pricing computed, in every year of every offer.
    private static func checkServicesAddUp(_ services: [ComparedService], to totals: ComparedAmounts, offers: [ComparedOffer],
                                           file: (Int) -> String) throws(ComparisonError) {
        for index in offers.indices {
            for year in offers[index].years {
                var sum = Money.zero
                for service in services {
                    guard let amount = service.amounts.amount(index, year) else { continue }
                    do { sum = try sum.adding(amount) } catch { throw .outOfRange(file: file(index)) }
                }
                if sum != totals.amount(index, year) {
                    throw .inconsistent("the services of \(file(index)) in \(year) add up to \(sum.jsonString), not to the priced total \(totals.amount(index, year)?.jsonString ?? "-")")
                }
            }
        }
    }

    /// The services with these codes, Basis first and then Basis Plus, each in the book's order;
    /// a code the book does not know (it cannot happen with validated offers) comes last.
    static func catalogueOrder(_ codes: Set<String>, book: TariffBook) -> [CatalogueEntry] {
        var result: [CatalogueEntry] = []
        for tier in Tier.allCases {
            for service in book.services where service.tier == tier && codes.contains(service.code) {
                result.append(CatalogueEntry(code: service.code, name: service.name, section: service.section, tier: tier))
            }
        }
        let known = Set(result.map(\.code))
        for code in codes.subtracting(known).sorted() {
            result.append(CatalogueEntry(code: code, name: code, section: "", tier: .basisPlus))
        }
        return result
    }
}

/// A service's identity as the comparison orders it.
struct CatalogueEntry {
    var code: String
    var name: String
    var section: String
    var tier: Tier
}

extension OfferChanges {
    /// What changes from `base` to `other`.
    static func between(_ base: ComparedOffer, _ other: ComparedOffer, index: Int, book: TariffBook) -> OfferChanges {
        func gained<T: Equatable>(_ new: [T], _ old: [T]) -> [T] { new.filter { !old.contains($0) } }
        func names(_ codes: [String]) -> [ServiceName] {
            codes.map { code in ServiceName(code: code, name: book.service(code)?.name ?? code) }
        }
        let old = base.coverage
        let new = other.coverage
        let oldGaps = old.basisGaps.map(\.service)
        let newGaps = new.basisGaps.map(\.service)
        var below: [BranchCoverage] = []
        var meeting: [BranchCoverage] = []
        for branch in new.branches {
            guard let before = old.branches.first(where: { $0.id == branch.id }) else { continue }
            if before.meetsNeed && !branch.meetsNeed { below.append(branch) }
            if !before.meetsNeed && branch.meetsNeed { meeting.append(branch) }
        }
        return OfferChanges(
            offer: index,
            servicesGained: names(gained(other.services, base.services)),
            servicesLost: names(gained(base.services, other.services)),
            wsobGained: gained(new.wsobCovered, old.wsobCovered), wsobLost: gained(old.wsobCovered, new.wsobCovered),
            targetGroupsGained: gained(new.targetGroupsCovered, old.targetGroupsCovered),
            targetGroupsLost: gained(old.targetGroupsCovered, new.targetGroupsCovered),
            themesGained: gained(new.themesCovered, old.themesCovered), themesLost: gained(old.themesCovered, new.themesCovered),
            basisGapsAdded: new.basisGaps.filter { !oldGaps.contains($0.service) },
            basisGapsRemoved: old.basisGaps.filter { !newGaps.contains($0.service) },
            branchesBelowNeed: below, branchesMeetingNeed: meeting)
    }
}

// MARK: - JSON

/// The JSON form of a comparison (`compare --format json`): sorted keys, money as strings, and
/// amounts keyed by the offers' letters; a year an offer does not run is null.
public enum ComparisonJSON {
    /// The comparison.
    public static func json(_ comparison: OfferComparison) -> JSONValue {
        let years = comparison.years.map(\.year)
        var object = JSONObject()
        object.set("municipality", .string(comparison.municipality))
        object.set("municipalityName", .string(comparison.municipalityName))
        object.set("illustrative", .array(comparison.illustrative.map { .string($0.dutch) }))
        object.set("illustrativeServices", .array(comparison.illustrativeServices.sorted().map(JSONValue.string)))
        object.set("base", .string(comparison.base.key))
        object.set("years", .array(comparison.years.map { year in
            var book = JSONObject()
            book.set("year", integer(year.year))
            book.set("status", .string(year.status.rawValue))
            if let from = year.projectedFrom { book.set("projectedFrom", integer(from)) }
            if let assumptions = year.assumptions {
                book.set("assumptions", .object(JSONObject([
                    .init(key: "wage", value: .string(assumptions.wage.plainString)),
                    .init(key: "price", value: .string(assumptions.price.plainString)),
                ])))
            }
            return .object(JSONObject([
                .init(key: "year", value: integer(year.year)),
                .init(key: "tariffBook", value: .object(book)),
            ]))
        }))
        object.set("offers", .array(comparison.offers.enumerated().map { index, offer in
            var item = JSONObject()
            item.set("offer", .string(offer.key))
            item.set("label", .string(offer.label))
            item.set("name", .string(offer.name))
            if let title = offer.title { item.set("title", .string(title)) }
            item.set("file", .string(offer.file))
            item.set("firstYear", integer(offer.years.first ?? 0))
            item.set("lastYear", integer(offer.years.last ?? 0))
            item.set("services", .array(offer.services.map(JSONValue.string)))
            item.set("coverage", CoverageJSON.json(offer.coverage))
            if let changes = comparison.changes.first(where: { $0.offer == index }) {
                item.set("changes", changesJSON(changes, base: comparison.base))
            }
            return .object(item)
        }))
        object.set("services", .array(comparison.services.map { service in
            var item = JSONObject()
            item.set("service", .string(service.code))
            item.set("name", .string(service.name))
            item.set("tier", .string(service.tier.rawValue))
            item.set("offers", .array(comparison.offers.indices.filter { service.included[$0] }.map {
                .string(comparison.offers[$0].key)
            }))
            for (key, value) in amountsJSON(service.amounts, comparison: comparison, years: years) { item.set(key, value) }
            return .object(item)
        }))
        var totals = JSONObject()
        for (name, amounts) in [("municipality", comparison.municipalityTotals), ("school", comparison.schoolTotals)] {
            totals.set(name, .object(JSONObject(amountsJSON(amounts, comparison: comparison, years: years).map {
                JSONObject.Member(key: $0.0, value: $0.1)
            })))
        }
        object.set("totals", .object(totals))
        return .object(object)
    }

    /// `years` (per year: amounts and differences by offer letter) and `term`.
    private static func amountsJSON(_ amounts: ComparedAmounts, comparison: OfferComparison, years: [Int]) -> [(String, JSONValue)] {
        let offers = comparison.offers
        func byOffer(_ value: (Int) -> Money?, skipBase: Bool) -> JSONValue {
            .object(JSONObject(offers.indices.filter { !skipBase || $0 > 0 }.map { index in
                JSONObject.Member(key: offers[index].key, value: value(index).map { .string($0.jsonString) } ?? .null)
            }))
        }
        let yearly: [JSONValue] = years.map { year in
            .object(JSONObject([
                .init(key: "year", value: integer(year)),
                .init(key: "amounts", value: byOffer({ amounts.amount($0, year) }, skipBase: false)),
                .init(key: "differences", value: byOffer({ amounts.difference($0, year) }, skipBase: true)),
            ]))
        }
        let term = JSONValue.object(JSONObject([
            .init(key: "amounts", value: byOffer({ amounts.terms[$0] }, skipBase: false)),
            .init(key: "differences", value: byOffer({ amounts.termDifferences[$0] }, skipBase: true)),
        ]))
        return [("years", .array(yearly)), ("term", term)]
    }

    private static func changesJSON(_ changes: OfferChanges, base: ComparedOffer) -> JSONValue {
        func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
        func integers(_ values: [Int]) -> JSONValue { .array(values.map(integer)) }
        func pair(_ gained: JSONValue, _ lost: JSONValue, names: (String, String) = ("gained", "lost")) -> JSONValue {
            .object(JSONObject([.init(key: names.0, value: gained), .init(key: names.1, value: lost)]))
        }
        func services(_ names: [ServiceName]) -> JSONValue {
            .array(names.map { .object(JSONObject([.init(key: "service", value: .string($0.code)), .init(key: "name", value: .string($0.name))])) })
        }
        func gaps(_ gaps: [BasisGap]) -> JSONValue {
            .array(gaps.map { gap in
                .object(JSONObject([
                    .init(key: "service", value: .string(gap.service)),
                    .init(key: "name", value: .string(gap.name)),
                    .init(key: "costs", value: .array(gap.costs.map { cost in
                        .object(JSONObject([
                            .init(key: "year", value: integer(cost.year)),
                            .init(key: "amount", value: .string(cost.amount.jsonString)),
                        ]))
                    })),
                ]))
            })
        }
        func branches(_ branches: [BranchCoverage]) -> JSONValue {
            .array(branches.map { branch in
                .object(JSONObject([
                    .init(key: "branch", value: .string(branch.id)),
                    .init(key: "name", value: .string(branch.name)),
                    .init(key: "functions", value: integers(branch.functions)),
                    .init(key: "need", value: integer(branch.need)),
                ]))
            })
        }
        return .object(JSONObject([
            .init(key: "base", value: .string(base.key)),
            .init(key: "services", value: pair(services(changes.servicesGained), services(changes.servicesLost))),
            .init(key: "wsob", value: pair(integers(changes.wsobGained), integers(changes.wsobLost))),
            .init(key: "targetGroups", value: pair(strings(changes.targetGroupsGained), strings(changes.targetGroupsLost))),
            .init(key: "themes", value: pair(strings(changes.themesGained), strings(changes.themesLost))),
            .init(key: "basisGaps", value: pair(gaps(changes.basisGapsAdded), gaps(changes.basisGapsRemoved), names: ("added", "removed"))),
            .init(key: "branches", value: pair(branches(changes.branchesBelowNeed), branches(changes.branchesMeetingNeed),
                                               names: ("belowNeed", "meetingNeed"))),
        ]))
    }

    private static func integer(_ value: Int) -> JSONValue { .number(JSONNumber(integer: Int64(value))) }
}

// MARK: - HTML

/// The Dutch comparison page an account manager sends to the municipality: one self-contained
/// HTML file in the offerte's page shell, printable on A4. Every text passes through
/// `HTMLRenderer.escape` exactly once.
public enum ComparisonHTML {
    /// The page.
    public static func render(_ comparison: OfferComparison) -> String {
        var html = Markup()
        let title = "Vergelijking van voorstellen voor gemeente \(comparison.municipalityName)"
        html.line("<header class=\"document-header\">")
        html.line("<p class=\"supplier\">\(escape(DocumentWording.libraryName))</p>")
        html.line("<h1>\(escape(title))</h1>")
        html.line("</header>")
        html.line("<p class=\"intro\">\(escape(ComparisonWording.introduction(comparison)))</p>")
        if !comparison.illustrative.isEmpty {
            html.line("<p class=\"notice\">\(escape(DocumentWording.illustrativeNotice(comparison.illustrative)))</p>")
        }

        offersSection(comparison, into: &html)
        servicesSection(comparison, into: &html)
        totalsSection(comparison, into: &html)
        coverageSection(comparison, into: &html)
        changesSection(comparison, into: &html)

        let columns = comparison.offers.count * 2 - 1
        return HTMLRenderer.page(title: title, compact: columns >= 5, body: html.text)
    }

    private static func escape(_ text: String) -> String { HTMLRenderer.escape(text) }

    /// The offers: letter, name and term.
    private static func offersSection(_ comparison: OfferComparison, into html: inout Markup) {
        html.line("<section class=\"offers keep\">")
        html.line("<h2>De voorstellen</h2>")
        html.line("<table>")
        html.line("<thead><tr><th scope=\"col\">Voorstel</th><th scope=\"col\">Omschrijving</th><th scope=\"col\">Looptijd</th></tr></thead>")
        html.line("<tbody>")
        for (index, offer) in comparison.offers.enumerated() {
            let label = index == 0 ? "\(offer.label) (uitgangspunt)" : offer.label
            html.line("<tr><th scope=\"row\">\(escape(label))</th><td>\(escape(offer.name))</td>"
                + "<td>\(escape(ComparisonWording.term(offer.years)))</td></tr>")
        }
        html.line("</tbody>")
        html.line("</table>")
        html.line("</section>")
    }

    /// The header cells of an amounts table: each offer, then each difference from the base.
    private static func amountHeaders(_ comparison: OfferComparison) -> String {
        comparison.offers.map { "<th scope=\"col\" class=\"amount\">\(escape($0.label))</th>" }.joined()
            + comparison.offers.dropFirst().map {
                "<th scope=\"col\" class=\"amount\">\(escape(ComparisonWording.differenceHeading($0, base: comparison.base)))</th>"
            }.joined()
    }

    /// The cells of one row in one year (or the term, when `year` is nil).
    private static func amountCells(_ amounts: ComparedAmounts, year: Int?, included: [Bool]? = nil, offers: Int) -> String {
        var cells = ""
        for index in 0..<offers {
            let amount = year.map { amounts.amount(index, $0) } ?? amounts.terms[index]
            cells += included?[index] == false ? cell(nil as String?) : cell(amount)
        }
        for index in 1..<offers {
            let difference = year.map { amounts.difference(index, $0) } ?? amounts.termDifferences[index]
            cells += cell(difference.map(DocumentNotation.signed))
        }
        return cells
    }

    private static func cell(_ amount: Money?) -> String { cell(amount.map(DocumentNotation.amount)) }

    private static func cell(_ text: String?) -> String {
        guard let text else { return "<td class=\"amount empty\">—</td>" }
        return "<td class=\"amount\">\(escape(text))</td>"
    }

    /// Per year a table: a row per service, grouped by tier, then the municipality's total and
    /// the schools' contribution.
    private static func servicesSection(_ comparison: OfferComparison, into html: inout Markup) {
        let offers = comparison.offers.count
        let columnCount = offers * 2
        html.line("<section class=\"services\">")
        html.line("<h2>Kosten per dienst per jaar</h2>")
        html.line("<p>\(escape(ComparisonWording.servicesExplanation))</p>")
        for year in comparison.years {
            html.line("<section class=\"year\">")
            html.line("<h3>\(escape(ComparisonWording.yearLabel(year)))</h3>")
            html.line("<table class=\"prices\">")
            html.line("<thead><tr><th scope=\"col\">Dienst</th>\(amountHeaders(comparison))</tr></thead>")
            for tier in Tier.allCases {
                let services = comparison.services.filter { service in
                    service.tier == tier && comparison.offers.indices.contains { comparison.offers[$0].covers(year.year) && service.included[$0] }
                }
                for (index, service) in services.enumerated() {
                    if index == 0 {
                        html.line("<tbody class=\"keep\">")
                        html.line("<tr class=\"programme-line\"><th scope=\"rowgroup\" colspan=\"\(columnCount)\">\(escape(ComparisonWording.tierName(tier)))</th></tr>")
                    } else if index == 1 {
                        html.line("<tbody>")
                    }
                    let mark = comparison.illustrativeServices.contains(service.code) ? " <span class=\"marker\">\(DocumentWording.illustrativeMark)</span>" : ""
                    html.line("<tr><td><span class=\"service-name\">\(escape(service.name))</span>\(mark)"
                        + "<span class=\"section\">\(escape(ComparisonWording.sectionLabel(service)))</span></td>"
                        + amountCells(service.amounts, year: year.year, included: service.included, offers: offers) + "</tr>")
                    if index == 0 || index == services.count - 1 { html.line("</tbody>") }
                }
            }
            html.line("<tbody class=\"keep\">")
            html.line("<tr class=\"municipality\"><th scope=\"row\">\(escape("Totaal gemeente \(year.year)"))</th>"
                + amountCells(comparison.municipalityTotals, year: year.year, offers: offers) + "</tr>")
            html.line("<tr class=\"information\"><th scope=\"row\">\(escape(ComparisonWording.schoolRow))</th>"
                + amountCells(comparison.schoolTotals, year: year.year, offers: offers) + "</tr>")
            html.line("</tbody>")
            html.line("</table>")
            html.line("</section>")
        }
        footnotes(comparison, into: &html)
        html.line("</section>")
    }

    /// The totals per year and over the term.
    private static func totalsSection(_ comparison: OfferComparison, into html: inout Markup) {
        let offers = comparison.offers.count
        html.line("<section class=\"totals-section keep\">")
        html.line("<h2>Totalen</h2>")
        html.line("<p class=\"totals-explanation\">\(escape(ComparisonWording.totalsExplanation))</p>")
        html.line("<table class=\"totals\">")
        html.line("<thead><tr><th scope=\"col\"></th>\(amountHeaders(comparison))</tr></thead>")
        html.line("<tbody>")
        for year in comparison.years {
            html.line("<tr><th scope=\"row\">\(escape("Te betalen door de gemeente \(ComparisonWording.yearLabel(year))"))</th>"
                + amountCells(comparison.municipalityTotals, year: year.year, offers: offers) + "</tr>")
        }
        html.line("<tr class=\"municipality\"><th scope=\"row\">Te betalen door de gemeente, hele looptijd</th>"
            + amountCells(comparison.municipalityTotals, year: nil, offers: offers) + "</tr>")
        html.line("<tr class=\"information\"><th scope=\"row\">\(escape(ComparisonWording.schoolRow)), hele looptijd</th>"
            + amountCells(comparison.schoolTotals, year: nil, offers: offers) + "</tr>")
        html.line("</tbody>")
        html.line("</table>")
        footnotes(comparison, into: &html)
        html.line("</section>")
    }

    /// What each offer covers, side by side.
    private static func coverageSection(_ comparison: OfferComparison, into html: inout Markup) {
        let offers = comparison.offers
        html.line("<section class=\"coverage\">")
        html.line("<h2>Dekking</h2>")
        html.line("<p>\(escape(ComparisonWording.coverageExplanation(comparison)))</p>")
        html.line("<table class=\"coverage\">")
        html.line("<thead><tr><th scope=\"col\"></th>"
            + offers.map { "<th scope=\"col\">\(escape($0.label))</th>" }.joined() + "</tr></thead>")
        html.line("<tbody>")
        func row(_ label: String, _ value: (CoverageReport) -> String) {
            html.line("<tr><th scope=\"row\">\(escape(label))</th>"
                + offers.map { "<td>\(escape(value($0.coverage)))</td>" }.joined() + "</tr>")
        }
        let wording = ComparisonWording.self
        row("Kernfuncties (Wsob)") { wording.list($0.wsobCovered.map(String.init)) }
        row("Ontbrekende kernfuncties (Wsob)") { wording.list($0.wsobMissing.map(String.init)) }
        row("Doelgroepen") { wording.list($0.targetGroupsCovered.map(comparison.targetGroupName)) }
        row("Ontbrekende doelgroepen") { wording.list($0.targetGroupsMissing.map(comparison.targetGroupName)) }
        row("Thema's") { wording.list($0.themesCovered.map(comparison.themeName)) }
        row("Ontbrekende thema's") { wording.list($0.themesMissing.map(comparison.themeName)) }
        row("Ontbrekende basisdiensten") { coverage in
            wording.list(coverage.basisGaps.map(wording.gap), separator: "; ")
        }
        html.line("</tbody>")
        let branches = offers[0].coverage.branches
        if !branches.isEmpty {
            html.line("<tbody>")
            html.line("<tr class=\"programme-line\"><th scope=\"rowgroup\" colspan=\"\(offers.count + 1)\">Kernfuncties per vestiging</th></tr>")
            for branch in branches {
                html.line("<tr><th scope=\"row\">\(escape(wording.branchLabel(branch)))</th>"
                    + offers.map { offer in
                        guard let own = offer.coverage.branches.first(where: { $0.id == branch.id }) else { return "<td class=\"empty\">—</td>" }
                        return "<td>\(escape(wording.branchCoverage(own)))</td>"
                    }.joined() + "</tr>")
            }
            html.line("</tbody>")
        }
        html.line("</table>")
        html.line("<p class=\"footnote\">\(escape(wording.wsobLegend(comparison)))</p>")
        html.line("</section>")
    }

    /// Per other offer, in words, what changes compared with the base.
    private static func changesSection(_ comparison: OfferComparison, into html: inout Markup) {
        html.line("<section class=\"changes\">")
        html.line("<h2>\(escape("Wat verandert er ten opzichte van voorstel \(comparison.base.key)"))</h2>")
        for changes in comparison.changes {
            let offer = comparison.offers[changes.offer]
            html.line("<section class=\"keep\">")
            html.line("<h3>\(escape("\(offer.label): \(offer.name)"))</h3>")
            html.line("<ul>")
            for sentence in ComparisonWording.changes(changes, in: comparison) {
                html.line("<li>\(escape(sentence))</li>")
            }
            html.line("</ul>")
            html.line("</section>")
        }
        html.line("</section>")
    }

    private static func footnotes(_ comparison: OfferComparison, into html: inout Markup) {
        for footnote in ComparisonWording.projectionFootnotes(comparison.years) {
            html.line("<p class=\"footnote\">\(escape(footnote))</p>")
        }
    }
}

/// The Dutch wording of the comparison page.
enum ComparisonWording {
    static let servicesExplanation = "Per dienst staat wat de gemeente in dat jaar betaalt, jaarlijkse en eenmalige kosten samen. Een streepje (—) betekent dat de dienst niet in het voorstel zit of dat het voorstel in dat jaar niet loopt. Het verschil is het bedrag van het voorstel min dat van voorstel A: een plus betekent dat het voorstel meer kost."

    static let totalsExplanation = "Alleen ‘Te betalen door de gemeente’ is wat de gemeente betaalt; de bijdrage van scholen staat er ter informatie bij. Het totaal over de hele looptijd telt de jaren waarin het voorstel loopt."

    static let schoolRow = "Bijdrage scholen, excl. btw (ter informatie)"

    static func introduction(_ comparison: OfferComparison) -> String {
        "Dit overzicht zet \(comparison.offers.count) voorstellen voor de gemeente \(comparison.municipalityName) naast elkaar: de kosten per dienst per jaar, de totalen, de dekking van de kernfuncties (Wsob), doelgroepen en thema's, en wat er per voorstel verandert ten opzichte van voorstel \(comparison.base.key), het uitgangspunt."
    }

    static func coverageExplanation(_ comparison: OfferComparison) -> String {
        "Welke kernfuncties (Wsob), doelgroepen en thema's de diensten van elk voorstel bereiken, welke basisdiensten ontbreken (met wat zij per jaar zouden kosten) en per vestiging hoeveel kernfuncties de diensten voor die vestiging bereiken, tegenover wat nodig is."
    }

    static func tierName(_ tier: Tier) -> String {
        tier == .basis ? "Basisdiensten" : "Basis Plus"
    }

    static func sectionLabel(_ service: ComparedService) -> String {
        service.section.isEmpty ? service.code : "catalogus § \(service.section)"
    }

    /// "2025", "2025 tot en met 2027".
    static func term(_ years: [Int]) -> String {
        guard let first = years.first, let last = years.last else { return "" }
        return first == last ? String(first) : "\(first) tot en met \(last)"
    }

    /// "2026*" for a projected year.
    static func yearLabel(_ year: ComparisonYear) -> String {
        year.status == .projected ? "\(year.year)*" : String(year.year)
    }

    static func differenceHeading(_ offer: ComparedOffer, base: ComparedOffer) -> String {
        "Verschil \(offer.key) − \(base.key)"
    }


    static func list(_ items: [String], separator: String = ", ") -> String {
        items.isEmpty ? "geen" : items.joined(separator: separator)
    }

    /// "Kleintje Bieb: € 1.234,00 per jaar (2025)" or with an amount per year.
    static func gap(_ gap: BasisGap) -> String {
        let amounts = Set(gap.costs.map(\.amount))
        if amounts.count == 1, let amount = amounts.first, let first = gap.costs.first?.year, let last = gap.costs.last?.year {
            let years = first == last ? "\(first)" : "\(first)–\(last)"
            return "\(gap.name): \(DocumentNotation.amount(amount)) per jaar (\(years))"
        }
        return "\(gap.name): " + gap.costs.map { "\(DocumentNotation.amount($0.amount)) in \($0.year)" }.joined(separator: ", ")
    }

    /// "Vestiging Beilen (grote bibliotheek, nodig: 5)".
    static func branchLabel(_ branch: BranchCoverage) -> String {
        "Vestiging \(branch.name) (\(branch.size.dutchName), nodig: \(branch.need))"
    }

    /// "5 kernfuncties: 1, 2, 3, 4, 5" or "2 kernfuncties: 1, 2 — onder de behoefte".
    static func branchCoverage(_ branch: BranchCoverage) -> String {
        var text = branch.functions.count == 1 ? "1 kernfunctie" : "\(branch.functions.count) kernfuncties"
        if !branch.functions.isEmpty { text += ": " + branch.functions.map(String.init).joined(separator: ", ") }
        if !branch.meetsNeed { text += " — onder de behoefte" }
        return text
    }

    /// "Kernfuncties (Wsob): 1 Kennis en informatie; 2 …".
    static func wsobLegend(_ comparison: OfferComparison) -> String {
        "Kernfuncties (Wsob): " + comparison.wsobFunctions.map { "\($0.number) \($0.name)" }.joined(separator: "; ")
            + ". Een vestiging bereikt de kernfuncties van de diensten die voor die vestiging zijn afgenomen; diensten voor de hele gemeente, scholen of kinderopvang tellen alleen voor de gemeente."
    }

    static func wsobNames(_ numbers: [Int], in comparison: OfferComparison) -> String {
        numbers.map { number in comparison.wsobName(number).map { "\(number) \($0)" } ?? String(number) }.joined(separator: ", ")
    }

    /// The changes from the base to one offer, one Dutch sentence each.
    static func changes(_ changes: OfferChanges, in comparison: OfferComparison) -> [String] {
        let index = changes.offer
        let base = "voorstel \(comparison.base.key)"
        var sentences: [String] = []
        let totals = comparison.municipalityTotals
        let yearly = comparison.years.compactMap { year -> String? in
            guard let difference = totals.difference(index, year.year) else { return nil }
            return "\(DocumentNotation.signed(difference)) in \(year.year)"
        }
        var cost = "Kosten voor de gemeente ten opzichte van \(base): "
        cost += yearly.isEmpty ? "geen gemeenschappelijke jaren" : yearly.joined(separator: ", ")
        cost += "; over de hele looptijd \(DocumentNotation.signed(totals.termDifferences[index]))."
        sentences.append(cost)
        // Service names may contain commas ("Leven lang ontwikkelen, pakket 1: …"), so semicolons separate them.
        func names(_ services: [ServiceName]) -> String { services.map(\.name).joined(separator: "; ") }
        if !changes.servicesGained.isEmpty {
            sentences.append("Diensten erbij: \(names(changes.servicesGained)).")
        }
        if !changes.servicesLost.isEmpty {
            sentences.append("Diensten die vervallen: \(names(changes.servicesLost)).")
        }
        if !changes.wsobGained.isEmpty {
            sentences.append("Kernfuncties (Wsob) erbij: \(wsobNames(changes.wsobGained, in: comparison)).")
        }
        if !changes.wsobLost.isEmpty {
            sentences.append("Kernfuncties (Wsob) die niet meer worden gedekt: \(wsobNames(changes.wsobLost, in: comparison)).")
        }
        if !changes.targetGroupsGained.isEmpty {
            sentences.append("Doelgroepen erbij: \(changes.targetGroupsGained.map(comparison.targetGroupName).joined(separator: ", ")).")
        }
        if !changes.targetGroupsLost.isEmpty {
            sentences.append("Doelgroepen die niet meer worden bereikt: \(changes.targetGroupsLost.map(comparison.targetGroupName).joined(separator: ", ")).")
        }
        if !changes.themesGained.isEmpty {
            sentences.append("Thema's erbij: \(changes.themesGained.map(comparison.themeName).joined(separator: ", ")).")
        }
        if !changes.themesLost.isEmpty {
            sentences.append("Thema's die niet meer aan bod komen: \(changes.themesLost.map(comparison.themeName).joined(separator: ", ")).")
        }
        if !changes.basisGapsAdded.isEmpty {
            sentences.append("Nieuwe ontbrekende basisdiensten: \(changes.basisGapsAdded.map(gap).joined(separator: "; ")).")
        }
        if !changes.basisGapsRemoved.isEmpty {
            sentences.append("Ontbrekende basisdiensten die nu wel zijn opgenomen: \(changes.basisGapsRemoved.map(\.name).joined(separator: "; ")).")
        }
        if !changes.branchesBelowNeed.isEmpty {
            sentences.append("Vestigingen die onder hun behoefte zakken: "
                + changes.branchesBelowNeed.map { "\($0.name) (\($0.functions.count) van \($0.need) kernfuncties)" }.joined(separator: ", ") + ".")
        }
        if !changes.branchesMeetingNeed.isEmpty {
            sentences.append("Vestigingen die hun behoefte nu wel halen: "
                + changes.branchesMeetingNeed.map { "\($0.name) (\($0.functions.count) van \($0.need) kernfuncties)" }.joined(separator: ", ") + ".")
        }
        if changes.isEmpty {
            sentences.append("Verder verandert er niets aan de diensten en de dekking.")
        }
        return sentences
    }

    /// "* 2026: geprojecteerd vanuit tariefboek 2025 met lonen +3 % en prijzen +2 % per jaar; de bedragen zijn indicatief."
    static func projectionFootnotes(_ years: [ComparisonYear]) -> [String] {
        years.compactMap { year in
            guard year.status == .projected, let from = year.projectedFrom, let assumptions = year.assumptions else { return nil }
            return "* \(year.year): geprojecteerd vanuit tariefboek \(from) met lonen \(TariffIndexer.percentText(assumptions.wage.rational)) en prijzen \(TariffIndexer.percentText(assumptions.price.rational)) per jaar; de bedragen zijn indicatief."
        }
    }
}

