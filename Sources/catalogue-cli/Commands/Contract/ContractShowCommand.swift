import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Spreadsheets
import Support

/// `catalogue-cli contract show AGREEMENT [--on DATE]`: the agreement as it stands on a date.
struct ContractShowCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["contract", "show"],
        abstract: "Show an agreement as it stands on a date: its lines per period and what the municipality pays per year.",
        positionals: [Positional(name: "agreement", help: "The agreement reference, e.g. UVO-2026-001.")],
        options: [
            onOption.info, formatOption.info, WorkbookOutput.outOption.info, StoreSelection.option.info,
        ],
        discussion: """
        --format json gives the agreement as JSON: the periods of lines, every year priced (its book with
        the hash it is stored under, every line, the totals), the totals over the term and the dBos
        notice dates. --format xlsx --out FILE.xlsx (or just --out FILE.xlsx) writes a workbook for
        finance; a workbook is written to a file, never to standard output.
        """)

    static let onOption = Option<CalendarDate>(
        "--on", valueName: "yyyy-mm-dd", help: "Include only the amendments dated on or before this date (default: all).")
    static let formatOption = Option<AgreementShowFormat>(
        "--format", valueName: "format", help: "Output format: text, json or xlsx (a workbook, written to --out). Default: xlsx when --out names a .xlsx file, else text.")

    var reference: String
    /// The date the agreement is shown on, or nil for every amendment.
    var date: CalendarDate?
    var format: AgreementShowFormat
    var out: OutputSelection
    var store: StoreSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        guard let reference = try arguments.positional(0, as: AgreementReference.self, name: "agreement", command: Self.info) else {
            throw .internalError("the parser let contract show run without its agreement")
        }
        self.reference = reference.text
        date = try arguments.value(Self.onOption, command: Self.info)
        out = try OutputSelection(parsing: arguments, WorkbookOutput.outOption, command: Self.info)
        format = try arguments.value(Self.formatOption, command: Self.info) ?? (WorkbookOutput.isWorkbookFile(out.path) ? .xlsx : .text)
        store = try StoreSelection(parsing: arguments, command: Self.info)
    }

    func validate() throws(CLIError) {
        try WorkbookOutput.check(workbook: format == .xlsx, out: out.path, command: Self.info)
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let target = try out.target(context, store: self.store)
        let store = try store.open(context, .readOnly)
        _ = try Lookup.agreement(reference, store: store)
        let view: AgreementView
        do {
            view = try AgreementView.load(reference, store: store, on: date)
        } catch {
            throw StoreOptions.error(error, store: store)
        }
        switch format {
        case .json: context.print(AgreementViewJSON.encode(view), terminator: true)
        case .text: try Self.printText(view, &context)
        case .xlsx:
            try WorkbookOutput.write(to: target, &context) { () throws(SpreadsheetError) in try AgreementWorkbook.build(view) }
        }
    }

    /// The listing for people: the agreement, its lines per period, the years and the dBos notices.
    private static func printText(_ view: AgreementView, _ context: inout CommandContext) throws(CLIError) {
        let agreement = view.state.agreement
        let state = view.state
        context.print("\(agreement.reference): \(view.municipalityName) (\(agreement.municipality)), \(agreement.firstYear)–\(agreement.lastYear), \(agreement.status)")
        context.print("Accepted on \(agreement.acceptedOn) from quote \(state.quote.reference); payment \(agreement.payment.rawValue).")
        if let date = view.date {
            context.print("State on \(date): \(count(state.amendments.count, "amendment")).")
        } else {
            context.print(state.amendments.isEmpty ? "No amendments." : "Amendments: \(state.amendments.map { "\($0.reference) (\($0.dated), from \($0.fromYear))" }.joined(separator: ", ")).")
        }
        try printLines(view.periods, &context)
        context.print()
        try printYears(view.years, &context)

        // The dBos arrangements of the last year and the earliest date each can end.
        guard !view.schoolNotices.isEmpty else { return }
        context.print()
        context.print("dBos cooperation agreements (three years, then a year at a time, notice a year ahead), with notice given from \(view.noticeDate):")
        schoolNoticeTable(view.schoolNotices, &context)
    }

    /// The lines of each period of the agreement: the accepted lines, then each amendment's from its year.
    private static func printLines(_ periods: [AgreementPeriod], _ context: inout CommandContext) throws(CLIError) {
        for period in periods {
            context.print()
            guard period.tookEffect else {
                context.print("Lines of \(period.reference): replaced before they took effect.")
                continue
            }
            let span = period.fromYear == period.untilYear ? String(period.fromYear) : "\(period.fromYear)–\(period.untilYear)"
            context.print("Lines \(span) (\(period.reference)):")
            try LineTable.render(period.lines, &context)
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
