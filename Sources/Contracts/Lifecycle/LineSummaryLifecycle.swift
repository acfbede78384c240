import Catalogue
import JSON
import Pricing
import Support

extension OfferLifecycle {
    /// The lines of a stored offer as people read them, each priced alone with `books` (the
    /// current books for a draft, the frozen ones for an issued quote or an agreement).
    public static func summaries(_ offer: OfferRecord, profile: String,
                                 books: (ClosedRange<Int>) throws(InputError) -> PricingBooks) throws(LifecycleError) -> [LineSummary] {
        let (_, request) = try price(offer, profile: profile, books: books)
        do {
            return try LineSummaries.make(request.offer, books: request.books)
        } catch {
            throw .internalError("pricing the lines of offer \(offer.id) one by one: \(error)")
        }
    }

    /// The lines of one period of an agreement (`years`), priced with the agreement's frozen books.
    public static func summaries(_ segment: AgreementSegment, years: ClosedRange<Int>, state: AgreementState,
                                 books: PricingBooks) throws(LifecycleError) -> [LineSummary] {
        // Priced over the whole term, as the agreement's own amounts are, then cut to the period.
        let agreement = state.agreement
        let offer = OfferRecord(id: agreement.quoteID, reference: segment.reference, version: 1, supersedes: nil,
                                municipality: agreement.municipality, firstYear: agreement.firstYear,
                                years: agreement.lastYear - agreement.firstYear + 1, title: state.title, status: .accepted, lines: segment.lines)
        return try summaries(offer, profile: segment.profile) { (_) throws(InputError) -> PricingBooks in books }.map { summary in
            var summary = summary
            summary.years = summary.years.filter { years.contains($0.year) }
            return summary
        }
    }
}
