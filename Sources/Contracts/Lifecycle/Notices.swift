import Catalogue
import JSON
import Money
import Pricing
import Support

/// One date by which something must be decided.
public struct NoticeDate: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// A dBos cooperation agreement with a school renews tacitly unless notice is given.
        case schoolNotice = "dbos-notice"
        /// The execution agreement ends by law; plan its renewal.
        case termEnd = "term-end"
    }

    public var kind: Kind
    /// The last day to act.
    public var date: CalendarDate
    public var agreement: String
    public var municipality: String
    public var service: String?
    public var school: String?
    public var schoolName: String?
    /// The end of the period the notice would end the arrangement on.
    public var periodEnd: CalendarDate
    /// The year the arrangement started.
    public var startYear: Int?
}

/// A dBos cooperation agreement of one school, as an agreement's lines and pricing show it.
struct SchoolArrangement {
    var school: String
    var name: String
    var service: String
    /// The year it started.
    var start: Int

    /// Identifies the arrangement across years and lines.
    var key: String { service + "/" + school }

    /// The next notice date for it, when notice is given on `date`.
    func notice(givenOn date: CalendarDate, agreement: String, municipality: String) -> NoticeDate {
        let (end, noticeBy) = NoticeRules.earliestEnd(start: start, noticeGivenOn: date)
        return NoticeDate(kind: .schoolNotice, date: noticeBy, agreement: agreement, municipality: municipality, service: service,
                          school: school, schoolName: name, periodEnd: .lastOfDecember(end), startYear: start)
    }
}

extension AgreementLifecycle {
    /// The dBos arrangements of a priced year whose offer `lines` had `firstYear` as first year.
    static func schoolArrangements(lines: [OfferLine], firstYear: Int, in pricedYear: PricedYear?) -> [SchoolArrangement] {
        var seen = Set<String>()
        var result: [SchoolArrangement] = []
        for line in pricedYear?.lines ?? [] where NoticeRules.hasSchoolTerm(line.service) {
            guard let school = line.subject else { continue }
            let arrangement = SchoolArrangement(school: school, name: line.subjectName ?? school, service: line.service,
                                                start: start(of: school, service: line.service, lines: lines, firstYear: firstYear))
            if seen.insert(arrangement.key).inserted { result.append(arrangement) }
        }
        return result.sorted { ($0.school, $0.service) < ($1.school, $1.service) }
    }

    /// The dBos arrangements in effect in `year` of an agreement.
    static func schoolArrangements(_ state: AgreementState, year: Int, priced: [PricedYear]) -> [SchoolArrangement] {
        schoolArrangements(lines: state.segment(for: year).lines, firstYear: state.agreement.firstYear,
                           in: priced.first { $0.year == year })
    }

    private static func start(of school: String, service: String, lines: [OfferLine], firstYear: Int) -> Int {
        var wildcard: Int?
        for line in lines where line.service == service {
            if let schools = line.subjects[.school] {
                if schools.contains(school) { return NoticeRules.startYear(of: line, agreementFirstYear: firstYear) }
            } else {
                wildcard = NoticeRules.startYear(of: line, agreementFirstYear: firstYear)
            }
        }
        return wildcard ?? firstYear
    }

    /// The notice dates of one agreement falling in `from`…`through`: per dBos school the next
    /// last day for notice, and the end of the agreement's term. `priced` and `name` are what
    /// `pricedYears` returns for the state.
    public static func notices(_ state: AgreementState, priced: [PricedYear], name: String, from: CalendarDate,
                               through: CalendarDate) -> [NoticeDate] {
        let agreement = state.agreement
        let year = min(max(from.year, agreement.firstYear), agreement.lastYear)
        // An arrangement an amendment already ends before the last year has had its notice.
        let continuing = Set(schoolArrangements(state, year: agreement.lastYear, priced: priced).map(\.key))
        var result = schoolArrangements(state, year: year, priced: priced)
            .filter { continuing.contains($0.key) }
            .map { $0.notice(givenOn: from, agreement: agreement.reference, municipality: name) }
            .filter { $0.date <= through }
        let end = CalendarDate.lastOfDecember(agreement.lastYear)
        if end >= from, end <= through {
            result.append(NoticeDate(kind: .termEnd, date: end, agreement: agreement.reference, municipality: name, service: nil,
                                     school: nil, schoolName: nil, periodEnd: end, startYear: agreement.firstYear))
        }
        return result
    }

    /// Refuses removing dBos from a school before its arrangement can end: for every school
    /// that has dBos in `fromYear` before the change and not after it, the arrangement must be
    /// able to end on 31 December `fromYear − 1` with notice given on `date`.
    static func checkNotice(before: [PricedYear], after: [PricedYear], state: AgreementState, fromYear: Int,
                            date: CalendarDate) throws(LifecycleError) -> [String] {
        let old = schoolArrangements(state, year: fromYear, priced: before)
        guard let newYear = after.first(where: { $0.year == fromYear }) else { return [] }
        let kept = Set(schoolArrangements(lines: [], firstYear: fromYear, in: newYear).map(\.key))
        var wording: [String] = []
        for arrangement in old where !kept.contains(arrangement.key) {
            let (end, noticeBy) = NoticeRules.earliestEnd(start: arrangement.start, noticeGivenOn: date)
            guard end <= fromYear - 1 else {
                let advice = end + 1 <= state.agreement.lastYear
                    ? "take it out from \(end + 1)"
                    : "it runs beyond this agreement (to \(state.agreement.lastYear)); it can end with the agreement's renewal"
                throw .refused("\(arrangement.service) at \(arrangement.school) (\(arrangement.name)) started in \(arrangement.start); with notice given on \(date) its cooperation agreement ends on 31 December \(end) at the earliest (three years, then a year at a time, notice a year ahead by \(noticeBy)); \(advice)")
            }
            wording.append("Opzegging \(arrangement.service == "dbos-vo" ? "dBos VO" : "dBos PO") op \(arrangement.name): de samenwerkingsovereenkomst (sinds \(arrangement.start)) wordt opgezegd per 31 december \(fromYear - 1); uiterlijke opzegdatum \(CalendarDate.lastOfDecember(fromYear - 2).dutchString).")
        }
        return wording
    }
}

extension CalendarDate {
    /// The date `months` later, the day clamped to the month's length (31 January + 1 month is 28 or 29 February).
    public func addingMonths(_ months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index / 12
        let newMonth = index % 12 + 1
        var newDay = day
        while newDay > 28, CalendarDate(year: newYear, month: newMonth, day: newDay) == nil { newDay -= 1 }
        return CalendarDate(year: newYear, month: newMonth, day: newDay) ?? self
    }
}

/// A proposed next term of an agreement.
public struct RenewalProposal: Sendable {
    /// The new offer (not yet stored): the municipality, the years and the carried-over lines.
    public var offer: OfferRecord
    /// The new term priced with the books of its years (published or projected).
    public var priced: PricedOffer
    /// Lines of the last year that are not carried over, with the reason (in English, for the command line).
    public var dropped: [(line: Int, reason: String)]
    /// The dBos arrangements that renew tacitly into the new term, with their next notice date.
    public var tacit: [NoticeDate]
}

extension AgreementLifecycle {
    /// Proposes the next term: the lines in effect in the agreement's last year, each marked as
    /// running since it started (so one-off costs are not charged again), priced with the books
    /// of the new years and the municipality's current profile.
    public static func proposeRenewal(_ reference: String, years: Int?, date: CalendarDate, store: CatalogueStore, library: TariffLibrary,
                                      assumptions: ProjectionAssumptions) throws(LifecycleError) -> RenewalProposal {
        let state = try state(reference, store: store)
        let agreement = state.agreement
        guard agreement.status == .active || agreement.status == .ended else {
            throw .refused("agreement \(reference) is \(agreement.status); only an active or ended agreement is renewed")
        }
        let length = years ?? (agreement.lastYear - agreement.firstYear + 1)
        guard (1...20).contains(length) else { throw .refused("a term runs 1 to 20 years; \(length) was asked") }
        let segment = state.segment(for: agreement.lastYear)
        let frozen = try OfferLifecycle.frozenBooks(state.quote, store: store)
        var lines: [OfferLine] = []
        var dropped: [(Int, String)] = []
        for (index, line) in segment.lines.enumerated() {
            switch RenewalCarryOver.carry(line, book: frozen[agreement.lastYear]?.book, agreementFirstYear: agreement.firstYear) {
            case .kept(let kept): lines.append(kept)
            case .dropped(let reason): dropped.append((index + 1, reason))
            }
        }
        guard !lines.isEmpty else {
            throw .refused("nothing of agreement \(reference) recurs into a new term: "
                           + dropped.map { "line \($0.0), \($0.1)" }.joined(separator: "; "))
        }
        let offer = OfferRecord(id: 0, reference: "renewal of \(reference)", version: 1, supersedes: nil, municipality: agreement.municipality,
                                firstYear: agreement.lastYear + 1, years: length, title: "Verlenging van \(reference)", status: .draft,
                                lines: lines)
        let (priced, _) = try OfferLifecycle.price(offer, store: store, library: library, assumptions: assumptions)
        // The schools that have dBos now and in the new term renew tacitly (new schools in the profile start afresh).
        let (current, _) = try pricedYears(state, books: frozen)
        let renewing = Set(schoolArrangements(state, year: agreement.lastYear, priced: current).map(\.key))
        let tacit = schoolArrangements(lines: lines, firstYear: offer.firstYear, in: priced.years.first)
            .filter { renewing.contains($0.key) }
            .map { $0.notice(givenOn: date, agreement: reference, municipality: priced.municipalityName) }
        return RenewalProposal(offer: offer, priced: priced, dropped: dropped, tacit: tacit)
    }
}

/// What a renewal does with one line of the previous term's last year.
///
/// One-off costs were charged in the previous term and are never charged again: a one-off custom
/// quote is taken out of the line, and a line left with nothing that recurs (maatwerk hours, a
/// service whose every published tariff is one-off, only one-off quotes) is not carried over at
/// all, with the reason, instead of being carried over at € 0,00. A kept line runs since it
/// started, so its one-off tariffs are not charged again either.
enum RenewalCarryOver {
    enum Outcome {
        case kept(OfferLine)
        case dropped(reason: String)
    }

    static func carry(_ line: OfferLine, book: TariffBook?, agreementFirstYear: Int) -> Outcome {
        let recurringQuotes = line.quotes.filter { $0.recurrence != .oneOff }
        let service = book?.service(line.service)
        // A service the book does not know is kept as it is, so that pricing says what is wrong.
        let recurs = !recurringQuotes.isEmpty
            || (service?.components.contains { $0.recurrence.map { $0 != .oneOff } ?? false } ?? line.quotes.isEmpty)
        if !recurs {
            if !line.quotes.isEmpty { return .dropped(reason: "a one-off custom quote of the previous term") }
            if let service, service.components.contains(where: { $0.basis == .perHour }) {
                return .dropped(reason: "\(service.code) hours are charged once, for the assignment agreed in the previous term")
            }
            return .dropped(reason: "\(line.service) has only one-off costs, charged in the previous term")
        }
        var kept = line
        kept.runningSince = NoticeRules.startYear(of: line, agreementFirstYear: agreementFirstYear)
        kept.startYear = nil
        kept.quotes = recurringQuotes
        return .kept(kept)
    }
}
