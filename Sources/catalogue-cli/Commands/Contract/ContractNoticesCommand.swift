import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Support

/// `catalogue-cli contract notices --date D [--months N]`: every notice date in the coming months.
enum ContractNoticesCommand: CLICommand {
    static let info = CommandInfo(
        path: ["contract", "notices"],
        abstract: "List the notice dates (dBos per school) and term ends of all active agreements in the coming months.",
        options: [
            OptionInfo(name: "--date", valueName: "yyyy-mm-dd", help: "Today, for the listing (required: the tool never reads the clock).", required: true),
            monthsOption.info,
            OptionInfo(name: "--format", valueName: "format", help: "text (default) or json."),
            StoreOptions.database,
        ])

    static let monthsOption = Option<Count<NoticeMonths>>("--months", valueName: "n", help: "How far ahead to look, in months (default 12).")

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let date = try StoreOptions.date(arguments, command: info)
        let months = try arguments.value(monthsOption, command: info)?.value ?? 12
        let format = arguments.value("--format") ?? "text"
        guard format == "text" || format == "json" else { throw .usage("'--format' expects text or json, found '\(format)'", command: info) }
        let through = date.addingMonths(months)
        let store = try StoreOptions.open(arguments, context, .readOnly)
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
        if format == "json" {
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
            context.print(JSONWriter.write(.object(["from": .string(date.description), "through": .string(through.description),
                                                    "notices": .array(items)])), terminator: true)
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
}
