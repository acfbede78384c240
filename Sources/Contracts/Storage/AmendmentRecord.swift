import Catalogue
import JSON
import Money
import Pricing
import Support

/// An amendment as stored: frozen with the lines in effect from its first year, the profile it
/// was priced with and its documents.
public struct AmendmentRecord: Sendable, Equatable {
    public var id: Int64
    public var agreementID: Int64
    /// 1 for the first amendment of an agreement, 2 for the next, …
    public var sequence: Int
    /// "UVO-2026-001-W1".
    public var reference: String
    /// The first year the changed lines apply; they run to the end of the term.
    public var fromYear: Int
    /// The date of the amendment.
    public var dated: CalendarDate
    /// The profile the changed years are priced with.
    public var profile: String
    /// Every line in effect from `fromYear`, after the change.
    public var lines: [OfferLine]
    /// The changes in Dutch, as the document lists them.
    public var changes: [String]
    /// What the municipality pays over `fromYear`…end before and after the change.
    public var municipalityBefore: Money
    public var municipalityAfter: Money
    public var html: String
    public var markdown: String
    public var json: String
}
