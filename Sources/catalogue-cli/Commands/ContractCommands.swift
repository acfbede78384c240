import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Support

/// `catalogue-cli contract amend AGREEMENT --from YEAR`: adds, replaces or removes lines from a
/// year to the end of the term and records the wijziging with its document.
enum ContractAmendCommand: CLICommand {
    static let info = CommandInfo(
        path: ["contract", "amend"],
        abstract: "Amend an active agreement from a year to the end of its term (add, replace or remove lines).",
        positionals: [Positional(name: "agreement", help: "The agreement reference, e.g. UVO-2026-001.")],
        options: [
            fromOption.info, StoreOptions.date, removeOption.info, replaceOption.info, profileOption.info, profileOnOption.info,
            OptionInfo(name: "--dry-run", help: "Show the effect per year without recording the amendment."),
            OptionInfo(name: "--out", valueName: "file", help: "Also write the amendment document ('-' for standard output)."),
            OptionInfo(name: "--format", valueName: "format", help: "html, markdown or json. Default: from the file's extension, else html."),
        ] + LineOptions.all + [StoreOptions.database])

    static let fromOption = Option<Year>(
        "--from", valueName: "year", help: "The first year the change applies; it runs to the end of the term.", required: true)
    static let removeOption = Option<Count<LineNumbers>>(
        "--remove", valueName: "numbers", help: "Lines to end, comma-separated or repeated ('contract show' numbers them).", repeatable: true)
    static let replaceOption = Option<Count<LineNumbers>>(
        "--replace", valueName: "number", help: "Replace this line with the one given by --service/--line.")
    static let profileOption = Option<String>(
        "--profile", valueName: "file", help: "A changed municipality profile to price the amended years with.")
    static let profileOnOption = Option<CalendarDate>(
        "--profile-on", valueName: "yyyy-mm-dd",
        help: "Price the amended years with the stored profile version valid on this date ('municipality import --valid-from').")

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let reference = arguments.positionals[0]
        let fromYear = try arguments.required(fromOption, command: info).value
        let date = try StoreOptions.date(arguments, command: info)
        let changes = try self.changes(arguments)
        let source = try profileSource(arguments)
        var format: DocumentFormat?
        let out = try DocumentOutput.target(arguments, context, command: info)
        if let out { format = try DocumentFormat.from(arguments, out: out.path, command: info) }

        let store = try StoreOptions.open(arguments, context, .readWrite)
        let agreement = try Lookup.agreement(reference, store: store)
        let profile: String?
        do { profile = try source.resolve(for: agreement, store: store) } catch { throw StoreOptions.error(error, store: store) }
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
                guard let out, !out.isStandardOutput, let format else { return }
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
                       year.municipality.change.dutchSignedString, year.municipality.after.dutchString])
        }
        table.add(["Total \(document.span)", document.total.before.dutchString,
                   document.total.change.dutchSignedString, document.total.after.dutchString])
        for line in table.render(indent: "  ") { context.print(line) }
        context.print()
        if let stored {
            context.print("Recorded \(stored.reference); the agreement \(reference) itself is unchanged.")
        } else {
            context.print("Not recorded (--dry-run). Run again without --dry-run to record \(proposal.record.reference).")
        }
        if let out, let format {
            let documents = RenderedDocuments(html: proposal.record.html, markdown: proposal.record.markdown, json: proposal.record.json)
            if stored != nil && !out.isStandardOutput {
                context.print("Wrote wijziging \(proposal.record.reference) to \(out.path).")
            } else {
                try DocumentOutput.write(format.pick(documents), to: out, &context, what: "wijziging \(proposal.record.reference)")
            }
        }
    }
}

extension ContractAmendCommand {
    /// The changes the options ask for: lines to end, a line to replace, a line to add.
    static func changes(_ arguments: ParsedArguments) throws(CLIError) -> [AgreementChange] {
        var changes: [AgreementChange] = try arguments.values(removeOption, command: info).map { .remove(line: $0.value) }
        let hasLine = LineOptions.given(arguments)
        if let number = try arguments.value(replaceOption, command: info)?.value {
            guard hasLine else { throw .usage("'--replace \(number)' needs the new line: give '--service <code>' or '--line <json>'", command: info) }
            changes.append(.replace(line: number, with: try LineOptions.object(arguments, command: info)))
        } else if hasLine {
            changes.append(.add(try LineOptions.object(arguments, command: info)))
        }
        return changes
    }

    /// Which profile the amended years are priced with: the agreement's, a file, or a dated version.
    static func profileSource(_ arguments: ParsedArguments) throws(CLIError) -> AmendmentProfile {
        let file = try arguments.value(profileOption, command: info)
        let on = try arguments.value(profileOnOption, command: info)
        switch (file, on) {
        case (nil, nil): return .unchanged
        case (let file?, nil):
            do { return .file(bytes: try FileSystem.readFile(file, limit: FileSystem.maximumProfileOrOfferBytes), name: file) } catch { throw .input(error) }
        case (nil, let on?): return .versionOn(on)
        case (_?, _?): throw .usage("give '--profile <file>' or '--profile-on <date>', not both", command: info)
        }
    }
}

/// Short texts of the amendment commands.
enum AmendmentWordingCLI {
    static func heading(_ document: AmendmentDocument) -> String {
        "\(document.reference): amendment \(document.sequence) of \(document.agreementReference) (\(document.municipalityName)) for \(document.span), dated \(document.date)"
    }
}

/// `catalogue-cli contract show AGREEMENT [--on DATE]`: the agreement as it stands on a date.
enum ContractShowCommand: CLICommand {
    static let info = CommandInfo(
        path: ["contract", "show"],
        abstract: "Show an agreement as it stands on a date: its lines per period and what the municipality pays per year.",
        positionals: [Positional(name: "agreement", help: "The agreement reference, e.g. UVO-2026-001.")],
        options: [
            onOption.info, StoreOptions.database,
        ])

    static let onOption = Option<CalendarDate>(
        "--on", valueName: "yyyy-mm-dd", help: "Include only the amendments dated on or before this date (default: all).")

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let reference = arguments.positionals[0]
        let date = try arguments.value(onOption, command: info)
        let store = try StoreOptions.open(arguments, context, .readOnly)
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

/// `catalogue-cli contract renew AGREEMENT --date D`: proposes the next term as a draft offer.
enum ContractRenewCommand: CLICommand {
    static let info = CommandInfo(
        path: ["contract", "renew"],
        abstract: "Propose the next term of an agreement as a draft offer: the same services, the books of the new years.",
        positionals: [Positional(name: "agreement", help: "The agreement reference, e.g. UVO-2026-001.")],
        options: [
            StoreOptions.date,
            yearsOption.info,
            OptionInfo(name: "--dry-run", help: "Show the proposal without storing the draft offer."),
            StoreOptions.database, SharedOptions.tariffs,
        ] + StoreOptions.assumptionOptions)

    static let yearsOption = Option<Count<OfferYearCount>>("--years", valueName: "n", help: "The new term's length (default: as the current term).")

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let reference = arguments.positionals[0]
        let date = try StoreOptions.date(arguments, command: info)
        let years = try arguments.value(yearsOption, command: info)?.value
        let store = try StoreOptions.open(arguments, context, .readWrite)
        _ = try Lookup.agreement(reference, store: store)
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
