import Catalogue
import Pricing
import Support

extension OfferLifecycle {
    /// The rekenbijlage of an issued quote (and so of the agreement made from it), rebuilt from
    /// what the quote froze: its profile, the offer's lines and the books by hash, checked to be
    /// exactly what was issued. It is made on request and never stored: it is no part of what
    /// is signed.
    public static func calculation(_ quote: QuoteRecord, store: CatalogueStore, belongsTo: String, date: CalendarDate,
                                   organisation: OrganisationSource = OrganisationSource()) throws(LifecycleError) -> CalculationDocument {
        try verifySeals(.quote, id: quote.id, subject: "quote \(quote.reference)", store: store)
        let offer = try record(quote.offerID, store)
        let frozen = try frozenBooks(quote, store: store)
        let (priced, request) = try price(offer, profile: quote.profile) { (_) throws(InputError) -> PricingBooks in frozen }
        guard PricedOfferJSON.encode(priced) == quote.priced else {
            throw .internalError("the issued quote \(quote.reference) cannot be reproduced from its frozen data")
        }
        do {
            return try DocumentBuilder.calculation(priced, books: request.books, belongsTo: belongsTo, date: date,
                                                   parties: DocumentParties(organisation: organisation, profile: request.offer.profile))
        } catch {
            throw .internalError("the rekenbijlage's sums: \(error)")
        }
    }
}
