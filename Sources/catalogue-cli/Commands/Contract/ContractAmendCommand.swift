import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Support

/// `catalogue-cli contract amend AGREEMENT --from YEAR`: adds, replaces or removes lines from a
/// year to the end of the term and records the wijziging with its document.
struct ContractAmendCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["contract", "amend"],
        abstract: "Amend an active agreement from a year to the end of its term (add, replace or remove lines).",
        positionals: [Positional(name: "agreement", help: "The agreement reference, e.g. UVO-2026-001.")],
        options: [
            fromOption.info, StoreOptions.date, removeOption.info, replaceOption.info, profileOption.info, profileOnOption.info,
            dryRunFlag.info, outOption.info, DocumentOutputSelection.formatOption.info,
        ] + LineOptions.all + [StoreOptions.database])

    static let dryRunFlag = Flag("--dry-run", help: "Show the effect per year without recording the amendment.")
    static let outOption = Option<String>("--out", valueName: "file", help: "Also write the amendment document ('-' for standard output).")

    static let fromOption = Option<Year>(
        "--from", valueName: "year", help: "The first year the change applies; it runs to the end of the term.", required: true)
    static let removeOption = Option<Count<LineNumbers>>(
        "--remove", valueName: "numbers", help: "Lines to end, comma-separated or repeated ('contract show' numbers them).", repeatable: true)
    static let replaceOption = Option<Count<LineNumbers>>(
        "--replace", valueName: "number", help: "Replace this line with the one given by --service/--line.")
    static let profileOption = Option<PathArgument>(
        "--profile", valueName: "file", help: "A changed municipality profile to price the amended years with.")
    static let profileOnOption = Option<CalendarDate>(
        "--profile-on", valueName: "yyyy-mm-dd",
        help: "Price the amended years with the stored profile version valid on this date ('municipality import --valid-from').")

    var reference: String
    var fromYear: Int
    var date: CalendarDate
    var changes: [AgreementChange]
    var profileFile: String?
    var profileOn: CalendarDate?
    var dryRun: Bool
    var output: DocumentOutputSelection
    var store: StoreSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        guard let reference = try arguments.positional(0, as: AgreementReference.self, name: "agreement", command: Self.info) else {
            throw .usage("missing argument <agreement>", command: Self.info)
        }
        self.reference = reference.text
        fromYear = try arguments.required(Self.fromOption, command: Self.info).value
        date = try StoreOptions.date(arguments, command: Self.info)
        changes = try Self.changes(arguments)
        profileFile = try arguments.value(Self.profileOption, command: Self.info)?.path
        profileOn = try arguments.value(Self.profileOnOption, command: Self.info)
        dryRun = arguments.flag(Self.dryRunFlag)
        output = try DocumentOutputSelection(parsing: arguments, command: Self.info, out: Self.outOption)
        store = try StoreSelection(parsing: arguments, command: Self.info)
    }

    func validate() throws(CLIError) {
        if profileFile != nil && profileOn != nil {
            throw .usage("give '--profile <file>' or '--profile-on <date>', not both", command: Self.info)
        }
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let out = try output.out.target(context, store: self.store)
        let source = try profileSource()
        let store = try self.store.open(context, .readWrite)
        let agreement = try Lookup.agreement(reference, store: store)
        let profile: String?
        do { profile = try source.resolve(for: agreement, store: store) } catch { throw StoreOptions.error(error, store: store) }
        let proposal: AgreementLifecycle.Proposal
        var stored: AmendmentRecord?
        if dryRun {
            do {
                proposal = try AgreementLifecycle.propose(reference, fromYear: fromYear, changes: changes, profile: profile, date: date, store: store)
            } catch {
                throw StoreOptions.error(error, store: store)
            }
        } else {
            // Proposed, recorded and its document written in one transaction: a failed write records nothing.
            (proposal, stored) = try AgreementLifecycle.amend(reference, fromYear: fromYear, changes: changes, profile: profile, date: date, store: store,
                                                              mapping: { StoreOptions.error($0, store: store) }) { (proposal) throws(CLIError) in
                guard let out, !out.isStandardOutput else { return }
                let record = proposal.record
                try DocumentOutput.writeFile(try output.format.render(record.documents, date: record.dated, context), to: out)
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
        if let out {
            let documents = proposal.record.documents
            if stored != nil && !out.isStandardOutput {
                context.print("Wrote wijziging \(proposal.record.reference) to \(out.path).")
            } else {
                try DocumentOutput.write(documents, format: output.format, date: proposal.record.dated, to: out, &context,
                                         what: "wijziging \(proposal.record.reference)")
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
    func profileSource() throws(CLIError) -> AmendmentProfile {
        if let profileFile {
            do { return .file(bytes: try FileSystem.readFile(profileFile, limit: FileSystem.maximumProfileOrOfferBytes), name: profileFile) } catch {
                throw .input(error)
            }
        }
        return profileOn.map(AmendmentProfile.versionOn) ?? .unchanged
    }
}

/// Short texts of the amendment commands.
enum AmendmentWordingCLI {
    static func heading(_ document: AmendmentDocument) -> String {
        "\(document.reference): amendment \(document.sequence) of \(document.agreementReference) (\(document.municipalityName)) for \(document.span), dated \(document.date)"
    }
}
