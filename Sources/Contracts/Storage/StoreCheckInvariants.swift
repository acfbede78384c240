import Catalogue
import JSON

extension StoreCheck {
    static func quotes(_ database: Database) throws(StoreError) -> [StoreFinding] {
        var findings: [StoreFinding] = []
        for row in try database.query("""
            SELECT q.id, q.reference, o.id, o.first_year, o.years,
                (SELECT COUNT(*) FROM offer_lines l WHERE l.offer_id = o.id),
                (SELECT COUNT(*) FROM quote_lines l WHERE l.quote_id = q.id),
                length(q.document_html) * length(q.document_markdown) * length(q.document_json)
            FROM quotes q LEFT JOIN offers o ON o.id = q.offer_id ORDER BY q.id
            """) {
            guard let id = row[0].integer else { continue }
            let subject = "quote \(row[1].text ?? String(id))"
            guard let firstYear = row[3].integer, let years = row[4].integer else {
                findings.append(StoreFinding(kind: .missing, subject: subject, message: "its offer is missing"))
                continue
            }
            if (row[5].integer ?? 0) > 0 && (row[6].integer ?? 0) == 0 {
                findings.append(StoreFinding(kind: .missing, subject: subject, message: "has no frozen lines (quote_lines)"))
            }
            if (row[7].integer ?? 0) == 0 {
                findings.append(StoreFinding(kind: .missing, subject: subject, message: "a frozen document is missing or empty"))
            }
            findings += try quoteYears(id, years: firstYear...(firstYear + max(0, years - 1)), subject: subject, database: database)
            findings += try sealFindings(.quote, id: id, subject: subject, database: database)
        }
        return findings
    }

    private static func quoteYears(_ quoteID: Int64, years: ClosedRange<Int64>, subject: String, database: Database) throws(StoreError) -> [StoreFinding] {
        var findings: [StoreFinding] = []
        var found: Set<Int64> = []
        for row in try database.query("""
            SELECT y.year, y.book_hash, b.hash FROM quote_years y LEFT JOIN tariff_books b ON b.hash = y.book_hash
            WHERE y.quote_id = ? ORDER BY y.year
            """, [.integer(quoteID)]) {
            if let year = row[0].integer { found.insert(year) }
            if row[2] == .null {
                findings.append(StoreFinding(kind: .missing, subject: subject,
                                             message: "the book \(row[1].text ?? "?") of \(row[0].integer.map(String.init) ?? "?") is not stored"))
            }
        }
        for year in years where !found.contains(year) {
            findings.append(StoreFinding(kind: .missing, subject: subject, message: "has no frozen year \(year) (quote_years)"))
        }
        return findings
    }

    static func agreements(_ database: Database) throws(StoreError) -> [StoreFinding] {
        var findings: [StoreFinding] = []
        for row in try database.query("""
            SELECT a.id, a.reference, q.id, o.status FROM agreements a LEFT JOIN quotes q ON q.id = a.quote_id
            LEFT JOIN offers o ON o.id = q.offer_id ORDER BY a.id
            """) {
            guard let id = row[0].integer else { continue }
            let subject = "agreement \(row[1].text ?? String(id))"
            if row[2] == .null {
                findings.append(StoreFinding(kind: .missing, subject: subject, message: "its quote is missing"))
            } else if row[3].text != OfferStatus.accepted.rawValue {
                findings.append(StoreFinding(kind: .state, subject: subject,
                                             message: "its offer is \(row[3].text ?? "missing"), not accepted"))
            }
            findings += try sealFindings(.agreement, id: id, subject: subject, database: database)
        }
        return findings
    }

    static func amendments(_ database: Database) throws(StoreError) -> [StoreFinding] {
        var findings: [StoreFinding] = []
        for row in try database.query("""
            SELECT m.id, m.reference, a.id FROM amendments m LEFT JOIN agreements a ON a.id = m.agreement_id ORDER BY m.id
            """) {
            guard let id = row[0].integer else { continue }
            let subject = "amendment \(row[1].text ?? String(id))"
            if row[2] == .null { findings.append(StoreFinding(kind: .missing, subject: subject, message: "its agreement is missing")) }
            findings += try sealFindings(.amendment, id: id, subject: subject, database: database)
        }
        return findings
    }

    /// Each status agrees with what exists: a quote exactly when issued or later, an agreement
    /// exactly when accepted, a newer version when superseded.
    static func offers(_ database: Database) throws(StoreError) -> [StoreFinding] {
        var findings: [StoreFinding] = []
        for row in try database.query("""
            SELECT o.id, o.status, q.id, a.id, (SELECT COUNT(*) FROM offers n WHERE n.supersedes = o.id)
            FROM offers o LEFT JOIN quotes q ON q.offer_id = o.id LEFT JOIN agreements a ON a.quote_id = q.id ORDER BY o.id
            """) {
            guard let id = row[0].integer, let status = row[1].text.flatMap(OfferStatus.init(rawValue:)) else { continue }
            let hasQuote = row[2] != .null
            let hasAgreement = row[3] != .null
            let expected: String? = switch status {
            case .draft where hasQuote: "a draft has no quote, but this one has quote \(row[2].integer ?? 0)"
            case .issued where !hasQuote, .accepted where !hasQuote, .superseded where !hasQuote: "it is \(status) but has no quote"
            case .accepted where !hasAgreement: "it is accepted but has no agreement"
            case .issued where hasAgreement, .superseded where hasAgreement, .withdrawn where hasAgreement:
                "it is \(status) but has agreement \(row[3].integer ?? 0)"
            case .superseded where (row[4].integer ?? 0) == 0: "it is superseded but no newer version names it"
            default: nil
            }
            if let expected { findings.append(StoreFinding(kind: .state, subject: "offer \(id)", message: expected)) }
        }
        return findings
    }

    /// Every row read the way the tool reads it: a value that does not decode is a finding.
    static func values(_ store: CatalogueStore) throws(StoreError) -> [StoreFinding] {
        var findings: [StoreFinding] = []
        func attempt(_ subject: String, _ read: () throws(StoreError) -> Void) {
            do { try read() } catch { findings.append(StoreFinding(kind: .value, subject: subject, message: error.description)) }
        }
        for row in try store.database.query("SELECT id FROM offers ORDER BY id") {
            guard let id = row[0].integer else { continue }
            attempt("offer \(id)") { () throws(StoreError) in _ = try store.offer(id) }
        }
        for row in try store.database.query("SELECT id FROM quotes ORDER BY id") {
            guard let id = row[0].integer else { continue }
            attempt("quote \(id)") { () throws(StoreError) in _ = try store.quote(id: id) }
        }
        for row in try store.database.query("SELECT id, quote_id FROM agreements ORDER BY id") {
            guard let id = row[0].integer, let quoteID = row[1].integer else { continue }
            attempt("agreement \(id)") { () throws(StoreError) in
                _ = try store.agreement(quoteID: quoteID)
                _ = try store.amendments(agreementID: id)
            }
        }
        attempt("audit log") { () throws(StoreError) in _ = try store.auditLog() }
        return findings
    }
}
