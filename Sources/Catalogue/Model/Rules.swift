import Money

/// A service level the contract promises, computed from a school's pupil count: a table
/// (books per pupil, hours a week) or a proportional rate (one hour per 100 pupils).
///
/// Tables follow the UNIQUE hit policy of DMN decision tables: the loader refuses a table
/// whose rows leave a gap or overlap, so every pupil count matches exactly one row.
public struct ServiceLevel: Sendable, Equatable {
    /// A code unique within the service, e.g. `boeken-per-leerling`.
    public var code: String
    /// The Dutch name.
    public var name: String
    /// What the level is computed from; only `pupils` exists today.
    public var input: String
    /// The Dutch unit of the value, e.g. "uur per week".
    public var unit: String
    /// A remark in Dutch.
    public var note: String?
    /// The rule.
    public var rule: ServiceLevelRule

    /// The level for a school with this many pupils, and the matching row's note.
    public func value(forPupils pupils: Int) -> (value: Quantity, note: String?)? {
        switch rule {
        case .table(let rows):
            guard let row = rows.first(where: { $0.contains(pupils) }) else { return nil }
            return (row.value, row.note)
        case .rate(let per, let value):
            // value × pupils / per; the loader only accepts a power of ten for `per`, so the
            // result is always an exact decimal.
            guard let scaled = try? value.rational.multiplied(by: Rational(Int64(pupils)))
                .divided(by: Rational(Int64(per))),
                  let result = Quantity(exactly: scaled) else { return nil }
            return (result, nil)
        }
    }
}

/// How a service level is computed.
public enum ServiceLevelRule: Sendable, Equatable {
    /// Rows covering 0…∞ without gaps or overlaps.
    case table([ServiceLevelRow])
    /// `value` for every `per` units of input, proportionally.
    case rate(per: Int, value: Quantity)
}

/// A row of a service-level table: inputs from `from` to `to` (inclusive; open-ended when
/// `to` is nil) give `value`.
public struct ServiceLevelRow: Sendable, Equatable {
    /// The smallest input of the row.
    public var from: Int
    /// The largest input of the row, or nil for no upper bound.
    public var to: Int?
    /// The level.
    public var value: Quantity
    /// A remark in Dutch.
    public var note: String?

    /// Whether the row covers this input.
    public func contains(_ input: Int) -> Bool {
        input >= from && (to.map { input <= $0 } ?? true)
    }
}

/// A rule an offer line for a service must satisfy; checked when an offer is validated.
public enum ServiceConstraint: Sendable, Equatable {
    /// Only branches of these sizes may take the service (LLO pakket 1: not for service points).
    case branchSizes(allowed: [BranchSize])
    /// Only schools of this level may take the service.
    case schoolLevel(SchoolLevel)
    /// Each school needs this other service in the same offer (Thuislezen needs dBos PO).
    case requiresServiceOnSchool(service: String)
    /// A number given in the offer line must lie within bounds (Makersplaats).
    case range(field: String, minimum: Quantity?, maximum: Quantity?)
    /// Series of a named format count as a fixed number of the package's activities
    /// (a BiebFabriek series counts as 7 activities of LLO pakket 2).
    case activityEquivalent(field: String, name: String, activities: Int)

    /// A plain English statement of the rule, for listings and error messages.
    public var englishDescription: String {
        switch self {
        case .branchSizes(let allowed):
            "only for branches of size " + allowed.map(\.rawValue).joined(separator: ", ")
        case .schoolLevel(let level):
            "only for \(level.rawValue) schools"
        case .requiresServiceOnSchool(let service):
            "each school also needs \(service) in the same offer"
        case .range(let field, let minimum, let maximum):
            switch (minimum, maximum) {
            case let (minimum?, maximum?): "\(field) from \(minimum) to \(maximum)"
            case let (minimum?, nil): "\(field) at least \(minimum)"
            case let (nil, maximum?): "\(field) at most \(maximum)"
            case (nil, nil): "\(field) unrestricted"
            }
        case .activityEquivalent(let field, let name, let activities):
            "each \(name) (\(field)) counts as \(activities) of the package's activities"
        }
    }
}
