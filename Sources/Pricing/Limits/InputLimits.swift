/// The documented limits of every input to pricing. Anything beyond them is bad input (exit 65)
/// with a message naming the limit, never an overflow or a crash. They are far above any real
/// municipality: the largest Dutch municipality has under a million inhabitants.
public enum InputLimits {
    /// Inhabitants in one count.
    public static let inhabitants = 0...5_000_000
    /// Pupils in one school.
    public static let pupils = 0...20_000
    /// Branches in one profile.
    public static let branches = 1_000
    /// Schools in one profile. The limits on a profile's lists are chosen so that the largest
    /// profile is priced over 20 years in bounded memory (every service on every subject: 336 282
    /// priced lines, 0,5 GB as CSV), and one year of it (about 22 500 lines) fits in `documentLines`.
    public static let schools = 1_000
    /// Childcare locations, and consultation bureaus, in one profile.
    public static let locations = 2_000
    /// Dated inhabitant counts in one profile.
    public static let inhabitantCounts = 1_000
    /// Lines in one offer.
    public static let offerLines = 1_000
    /// Years in one offer.
    public static let offerYears = 1...20
    /// Priced lines (one per service, component, subject and year) an offer may have to be issued
    /// or rendered as an offerte or agreement. Issuing stores every line, and the rekenbijlage
    /// renders every line three times (HTML, Markdown, JSON); the largest offer within this bound
    /// issues in about 0,2 GB (measured with `catalogue-bench`). Pricing alone has no such bound: a
    /// larger offer is priced, and is split (fewer years or subjects) to be issued.
    public static let documentLines = 50_000

    /// The refusal of a document of `count` priced lines for `offer` (what the user calls it), or
    /// nil when it is within `documentLines`.
    public static func documentLinesProblem(_ count: Int, offer: String) -> String? {
        guard count > documentLines else { return nil }
        return "\(offer) has \(count) priced lines (one per service, component, subject and year); an offerte or agreement "
            + "holds at most \(documentLines): split it into offers of fewer years or subjects"
    }

    /// Calendar years the tool prices.
    public static let calendarYears = 2000...2999
    /// Upper bounds of the numbers an offer line may give, by field; other fields allow up to
    /// `otherLineNumber`. Every number must be greater than zero, except where noted.
    public static let lineNumbers: [String: String] = [
        "hours": "100000",
        "hoursPerWeek": "80",
        "participantsPerActivity": "10000",
        "activities": "10000",
        "biebFabriekSeries": "1000",
    ]
    /// The line numbers that count things and so must be whole: activities, participants, series.
    /// Hours (`hours`, `hoursPerWeek`) may be fractional: 40,5 hours, 2,5 hours a week.
    public static let wholeLineNumbers: Set<String> = ["activities", "participantsPerActivity", "biebFabriekSeries"]
    /// The largest custom quote, per year or once (ten million euro): far above any library
    /// service, and low enough that no offer's total can leave the supported range.
    public static let maximumQuoteCents: Int64 = 1_000_000_000

    /// The upper bound of a line number a tariff book introduces.
    public static let otherLineNumber = "1000000"
}
