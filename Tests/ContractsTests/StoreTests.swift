#if canImport(Glibc)
import Glibc
#endif
import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Testing
import TestSupport
import Support

/// A fresh database file in a temporary directory.
func temporaryDatabase() -> String {
    var template = Array("/tmp/catalogue-store-XXXXXX".utf8CString)
    let directory = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    return directory + "/test.sqlite"
}

/// A store with the seed profile of Midden-Drenthe.
func seededStore(_ path: String = temporaryDatabase()) throws -> CatalogueStore {
    let store = try CatalogueStore(path: path, who: "tester", now: "2025-11-21T10:00:00Z")
    let profile = String(decoding: try FileSystem.readFile(repositoryRoot + "/seeds/municipalities/midden-drenthe.json"), as: UTF8.self)
    try store.importMunicipality(code: "midden-drenthe", name: "Midden-Drenthe", profile: profile)
    return store
}

func lines(_ texts: String...) throws -> [OfferLine] {
    try texts.map { try OfferLoader.line(json: try JSONParser.parse($0), file: "test") }
}

/// A tariff directory with the 2025 book only.
func scratchLibrary() throws -> (directory: String, library: TariffLibrary) {
    let database = temporaryDatabase()
    let directory = String(database.dropLast("/test.sqlite".count))
    try FileSystem.writeFileAtomically(directory + "/2025.json", try FileSystem.readFile(fixtureTariffsDirectory + "/2025.json"))
    return (directory, try TariffLibrary.open(directory: directory))
}

let assumed = ProjectionAssumptions(flags: .init(wage: try! Percentage(parsing: "3.75"), price: try! Percentage(parsing: "2.1")))

@Suite("The store: migrations and transactions")
struct StoreMigrationTests {
    private func tables(_ database: Database) throws -> [String] {
        try database.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").compactMap { $0[0].text }
    }

    @Test("an empty file is migrated to the latest schema, with WAL and foreign keys on")
    func fromEmpty() throws {
        let store = try CatalogueStore(path: temporaryDatabase(), who: "t", now: "x")
        #expect(try Migrations.version(of: store.database) == Migrations.latest)
        #expect(try tables(store.database) == ["agreements", "amendments", "audit_log", "municipalities", "offer_lines", "offers", "profile_versions", "quote_lines",
                                               "quote_years", "quotes", "seals", "tariff_books"])
        #expect(try store.database.query("PRAGMA journal_mode").first?.first?.text == "wal")
        #expect(try store.database.query("PRAGMA foreign_keys").first?.first?.integer == 1)
    }

    @Test("every earlier schema version is migrated forward with its data kept", arguments: 1..<Migrations.latest)
    func fromEarlier(version: Int) throws {
        let path = temporaryDatabase()
        do {
            let database = try Database(path: path)
            try Migrations.migrate(database, upTo: version)
            #expect(try Migrations.version(of: database) == version)
            try database.query("INSERT INTO municipalities (code, name, profile, profile_hash, updated_at) VALUES ('x', 'X', '{}', 'h', 'now')")
            try database.query("INSERT INTO offers (reference, version, municipality, first_year, years, status, created_at) VALUES ('OFF-2026-001', 1, 'x', 2026, 3, 'draft', 'now')")
        }
        let store = try CatalogueStore(path: path, who: "t", now: "x")
        #expect(try Migrations.version(of: store.database) == Migrations.latest)
        #expect(try store.offers().map(\.reference) == ["OFF-2026-001"])
        #expect(try store.municipalities().map(\.code) == ["x"])
    }

    @Test("a failing migration step leaves the database as it was")
    func failingMigration() throws {
        let database = try Database(path: temporaryDatabase())
        let broken = Array(Migrations.all.prefix(1)) + [
            Migrations.Migration(version: 2, summary: "broken", sql: "CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table VALUES (1);"),
        ]
        #expect(throws: StoreError.self) { try Migrations.migrate(database, using: broken) }
        #expect(try Migrations.version(of: database) == 1)
        #expect(try database.query("SELECT name FROM sqlite_master WHERE name = 'half_done'").isEmpty)
    }

    @Test("a newer schema than this program knows is refused")
    func newerSchema() throws {
        let path = temporaryDatabase()
        try Database(path: path).execute("PRAGMA user_version = 99")
        #expect(throws: StoreError.self) { try CatalogueStore(path: path, who: "t", now: "x") }
    }

    @Test("a transaction that throws leaves nothing behind")
    func rollback() throws {
        let store = try seededStore()
        struct Stop: Error {}
        #expect(throws: StoreError.self) {
            try store.database.transaction { () throws(StoreError) in
                try store.database.query("INSERT INTO offers (reference, version, municipality, first_year, years, status, created_at) VALUES ('OFF-X', 1, 'midden-drenthe', 2026, 3, 'draft', 'now')")
                try store.database.query("INSERT INTO offers (reference, version, municipality, first_year, years, status, created_at) VALUES ('OFF-X', 1, 'nowhere', 2026, 3, 'draft', 'now')")
            }
        }
        #expect(try store.offers().isEmpty)
    }

    @Test("the audit log is append-only and records every change with who, when, before and after")
    func auditLog() throws {
        let store = try seededStore()
        let offer = try store.createOffer(municipality: "midden-drenthe", firstYear: 2026, years: 3, title: nil, lines: try lines(#"{"service": "ido"}"#))
        _ = try store.editOffer(offer.id) { (lines: inout [OfferLine]) throws(StoreRefusal) -> Void in lines.append(OfferLine(service: "kleintje-bieb")) }
        let log = try store.auditLog()
        #expect(log.map { "\($0.action) \($0.entity) \($0.entityID)" } == ["import municipality midden-drenthe", "create offer 1", "edit offer 1"])
        #expect(log.allSatisfy { $0.who == "tester" && $0.at == "2025-11-21T10:00:00Z" })
        #expect(log[2].before?.contains("\"ido\"") == true && log[2].after?.contains("kleintje-bieb") == true)
        #expect(throws: StoreError.self) { try store.database.execute("DELETE FROM audit_log") }
        #expect(throws: StoreError.self) { try store.database.execute("UPDATE audit_log SET who = 'someone else'") }
        #expect(try store.auditLog().count == 3)
    }
}

@Suite("The offer lifecycle")
struct LifecycleTests {
    @Test("issue freezes the quote; a new tariff book changes the draft price but never the issued quote")
    func frozenQuote() throws {
        let (directory, library) = try scratchLibrary()
        let store = try seededStore()
        let offer = try store.createOffer(municipality: "midden-drenthe", firstYear: 2025, years: 2, title: "Test",
                                          lines: try lines(#"{"service": "kleintje-bieb"}"#, #"{"service": "robuuste-bibliotheek"}"#))
        let quote = try OfferLifecycle.issue(offer.id, store: store, library: library, assumptions: assumed, date: CalendarDate(year: 2024, month: 11, day: 21)!)
        #expect(quote.reference == "OFF-2025-001-v1")
        #expect(quote.years.map(\.status) == [.published, .projected])
        // 2026 projected: Kleintje Bieb 6 341 × 1,032 = 6 543,91 → 6 544.
        #expect(try store.quote(offerID: offer.id)?.priced.contains("\"6544.00\"") == true)
        // Freezing is enforced by the database itself.
        #expect(throws: StoreError.self) { try store.database.execute("UPDATE quotes SET municipality_cents = 0") }
        #expect(throws: StoreError.self) { try store.database.execute("DELETE FROM quote_lines") }

        // Finance publishes a 2026 book with other percentages.
        let source = try library.book(year: 2025)
        let parameters = try IndexationParameters(wage: try Percentage(parsing: "5"), price: try Percentage(parsing: "5"), weights: source.mixedWeights)
        let book2026 = try TariffIndexer.index(source, with: parameters, sourceFile: "2025.json", sourceHash: "sha256:" + String(repeating: "a", count: 64), date: nil)
        try FileSystem.writeFileAtomically(directory + "/2026.json", Array(TariffBookEncoder.encode(book2026).utf8))
        let newLibrary = try TariffLibrary.open(directory: directory)

        let after = try store.quote(offerID: offer.id)
        #expect(after == quote.with(id: after?.id ?? 0, offerID: offer.id))
        let (repriced, _) = try OfferLifecycle.price(try #require(try store.offer(offer.id)), store: store, library: newLibrary, assumptions: assumed)
        #expect(repriced.years[1].status == .published)
        #expect(repriced.totals != quote.totals)
        // Acceptance rebuilds from the frozen books, not the new one: the agreement has the quote's numbers.
        let agreement = try OfferLifecycle.accept(offer.id, store: store, date: CalendarDate(year: 2024, month: 12, day: 1)!)
        #expect(agreement.reference == "UVO-2025-001")
        #expect(agreement.json.contains("\"municipality\": \"\(quote.totals.municipality.jsonString)\""))
        #expect(try store.offer(offer.id)?.status == .accepted)
    }

    @Test("editing an issued offer makes a new version that names the one it supersedes")
    func superseding() throws {
        let (_, library) = try scratchLibrary()
        let store = try seededStore()
        let first = try store.createOffer(municipality: "midden-drenthe", firstYear: 2025, years: 1, title: nil,
                                          lines: try lines(#"{"service": "ido"}"#))
        let quote = try OfferLifecycle.issue(first.id, store: store, library: library, assumptions: assumed, date: CalendarDate(year: 2024, month: 12, day: 10)!)
        let second = try store.editOffer(first.id) { (lines: inout [OfferLine]) throws(StoreRefusal) -> Void in
            lines.append(OfferLine(service: "kleintje-bieb"))
        }
        #expect(second.id != first.id && second.version == 2 && second.supersedes == first.id && second.reference == first.reference)
        #expect(try store.offer(first.id)?.status == .superseded)
        #expect(try store.quote(offerID: first.id) == quote.with(id: quote.id, offerID: first.id))
        let secondQuote = try OfferLifecycle.issue(second.id, store: store, library: library, assumptions: assumed, date: CalendarDate(year: 2024, month: 12, day: 20)!)
        #expect(secondQuote.reference == "OFF-2025-001-v2")
        #expect(secondQuote.json.contains("\"supersedes\": \"OFF-2025-001-v1\""))
        #expect(secondQuote.html.contains("OFF-2025-001-v1"))
        // A superseded offer cannot be changed or accepted.
        #expect(throws: StoreRefusal.self) {
            _ = try store.editOffer(first.id) { (lines: inout [OfferLine]) throws(StoreRefusal) -> Void in lines.removeAll() }
        }
        #expect(throws: LifecycleError.self) { _ = try OfferLifecycle.accept(first.id, store: store, date: CalendarDate(year: 2025, month: 2, day: 1)!) }
    }

    @Test("two connections writing offers at the same time both succeed, nothing lost")
    func concurrentConnections() async throws {
        let path = temporaryDatabase()
        _ = try seededStore(path)
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    guard let store = try? CatalogueStore(path: path, who: "writer-\(writer)", now: "x") else { return }
                    for _ in 0..<25 {
                        _ = try? store.createOffer(municipality: "midden-drenthe", firstYear: 2026, years: 3, title: "w\(writer)",
                                                   lines: [OfferLine(service: "ido")])
                    }
                }
            }
        }
        let store = try CatalogueStore(path: path, who: "check", now: "x")
        let offers = try store.offers()
        #expect(offers.count == 50)
        #expect(Set(offers.map(\.reference)).count == 50)
        #expect(try store.auditLog().filter { $0.action == "create" }.count == 50)
    }
}

extension QuoteRecord {
    /// The same record with the ids the store assigned.
    func with(id: Int64, offerID: Int64) -> QuoteRecord {
        var copy = self
        copy.id = id
        copy.offerID = offerID
        return copy
    }
}
