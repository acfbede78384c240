import Catalogue
import JSON
import Support

/// One problem `StoreCheck` found.
public struct StoreFinding: Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem.
    public enum Kind: String, Sendable {
        /// SQLite's own integrity or foreign-key check failed.
        case integrity
        /// A stored SHA-256 does not match what it covers: changed outside the tool.
        case hash
        /// Something frozen is missing (a quote's lines, an agreement's quote).
        case missing
        /// A state that the tool never writes (an accepted offer without agreement).
        case state
        /// A stored value that does not decode.
        case value
    }

    public var kind: Kind
    /// What it is about: "quote OFF-2026-001-v1", "tariff book sha256:… (2025)", "offer 3".
    public var subject: String
    public var message: String

    /// Creates a finding.
    public init(kind: Kind, subject: String, message: String) {
        self.kind = kind
        self.subject = subject
        self.message = message
    }

    public var description: String { "\(subject): \(message)" }
}

/// Checks a store: SQLite's integrity check, then the logical invariants the tool keeps (every
/// issued quote has its frozen lines, years, books and documents; every agreement its quote;
/// statuses that agree with what exists), every stored SHA-256 recomputed, and every row read
/// strictly. Reads only.
public enum StoreCheck {
    /// Every finding, in a stable order; [] for a sound store.
    public static func run(_ store: CatalogueStore) throws(StoreError) -> [StoreFinding] {
        let database = store.database
        var findings = try integrity(database)
        findings += try books(database)
        findings += try profiles(database)
        findings += try quotes(database)
        findings += try agreements(database)
        findings += try amendments(database)
        findings += try offers(database)
        findings += try values(store)
        return findings
    }

    static func integrity(_ database: Database) throws(StoreError) -> [StoreFinding] {
        var findings: [StoreFinding] = []
        for row in try database.query("PRAGMA integrity_check") {
            let text = row.first?.text ?? "?"
            if text != "ok" { findings.append(StoreFinding(kind: .integrity, subject: "database", message: text)) }
        }
        for row in try database.query("PRAGMA foreign_key_check") {
            let table = row[0].text ?? "?"
            let rowID = row[1].integer.map(String.init) ?? "?"
            findings.append(StoreFinding(kind: .integrity, subject: "\(table) row \(rowID)",
                                         message: "refers to a missing row of \(row[2].text ?? "?")"))
        }
        return findings
    }

    static func sha256(_ value: SQLValue) -> String? {
        value.text.map { "sha256:" + SHA256.hex(Array($0.utf8)) }
    }

    static func books(_ database: Database) throws(StoreError) -> [StoreFinding] {
        var findings: [StoreFinding] = []
        for row in try database.query("SELECT hash, year, content FROM tariff_books ORDER BY year, hash") {
            let hash = row[0].text ?? "?"
            if sha256(row[2]) != hash {
                findings.append(StoreFinding(kind: .hash, subject: "tariff book \(hash) (\(row[1].integer.map(String.init) ?? "?"))",
                                             message: "its content does not match its SHA-256"))
            }
        }
        return findings
    }

    static func profiles(_ database: Database) throws(StoreError) -> [StoreFinding] {
        var findings: [StoreFinding] = []
        for row in try database.query("SELECT code, profile, profile_hash FROM municipalities ORDER BY code") where sha256(row[1]) != row[2].text {
            findings.append(StoreFinding(kind: .hash, subject: "municipality \(row[0].text ?? "?")", message: "its profile does not match its SHA-256"))
        }
        for row in try database.query("SELECT code, valid_from, profile, profile_hash FROM profile_versions ORDER BY code, valid_from")
        where sha256(row[2]) != row[3].text {
            findings.append(StoreFinding(kind: .hash, subject: "municipality \(row[0].text ?? "?") version from \(row[1].text ?? "?")",
                                         message: "its profile does not match its SHA-256"))
        }
        return findings
    }

    static func sealFindings(_ entity: Seals.Entity, id: Int64, subject: String, database: Database) throws(StoreError) -> [StoreFinding] {
        try Seals.mismatches(entity, id: id, database: database).map { StoreFinding(kind: .hash, subject: subject, message: $0) }
    }
}
