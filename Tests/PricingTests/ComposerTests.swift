import Catalogue
import JSON
import Money
import Pricing
import Testing
import TestSupport
import Support

// MARK: Small random catalogues

/// A small catalogue of 2–5 services of the kinds the composer chooses between, with a book for
/// 2025 and one for 2026 (other amounts), and a profile with 2–4 branches.
struct SmallCatalogue {
    var books: PricingBooks
    var profile: MunicipalityProfile
    var book: TariffBook { books[2025]!.book }

    static let groups = ["jong", "oud", "iedereen"]
    static let themes = ["lezen", "digitaal"]

    init(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        let serviceCount = Int.random(in: 2...5, using: &random)
        var services2025: [String] = []
        var services2026: [String] = []
        for index in 0..<serviceCount {
            let tier = Int.random(in: 0..<4, using: &random) == 0 ? "basis" : "basis-plus"
            let wsob = (1...5).filter { _ in Bool.random(using: &random) }
            let groups = Self.groups.filter { _ in Bool.random(using: &random) }
            let themes = Self.themes.filter { _ in Bool.random(using: &random) }
            let kind = Int.random(in: 0..<5, using: &random)
            var components2025: [String] = []
            var components2026: [String] = []
            func amount() -> (Int, Int) {
                let base = Int.random(in: 1...40, using: &random) * 500
                return (base, base + Int.random(in: 0...3, using: &random) * 100)
            }
            func component(_ code: String, basis: String, recurrence: String, _ value: (Int, Int)) {
                let shared = #""code": "\#(code)", "name": "\#(code)", "basis": "\#(basis)", "payer": "municipality", "source": "1", "recurrence": "\#(recurrence)", "precision": "euro", "indicative": false, "indexClass": "price""#
                components2025.append(#"{\#(shared), "amount": "\#(value.0).00"}"#)
                components2026.append(#"{\#(shared), "amount": "\#(value.1).00"}"#)
            }
            switch kind {
            case 0:
                component("gemeente", basis: "per-municipality", recurrence: "annual", amount())
            case 1:
                component("vestiging", basis: "per-branch", recurrence: "annual", amount())
            case 2:
                component("installatie", basis: "per-branch", recurrence: "one-off", amount())
                component("vestiging", basis: "per-branch", recurrence: "annual", amount())
            case 3:
                let sizes = ["large", "medium", "small", "service-point"]
                var options2025: [String] = [], options2026: [String] = []
                for size in sizes {
                    let value = amount()
                    options2025.append(#"{"key": "\#(size)", "name": "\#(size)", "amount": "\#(value.0).00"}"#)
                    options2026.append(#"{"key": "\#(size)", "name": "\#(size)", "amount": "\#(value.1).00"}"#)
                }
                let shared = #""code": "vestiging", "name": "vestiging", "basis": "per-branch", "by": "branch-size", "payer": "municipality", "source": "1", "recurrence": "annual", "precision": "euro", "indicative": false, "indexClass": "price""#
                components2025.append(#"{\#(shared), "options": [\#(options2025.joined(separator: ", "))]}"#)
                components2026.append(#"{\#(shared), "options": [\#(options2026.joined(separator: ", "))]}"#)
            default:
                let count = Int.random(in: 2...3, using: &random)
                var options2025: [String] = [], options2026: [String] = []
                var price = 0
                for option in 0..<count {
                    price += Int.random(in: 1...20, using: &random) * 500
                    let next = price + Int.random(in: 0...3, using: &random) * 100
                    options2025.append(#"{"key": "p\#(option)", "name": "p\#(option)", "activities": \#(4 * (option + 1)), "amount": "\#(price).00"}"#)
                    options2026.append(#"{"key": "p\#(option)", "name": "p\#(option)", "activities": \#(4 * (option + 1)), "amount": "\#(next).00"}"#)
                }
                let shared = #""code": "pakket", "name": "pakket", "basis": "per-package", "by": "package", "payer": "municipality", "source": "1", "recurrence": "annual", "precision": "euro", "indicative": false, "indexClass": "price""#
                components2025.append(#"{\#(shared), "options": [\#(options2025.joined(separator: ", "))]}"#)
                components2026.append(#"{\#(shared), "options": [\#(options2026.joined(separator: ", "))]}"#)
            }
            func service(_ components: [String]) -> String {
                func codes(_ list: [String]) -> String { list.map { "\"\($0)\"" }.joined(separator: ", ") }
                return #"{"code": "s\#(index)", "name": "Dienst \#(index)", "section": "\#(index)", "tier": "\#(tier)", "wsob": [\#(wsob.map(String.init).joined(separator: ", "))], "targetGroup": "t", "targetGroups": [\#(codes(groups))], "themes": [\#(codes(themes))], "partners": [], "description": "d", "components": [\#(components.joined(separator: ", "))], "serviceLevels": [], "constraints": []}"#
            }
            services2025.append(service(components2025))
            services2026.append(service(components2026))
        }
        func bookText(_ year: Int, _ services: [String]) -> String {
            #"""
            {"formatVersion": 1, "year": \#(year), "currency": "EUR", "title": "Klein", "publisher": "Test",
             "provenance": {"kind": "transcription", "source": "test"},
             "indexation": {"mixedWeights": {"wage": "2/3", "price": "1/3"}}, "vat": {"schoolContributionRate": "9"},
             "wsobFunctions": [{"number": 1, "name": "a"}, {"number": 2, "name": "b"}, {"number": 3, "name": "c"}, {"number": 4, "name": "d"}, {"number": 5, "name": "e"}],
             "programmeLines": [],
             "targetGroups": [{"code": "jong", "name": "Jong"}, {"code": "oud", "name": "Oud"}, {"code": "iedereen", "name": "Iedereen"}],
             "themes": [{"code": "lezen", "name": "Lezen"}, {"code": "digitaal", "name": "Digitaal"}],
             "units": [], "services": [\#(services.joined(separator: ",\n"))]}
            """#
        }
        var byYear: [Int: YearBook] = [:]
        for (year, services) in [(2025, services2025), (2026, services2026)] {
            let book = try TariffBookLoader.load(bytes: Array(bookText(year, services).utf8), file: "small/\(year).json",
                                                 expectedYear: year)
            byYear[year] = YearBook(book: book, status: .published, file: "small/\(year).json")
        }
        books = PricingBooks(byYear: byYear)
        let sizes: [BranchSize] = [.large, .medium, .small, .servicePoint]
        let branches = (0..<Int.random(in: 2...4, using: &random)).map { index in
            Branch(id: "b\(index)", name: "Vestiging \(index)", size: sizes[Int.random(in: 0..<4, using: &random)])
        }
        profile = MunicipalityProfile(code: "klein", name: "Klein", inhabitants: [], branches: branches, schools: [],
                                      childcareLocations: [], consultationBureaus: [])
    }
}

// MARK: The oracle

/// One combination as the oracle sees it: lines, engine-priced costs and value.
struct OracleOffer {
    var picks: [Int]
    var tieKey: [Int]
    var costs: [Int64]
    var coverage: Int
    var reach: Rational
    var total: Int64 { costs.reduce(0, +) }

    func isBetter(than other: OracleOffer) -> Bool {
        if coverage != other.coverage { return coverage > other.coverage }
        if reach != other.reach { return reach > other.reach }
        if total != other.total { return total < other.total }
        return tieKey.lexicographicallyPrecedes(other.tieKey)
    }
}

enum ComposerOracle {
    /// The municipality's cost per year of `lines`, priced by the engine as one offer; nil when
    /// the offer does not validate.
    static func costs(_ lines: [OfferLine], profile: MunicipalityProfile, books: PricingBooks,
                      years: ClosedRange<Int>) throws -> [Int64]? {
        let offer = Offer(municipality: profile.code, firstYear: years.lowerBound, years: years.count, lines: lines)
        let collector = DiagnosticCollector(file: "oracle")
        guard let validated = OfferValidator.validate(offer, profile: profile, books: books, collector: collector) else { return nil }
        return try PricingEngine.price(validated, books: books).years.map(\.totals.municipality.cents)
    }

    /// The value of a set of services, computed from the book's tags and the weights, without the
    /// composer's code: distinct criteria weighed once, and weight × share × 100 per service,
    /// exactly (the share a fraction such as 1/3).
    static func value(services: [(Service, Rational)], weights: Priorities) throws -> (coverage: Int, reach: Rational) {
        var wsob: Set<Int> = [], groups: Set<String> = [], themes: Set<String> = []
        var reach = Rational.zero
        for (service, share) in services {
            wsob.formUnion(service.wsob)
            groups.formUnion(service.targetGroups)
            themes.formUnion(service.themes)
            let weight = service.wsob.map { weights.wsob[$0] ?? 1 }.reduce(0, +)
                + service.targetGroups.map { weights.targetGroups[$0] ?? 1 }.reduce(0, +)
                + service.themes.map { weights.themes[$0] ?? 1 }.reduce(0, +)
            reach = try reach.adding(share.multiplied(by: Rational(Int64(weight * 100))))
        }
        let coverage = wsob.map { weights.wsob[$0] ?? 1 }.reduce(0, +) + groups.map { weights.targetGroups[$0] ?? 1 }.reduce(0, +)
            + themes.map { weights.themes[$0] ?? 1 }.reduce(0, +)
        return (coverage, reach)
    }

    /// Every combination of the composition's options, each priced by the engine as a whole
    /// offer, ranked by the documented order.
    static func ranked(_ composition: Composition, weights: Priorities) throws -> [OracleOffer] {
        let request = composition.request
        let choices = composition.choices
        var result: [OracleOffer] = []
        var picks = Array(repeating: 0, count: choices.count)
        while true {
            var lines: [OfferLine] = []
            var served: [(Service, Rational)] = []
            var requirementsHold = true
            for (index, choice) in choices.enumerated() {
                let option = choice.options[picks[index]]
                guard let line = option.line else { continue }
                lines.append(line)
                served.append((choice.service, option.reach))
                for partner in choice.requires where !choices.contains(where: { $0.service.code == partner && !$0.options[picks[choices.firstIndex { $0.service.code == partner }!]].isNone }) {
                    requirementsHold = false
                }
            }
            if requirementsHold, let costs = try costs(lines, profile: request.profile, books: request.books, years: request.years),
               costs.allSatisfy({ $0 <= request.budget.cents }) {
                let value = try value(services: served, weights: weights)
                let tieKey = picks.indices.map { choices[$0].options[picks[$0]].isNone ? Int.max : picks[$0] }
                result.append(OracleOffer(picks: picks, tieKey: tieKey, costs: costs, coverage: value.coverage, reach: value.reach))
            }
            // Next combination (odometer).
            var position = choices.count - 1
            while position >= 0 {
                picks[position] += 1
                if picks[position] < choices[position].options.count { break }
                picks[position] = 0
                position -= 1
            }
            if position < 0 { break }
        }
        return result.sorted { $0.isBetter(than: $1) }
    }

    /// The best value over every subset of every per-branch service's branches (not only the
    /// composer's representatives) and every package: coverage, reach and the least total cost.
    static func bestOverEverySubset(_ catalogue: SmallCatalogue, budget: Money, years: ClosedRange<Int>,
                                    weights: Priorities) throws -> (coverage: Int, reach: Rational, total: Int64)? {
        var perService: [[(line: OfferLine?, share: Rational)]] = []
        for service in catalogue.book.services {
            var options: [(OfferLine?, Rational)] = service.tier == .basis ? [] : [(nil, .zero)]
            var packages: [(String?, Int, Int)] = [(nil, 1, 1)]
            if case .table(.package, _, let table)? = service.components.first?.pricing {
                let largest = table.map { $0.activities! }.max()!
                packages = table.map { ($0.key, $0.activities!, largest) }
            }
            let branches = catalogue.profile.branches
            let perBranch = service.components.contains { $0.basis == .perBranch }
            let subsets: [[String]?] = perBranch
                ? (service.tier == .basis ? [nil] : (1..<(1 << branches.count)).map { mask in
                    branches.indices.filter { mask & (1 << $0) != 0 }.map { branches[$0].id }
                })
                : [nil]
            for package in packages {
                for subset in subsets {
                    var line = OfferLine(service: service.code)
                    line.package = package.0
                    if let subset { line.subjects[.branch] = subset }
                    let numerator = package.1 * (subset?.count ?? 1)
                    let denominator = package.2 * (subset == nil ? 1 : branches.count)
                    options.append((line, try Rational(numerator: Int128(numerator), denominator: Int128(denominator))))
                }
            }
            perService.append(options)
        }
        var best: (coverage: Int, reach: Rational, total: Int64)?
        var picks = Array(repeating: 0, count: perService.count)
        while true {
            var lines: [OfferLine] = []
            var served: [(Service, Rational)] = []
            for (index, options) in perService.enumerated() {
                guard let line = options[picks[index]].line else { continue }
                lines.append(line)
                served.append((catalogue.book.services[index], options[picks[index]].share))
            }
            if let costs = try costs(lines, profile: catalogue.profile, books: catalogue.books, years: years),
               costs.allSatisfy({ $0 <= budget.cents }) {
                let value = try value(services: served, weights: weights)
                let total = costs.reduce(0, +)
                if let current = best {
                    if (value.coverage, value.reach, -total) > (current.coverage, current.reach, -current.total) {
                        best = (value.coverage, value.reach, total)
                    }
                } else {
                    best = (value.coverage, value.reach, total)
                }
            }
            var position = perService.count - 1
            while position >= 0 {
                picks[position] += 1
                if picks[position] < perService[position].count { break }
                picks[position] = 0
                position -= 1
            }
            if position < 0 { break }
        }
        return best
    }
}

// MARK: Tests

@Suite("Composer: exact search, budgets, infeasibility, determinism")
struct ComposerTests {
    let years = 2025...2026

    /// A budget between the cost of the Basis services and everything, so choices matter.
    func budget(for catalogue: SmallCatalogue, fraction: Int, of parts: Int) throws -> Money {
        var mandatory: Int64 = 0, everything: Int64 = 0
        let all = try Composer.compose(CompositionRequest(profile: catalogue.profile, books: catalogue.books, years: years,
                                                          budget: try Money(cents: 100_000_000_000)))
        for choice in all.choices {
            let maxima = choice.options.map { $0.costs.max() ?? 0 }
            everything += maxima.max() ?? 0
            if choice.mandatory != nil { mandatory += maxima.min() ?? 0 }
        }
        return try Money(cents: mandatory + (everything - mandatory) * Int64(fraction) / Int64(parts))
    }

    @Test("on 60 random small catalogues the search ranks the same top offers as pricing every combination with the engine",
          arguments: 0..<30)
    func exactAgainstBruteForce(seed: UInt64) throws {
        let catalogue = try SmallCatalogue(seed: 1_000 + seed)
        let weights = Priorities(wsob: [2: 3, 5: 0], themes: ["lezen": 2])
        for fraction in [0, 1, 2, 3, 4] {
            let budget = try budget(for: catalogue, fraction: fraction, of: 4)
            let composition = try Composer.compose(CompositionRequest(
                profile: catalogue.profile, books: catalogue.books, years: years, budget: budget,
                priorities: weights, alternatives: 4))
            let oracle = try ComposerOracle.ranked(composition, weights: weights)
            let expected = Array(oracle.prefix(5))
            #expect(composition.ranked.map(\.picks) == expected.map(\.picks), "seed \(1_000 + seed), fraction \(fraction)/4")
            for (found, wanted) in zip(composition.ranked, expected) {
                #expect(found.costs.map(\.cents) == wanted.costs)
                #expect(found.coverage == wanted.coverage && found.exactReach == wanted.reach)
            }
            #expect(composition.statistics.evaluated <= composition.statistics.combinations)
        }
    }

    @Test("taking first branches of equal cost loses nothing: the best value equals that over every subset of branches",
          arguments: 0..<20)
    func representativesAreExact(seed: UInt64) throws {
        let catalogue = try SmallCatalogue(seed: 5_000 + seed)
        let weights = Priorities()
        for fraction in [1, 2, 3] {
            let budget = try budget(for: catalogue, fraction: fraction, of: 4)
            let composition = try Composer.compose(CompositionRequest(
                profile: catalogue.profile, books: catalogue.books, years: years, budget: budget, alternatives: 0))
            let best = try ComposerOracle.bestOverEverySubset(catalogue, budget: budget, years: years, weights: weights)
            #expect(composition.best.map { ($0.coverage, $0.exactReach, $0.totalCost.cents) } ?? (0, .zero, 0) == best ?? (0, .zero, 0),
                    "seed \(5_000 + seed), fraction \(fraction)/4")
        }
    }
}

// MARK: Hand-made cases

/// A catalogue of municipality-wide services with given amounts in 2025 and 2026.
func handCatalogue(_ services: [(code: String, tier: String, wsob: [Int], amounts: (String, String))]) throws -> (PricingBooks, MunicipalityProfile) {
    var byYear: [Int: YearBook] = [:]
    for year in [2025, 2026] {
        let list = services.map { service in
            let amount = year == 2025 ? service.amounts.0 : service.amounts.1
            return #"{"code": "\#(service.code)", "name": "\#(service.code)", "section": "1", "tier": "\#(service.tier)", "wsob": [\#(service.wsob.map(String.init).joined(separator: ", "))], "targetGroup": "t", "partners": [], "description": "d", "components": [{"code": "gemeente", "name": "gemeente", "basis": "per-municipality", "payer": "municipality", "source": "1", "recurrence": "annual", "precision": "cent", "indicative": false, "indexClass": "price", "amount": "\#(amount)"}], "serviceLevels": [], "constraints": []}"#
        }
        let text = #"""
        {"formatVersion": 1, "year": \#(year), "currency": "EUR", "title": "Hand", "publisher": "Test",
         "provenance": {"kind": "transcription", "source": "test"},
         "indexation": {"mixedWeights": {"wage": "2/3", "price": "1/3"}}, "vat": {"schoolContributionRate": "9"},
         "wsobFunctions": [{"number": 1, "name": "a"}, {"number": 2, "name": "b"}, {"number": 3, "name": "c"}, {"number": 4, "name": "d"}, {"number": 5, "name": "e"}],
         "programmeLines": [], "units": [], "services": [\#(list.joined(separator: ", "))]}
        """#
        let book = try TariffBookLoader.load(bytes: Array(text.utf8), file: "hand/\(year).json", expectedYear: year)
        byYear[year] = YearBook(book: book, status: .published, file: "hand/\(year).json")
    }
    let profile = MunicipalityProfile(code: "hand", name: "Hand", inhabitants: [], branches: [], schools: [],
                                      childcareLocations: [], consultationBureaus: [])
    return (PricingBooks(byYear: byYear), profile)
}

@Suite("Composer: hand-made budgets at the boundary")
struct ComposerBoundaryTests {
    let catalogue: (books: PricingBooks, profile: MunicipalityProfile)
    init() throws {
        catalogue = try handCatalogue([
            ("basis", "basis", [3], ("10000.00", "10500.00")),
            ("eerste", "basis-plus", [1], ("3000.00", "3100.00")),
            ("tweede", "basis-plus", [1], ("3000.00", "3100.00")),
            ("groot", "basis-plus", [1, 2], ("5000.00", "5000.00")),
        ])
    }

    func compose(_ budget: String, alternatives: Int = 3) throws -> Composition {
        try Composer.compose(CompositionRequest(profile: catalogue.profile, books: catalogue.books, years: 2025...2026,
                                                budget: try Money(parsing: budget), alternatives: alternatives))
    }

    func services(_ offer: ComposedOffer?) -> [String] { offer?.offer.lines.map(\.service) ?? [] }

    @Test("a budget of exactly the Basis cost in the dearest year fits; one cent less is infeasible by one cent")
    func basisBoundary() throws {
        let exact = try compose("10500.00")
        #expect(services(exact.best) == ["basis"])
        #expect(exact.best?.costs.map(\.jsonString) == ["10000.00", "10500.00"])
        let short = try compose("10499.99")
        #expect(short.best == nil)
        #expect(short.infeasible?.minimumCosts.map(\.jsonString) == ["10000.00", "10500.00"])
        #expect(short.infeasible?.shortfalls.map(\.jsonString) == ["0.00", "0.01"])
    }

    @Test("an option fits at exactly its cost in every year, and not one cent below")
    func optionBoundary() throws {
        // basis + groot = 15 000 in 2025 and 15 500 in 2026; groot (Wsob 1 and 2) beats eerste (Wsob 1).
        let exact = try compose("15500.00")
        #expect(services(exact.best) == ["basis", "groot"])
        #expect(exact.best?.costs.map(\.jsonString) == ["15000.00", "15500.00"])
        let below = try compose("15499.99")
        // Now only one of the 3 000 services fits beside the Basis service: the first in the catalogue.
        #expect(services(below.best) == ["basis", "eerste"])
        #expect(services(below.ranked.dropFirst().first) == ["basis", "tweede"])
        #expect(below.best?.costs.map(\.jsonString) == ["13000.00", "13600.00"])
    }

    @Test("ties in value and cost go to the service earlier in the catalogue, always")
    func ties() throws {
        for _ in 0..<3 {
            let composition = try compose("13600.00")
            #expect(services(composition.best) == ["basis", "eerste"])
            #expect(composition.ranked.map { services($0) } == [["basis", "eerste"], ["basis", "tweede"], ["basis"]])
        }
    }

    @Test("the same request gives byte-identical JSON")
    func determinism() throws {
        let first = JSONWriter.write(CompositionJSON.json(try compose("20000.00"), coverage: nil, more: nil))
        let second = JSONWriter.write(CompositionJSON.json(try compose("20000.00"), coverage: nil, more: nil))
        #expect(first == second)
        #expect(first.contains(#""exact": true"#))
    }

    @Test("an excluded Basis service is left out and costs nothing; a required one is always in")
    func requireAndExclude() throws {
        let excluded = try Composer.compose(CompositionRequest(
            profile: catalogue.profile, books: catalogue.books, years: 2025...2026, budget: try Money(parsing: "5000.00"),
            excluded: ["basis"]))
        #expect(services(excluded.best) == ["groot"])
        #expect(excluded.notConsidered.map(\.service) == ["basis"])
        let required = try Composer.compose(CompositionRequest(
            profile: catalogue.profile, books: catalogue.books, years: 2025...2026, budget: try Money(parsing: "16000.00"),
            required: ["tweede"]))
        #expect(services(required.best) == ["basis", "tweede"])
    }

    @Test("a required Basis service still goes to every branch: requiring it never offers a subset")
    func requiredBasisKeepsFullScope() throws {
        let catalogue = try (0..<200).lazy.map { try SmallCatalogue(seed: 9_000 + UInt64($0)) }.first { catalogue in
            catalogue.book.services.contains { $0.tier == .basis && $0.components.contains { $0.basis == .perBranch } }
        }!
        let basis = catalogue.book.services.first { $0.tier == .basis && $0.components.contains { $0.basis == .perBranch } }!
        let composition = try Composer.compose(CompositionRequest(
            profile: catalogue.profile, books: catalogue.books, years: 2025...2026, budget: try Money(parsing: "99999999.00"),
            required: [basis.code]))
        let choice = try #require(composition.choices.first { $0.service.code == basis.code })
        #expect(choice.options.count == 1 || choice.options.allSatisfy { $0.line?.subjects[.branch] == nil })
        #expect(choice.options.allSatisfy { $0.reachPercent == 100 || $0.line?.package != nil })
    }

    @Test("the weights decide between services: weighting Wsob 1 above 2 makes two small services beat one large")
    func weights() throws {
        let heavy = try Composer.compose(CompositionRequest(
            profile: catalogue.profile, books: catalogue.books, years: 2025...2026, budget: try Money(parsing: "16700.00"),
            priorities: Priorities(wsob: [1: 5, 2: 1])))
        // groot: coverage 1+2 → 6, reach (5+1) × 100 = 600; eerste + tweede: coverage 5, reach 1 000.
        // Coverage comes first, so groot still wins; with Wsob 2 at 0 the two small ones win on reach.
        #expect(services(heavy.best) == ["basis", "groot"])
        let noTwo = try Composer.compose(CompositionRequest(
            profile: catalogue.profile, books: catalogue.books, years: 2025...2026, budget: try Money(parsing: "16700.00"),
            priorities: Priorities(wsob: [1: 5, 2: 0])))
        #expect(services(noTwo.best) == ["basis", "eerste", "tweede"])
    }
}

@Suite("Priorities (weights) files")
struct PrioritiesTests {
    func problems(_ text: String) -> [String] {
        do {
            _ = try PrioritiesLoader.load(bytes: Array(text.utf8), file: "weights.json", book: book2025)
            return []
        } catch {
            guard case .invalid(let diagnostics) = error else { return ["\(error)"] }
            return diagnostics.map { "\($0.path): \($0.message)" }
        }
    }

    @Test("a full weights file is read")
    func reads() throws {
        let priorities = try PrioritiesLoader.load(bytes: Array(#"""
            {"wsob": {"2": 3}, "targetGroups": {"jonge-kinderen": 4}, "themes": {"laaggeletterdheid": 5}, "branchNeeds": {"medium": 4}}
            """#.utf8), file: "w.json", book: book2025)
        #expect(priorities.weight(wsob: 2) == 3 && priorities.weight(wsob: 1) == 1)
        #expect(priorities.weight(targetGroup: "jonge-kinderen") == 4)
        #expect(priorities.weight(theme: "laaggeletterdheid") == 5 && priorities.weight(theme: "leesbevordering") == 1)
        #expect(priorities.branchNeeds.need(.medium) == 4 && priorities.branchNeeds.need(.large) == 5)
        // BoekStartcoach: Wsob 2 (3) + 3 (1), jonge-kinderen (4), leesbevordering (1) + laaggeletterdheid (5).
        #expect(priorities.weight(of: book2025.service("boekstartcoach")!) == 14)
    }

    @Test("every problem is reported with its path")
    func errors() {
        #expect(problems(#"{"themes": {"laaggeletterheid": 2}}"#) == [
            #"themes.laaggeletterheid: unknown theme "laaggeletterheid"; expected one of "leesbevordering", "laaggeletterdheid", "digitale-inclusie", "leven-lang-ontwikkelen"; did you mean "laaggeletterdheid"?"#,
        ])
        #expect(problems(#"{"wsob": {"6": 1, "1": 101}, "branchNeeds": {"huge": 5, "large": 6}, "jeugd": 2}"#) == [
            #"wsob["6"]: unknown Wsob function "6"; expected one of "1", "2", "3", "4", "5""#,
            #"wsob["1"]: expected a whole number from 0 to 100, found 101"#,
            #"branchNeeds.huge: unknown branch size "huge"; expected one of "large", "medium", "small", "service-point""#,
            "branchNeeds.large: expected a whole number from 0 to 5, found 6",
            #"jeugd: unknown field "jeugd""#,
        ])
    }
}

@Suite("Composer: reach is compared exactly, rounded only for display")
struct ComposerExactReachTests {
    @Test("Noordenveld 2025 at € 941.748,75: one of three branches is a third, not 33 %, so the cheaper offer of equal reach wins")
    func equalExactReachGoesToTheCheaperOffer() throws {
        let profile = try ProfileLoader.load(file: repositoryRoot + "/seeds/municipalities/noordenveld.json")
        let composition = try Composer.compose(CompositionRequest(
            profile: profile, books: try booksFor(2025...2025), years: 2025...2025,
            budget: try Money(parsing: "941748.75"), alternatives: 1))
        let best = try #require(composition.best)
        let second = try #require(composition.ranked.dropFirst().first)
        // Open Plus for 1 of 3 branches is worth 3 × 100/3 = 100 exactly (33 % rounded made it 99);
        // with llo-pakket-2's 800 it equals Makersplaats' 900: both offers reach exactly 8 700.
        #expect(best.exactReach == Rational(8_700) && second.exactReach == Rational(8_700))
        #expect(best.totalCost.jsonString == "936863.75")
        #expect(second.totalCost.jsonString == "941748.75")
        #expect(best.reach == 8_700)
        let openPlus = try #require(composition.choices.firstIndex { $0.service.code == "open-plus" })
        let option = composition.choices[openPlus].options[best.picks[openPlus]]
        #expect(option.reach == (try Rational(numerator: 1, denominator: 3)))
        #expect(option.reachPercent == 33 && option.value == 100)
    }
}
