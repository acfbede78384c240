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
        let line = try LineOptions.parse(arguments, command: info)
        if let number = try arguments.value(replaceOption, command: info)?.value {
            guard let line else { throw .usage("'--replace \(number)' needs the new line: give '--service <code>' or '--line <json>'", command: info) }
            changes.append(.replace(line: number, with: line))
        } else if let line {
            changes.append(.add(line))
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
