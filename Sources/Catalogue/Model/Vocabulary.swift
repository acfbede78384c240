/// The closed vocabularies of a tariff book. Each raw value is the spelling used in the
/// JSON files, so a book and the code can never disagree about a name.

/// The catalogue's two tiers: Basis (wanted in every municipality under the Wsob) and
/// Basis Plus (chosen per municipality).
public enum Tier: String, Sendable, CaseIterable {
    case basis
    case basisPlus = "basis-plus"

    /// The Dutch name used in the catalogue and in documents.
    public var dutchName: String {
        switch self {
        case .basis: "Basis"
        case .basisPlus: "Basis Plus"
        }
    }
}

/// What a component's quantity counts.
public enum Basis: String, Sendable, CaseIterable {
    case perMunicipality = "per-municipality"
    case perBranch = "per-branch"
    case perInhabitant = "per-inhabitant"
    case perPupil = "per-pupil"
    case perSchool = "per-school"
    case perChildcareLocation = "per-childcare-location"
    case perConsultationBureau = "per-consultation-bureau"
    case perPackage = "per-package"
    case perHour = "per-hour"
    /// Per participant per activity: fees paid by participants themselves.
    case perParticipant = "per-participant"
    /// No published amount: the account manager enters amount and recurrence.
    case customQuote = "custom-quote"

    /// A short English description for listings.
    public var englishDescription: String {
        switch self {
        case .perMunicipality: "per municipality"
        case .perBranch: "per branch"
        case .perInhabitant: "per inhabitant"
        case .perPupil: "per pupil"
        case .perSchool: "per school"
        case .perChildcareLocation: "per childcare location"
        case .perConsultationBureau: "per consultation bureau"
        case .perPackage: "per package"
        case .perHour: "per hour"
        case .perParticipant: "per participant per activity"
        case .customQuote: "custom quote"
        }
    }

    /// The Dutch unit used in documents ("per inwoner").
    public var dutchUnit: String {
        switch self {
        case .perMunicipality: "per gemeente"
        case .perBranch: "per vestiging"
        case .perInhabitant: "per inwoner"
        case .perPupil: "per leerling"
        case .perSchool: "per school"
        case .perChildcareLocation: "per kinderopvanglocatie"
        case .perConsultationBureau: "per consultatiebureau"
        case .perPackage: "per pakket"
        case .perHour: "per uur"
        case .perParticipant: "per deelnemer per activiteit"
        case .customQuote: "op offerte"
        }
    }
}

/// When a component is charged.
public enum Recurrence: String, Sendable, CaseIterable {
    case annual
    /// Charged once, in the first year the service is delivered.
    case oneOff = "one-off"
    /// Charged every year except the service's first.
    case annualFromSecondYear = "annual-from-second-year"

    /// A short English description for listings.
    public var englishDescription: String {
        switch self {
        case .annual: "annual"
        case .oneOff: "one-off"
        case .annualFromSecondYear: "annual from year 2"
        }
    }
}

/// Who pays a component.
public enum Payer: String, Sendable, CaseIterable {
    case municipality
    case school
    /// Expected participant fees: shown, never added to the municipality's total.
    case participants
}

/// How a tariff follows the yearly indexation.
public enum IndexClass: String, Sendable, CaseIterable {
    /// Hourly rates and staff-hour units: the wage percentage.
    case wage
    /// Books, materials, hardware, supplier support: the price percentage.
    case price
    /// Packages of staff and materials: the weighted mix of wage and price.
    case mixed
    /// Not indexed: participant fees, the national IDO amount, the school contribution.
    case none
    /// Computed from other tariffs of the same book by a formula; never indexed itself.
    case derived
}

/// The size class of a library branch.
public enum BranchSize: String, Sendable, CaseIterable {
    case large
    case medium
    case small
    case servicePoint = "service-point"

    /// The Dutch name used in the catalogue.
    public var dutchName: String {
        switch self {
        case .large: "grote bibliotheek"
        case .medium: "middelgrote bibliotheek"
        case .small: "kleine bibliotheek"
        case .servicePoint: "servicepunt"
        }
    }
}

/// The level of a school: primary (po) or secondary (vo) education.
public enum SchoolLevel: String, Sendable, CaseIterable {
    case po
    case vo
}

/// The choice a component's options are keyed by.
public enum OptionDimension: String, Sendable, CaseIterable {
    /// Options keyed by `BranchSize`; the basis must be `per-branch`.
    case branchSize = "branch-size"
    /// Options keyed by a package name chosen in the offer; the basis must be `per-package`.
    case package
    /// Options keyed by a staff level chosen in the offer; the basis must be `per-hour`.
    case level

    /// The basis a component with this dimension must have.
    public var requiredBasis: Basis {
        switch self {
        case .branchSize: .perBranch
        case .package: .perPackage
        case .level: .perHour
        }
    }
}
