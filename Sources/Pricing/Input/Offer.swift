import Catalogue
import Money

/// An offer for one municipality: services, chosen per line, for a run of years (`*.offer.json`).
public struct Offer: Sendable, Equatable {
    /// The profile code the offer is for.
    public var municipality: String
    /// The first calendar year of the offer.
    public var firstYear: Int
    /// How many years the offer runs.
    public var years: Int
    /// What is offered, one line per service (a service may have several lines when they do not
    /// price the same subject twice, such as two maatwerk assignments).
    public var lines: [OfferLine]
    /// A free title, e.g. "Voorstel 2026-2028".
    public var title: String?

    /// Creates an offer.
    public init(municipality: String, firstYear: Int, years: Int, lines: [OfferLine], title: String? = nil) {
        self.municipality = municipality
        self.firstYear = firstYear
        self.years = years
        self.lines = lines
        self.title = title
    }

    /// The years of the offer, ascending.
    public var yearRange: ClosedRange<Int> { firstYear...(firstYear + years - 1) }
}

/// One line of an offer.
public struct OfferLine: Sendable, Equatable {
    /// The service code.
    public var service: String
    /// Explicit subjects by kind; a kind without a list takes every matching subject of the profile.
    public var subjects: [SubjectKind: [String]]
    /// The first year the line is delivered, when later than the offer's first year.
    public var startYear: Int?
    /// The year the service first started, when it already runs before the offer: no one-off
    /// costs then, and "from the second year" components apply at once.
    public var runningSince: Int?
    /// The chosen package (LLO pakket 2: `groot`, `middelgroot`, `klein`).
    public var package: String?
    /// The chosen staff level (maatwerk: `mbo`, `hbo`, `wo`).
    public var level: String?
    /// Numbers given for the line: `hours`, `hoursPerWeek`, `participantsPerActivity`,
    /// `activities`, `biebFabriekSeries`, or any field a tariff book names.
    public var numbers: [String: Quantity]
    /// Amounts for the service's custom-quote components.
    public var quotes: [QuoteInput]
    /// Whether they were given as the `quotes` array (rather than one `quote`), for messages.
    public var quotesGivenAsArray: Bool = false
    /// A free description, e.g. the maatwerk assignment.
    public var description: String?

    /// Creates a line.
    public init(service: String, subjects: [SubjectKind: [String]] = [:], startYear: Int? = nil, runningSince: Int? = nil,
                package: String? = nil, level: String? = nil, numbers: [String: Quantity] = [:],
                quotes: [QuoteInput] = [], description: String? = nil) {
        self.service = service
        self.subjects = subjects
        self.startYear = startYear
        self.runningSince = runningSince
        self.package = package
        self.level = level
        self.numbers = numbers
        self.quotes = quotes
        self.description = description
    }
}

/// A custom quote entered by the account manager for a custom-quote component.
public struct QuoteInput: Sendable, Equatable {
    /// The component it prices; may be left out when the service has one custom-quote component.
    public var component: String?
    /// The amount per year (annual) or in total (one-off).
    public var amount: Money
    /// `annual` or `one-off`.
    public var recurrence: Recurrence
    /// What the quote covers, in Dutch.
    public var description: String

    /// Creates a quote.
    public init(component: String? = nil, amount: Money, recurrence: Recurrence, description: String) {
        self.component = component
        self.amount = amount
        self.recurrence = recurrence
        self.description = description
    }
}
