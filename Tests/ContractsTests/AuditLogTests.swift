#if canImport(Glibc)
import Glibc
#endif
import Catalogue
import Contracts
import JSON
import Pricing
import Testing
import TestSupport
import Support

@Suite("The audit log holds JSON only")
struct AuditLogTests {
    @Test("a tariff folder whose name contains a quote gives a valid JSON audit entry naming it")
    func quoteInFolderName() throws {
        let database = temporaryDatabase()
        let directory = String(database.dropLast("/test.sqlite".count)) + "/ta\"ri\\ffs"
        #expect(mkdir(directory, 0o755) == 0)
        try FileSystem.writeFileAtomically(directory + "/2025.json", try FileSystem.readFile(repositoryRoot + "/tariffs/2025.json"))
        let library = try TariffLibrary.open(directory: directory)
        let store = try seededStore(database)
        let offer = try store.createOffer(municipality: "midden-drenthe", firstYear: 2025, years: 1, title: "Met \"aanhalingstekens\"",
                                          lines: try lines(#"{"service": "ido"}"#))
        _ = try OfferLifecycle.issue(offer.id, store: store, library: library, assumptions: assumed, date: CalendarDate(year: 2024, month: 12, day: 10)!)
        let invalid = try store.database.query("SELECT COUNT(*) FROM audit_log WHERE NOT json_valid(COALESCE(before, 'null')) OR NOT json_valid(COALESCE(after, 'null'))")
        #expect(invalid.first?.first?.integer == 0)
        let entry = try #require(try store.auditLog().first { $0.action == "import" && $0.entity == "tariff_book" })
        let after = try JSONParser.parse(try #require(entry.after))
        #expect(after.objectValue?["source"] == .string(directory + "/2025.json"))
        #expect(after.objectValue?["year"] == .number(JSONNumber(integer: 2025)))
        let issue = try #require(try store.auditLog().first { $0.action == "issue" })
        #expect(try JSONParser.parse(try #require(issue.before)) == ["status": "draft"])
    }

    @Test("a raw INSERT of an entry that is not JSON is refused by the database", arguments: ["before", "after"])
    func rawInsertRefused(column: String) throws {
        let store = try seededStore()
        let count = try store.auditLog().count
        #expect(throws: StoreError.self) {
            try store.database.query("INSERT INTO audit_log (at, who, action, entity, entity_id, \(column)) VALUES ('x', 'x', 'x', 'x', 'x', ?)",
                                     [.text(#"{"source": "ta"riffs"}"#)])
        }
        try store.database.query("INSERT INTO audit_log (at, who, action, entity, entity_id, \(column)) VALUES ('x', 'x', 'x', 'x', 'x', ?)",
                                 [.text(#"{"source": "ta\"riffs"}"#)])
        #expect(try store.auditLog().count == count + 1)
    }
}
