import Catalogue
import JSON
import Money
import Pricing
import Support

/// Where an offer is in its lifecycle, as stored in `offers.status`.
public enum OfferStatus: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Being written; lines can change in place.
    case draft
    /// Issued as a quote; a change makes a new version.
    case issued
    /// Accepted: it has an agreement and never changes.
    case accepted
    /// Replaced by a newer version.
    case superseded
    /// Withdrawn before it was accepted.
    case withdrawn

    public var description: String { rawValue }
}

/// An agreement's state, as stored in `agreements.status`.
public enum AgreementStatus: String, Sendable, CaseIterable, CustomStringConvertible {
    case active
    case ended
    case terminated

    public var description: String { rawValue }
}

/// An offer as stored: its identity, state and typed lines (stored as the JSON of an offer
/// file's lines, by `StoredLines` only).
public struct OfferRecord: Sendable, Equatable {
    public var id: Int64
    /// Shared by all versions: "OFF-2026-003".
    public var reference: String
    public var version: Int
    /// The id of the version this one replaces.
    public var supersedes: Int64?
    public var municipality: String
    public var firstYear: Int
    public var years: Int
    public var title: String?
    /// Where the offer is in its lifecycle.
    public var status: OfferStatus
    /// The lines, in order.
    public var lines: [OfferLine]

    /// Creates a record.
    public init(id: Int64, reference: String, version: Int, supersedes: Int64?, municipality: String, firstYear: Int, years: Int,
                title: String?, status: OfferStatus, lines: [OfferLine]) {
        self.id = id
        self.reference = reference
        self.version = version
        self.supersedes = supersedes
        self.municipality = municipality
        self.firstYear = firstYear
        self.years = years
        self.title = title
        self.status = status
        self.lines = lines
    }

    /// "OFF-2026-003 versie 2".
    public var label: String { "\(reference) versie \(version)" }

    /// The offer itself, for pricing.
    public var offer: Offer {
        Offer(municipality: municipality, firstYear: firstYear, years: years, lines: lines, title: title)
    }

    /// The offer in the file format (`offer show --format json`, the audit log).
    public var offerJSON: JSONValue { OfferEncoder.json(offer) }
}

/// A year of an issued quote: which book priced it.
public struct QuoteYearRecord: Sendable, Equatable {
    public var year: Int
    public var status: BookStatus
    public var bookHash: String
    /// The book's file as the pricing reported it.
    public var bookFile: String
    public var projectedFrom: Int?
    public var totals: PayerTotals
}

/// An issued quote, frozen.
public struct QuoteRecord: Sendable, Equatable {
    public var id: Int64
    public var offerID: Int64
    public var reference: String
    public var issuedOn: CalendarDate
    public var validUntil: CalendarDate
    public var totals: PayerTotals
    /// The profile as it was when the quote was issued.
    public var profile: String
    /// The priced offer's JSON, as issued.
    public var priced: String
    public var years: [QuoteYearRecord]
    public var html: String
    public var markdown: String
    public var json: String
}

/// An agreement.
public struct AgreementRecord: Sendable, Equatable {
    public var id: Int64
    public var reference: String
    public var quoteID: Int64
    public var municipality: String
    public var firstYear: Int
    public var lastYear: Int
    public var acceptedOn: CalendarDate
    public var payment: PaymentSchedule
    public var status: AgreementStatus
    public var html: String
    public var markdown: String
    public var json: String
}

/// One entry of the append-only audit log.
public struct AuditEntry: Sendable, Equatable {
    public var id: Int64
    public var at: String
    public var who: String
    public var action: String
    public var entity: String
    public var entityID: String
    public var before: String?
    public var after: String?
}

/// Why a store operation was refused (not a database failure): bad state or unknown ids.
public struct StoreRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// Creates a refusal.
    public init(message: String) { self.message = message }
    public var description: String { message }
}

