import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Testing
import TestSupport
import Support

/// The error a read throws, or nil when it succeeds.
private func storeError(_ body: () throws -> Void) -> StoreError? {
    do { try body() } catch let error as StoreError { return error } catch { Issue.record("not a StoreError: \(error)") }
    return nil
}

@Suite("The store reads strictly: a bad value is an error naming table, column and row")
struct StoreStrictnessTests {
    private func draft(_ store: CatalogueStore) throws -> OfferRecord {
        try store.createOffer(municipality: "midden-drenthe", firstYear: 2025, years: 1, title: "T",
                              lines: try lines(#"{"service": "ido"}"#, #"{"service": "kleintje-bieb"}"#, #"{"service": "robuuste-bibliotheek"}"#))
    }

    private func issued(_ store: CatalogueStore) throws -> (OfferRecord, QuoteRecord) {
        let (_, library) = try scratchLibrary()
        let offer = try draft(store)
        let quote = try OfferLifecycle.issue(offer.id, store: store, library: library, assumptions: assumed, date: CalendarDate(year: 2024, month: 12, day: 10)!)
        return (offer, quote)
    }

    @Test("an offer column of the wrong type or out of range is named, never read as 0",
          arguments: [("first_year", "'abc'"), ("years", "2.5"), ("years", "0"), ("version", "NULL"), ("reference", "X'4142'")])
    func offerColumn(column: String, value: String) throws {
        let store = try seededStore()
        let offer = try draft(store)
        try store.database.execute("PRAGMA ignore_check_constraints = ON")
        try store.database.execute("PRAGMA foreign_keys = OFF")
        // NOT NULL cannot be switched off: rebuild the row without it through writable_schema would be overkill;
        // a NULL version is refused by the schema itself, so it is left out of the NULL case below.
        if value == "NULL" {
            #expect(throws: StoreError.self) { try store.database.execute("UPDATE offers SET \(column) = NULL WHERE id = \(offer.id)") }
            return
        }
        try store.database.execute("UPDATE offers SET \(column) = \(value) WHERE id = \(offer.id)")
        let error = storeError { _ = try store.offer(offer.id) }
        #expect(error?.table == "offers" && error?.column == column && error?.row == "id \(offer.id)")
        #expect(error?.description.contains("offers") == true && error?.description.contains(column) == true)
        #expect(storeError { _ = try store.offers() }?.column == column)
    }

    @Test("an unknown offer status is an error, not an empty string")
    func offerStatus() throws {
        let store = try seededStore()
        let offer = try draft(store)
        try store.database.execute("PRAGMA ignore_check_constraints = ON")
        try store.database.execute("DROP TRIGGER offer_status_moves_forward")
        try store.database.execute("UPDATE offers SET status = 'lost' WHERE id = \(offer.id)")
        let error = storeError { _ = try store.offer(offer.id) }
        #expect(error?.table == "offers" && error?.column == "status" && error?.row == "id \(offer.id)")
        #expect(error?.message.contains("'lost'") == true)
    }

    @Test("a stored offer line that does not parse is an error, never silently dropped",
          arguments: [#"{"service": "#, #"[1, 2]"#, "17"])
    func offerLine(text: String) throws {
        let store = try seededStore()
        let offer = try draft(store)
        try store.database.query("UPDATE offer_lines SET line = ? WHERE offer_id = ? AND position = 2", [.text(text), .integer(offer.id)])
        let error = storeError { _ = try store.offer(offer.id) }
        #expect(error?.table == "offer_lines" && error?.column == "line" && error?.row == "offer_id \(offer.id), position 2")
    }

    @Test("a frozen quote's bad date or amount is named, never 1 January 2000 or € 0,00",
          arguments: [("issued_on", "'2025-13-45'"), ("valid_until", "NULL"), ("municipality_cents", "'lots'"),
                      ("school_cents", "99999999999999999")])
    func quoteColumn(column: String, value: String) throws {
        let store = try seededStore()
        let (offer, quote) = try issued(store)
        try store.database.execute("DROP TRIGGER quotes_are_frozen")
        if value == "NULL" {
            #expect(throws: StoreError.self) { try store.database.execute("UPDATE quotes SET \(column) = NULL") }
            return
        }
        try store.database.execute("UPDATE quotes SET \(column) = \(value) WHERE id = \(quote.id)")
        let error = storeError { _ = try store.quote(offerID: offer.id) }
        #expect(error?.table == "quotes" && error?.column == column && error?.row == "id \(quote.id)")
    }

    @Test("a quote year's unknown book status or bad year is named")
    func quoteYear() throws {
        let store = try seededStore()
        let (offer, quote) = try issued(store)
        try store.database.execute("DROP TRIGGER quote_years_are_frozen")
        try store.database.execute("PRAGMA ignore_check_constraints = ON")
        try store.database.execute("UPDATE quote_years SET status = 'guessed'")
        let error = storeError { _ = try store.quote(offerID: offer.id) }
        #expect(error?.table == "quote_years" && error?.column == "status" && error?.row == "quote_id \(quote.id), year 2025")
    }

    @Test("an agreement's unknown payment schedule or status is named")
    func agreementColumns() throws {
        let store = try seededStore()
        let (offer, _) = try issued(store)
        let agreement = try OfferLifecycle.accept(offer.id, store: store, date: CalendarDate(year: 2025, month: 1, day: 20)!)
        try store.database.execute("PRAGMA ignore_check_constraints = ON")
        try store.database.execute("DROP TRIGGER agreements_are_frozen")
        try store.database.execute("UPDATE agreements SET payment = 'weekly'")
        var error = storeError { _ = try store.agreement(reference: agreement.reference) }
        #expect(error?.table == "agreements" && error?.column == "payment" && error?.row == "id \(agreement.id)")
        try store.database.execute("UPDATE agreements SET payment = 'monthly', status = 'paused'")
        error = storeError { _ = try store.agreement(reference: agreement.reference) }
        #expect(error?.column == "status")
        try store.database.execute("UPDATE agreements SET status = 'active', accepted_on = 'yesterday'")
        error = storeError { _ = try store.agreement(reference: agreement.reference) }
        #expect(error?.column == "accepted_on")
    }

    @Test("the statuses are enums, read back as stored")
    func statuses() throws {
        let store = try seededStore()
        let (offer, _) = try issued(store)
        #expect(try store.offer(offer.id)?.status == .issued)
        let agreement = try OfferLifecycle.accept(offer.id, store: store, date: CalendarDate(year: 2025, month: 1, day: 20)!)
        #expect(try store.agreement(reference: agreement.reference)?.status == .active)
        #expect(try store.offer(offer.id)?.status == .accepted)
        #expect(OfferStatus.allCases.map(\.rawValue) == ["draft", "issued", "accepted", "superseded", "withdrawn"])
    }
}
