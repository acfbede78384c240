import Catalogue
import Support

/// The order dates of an offer must keep: a quote is issued before its term begins (or late,
/// with a recorded reason), accepted on or after its issue date and no later than the last day
/// it is valid. One place states them; issuing and accepting both ask here.
public enum DateRules {
    /// Why issuing on `date` an offer whose term begins on 1 January of `firstYear` is refused,
    /// or nil when it is allowed. A late quote needs a reason.
    public static func issueProblem(date: CalendarDate, firstYear: Int, lateReason: String?) -> String? {
        let termBegins = CalendarDate.firstOfJanuary(firstYear)
        guard date >= termBegins else { return nil }
        if let lateReason, !lateReason.allSatisfy({ $0 == " " }) { return nil }
        return "the quote's date \(date) is on or after the start of its term (\(termBegins)); "
            + "issue it before the term begins, or give '--late <reason>' to issue it late with the reason printed in the offerte"
    }

    /// Why accepting on `date` a quote issued on `issuedOn` and valid until `validUntil` is
    /// refused, or nil when it is allowed.
    public static func acceptanceProblem(date: CalendarDate, issuedOn: CalendarDate, validUntil: CalendarDate) -> String? {
        if date < issuedOn {
            return "the acceptance date \(date) is before the quote was issued (\(issuedOn))"
        }
        if date > validUntil {
            return "the quote was valid until \(validUntil) and has expired on \(date); it can no longer be accepted (a changed offer is issued as a new version)"
        }
        return nil
    }
}

extension DateRules {
    /// Why withdrawing on `date` a quote issued on `issuedOn` is refused, or nil when it is allowed.
    public static func withdrawalProblem(date: CalendarDate, issuedOn: CalendarDate) -> String? {
        date < issuedOn ? "the withdrawal date \(date) is before the quote was issued (\(issuedOn))" : nil
    }
}
