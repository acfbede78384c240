import Support
import Catalogue
import Contracts
import Pricing
import JSON
import Testing
import TestSupport

@Suite("withdrawing an offer: drafts and issued quotes, never an accepted one")
struct OfferWithdrawalTests {
    private let issueDate = CalendarDate(year: 2024, month: 12, day: 10)!
    private let later = CalendarDate(year: 2024, month: 12, day: 20)!

    /// A store with a draft offer (1) for 2025.
    private func draft() throws -> (store: CatalogueStore, library: TariffLibrary, offer: OfferRecord) {
        let (_, library) = try scratchLibrary()
        let store = try seededStore()
        let offer = try store.createOffer(municipality: "midden-drenthe", firstYear: 2025, years: 1, title: "T",
                                          lines: try lines(#"{"service": "ido"}"#))
        return (store, library, offer)
    }

    private func status(_ id: Int64, _ store: CatalogueStore) throws -> OfferStatus? {
        try store.offer(id)?.status
    }

    /// The refusal's message, or nil (recorded as an issue) when the call did not refuse.
    private func refusal(_ body: () throws(LifecycleError) -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        do throws(LifecycleError) {
            try body()
        } catch {
            guard case .refused(let message) = error else { Issue.record("not refused: \(error)", sourceLocation: sourceLocation); return nil }
            return message
        }
        Issue.record("not refused", sourceLocation: sourceLocation)
        return nil
    }

    @Test("a draft is withdrawn, the reason and date are in the audit log, and it can no longer be issued or changed")
    func draftWithdrawn() throws {
        let (store, library, offer) = try draft()
        let withdrawal = try OfferLifecycle.withdraw(offer.id, store: store, date: later, reason: "De gemeente kiest een ander aanbod")
        #expect(withdrawal.offer.status == .withdrawn)
        #expect(withdrawal.previousStatus == .draft)
        #expect(withdrawal.quoteReference == nil)
        #expect(try status(offer.id, store) == .withdrawn)
        let entry = try #require(try store.auditLog().last)
        #expect(entry.action == "withdraw" && entry.entity == "offer" && entry.entityID == String(offer.id))
        #expect(try JSONParser.parse(try #require(entry.before)) == ["status": "draft"])
        #expect(try JSONParser.parse(try #require(entry.after)) == ["date": "2024-12-20", "reason": "De gemeente kiest een ander aanbod",
                                                                   "status": "withdrawn"])
        #expect(refusal { () throws(LifecycleError) in
            _ = try OfferLifecycle.issue(offer.id, store: store, library: library, assumptions: assumed, date: issueDate)
        } == "offer 1 (OFF-2025-001 versie 1) is withdrawn, not a draft; only a draft can be issued")
        #expect(throws: StoreRefusal.self) { _ = try store.editOffer(offer.id) { (lines) throws(StoreRefusal) in lines.removeAll() } }
        #expect(try StoreCheck.run(store) == [])
    }

    @Test("an issued quote is withdrawn and can then no longer be accepted")
    func issuedWithdrawn() throws {
        let (store, library, offer) = try draft()
        let quote = try OfferLifecycle.issue(offer.id, store: store, library: library, assumptions: assumed, date: issueDate)
        let withdrawal = try OfferLifecycle.withdraw(offer.id, store: store, date: later, reason: "Budget vervallen")
        #expect(withdrawal.previousStatus == .issued)
        #expect(withdrawal.quoteReference == quote.reference)
        let after = try JSONParser.parse(try #require(try store.auditLog().last?.after))
        #expect(after == ["date": "2024-12-20", "quote": "OFF-2025-001-v1", "reason": "Budget vervallen", "status": "withdrawn"])
        #expect(refusal { () throws(LifecycleError) in
            _ = try OfferLifecycle.accept(offer.id, store: store, date: CalendarDate(year: 2024, month: 12, day: 21)!)
        } == "offer 1 (OFF-2025-001 versie 1) is withdrawn; only an issued offer can be accepted")
        #expect(try store.agreementReferences().isEmpty)
        // The frozen quote is kept as it was, and the store is sound: withdrawn with a quote.
        #expect(try store.quote(offerID: offer.id)?.reference == quote.reference)
        #expect(try StoreCheck.run(store) == [])
    }

    @Test("accepted, superseded and withdrawn offers, an empty reason and a date before the issue are refused, changing nothing")
    func refusals() throws {
        let (store, library, offer) = try draft()
        _ = try OfferLifecycle.issue(offer.id, store: store, library: library, assumptions: assumed, date: issueDate)
        let entries = try store.auditLog().count
        #expect(refusal { () throws(LifecycleError) in _ = try OfferLifecycle.withdraw(offer.id, store: store, date: later, reason: "  ") }
            == "a withdrawal needs a reason (--reason <text>), for the audit log")
        #expect(refusal { () throws(LifecycleError) in _ = try OfferLifecycle.withdraw(offer.id, store: store, date: later, reason: "a\nb") }
            == "the reason contains the control character U+A; give it on one line as plain text")
        #expect(refusal { () throws(LifecycleError) in
            _ = try OfferLifecycle.withdraw(offer.id, store: store, date: CalendarDate(year: 2024, month: 12, day: 9)!, reason: "x")
        } == "offer 1 (OFF-2025-001 versie 1) cannot be withdrawn: the withdrawal date 2024-12-09 is before the quote was issued (2024-12-10)")
        #expect(try status(offer.id, store) == .issued)
        #expect(try store.auditLog().count == entries)

        // A change makes version 2 and supersedes version 1.
        let second = try store.editOffer(offer.id) { (lines) throws(StoreRefusal) in lines.append(OfferLine(service: "kleintje-bieb")) }
        #expect(refusal { () throws(LifecycleError) in _ = try OfferLifecycle.withdraw(offer.id, store: store, date: later, reason: "x") }
            == "offer 1 (OFF-2025-001 versie 1) is superseded by offer \(second.id); only the latest version can be withdrawn")
        _ = try OfferLifecycle.issue(second.id, store: store, library: library, assumptions: assumed, date: issueDate)
        _ = try OfferLifecycle.accept(second.id, store: store, date: later)
        let accepted = try store.auditLog().count
        #expect(refusal { () throws(LifecycleError) in _ = try OfferLifecycle.withdraw(second.id, store: store, date: later, reason: "x") }
            == "offer 2 (OFF-2025-001 versie 2) is accepted and has an agreement; an accepted offer cannot be withdrawn")
        #expect(try status(second.id, store) == .accepted)
        #expect(try store.auditLog().count == accepted)
        #expect(try StoreCheck.run(store) == [])

        let third = try store.createOffer(municipality: "midden-drenthe", firstYear: 2025, years: 1, title: nil, lines: [])
        _ = try OfferLifecycle.withdraw(third.id, store: store, date: later, reason: "x")
        #expect(refusal { () throws(LifecycleError) in _ = try OfferLifecycle.withdraw(third.id, store: store, date: later, reason: "y") }
            == "offer 3 (OFF-2025-003 versie 1) is withdrawn already")
        #expect(refusal { () throws(LifecycleError) in _ = try OfferLifecycle.withdraw(99, store: store, date: later, reason: "y") }
            == "no offer 99 in the database; 'catalogue-cli offer list' shows them")
    }

    @Test("store check reports a withdrawn offer that has an agreement")
    func withdrawnWithAgreement() throws {
        let (store, library, offer) = try draft()
        _ = try OfferLifecycle.issue(offer.id, store: store, library: library, assumptions: assumed, date: issueDate)
        _ = try OfferLifecycle.accept(offer.id, store: store, date: later)
        #expect(throws: StoreError.self) { try store.database.execute("UPDATE offers SET status = 'withdrawn'") }
        try store.database.execute("DROP TRIGGER offer_status_moves_forward")
        try store.database.execute("UPDATE offers SET status = 'withdrawn'")
        let findings = try StoreCheck.run(store).map(\.description)
        #expect(findings.contains { $0.hasPrefix("offer 1: it is withdrawn but has agreement ") })
    }
}

@Suite("migration 8: the offers table admits 'withdrawn'")
struct WithdrawMigrationTests {
    /// Every table, in an order whose inserts pass the schema's triggers with foreign keys off.
    private let tables = ["tariff_books", "municipalities", "profile_versions", "offer_lines", "offers", "quotes", "quote_years", "quote_lines",
                          "agreements", "amendments", "seals", "audit_log"]

    private func rows(_ database: Database, _ table: String) throws -> [[SQLValue]] {
        try database.query("SELECT * FROM \(table) ORDER BY rowid")
    }

    private func objects(_ database: Database) throws -> [[SQLValue]] {
        try database.query("SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    }

    /// A store with every offer state: accepted, superseded, draft and issued.
    private func lived() throws -> CatalogueStore {
        let (_, library) = try scratchLibrary()
        let store = try seededStore()
        let date = CalendarDate(year: 2024, month: 12, day: 10)!
        let first = try store.createOffer(municipality: "midden-drenthe", firstYear: 2025, years: 1, title: "A", lines: try lines(#"{"service": "ido"}"#))
        _ = try OfferLifecycle.issue(first.id, store: store, library: library, assumptions: assumed, date: date)
        _ = try OfferLifecycle.accept(first.id, store: store, date: CalendarDate(year: 2024, month: 12, day: 20)!)
        let second = try store.createOffer(municipality: "midden-drenthe", firstYear: 2025, years: 1, title: "B", lines: try lines(#"{"service": "ido"}"#))
        _ = try OfferLifecycle.issue(second.id, store: store, library: library, assumptions: assumed, date: date)
        _ = try store.editOffer(second.id) { (lines) throws(StoreRefusal) in lines.append(OfferLine(service: "kleintje-bieb")) }
        let fourth = try store.createOffer(municipality: "midden-drenthe", firstYear: 2025, years: 1, title: "C", lines: try lines(#"{"service": "ido"}"#))
        _ = try OfferLifecycle.issue(fourth.id, store: store, library: library, assumptions: assumed, date: date)
        return store
    }

    /// A database made by migrations 1 to 7 holding a copy of `store`'s rows.
    private func atSchema7(copying store: CatalogueStore) throws -> String {
        let path = temporaryDatabase()
        let database = try Database(path: path)
        try Migrations.migrate(database, upTo: 7)
        try database.execute("PRAGMA foreign_keys = OFF")
        try database.query("ATTACH DATABASE ? AS source", [.text(store.database.path)])
        for table in tables { try database.execute("INSERT INTO main.\(table) SELECT * FROM source.\(table)") }
        try database.execute("DETACH DATABASE source")
        #expect(try Migrations.version(of: database) == 7)
        #expect(try database.query("SELECT sql FROM sqlite_master WHERE name = 'offers'").first?.first?.text?.contains("withdrawn") == false)
        return path
    }

    @Test("a store at schema 7 keeps every row, index and trigger, foreign keys stay on, and it is sound")
    func migrated() throws {
        let store = try lived()
        let path = try atSchema7(copying: store)
        let before = try objects(try Database(path: path, mode: .readOnly))
        let migrated = try CatalogueStore(path: path, who: "t", now: "x")
        #expect(try Migrations.version(of: migrated.database) == 8)
        #expect(try migrated.database.query("PRAGMA foreign_keys").first?.first?.integer == 1)
        #expect(try migrated.database.query("PRAGMA foreign_key_check").isEmpty)
        #expect(try objects(migrated.database) == before)
        #expect(try objects(migrated.database) == objects(store.database))
        for table in tables { #expect(try rows(migrated.database, table) == rows(store.database, table), "\(table)") }
        #expect(try migrated.offers().map(\.status) == [.issued, .draft, .superseded, .accepted])
        #expect(try StoreCheck.run(migrated) == [])
        // The triggers made again still guard: an issued offer's lines do not change, status only moves forward.
        #expect(throws: StoreError.self) { try migrated.database.execute("DELETE FROM offer_lines WHERE offer_id = 4") }
        #expect(throws: StoreError.self) { try migrated.database.execute("UPDATE offers SET status = 'draft' WHERE id = 4") }
        #expect(throws: StoreError.self) { try migrated.database.execute("UPDATE offers SET status = 'withdrawn' WHERE id = 1") }
        // Foreign keys still hold on the new table.
        #expect(throws: StoreError.self) {
            try migrated.database.execute("INSERT INTO offer_lines (offer_id, position, line) VALUES (99, 1, '{}')")
        }
        _ = try OfferLifecycle.withdraw(4, store: migrated, date: CalendarDate(year: 2024, month: 12, day: 20)!, reason: "x")
        #expect(try migrated.offer(4)?.status == .withdrawn)
        #expect(try StoreCheck.run(migrated) == [])
    }

    @Test("a row referring to a missing one stops the migration, and the store stays at schema 7")
    func danglingReference() throws {
        let path = temporaryDatabase()
        do {
            let database = try Database(path: path)
            try Migrations.migrate(database, upTo: 7)
            try database.execute("PRAGMA foreign_keys = OFF")
            try database.execute("INSERT INTO offer_lines (offer_id, position, line) VALUES (99, 1, '{}')")
        }
        do {
            _ = try CatalogueStore(path: path, who: "t", now: "x")
            Issue.record("migrated over a dangling reference")
        } catch {
            #expect(error.description.contains("1 row(s) refer to a row that does not exist, the first in offer_lines row 1"))
        }
        let database = try Database(path: path, mode: .readOnly)
        #expect(try Migrations.version(of: database) == 7)
        #expect(try database.query("SELECT sql FROM sqlite_master WHERE name = 'offers'").first?.first?.text?.contains("withdrawn") == false)
        #expect(try database.query("SELECT COUNT(*) FROM sqlite_master WHERE name = 'offers_new'").first?.first?.integer == 0)
    }
}
