import Catalogue
import JSON
import Support

/// SHA-256 seals of what is frozen: each part of an issued quote, an agreement or an amendment is
/// hashed from its stored rows when it is stored, and the hash is kept in `seals`. Reading the
/// frozen material back (`contract show`, `offer accept`, `store check`) recomputes the hashes, so
/// a value changed by hand in the database is found instead of reported.
public enum Seals {
    /// Something that is sealed.
    public enum Entity: String, Sendable, CaseIterable {
        case quote
        case agreement
        case amendment

        /// Its table.
        var table: String { self == .quote ? "quotes" : self == .agreement ? "agreements" : "amendments" }
    }

    /// One sealed part: its name, what it is in words, and the query that reads it (`?1` is the id).
    struct Part: Sendable {
        var entity: Entity
        var name: String
        var label: String
        var sql: String
    }

    static let parts: [Part] = [
        Part(entity: .quote, name: "amounts", label: "the totals and dates (quotes)", sql: """
            SELECT reference, offer_id, issued_on, valid_until, municipality_cents, school_cents, school_vat_cents, participants_cents
            FROM quotes WHERE id = ?1
            """),
        Part(entity: .quote, name: "pricing", label: "the profile and priced offer (quotes)", sql: "SELECT profile, priced FROM quotes WHERE id = ?1"),
        Part(entity: .quote, name: "documents", label: "the offerte documents (quotes)",
             sql: "SELECT document_html, document_markdown, document_json FROM quotes WHERE id = ?1"),
        Part(entity: .quote, name: "years", label: "the years and their books (quote_years)", sql: """
            SELECT year, status, book_hash, book_file, projected_from, municipality_cents, school_cents, participants_cents
            FROM quote_years WHERE quote_id = ?1 ORDER BY year
            """),
        Part(entity: .quote, name: "lines", label: "the frozen lines and amounts (quote_lines)", sql: """
            SELECT year, position, service, component, tariff, subject, quantity, unit_price_cents, amount_cents, recurrence, payer, explanation
            FROM quote_lines WHERE quote_id = ?1 ORDER BY year, position
            """),
        Part(entity: .quote, name: "offer", label: "the issued offer (offers)", sql: """
            SELECT o.reference, o.version, o.supersedes, o.municipality, o.first_year, o.years, o.title
            FROM offers o JOIN quotes q ON q.offer_id = o.id WHERE q.id = ?1
            """),
        Part(entity: .quote, name: "offer lines", label: "the issued offer's lines (offer_lines)", sql: """
            SELECT l.position, l.line FROM offer_lines l JOIN quotes q ON q.offer_id = l.offer_id WHERE q.id = ?1 ORDER BY l.position
            """),
        Part(entity: .agreement, name: "terms", label: "the agreement's terms (agreements)",
             sql: "SELECT reference, quote_id, municipality, first_year, last_year, accepted_on, payment FROM agreements WHERE id = ?1"),
        Part(entity: .agreement, name: "documents", label: "the agreement's documents (agreements)",
             sql: "SELECT document_html, document_markdown, document_json FROM agreements WHERE id = ?1"),
        Part(entity: .amendment, name: "terms", label: "the amendment's lines and amounts (amendments)", sql: """
            SELECT agreement_id, sequence, reference, from_year, dated, profile, lines, changes, municipality_before_cents,
                municipality_after_cents FROM amendments WHERE id = ?1
            """),
        Part(entity: .amendment, name: "documents", label: "the amendment's documents (amendments)",
             sql: "SELECT document_html, document_markdown, document_json FROM amendments WHERE id = ?1"),
    ]

    /// The hash of a part as it is stored now: its rows written as one JSON array.
    static func hash(_ part: Part, id: Int64, database: Database) throws(StoreError) -> String {
        let rows = try database.query(part.sql, [.integer(id)]).map { row in
            JSONValue.array(row.map { value in
                switch value {
                case .integer(let number): .number(JSONNumber(integer: number))
                case .text(let text): .string(text)
                case .null: .null
                }
            })
        }
        return "sha256:" + SHA256.hex(Array(JSONWriter.write(.array(rows), pretty: false).utf8))
    }

    /// Seals every part of one quote, agreement or amendment, as stored now.
    static func seal(_ entity: Entity, id: Int64, database: Database) throws(StoreError) {
        for part in parts where part.entity == entity {
            try database.query("INSERT INTO seals (entity, entity_id, part, hash) VALUES (?, ?, ?, ?)",
                               [.text(entity.rawValue), .integer(id), .text(part.name), .text(try hash(part, id: id, database: database))])
        }
    }

    /// Seals everything not sealed yet (the frozen rows stored before seals existed).
    static func sealEverything(_ database: Database) throws(StoreError) {
        for entity in Entity.allCases {
            for row in try database.query("""
                SELECT id FROM \(entity.table) WHERE id NOT IN (SELECT entity_id FROM seals WHERE entity = ?) ORDER BY id
                """, [.text(entity.rawValue)]) {
                if let id = row.first?.integer { try seal(entity, id: id, database: database) }
            }
        }
    }

    /// The parts of one quote, agreement or amendment whose rows no longer match their seal, in
    /// words ("the frozen lines and amounts (quote_lines)"); [] when everything matches.
    public static func mismatches(_ entity: Entity, id: Int64, database: Database) throws(StoreError) -> [String] {
        var stored: [String: String] = [:]
        for row in try database.rows("SELECT entity, entity_id, part, hash FROM seals WHERE entity = ? AND entity_id = ?",
                                     [.text(entity.rawValue), .integer(id)], table: "seals", key: ["entity", "entity_id", "part"]) {
            stored[try row.text("part")] = try row.text("hash")
        }
        var found: [String] = []
        for part in parts where part.entity == entity {
            guard let seal = stored[part.name] else {
                found.append("\(part.label): no SHA-256 stored")
                continue
            }
            if try hash(part, id: id, database: database) != seal {
                found.append("\(part.label): its SHA-256 does not match the one stored when it was frozen")
            }
        }
        return found
    }
}
