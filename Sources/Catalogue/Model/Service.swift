import Money

/// A service of the catalogue, e.g. "de Bibliotheek op school, primair onderwijs".
public struct Service: Sendable {
    /// A stable code, e.g. `dbos-po`.
    public var code: String
    /// The Dutch name.
    public var name: String
    /// The catalogue section, e.g. "4.4".
    public var section: String
    /// The programme line code, or nil for services outside the four lines (maatwerk).
    public var programmeLine: String?
    /// Basis or Basis Plus.
    public var tier: Tier
    /// The Wsob core functions the service serves.
    public var wsob: [Int]
    /// The target group, in Dutch, as the catalogue words it.
    public var targetGroup: String
    /// The target groups as codes of the book's `targetGroups` (for coverage and the composer).
    public var targetGroups: [String] = []
    /// The societal themes the service works on, as codes of the book's `themes`.
    public var themes: [String] = []
    /// The partners the library works with for this service.
    public var partners: [String]
    /// A short description in Dutch.
    public var description: String
    /// A remark on special funding (dBos PO), if any.
    public var specialFunding: String?
    /// The terms of the agreement the library makes with each school, if the service has one.
    public var schoolAgreement: SchoolAgreementTerms?
    /// The priced components.
    public var components: [Component]
    /// The service levels the contract promises, computed from tables.
    public var serviceLevels: [ServiceLevel]
    /// Rules an offer line for this service must satisfy.
    public var constraints: [ServiceConstraint]

    /// The component with this code.
    public func component(_ code: String) -> Component? {
        components.first { $0.code == code }
    }

    /// The service level with this code.
    public func serviceLevel(_ code: String) -> ServiceLevel? {
        serviceLevels.first { $0.code == code }
    }
}

/// The agreement the library makes with each school (dBos): a first term, then tacit renewal.
public struct SchoolAgreementTerms: Sendable, Equatable {
    /// Length of the first term in years (3 for dBos).
    public var initialYears: Int
    /// Length of each renewal in years (1 for dBos).
    public var renewalYears: Int
    /// How many years before the end of a term notice must be given (1 for dBos).
    public var noticeYears: Int
    /// Whether the agreement renews without a new signature.
    public var tacitRenewal: Bool

    /// Creates the terms.
    public init(initialYears: Int, renewalYears: Int, noticeYears: Int, tacitRenewal: Bool) {
        self.initialYears = initialYears
        self.renewalYears = renewalYears
        self.noticeYears = noticeYears
        self.tacitRenewal = tacitRenewal
    }
}

/// A priced part of a service: one amount, a table of options, or a custom quote.
public struct Component: Sendable {
    /// A code unique within the service, e.g. `vestiging`.
    public var code: String
    /// The Dutch name.
    public var name: String
    /// What the quantity counts.
    public var basis: Basis
    /// Who pays.
    public var payer: Payer
    /// The catalogue section.
    public var source: String
    /// A remark in Dutch.
    public var note: String?
    /// How the component is priced.
    public var pricing: ComponentPricing
    /// When the line quantity is multiplied by a number chosen in the offer (hours a week).
    public var scaledBy: Scaling?
    /// Whether the amount excludes VAT (the dBos school contribution).
    public var excludesVAT: Bool
    /// A planning figure for participant fees, e.g. 20 participants per activity.
    public var planningParticipantsPerActivity: Int?

    /// The tariffs of this component: none for a custom quote, one per option for a table.
    public var tariffs: [Tariff] {
        switch pricing {
        case .customQuote: []
        case .single(let published): [published.tariff]
        case .table(_, _, let options): options.map(\.tariff)
        }
    }

    /// Whether the amount is a published guide price rather than a fixed tariff.
    public var isIndicative: Bool {
        switch pricing {
        case .customQuote: false
        case .single(let published): published.indicative
        case .table(_, let published, _): published.indicative
        }
    }

    /// The recurrence, or nil for a custom quote (the account manager gives it).
    public var recurrence: Recurrence? {
        switch pricing {
        case .customQuote: nil
        case .single(let published): published.recurrence
        case .table(_, let published, _): published.recurrence
        }
    }
}

/// How a component is priced.
public enum ComponentPricing: Sendable {
    /// One amount (or formula) for every subject.
    case single(PublishedTariff)
    /// An amount per option, keyed by a dimension; `published` holds what the options share.
    case table(dimension: OptionDimension, published: PublishedTariff, options: [ComponentOption])
    /// No published amount: amount and recurrence are given by the account manager.
    case customQuote
}

/// The shared, published facts of a component's tariff.
public struct PublishedTariff: Sendable {
    /// The tariff itself; for a table, it carries the shared fields (id is the component's).
    public var tariff: Tariff
    /// When it is charged.
    public var recurrence: Recurrence
    /// Whether it is a guide price.
    public var indicative: Bool
}

/// One row of a component's table of options, e.g. the large-branch tariff.
public struct ComponentOption: Sendable {
    /// The key: a branch size, a package name or a level.
    public var key: String
    /// The option's tariff; its index class and precision are the component's.
    public var tariff: Tariff
    /// The number of activities the option includes, if it is an activity package.
    public var activities: Int?
}

/// A quantity chosen in the offer that multiplies a component, e.g. hours a week.
public struct Scaling: Sendable, Equatable {
    /// The offer line field that gives the number, e.g. `hoursPerWeek`.
    public var field: String
    /// The value when the offer does not give one.
    public var defaultValue: Quantity
    /// The smallest allowed value.
    public var minimum: Quantity?
}
