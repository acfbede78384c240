import Catalogue
import Contracts
import JSON
import Pricing
import Testing
import TestSupport
import Support

@Suite("store check: integrity, invariants and every stored SHA-256")
struct StoreCheckTests {
    /// A store with an accepted agreement (2025–2026, the second year projected) and one amendment.
    private func agreed() throws -> (store: CatalogueStore, agreement: AgreementRecord, quote: QuoteRecord) {
        let (_, library) = try scratchLibrary()
        let store = try seededStore()
        let offer = try store.createOffer(municipality: "midden-drenthe", firstYear: 2025, years: 2, title: "T",
                                          lines: try lines(#"{"service": "ido"}"#, #"{"service": "kleintje-bieb"}"#))
        let quote = try OfferLifecycle.issue(offer.id, store: store, library: library, assumptions: assumed, date: CalendarDate(year: 2024, month: 12, day: 10)!)
        let agreement = try OfferLifecycle.accept(offer.id, store: store, date: CalendarDate(year: 2025, month: 1, day: 20)!)
        let proposal = try AgreementLifecycle.propose(agreement.reference, fromYear: 2026, changes: [.remove(line: 2)],
                                                      date: CalendarDate(year: 2025, month: 6, day: 1)!, store: store)
        _ = try AgreementLifecycle.record(proposal, store: store)
        return (store, agreement, quote)
    }

    private func messages(_ store: CatalogueStore) throws -> [String] {
        try StoreCheck.run(store).map(\.description)
    }

    @Test("a store made by the tool is sound, and its state reads back")
    func sound() throws {
        let (store, agreement, _) = try agreed()
        #expect(try StoreCheck.run(store) == [])
        #expect(try AgreementLifecycle.state(agreement.reference, store: store).amendments.count == 1)
    }

    @Test("a hand-edited frozen amount is reported, and the agreement's state is refused instead of recomputed")
    func frozenAmount() throws {
        let (store, agreement, quote) = try agreed()
        try store.database.execute("DROP TRIGGER quote_lines_are_frozen")
        try store.database.execute("UPDATE quote_lines SET amount_cents = amount_cents + 300000000 WHERE quote_id = \(quote.id) AND position = 1 AND year = 2025")
        #expect(try messages(store) == ["quote \(quote.reference): the frozen lines and amounts (quote_lines): its SHA-256 does not match the one stored when it was frozen"])
        #expect(try StoreCheck.run(store).map(\.kind) == [.hash])
        #expect(throws: LifecycleError.self) { _ = try AgreementLifecycle.state(agreement.reference, store: store) }
    }

    @Test("a hand-edited quote total is reported")
    func quoteTotal() throws {
        let (store, _, quote) = try agreed()
        try store.database.execute("DROP TRIGGER quotes_are_frozen")
        try store.database.execute("UPDATE quotes SET municipality_cents = municipality_cents * 4")
        #expect(try messages(store) == ["quote \(quote.reference): the totals and dates (quotes): its SHA-256 does not match the one stored when it was frozen"])
    }

    @Test("a frozen book whose content was edited is reported, and pricing from it is refused")
    func bookContent() throws {
        let (store, agreement, quote) = try agreed()
        let hash = quote.years[0].bookHash
        try store.database.query("UPDATE tariff_books SET content = replace(content, '6341', '9341') WHERE hash = ?", [.text(hash)])
        #expect(try messages(store) == ["tariff book \(hash) (2025): its content does not match its SHA-256"])
        let state = try AgreementLifecycle.state(agreement.reference, store: store)
        do {
            _ = try OfferLifecycle.frozenBooks(state.quote, store: store)
            Issue.record("a tampered book was read")
        } catch {
            guard case .tampered(let message) = error else { Issue.record("not .tampered: \(error)"); return }
            #expect(message.contains("the tariff book \(hash) (2025)"))
        }
    }

    @Test("an agreement's stored document edited by hand is reported")
    func agreementDocument() throws {
        let (store, agreement, _) = try agreed()
        try store.database.execute("DROP TRIGGER agreements_are_frozen")
        try store.database.execute("UPDATE agreements SET document_html = replace(document_html, 'Midden-Drenthe', 'Elders')")
        #expect(try messages(store) == ["agreement \(agreement.reference): the agreement's documents (agreements): its SHA-256 does not match the one stored when it was frozen"])
        #expect(throws: LifecycleError.self) { _ = try AgreementLifecycle.state(agreement.reference, store: store) }
    }

    @Test("an accepted offer's lines edited by hand are reported")
    func acceptedOfferLines() throws {
        let (store, _, quote) = try agreed()
        #expect(throws: StoreError.self) { try store.database.execute("UPDATE offer_lines SET line = '{\"service\":\"robuuste-bibliotheek\"}'") }
        try store.database.execute("DROP TRIGGER issued_offer_lines_are_frozen_update")
        try store.database.execute("UPDATE offer_lines SET line = '{\"service\":\"robuuste-bibliotheek\"}' WHERE position = 2")
        #expect(try messages(store) == ["quote \(quote.reference): the issued offer's lines (offer_lines): its SHA-256 does not match the one stored when it was frozen"])
    }

    @Test("an offer's status changed by hand is reported", arguments: ["draft", "issued", "superseded"])
    func offerStatus(status: String) throws {
        let (store, agreement, quote) = try agreed()
        #expect(throws: StoreError.self) { try store.database.execute("UPDATE offers SET status = '\(status)'") }
        try store.database.execute("DROP TRIGGER offer_status_moves_forward")
        try store.database.execute("UPDATE offers SET status = '\(status)'")
        let findings = try StoreCheck.run(store)
        #expect(findings.contains(StoreFinding(kind: .state, subject: "agreement \(agreement.reference)", message: "its offer is \(status), not accepted")))
        #expect(findings.allSatisfy { $0.kind == .state })
        #expect(findings.contains { $0.subject == "offer \(quote.offerID)" })
    }

    @Test("an amendment edited by hand, or a missing seal, is reported")
    func amendment() throws {
        let (store, agreement, _) = try agreed()
        try store.database.execute("DROP TRIGGER amendments_are_frozen")
        try store.database.execute("UPDATE amendments SET municipality_after_cents = 0")
        try store.database.execute("DROP TRIGGER seals_are_kept")
        try store.database.execute("DELETE FROM seals WHERE entity = 'agreement' AND part = 'terms'")
        #expect(try messages(store) == [
            "agreement \(agreement.reference): the agreement's terms (agreements): no SHA-256 stored",
            "amendment \(agreement.reference)-W1: the amendment's lines and amounts (amendments): its SHA-256 does not match the one stored when it was frozen",
        ])
    }

    @Test("a quote without its frozen lines, and an undecodable value, are reported")
    func missingLines() throws {
        let (store, _, quote) = try agreed()
        try store.database.execute("DROP TRIGGER quote_lines_are_kept")
        try store.database.execute("DELETE FROM quote_lines")
        try store.database.execute("PRAGMA ignore_check_constraints = ON")
        try store.database.execute("DROP TRIGGER agreements_are_frozen")
        try store.database.execute("UPDATE agreements SET payment = 'weekly'")
        let findings = try StoreCheck.run(store)
        #expect(findings.contains(StoreFinding(kind: .missing, subject: "quote \(quote.reference)", message: "has no frozen lines (quote_lines)")))
        #expect(findings.contains { $0.kind == .value && $0.message.contains("column payment") })
    }

    @Test("a store made before the seals existed is sealed by migration 7 and sound")
    func migratedStore() throws {
        let (store, _, _) = try agreed()
        let path = store.database.path
        #expect(try store.database.query("SELECT COUNT(*) FROM seals").first?.first?.integer == 7 + 2 + 2)
        // Take the store back to schema 6: no seals, no guards.
        for object in ["seals_are_frozen", "seals_are_kept", "agreements_are_frozen", "agreements_are_kept", "offer_status_moves_forward",
                       "issued_offers_are_frozen", "issued_offer_lines_are_frozen_update", "issued_offer_lines_are_frozen_delete",
                       "issued_offer_lines_are_frozen_insert"] {
            try store.database.execute("DROP TRIGGER \(object)")
        }
        try store.database.execute("DROP TABLE seals; PRAGMA user_version = 6")
        let reopened = try CatalogueStore(path: path, who: "t", now: "x")
        #expect(try Migrations.version(of: reopened.database) == Migrations.latest)
        #expect(try reopened.database.query("SELECT COUNT(*) FROM seals").first?.first?.integer == 7 + 2 + 2)
        #expect(try StoreCheck.run(reopened) == [])
    }
}
