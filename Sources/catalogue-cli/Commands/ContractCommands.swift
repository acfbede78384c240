import Catalogue
import Contracts
import JSON
import Money
import Pricing

/// `catalogue-cli contract amend AGREEMENT --from YEAR`: adds, replaces or removes lines from a
/// year to the end of the term and records the wijziging with its document.
enum ContractAmendCommand: CLICommand {
    static let info = CommandInfo(
        path: ["contract", "amend"],
        abstract: "Amend an active agreement from a year to the end of its term (add, replace or remove lines).",
        positionals: [Positional(name: "agreement", help: "The agreement reference, e.g. UVO-2026-001.")],
        options: [
            OptionInfo(name: "--from", valueName: "year", help: "The first year the change applies; it runs to the end of the term.", required: true),
            StoreOptions.date,
            OptionInfo(name: "--remove", valueName: "numbers", help: "Comma-separated lines to end ('contract show' numbers them)."),
            OptionInfo(name: "--replace", valueName: "number", help: "Replace this line with the one given by --service/--line."),
            OptionInfo(name: "--profile", valueName: "file", help: "A changed municipality profile to price the amended years with."),
            OptionInfo(name: "--profile-on", valueName: "yyyy-mm-dd", help: "Price the amended years with the stored profile version valid on this date ('municipality import --valid-from')."),
            OptionInfo(name: "--dry-run", help: "Show the effect per year without recording the amendment."),
            OptionInfo(name: "--out", valueName: "file", help: "Also write the amendment document ('-' for standard output)."),
            OptionInfo(name: "--format", valueName: "format", help: "html, markdown or json. Default: from the file's extension, else html."),
        ] + OfferAddCommand.lineOptions + [StoreOptions.database])

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let reference = arguments.positionals[0]
        guard let fromText = arguments.value("--from") else { throw .usage("missing '--from <year>'", command: info) }
        guard let fromYear = Int(fromText), (1900...9999).contains(fromYear) else {
            throw .usage("'--from' expects a year like 2027, found '\(fromText)'", command: info)
        }
        let date = try StoreOptions.date(arguments, command: info)
        var changes: [AgreementChange] = []
        if let text = arguments.value("--remove") {
            for part in text.split(separator: ",", omittingEmptySubsequences: false) {
                guard let number = Int(String(part).trimmingCharacters(in: " ")), number >= 1 else {
                    throw .usage("'--remove' expects line numbers like 2 or 2,3, found '\(text)'", command: info)
                }
                changes.append(.remove(line: number))
            }
        }
        let hasLine = arguments.value("--service") != nil || arguments.value("--line") != nil
        if let text = arguments.value("--replace") {
            guard let number = Int(text), number >= 1 else { throw .usage("'--replace' expects a line number like 2, found '\(text)'", command: info) }
            guard hasLine else { throw .usage("'--replace \(number)' needs the new line: give '--service <code>' or '--line <json>'", command: info) }
            changes.append(.replace(line: number, with: try OfferAddCommand.lineJSON(arguments, command: info)))
        } else if hasLine {
            changes.append(.add(try OfferAddCommand.lineJSON(arguments, command: info)))
        }
        var format: DocumentFormat?
        if let out = arguments.value("--out") { format = try DocumentFormat.from(arguments, out: out, command: info) }

        let store = try StoreOptions.open(arguments, context, .readWrite)
        var profile: String?
        if let file = arguments.value("--profile") {
            do {
                let bytes = try FileSystem.readFile(file, limit: FileSystem.maximumProfileOrOfferBytes)
                let decoded = try ProfileLoader.load(bytes: bytes, file: file)
                let agreement = try? store.agreement(reference: reference)
                if let agreement, decoded.code != agreement.municipality {
                    throw CLIError.refused("\(file) is the profile of \(decoded.code), but \(reference) is an agreement with \(agreement.municipality)")
                }
                profile = String(decoding: bytes, as: UTF8.self)
            } catch let error as CLIError {
                throw error
            } catch let error as InputError {
                throw .input(error)
            } catch {
                throw .internalError("\(error)")
            }
        }
        if let text = arguments.value("--profile-on") {
            guard profile == nil else { throw .usage("give '--profile <file>' or '--profile-on <date>', not both", command: info) }
            guard let on = CalendarDate(parsing: text) else { throw .usage("'--profile-on' expects a date like 2027-08-01, found '\(text)'", command: info) }
            do {
                guard let agreement = try store.agreement(reference: reference) else {
                    throw CLIError.refused("no agreement '\(reference)' in the database; agreements are named like UVO-2026-001")
                }
                guard let version = try store.profile(code: agreement.municipality, on: on) else {
                    let dates = try store.profileVersions(code: agreement.municipality).map(\.validFrom)
                    throw CLIError.refused("no profile version of \(agreement.municipality) is valid on \(on)"
                        + (dates.isEmpty ? "; record one with 'catalogue-cli municipality import <file> --valid-from <date>'" : "; versions: \(dates.joined(separator: ", "))"))
                }
                profile = version.profile
            } catch let error as CLIError {
                throw error
            } catch {
                throw .database(file: store.database.path, message: "\(error)")
            }
        }
        let proposal: AgreementLifecycle.Proposal
        var stored: AmendmentRecord?
        if arguments.flag("--dry-run") {
            do {
                proposal = try AgreementLifecycle.propose(reference, fromYear: fromYear, changes: changes, profile: profile, date: date, store: store)
            } catch {
                throw StoreOptions.error(error, store: store)
            }
        } else {
            // Proposed, recorded and its document written in one transaction: a failed write records nothing.
            (proposal, stored) = try AgreementLifecycle.amend(reference, fromYear: fromYear, changes: changes, profile: profile, date: date, store: store,
                                                              mapping: { StoreOptions.error($0, store: store) }) { (proposal) throws(CLIError) in
                guard let out = arguments.value("--out"), out != "-", let format else { return }
                let record = proposal.record
                try DocumentOutput.writeFile(format.pick(RenderedDocuments(html: record.html, markdown: record.markdown, json: record.json)), to: out)
            }
        }
        let document = proposal.document
        context.print("\(AmendmentWordingCLI.heading(document))")
        for change in document.changes { context.print("  - \(change)") }
        context.print()
        var table = TextTable([.left, .right, .right, .right])
        table.add(["Year", "Agreed", "Change", "After"])
        for year in document.years {
            table.add([year.projected ? "\(year.year) (projected)" : String(year.year), year.municipality.before.dutchString,
                       AmendmentWordingCLI.change(year.municipality.change), year.municipality.after.dutchString])
        }
        table.add(["Total \(document.span)", document.total.before.dutchString,
                   AmendmentWordingCLI.change(document.total.change), document.total.after.dutchString])
        for line in table.render(indent: "  ") { context.print(line) }
        context.print()
        if let stored {
            context.print("Recorded \(stored.reference); the agreement \(reference) itself is unchanged.")
        } else {
            context.print("Not recorded (--dry-run). Run again without --dry-run to record \(proposal.record.reference).")
        }
        if let out = arguments.value("--out"), let format {
            let documents = RenderedDocuments(html: proposal.record.html, markdown: proposal.record.markdown, json: proposal.record.json)
            if stored != nil && out != "-" {
                context.print("Wrote wijziging \(proposal.record.reference) to \(out).")
            } else {
                try DocumentOutput.write(format.pick(documents), to: out, &context, what: "wijziging \(proposal.record.reference)")
            }
        }
    }
}

/// Short texts of the amendment commands.
enum AmendmentWordingCLI {
    static func heading(_ document: AmendmentDocument) -> String {
        "\(document.reference): amendment \(document.sequence) of \(document.agreementReference) (\(document.municipalityName)) for \(document.span), dated \(document.date)"
    }

    static func change(_ amount: Money) -> String {
        amount.cents > 0 ? "+" + amount.dutchString : amount.dutchString
    }
}

/// `catalogue-cli contract show AGREEMENT [--on DATE]`: the agreement as it stands on a date.
enum ContractShowCommand: CLICommand {
    static let info = CommandInfo(
        path: ["contract", "show"],
        abstract: "Show an agreement as it stands on a date: its lines per period and what the municipality pays per year.",
        positionals: [Positional(name: "agreement", help: "The agreement reference, e.g. UVO-2026-001.")],
        options: [
            OptionInfo(name: "--on", valueName: "yyyy-mm-dd", help: "Include only the amendments dated on or before this date (default: all)."),
            StoreOptions.database,
        ])

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let reference = arguments.positionals[0]
        var date: CalendarDate?
        if let text = arguments.value("--on") {
            guard let parsed = CalendarDate(parsing: text) else { throw .usage("'--on' expects a date like 2027-03-01, found '\(text)'", command: info) }
            date = parsed
        }
        let store = try StoreOptions.open(arguments, context, .readOnly)
        let state: AgreementState
        let years: [PricedYear]
        let name: String
        do {
            state = try AgreementLifecycle.state(reference, store: store, on: date)
            (years, name) = try AgreementLifecycle.pricedYears(state, books: try OfferLifecycle.frozenBooks(state.quote, store: store))
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
        for (index, segment) in state.segments.enumerated() {
            let until = index + 1 < state.segments.count ? state.segments[index + 1].fromYear - 1 : agreement.lastYear
            context.print()
            let span = segment.fromYear == until ? String(segment.fromYear) : "\(segment.fromYear)–\(until)"
            if segment.fromYear > until {
                context.print("Lines of \(segment.reference): replaced before they took effect.")
                continue
            }
            context.print("Lines \(span) (\(segment.reference)):")
            for (number, line) in segment.lines.enumerated() {
                context.print("  \(number + 1). \(JSONWriter.write(line, pretty: false))")
            }
        }
        context.print()
        var table = TextTable([.left, .right, .right, .right])
        table.add(["Year", "Municipality", "Schools", "Participants"])
        var total = Money.zero
        for year in years {
            table.add([year.status == .projected ? "\(year.year) (projected)" : String(year.year), year.totals.municipality.dutchString,
                       year.totals.school.dutchString, year.totals.participants.dutchString])
            total = (try? total.adding(year.totals.municipality)) ?? total
        }
        table.add(["Total", total.dutchString, "", ""])
        for line in table.render(indent: "  ") { context.print(line) }

        // The dBos arrangements of the last year and the earliest date each can end.
        let noticeDate = date ?? agreement.acceptedOn
        let arrangements = AgreementLifecycle.notices(state, priced: years, name: name, from: noticeDate, through: .lastOfDecember(9999))
            .filter { $0.kind == .schoolNotice }
        guard !arrangements.isEmpty else { return }
        context.print()
        context.print("dBos cooperation agreements (three years, then a year at a time, notice a year ahead), with notice given from \(noticeDate):")
        schoolNoticeTable(arrangements, &context)
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

/// `catalogue-cli contract notices --date D [--months N]`: every notice date in the coming months.
enum ContractNoticesCommand: CLICommand {
    static let info = CommandInfo(
        path: ["contract", "notices"],
        abstract: "List the notice dates (dBos per school) and term ends of all active agreements in the coming months.",
        options: [
            OptionInfo(name: "--date", valueName: "yyyy-mm-dd", help: "Today, for the listing (required: the tool never reads the clock).", required: true),
            OptionInfo(name: "--months", valueName: "n", help: "How far ahead to look, in months (default 12)."),
            OptionInfo(name: "--format", valueName: "format", help: "text (default) or json."),
            StoreOptions.database,
        ])

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let date = try StoreOptions.date(arguments, command: info)
        var months = 12
        if let text = arguments.value("--months") {
            guard let value = Int(text), (1...240).contains(value) else {
                throw .usage("'--months' expects a number of months from 1 to 240, found '\(text)'", command: info)
            }
            months = value
        }
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

/// `catalogue-cli contract renew AGREEMENT --date D`: proposes the next term as a draft offer.
enum ContractRenewCommand: CLICommand {
    static let info = CommandInfo(
        path: ["contract", "renew"],
        abstract: "Propose the next term of an agreement as a draft offer: the same services, the books of the new years.",
        positionals: [Positional(name: "agreement", help: "The agreement reference, e.g. UVO-2026-001.")],
        options: [
            StoreOptions.date,
            OptionInfo(name: "--years", valueName: "n", help: "The new term's length (default: as the current term)."),
            OptionInfo(name: "--dry-run", help: "Show the proposal without storing the draft offer."),
            StoreOptions.database, SharedOptions.tariffs,
        ] + StoreOptions.assumptionOptions)

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let reference = arguments.positionals[0]
        let date = try StoreOptions.date(arguments, command: info)
        var years: Int?
        if let text = arguments.value("--years") {
            guard let value = Int(text), (1...20).contains(value) else { throw .usage("'--years' expects 1 to 20, found '\(text)'", command: info) }
            years = value
        }
        let store = try StoreOptions.open(arguments, context, .readWrite)
        let library = try SharedOptions.library(arguments, context)
        let assumptions = try SharedOptions.assumptions(arguments, library: library, command: info)
        let proposal: RenewalProposal
        do {
            proposal = try AgreementLifecycle.proposeRenewal(reference, years: years, date: date, store: store, library: library, assumptions: assumptions)
        } catch {
            throw StoreOptions.error(error, store: store)
        }
        let offer = proposal.offer
        let last = offer.firstYear + offer.years - 1
        context.print("Renewal of \(reference) (\(proposal.priced.municipalityName)) for \(offer.firstYear)–\(last): \(count(offer.lines.count, "line")) carried over, each running since it started.")
        for (line, reason) in proposal.dropped { context.print("  Not carried over: line \(line), \(reason).") }
        context.print()
        var table = TextTable([.left, .left, .right, .right])
        table.add(["Year", "Book", "Municipality", "Schools"])
        var total = Money.zero
        for year in proposal.priced.years {
            let book = year.status == .projected ? "projected from \(year.projectedFrom ?? year.bookYear)" : "published \(year.bookYear)"
            table.add([String(year.year), book, year.totals.municipality.dutchString, year.totals.school.dutchString])
            total = (try? total.adding(year.totals.municipality)) ?? total
        }
        table.add(["Total", "", total.dutchString, ""])
        for line in table.render(indent: "  ") { context.print(line) }
        if !proposal.tacit.isEmpty {
            context.print()
            context.print("dBos cooperation agreements that renew tacitly (notice a year ahead):")
            ContractShowCommand.schoolNoticeTable(proposal.tacit, &context)
        }
        context.print()
        if arguments.flag("--dry-run") {
            context.print("Not stored (--dry-run).")
            return
        }
        let created: OfferRecord
        do {
            created = try store.createOffer(municipality: offer.municipality, firstYear: offer.firstYear, years: offer.years,
                                            title: offer.title, lines: offer.lines)
        } catch {
            throw .database(file: store.database.path, message: error.description)
        }
        context.print("Stored as draft offer \(created.id) (\(created.label)); change it with 'offer add/remove \(created.id)', then 'offer issue \(created.id) --date …'.")
    }
}
