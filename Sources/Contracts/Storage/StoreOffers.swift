import Support
import Catalogue
import JSON
import Money
import Pricing

extension CatalogueStore {
    // MARK: Offers

    /// Creates a draft offer (version 1); its reference is allocated in the same transaction.
    public func createOffer(municipality: String, firstYear: Int, years: Int, title: String?,
                            lines: [OfferLine]) throws(StoreError) -> OfferRecord {
        try database.transaction { () throws(StoreError) -> OfferRecord in
            let next = try database.rows("SELECT COALESCE(MAX(id), 0) + 1 AS next FROM offers", table: "offers", key: []).first?.integer("next") ?? 1
            let reference = "OFF-\(firstYear)-\(padded(next))"
            try database.query("""
                INSERT INTO offers (reference, version, supersedes, municipality, first_year, years, title, status, created_at)
                VALUES (?, 1, NULL, ?, ?, ?, ?, 'draft', ?)
                """, [.text(reference), .text(municipality), .integer(Int64(firstYear)), .integer(Int64(years)),
                      title.map(SQLValue.text) ?? .null, .text(now)])
            let id = database.lastInsertedRowID
            try insertLines(id, lines)
            let record = try offerInTransaction(id)
            try audit("create", "offer", String(id), before: nil, after: record.offerJSON)
            return record
        }
    }

    /// The offer with this id.
    public func offer(_ id: Int64) throws(StoreError) -> OfferRecord? {
        try offerRow(id)
    }

    func offerInTransaction(_ id: Int64) throws(StoreError) -> OfferRecord {
        guard let record = try offerRow(id) else {
            throw StoreError(operation: "read offer \(id)", message: "not found", code: 1, sql: nil)
        }
        return record
    }

    static let offerColumns = "SELECT id, reference, version, supersedes, municipality, first_year, years, title, status FROM offers"

    private func offerRow(_ id: Int64) throws(StoreError) -> OfferRecord? {
        guard let row = try database.rows(Self.offerColumns + " WHERE id = ?", [.integer(id)], table: "offers").first else { return nil }
        return try offerRecord(row)
    }

    private func offerRecord(_ row: Row) throws(StoreError) -> OfferRecord {
        let id = try row.integer("id")
        var lines: [OfferLine] = []
        for line in try database.rows("SELECT offer_id, position, line FROM offer_lines WHERE offer_id = ? ORDER BY position", [.integer(id)],
                                      table: "offer_lines", key: ["offer_id", "position"]) {
            lines.append(try line.offerLine("line"))
        }
        return OfferRecord(id: id, reference: try row.text("reference"), version: try row.int("version", in: 1...Int(Int32.max)),
                           supersedes: try row.optionalInteger("supersedes"), municipality: try row.text("municipality"),
                           firstYear: try row.int("first_year", in: 1...9999), years: try row.int("years", in: 1...20),
                           title: try row.optionalText("title"), status: try row.value("status"), lines: lines)
    }

    /// Every offer, newest first, optionally of one municipality.
    public func offers(municipality: String? = nil) throws(StoreError) -> [OfferRecord] {
        let rows = try database.rows(Self.offerColumns + (municipality == nil ? " ORDER BY id DESC" : " WHERE municipality = ? ORDER BY id DESC"),
                                     municipality.map { [.text($0)] } ?? [], table: "offers")
        var records: [OfferRecord] = []
        for row in rows { records.append(try offerRecord(row)) }
        return records
    }

    /// Changes an offer's lines. A draft changes in place; an issued offer gets a new draft
    /// version that names the one it supersedes (the issued quote itself never changes). The
    /// read, the change and the write are one immediate transaction, so two edits never both
    /// start from the same lines.
    public func editOffer(_ id: Int64, _ change: (inout [OfferLine]) throws(StoreRefusal) -> Void) throws -> OfferRecord {
        try database.transaction { () throws(StoreError) -> Result<OfferRecord, StoreRefusal> in
            let record = try offerInTransaction(id)
            var lines = record.lines
            do throws(StoreRefusal) { try change(&lines) } catch { return .failure(error) }
            switch record.status {
            case .draft:
                try database.query("DELETE FROM offer_lines WHERE offer_id = ?", [.integer(id)])
                try insertLines(id, lines)
                let updated = try offerInTransaction(id)
                try audit("edit", "offer", String(id), before: record.offerJSON, after: updated.offerJSON)
                return .success(updated)
            case .issued:
                return .success(try supersede(record, lines: lines))
            case .accepted:
                return .failure(StoreRefusal(message: "offer \(id) (\(record.label)) is accepted and has an agreement; an accepted offer does not change"))
            case .withdrawn:
                return .failure(StoreRefusal(message: "offer \(id) (\(record.label)) is withdrawn; a withdrawn offer does not change"))
            case .superseded:
                let newer = try database.rows("SELECT id FROM offers WHERE supersedes = ?", [.integer(id)], table: "offers").first?.integer("id")
                return .failure(StoreRefusal(message: "offer \(id) (\(record.label)) is superseded\(newer.map { " by offer \($0)" } ?? ""); change the latest version"))
            }
        }.get()
    }

    private func supersede(_ record: OfferRecord, lines: [OfferLine]) throws(StoreError) -> OfferRecord {
        try database.query("""
            INSERT INTO offers (reference, version, supersedes, municipality, first_year, years, title, status, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'draft', ?)
            """, [.text(record.reference), .integer(Int64(record.version + 1)), .integer(record.id), .text(record.municipality),
                  .integer(Int64(record.firstYear)), .integer(Int64(record.years)), record.title.map(SQLValue.text) ?? .null,
                  .text(now)])
        let newID = database.lastInsertedRowID
        try insertLines(newID, lines)
        try database.query("UPDATE offers SET status = 'superseded' WHERE id = ?", [.integer(record.id)])
        let created = try offerInTransaction(newID)
        try audit("supersede", "offer", String(record.id), before: ["status": "issued"],
                  after: ["status": "superseded", "supersededBy": .number(JSONNumber(integer: newID))])
        try audit("create", "offer", String(newID), before: nil, after: created.offerJSON)
        return created
    }

    /// Marks a draft or issued offer withdrawn, with the date and reason in the audit log. The
    /// caller (`OfferLifecycle.withdraw`) has checked, in the same transaction, that it may be.
    func markWithdrawn(_ record: OfferRecord, quote: String?, date: CalendarDate, reason: String) throws(StoreError) -> OfferRecord {
        try database.transaction { () throws(StoreError) -> OfferRecord in
            try database.query("UPDATE offers SET status = 'withdrawn' WHERE id = ?", [.integer(record.id)])
            var after: JSONValue = ["status": "withdrawn", "date": .string(date.description), "reason": .string(reason)]
            if let quote { after = ["status": "withdrawn", "date": .string(date.description), "reason": .string(reason), "quote": .string(quote)] }
            try audit("withdraw", "offer", String(record.id), before: ["status": .string(record.status.rawValue)], after: after)
            return try offerInTransaction(record.id)
        }
    }

    func insertLines(_ id: Int64, _ lines: [OfferLine]) throws(StoreError) {
        for (position, line) in lines.enumerated() {
            try database.query("INSERT INTO offer_lines (offer_id, position, line) VALUES (?, ?, ?)",
                               [.integer(id), .integer(Int64(position + 1)), .text(StoredLines.text(line))])
        }
    }
}
