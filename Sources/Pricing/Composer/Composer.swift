import Catalogue
import Money

/// What to compose: for one municipality, a run of years, a budget a year.
public struct CompositionRequest: Sendable {
    /// The municipality.
    public var profile: MunicipalityProfile
    /// The books of every year (published or projected).
    public var books: PricingBooks
    /// The years of the offer.
    public var years: ClosedRange<Int>
    /// What the municipality can spend in each year (its own payments only: school contributions
    /// and participant fees are not in it).
    public var budget: Money
    /// Services that must be in the offer.
    public var required: Set<String>
    /// Services that must not be in the offer.
    public var excluded: Set<String>
    /// The municipality's weights.
    public var priorities: Priorities
    /// How many next-best offers to report besides the best one.
    public var alternatives: Int

    /// Creates a request.
    public init(profile: MunicipalityProfile, books: PricingBooks, years: ClosedRange<Int>, budget: Money,
                required: Set<String> = [], excluded: Set<String> = [], priorities: Priorities = Priorities(),
                alternatives: Int = 3) {
        self.profile = profile
        self.books = books
        self.years = years
        self.budget = budget
        self.required = required
        self.excluded = excluded
        self.priorities = priorities
        self.alternatives = alternatives
    }
}

/// One complete choice: an option for every service of the search space.
public struct ComposedOffer: Sendable {
    /// The option index chosen for each entry of `Composition.choices`.
    public var picks: [Int]
    /// The municipality's cost per year, in year order.
    public var costs: [Money]
    /// The cost over all years.
    public var totalCost: Money
    /// The summed weight of the distinct criteria (Wsob functions, target groups, themes) the
    /// offer covers: the first measure of value.
    public var coverage: Int
    /// The summed option values (weight × reach × 100), exactly: the second measure of value.
    public var exactReach: Rational
    /// `exactReach` rounded half up to a whole number: for display only.
    public var reach: Int
    /// The offer itself, lines in catalogue order.
    public var offer: Offer
}

/// How the search went.
public struct SearchStatistics: Sendable, Equatable {
    /// How many complete combinations the search space has (saturating at `Int.max`).
    public var combinations: Int
    /// How many complete combinations were checked one by one.
    public var evaluated: Int
    /// How many partial combinations were visited.
    public var nodes: Int
    /// How many partial combinations were cut off because no completion could beat the offers
    /// already found or fit the budget.
    public var pruned: Int
}

/// Why no offer fits, and by how much.
public struct Infeasibility: Sendable, Equatable {
    /// The least the services that must be taken cost in each year.
    public var minimumCosts: [Money]
    /// How much more budget each year needs (zero where the year fits).
    public var shortfalls: [Money]
}

/// The composer's answer.
public struct Composition: Sendable {
    /// The request it answers.
    public var request: CompositionRequest
    /// The search space: every service the composer chose for, in catalogue order.
    public var choices: [ServiceChoices]
    /// The services it left out, and why.
    public var notConsidered: [ServiceNotConsidered]
    /// The best offer first, then the next best, at most `1 + request.alternatives`.
    public var ranked: [ComposedOffer]
    /// Set when no offer fits.
    public var infeasible: Infeasibility?
    /// How the search went.
    public var statistics: SearchStatistics
    /// The criteria the coverage measure counts, by name (`wsob-1`, `jongeren`, …), with weights.
    public var criteria: [(name: String, weight: Int)]

    /// The best offer, if any fits.
    public var best: ComposedOffer? { ranked.first }
}

/// Why composing failed before searching.
public enum CompositionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A required service cannot be offered.
    case requiredNotPossible(service: String, reason: String)
    /// The years have no book.
    case missingBook(Int)
    /// A total left the supported range: a cost, or the exact sum of the options' reach.
    case overflow

    public var description: String {
        switch self {
        case .requiredNotPossible(let service, let reason): "\(service) is required but cannot be composed: \(reason)"
        case .missingBook(let year): "no tariff book for \(year)"
        case .overflow: "a total is outside the supported range (±999999999999.99 euro for costs, 128 bits for the exact reach)"
        }
    }
}

/// Finds the offer with the highest value that fits the budget in every year: an exact
/// branch-and-bound search over every combination of the services' options.
///
/// Value, compared in this order (the first difference decides):
/// 1. coverage: the summed weight of the distinct Wsob functions, target groups and themes that at
///    least one service of the offer serves;
/// 2. reach: the sum over the offer's services of (the service's summed weight × the option's
///    share of the full reach × 100), so bigger packages and more branches count; the shares are
///    exact fractions (1 of 3 branches is 1/3, not 33 %), rounded only for display;
/// 3. the lower total cost over the years;
/// 4. at the first service in catalogue order where the offers differ, the one that takes the
///    service, then the one with the option listed first (packages in book order; fewer branches
///    before more): a fixed order, so ties always resolve the same way.
///
/// Every Basis service that applies to the municipality, and every required service, is in every
/// offer; the budget limits the municipality's own payments in each year, indexation included.
public enum Composer {
    /// Composes.
    public static func compose(_ request: CompositionRequest) throws(CompositionError) -> Composition {
        guard let book = request.books[request.years.lowerBound]?.book else { throw .missingBook(request.years.lowerBound) }
        for year in request.years where request.books[year] == nil { throw .missingBook(year) }
        let criteria = CriteriaIndex(book: book, priorities: request.priorities)
        let built = OptionBuilder.build(book: book, profile: request.profile, books: request.books, years: request.years,
                                        required: request.required, excluded: request.excluded,
                                        priorities: request.priorities, criteria: criteria)
        for code in request.required.sorted() {
            if let skipped = built.notConsidered.first(where: { $0.service == code }) {
                throw .requiredNotPossible(service: code, reason: skipped.reason)
            }
        }
        let scale = try ReachScale(choices: built.choices)
        var search = Search(choices: built.choices, values: scale.values, criteria: criteria, budget: request.budget.cents,
                            years: request.years.count, keep: 1 + max(0, request.alternatives))
        search.run()
        var ranked: [ComposedOffer] = []
        for found in search.best {
            ranked.append(try composedOffer(found, choices: built.choices, scale: scale, request: request))
        }
        var infeasible: Infeasibility?
        if ranked.isEmpty {
            infeasible = try infeasibility(minimum: search.mandatorySuffix[0], budget: request.budget.cents)
        }
        return Composition(request: request, choices: built.choices, notConsidered: built.notConsidered, ranked: ranked,
                           infeasible: infeasible, statistics: search.statistics,
                           criteria: zip(criteria.names, criteria.weights).map { ($0, $1) })
    }

    private static func composedOffer(_ found: Search.Found, choices: [ServiceChoices], scale: ReachScale,
                                      request: CompositionRequest) throws(CompositionError) -> ComposedOffer {
        var lines: [OfferLine] = []
        for (index, pick) in found.picks.enumerated() {
            if let line = choices[index].options[pick].line { lines.append(line) }
        }
        let offer = Offer(municipality: request.profile.code, firstYear: request.years.lowerBound,
                          years: request.years.count, lines: lines,
                          title: "Samengesteld binnen een budget van \(request.budget.dutchString) per jaar")
        let exactReach = try scale.exact(found.reach)
        let rounded: Int128
        do { rounded = try exactReach.rounded(.halfAwayFromZero) } catch { throw .overflow }
        guard let reach = Int(exactly: rounded) else { throw .overflow }
        return ComposedOffer(picks: found.picks, costs: try found.costs.map(money), totalCost: try money(found.total),
                             coverage: found.coverage, exactReach: exactReach, reach: reach, offer: offer)
    }

    /// The least the mandatory services cost, year by year (the search's bound from the first
    /// service on), against the budget.
    private static func infeasibility(minimum: [Int64], budget: Int64) throws(CompositionError) -> Infeasibility {
        Infeasibility(minimumCosts: try minimum.map(money),
                      shortfalls: try minimum.map { (cents) throws(CompositionError) in try money(max(0, cents - budget)) })
    }

    private static func money(_ cents: Int64) throws(CompositionError) -> Money {
        do { return try Money(cents: cents) } catch { throw .overflow }
    }
}

/// The branch-and-bound search. Services are decided one by one (the mandatory ones first, so the
/// budget bites early); at each step the best value any completion could still reach is bounded
/// from above, and a branch is cut off when that bound is below the worst offer kept, or when
/// the mandatory services still to come cannot fit the budget left. The bound never
/// underestimates, so the search is exact: it finds the same offers as checking every
/// combination, which the tests confirm against brute force.
struct Search {
    struct Found {
        var picks: [Int]
        var costs: [Int64]
        var coverage: Int
        /// The exact reach × the scale's common denominator.
        var reach: Int128
        var total: Int64
        /// The picks for breaking ties: "not taken" counts after every option, so an offer that
        /// takes the earlier service in catalogue order wins, then the option listed first.
        var tieKey: [Int]
    }

    let choices: [ServiceChoices]
    /// Per service, per option: the exact value on the common denominator (`ReachScale`).
    let values: [[Int128]]
    let criteria: CriteriaIndex
    let budget: Int64
    let years: Int
    let keep: Int
    /// The order in which services are decided.
    let order: [Int]
    /// For each position in `order`: the least the mandatory services from there on cost, per year.
    let mandatorySuffix: [[Int64]]
    /// For each service: the indices of the services it requires (-1 when not in the search).
    let partners: [[Int]]
    /// For each service: its position in `order`.
    let positions: [Int]
    private(set) var best: [Found] = []
    private(set) var statistics = SearchStatistics(combinations: 0, evaluated: 0, nodes: 0, pruned: 0)

    private var picks: [Int]
    private var remaining: [Int64]

    init(choices: [ServiceChoices], values: [[Int128]], criteria: CriteriaIndex, budget: Int64, years: Int, keep: Int) {
        self.choices = choices
        self.values = values
        self.criteria = criteria
        self.budget = budget
        self.years = years
        self.keep = keep
        let mandatory = choices.indices.filter { choices[$0].mandatory != nil }
        let optional = choices.indices.filter { choices[$0].mandatory == nil }
        order = mandatory + optional
        var positions = Array(repeating: 0, count: choices.count)
        for (position, index) in order.enumerated() { positions[index] = position }
        // A partner the book names but the search does not hold (excluded, not applicable) can
        // never be taken: -1.
        partners = choices.map { choice in
            choice.requires.map { code in choices.firstIndex { $0.service.code == code } ?? -1 }
        }
        self.positions = positions
        var suffix = Array(repeating: Array(repeating: Int64(0), count: years), count: order.count + 1)
        for position in stride(from: order.count - 1, through: 0, by: -1) {
            let choice = choices[order[position]]
            for year in 0..<years {
                let least = choice.mandatory == nil ? 0 : (choice.options.map { $0.costs[year] }.min() ?? 0)
                suffix[position][year] = suffix[position + 1][year] + least
            }
        }
        mandatorySuffix = suffix
        picks = Array(repeating: 0, count: choices.count)
        remaining = Array(repeating: budget, count: years)
        var combinations = 1
        for choice in choices {
            let (product, overflow) = combinations.multipliedReportingOverflow(by: choice.options.count)
            combinations = overflow ? Int.max : product
        }
        statistics.combinations = combinations
    }

    mutating func run() {
        descend(position: 0, mask: 0, reach: 0)
    }

    private mutating func descend(position: Int, mask: UInt128, reach: Int128) {
        statistics.nodes += 1
        if position == order.count {
            evaluate(mask: mask, reach: reach)
            return
        }
        // The mandatory services still to come must fit what is left.
        for year in 0..<years where mandatorySuffix[position][year] > remaining[year] {
            statistics.pruned += 1
            return
        }
        if best.count == keep {
            let bound = upperBound(from: position, mask: mask, reach: reach)
            let worst = best[best.count - 1]
            if bound.coverage < worst.coverage || (bound.coverage == worst.coverage && bound.reach < worst.reach) {
                statistics.pruned += 1
                return
            }
        }
        let index = order[position]
        let choice = choices[index]
        for (optionIndex, option) in choice.options.enumerated() {
            var fits = true
            for year in 0..<years where option.costs[year] > remaining[year] { fits = false; break }
            guard fits else { continue }
            if !option.isNone && !requirementsHold(for: index) { continue }
            picks[index] = optionIndex
            for year in 0..<years { remaining[year] -= option.costs[year] }
            descend(position: position + 1, mask: option.isNone ? mask : mask | choice.criteria,
                    reach: reach + values[index][optionIndex])
            for year in 0..<years { remaining[year] += option.costs[year] }
        }
        picks[index] = 0
    }

    /// A required partner decided earlier must be taken; one decided later is checked at the end.
    private func requirementsHold(for index: Int) -> Bool {
        for partner in partners[index] {
            if partner < 0 { return false }
            if positions[partner] < positions[index] && choices[partner].options[picks[partner]].isNone { return false }
        }
        return true
    }

    /// The most any completion of the current choices could reach: every remaining service adds
    /// its criteria and its most valuable option that still fits on its own.
    private func upperBound(from position: Int, mask: UInt128, reach: Int128) -> (coverage: Int, reach: Int128) {
        var boundMask = mask
        var boundReach = reach
        for later in order[position...] {
            let choice = choices[later]
            var bestValue: Int128 = -1
            for (optionIndex, option) in choice.options.enumerated() {
                var fits = true
                for year in 0..<years where option.costs[year] > remaining[year] { fits = false; break }
                if fits { bestValue = max(bestValue, values[later][optionIndex]) }
                if fits && !option.isNone { boundMask |= choice.criteria }
            }
            if bestValue > 0 { boundReach += bestValue }
        }
        return (criteria.weight(boundMask), boundReach)
    }

    private mutating func evaluate(mask: UInt128, reach: Int128) {
        statistics.evaluated += 1
        // Requirements on partners decided later.
        for (index, choice) in choices.enumerated() where !choice.options[picks[index]].isNone {
            for partner in partners[index] where partner < 0 || choices[partner].options[picks[partner]].isNone { return }
        }
        let costs = (0..<years).map { budget - remaining[$0] }
        let tieKey = picks.indices.map { choices[$0].options[picks[$0]].isNone ? Int.max : picks[$0] }
        let found = Found(picks: picks, costs: costs, coverage: criteria.weight(mask), reach: reach, total: costs.reduce(0, +),
                          tieKey: tieKey)
        guard best.count < keep || Self.isBetter(found, than: best[best.count - 1]) else { return }
        var position = best.count
        while position > 0 && Self.isBetter(found, than: best[position - 1]) { position -= 1 }
        best.insert(found, at: position)
        if best.count > keep { best.removeLast() }
    }

    /// The ranking: coverage, then reach, then lower total cost, then the choices in catalogue order.
    static func isBetter(_ left: Found, than right: Found) -> Bool {
        if left.coverage != right.coverage { return left.coverage > right.coverage }
        if left.reach != right.reach { return left.reach > right.reach }
        if left.total != right.total { return left.total < right.total }
        return left.tieKey.lexicographicallyPrecedes(right.tieKey)
    }
}

/// The options' exact values (`ServiceOption.exactValue`) written over one common denominator, so
/// the search adds and compares whole numbers and never rounds. The denominators are branch counts
/// times package activities, so their least common multiple is small for any real catalogue; one
/// that leaves 128 bits is reported as `.overflow`, never wrapped.
struct ReachScale {
    /// The least common multiple of every option's denominator.
    let denominator: Int128
    /// Per service, per option: the exact value × `denominator`, a whole number.
    let values: [[Int128]]

    init(choices: [ServiceChoices]) throws(CompositionError) {
        var common: Int128 = 1
        for choice in choices {
            for option in choice.options {
                let other = option.exactValue.denominator
                let (product, overflow) = (common / Self.gcd(common, other)).multipliedReportingOverflow(by: other)
                guard !overflow else { throw .overflow }
                common = product
            }
        }
        var values: [[Int128]] = []
        var most: Int128 = 0
        for choice in choices {
            var row: [Int128] = []
            for option in choice.options {
                let exact = option.exactValue
                let (value, overflow) = exact.numerator.multipliedReportingOverflow(by: common / exact.denominator)
                guard !overflow else { throw .overflow }
                row.append(value)
            }
            // The largest sum any offer can reach must fit too.
            let (sum, overflow) = most.addingReportingOverflow(row.max() ?? 0)
            guard !overflow else { throw .overflow }
            most = sum
            values.append(row)
        }
        denominator = common
        self.values = values
    }

    /// A scaled sum as the exact fraction it stands for.
    func exact(_ scaled: Int128) throws(CompositionError) -> Rational {
        do { return try Rational(numerator: scaled, denominator: denominator) } catch { throw .overflow }
    }

    private static func gcd(_ first: Int128, _ second: Int128) -> Int128 {
        var (a, b) = (first.magnitude, second.magnitude)
        while b != 0 { (a, b) = (b, a % b) }
        return Int128(a)
    }
}
