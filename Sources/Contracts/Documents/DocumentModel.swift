import Catalogue
import Money
import Pricing
import Support

/// The content of the Dutch documents, independent of their format. `DocumentBuilder` fills it
/// from a priced offer; the renderers (HTML, Markdown, JSON) only lay it out, so every format
/// shows the same numbers. Texts are Dutch: they are read by municipal officials.

/// A party to a quote or an agreement.
public struct DocumentParty: Sendable, Equatable {
    /// "Biblionet Drenthe (Bind bibliotheken)", "Gemeente Midden-Drenthe".
    public var name: String
    /// "opdrachtnemer", "opdrachtgever".
    public var role: String
    /// Who signs for the party, if known; else a blank line is printed.
    public var representative: String?
}

/// One year of a document: which book priced it.
public struct DocumentYear: Sendable, Equatable {
    /// The calendar year.
    public var year: Int
    /// Whether the year's book is published or projected.
    public var projected: Bool
    /// For a projected year, the assumptions in Dutch ("geprojecteerd vanuit tariefboek 2025 met lonen +3,75 % en prijzen +2,1 % per jaar").
    public var note: String?
}

/// Amounts of one service (or subtotal) per year.
public struct YearAmounts: Sendable, Equatable {
    /// The municipality's amount per year; a year without the service has no entry.
    public var byYear: [Int: Money]
    /// The sum over the years.
    public var total: Money
}

/// One service in the quote's overview.
public struct DocumentService: Sendable, Equatable {
    /// The service code.
    public var code: String
    /// The Dutch name.
    public var name: String
    /// The catalogue section.
    public var section: String
    /// What the municipality pays for it per year (annual and one-off together).
    public var amounts: YearAmounts
    /// The one-off part per year (a year without one-off costs has no entry).
    public var oneOff: [Int: Money]
    /// Whether any of its lines is a custom quote.
    public var hasQuote: Bool
    /// Whether any of its lines is a guide price.
    public var hasIndicative: Bool
}

/// A programme line with its services.
public struct DocumentProgrammeLine: Sendable, Equatable {
    /// The Dutch name, or "Overig" for services outside the four lines.
    public var name: String
    /// The services, in catalogue order.
    public var services: [DocumentService]
}

/// A tier with its programme lines and subtotal.
public struct DocumentTier: Sendable, Equatable {
    /// "Basis" or "Basis Plus".
    public var name: String
    /// The programme lines.
    public var programmeLines: [DocumentProgrammeLine]
    /// The tier's subtotal per year.
    public var subtotal: YearAmounts
}

/// Totals of one year (or of all years, when `year` is nil).
public struct DocumentTotals: Sendable, Equatable {
    /// The year, or nil for the whole term.
    public var year: Int?
    /// What the municipality pays.
    public var municipality: Money
    /// Of which one-off.
    public var oneOff: Money
    /// Of which annual.
    public var annual: Money
    /// What schools pay, excluding VAT.
    public var school: Money
    /// The VAT on the school contributions.
    public var schoolVAT: Money
    /// Expected participant fees.
    public var participants: Money
}

/// One priced line in an annex.
public struct DocumentLine: Sendable, Equatable {
    /// The service code.
    public var service: String
    /// The service's Dutch name.
    public var serviceName: String
    /// The component code.
    public var component: String
    /// The component's Dutch name.
    public var componentName: String
    /// The tariff id, or nil for a custom quote.
    public var tariff: String?
    /// The subject's name (branch, school, location) or the line's description.
    public var subject: String?
    /// How many units.
    public var quantity: Quantity
    /// The price of one unit.
    public var unitPrice: Money
    /// The line's amount.
    public var amount: Money
    /// "jaarlijks" or "eenmalig".
    public var recurrence: String
    /// "gemeente", "school", "deelnemers".
    public var payer: String
    /// The VAT on top, for a school line stated excluding VAT.
    public var vat: Money?
    /// The one-sentence explanation.
    public var explanation: String
    /// Whether it is a custom quote.
    public var isQuote: Bool
    /// Whether it is a guide price.
    public var isIndicative: Bool
}

/// The priced lines of one year, as an annex.
public struct DocumentAnnex: Sendable, Equatable {
    /// The year.
    public var year: Int
    /// Whether the year's book is projected.
    public var projected: Bool
    /// The lines, in catalogue order.
    public var lines: [DocumentLine]
    /// The year's totals.
    public var totals: DocumentTotals
}

/// A promised service level for one school in one year.
public struct DocumentServiceLevel: Sendable, Equatable {
    /// The year.
    public var year: Int
    /// The service code.
    public var service: String
    /// The school's id in the profile.
    public var schoolID: String
    /// The school's name.
    public var school: String
    /// Its pupils.
    public var pupils: Int
    /// "Collectie op school".
    public var name: String
    /// "5 boeken per leerling".
    public var value: String
    public var note: String?
}

/// A clause of an agreement: a numbered article with its paragraphs.
public struct DocumentArticle: Sendable, Equatable {
    /// "Artikel 3".
    public var number: Int
    /// "Looptijd".
    public var title: String
    /// Its paragraphs, each one sentence or a few.
    public var paragraphs: [String]
}

/// One advance payment.
public struct DocumentInstalment: Sendable, Equatable {
    /// The year.
    public var year: Int
    /// "1e kwartaal", "jaar".
    public var period: String
    /// The due date.
    public var due: CalendarDate
    /// The amount due.
    public var amount: Money
}

/// The offerte (quote) for a municipality.
public struct QuoteDocument: Sendable, Equatable {
    /// "OFF-2026-001".
    public var reference: String
    /// 1 for the first version.
    public var version: Int
    /// The reference of the version this one replaces.
    public var supersedes: String?
    /// The date of the quote.
    public var date: CalendarDate
    /// Until when the quote can be accepted.
    public var validUntil: CalendarDate
    public var supplier: DocumentParty
    public var municipality: DocumentParty
    public var title: String?
    public var years: [DocumentYear]
    /// Basis first, then Basis Plus.
    public var tiers: [DocumentTier]
    /// One per year, then the whole term (year nil).
    public var totals: [DocumentTotals]
    /// Remarks in Dutch: VAT, participant fees, projections, guide prices, custom quotes.
    public var notes: [String]
    /// The priced lines per year.
    public var annexes: [DocumentAnnex]
    /// What the offer covers, as the last annex (nil when the quote was made without it).
    public var coverage: DocumentCoverage?
}

/// The uitvoeringsovereenkomst (execution agreement).
public struct AgreementDocument: Sendable, Equatable {
    /// "UVO-2026-001".
    public var reference: String
    /// The quote it follows from.
    public var quoteReference: String
    /// The date of the agreement.
    public var date: CalendarDate
    public var supplier: DocumentParty
    public var municipality: DocumentParty
    /// The first and last year.
    public var firstYear: Int
    public var lastYear: Int
    public var years: [DocumentYear]
    /// "Overwegende dat …" paragraphs.
    public var considerations: [String]
    /// The numbered articles: subject, term, services, price, indexation, payment, reporting,
    /// changes, the dBos arrangement, termination.
    public var articles: [DocumentArticle]
    /// The services per tier with their price per year (the same overview as the quote).
    public var tiers: [DocumentTier]
    /// One per year, then the whole term.
    public var totals: [DocumentTotals]
    /// The service levels promised, per year and school.
    public var serviceLevels: [DocumentServiceLevel]
    /// The payment schedule.
    public var instalments: [DocumentInstalment]
    /// The priced lines per year.
    public var annexes: [DocumentAnnex]
    /// Remarks in Dutch.
    public var notes: [String]
}
