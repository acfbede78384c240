import Catalogue
import JSON
import Money
import Pricing

/// An offer as stored: its identity, state and lines (each line as the JSON of an offer file).
public struct OfferRecord: Sendable, Equatable {
    public var id: Int64
    /// Shared by all versions: "OFF-2026-003".
    public var reference: String
    public var version: Int
    /// The id of the version this one replaces.
    public var supersedes: Int64?
    public var municipality: String
    public var firstYear: Int
    public var years: Int
    public var title: String?
    /// draft, issued, accepted or superseded.
    public var status: String
    /// The lines, in order, as JSON objects of the offer file format.
    public var lines: [JSONValue]

    /// Creates a record.
    public init(id: Int64, reference: String, version: Int, supersedes: Int64?, municipality: String, firstYear: Int, years: Int,
                title: String?, status: String, lines: [JSONValue]) {
        self.id = id
        self.reference = reference
        self.version = version
        self.supersedes = supersedes
        self.municipality = municipality
        self.firstYear = firstYear
        self.years = years
        self.title = title
        self.status = status
        self.lines = lines
    }

    /// "OFF-2026-003 versie 2".
    public var label: String { "\(reference) versie \(version)" }

    /// The offer in the file format, for pricing.
    public var offerJSON: JSONValue {
        var object = JSONObject()
        object.set("municipality", .string(municipality))
        object.set("firstYear", .number(JSONNumber(integer: Int64(firstYear))))
        object.set("years", .number(JSONNumber(integer: Int64(years))))
        if let title { object.set("title", .string(title)) }
        object.set("lines", .array(lines))
        return .object(object)
    }
}

/// A year of an issued quote: which book priced it.
public struct QuoteYearRecord: Sendable, Equatable {
    public var year: Int
    public var status: BookStatus
    public var bookHash: String
    /// The book's file as the pricing reported it.
    public var bookFile: String
    public var projectedFrom: Int?
    public var totals: PayerTotals
}

/// An issued quote, frozen.
public struct QuoteRecord: Sendable, Equatable {
    public var id: Int64
    public var offerID: Int64
    public var reference: String
    public var issuedOn: CalendarDate
    public var validUntil: CalendarDate
    public var totals: PayerTotals
    /// The profile as it was when the quote was issued.
    public var profile: String
    /// The priced offer's JSON, as issued.
    public var priced: String
    public var years: [QuoteYearRecord]
    public var html: String
    public var markdown: String
    public var json: String
}

/// An agreement.
public struct AgreementRecord: Sendable, Equatable {
    public var id: Int64
    public var reference: String
    public var quoteID: Int64
    public var municipality: String
    public var firstYear: Int
    public var lastYear: Int
    public var acceptedOn: CalendarDate
    public var payment: PaymentSchedule
    public var status: String
    public var html: String
    public var markdown: String
    public var json: String
}

/// One entry of the append-only audit log.
public struct AuditEntry: Sendable, Equatable {
    public var id: Int64
    public var at: String
    public var who: String
    public var action: String
    public var entity: String
    public var entityID: String
    public var before: String?
    public var after: String?
}

/// Why a store operation was refused (not a database failure): bad state or unknown ids.
public struct StoreRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// Creates a refusal.
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// The embedded store of books, municipalities, offers, quotes, agreements and the audit log.
///
/// Every change runs in one transaction together with its audit-log entry, so the log is
/// complete exactly when the change is there.
public final class CatalogueStore {
    /// The database.
    public let database: Database
    /// Who is making changes, for the audit log.
    public let who: String
    /// The moment of this run, for the audit log (ISO 8601, UTC).
    public let now: String

    /// The file used when neither `--db` nor `CATALOGUE_DB` names one.
    public static let defaultPath = "catalogue.sqlite"

    /// Opens (creating and migrating) the store.
    public init(path: String, who: String, now: String) throws(StoreError) {
        database = try Database(path: path)
        self.who = who
        self.now = now
        try Migrations.migrate(database)
    }

    // MARK: Audit

    func audit(_ action: String, _ entity: String, _ id: String, before: String?, after: String?) throws(StoreError) {
        try database.query("INSERT INTO audit_log (at, who, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           [.text(now), .text(who), .text(action), .text(entity), .text(id),
                            before.map(SQLValue.text) ?? .null, after.map(SQLValue.text) ?? .null])
    }

    /// The whole audit log, oldest first.
    public func auditLog() throws(StoreError) -> [AuditEntry] {
        try database.query("SELECT id, at, who, action, entity, entity_id, before, after FROM audit_log ORDER BY id").map { row in
            AuditEntry(id: row[0].integer ?? 0, at: row[1].text ?? "", who: row[2].text ?? "", action: row[3].text ?? "",
                       entity: row[4].text ?? "", entityID: row[5].text ?? "", before: row[6].text, after: row[7].text)
        }
    }

    // MARK: Tariff books

    /// Stores a book's content by its hash; returns the hash and whether it was new.
    @discardableResult
    public func importBook(content: String, year: Int, source: String) throws(StoreError) -> (hash: String, inserted: Bool) {
        let hash = "sha256:" + SHA256.hex(Array(content.utf8))
        return try database.transaction { () throws(StoreError) -> (hash: String, inserted: Bool) in
            if try !database.query("SELECT 1 FROM tariff_books WHERE hash = ?", [.text(hash)]).isEmpty {
                return (hash, false)
            }
            try database.query("INSERT INTO tariff_books (hash, year, source, content, imported_at) VALUES (?, ?, ?, ?, ?)",
                               [.text(hash), .integer(Int64(year)), .text(source), .text(content), .text(now)])
            try audit("import", "tariff_book", hash, before: nil, after: "{\"year\": \(year), \"source\": \"\(source)\"}")
            return (hash, true)
        }
    }

    /// A stored book's content.
    public func bookContent(hash: String) throws(StoreError) -> String? {
        try database.query("SELECT content FROM tariff_books WHERE hash = ?", [.text(hash)]).first?.first?.text
    }

    /// The stored books: year, hash and source.
    public func books() throws(StoreError) -> [(year: Int, hash: String, source: String)] {
        try database.query("SELECT year, hash, source FROM tariff_books ORDER BY year, imported_at, hash").map {
            (Int($0[0].integer ?? 0), $0[1].text ?? "", $0[2].text ?? "")
        }
    }

    // MARK: Municipalities

    /// Stores or updates a profile; returns whether anything changed.
    @discardableResult
    public func importMunicipality(code: String, name: String, profile: String) throws(StoreError) -> Bool {
        let hash = "sha256:" + SHA256.hex(Array(profile.utf8))
        return try database.transaction { () throws(StoreError) -> Bool in
            let existing = try database.query("SELECT profile, profile_hash FROM municipalities WHERE code = ?", [.text(code)]).first
            if existing?[1].text == hash { return false }
            try database.query("""
                INSERT INTO municipalities (code, name, profile, profile_hash, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, profile = excluded.profile,
                    profile_hash = excluded.profile_hash, updated_at = excluded.updated_at
                """, [.text(code), .text(name), .text(profile), .text(hash), .text(now)])
            try audit(existing == nil ? "import" : "update", "municipality", code, before: existing?[0].text, after: profile)
            return true
        }
    }

    /// Records a dated version of a profile (valid from `validFrom` until the next version) and
    /// makes it the current profile; returns whether anything changed.
    @discardableResult
    public func importMunicipalityVersion(code: String, name: String, profile: String, validFrom: CalendarDate) throws(StoreError) -> Bool {
        let hash = "sha256:" + SHA256.hex(Array(profile.utf8))
        return try database.transaction { () throws(StoreError) -> Bool in
            let existing = try database.query("SELECT profile, profile_hash FROM municipalities WHERE code = ?", [.text(code)]).first
            let version = try database.query("SELECT profile, profile_hash FROM profile_versions WHERE code = ? AND valid_from = ?",
                                             [.text(code), .text(validFrom.description)]).first
            if version?[1].text == hash && existing?[1].text == hash { return false }
            try database.query("""
                INSERT INTO municipalities (code, name, profile, profile_hash, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, profile = excluded.profile,
                    profile_hash = excluded.profile_hash, updated_at = excluded.updated_at
                """, [.text(code), .text(name), .text(profile), .text(hash), .text(now)])
            try database.query("""
                INSERT INTO profile_versions (code, valid_from, profile, profile_hash, recorded_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (code, valid_from) DO UPDATE SET profile = excluded.profile, profile_hash = excluded.profile_hash,
                    recorded_at = excluded.recorded_at
                """, [.text(code), .text(validFrom.description), .text(profile), .text(hash), .text(now)])
            try audit(version == nil ? "version" : "correct version", "municipality", "\(code)@\(validFrom)",
                      before: version?[0].text ?? existing?[0].text, after: profile)
            return true
        }
    }

    /// The dated versions of a profile: valid-from date and hash, oldest first.
    public func profileVersions(code: String) throws(StoreError) -> [(validFrom: String, hash: String)] {
        try database.query("SELECT valid_from, profile_hash FROM profile_versions WHERE code = ? ORDER BY valid_from", [.text(code)]).map {
            ($0[0].text ?? "", $0[1].text ?? "")
        }
    }

    /// The profile version valid on a date: the latest dated on or before it.
    public func profile(code: String, on date: CalendarDate) throws(StoreError) -> (validFrom: String, profile: String)? {
        guard let row = try database.query("""
            SELECT valid_from, profile FROM profile_versions WHERE code = ? AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1
            """, [.text(code), .text(date.description)]).first else { return nil }
        return (row[0].text ?? "", row[1].text ?? "")
    }

    /// Every municipality: code and name.
    public func municipalities() throws(StoreError) -> [(code: String, name: String)] {
        try database.query("SELECT code, name FROM municipalities ORDER BY code").map { ($0[0].text ?? "", $0[1].text ?? "") }
    }

    /// A municipality's profile JSON.
    public func profile(code: String) throws(StoreError) -> String? {
        try database.query("SELECT profile FROM municipalities WHERE code = ?", [.text(code)]).first?.first?.text
    }

    // MARK: Offers

    /// Creates a draft offer (version 1).
    public func createOffer(municipality: String, firstYear: Int, years: Int, title: String?,
                            lines: [JSONValue]) throws(StoreError) -> OfferRecord {
        try database.transaction { () throws(StoreError) -> OfferRecord in
            let next = (try database.query("SELECT COALESCE(MAX(id), 0) + 1 FROM offers").first?.first?.integer) ?? 1
            let reference = "OFF-\(firstYear)-\(padded(next))"
            try database.query("""
                INSERT INTO offers (reference, version, supersedes, municipality, first_year, years, title, status, created_at)
                VALUES (?, 1, NULL, ?, ?, ?, ?, 'draft', ?)
                """, [.text(reference), .text(municipality), .integer(Int64(firstYear)), .integer(Int64(years)),
                      title.map(SQLValue.text) ?? .null, .text(now)])
            let id = database.lastInsertedRowID
            try insertLines(id, lines)
            let record = try offerInTransaction(id)
            try audit("create", "offer", String(id), before: nil, after: JSONWriter.write(record.offerJSON, pretty: false))
            return record
        }
    }

    /// The offer with this id.
    public func offer(_ id: Int64) throws(StoreError) -> OfferRecord? {
        try offerRow(id)
    }

    private func offerInTransaction(_ id: Int64) throws(StoreError) -> OfferRecord {
        guard let record = try offerRow(id) else {
            throw StoreError(operation: "read offer \(id)", message: "not found", code: 1, sql: nil)
        }
        return record
    }

    private func offerRow(_ id: Int64) throws(StoreError) -> OfferRecord? {
        guard let row = try database.query("""
            SELECT id, reference, version, supersedes, municipality, first_year, years, title, status FROM offers WHERE id = ?
            """, [.integer(id)]).first else { return nil }
        let lines = try database.query("SELECT line FROM offer_lines WHERE offer_id = ? ORDER BY position", [.integer(id)]).compactMap { row in
            row[0].text.flatMap { try? JSONParser.parse($0) }
        }
        return OfferRecord(id: row[0].integer ?? 0, reference: row[1].text ?? "", version: Int(row[2].integer ?? 1),
                           supersedes: row[3].integer, municipality: row[4].text ?? "", firstYear: Int(row[5].integer ?? 0),
                           years: Int(row[6].integer ?? 0), title: row[7].text, status: row[8].text ?? "", lines: lines)
    }

    /// Every offer, newest first, optionally of one municipality.
    public func offers(municipality: String? = nil) throws(StoreError) -> [OfferRecord] {
        let ids = try database.query(
            municipality == nil ? "SELECT id FROM offers ORDER BY id DESC" : "SELECT id FROM offers WHERE municipality = ? ORDER BY id DESC",
            municipality.map { [.text($0)] } ?? [])
        var records: [OfferRecord] = []
        for row in ids {
            if let id = row[0].integer, let record = try offerRow(id) { records.append(record) }
        }
        return records
    }

    /// Changes an offer's lines. A draft changes in place; an issued offer gets a new draft
    /// version that names the one it supersedes (the issued quote itself never changes).
    public func editOffer(_ id: Int64, _ change: (inout [JSONValue]) throws(StoreRefusal) -> Void) throws -> OfferRecord {
        try database.transaction { () throws(StoreError) -> Result<OfferRecord, StoreRefusal> in
            let record = try offerInTransaction(id)
            var lines = record.lines
            do throws(StoreRefusal) { try change(&lines) } catch { return .failure(error) }
            switch record.status {
            case "draft":
                try database.query("DELETE FROM offer_lines WHERE offer_id = ?", [.integer(id)])
                try insertLines(id, lines)
                let updated = try offerInTransaction(id)
                try audit("edit", "offer", String(id), before: JSONWriter.write(record.offerJSON, pretty: false),
                          after: JSONWriter.write(updated.offerJSON, pretty: false))
                return .success(updated)
            case "issued":
                try database.query("""
                    INSERT INTO offers (reference, version, supersedes, municipality, first_year, years, title, status, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'draft', ?)
                    """, [.text(record.reference), .integer(Int64(record.version + 1)), .integer(id), .text(record.municipality),
                          .integer(Int64(record.firstYear)), .integer(Int64(record.years)), record.title.map(SQLValue.text) ?? .null,
                          .text(now)])
                let newID = database.lastInsertedRowID
                try insertLines(newID, lines)
                try database.query("UPDATE offers SET status = 'superseded' WHERE id = ?", [.integer(id)])
                let created = try offerInTransaction(newID)
                try audit("supersede", "offer", String(id), before: "issued", after: "superseded by offer \(newID)")
                try audit("create", "offer", String(newID), before: nil, after: JSONWriter.write(created.offerJSON, pretty: false))
                return .success(created)
            case "accepted":
                return .failure(StoreRefusal(message: "offer \(id) (\(record.label)) is accepted and has an agreement; an accepted offer does not change"))
            default:
                let newer = try database.query("SELECT id FROM offers WHERE supersedes = ?", [.integer(id)]).first?.first?.integer
                return .failure(StoreRefusal(message: "offer \(id) (\(record.label)) is superseded\(newer.map { " by offer \($0)" } ?? ""); change the latest version"))
            }
        }.get()
    }

    private func insertLines(_ id: Int64, _ lines: [JSONValue]) throws(StoreError) {
        for (position, line) in lines.enumerated() {
            try database.query("INSERT INTO offer_lines (offer_id, position, line) VALUES (?, ?, ?)",
                               [.integer(id), .integer(Int64(position + 1)), .text(JSONWriter.write(line, pretty: false))])
        }
    }

    // MARK: Quotes

    /// Freezes an issued quote for a draft offer.
    public func issue(_ offerID: Int64, quote: QuoteRecord, books: [(hash: String, year: Int, source: String, content: String)],
                      lines: [(year: Int, line: PricedLine)]) throws -> QuoteRecord {
        try database.transaction { () throws(StoreError) -> Result<QuoteRecord, StoreRefusal> in
            let record = try offerInTransaction(offerID)
            guard record.status == "draft" else {
                return .failure(StoreRefusal(message: "offer \(offerID) (\(record.label)) is \(record.status), not a draft; only a draft can be issued"))
            }
            for book in books where try database.query("SELECT 1 FROM tariff_books WHERE hash = ?", [.text(book.hash)]).isEmpty {
                try database.query("INSERT INTO tariff_books (hash, year, source, content, imported_at) VALUES (?, ?, ?, ?, ?)",
                                   [.text(book.hash), .integer(Int64(book.year)), .text(book.source), .text(book.content), .text(now)])
                try audit("import", "tariff_book", book.hash, before: nil, after: "{\"year\": \(book.year), \"source\": \"\(book.source)\"}")
            }
            try database.query("""
                INSERT INTO quotes (offer_id, reference, issued_on, valid_until, municipality_cents, school_cents, school_vat_cents,
                    participants_cents, profile, priced, document_html, document_markdown, document_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.integer(offerID), .text(quote.reference), .text(quote.issuedOn.description), .text(quote.validUntil.description),
                      .integer(quote.totals.municipality.cents), .integer(quote.totals.school.cents),
                      .integer(quote.totals.schoolVAT.cents), .integer(quote.totals.participants.cents),
                      .text(quote.profile), .text(quote.priced), .text(quote.html), .text(quote.markdown), .text(quote.json)])
            let quoteID = database.lastInsertedRowID
            for year in quote.years {
                try database.query("""
                    INSERT INTO quote_years (quote_id, year, status, book_hash, book_file, projected_from, municipality_cents, school_cents, participants_cents)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [.integer(quoteID), .integer(Int64(year.year)), .text(year.status.rawValue), .text(year.bookHash), .text(year.bookFile),
                          year.projectedFrom.map { .integer(Int64($0)) } ?? .null, .integer(year.totals.municipality.cents),
                          .integer(year.totals.school.cents), .integer(year.totals.participants.cents)])
            }
            var positions: [Int: Int64] = [:]
            for (year, line) in lines {
                let position = (positions[year] ?? 0) + 1
                positions[year] = position
                try database.query("""
                    INSERT INTO quote_lines (quote_id, year, position, service, component, tariff, subject, quantity,
                        unit_price_cents, amount_cents, recurrence, payer, explanation)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [.integer(quoteID), .integer(Int64(year)), .integer(position), .text(line.service), .text(line.component),
                          line.tariff.map(SQLValue.text) ?? .null, line.subject.map(SQLValue.text) ?? .null,
                          .text(line.quantity.plainString), .integer(line.unitPrice.cents), .integer(line.amount.cents),
                          .text(line.recurrence.rawValue), .text(line.payer.rawValue), .text(line.explanation)])
            }
            try database.query("UPDATE offers SET status = 'issued' WHERE id = ?", [.integer(offerID)])
            try audit("issue", "offer", String(offerID), before: "draft", after: "issued as \(quote.reference)")
            try audit("create", "quote", quote.reference, before: nil,
                      after: "{\"municipality\": \"\(quote.totals.municipality.jsonString)\", \"school\": \"\(quote.totals.school.jsonString)\"}")
            var stored = quote
            stored.id = quoteID
            stored.offerID = offerID
            return .success(stored)
        }.get()
    }

    /// The quote of an offer, or by reference.
    public func quote(id quoteID: Int64? = nil, offerID: Int64? = nil, reference: String? = nil) throws(StoreError) -> QuoteRecord? {
        let rows: [[SQLValue]]
        let columns = """
            SELECT id, offer_id, reference, issued_on, valid_until, municipality_cents, school_cents, school_vat_cents,
                participants_cents, profile, priced, document_html, document_markdown, document_json FROM quotes
            """
        if let quoteID {
            rows = try database.query(columns + " WHERE id = ?", [.integer(quoteID)])
        } else if let offerID {
            rows = try database.query(columns + " WHERE offer_id = ?", [.integer(offerID)])
        } else {
            rows = try database.query(columns + " WHERE reference = ?", [.text(reference ?? "")])
        }
        guard let row = rows.first, let id = row[0].integer else { return nil }
        var totals = PayerTotals()
        totals.municipality = (try? Money(cents: row[5].integer ?? 0)) ?? .zero
        totals.school = (try? Money(cents: row[6].integer ?? 0)) ?? .zero
        totals.schoolVAT = (try? Money(cents: row[7].integer ?? 0)) ?? .zero
        totals.participants = (try? Money(cents: row[8].integer ?? 0)) ?? .zero
        let years = try database.query("""
            SELECT year, status, book_hash, book_file, projected_from, municipality_cents, school_cents, participants_cents
            FROM quote_years WHERE quote_id = ? ORDER BY year
            """, [.integer(id)]).map { year in
            var yearTotals = PayerTotals()
            yearTotals.municipality = (try? Money(cents: year[5].integer ?? 0)) ?? .zero
            yearTotals.school = (try? Money(cents: year[6].integer ?? 0)) ?? .zero
            yearTotals.participants = (try? Money(cents: year[7].integer ?? 0)) ?? .zero
            return QuoteYearRecord(year: Int(year[0].integer ?? 0), status: BookStatus(rawValue: year[1].text ?? "") ?? .published,
                                   bookHash: year[2].text ?? "", bookFile: year[3].text ?? "", projectedFrom: year[4].integer.map { Int($0) },
                                   totals: yearTotals)
        }
        return QuoteRecord(id: id, offerID: row[1].integer ?? 0, reference: row[2].text ?? "",
                           issuedOn: CalendarDate(parsing: row[3].text ?? "") ?? CalendarDate.firstOfJanuary(2000),
                           validUntil: CalendarDate(parsing: row[4].text ?? "") ?? CalendarDate.firstOfJanuary(2000),
                           totals: totals, profile: row[9].text ?? "", priced: row[10].text ?? "", years: years,
                           html: row[11].text ?? "", markdown: row[12].text ?? "", json: row[13].text ?? "")
    }

    // MARK: Agreements

    /// Records the acceptance of an issued offer with its agreement.
    public func accept(_ offerID: Int64, agreement: AgreementRecord) throws -> AgreementRecord {
        try database.transaction { () throws(StoreError) -> Result<AgreementRecord, StoreRefusal> in
            let record = try offerInTransaction(offerID)
            guard record.status == "issued" else {
                return .failure(StoreRefusal(message: "offer \(offerID) (\(record.label)) is \(record.status); only an issued offer can be accepted"))
            }
            try database.query("""
                INSERT INTO agreements (reference, quote_id, municipality, first_year, last_year, accepted_on, payment, status,
                    document_html, document_markdown, document_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)
                """, [.text(agreement.reference), .integer(agreement.quoteID), .text(agreement.municipality),
                      .integer(Int64(agreement.firstYear)), .integer(Int64(agreement.lastYear)), .text(agreement.acceptedOn.description),
                      .text(agreement.payment.rawValue), .text(agreement.html), .text(agreement.markdown), .text(agreement.json)])
            var stored = agreement
            stored.id = database.lastInsertedRowID
            stored.status = "active"
            try database.query("UPDATE offers SET status = 'accepted' WHERE id = ?", [.integer(offerID)])
            try audit("accept", "offer", String(offerID), before: "issued", after: "accepted as \(agreement.reference)")
            try audit("create", "agreement", agreement.reference, before: nil, after: "{\"years\": \"\(agreement.firstYear)-\(agreement.lastYear)\"}")
            return .success(stored)
        }.get()
    }

    /// An agreement by reference, or of a quote.
    public func agreement(reference: String? = nil, quoteID: Int64? = nil) throws(StoreError) -> AgreementRecord? {
        let columns = """
            SELECT id, reference, quote_id, municipality, first_year, last_year, accepted_on, payment, status,
                document_html, document_markdown, document_json FROM agreements
            """
        let rows = quoteID != nil ? try database.query(columns + " WHERE quote_id = ?", [.integer(quoteID!)])
            : try database.query(columns + " WHERE reference = ?", [.text(reference ?? "")])
        guard let row = rows.first else { return nil }
        return AgreementRecord(id: row[0].integer ?? 0, reference: row[1].text ?? "", quoteID: row[2].integer ?? 0,
                               municipality: row[3].text ?? "", firstYear: Int(row[4].integer ?? 0), lastYear: Int(row[5].integer ?? 0),
                               acceptedOn: CalendarDate(parsing: row[6].text ?? "") ?? CalendarDate.firstOfJanuary(2000),
                               payment: PaymentSchedule(rawValue: row[7].text ?? "") ?? .quarterly, status: row[8].text ?? "",
                               html: row[9].text ?? "", markdown: row[10].text ?? "", json: row[11].text ?? "")
    }

    /// The references of the agreements with a status (all when nil), oldest first.
    public func agreementReferences(status: String? = nil) throws(StoreError) -> [String] {
        try database.query(status == nil ? "SELECT reference FROM agreements ORDER BY id" : "SELECT reference FROM agreements WHERE status = ? ORDER BY id",
                           status.map { [.text($0)] } ?? []).compactMap { $0[0].text }
    }

    // MARK: Amendments

    /// The amendments of an agreement, in order.
    public func amendments(agreementID: Int64) throws(StoreError) -> [AmendmentRecord] {
        try database.query("""
            SELECT id, agreement_id, sequence, reference, from_year, dated, profile, lines, changes, municipality_before_cents,
                municipality_after_cents, document_html, document_markdown, document_json
            FROM amendments WHERE agreement_id = ? ORDER BY sequence
            """, [.integer(agreementID)]).map { row in
            var lines: [JSONValue] = []
            if let text = row[7].text, case .array(let values)? = try? JSONParser.parse(text) { lines = values }
            var changes: [String] = []
            if let text = row[8].text, case .array(let values)? = try? JSONParser.parse(text) {
                changes = values.compactMap { if case .string(let change) = $0 { change } else { nil } }
            }
            return AmendmentRecord(id: row[0].integer ?? 0, agreementID: row[1].integer ?? 0, sequence: Int(row[2].integer ?? 0),
                                   reference: row[3].text ?? "", fromYear: Int(row[4].integer ?? 0),
                                   dated: CalendarDate(parsing: row[5].text ?? "") ?? CalendarDate.firstOfJanuary(2000),
                                   profile: row[6].text ?? "", lines: lines, changes: changes,
                                   municipalityBefore: (try? Money(cents: row[9].integer ?? 0)) ?? .zero,
                                   municipalityAfter: (try? Money(cents: row[10].integer ?? 0)) ?? .zero,
                                   html: row[11].text ?? "", markdown: row[12].text ?? "", json: row[13].text ?? "")
        }
    }

    /// An amendment by reference ("UVO-2026-001-W1").
    public func amendment(reference: String) throws(StoreError) -> AmendmentRecord? {
        guard let agreementID = try database.query("SELECT agreement_id FROM amendments WHERE reference = ?", [.text(reference)]).first?.first?.integer else {
            return nil
        }
        return try amendments(agreementID: agreementID).first { $0.reference == reference }
    }

    /// Records an amendment, refused when the agreement is not active or another amendment was
    /// recorded since it was proposed.
    public func addAmendment(_ amendment: AmendmentRecord) throws -> AmendmentRecord {
        try database.transaction { () throws(StoreError) -> Result<AmendmentRecord, StoreRefusal> in
            guard let row = try database.query("SELECT reference, status FROM agreements WHERE id = ?", [.integer(amendment.agreementID)]).first else {
                return .failure(StoreRefusal(message: "agreement \(amendment.agreementID) does not exist"))
            }
            guard row[1].text == "active" else {
                return .failure(StoreRefusal(message: "agreement \(row[0].text ?? "") is \(row[1].text ?? ""); only an active agreement can be amended"))
            }
            let count = try database.query("SELECT COUNT(*) FROM amendments WHERE agreement_id = ?", [.integer(amendment.agreementID)]).first?.first?.integer ?? 0
            guard count + 1 == Int64(amendment.sequence) else {
                return .failure(StoreRefusal(message: "agreement \(row[0].text ?? "") was amended meanwhile; propose the amendment again"))
            }
            try database.query("""
                INSERT INTO amendments (agreement_id, sequence, reference, from_year, dated, profile, lines, changes,
                    municipality_before_cents, municipality_after_cents, document_html, document_markdown, document_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.integer(amendment.agreementID), .integer(Int64(amendment.sequence)), .text(amendment.reference),
                      .integer(Int64(amendment.fromYear)), .text(amendment.dated.description), .text(amendment.profile),
                      .text(JSONWriter.write(.array(amendment.lines), pretty: false)),
                      .text(JSONWriter.write(.array(amendment.changes.map { .string($0) }), pretty: false)),
                      .integer(amendment.municipalityBefore.cents), .integer(amendment.municipalityAfter.cents),
                      .text(amendment.html), .text(amendment.markdown), .text(amendment.json)])
            var stored = amendment
            stored.id = database.lastInsertedRowID
            try audit("amend", "agreement", row[0].text ?? "", before: nil,
                      after: "{\"amendment\": \"\(amendment.reference)\", \"fromYear\": \(amendment.fromYear)}")
            return .success(stored)
        }.get()
    }

    /// The next reference with a prefix: "UVO-2026-001".
    public func nextReference(prefix: String, table: String) throws(StoreError) -> String {
        let count = (try database.query("SELECT COUNT(*) FROM \(table) WHERE reference LIKE ?", [.text(prefix + "%")]).first?.first?.integer) ?? 0
        return prefix + padded(count + 1)
    }

    func padded(_ number: Int64) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, 3 - text.count)) + text
    }
}
