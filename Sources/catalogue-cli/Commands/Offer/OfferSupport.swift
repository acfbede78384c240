import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Support

/// Shared checks of the offer commands.
enum OfferSupport {
    /// Checks a stored offer's lines against its municipality and the books; the problems, or [].
    static func problems(_ offer: OfferRecord, store: CatalogueStore, library: TariffLibrary) throws(CLIError) -> [Diagnostic] {
        let profile = try Lookup.profile(offer.municipality, store: store)
        do {
            _ = try PricingRequestLoader.load(
                profileBytes: Array(profile.utf8), profileFile: "municipality \(offer.municipality)",
                offer: offer.offer, offerFile: "offer \(offer.id)") {
                    (years) throws(InputError) -> PricingBooks in try BookProjector.validationBooks(for: years, library: library)
                }
            return []
        } catch {
            switch error {
            case .invalid(let diagnostics): return diagnostics
            default: throw .input(error)
            }
        }
    }

    static func describe(_ offer: OfferRecord) -> String {
        let span = offer.years == 1 ? "\(offer.firstYear)" : "\(offer.firstYear)–\(offer.firstYear + offer.years - 1)"
        return "offer \(offer.id) (\(offer.label)) for \(offer.municipality), \(span), \(offer.lines.count) line\(offer.lines.count == 1 ? "" : "s"), \(offer.status)"
    }
}

/// Changes an offer's lines after checking the result against its profile and the books.
enum OfferEditing {
    static func edit(_ id: Int64, store: CatalogueStore, library: TariffLibrary, command: CommandInfo, _ context: inout CommandContext,
                     _ change: @escaping (inout [OfferLine]) throws(StoreRefusal) -> Void) throws(CLIError) {
        // One immediate transaction: the lines checked are the lines changed.
        let updated = try store.database.transaction(mapping: { CLIError.database(file: store.database.path, message: $0.description) }) {
            () throws(CLIError) -> OfferRecord in
            let current = try Lookup.offer(id, store: store)
            var candidate = current
            do throws(StoreRefusal) { try change(&candidate.lines) } catch { throw .refused(error.message) }
            let found = try OfferSupport.problems(candidate, store: store, library: library)
            guard found.isEmpty else { throw .input(.invalid(found)) }
            do {
                return try store.editOffer(id, change)
            } catch let error as StoreRefusal {
                throw .refused(error.message)
            } catch let error as StoreError {
                throw .database(file: store.database.path, message: error.description)
            } catch {
                throw .internalError("\(error)")
            }
        }
        if updated.id != id {
            context.print("Offer \(id) was issued, so the change is a new version: \(OfferSupport.describe(updated)), superseding offer \(id).")
        } else {
            context.print("Changed \(OfferSupport.describe(updated)).")
        }
    }
}
