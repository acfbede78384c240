import Catalogue
import JSON
import Money
import Pricing
import Support

/// The lines of one period of an agreement: those of the agreement itself or of one amendment,
/// from its first year until the next amendment takes over.
public struct AgreementPeriod: Sendable, Equatable {
    /// The agreement's or the amendment's reference.
    public var reference: String
    /// When it was agreed.
    public var dated: CalendarDate
    /// The first year its lines apply.
    public var fromYear: Int
    /// The last year they apply; before `fromYear` when a later amendment replaced them before
    /// they took effect.
    public var untilYear: Int
    /// The lines with what the municipality and the schools pay for each in the period's years;
    /// empty when the lines never took effect.
    public var lines: [LineSummary]

    /// Whether the lines applied in at least one year.
    public var tookEffect: Bool { fromYear <= untilYear }
}

/// An agreement as it stands on a date, as `contract show` presents it and its workbook and JSON
/// hold it: the state, each year priced with the agreement's frozen books by the lines in effect
/// that year, the periods of lines, and the dBos cooperation agreements with their notice dates.
public struct AgreementView: Sendable {
    /// The agreement, its quote and the amendments included.
    public var state: AgreementState
    /// The date the state is shown on; nil for every amendment.
    public var date: CalendarDate?
    /// The municipality's name.
    public var municipalityName: String
    /// The frozen books of the agreement's years.
    public var books: PricingBooks
    /// Every year of the term, priced by the lines in effect then.
    public var years: [PricedYear]
    /// The totals over the term.
    public var totals: PayerTotals
    /// The periods of lines, the agreement's first, then each amendment's.
    public var periods: [AgreementPeriod]
    /// The date notice would be given on: `date`, else the acceptance date.
    public var noticeDate: CalendarDate
    /// The dBos cooperation agreements of the last year with their notice dates and earliest ends.
    public var schoolNotices: [NoticeDate]

    /// The reference of the agreement or amendment whose lines apply in `year`.
    public func reference(forYear year: Int) -> String { state.segment(for: year).reference }

    /// Loads the agreement `reference` with the amendments dated on or before `date` (all when
    /// nil), checking every seal, and prices its years with its frozen books.
    public static func load(_ reference: String, store: CatalogueStore, on date: CalendarDate? = nil) throws(LifecycleError) -> AgreementView {
        let state = try AgreementLifecycle.state(reference, store: store, on: date)
        let books = try OfferLifecycle.frozenBooks(state.quote, store: store)
        let (years, name) = try AgreementLifecycle.pricedYears(state, books: books)
        var totals = PayerTotals()
        do {
            for year in years { try totals.add(year.totals) }
        } catch {
            throw .internalError("the totals of agreement \(reference) add up beyond the supported range")
        }
        let noticeDate = date ?? state.agreement.acceptedOn
        let notices = AgreementLifecycle.notices(state, priced: years, name: name, from: noticeDate, through: .lastOfDecember(9999))
            .filter { $0.kind == .schoolNotice }
        return AgreementView(state: state, date: date, municipalityName: name, books: books, years: years, totals: totals,
                             periods: try periods(state, books: books), noticeDate: noticeDate, schoolNotices: notices)
    }

    /// Each segment's lines, priced over the years it applies.
    private static func periods(_ state: AgreementState, books: PricingBooks) throws(LifecycleError) -> [AgreementPeriod] {
        var result: [AgreementPeriod] = []
        for (index, segment) in state.segments.enumerated() {
            let until = index + 1 < state.segments.count ? state.segments[index + 1].fromYear - 1 : state.agreement.lastYear
            var period = AgreementPeriod(reference: segment.reference, dated: segment.dated, fromYear: segment.fromYear, untilYear: until, lines: [])
            if period.tookEffect {
                period.lines = try OfferLifecycle.summaries(segment, years: segment.fromYear...until, state: state, books: books)
            }
            result.append(period)
        }
        return result
    }

    /// The provenance of each year's frozen book: status, file, the hash it is stored under, and
    /// for a projected year where it is indexed from and the percentages assumed.
    public var bookRecords: [(record: QuoteYearRecord, assumptions: IndexationParameters?)] {
        state.quote.years.sorted { $0.year < $1.year }.map { ($0, books[$0.year]?.assumptions) }
    }
}
