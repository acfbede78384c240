import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Support

/// `catalogue-cli contract show AGREEMENT [--on DATE]`: the agreement as it stands on a date.
struct ContractShowCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["contract", "show"],
        abstract: "Show an agreement as it stands on a date: its lines per period and what the municipality pays per year.",
        positionals: [Positional(name: "agreement", help: "The agreement reference, e.g. UVO-2026-001.")],
        options: [
            onOption.info, StoreSelection.option.info,
        ])

    static let onOption = Option<CalendarDate>(
        "--on", valueName: "yyyy-mm-dd", help: "Include only the amendments dated on or before this date (default: all).")

    var reference: String
    /// The date the agreement is shown on, or nil for every amendment.
    var date: CalendarDate?
    var store: StoreSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        guard let reference = try arguments.positional(0, as: AgreementReference.self, name: "agreement", command: Self.info) else {
            throw .internalError("the parser let contract show run without its agreement")
        }
        self.reference = reference.text
        date = try arguments.value(Self.onOption, command: Self.info)
        store = try StoreSelection(parsing: arguments, command: Self.info)
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let store = try store.open(context, .readOnly)
        _ = try Lookup.agreement(reference, store: store)
        let state: AgreementState
        let years: [PricedYear]
        let name: String
        let books: PricingBooks
        do {
            state = try AgreementLifecycle.state(reference, store: store, on: date)
            books = try OfferLifecycle.frozenBooks(state.quote, store: store)
            (years, name) = try AgreementLifecycle.pricedYears(state, books: books)
        } catch {
            throw StoreOptions.error(error, store: store)
        }
        let agreement = state.agreement
        context.print("\(agreement.reference): \(name) (\(agreement.municipality)), \(agreement.firstYear)–\(agreement.lastYear), \(agreement.status)")
        context.print("Accepted on \(agreement.acceptedOn) from quote \(state.quote.reference); payment \(agreement.payment.rawValue).")
        if let date {
            context.print("State on \(date): \(count(state.amendments.count, "amendment")).")
        } else {
            context.print(state.amendments.isEmpty ? "No amendments." : "Amendments: \(state.amendments.map { "\($0.reference) (\($0.dated), from \($0.fromYear))" }.joined(separator: ", ")).")
        }
        try Self.printLines(state, books: books, store: store, &context)
        context.print()
        try Self.printYears(years, &context)

        // The dBos arrangements of the last year and the earliest date each can end.
        let noticeDate = date ?? agreement.acceptedOn
        let arrangements = AgreementLifecycle.notices(state, priced: years, name: name, from: noticeDate, through: .lastOfDecember(9999))
            .filter { $0.kind == .schoolNotice }
        guard !arrangements.isEmpty else { return }
        context.print()
        context.print("dBos cooperation agreements (three years, then a year at a time, notice a year ahead), with notice given from \(noticeDate):")
        Self.schoolNoticeTable(arrangements, &context)
    }

    /// The lines of each period of the agreement: the accepted lines, then each amendment's from its year.
    private static func printLines(_ state: AgreementState, books: PricingBooks, store: CatalogueStore,
                                   _ context: inout CommandContext) throws(CLIError) {
        let agreement = state.agreement
        for (index, segment) in state.segments.enumerated() {
            let until = index + 1 < state.segments.count ? state.segments[index + 1].fromYear - 1 : agreement.lastYear
            context.print()
            let span = segment.fromYear == until ? String(segment.fromYear) : "\(segment.fromYear)–\(until)"
            if segment.fromYear > until {
                context.print("Lines of \(segment.reference): replaced before they took effect.")
                continue
            }
            context.print("Lines \(span) (\(segment.reference)):")
            let summaries: [LineSummary]
            do {
                summaries = try OfferLifecycle.summaries(segment, years: segment.fromYear...until, state: state, books: books)
            } catch {
                throw StoreOptions.error(error, store: store)
            }
            try LineTable.render(summaries, &context)
        }
    }

    /// What the municipality, the schools and the participants pay per year, and the municipality's total.
    private static func printYears(_ years: [PricedYear], _ context: inout CommandContext) throws(CLIError) {
        var table = TextTable([.left, .right, .right, .right])
        table.add(["Year", "Municipality", "Schools", "Participants"])
        for year in years {
            table.add([year.status == .projected ? "\(year.year) (projected)" : String(year.year), year.totals.municipality.dutchString,
                       year.totals.school.dutchString, year.totals.participants.dutchString])
        }
        table.add(["Total", try YearTotals.municipality(years).dutchString, "", ""])
        for line in table.render(indent: "  ") { context.print(line) }
    }

    /// The dBos schools with their start, notice date and earliest end; shared with 'contract renew'.
    static func schoolNoticeTable(_ notices: [NoticeDate], _ context: inout CommandContext) {
        var table = TextTable([.left, .left, .right, .left, .left])
        table.add(["School", "Service", "Since", "Notice by", "Ends at the earliest"])
        for notice in notices {
            table.add([notice.schoolName ?? notice.school ?? "", notice.service ?? "", String(notice.startYear ?? 0),
                       notice.date.description, notice.periodEnd.description])
        }
        for line in table.render(indent: "  ") { context.print(line) }
    }
}
