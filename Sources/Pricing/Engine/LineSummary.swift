import Catalogue
import Money

/// One offer line as a person reads it: the service's name, whom it is for, the choices made,
/// and what each payer pays for it per year. Front ends (the CLI's `offer show` and `contract
/// show`, later the web workspace) print these instead of the line's JSON.
public struct LineSummary: Sendable, Equatable {
    /// The line's number, counting from 1.
    public var number: Int
    /// The service code.
    public var service: String
    /// The service's name in the first year's book.
    public var serviceName: String
    /// Whom it is for: "the municipality", one to three names, or a count ("18 schools").
    public var subjects: String
    /// The choices of the line, e.g. "package groot", "hbo, 40 hours", "from 2027".
    public var details: [String]
    /// What the line costs per year, by payer; empty when it was not priced.
    public var years: [(year: Int, totals: PayerTotals)]

    public static func == (lhs: LineSummary, rhs: LineSummary) -> Bool {
        lhs.number == rhs.number && lhs.service == rhs.service && lhs.serviceName == rhs.serviceName && lhs.subjects == rhs.subjects
            && lhs.details == rhs.details && lhs.years.map(\.year) == rhs.years.map(\.year) && lhs.years.map(\.totals) == rhs.years.map(\.totals)
    }
}

/// Makes the summaries of an offer's lines.
public enum LineSummaries {
    /// Every line of a validated offer, priced one at a time with `books` (each line's amounts
    /// are exactly its share of the offer's totals: the engine prices lines independently).
    public static func make(_ offer: ValidatedOffer, books: PricingBooks) throws(PricingError) -> [LineSummary] {
        var result: [LineSummary] = []
        for (position, resolved) in offer.lines.enumerated() {
            var alone = offer
            alone.lines = [resolved]
            let priced = try PricingEngine.price(alone, books: books)
            var summary = describe(resolved, number: position + 1, books: books, firstYear: offer.offer.firstYear)
            summary.years = priced.years.map { ($0.year, $0.totals) }
            result.append(summary)
        }
        return result
    }

    /// A line without amounts.
    public static func describe(_ resolved: ResolvedLine, number: Int, books: PricingBooks, firstYear: Int) -> LineSummary {
        let line = resolved.line
        let name = books[firstYear]?.book.service(line.service)?.name ?? line.service
        return LineSummary(number: number, service: line.service, serviceName: name, subjects: subjects(resolved),
                           details: details(line), years: [])
    }

    private static func subjects(_ resolved: ResolvedLine) -> String {
        let groups: [(names: [String], one: String, many: String)] = [
            (resolved.branches.map(\.name), "branch", "branches"),
            (resolved.schools.map(\.name), "school", "schools"),
            (resolved.childcareLocations.map(\.name), "childcare location", "childcare locations"),
            (resolved.consultationBureaus.map(\.name), "consultation bureau", "consultation bureaus"),
        ]
        let parts = groups.filter { !$0.names.isEmpty }.map { group in
            group.names.count <= 3 ? group.names.joined(separator: ", ") : "\(group.names.count) \(group.many)"
        }
        return parts.isEmpty ? "the municipality" : parts.joined(separator: "; ")
    }

    private static func details(_ line: OfferLine) -> [String] {
        var details: [String] = []
        if let package = line.package { details.append("package \(package)") }
        if let level = line.level { details.append("level \(level)") }
        for (field, value) in line.numbers.sorted(by: { $0.key < $1.key }) {
            details.append("\(field) \(value.dutchString)")
        }
        for quote in line.quotes {
            let component = quote.component.map { "\($0): " } ?? ""
            details.append("\(component)quote \(quote.amount.dutchString) \(quote.recurrence == .oneOff ? "once" : "a year")")
        }
        if let start = line.startYear { details.append("from \(start)") }
        if let since = line.runningSince { details.append("running since \(since)") }
        if let description = line.description { details.append("“\(description)”") }
        return details
    }
}
