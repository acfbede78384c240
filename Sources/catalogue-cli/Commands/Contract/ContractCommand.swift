import Catalogue
import Contracts
import JSON
import Pricing
import Support

/// `catalogue-cli contract`: the uitvoeringsovereenkomst.
struct ContractCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["contract"],
        abstract: "Write the uitvoeringsovereenkomst of an accepted offer (or a wijziging), or of a profile and offer file; list, amend, show, renew agreements.",
        positionals: [Positional(name: "agreement", help: "The agreement reference (UVO-…), an amendment's (UVO-…-W1) or the accepted offer's number.", optional: true)],
        options: DocumentOutputSelection.options + StatelessDocumentSelection.options + PartiesSelection.documentOptions
            + [StoreOptions.paymentOption.info, StoreSelection.option.info] + BookSelection.options)

    /// The agreement's or amendment's reference, or the accepted offer's number; nil for the stateless form.
    var key: String?
    var output: DocumentOutputSelection
    var stateless: StatelessDocumentSelection
    var payment: PaymentSchedule
    var store: StoreSelection
    var books: BookSelection
    /// The library's details, for a document made from files.
    var parties: PartiesSelection
    /// Whether to write the rekenbijlage instead of the agreement.
    var rekenbijlage: Bool

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        parties = try PartiesSelection(parsing: arguments, command: Self.info)
        rekenbijlage = arguments.flag(CalculationOutput.flag)
        output = try DocumentOutputSelection(parsing: arguments, command: Self.info)
        key = try arguments.positional(0, as: String.self, name: "agreement", command: Self.info)
        stateless = try StatelessDocumentSelection(parsing: arguments, command: Self.info)
        payment = try StoreOptions.payment(arguments, command: Self.info)
        store = try StoreSelection(parsing: arguments, command: Self.info)
        books = try BookSelection(parsing: arguments, command: Self.info)
    }

    func validate() throws(CLIError) {
        if key == nil { try stateless.validate(command: Self.info) }
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let out = try output.requiredTarget(context, store: store, command: Self.info)
        if rekenbijlage {
            let request = CalculationOutput.Request(key: key, kind: .agreement, output: output, stateless: stateless, parties: parties,
                                                    store: store, books: books, command: Self.info)
            try CalculationOutput.write(request, to: out, &context)
            return
        }
        if let key {
            try writeStored(key, to: out, &context)
            return
        }
        let (date, priced, request) = try stateless.priced(books: books, context, command: Self.info)
        let document: AgreementDocument
        do {
            document = try DocumentBuilder.agreement(priced, books: request.books, reference: stateless.reference,
                                                     quoteReference: stateless.reference, quoteDate: date, acceptedOn: nil, date: date,
                                                     payment: payment, parties: try parties.parties(context, profile: request.offer.profile))
        } catch {
            throw .internalError("the agreement's sums: \(error)")
        }
        try DocumentOutput.write(RenderedDocuments(document), format: output.format, date: date, to: out, &context, what: "uitvoeringsovereenkomst")
    }

    /// Writes the frozen document `key` names: the agreement (by its reference or its accepted
    /// offer's number), else the amendment of that reference.
    private func writeStored(_ key: String, to out: OutputTarget, _ context: inout CommandContext) throws(CLIError) {
        let store = try store.open(context, .readOnly)
        let agreement = try Lookup.acceptedAgreement(key, store: store)
        if let agreement {
            try DocumentOutput.writeStored(.agreement, id: agreement.id, subject: "agreement \(agreement.reference)",
                                           agreement.documents,
                                           format: output.format, date: agreement.acceptedOn, to: out, store: store, &context,
                                           what: "uitvoeringsovereenkomst \(agreement.reference)")
            return
        }
        let amendment: AmendmentRecord?
        do { amendment = try store.amendment(reference: key) } catch { throw .database(file: store.database.path, message: error.description) }
        guard let amendment else {
            throw .refused("no agreement for '\(key)'; accept the offer first with 'catalogue-cli offer accept <offer> --date …'")
        }
        try DocumentOutput.writeStored(.amendment, id: amendment.id, subject: "amendment \(amendment.reference)",
                                       amendment.documents,
                                       format: output.format, date: amendment.dated, to: out, store: store, &context, what: "wijziging \(amendment.reference)")
    }
}
