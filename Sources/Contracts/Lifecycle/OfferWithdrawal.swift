import Support
import Catalogue

/// What a withdrawal did: the offer as it is now, and the quote that can no longer be accepted.
public struct OfferWithdrawal: Sendable, Equatable {
    /// The offer, now withdrawn.
    public var offer: OfferRecord
    /// The status it had: draft or issued.
    public var previousStatus: OfferStatus
    /// The reference of its issued quote, when it had one.
    public var quoteReference: String?
    /// The date of the withdrawal.
    public var date: CalendarDate
    /// Why it was withdrawn, as recorded in the audit log.
    public var reason: String
}

extension OfferLifecycle {
    /// Withdraws a draft, or an issued quote that is not accepted yet: the offer becomes
    /// `withdrawn`, never changes again and can no longer be issued or accepted. The date and the
    /// reason are recorded in the audit log.
    ///
    /// The offer is read, checked and changed inside one immediate transaction, so a withdrawal
    /// racing an acceptance either finds the offer issued (and wins) or accepted (and is refused).
    /// An accepted, superseded or already withdrawn offer is refused (`.refused`), and so is an
    /// empty reason, a reason with control characters, or a date before the quote was issued.
    public static func withdraw(_ offerID: Int64, store: CatalogueStore, date: CalendarDate,
                                reason: String) throws(LifecycleError) -> OfferWithdrawal {
        if let problem = reasonProblem(reason) { throw .refused(problem) }
        return try store.database.transaction(mapping: LifecycleError.store) { () throws(LifecycleError) -> OfferWithdrawal in
            let offer = try record(offerID, store)
            let quote = try withdrawableQuote(offer, store: store, date: date)
            let withdrawn: OfferRecord
            do throws(StoreError) {
                withdrawn = try store.markWithdrawn(offer, quote: quote, date: date, reason: reason)
            } catch {
                throw .store(error)
            }
            return OfferWithdrawal(offer: withdrawn, previousStatus: offer.status, quoteReference: quote, date: date, reason: reason)
        }
    }

    /// Why `reason` cannot be recorded, or nil when it can.
    static func reasonProblem(_ reason: String) -> String? {
        guard reason.contains(where: { !$0.isWhitespace }) else {
            return "a withdrawal needs a reason (--reason <text>), for the audit log"
        }
        if let control = reason.unicodeScalars.first(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            return "the reason contains the control character U+\(String(control.value, radix: 16, uppercase: true)); give it on one line as plain text"
        }
        return nil
    }

    /// The reference of the offer's quote when it is issued, nil for a draft; refuses every other
    /// state, and a withdrawal dated before the quote was issued.
    private static func withdrawableQuote(_ offer: OfferRecord, store: CatalogueStore, date: CalendarDate) throws(LifecycleError) -> String? {
        let subject = "offer \(offer.id) (\(offer.label))"
        switch offer.status {
        case .draft:
            return nil
        case .issued:
            let quote: QuoteRecord?
            do { quote = try store.quote(offerID: offer.id) } catch { throw .store(error) }
            guard let quote else { throw .internalError("\(subject) is issued but has no quote") }
            if let problem = DateRules.withdrawalProblem(date: date, issuedOn: quote.issuedOn) {
                throw .refused("\(subject) cannot be withdrawn: \(problem)")
            }
            return quote.reference
        case .accepted:
            throw .refused("\(subject) is accepted and has an agreement; an accepted offer cannot be withdrawn")
        case .superseded:
            let newer: OfferRecord?
            do { newer = try store.offers(municipality: offer.municipality).first { $0.supersedes == offer.id } } catch { throw .store(error) }
            throw .refused("\(subject) is superseded\(newer.map { " by offer \($0.id)" } ?? ""); only the latest version can be withdrawn")
        case .withdrawn:
            throw .refused("\(subject) is withdrawn already")
        }
    }
}
