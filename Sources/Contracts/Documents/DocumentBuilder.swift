import Catalogue
import Money
import Pricing
import Support

/// Fills the document model from a priced offer, the books that priced it and the parties' data.
///
/// Sums in the documents are sums of lines whose totals the pricing already computed, so they
/// cannot leave the supported range; if one ever did, the document is refused rather than
/// printed with a wrong amount. The builder never refuses a document for missing or illustrative
/// data: it records them in `checks`, prints "[in te vullen]" and the marks, and the lifecycle
/// refuses a final release (`DocumentChecks.problem(for:document:)`).
public enum DocumentBuilder {
    /// The offerte.
    public static func quote(_ priced: PricedOffer, books: PricingBooks, reference: String, version: Int = 1,
                             supersedes: String? = nil, date: CalendarDate, validDays: Int = 60,
                             coverage: CoverageReport? = nil, lateReason: String? = nil,
                             parties: DocumentParties = DocumentParties(), release: DocumentRelease = .concept) throws(MoneyError) -> QuoteDocument {
        let firstBook = priced.years.first.flatMap { books[$0.year]?.book }
        // A validity that leaves the calendar is out of range; the commands bound it to a year.
        guard validDays >= 0, let validUntil = date.adding(days: validDays) else { throw .overflow }
        let data = IllustrativeData(parties.profile)
        let supplier = supplier(parties.organisation)
        let municipality = municipality(name: priced.municipalityName, profile: parties.profile)
        let totals = try totals(priced)
        let facts = AgreementFacts(priced: priced, books: books, supplier: supplier, municipality: municipality, parties: parties,
                                   quoteReference: reference, quoteDate: date, acceptedOn: nil, date: date, payment: .quarterly, totals: totals)
        let vatRate = firstBook?.schoolContributionVATRate.dutchString ?? "9 %"
        let checks = DocumentChecks(
            missing: quoteGaps(supplier: supplier, municipality: municipality, parties: parties, code: priced.municipality),
            illustrative: illustrations(supplier: supplier, municipality: municipality, lines: priced.years.flatMap(\.lines), data: data, parties: parties))
        return QuoteDocument(
            reference: reference, version: version, supersedes: supersedes, date: date, validUntil: validUntil, release: release,
            supplier: supplier, municipality: municipality, title: priced.title, years: years(priced),
            tiers: try tiers(priced, books: books, data: data), totals: totals, schoolVATRate: vatRate,
            conditions: AgreementArticles.quoteConditions(facts, validUntil: validUntil, vatRate: vatRate),
            notes: lateNote(lateReason, date: date, priced: priced),
            coverage: coverage.map { self.coverage($0, book: firstBook, years: priced.years.map(\.year)) }, checks: checks)
    }

    /// The uitvoeringsovereenkomst. `acceptedOn` is the day the municipality accepted the quote;
    /// a concept states no acceptance, whatever it is given.
    public static func agreement(_ priced: PricedOffer, books: PricingBooks, reference: String, quoteReference: String,
                                 quoteDate: CalendarDate, acceptedOn: CalendarDate?, date: CalendarDate, payment: PaymentSchedule = .quarterly,
                                 parties: DocumentParties = DocumentParties(), release: DocumentRelease = .concept) throws(MoneyError) -> AgreementDocument {
        let first = priced.years.first?.year ?? date.year
        let last = priced.years.last?.year ?? first
        let data = IllustrativeData(parties.profile)
        let supplier = supplier(parties.organisation)
        let municipality = municipality(name: priced.municipalityName, profile: parties.profile)
        let totals = try totals(priced)
        let facts = AgreementFacts(priced: priced, books: books, supplier: supplier, municipality: municipality, parties: parties,
                                   quoteReference: quoteReference, quoteDate: quoteDate,
                                   acceptedOn: release.isConcept ? nil : acceptedOn, date: date, payment: payment, totals: totals)
        let checks = DocumentChecks(
            missing: agreementGaps(supplier: supplier, municipality: municipality, parties: parties, code: priced.municipality),
            illustrative: illustrations(supplier: supplier, municipality: municipality, lines: priced.years.flatMap(\.lines), data: data, parties: parties))
        return AgreementDocument(
            reference: reference, quoteReference: quoteReference, quoteDate: quoteDate, acceptedOn: facts.acceptedOn, date: date,
            release: release, supplier: supplier, municipality: municipality, firstYear: first, lastYear: last, years: years(priced),
            considerations: AgreementArticles.considerations(facts),
            articles: AgreementArticles.articles(facts, annexes: DocumentWording.agreementAnnexes),
            activities: DocumentActivities.make(priced, book: facts.firstBook, data: data),
            tiers: try tiers(priced, books: books, data: data), totals: totals, serviceLevels: serviceLevels(priced, data: data),
            instalments: try instalments(priced, schedule: payment), books: self.books(priced, books: books), checks: checks)
    }

    /// The rekenbijlage of a priced offer: every line per year with its explanation, for the
    /// document `belongsTo` ("offerte OFF-2026-001-v1") of `date`.
    public static func calculation(_ priced: PricedOffer, books: PricingBooks, belongsTo: String, date: CalendarDate,
                                   parties: DocumentParties = DocumentParties()) throws(MoneyError) -> CalculationDocument {
        let data = IllustrativeData(parties.profile)
        let organisation = parties.organisation.organisation
        return CalculationDocument(
            belongsTo: belongsTo, date: date, supplier: organisation.tradeName ?? organisation.legalName,
            municipality: municipality(name: priced.municipalityName, profile: parties.profile).name ?? priced.municipalityName,
            years: years(priced), annexes: try annexes(priced, books: books, data: data), totals: try totals(priced),
            illustrative: data.illustrations(of: priced.years.flatMap(\.lines)))
    }

    /// The note a quote issued after its term began carries, with the reason given for it.
    private static func lateNote(_ reason: String?, date: CalendarDate, priced: PricedOffer) -> [String] {
        guard let reason, let first = priced.years.first?.year else { return [] }
        return ["Deze offerte is uitgebracht op \(date.dutchString), na de aanvang van de looptijd op \(CalendarDate.firstOfJanuary(first).dutchString). Reden: \(reason)"]
    }
}
