import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Support

/// `catalogue-cli contract notices --date D [--months N]`: every notice date in the coming months.
struct ContractNoticesCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["contract", "notices"],
        abstract: "List the notice dates (dBos per school) and term ends of all active agreements in the coming months.",
        options: [dateOption.info, monthsOption.info, formatOption.info, StoreSelection.option.info])

    static let dateOption = Option<CalendarDate>(
        "--date", valueName: "yyyy-mm-dd", help: "Today, for the listing (required: the tool never reads the clock).", required: true)
    static let monthsOption = Option<Count<NoticeMonths>>("--months", valueName: "n", help: "How far ahead to look, in months (default 12).")
    static let formatOption = Option<NoticeFormat>("--format", valueName: "format", help: "text (default) or json.")

    /// Today, for the listing: notices from this date on.
    var date: CalendarDate
    var months: Int
    var format: NoticeFormat
    var store: StoreSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        date = try arguments.required(Self.dateOption, command: Self.info, why: "documents carry the date you give, the tool never reads the clock")
        months = try arguments.value(Self.monthsOption, command: Self.info)?.value ?? 12
        format = try arguments.value(Self.formatOption, command: Self.info) ?? .text
        store = try StoreSelection(parsing: arguments, command: Self.info)
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let through = date.addingMonths(months)
        let store = try store.open(context, .readOnly)
        let notices = try Self.notices(from: date, through: through, store: store)
        if format == .json {
            context.print(JSONWriter.write(Self.json(notices, from: date, through: through)), terminator: true)
            return
        }
        context.print("Notice dates from \(date) through \(through) (\(count(notices.count, "date"))):")
        guard !notices.isEmpty else { return }
        context.print()
        var table = TextTable([.left, .left, .left, .left, .left])
        table.add(["Act by", "Agreement", "Municipality", "What", "Then ends"])
        for notice in notices {
            let what = switch notice.kind {
            case .schoolNotice: "notice \(notice.service ?? "") at \(notice.schoolName ?? notice.school ?? "") (since \(notice.startYear ?? 0)), else renews a year"
            case .termEnd: "agreement ends; propose the renewal before"
            }
            table.add([notice.date.description, notice.agreement, notice.municipality, what, notice.periodEnd.description])
        }
        for line in table.render(indent: "  ") { context.print(line) }
    }

    /// The notice dates of every active agreement from `date` through `through`, by date.
    private static func notices(from date: CalendarDate, through: CalendarDate, store: CatalogueStore) throws(CLIError) -> [NoticeDate] {
        var notices: [NoticeDate] = []
        do {
            let references: [String]
            do { references = try store.agreementReferences(status: .active) } catch { throw LifecycleError.store(error) }
            for reference in references {
                let state = try AgreementLifecycle.state(reference, store: store)
                let (priced, name) = try AgreementLifecycle.pricedYears(state, books: try OfferLifecycle.frozenBooks(state.quote, store: store))
                notices += AgreementLifecycle.notices(state, priced: priced, name: name, from: date, through: through)
            }
        } catch let error as LifecycleError {
            throw StoreOptions.error(error, store: store)
        } catch {
            throw .internalError("\(error)")
        }
        notices.sort { ($0.date, $0.agreement, $0.school ?? "", $0.service ?? "") < ($1.date, $1.agreement, $1.school ?? "", $1.service ?? "") }
        return notices
    }

    /// The listing as JSON: the period and every notice.
    private static func json(_ notices: [NoticeDate], from date: CalendarDate, through: CalendarDate) -> JSONValue {
        let items: [JSONValue] = notices.map { notice in
            var object: JSONObject = ["kind": .string(notice.kind.rawValue), "date": .string(notice.date.description),
                                     "agreement": .string(notice.agreement), "municipality": .string(notice.municipality),
                                     "periodEnd": .string(notice.periodEnd.description)]
            if let service = notice.service { object.set("service", .string(service)) }
            if let school = notice.school { object.set("school", .string(school)) }
            if let name = notice.schoolName { object.set("schoolName", .string(name)) }
            if let start = notice.startYear { object.set("startYear", .number(JSONNumber(integer: Int64(start)))) }
            return .object(object)
        }
        return .object(["from": .string(date.description), "through": .string(through.description), "notices": .array(items)])
    }
}
