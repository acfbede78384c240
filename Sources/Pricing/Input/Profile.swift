import Catalogue
import Support

/// What a municipality looks like for pricing: inhabitants over time, branches, schools,
/// childcare locations and consultation bureaus (`seeds/municipalities/<code>.json`).
public struct MunicipalityProfile: Sendable {
    /// A stable code, e.g. `midden-drenthe`.
    public var code: String
    /// The Dutch name, e.g. "Midden-Drenthe".
    public var name: String
    /// Inhabitant counts by reference date, oldest first.
    public var inhabitants: [InhabitantCount]
    /// The library branches.
    public var branches: [Branch]
    /// Primary (po) and secondary (vo) schools.
    public var schools: [School]
    /// Childcare locations (kinderopvang).
    public var childcareLocations: [Location]
    /// Consultation bureaus (consultatiebureaus).
    public var consultationBureaus: [Location]

    /// Creates a profile.
    public init(code: String, name: String, inhabitants: [InhabitantCount], branches: [Branch], schools: [School],
                childcareLocations: [Location], consultationBureaus: [Location]) {
        self.code = code
        self.name = name
        self.inhabitants = inhabitants.sorted { $0.date < $1.date }
        self.branches = branches
        self.schools = schools
        self.childcareLocations = childcareLocations
        self.consultationBureaus = consultationBureaus
    }

    /// The count that prices year `year`: the latest dated on or before 1 January of that year.
    public func inhabitants(forPricingYear year: Int) -> InhabitantCount? {
        let reference = CalendarDate.firstOfJanuary(year)
        return inhabitants.last { $0.date <= reference }
    }
}

/// The number of inhabitants on a reference date.
public struct InhabitantCount: Sendable, Equatable {
    /// The reference date, usually 1 January.
    public var date: CalendarDate
    /// The number of inhabitants.
    public var count: Int
    /// Where the figure comes from.
    public var source: String?
    /// Whether the figure was invented to complete an example.
    public var illustrative: Bool

    /// Creates a count.
    public init(date: CalendarDate, count: Int, source: String? = nil, illustrative: Bool = false) {
        self.date = date
        self.count = count
        self.source = source
        self.illustrative = illustrative
    }
}

/// A library branch.
public struct Branch: Sendable, Equatable {
    /// An id unique among the profile's branches.
    public var id: String
    /// The name, usually the place.
    public var name: String
    /// The size class, which selects the branch tariff.
    public var size: BranchSize
    /// Whether the branch (or its size) was invented to complete an example.
    public var illustrative: Bool

    /// Creates a branch.
    public init(id: String, name: String, size: BranchSize, illustrative: Bool = false) {
        self.id = id
        self.name = name
        self.size = size
        self.illustrative = illustrative
    }
}

/// A school.
public struct School: Sendable, Equatable {
    /// An id unique among the profile's schools.
    public var id: String
    /// The name.
    public var name: String
    /// Primary (po) or secondary (vo).
    public var level: SchoolLevel
    /// The number of pupils.
    public var pupils: Int
    /// Whether the school (or its pupil count) was invented to complete an example.
    public var illustrative: Bool

    /// Creates a school.
    public init(id: String, name: String, level: SchoolLevel, pupils: Int, illustrative: Bool = false) {
        self.id = id
        self.name = name
        self.level = level
        self.pupils = pupils
        self.illustrative = illustrative
    }
}

/// A childcare location or consultation bureau.
public struct Location: Sendable, Equatable {
    /// An id unique among the profile's locations of this kind.
    public var id: String
    /// The name.
    public var name: String
    /// Whether the location was invented to complete an example.
    public var illustrative: Bool

    /// Creates a location.
    public init(id: String, name: String, illustrative: Bool = false) {
        self.id = id
        self.name = name
        self.illustrative = illustrative
    }
}

/// The kinds of subject a service can be taken for, each with its field in profiles and offers.
public enum SubjectKind: String, Sendable, CaseIterable, Comparable {
    case branch
    case school
    case childcareLocation
    case consultationBureau

    /// The field of the profile and of an offer line that lists subjects of this kind.
    public var field: String {
        switch self {
        case .branch: "branches"
        case .school: "schools"
        case .childcareLocation: "childcareLocations"
        case .consultationBureau: "consultationBureaus"
        }
    }

    /// The English noun, for messages.
    public var noun: String {
        switch self {
        case .branch: "branch"
        case .school: "school"
        case .childcareLocation: "childcare location"
        case .consultationBureau: "consultation bureau"
        }
    }

    public static func < (lhs: SubjectKind, rhs: SubjectKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
