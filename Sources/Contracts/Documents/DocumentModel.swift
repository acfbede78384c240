import Catalogue
import Money
import Pricing
import Support

/// The content of the Dutch documents, independent of their format. `DocumentBuilder` fills it
/// from a priced offer; the renderers (HTML, Markdown, JSON) only lay it out, so every format
/// shows the same numbers. Texts are Dutch: they are read by municipal officials.

/// Whether a document is final or a concept. A final document is refused while parties' data
/// are missing (shown as "[in te vullen]"), and, unless `allowIllustrative`, while it rests on
/// data marked illustrative (which it then still marks). A concept carries CONCEPT on every page,
/// states no acceptance and can be made from anything.
public enum DocumentRelease: Sendable, Equatable {
    case concept
    case final(allowIllustrative: Bool)

    /// Whether the document is a concept.
    public var isConcept: Bool { self == .concept }
}

/// A party to a quote or an agreement, with what the documents print about it. A nil field is
/// unknown and printed as "[in te vullen]" where the document needs it.
public struct DocumentParty: Sendable, Equatable {
    /// The legal name: "Stichting Biblionet Drenthe", "Gemeente Midden-Drenthe".
    public var name: String?
    /// The name it trades under: "Bind bibliotheken".
    public var tradeName: String?
    /// How the articles call it: "de gemeente", "de bibliotheek".
    public var alias: String
    /// Its role in the subsidy relationship: "subsidieverlener", "subsidieontvanger".
    public var role: String
    public var address: PostalAddress?
    /// The Chamber of Commerce number.
    public var kvk: String?
    /// The government organisation number (a municipality).
    public var oin: String?
    public var vatNumber: String?
    public var iban: String?
    public var signatory: Signatory?
    public var contact: ContactPerson?
    /// Whether these details are placeholders.
    public var illustrative: Bool

    /// Creates a party.
    public init(name: String?, tradeName: String? = nil, alias: String, role: String, address: PostalAddress? = nil, kvk: String? = nil,
                oin: String? = nil, vatNumber: String? = nil, iban: String? = nil, signatory: Signatory? = nil,
                contact: ContactPerson? = nil, illustrative: Bool = false) {
        self.name = name
        self.tradeName = tradeName
        self.alias = alias
        self.role = role
        self.address = address
        self.kvk = kvk
        self.oin = oin
        self.vatNumber = vatNumber
        self.iban = iban
        self.signatory = signatory
        self.contact = contact
        self.illustrative = illustrative
    }
}

/// A detail a final document needs and the data do not give.
public struct DocumentGap: Sendable, Equatable {
    /// Where it belongs: "organisation.json", "the profile of midden-drenthe".
    public var source: String
    /// The field path there: "kvk", "signatory.name".
    public var path: String
    /// What the document calls it, in Dutch: "KvK-nummer van de bibliotheek".
    public var label: String
}

/// Data marked illustrative that a document rests on.
public struct DocumentIllustration: Sendable, Equatable {
    /// In Dutch, for the document: "18 scholen (namen en leerlingaantallen)".
    public var dutch: String
    /// In English, for messages: "18 schools of the profile".
    public var english: String
}

/// What a document lacks or rests on for a final release.
public struct DocumentChecks: Sendable, Equatable {
    /// The details that are missing, in the order the document needs them.
    public var missing: [DocumentGap] = []
    /// The illustrative data used.
    public var illustrative: [DocumentIllustration] = []

    /// Why the document cannot be released as `release`, in English, or nil when it can.
    public func problem(for release: DocumentRelease, document: String) -> String? {
        guard case .final(let allowIllustrative) = release else { return nil }
        var parts: [String] = []
        let sources = missing.map(\.source).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for source in sources {
            parts.append("missing in \(source): " + missing.filter { $0.source == source }.map(\.path).joined(separator: ", "))
        }
        if !allowIllustrative, !illustrative.isEmpty {
            parts.append("marked illustrative: " + illustrative.map(\.english).joined(separator: "; "))
        }
        guard !parts.isEmpty else { return nil }
        var advice = "fill in what is missing"
        if !illustrative.isEmpty && !allowIllustrative { advice += " and replace the illustrative data (or allow them with --allow-illustrative: the document stays marked)" }
        return "\(document) cannot be made final: " + parts.joined(separator: "; ") + "; \(advice), or make a concept with --concept"
    }
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
    /// Whether its amount rests on data marked illustrative (a school's pupils, a branch's size).
    public var illustrative: Bool = false
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
    /// Whether it rests on data marked illustrative.
    public var illustrative: Bool = false
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
    /// Whether the school (its name or pupils) is marked illustrative.
    public var illustrative: Bool = false
}

/// What the library does for one service: the obligations in numbers that the agreement binds
/// it to (Raad van State 2021: only what is stated explicitly binds).
public struct DocumentActivity: Sendable, Equatable {
    /// The service's Dutch name.
    public var service: String
    /// What it is, from the catalogue.
    public var description: String?
    /// The commitments in numbers, one sentence each: "4 uur per week voor Consultatiebureau Beilen (CJG)".
    public var commitments: [String]
    /// Whether a commitment rests on illustrative data.
    public var illustrative: Bool
}

/// A tariff book a document was priced with.
public struct DocumentBook: Sendable, Equatable {
    public var year: Int
    /// "gepubliceerd", or "geraamd vanuit tariefboek 2025 (artikel 4)".
    public var status: String
    /// The SHA-256 of the book as frozen, "sha256:…".
    public var hash: String
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
    /// Final or concept.
    public var release: DocumentRelease
    public var supplier: DocumentParty
    public var municipality: DocumentParty
    public var title: String?
    public var years: [DocumentYear]
    /// Basis first, then Basis Plus.
    public var tiers: [DocumentTier]
    /// One per year, then the whole term (year nil).
    public var totals: [DocumentTotals]
    /// The VAT rate of the school contributions.
    public var schoolVATRate: String
    /// The conditions of the offer, in Dutch.
    public var conditions: [String]
    /// Remarks in Dutch (a late issue).
    public var notes: [String]
    /// What the offer covers, as the annex (nil when the quote was made without it).
    public var coverage: DocumentCoverage?
    /// What is missing or illustrative.
    public var checks: DocumentChecks
}

/// The uitvoeringsovereenkomst: the agreement that carries out the grant of the subsidy
/// (Awb art. 4:36).
public struct AgreementDocument: Sendable, Equatable {
    /// "UVO-2026-001".
    public var reference: String
    /// The quote it follows from.
    public var quoteReference: String
    /// When the quote was issued.
    public var quoteDate: CalendarDate
    /// When the municipality accepted the quote; nil for a concept, which states no acceptance.
    public var acceptedOn: CalendarDate?
    /// The date of the agreement.
    public var date: CalendarDate
    /// Final or concept.
    public var release: DocumentRelease
    public var supplier: DocumentParty
    public var municipality: DocumentParty
    /// The first and last year.
    public var firstYear: Int
    public var lastYear: Int
    public var years: [DocumentYear]
    /// The recitals, each a clause in subordinate word order after "Overwegende dat": "de gemeente …".
    public var considerations: [String]
    /// The numbered articles.
    public var articles: [DocumentArticle]
    /// What the library does per service, in numbers (annex 2 with the service levels).
    public var activities: [DocumentActivity]
    /// The services per tier with their amount per year (annex 1).
    public var tiers: [DocumentTier]
    /// One per year, then the whole term.
    public var totals: [DocumentTotals]
    /// The service levels promised, per year and school (annex 2).
    public var serviceLevels: [DocumentServiceLevel]
    /// The payment schedule (annex 3).
    public var instalments: [DocumentInstalment]
    /// The tariff books used (annex 4).
    public var books: [DocumentBook]
    /// What is missing or illustrative.
    public var checks: DocumentChecks
}

/// The rekenbijlage: every priced line of an offer with how its amount comes about. It is made
/// on request beside an offerte or agreement and is never part of what is signed.
public struct CalculationDocument: Sendable, Equatable {
    /// The document it explains: "offerte OFF-2026-001-v1", "uitvoeringsovereenkomst UVO-2026-001".
    public var belongsTo: String
    /// The date of that document.
    public var date: CalendarDate
    /// The library's and the municipality's names.
    public var supplier: String?
    public var municipality: String
    public var years: [DocumentYear]
    /// The priced lines per year.
    public var annexes: [DocumentAnnex]
    /// One per year, then the whole term.
    public var totals: [DocumentTotals]
    /// The illustrative data the lines rest on.
    public var illustrative: [DocumentIllustration]
}
