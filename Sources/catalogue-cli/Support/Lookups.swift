import Catalogue
import Contracts
import Support

/// Finds what an argument names in the store. Every command that takes an offer number, a
/// municipality code or an agreement reference goes through here, so "not there" reads and exits
/// the same everywhere (exit 64, with a close name suggested).
enum Lookup {
    /// The stored offer with `id`.
    static func offer(_ id: Int64, store: CatalogueStore) throws(CLIError) -> OfferRecord {
        let record: OfferRecord?
        do { record = try store.offer(id) } catch { throw .database(file: store.database.path, message: error.description) }
        guard let record else { throw .notFound("no offer \(id) in the database; 'catalogue-cli offer list' shows them") }
        return record
    }

    /// The stored profile (JSON) of the municipality `code`.
    static func profile(_ code: String, store: CatalogueStore) throws(CLIError) -> String {
        let profile: String?
        do { profile = try store.profile(code: code) } catch { throw .database(file: store.database.path, message: error.description) }
        guard let profile else {
            let codes = (try? store.municipalities().map(\.code)) ?? []
            var message = "no municipality '\(ArgumentText.shown(code))' in the database"
            if let hint = didYouMean(suggestions(for: code, among: codes), quote: "'") {
                message += "; " + hint
            } else {
                message += "; import it with 'catalogue-cli municipality import FILE'"
            }
            throw .notFound(message)
        }
        return profile
    }

    /// The issued quote a document command's `key` names: an offer number, else a quote
    /// reference; nil when there is none.
    static func issuedQuote(_ key: String, store: CatalogueStore) throws(CLIError) -> QuoteRecord? {
        do {
            if let offerID = Int64(key) { return try store.quote(offerID: offerID) }
            return try store.quote(reference: key)
        } catch {
            throw .database(file: store.database.path, message: error.description)
        }
    }

    /// The agreement a document command's `key` names: its accepted offer's number, else an
    /// agreement reference; nil when there is none.
    static func acceptedAgreement(_ key: String, store: CatalogueStore) throws(CLIError) -> AgreementRecord? {
        do {
            if let offerID = Int64(key), let quote = try store.quote(offerID: offerID) { return try store.agreement(quoteID: quote.id) }
            return try store.agreement(reference: key)
        } catch {
            throw .database(file: store.database.path, message: error.description)
        }
    }

    /// The agreement `reference` (`UVO-2026-001`).
    static func agreement(_ reference: String, store: CatalogueStore) throws(CLIError) -> AgreementRecord {
        let record: AgreementRecord?
        do { record = try store.agreement(reference: reference) } catch { throw .database(file: store.database.path, message: error.description) }
        guard let record else { throw .notFound(missingAgreement(reference, store: store)) }
        return record
    }

    /// "no agreement 'UVO-2026-01' in the database; did you mean 'UVO-2026-001'?"
    static func missingAgreement(_ reference: String, store: CatalogueStore) -> String {
        let references = (try? store.agreementReferences()) ?? []
        var message = "no agreement '\(ArgumentText.shown(reference))' in the database"
        if let hint = didYouMean(suggestions(for: reference, among: references), quote: "'") {
            message += "; " + hint
        } else {
            message += "; 'catalogue-cli contract list' shows the agreements"
        }
        return message
    }
}
