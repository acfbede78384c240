import Catalogue
import Contracts
import JSON
import Pricing
import Support

/// `catalogue-cli contract`: the uitvoeringsovereenkomst.
enum ContractCommand: CLICommand {
    static let info = CommandInfo(
        path: ["contract"],
        abstract: "Write the uitvoeringsovereenkomst of an accepted offer (or a wijziging), or of a profile and offer file; list, amend, show, renew agreements.",
        positionals: [Positional(name: "agreement", help: "The agreement reference (UVO-…), an amendment's (UVO-…-W1) or the accepted offer's number.", optional: true)],
        options: DocumentOutput.options + DocumentOutput.statelessOptions
            + PartiesSelection.documentOptions + [StoreOptions.paymentOption.info,
               StoreOptions.database, SharedOptions.tariffs] + StoreOptions.assumptionOptions)

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        if try CalculationOutput.writeIfAsked(arguments, &context, command: info, kind: .agreement) { return }
        guard let out = try DocumentOutput.target(arguments, context, command: info) else { throw .usage("missing '--out <file>'", command: info) }
        let format = try DocumentFormat.from(arguments, out: out.path, command: info)
        if let key = arguments.positionals.first {
            let store = try StoreOptions.open(arguments, context, .readOnly)
            let agreement: AgreementRecord?
            do {
                if let offerID = Int64(key), let quote = try store.quote(offerID: offerID) {
                    agreement = try store.agreement(quoteID: quote.id)
                } else {
                    agreement = try store.agreement(reference: key)
                }
            } catch {
                throw .database(file: store.database.path, message: error.description)
            }
            guard let agreement else {
                let amendment: AmendmentRecord?
                do { amendment = try store.amendment(reference: key) } catch { throw .database(file: store.database.path, message: error.description) }
                if let amendment {
                    try DocumentOutput.writeStored(.amendment, id: amendment.id, subject: "amendment \(amendment.reference)",
                                                   RenderedDocuments(html: amendment.html, markdown: amendment.markdown, json: amendment.json),
                                                   format: format, to: out, store: store, &context, what: "wijziging \(amendment.reference)")
                    return
                }
                throw .refused("no agreement for '\(key)'; accept the offer first with 'catalogue-cli offer accept <offer> --date …'")
            }
            try DocumentOutput.writeStored(.agreement, id: agreement.id, subject: "agreement \(agreement.reference)",
                                           RenderedDocuments(html: agreement.html, markdown: agreement.markdown, json: agreement.json),
                                           format: format, to: out, store: store, &context, what: "uitvoeringsovereenkomst \(agreement.reference)")
            return
        }
        let date = try StoreOptions.date(arguments, command: info)
        let payment = try StoreOptions.payment(arguments, command: info)
        let (priced, request) = try DocumentOutput.priced(arguments, context, command: info)
        let reference = try arguments.value(DocumentOutput.reference, command: info)?.text ?? "CONCEPT"
        let document: AgreementDocument
        do {
            document = try DocumentBuilder.agreement(priced, books: request.books, reference: reference, quoteReference: reference,
                                                     quoteDate: date, acceptedOn: nil, date: date, payment: payment,
                                                     parties: try PartiesSelection.parties(arguments, context, command: info, profile: request.offer.profile))
        } catch {
            throw .internalError("the agreement's sums: \(error)")
        }
        try DocumentOutput.write(format.pick(RenderedDocuments(document)), to: out, &context, what: "uitvoeringsovereenkomst")
    }
}
