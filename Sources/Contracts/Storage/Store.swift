import Catalogue
import JSON
import Money
import Pricing
import Support

/// The embedded store of books, municipalities, offers, quotes, agreements and the audit log.
///
/// Every change runs in one transaction together with its audit-log entry, so the log is
/// complete exactly when the change is there. Every read goes by column name through `Row`, so a
/// stored value that is not what the schema promises is an error naming table, column and row.
public final class CatalogueStore {
    /// The database.
    public let database: Database
    /// Who is making changes, for the audit log.
    public let who: String
    /// The moment of this run, for the audit log (ISO 8601, UTC).
    public let now: String

    /// The file used when neither `--db` nor `CATALOGUE_DB` names one.
    public static let defaultPath = "catalogue.sqlite"

    /// Opens the store. `.readWrite` creates and migrates it; `.readOnly` creates, migrates and
    /// converts nothing, and refuses a file that is not a catalogue database of this schema.
    public init(path: String, mode: StoreMode = .readWrite, who: String, now: String) throws(StoreError) {
        database = try Database(path: path, mode: mode)
        self.who = who
        self.now = now
        switch mode {
        case .readWrite: try Migrations.migrate(database)
        case .readOnly: try Migrations.requireLatest(database)
        }
    }

    // MARK: Audit

    /// Appends an audit entry; `before` and `after` are written by the JSON writer.
    func audit(_ action: String, _ entity: String, _ id: String, before: JSONValue?, after: JSONValue?) throws(StoreError) {
        let encode = { (value: JSONValue) in SQLValue.text(JSONWriter.write(value, pretty: false)) }
        try database.query("INSERT INTO audit_log (at, who, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           [.text(now), .text(who), .text(action), .text(entity), .text(id),
                            before.map(encode) ?? .null, after.map(encode) ?? .null])
    }

    /// A stored JSON text (a profile) for the audit log: the value itself, or the text as a string
    /// when it is not JSON.
    func auditJSON(_ text: String) -> JSONValue {
        (try? JSONParser.parse(text)) ?? .string(text)
    }

    /// The whole audit log, oldest first.
    public func auditLog() throws(StoreError) -> [AuditEntry] {
        var entries: [AuditEntry] = []
        for row in try database.rows("SELECT id, at, who, action, entity, entity_id, before, after FROM audit_log ORDER BY id", table: "audit_log") {
            entries.append(AuditEntry(id: try row.integer("id"), at: try row.text("at"), who: try row.text("who"), action: try row.text("action"),
                                      entity: try row.text("entity"), entityID: try row.text("entity_id"),
                                      before: try row.optionalText("before"), after: try row.optionalText("after")))
        }
        return entries
    }

    // MARK: Tariff books

    /// Stores a book's content by its hash; returns the hash and whether it was new.
    @discardableResult
    public func importBook(content: String, year: Int, source: String) throws(StoreError) -> (hash: String, inserted: Bool) {
        let hash = "sha256:" + SHA256.hex(Array(content.utf8))
        return try database.transaction { () throws(StoreError) -> (hash: String, inserted: Bool) in
            (hash, try insertBook(hash: hash, year: year, source: source, content: content))
        }
    }

    /// Inserts a book unless its hash is stored already; returns whether it was new.
    @discardableResult
    func insertBook(hash: String, year: Int, source: String, content: String) throws(StoreError) -> Bool {
        if try !database.query("SELECT 1 FROM tariff_books WHERE hash = ?", [.text(hash)]).isEmpty { return false }
        try database.query("INSERT INTO tariff_books (hash, year, source, content, imported_at) VALUES (?, ?, ?, ?, ?)",
                           [.text(hash), .integer(Int64(year)), .text(source), .text(content), .text(now)])
        try audit("import", "tariff_book", hash, before: nil,
                  after: .object(["year": .number(JSONNumber(integer: Int64(year))), "source": .string(source)]))
        return true
    }

    /// A stored book's content.
    public func bookContent(hash: String) throws(StoreError) -> String? {
        try database.rows("SELECT hash, content FROM tariff_books WHERE hash = ?", [.text(hash)], table: "tariff_books", key: ["hash"])
            .first?.text("content")
    }

    /// The stored books: year, hash and source.
    public func books() throws(StoreError) -> [(year: Int, hash: String, source: String)] {
        var books: [(year: Int, hash: String, source: String)] = []
        for row in try database.rows("SELECT year, hash, source FROM tariff_books ORDER BY year, imported_at, hash",
                                     table: "tariff_books", key: ["hash"]) {
            books.append((try row.int("year"), try row.text("hash"), try row.text("source")))
        }
        return books
    }

    // MARK: Municipalities

    /// Stores or updates a profile; returns whether anything changed.
    @discardableResult
    public func importMunicipality(code: String, name: String, profile: String) throws(StoreError) -> Bool {
        let hash = "sha256:" + SHA256.hex(Array(profile.utf8))
        return try database.transaction { () throws(StoreError) -> Bool in
            let existing = try currentProfile(code)
            if existing?.hash == hash { return false }
            try upsertMunicipality(code: code, name: name, profile: profile, hash: hash)
            try audit(existing == nil ? "import" : "update", "municipality", code, before: existing.map { auditJSON($0.profile) },
                      after: auditJSON(profile))
            return true
        }
    }

    private func currentProfile(_ code: String) throws(StoreError) -> (profile: String, hash: String)? {
        guard let row = try database.rows("SELECT code, profile, profile_hash FROM municipalities WHERE code = ?", [.text(code)],
                                          table: "municipalities", key: ["code"]).first else { return nil }
        return (try row.text("profile"), try row.text("profile_hash"))
    }

    private func upsertMunicipality(code: String, name: String, profile: String, hash: String) throws(StoreError) {
        try database.query("""
            INSERT INTO municipalities (code, name, profile, profile_hash, updated_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, profile = excluded.profile,
                profile_hash = excluded.profile_hash, updated_at = excluded.updated_at
            """, [.text(code), .text(name), .text(profile), .text(hash), .text(now)])
    }

    /// Records a dated version of a profile (valid from `validFrom` until the next version) and
    /// makes it the current profile; returns whether anything changed.
    @discardableResult
    public func importMunicipalityVersion(code: String, name: String, profile: String, validFrom: CalendarDate) throws(StoreError) -> Bool {
        let hash = "sha256:" + SHA256.hex(Array(profile.utf8))
        return try database.transaction { () throws(StoreError) -> Bool in
            let existing = try currentProfile(code)
            let version = try database.rows("SELECT code, valid_from, profile, profile_hash FROM profile_versions WHERE code = ? AND valid_from = ?",
                                            [.text(code), .text(validFrom.description)], table: "profile_versions", key: ["code", "valid_from"]).first
            let versionHash = try version?.text("profile_hash")
            if versionHash == hash && existing?.hash == hash { return false }
            try upsertMunicipality(code: code, name: name, profile: profile, hash: hash)
            try database.query("""
                INSERT INTO profile_versions (code, valid_from, profile, profile_hash, recorded_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (code, valid_from) DO UPDATE SET profile = excluded.profile, profile_hash = excluded.profile_hash,
                    recorded_at = excluded.recorded_at
                """, [.text(code), .text(validFrom.description), .text(profile), .text(hash), .text(now)])
            let before = try version?.text("profile") ?? existing?.profile
            try audit(version == nil ? "version" : "correct version", "municipality", "\(code)@\(validFrom)",
                      before: before.map(auditJSON), after: auditJSON(profile))
            return true
        }
    }

    /// The dated versions of a profile: valid-from date and hash, oldest first.
    public func profileVersions(code: String) throws(StoreError) -> [(validFrom: String, hash: String)] {
        var versions: [(validFrom: String, hash: String)] = []
        for row in try database.rows("SELECT code, valid_from, profile_hash FROM profile_versions WHERE code = ? ORDER BY valid_from",
                                     [.text(code)], table: "profile_versions", key: ["code", "valid_from"]) {
            versions.append((try row.date("valid_from").description, try row.text("profile_hash")))
        }
        return versions
    }

    /// The profile version valid on a date: the latest dated on or before it.
    public func profile(code: String, on date: CalendarDate) throws(StoreError) -> (validFrom: String, profile: String)? {
        guard let row = try database.rows("""
            SELECT code, valid_from, profile FROM profile_versions WHERE code = ? AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1
            """, [.text(code), .text(date.description)], table: "profile_versions", key: ["code", "valid_from"]).first else { return nil }
        return (try row.date("valid_from").description, try row.text("profile"))
    }

    /// Every municipality: code and name.
    public func municipalities() throws(StoreError) -> [(code: String, name: String)] {
        var list: [(code: String, name: String)] = []
        for row in try database.rows("SELECT code, name FROM municipalities ORDER BY code", table: "municipalities", key: ["code"]) {
            list.append((try row.text("code"), try row.text("name")))
        }
        return list
    }

    /// A municipality's profile JSON.
    public func profile(code: String) throws(StoreError) -> String? {
        try currentProfile(code)?.profile
    }

    /// "001", "012", "123", "1234".
    func padded(_ number: Int64) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, 3 - text.count)) + text
    }
}
