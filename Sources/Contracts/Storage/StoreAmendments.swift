import Catalogue
import JSON
import Money
import Pricing

extension CatalogueStore {
    // MARK: Amendments

    /// The amendments of an agreement, in order.
    public func amendments(agreementID: Int64) throws(StoreError) -> [AmendmentRecord] {
        var records: [AmendmentRecord] = []
        for row in try database.rows("""
            SELECT id, agreement_id, sequence, reference, from_year, dated, profile, lines, changes, municipality_before_cents,
                municipality_after_cents, document_html, document_markdown, document_json
            FROM amendments WHERE agreement_id = ? ORDER BY sequence
            """, [.integer(agreementID)], table: "amendments") {
            records.append(try amendmentRecord(row))
        }
        return records
    }

    private func amendmentRecord(_ row: Row) throws(StoreError) -> AmendmentRecord {
        guard case .array(let values) = try row.json("changes") else { throw row.bad("changes", "expected a JSON array of texts") }
        var changes: [String] = []
        for value in values {
            guard case .string(let change) = value else { throw row.bad("changes", "expected a JSON array of texts") }
            changes.append(change)
        }
        return AmendmentRecord(id: try row.integer("id"), agreementID: try row.integer("agreement_id"),
                               sequence: try row.int("sequence", in: 1...Int(Int32.max)), reference: try row.text("reference"),
                               fromYear: try row.int("from_year", in: 1...9999), dated: try row.date("dated"), profile: try row.text("profile"),
                               lines: try row.offerLines("lines"), changes: changes,
                               municipalityBefore: try row.money("municipality_before_cents"),
                               municipalityAfter: try row.money("municipality_after_cents"),
                               html: try row.text("document_html"), markdown: try row.text("document_markdown"), json: try row.text("document_json"))
    }

    /// An amendment by reference ("UVO-2026-001-W1").
    public func amendment(reference: String) throws(StoreError) -> AmendmentRecord? {
        guard let agreementID = try database.rows("SELECT id, agreement_id FROM amendments WHERE reference = ?", [.text(reference)],
                                                  table: "amendments").first?.integer("agreement_id") else {
            return nil
        }
        return try amendments(agreementID: agreementID).first { $0.reference == reference }
    }

    /// Records an amendment, refused when the agreement is not active or another amendment was
    /// recorded since it was proposed.
    public func addAmendment(_ amendment: AmendmentRecord) throws -> AmendmentRecord {
        try database.transaction { () throws(StoreError) -> Result<AmendmentRecord, StoreRefusal> in
            guard let row = try database.rows("SELECT id, reference, status FROM agreements WHERE id = ?", [.integer(amendment.agreementID)],
                                              table: "agreements").first else {
                return .failure(StoreRefusal(message: "agreement \(amendment.agreementID) does not exist"))
            }
            let reference = try row.text("reference")
            let status: AgreementStatus = try row.value("status")
            guard status == .active else {
                return .failure(StoreRefusal(message: "agreement \(reference) is \(status); only an active agreement can be amended"))
            }
            let count = try database.rows("SELECT COUNT(*) AS count FROM amendments WHERE agreement_id = ?", [.integer(amendment.agreementID)],
                                          table: "amendments", key: []).first?.integer("count") ?? 0
            guard count + 1 == Int64(amendment.sequence) else {
                return .failure(StoreRefusal(message: "agreement \(reference) was amended meanwhile; propose the amendment again"))
            }
            try database.query("""
                INSERT INTO amendments (agreement_id, sequence, reference, from_year, dated, profile, lines, changes,
                    municipality_before_cents, municipality_after_cents, document_html, document_markdown, document_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.integer(amendment.agreementID), .integer(Int64(amendment.sequence)), .text(amendment.reference),
                      .integer(Int64(amendment.fromYear)), .text(amendment.dated.description), .text(amendment.profile),
                      .text(StoredLines.text(amendment.lines)),
                      .text(JSONWriter.write(.array(amendment.changes.map { .string($0) }), pretty: false)),
                      .integer(amendment.municipalityBefore.cents), .integer(amendment.municipalityAfter.cents),
                      .text(amendment.html), .text(amendment.markdown), .text(amendment.json)])
            var stored = amendment
            stored.id = database.lastInsertedRowID
            try Seals.seal(.amendment, id: stored.id, database: database)
            try audit("amend", "agreement", reference, before: nil,
                      after: ["amendment": .string(amendment.reference), "fromYear": .number(JSONNumber(integer: Int64(amendment.fromYear)))])
            return .success(stored)
        }.get()
    }
}
