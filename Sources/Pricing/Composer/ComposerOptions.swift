import Catalogue
import Money

/// One way to take a service in a composed offer, or not to take it.
public struct ServiceOption: Sendable {
    /// The offer line, or nil for "not taken".
    public var line: OfferLine?
    /// What the option is, in English: "package groot", "2 of 4 branches: Beilen, Smilde".
    public var label: String
    /// How much of the service's full reach the option gives, exactly (0 to 1): the share of
    /// eligible branches, times the package's activities against the largest package.
    public var reach: Rational
    /// `reach` in whole percent (0–100), rounded half up: for display only.
    public var reachPercent: Int
    /// The municipality's cost in each year of the composition, in year order.
    public var amounts: [Money]
    /// The same in cents, for the search.
    public var costs: [Int64]
    /// The option's value, exactly: the service's summed weight × `reach` × 100. The search adds
    /// and compares these, never rounded ones.
    public var exactValue: Rational
    /// `exactValue` rounded half up to a whole number: for display only.
    public var value: Int

    /// An option worth `weight` × `reach` × 100; `share` is at most 1 and its terms are small.
    init(line: OfferLine?, label: String, share: Share, weight: Int, amounts: [Money], costs: [Int64]) {
        self.line = line
        self.label = label
        self.amounts = amounts
        self.costs = costs
        // The denominator is at least 1 and the terms are far inside 128 bits: these never throw.
        reach = (try? Rational(numerator: Int128(share.numerator), denominator: Int128(share.denominator))) ?? .zero
        exactValue = (try? Rational(numerator: Int128(share.numerator) * Int128(weight) * 100,
                                    denominator: Int128(share.denominator))) ?? .zero
        reachPercent = Int((try? reach.multiplied(by: Rational(100)).rounded(.halfAwayFromZero)) ?? 0)
        value = Int((try? exactValue.rounded(.halfAwayFromZero)) ?? 0)
    }

    /// Whether this is the "not taken" option.
    public var isNone: Bool { line == nil }
}

/// Why a service is in the search space without a "not taken" option.
public enum MandatoryReason: String, Sendable {
    /// A Basis service: every municipality should have it.
    case basis
    /// Named with `--require`.
    case required
}

/// The choices the composer has for one service.
public struct ServiceChoices: Sendable {
    /// The service (from the first year's book).
    public var service: Service
    /// Why it must be taken, if it must.
    public var mandatory: MandatoryReason?
    /// The options, "not taken" first when the service is optional, then in catalogue order.
    public var options: [ServiceOption]
    /// Services that must be taken for this one to be taken (Thuislezen needs dBos PO).
    public var requires: [String]
    /// The bit of each criterion (Wsob function, target group, theme) the service serves.
    public var criteria: UInt128
}

/// A service the composer leaves out of its search, and why.
public struct ServiceNotConsidered: Sendable, Equatable {
    /// The service code.
    public var service: String
    /// The Dutch name.
    public var name: String
    /// Basis or Basis Plus.
    public var tier: Tier
    /// Why, in English.
    public var reason: String
}

/// Builds the options of each service of a book for one municipality.
///
/// The option space (documented in the README):
/// - A Basis service is taken for every matching subject (all branches it allows, every school of
///   its level, every childcare location, every consultation bureau), unless it is excluded.
/// - A per-branch Basis Plus service may go to any set of the branches it allows. Branches of the
///   same size cost and weigh the same, so the composer considers every *number* of branches per
///   size (larger branches first, then profile order within a size); each choice stands for all
///   the sets of the same branches' sizes.
/// - Services for schools, childcare locations or consultation bureaus go to all of them or none:
///   the composer does not choose between schools.
/// - A service with packages considers every package.
/// - Other choices (hours a week, participants) keep the catalogue's default.
/// - Services priced only on custom quote or by agreed hours (maatwerk) are not composed: they
///   need an amount the catalogue does not give.
enum OptionBuilder {
    /// The most options one service may have before per-size branch choices are reduced to
    /// "all eligible branches or none".
    static let maximumOptionsPerService = 4_096

    struct Result {
        var choices: [ServiceChoices]
        var notConsidered: [ServiceNotConsidered]
    }

    static func build(book: TariffBook, profile: MunicipalityProfile, books: PricingBooks, years: ClosedRange<Int>,
                      required: Set<String>, excluded: Set<String>, priorities: Priorities,
                      criteria: CriteriaIndex) -> Result {
        var choices: [ServiceChoices] = []
        var skipped: [ServiceNotConsidered] = []
        for service in book.services {
            func skip(_ reason: String) {
                skipped.append(ServiceNotConsidered(service: service.code, name: service.name, tier: service.tier, reason: reason))
            }
            if excluded.contains(service.code) {
                skip("excluded (--exclude)")
                continue
            }
            let priced = service.components.filter { $0.basis != .customQuote && $0.basis != .perHour }
            if priced.isEmpty {
                skip(service.components.contains { $0.basis == .perHour }
                     ? "priced by the hours agreed per assignment; add it to the offer by hand"
                     : "priced on custom quote only; add it to the offer by hand with the quoted amount")
                continue
            }
            var companions: [OfferLine] = []
            var requires: [String] = []
            var blocked: String?
            for constraint in service.constraints {
                guard case .requiresServiceOnSchool(let partner) = constraint else { continue }
                if excluded.contains(partner) { blocked = "needs \(partner), which is excluded" }
                companions.append(OfferLine(service: partner))
                requires.append(partner)
            }
            if let blocked {
                skip(blocked)
                continue
            }
            let mandatory: MandatoryReason? = required.contains(service.code) ? .required : (service.tier == .basis ? .basis : nil)
            // A Basis service always goes to every matching subject, also when it is required.
            let fullScope = service.tier == .basis
            let groups = fullScope || !service.subjectKinds.contains(.branch) ? []
                : branchGroups(service, companions: companions, profile: profile, books: books, years: years)
            let lines = candidateLines(service, profile: profile, fullScopeOnly: fullScope, branchGroups: groups)
            let weight = priorities.weight(of: service)
            var options: [ServiceOption] = []
            var firstProblem: String?
            for candidate in lines {
                switch ServiceCosting.costs(of: [candidate.line] + companions, service: service.code, profile: profile,
                                            books: books, years: years) {
                case .success(let costs):
                    options.append(ServiceOption(line: candidate.line, label: candidate.label, share: candidate.reach,
                                                 weight: weight, amounts: costs.map(\.amount), costs: costs.map(\.amount.cents)))
                case .failure(let problem):
                    if firstProblem == nil { firstProblem = problem.message }
                }
            }
            if options.isEmpty {
                skip("does not apply to \(profile.code): \(firstProblem ?? "no option can be offered")")
                continue
            }
            if mandatory == nil {
                options.insert(ServiceOption(line: nil, label: "not taken", share: Share(0, 1), weight: weight,
                                             amounts: Array(repeating: .zero, count: years.count), costs: Array(repeating: 0, count: years.count)), at: 0)
            }
            choices.append(ServiceChoices(service: service, mandatory: mandatory, options: options, requires: requires,
                                          criteria: criteria.mask(of: service)))
        }
        return Result(choices: choices, notConsidered: skipped)
    }

    /// The branches a per-branch service may go to, grouped by what the service costs at each
    /// branch on its own: branches of one group are interchangeable, so only how many of them
    /// are taken matters. Groups and branches within a group go from larger to smaller branch
    /// size, then in profile order.
    static func branchGroups(_ service: Service, companions: [OfferLine], profile: MunicipalityProfile,
                             books: PricingBooks, years: ClosedRange<Int>) -> [[Branch]] {
        let allowed = service.allowedBranchSizes
        var groups: [(costs: [Int64], branches: [Branch])] = []
        for size in BranchSize.allCases where allowed.contains(size) {
            for branch in profile.branches where branch.size == size {
                var line = OfferLine(service: service.code)
                line.subjects[.branch] = [branch.id]
                guard case .success(let costs) = ServiceCosting.costs(of: [line] + companions, service: service.code,
                                                                      profile: profile, books: books, years: years) else { continue }
                let signature = costs.map(\.amount.cents)
                if let index = groups.firstIndex(where: { $0.costs == signature }) {
                    groups[index].branches.append(branch)
                } else {
                    groups.append((signature, [branch]))
                }
            }
        }
        return groups.map(\.branches)
    }

    struct Candidate {
        var line: OfferLine
        var label: String
        var reach: Share
    }

    /// Every line the composer considers for a service, in a fixed order.
    static func candidateLines(_ service: Service, profile: MunicipalityProfile, fullScopeOnly: Bool,
                               branchGroups: [[Branch]]) -> [Candidate] {
        // Scope: which branches (other subjects are always all of them).
        var scopes: [(branches: [String]?, label: String, reach: Share)] = []
        if service.subjectKinds.contains(.branch) && !fullScopeOnly {
            let eligible = branchGroups.flatMap { $0 }
            let groups = branchGroups
            let combinations = groups.reduce(1) { $0 * ($1.count + 1) }
            if eligible.isEmpty || combinations > maximumOptionsPerService {
                scopes = [(nil, eligible.isEmpty ? "" : every(eligible.count, "branch"), Share.whole)]
            } else {
                // Every count per group, in odometer order (last group fastest), all-zero left out.
                var counts = Array(repeating: 0, count: groups.count)
                while true {
                    var position = groups.count - 1
                    while position >= 0 {
                        if counts[position] < groups[position].count { counts[position] += 1; break }
                        counts[position] = 0
                        position -= 1
                    }
                    if position < 0 { break }
                    let chosen = zip(groups, counts).flatMap { $0.0.prefix($0.1) }
                    let label = chosen.count == eligible.count
                        ? every(eligible.count, "branch")
                        : "\(chosen.count) of \(eligible.count) branches: " + chosen.map(\.name).joined(separator: ", ")
                    let ids = chosen.count == eligible.count ? nil : chosen.map(\.id)
                    scopes.append((ids, label, Share(chosen.count, eligible.count)))
                }
                // Fewer branches first, then the odometer order: a stable, documented order.
                scopes = scopes.enumerated().sorted { left, right in
                    let lc = left.element.reach.numerator, rc = right.element.reach.numerator
                    return lc != rc ? lc < rc : left.offset < right.offset
                }.map(\.element)
            }
        } else {
            scopes = [(nil, scopeLabel(service, profile: profile), Share.whole)]
        }
        // Packages.
        var packages: [(key: String?, label: String, reach: Share)] = [(nil, "", Share.whole)]
        if let component = service.optionComponent(by: .package), case .table(_, _, let options) = component.pricing,
           !options.isEmpty {
            let activities = options.compactMap(\.activities)
            if activities.count == options.count, let largest = activities.max(), largest > 0 {
                packages = options.map { ($0.key, "package \($0.key)", Share($0.activities!, largest)) }
            } else {
                let largest = options.map(\.tariff.amount.cents).max() ?? 0
                packages = options.map { option in
                    (option.key, "package \(option.key)",
                     largest > 0 ? Share(Int(option.tariff.amount.cents), Int(largest)) : Share.whole)
                }
            }
        }
        var result: [Candidate] = []
        for package in packages {
            for scope in scopes {
                var line = OfferLine(service: service.code)
                if let ids = scope.branches { line.subjects[.branch] = ids }
                line.package = package.key
                let scopeLabel = package.key != nil && scope.branches == nil && scope.label == "for the municipality" ? "" : scope.label
                let label = [package.label, scopeLabel].filter { !$0.isEmpty }.joined(separator: ", ")
                result.append(Candidate(line: line, label: label.isEmpty ? "taken" : label,
                                        reach: package.reach.times(scope.reach)))
            }
        }
        return result
    }

    /// "all 18 po schools", "the 1 vo school".
    private static func every(_ count: Int, _ noun: String) -> String {
        count == 1 ? "the 1 \(noun)" : "all \(count) \(noun)\(noun.hasSuffix("ch") ? "es" : "s")"
    }

    /// "all 18 po schools", "all 4 childcare locations", "for the municipality".
    private static func scopeLabel(_ service: Service, profile: MunicipalityProfile) -> String {
        let kinds = service.subjectKinds
        if kinds.contains(.branch) {
            let allowed = service.allowedBranchSizes
            return every(profile.branches.filter { allowed.contains($0.size) }.count, "branch")
        }
        if kinds.contains(.school) {
            let level = service.requiredSchoolLevel
            let count = profile.schools.filter { level == nil || $0.level == level }.count
            return every(count, "\(level.map { "\($0.rawValue) " } ?? "")school")
        }
        if kinds.contains(.childcareLocation) { return every(profile.childcareLocations.count, "childcare location") }
        if kinds.contains(.consultationBureau) { return every(profile.consultationBureaus.count, "consultation bureau") }
        return "for the municipality"
    }

}

/// A share of a service's full reach, as a fraction of whole numbers.
struct Share {
    var numerator: Int
    var denominator: Int

    init(_ numerator: Int, _ denominator: Int) {
        self.numerator = numerator
        self.denominator = max(denominator, 1)
    }

    static let whole = Share(1, 1)

    func times(_ other: Share) -> Share {
        Share(numerator * other.numerator, denominator * other.denominator)
    }
}

/// Numbers the criteria (Wsob functions, then the book's target groups, then its themes) so a
/// set of them is a bit mask.
struct CriteriaIndex {
    var weights: [Int] = []
    var names: [String] = []
    private var wsobBits: [Int: Int] = [:]
    private var groupBits: [String: Int] = [:]
    private var themeBits: [String: Int] = [:]

    /// At most 128 criteria fit a mask; the book limits its vocabularies accordingly.
    static let capacity = 128

    init(book: TariffBook, priorities: Priorities) {
        for number in 1...5 {
            wsobBits[number] = weights.count
            weights.append(priorities.weight(wsob: number))
            names.append("wsob-\(number)")
        }
        for group in book.targetGroups where weights.count < Self.capacity {
            groupBits[group.code] = weights.count
            weights.append(priorities.weight(targetGroup: group.code))
            names.append(group.code)
        }
        for theme in book.themes where weights.count < Self.capacity {
            themeBits[theme.code] = weights.count
            weights.append(priorities.weight(theme: theme.code))
            names.append(theme.code)
        }
    }

    func mask(of service: Service) -> UInt128 {
        var mask: UInt128 = 0
        for number in service.wsob { if let bit = wsobBits[number] { mask |= 1 << bit } }
        for code in service.targetGroups { if let bit = groupBits[code] { mask |= 1 << bit } }
        for code in service.themes { if let bit = themeBits[code] { mask |= 1 << bit } }
        return mask
    }

    /// The summed weight of the criteria in `mask`.
    func weight(_ mask: UInt128) -> Int {
        var total = 0
        var rest = mask
        while rest != 0 {
            let bit = rest.trailingZeroBitCount
            total += weights[bit]
            rest &= rest - 1
        }
        return total
    }
}
