import Catalogue
import Money

/// An offer priced for every year: the lines, the service levels promised, and totals per payer.
public struct PricedOffer: Sendable, Equatable {
    /// The profile code.
    public var municipality: String
    /// The municipality's name.
    public var municipalityName: String
    /// The offer's title, if it has one.
    public var title: String?
    /// Every year of the offer, ascending.
    public var years: [PricedYear]
    /// The totals over all years.
    public var totals: PayerTotals
}

/// One year of a priced offer.
public struct PricedYear: Sendable, Equatable {
    /// The calendar year.
    public var year: Int
    /// The year of the tariff book used (the same as `year`).
    public var bookYear: Int
    /// Published or projected.
    public var status: BookStatus
    /// Where the book was read from (for a projection: the published book it starts from).
    public var bookFile: String
    /// For a projected year: the last published year it was indexed forward from.
    public var projectedFrom: Int?
    /// For a projected year: the percentages assumed.
    public var assumptions: IndexationParameters?
    /// The priced lines, in catalogue order (service, component, subject).
    public var lines: [PricedLine]
    /// The service levels the agreement promises this year.
    public var serviceLevels: [ServiceLevelStatement]
    /// The year's totals: sums of the lines above.
    public var totals: PayerTotals
}

/// One priced line: a component of a service for one subject in one year.
///
/// What all lines of one component share (service, component, tariff, unit price, recurrence,
/// payer) is held once in `why.shared` and read through computed properties, so a large
/// municipality's hundreds of thousands of lines stay small in memory.
public struct PricedLine: Sendable, Equatable {
    /// The subject's id (branch, school, location), or nil for the municipality as a whole.
    public var subject: String?
    /// The subject's name.
    public var subjectName: String?
    /// How many units are charged.
    public var quantity: Quantity
    /// `unitPrice × quantity`, computed exactly and rounded once to the tariff's precision.
    public var amount: Money
    /// VAT on top of the amount, for lines stated excluding VAT (the dBos school contribution).
    public var vat: VATAmount?
    /// The line's description from the offer (maatwerk assignments, quotes).
    public var description: String?
    /// Why the line costs what it does, as data; holds the facts the component's lines share.
    public var why: LineExplanation

    /// The service code.
    public var service: String { why.shared.service }
    /// The component code.
    public var component: String { why.shared.component }
    /// The tariff used, or nil for a custom quote.
    public var tariff: String? {
        if case .tariff(let id, _, _, _) = why.shared.kind { return id }
        return nil
    }
    /// The price of one unit.
    public var unitPrice: Money { why.shared.unitPrice }
    /// `annual` or `one-off`.
    public var recurrence: Recurrence { why.shared.recurrence }
    /// Who pays.
    public var payer: Payer { why.shared.payer }
    /// Whether the amount is a custom quote given by the account manager.
    public var isQuote: Bool {
        if case .quote = why.shared.kind { return true }
        return false
    }
    /// Whether the amount is a guide price.
    public var isIndicative: Bool { why.shared.indicative }
    /// One Dutch sentence saying which rule and tariff produced the line, written on demand.
    public var explanation: String { why.text(for: self) }
    /// The same sentence for documents read by people: without tariff ids, formulas or field names.
    public var documentExplanation: String { why.text(for: self, codes: false) }
}

/// VAT charged on top of an amount stated excluding VAT.
public struct VATAmount: Sendable, Equatable {
    /// The rate.
    public var rate: Percentage
    /// The VAT, rounded half away from zero to cents.
    public var amount: Money
}

/// A service level promised for one subject in one year. What the level itself is (service,
/// code, name, unit) is held once per level in `definition`.
public struct ServiceLevelStatement: Sendable, Equatable {
    /// The level's identity, shared by every school that has it.
    public final class Definition: Sendable, Equatable {
        /// The service code.
        public let service: String
        /// The level's code in the book.
        public let level: String
        /// The level's Dutch name.
        public let name: String
        /// The Dutch unit, e.g. "uur per week".
        public let unit: String

        /// Creates the definition.
        public init(service: String, level: String, name: String, unit: String) {
            self.service = service
            self.level = level
            self.name = name
            self.unit = unit
        }

        public static func == (lhs: Definition, rhs: Definition) -> Bool {
            lhs === rhs || (lhs.service == rhs.service && lhs.level == rhs.level && lhs.name == rhs.name && lhs.unit == rhs.unit)
        }
    }

    /// What the level is.
    public var definition: Definition
    /// The school id.
    public var subject: String
    /// The school's name.
    public var subjectName: String
    /// The pupils the level was computed from.
    public var pupils: Int
    /// The level.
    public var value: Quantity
    /// A remark from the table row.
    public var note: String?

    /// The service code.
    public var service: String { definition.service }
    /// The level's code in the book.
    public var level: String { definition.level }
    /// The level's Dutch name.
    public var name: String { definition.name }
    /// The Dutch unit, e.g. "uur per week".
    public var unit: String { definition.unit }
}

/// Totals per payer. Participants' fees and VAT are shown apart and never added to the
/// municipality's total.
public struct PayerTotals: Sendable, Equatable {
    /// What the municipality pays.
    public var municipality: Money = .zero
    /// What schools pay, excluding VAT.
    public var school: Money = .zero
    /// VAT on the school lines.
    public var schoolVAT: Money = .zero
    /// Expected participant fees.
    public var participants: Money = .zero

    /// Creates zero totals.
    public init() {}

    /// Adds a line's amount to its payer's total.
    public mutating func add(_ line: PricedLine) throws(MoneyError) {
        switch line.payer {
        case .municipality: municipality = try municipality.adding(line.amount)
        case .school:
            school = try school.adding(line.amount)
            if let vat = line.vat { schoolVAT = try schoolVAT.adding(vat.amount) }
        case .participants: participants = try participants.adding(line.amount)
        }
    }

    /// Adds another set of totals.
    public mutating func add(_ other: PayerTotals) throws(MoneyError) {
        municipality = try municipality.adding(other.municipality)
        school = try school.adding(other.school)
        schoolVAT = try schoolVAT.adding(other.schoolVAT)
        participants = try participants.adding(other.participants)
    }
}

extension PricedOffer {
    /// The priced lines over all years: what `InputLimits.documentLines` bounds.
    public var lineCount: Int { years.reduce(0) { $0 + $1.lines.count } }
}
