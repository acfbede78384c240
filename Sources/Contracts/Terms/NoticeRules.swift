import Catalogue
import JSON
import Pricing
import Support

/// The notice rules of the catalogue.
///
/// De Bibliotheek op school (dBos PO and VO): the library and each school sign a three-year
/// cooperation agreement, then renewed tacitly for a year at a time unless cancelled a year
/// before the end of the running period. Decision: a period runs whole calendar years, starting
/// on 1 January of the year the school started (`runningSince`, else the line's `startYear`,
/// else the agreement's first year); notice for a period ending 31 December E must be given by
/// 31 December E − 1.
///
/// Every other service ends with the execution agreement, which ends by law at the end of its
/// term: no notice is needed, and the term's end is listed for planning the renewal.
public enum NoticeRules {
    /// The length of the first dBos period, in years.
    public static let dbosInitialYears = 3

    /// Whether a service has its own renewal and notice (dBos).
    public static func hasSchoolTerm(_ service: String) -> Bool { service.hasPrefix("dbos-") }

    /// The earliest year whose end a dBos arrangement that started in `start` can still be
    /// ended on by notice given on `date`, and the last day for that notice.
    public static func earliestEnd(start: Int, noticeGivenOn date: CalendarDate) -> (endYear: Int, noticeBy: CalendarDate) {
        let end = max(start + dbosInitialYears - 1, date.year + 1)
        return (end, .lastOfDecember(end - 1))
    }

    /// The first year of a dBos arrangement for a line of an agreement.
    static func startYear(of line: OfferLine, agreementFirstYear: Int) -> Int {
        line.runningSince ?? line.startYear ?? agreementFirstYear
    }
}
