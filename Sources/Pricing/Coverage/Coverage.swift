import Catalogue
import Money
import Support

/// How many Wsob core functions a branch of each size should offer. The default follows
/// Midden-Drenthe's library vision (2023–2030): a large branch all five, a smaller one three.
public struct BranchNeeds: Sendable, Equatable {
    /// The number of core functions (1 to 5) per branch size.
    public var bySize: [BranchSize: Int]

    /// Creates the needs; sizes left out need nothing.
    public init(bySize: [BranchSize: Int]) {
        self.bySize = bySize
    }

    /// Large branches 5, medium and small branches and service points 3.
    public static let standard = BranchNeeds(bySize: [.large: 5, .medium: 3, .small: 3, .servicePoint: 3])

    /// The need of a branch of this size.
    public func need(_ size: BranchSize) -> Int { bySize[size] ?? 0 }
}

/// What an offer covers: the Basis services it lacks, the Wsob core functions, target groups and
/// themes no service in it reaches, and per branch how many core functions its services reach.
public struct CoverageReport: Sendable, Equatable {
    /// The services in the offer, in catalogue order.
    public var services: [String]
    /// Wsob functions (1–5) served by at least one service of the offer.
    public var wsobCovered: [Int]
    /// Wsob functions no service of the offer serves.
    public var wsobMissing: [Int]
    /// Target group codes reached, in book order.
    public var targetGroupsCovered: [String]
    /// Target group codes not reached.
    public var targetGroupsMissing: [String]
    /// Theme codes worked on, in book order.
    public var themesCovered: [String]
    /// Theme codes not worked on.
    public var themesMissing: [String]
    /// The Basis services the municipality could take but the offer lacks.
    public var basisGaps: [BasisGap]
    /// Basis services that do not apply to the municipality (e.g. no childcare locations).
    public var basisNotApplicable: [BasisGap]
    /// Every branch of the profile, in profile order.
    public var branches: [BranchCoverage]

    /// Whether the offer has every applicable Basis service, all five core functions and every
    /// branch meets its need.
    public var isComplete: Bool {
        basisGaps.isEmpty && wsobMissing.isEmpty && branches.allSatisfy(\.meetsNeed)
    }
}

/// A Basis service missing from an offer, with what it would cost.
public struct BasisGap: Sendable, Equatable {
    /// The service code.
    public var service: String
    /// The Dutch name.
    public var name: String
    /// The municipality's cost per offer year, when the service applies to the municipality.
    public var costs: [YearAmount]
    /// Why the service does not apply, when it does not (in English, from the offer checks).
    public var notApplicableReason: String?
}

/// An amount in one year.
public struct YearAmount: Sendable, Equatable {
    /// The calendar year.
    public var year: Int
    /// The amount.
    public var amount: Money

    /// Creates the pair.
    public init(year: Int, amount: Money) {
        self.year = year
        self.amount = amount
    }
}

/// The core functions one branch reaches through the services taken for it.
public struct BranchCoverage: Sendable, Equatable {
    /// The branch id.
    public var id: String
    /// The branch name.
    public var name: String
    /// Its size.
    public var size: BranchSize
    /// The Wsob functions reached, ascending.
    public var functions: [Int]
    /// The services taken for this branch, in catalogue order.
    public var services: [String]
    /// How many functions it should reach.
    public var need: Int

    /// Whether it reaches at least its need.
    public var meetsNeed: Bool { functions.count >= need }
}

/// Computes the coverage of offers.
public enum CoverageAnalyzer {
    /// The coverage of a validated offer, over all its lines and years. A branch reaches the
    /// functions of the services taken *for that branch* (priced per branch); services for the
    /// municipality as a whole, schools or childcare are counted for the municipality only, since
    /// the catalogue does not say at which branch they take place. Basis gaps are priced with
    /// `books` for the offer's years.
    public static func coverage(of offer: ValidatedOffer, books: PricingBooks,
                                needs: BranchNeeds = .standard) -> CoverageReport {
        let years = offer.offer.yearRange
        guard let book = books[years.lowerBound]?.book else {
            return coverage(services: [], branchServices: [:], book: nil, profile: offer.profile, gaps: [], needs: needs)
        }
        let taken = Set(offer.lines.map(\.line.service))
        var branchServices: [String: Set<String>] = [:]
        for resolved in offer.lines {
            for branch in resolved.branches { branchServices[branch.id, default: []].insert(resolved.line.service) }
        }
        var gaps: [BasisGap] = []
        for service in book.services where service.tier == .basis && !taken.contains(service.code) {
            gaps.append(basisGap(service, profile: offer.profile, books: books, years: years))
        }
        return coverage(services: taken, branchServices: branchServices, book: book, profile: offer.profile,
                        gaps: gaps, needs: needs)
    }

    /// The coverage of a set of services, with branch services and gaps already known.
    static func coverage(services taken: Set<String>, branchServices: [String: Set<String>], book: TariffBook?,
                         profile: MunicipalityProfile, gaps: [BasisGap], needs: BranchNeeds) -> CoverageReport {
        let services = book?.services.filter { taken.contains($0.code) } ?? []
        let wsob = Set(services.flatMap(\.wsob))
        let groups = Set(services.flatMap(\.targetGroups))
        let themes = Set(services.flatMap(\.themes))
        let allGroups = book?.targetGroups.map(\.code) ?? []
        let allThemes = book?.themes.map(\.code) ?? []
        let branches = profile.branches.map { branch in
            let codes = branchServices[branch.id] ?? []
            let own = book?.services.filter { codes.contains($0.code) } ?? []
            return BranchCoverage(id: branch.id, name: branch.name, size: branch.size,
                                  functions: Set(own.flatMap(\.wsob)).sorted(), services: own.map(\.code),
                                  need: needs.need(branch.size))
        }
        return CoverageReport(
            services: services.map(\.code),
            wsobCovered: (1...5).filter { wsob.contains($0) }, wsobMissing: (1...5).filter { !wsob.contains($0) },
            targetGroupsCovered: allGroups.filter { groups.contains($0) },
            targetGroupsMissing: allGroups.filter { !groups.contains($0) },
            themesCovered: allThemes.filter { themes.contains($0) },
            themesMissing: allThemes.filter { !themes.contains($0) },
            basisGaps: gaps.filter { $0.notApplicableReason == nil },
            basisNotApplicable: gaps.filter { $0.notApplicableReason != nil },
            branches: branches)
    }

    /// What a service would cost the municipality in each year, taken as its default line (every
    /// matching subject, default choices), or why it does not apply.
    public static func basisGap(_ service: Service, profile: MunicipalityProfile, books: PricingBooks,
                                years: ClosedRange<Int>) -> BasisGap {
        let line = OfferLine(service: service.code)
        switch ServiceCosting.costs(of: [line], service: service.code, profile: profile, books: books, years: years) {
        case .success(let costs):
            return BasisGap(service: service.code, name: service.name, costs: costs, notApplicableReason: nil)
        case .failure(let problem):
            return BasisGap(service: service.code, name: service.name, costs: [], notApplicableReason: problem.message)
        }
    }
}

/// Prices lines of an offer on their own, to learn what one service costs.
enum ServiceCosting {
    /// Why lines could not be priced on their own.
    struct Problem: Error {
        var message: String
    }

    /// The municipality's cost per year of the lines of `service` in an offer made of `lines`
    /// (which may include lines of other services the service needs, such as dBos PO for
    /// Thuislezen; those are priced but not counted).
    static func costs(of lines: [OfferLine], service: String, profile: MunicipalityProfile, books: PricingBooks,
                      years: ClosedRange<Int>) -> Result<[YearAmount], Problem> {
        let offer = Offer(municipality: profile.code, firstYear: years.lowerBound, years: years.count, lines: lines)
        let collector = DiagnosticCollector(file: "")
        guard let validated = OfferValidator.validate(offer, profile: profile, books: books, collector: collector) else {
            return .failure(Problem(message: collector.diagnostics.first?.message ?? "cannot be offered"))
        }
        let priced: PricedOffer
        do {
            priced = try PricingEngine.price(validated, books: books)
        } catch {
            return .failure(Problem(message: error.description))
        }
        var result: [YearAmount] = []
        for year in priced.years {
            var total = Money.zero
            for line in year.lines where line.service == service && line.payer == .municipality {
                guard let sum = try? total.adding(line.amount) else {
                    return .failure(Problem(message: "the \(year.year) cost is outside the supported range"))
                }
                total = sum
            }
            result.append(YearAmount(year: year.year, amount: total))
        }
        return .success(result)
    }
}
