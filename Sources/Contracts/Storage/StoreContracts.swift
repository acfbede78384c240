import Catalogue
import JSON
import Money
import Pricing

extension CatalogueStore {
    // MARK: Quotes

    /// Freezes an issued quote for a draft offer.
    public func issue(_ offerID: Int64, quote: QuoteRecord, books: [(hash: String, year: Int, source: String, content: String)],
                      lines: [(year: Int, line: PricedLine)]) throws -> QuoteRecord {
        try database.transaction { () throws(StoreError) -> Result<QuoteRecord, StoreRefusal> in
            let record = try offerInTransaction(offerID)
            guard record.status == .draft else {
                return .failure(StoreRefusal(message: "offer \(offerID) (\(record.label)) is \(record.status), not a draft; only a draft can be issued"))
            }
            for book in books {
                try insertBook(hash: book.hash, year: book.year, source: book.source, content: book.content)
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
            try insertQuoteYears(quoteID, quote.years)
            try insertQuoteLines(quoteID, lines)
            try Seals.seal(.quote, id: quoteID, database: database)
            try database.query("UPDATE offers SET status = 'issued' WHERE id = ?", [.integer(offerID)])
            try audit("issue", "offer", String(offerID), before: ["status": "draft"], after: ["status": "issued", "quote": .string(quote.reference)])
            try audit("create", "quote", quote.reference, before: nil,
                      after: ["municipality": .string(quote.totals.municipality.jsonString), "school": .string(quote.totals.school.jsonString)])
            var stored = quote
            stored.id = quoteID
            stored.offerID = offerID
            return .success(stored)
        }.get()
    }

    private func insertQuoteYears(_ quoteID: Int64, _ years: [QuoteYearRecord]) throws(StoreError) {
        for year in years {
            try database.query("""
                INSERT INTO quote_years (quote_id, year, status, book_hash, book_file, projected_from, municipality_cents, school_cents, participants_cents)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.integer(quoteID), .integer(Int64(year.year)), .text(year.status.rawValue), .text(year.bookHash), .text(year.bookFile),
                      year.projectedFrom.map { .integer(Int64($0)) } ?? .null, .integer(year.totals.municipality.cents),
                      .integer(year.totals.school.cents), .integer(year.totals.participants.cents)])
        }
    }

    private func insertQuoteLines(_ quoteID: Int64, _ lines: [(year: Int, line: PricedLine)]) throws(StoreError) {
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
    }

    /// The quote of an offer, or by reference.
    public func quote(id quoteID: Int64? = nil, offerID: Int64? = nil, reference: String? = nil) throws(StoreError) -> QuoteRecord? {
        let columns = """
            SELECT id, offer_id, reference, issued_on, valid_until, municipality_cents, school_cents, school_vat_cents,
                participants_cents, profile, priced, document_html, document_markdown, document_json FROM quotes
            """
        let rows: [Row]
        if let quoteID {
            rows = try database.rows(columns + " WHERE id = ?", [.integer(quoteID)], table: "quotes")
        } else if let offerID {
            rows = try database.rows(columns + " WHERE offer_id = ?", [.integer(offerID)], table: "quotes")
        } else {
            rows = try database.rows(columns + " WHERE reference = ?", [.text(reference ?? "")], table: "quotes")
        }
        guard let row = rows.first else { return nil }
        let id = try row.integer("id")
        var totals = PayerTotals()
        totals.municipality = try row.money("municipality_cents")
        totals.school = try row.money("school_cents")
        totals.schoolVAT = try row.money("school_vat_cents")
        totals.participants = try row.money("participants_cents")
        return QuoteRecord(id: id, offerID: try row.integer("offer_id"), reference: try row.text("reference"),
                           issuedOn: try row.date("issued_on"), validUntil: try row.date("valid_until"),
                           totals: totals, profile: try row.text("profile"), priced: try row.text("priced"), years: try quoteYears(id),
                           html: try row.text("document_html"), markdown: try row.text("document_markdown"), json: try row.text("document_json"))
    }

    private func quoteYears(_ quoteID: Int64) throws(StoreError) -> [QuoteYearRecord] {
        var years: [QuoteYearRecord] = []
        for year in try database.rows("""
            SELECT quote_id, year, status, book_hash, book_file, projected_from, municipality_cents, school_cents, participants_cents
            FROM quote_years WHERE quote_id = ? ORDER BY year
            """, [.integer(quoteID)], table: "quote_years", key: ["quote_id", "year"]) {
            var totals = PayerTotals()
            totals.municipality = try year.money("municipality_cents")
            totals.school = try year.money("school_cents")
            totals.participants = try year.money("participants_cents")
            years.append(QuoteYearRecord(year: try year.int("year", in: 1...9999), status: try year.value("status", names: ["published", "projected"]),
                                         bookHash: try year.text("book_hash"), bookFile: try year.text("book_file"),
                                         projectedFrom: try year.optionalInt("projected_from", in: 1...9999), totals: totals))
        }
        return years
    }

    // MARK: Agreements

    /// Records the acceptance of an issued offer with its agreement.
    public func accept(_ offerID: Int64, agreement: AgreementRecord) throws -> AgreementRecord {
        try database.transaction { () throws(StoreError) -> Result<AgreementRecord, StoreRefusal> in
            let record = try offerInTransaction(offerID)
            guard record.status == .issued else {
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
            stored.status = .active
            try Seals.seal(.agreement, id: stored.id, database: database)
            try database.query("UPDATE offers SET status = 'accepted' WHERE id = ?", [.integer(offerID)])
            try audit("accept", "offer", String(offerID), before: ["status": "issued"],
                      after: ["status": "accepted", "agreement": .string(agreement.reference)])
            try audit("create", "agreement", agreement.reference, before: nil,
                      after: ["years": .string("\(agreement.firstYear)-\(agreement.lastYear)")])
            return .success(stored)
        }.get()
    }

    /// An agreement by reference, or of a quote.
    public func agreement(reference: String? = nil, quoteID: Int64? = nil) throws(StoreError) -> AgreementRecord? {
        let columns = """
            SELECT id, reference, quote_id, municipality, first_year, last_year, accepted_on, payment, status,
                document_html, document_markdown, document_json FROM agreements
            """
        let rows = if let quoteID {
            try database.rows(columns + " WHERE quote_id = ?", [.integer(quoteID)], table: "agreements")
        } else {
            try database.rows(columns + " WHERE reference = ?", [.text(reference ?? "")], table: "agreements")
        }
        guard let row = rows.first else { return nil }
        return AgreementRecord(id: try row.integer("id"), reference: try row.text("reference"), quoteID: try row.integer("quote_id"),
                               municipality: try row.text("municipality"), firstYear: try row.int("first_year", in: 1...9999),
                               lastYear: try row.int("last_year", in: 1...9999), acceptedOn: try row.date("accepted_on"),
                               payment: try row.value("payment"), status: try row.value("status"),
                               html: try row.text("document_html"), markdown: try row.text("document_markdown"), json: try row.text("document_json"))
    }

    /// The references of the agreements with a status (all when nil), oldest first.
    public func agreementReferences(status: AgreementStatus? = nil) throws(StoreError) -> [String] {
        var references: [String] = []
        for row in try database.rows(status == nil ? "SELECT id, reference FROM agreements ORDER BY id"
                                                   : "SELECT id, reference FROM agreements WHERE status = ? ORDER BY id",
                                     status.map { [.text($0.rawValue)] } ?? [], table: "agreements") {
            references.append(try row.text("reference"))
        }
        return references
    }

    /// The next reference with a prefix: "UVO-2026-001". Call it inside the transaction that
    /// inserts the reference, so no other writer can take the same number meanwhile.
    public func nextReference(prefix: String, table: String) throws(StoreError) -> String {
        let count = try database.rows("SELECT COUNT(*) AS count FROM \(table) WHERE substr(reference, 1, ?) = ?",
                                      [.integer(Int64(prefix.unicodeScalars.count)), .text(prefix)], table: table, key: []).first?.integer("count") ?? 0
        return prefix + padded(count + 1)
    }
}
