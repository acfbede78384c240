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
    /// The municipality as a party to documents: legal name, address, registration, who signs.
    public var parties = MunicipalityParties()

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

/// The municipality's details as a party to quotes and agreements (all optional; see
/// `../shared/spec/interface.md`, *Parties' data*).
public struct MunicipalityParties: Sendable, Equatable {
    /// "Gemeente Midden-Drenthe"; documents use "Gemeente " and the profile's name when absent.
    public var legalName: String?
    public var address: PostalAddress?
    /// The government organisation identification number, 20 digits.
    public var oin: String?
    /// The Chamber of Commerce number, 8 digits.
    public var kvk: String?
    /// Who signs, in which function and under which mandate.
    public var signatory: Signatory?
    /// The buyer reference an e-invoice carries (BR-NL-2).
    public var invoiceReference: String?
    /// The municipality's subsidy regulation, named in the agreement's legal basis
    /// ("Algemene subsidieverordening Midden-Drenthe 2020").
    public var subsidyRegulation: String?
    /// The municipality's contact person for the agreement.
    public var contact: ContactPerson?
    /// Whether these details are placeholders, marked as such in every document.
    public var illustrative = false

    /// Creates the details; with no arguments, none are known.
    public init(legalName: String? = nil, address: PostalAddress? = nil, oin: String? = nil, kvk: String? = nil,
                signatory: Signatory? = nil, invoiceReference: String? = nil, subsidyRegulation: String? = nil,
                contact: ContactPerson? = nil, illustrative: Bool = false) {
        self.legalName = legalName
        self.address = address
        self.oin = oin
        self.kvk = kvk
        self.signatory = signatory
        self.invoiceReference = invoiceReference
        self.subsidyRegulation = subsidyRegulation
        self.contact = contact
        self.illustrative = illustrative
    }
}

/// A school's details as the payer of its own contribution (invoices); all optional.
public struct SchoolParties: Sendable, Equatable {
    /// The school board's legal name, "Stichting Openbaar Onderwijs …".
    public var legalName: String?
    public var address: PostalAddress?
    public var kvk: String?
    /// The buyer reference an e-invoice to the school carries.
    public var invoiceReference: String?

    /// Creates the details.
    public init(legalName: String? = nil, address: PostalAddress? = nil, kvk: String? = nil, invoiceReference: String? = nil) {
        self.legalName = legalName
        self.address = address
        self.kvk = kvk
        self.invoiceReference = invoiceReference
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
    /// The school as the payer of its contribution.
    public var parties = SchoolParties()

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
