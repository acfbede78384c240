import CSQLite

/// The schema, as numbered migrations. A database records the last one applied in
/// `PRAGMA user_version`; opening applies the missing ones in order, each in its own
/// transaction, so a failing step leaves the database as it was.
///
/// Never edit a migration that has shipped: add a new one.
public enum Migrations {
    /// One step of the schema.
    public struct Migration: Sendable {
        /// Its number: 1, 2, 3, …
        public var version: Int
        /// What it does.
        public var summary: String
        /// The SQL.
        public var sql: String
        /// A step in Swift after the SQL, in the same transaction (computing hashes SQLite cannot).
        public var then: (@Sendable (Database) throws(StoreError) -> Void)?
        /// Whether the SQL rebuilds a table other tables refer to (SQLite's twelve steps: make the
        /// new table, copy, drop the old one, rename, recreate its indexes and triggers). Foreign
        /// keys are then switched off around the transaction, as SQLite requires, and checked with
        /// `PRAGMA foreign_key_check` before it commits.
        public var rebuildsTables: Bool

        /// Creates a migration.
        public init(version: Int, summary: String, sql: String, rebuildsTables: Bool = false,
                    then: (@Sendable (Database) throws(StoreError) -> Void)? = nil) {
            self.version = version
            self.summary = summary
            self.sql = sql
            self.rebuildsTables = rebuildsTables
            self.then = then
        }
    }

    /// Every migration, in order.
    public static let all: [Migration] = [
        Migration(version: 1, summary: "tariff books, municipalities, offers and the audit log", sql: """
            CREATE TABLE tariff_books (
                hash TEXT PRIMARY KEY,
                year INTEGER NOT NULL,
                source TEXT NOT NULL,
                content TEXT NOT NULL,
                imported_at TEXT NOT NULL
            );
            CREATE INDEX tariff_books_by_year ON tariff_books (year);
            CREATE TABLE municipalities (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                profile TEXT NOT NULL,
                profile_hash TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE TABLE offers (
                id INTEGER PRIMARY KEY,
                reference TEXT NOT NULL,
                version INTEGER NOT NULL CHECK (version >= 1),
                supersedes INTEGER REFERENCES offers (id),
                municipality TEXT NOT NULL REFERENCES municipalities (code),
                first_year INTEGER NOT NULL,
                years INTEGER NOT NULL CHECK (years BETWEEN 1 AND 20),
                title TEXT,
                status TEXT NOT NULL CHECK (status IN ('draft', 'issued', 'accepted', 'superseded')),
                created_at TEXT NOT NULL,
                UNIQUE (reference, version)
            );
            CREATE TABLE offer_lines (
                offer_id INTEGER NOT NULL REFERENCES offers (id),
                position INTEGER NOT NULL,
                line TEXT NOT NULL,
                PRIMARY KEY (offer_id, position)
            );
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                who TEXT NOT NULL,
                action TEXT NOT NULL,
                entity TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                before TEXT,
                after TEXT
            );
            CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            """),
        Migration(version: 2, summary: "quotes frozen at issue, with their lines, years and documents", sql: """
            CREATE TABLE quotes (
                id INTEGER PRIMARY KEY,
                offer_id INTEGER NOT NULL UNIQUE REFERENCES offers (id),
                reference TEXT NOT NULL UNIQUE,
                issued_on TEXT NOT NULL,
                valid_until TEXT NOT NULL,
                municipality_cents INTEGER NOT NULL,
                school_cents INTEGER NOT NULL,
                school_vat_cents INTEGER NOT NULL,
                participants_cents INTEGER NOT NULL,
                profile TEXT NOT NULL,
                priced TEXT NOT NULL,
                document_html TEXT NOT NULL,
                document_markdown TEXT NOT NULL,
                document_json TEXT NOT NULL
            );
            CREATE TABLE quote_years (
                quote_id INTEGER NOT NULL REFERENCES quotes (id),
                year INTEGER NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('published', 'projected')),
                book_hash TEXT NOT NULL REFERENCES tariff_books (hash),
                book_file TEXT NOT NULL,
                projected_from INTEGER,
                municipality_cents INTEGER NOT NULL,
                school_cents INTEGER NOT NULL,
                participants_cents INTEGER NOT NULL,
                PRIMARY KEY (quote_id, year)
            );
            CREATE TABLE quote_lines (
                quote_id INTEGER NOT NULL REFERENCES quotes (id),
                year INTEGER NOT NULL,
                position INTEGER NOT NULL,
                service TEXT NOT NULL,
                component TEXT NOT NULL,
                tariff TEXT,
                subject TEXT,
                quantity TEXT NOT NULL,
                unit_price_cents INTEGER NOT NULL,
                amount_cents INTEGER NOT NULL,
                recurrence TEXT NOT NULL,
                payer TEXT NOT NULL,
                explanation TEXT NOT NULL,
                PRIMARY KEY (quote_id, year, position)
            );
            CREATE TRIGGER quotes_are_frozen BEFORE UPDATE ON quotes
                BEGIN SELECT RAISE(ABORT, 'an issued quote never changes'); END;
            CREATE TRIGGER quotes_are_kept BEFORE DELETE ON quotes
                BEGIN SELECT RAISE(ABORT, 'an issued quote never changes'); END;
            CREATE TRIGGER quote_years_are_frozen BEFORE UPDATE ON quote_years
                BEGIN SELECT RAISE(ABORT, 'an issued quote never changes'); END;
            CREATE TRIGGER quote_lines_are_frozen BEFORE UPDATE ON quote_lines
                BEGIN SELECT RAISE(ABORT, 'an issued quote never changes'); END;
            CREATE TRIGGER quote_lines_are_kept BEFORE DELETE ON quote_lines
                BEGIN SELECT RAISE(ABORT, 'an issued quote never changes'); END;
            """),
        Migration(version: 3, summary: "agreements", sql: """
            CREATE TABLE agreements (
                id INTEGER PRIMARY KEY,
                reference TEXT NOT NULL UNIQUE,
                quote_id INTEGER NOT NULL UNIQUE REFERENCES quotes (id),
                municipality TEXT NOT NULL REFERENCES municipalities (code),
                first_year INTEGER NOT NULL,
                last_year INTEGER NOT NULL,
                accepted_on TEXT NOT NULL,
                payment TEXT NOT NULL CHECK (payment IN ('quarterly', 'monthly', 'yearly')),
                status TEXT NOT NULL CHECK (status IN ('active', 'ended', 'terminated')),
                document_html TEXT NOT NULL,
                document_markdown TEXT NOT NULL,
                document_json TEXT NOT NULL
            );
            CREATE INDEX offers_by_municipality ON offers (municipality);
            """),
        Migration(version: 4, summary: "amendments to agreements, each frozen with its lines and documents", sql: """
            CREATE TABLE amendments (
                id INTEGER PRIMARY KEY,
                agreement_id INTEGER NOT NULL REFERENCES agreements (id),
                sequence INTEGER NOT NULL CHECK (sequence >= 1),
                reference TEXT NOT NULL UNIQUE,
                from_year INTEGER NOT NULL,
                dated TEXT NOT NULL,
                profile TEXT NOT NULL,
                lines TEXT NOT NULL,
                changes TEXT NOT NULL,
                municipality_before_cents INTEGER NOT NULL,
                municipality_after_cents INTEGER NOT NULL,
                document_html TEXT NOT NULL,
                document_markdown TEXT NOT NULL,
                document_json TEXT NOT NULL,
                UNIQUE (agreement_id, sequence)
            );
            CREATE TRIGGER amendments_are_frozen BEFORE UPDATE ON amendments
                BEGIN SELECT RAISE(ABORT, 'an amendment never changes; make a new one'); END;
            CREATE TRIGGER amendments_are_kept BEFORE DELETE ON amendments
                BEGIN SELECT RAISE(ABORT, 'an amendment never changes; make a new one'); END;
            """),
        Migration(version: 5, summary: "dated versions of municipality profiles", sql: """
            CREATE TABLE profile_versions (
                code TEXT NOT NULL REFERENCES municipalities (code),
                valid_from TEXT NOT NULL,
                profile TEXT NOT NULL,
                profile_hash TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                PRIMARY KEY (code, valid_from)
            );
            """),
        Migration(version: 6, summary: "the audit log refuses an entry whose before or after is not valid JSON", sql: """
            CREATE TRIGGER audit_log_before_is_json BEFORE INSERT ON audit_log
                WHEN NEW.before IS NOT NULL AND NOT json_valid(NEW.before)
                BEGIN SELECT RAISE(ABORT, 'an audit entry''s before must be valid JSON'); END;
            CREATE TRIGGER audit_log_after_is_json BEFORE INSERT ON audit_log
                WHEN NEW.after IS NOT NULL AND NOT json_valid(NEW.after)
                BEGIN SELECT RAISE(ABORT, 'an audit entry''s after must be valid JSON'); END;
            """),
        Migration(version: 7, summary: "SHA-256 seals of every frozen quote, agreement and amendment; frozen offers and agreements guarded", sql: """
            CREATE TABLE seals (
                entity TEXT NOT NULL CHECK (entity IN ('quote', 'agreement', 'amendment')),
                entity_id INTEGER NOT NULL,
                part TEXT NOT NULL,
                hash TEXT NOT NULL,
                PRIMARY KEY (entity, entity_id, part)
            );
            CREATE TRIGGER seals_are_frozen BEFORE UPDATE ON seals
                BEGIN SELECT RAISE(ABORT, 'a seal never changes'); END;
            CREATE TRIGGER seals_are_kept BEFORE DELETE ON seals
                BEGIN SELECT RAISE(ABORT, 'a seal never changes'); END;
            CREATE TRIGGER agreements_are_frozen BEFORE UPDATE OF reference, quote_id, municipality, first_year, last_year, accepted_on,
                payment, document_html, document_markdown, document_json ON agreements
                BEGIN SELECT RAISE(ABORT, 'an agreement never changes; amend it'); END;
            CREATE TRIGGER agreements_are_kept BEFORE DELETE ON agreements
                BEGIN SELECT RAISE(ABORT, 'an agreement never changes; amend it'); END;
            CREATE TRIGGER offer_status_moves_forward BEFORE UPDATE OF status ON offers
                WHEN NOT ((OLD.status = 'draft' AND NEW.status IN ('issued', 'withdrawn'))
                    OR (OLD.status = 'issued' AND NEW.status IN ('accepted', 'superseded', 'withdrawn')))
                BEGIN SELECT RAISE(ABORT, 'an offer''s status only moves forward: draft, issued, then accepted, superseded or withdrawn'); END;
            CREATE TRIGGER issued_offers_are_frozen BEFORE UPDATE OF reference, version, supersedes, municipality, first_year, years, title ON offers
                WHEN OLD.status <> 'draft'
                BEGIN SELECT RAISE(ABORT, 'only a draft offer changes'); END;
            CREATE TRIGGER issued_offer_lines_are_frozen_update BEFORE UPDATE ON offer_lines
                WHEN (SELECT status FROM offers WHERE id = OLD.offer_id) <> 'draft'
                BEGIN SELECT RAISE(ABORT, 'only a draft offer''s lines change'); END;
            CREATE TRIGGER issued_offer_lines_are_frozen_delete BEFORE DELETE ON offer_lines
                WHEN (SELECT status FROM offers WHERE id = OLD.offer_id) <> 'draft'
                BEGIN SELECT RAISE(ABORT, 'only a draft offer''s lines change'); END;
            CREATE TRIGGER issued_offer_lines_are_frozen_insert BEFORE INSERT ON offer_lines
                WHEN (SELECT status FROM offers WHERE id = NEW.offer_id) <> 'draft'
                BEGIN SELECT RAISE(ABORT, 'only a draft offer''s lines change'); END;
            """, then: { (database) throws(StoreError) in try Seals.sealEverything(database) }),
        Migration(version: 8, summary: "an offer can be withdrawn: the offers table is rebuilt with 'withdrawn' among its statuses",
                  sql: withdrawableOffers, rebuildsTables: true),
    ]

    /// Migration 8: `offers` rebuilt with the same columns, rows, index and triggers, its status
    /// check admitting `withdrawn`. The triggers on `offer_lines` read `offers`, so they are
    /// dropped before and made again after the rename.
    static let withdrawableOffers = """
        CREATE TABLE offers_new (
            id INTEGER PRIMARY KEY,
            reference TEXT NOT NULL,
            version INTEGER NOT NULL CHECK (version >= 1),
            supersedes INTEGER REFERENCES offers (id),
            municipality TEXT NOT NULL REFERENCES municipalities (code),
            first_year INTEGER NOT NULL,
            years INTEGER NOT NULL CHECK (years BETWEEN 1 AND 20),
            title TEXT,
            status TEXT NOT NULL CHECK (status IN ('draft', 'issued', 'accepted', 'superseded', 'withdrawn')),
            created_at TEXT NOT NULL,
            UNIQUE (reference, version)
        );
        INSERT INTO offers_new (id, reference, version, supersedes, municipality, first_year, years, title, status, created_at)
            SELECT id, reference, version, supersedes, municipality, first_year, years, title, status, created_at FROM offers;
        DROP TRIGGER issued_offer_lines_are_frozen_update;
        DROP TRIGGER issued_offer_lines_are_frozen_delete;
        DROP TRIGGER issued_offer_lines_are_frozen_insert;
        DROP TABLE offers;
        ALTER TABLE offers_new RENAME TO offers;
        CREATE INDEX offers_by_municipality ON offers (municipality);
        CREATE TRIGGER offer_status_moves_forward BEFORE UPDATE OF status ON offers
            WHEN NOT ((OLD.status = 'draft' AND NEW.status IN ('issued', 'withdrawn'))
                OR (OLD.status = 'issued' AND NEW.status IN ('accepted', 'superseded', 'withdrawn')))
            BEGIN SELECT RAISE(ABORT, 'an offer''s status only moves forward: draft, issued, then accepted, superseded or withdrawn'); END;
        CREATE TRIGGER issued_offers_are_frozen BEFORE UPDATE OF reference, version, supersedes, municipality, first_year, years, title ON offers
            WHEN OLD.status <> 'draft'
            BEGIN SELECT RAISE(ABORT, 'only a draft offer changes'); END;
        CREATE TRIGGER issued_offer_lines_are_frozen_update BEFORE UPDATE ON offer_lines
            WHEN (SELECT status FROM offers WHERE id = OLD.offer_id) <> 'draft'
            BEGIN SELECT RAISE(ABORT, 'only a draft offer''s lines change'); END;
        CREATE TRIGGER issued_offer_lines_are_frozen_delete BEFORE DELETE ON offer_lines
            WHEN (SELECT status FROM offers WHERE id = OLD.offer_id) <> 'draft'
            BEGIN SELECT RAISE(ABORT, 'only a draft offer''s lines change'); END;
        CREATE TRIGGER issued_offer_lines_are_frozen_insert BEFORE INSERT ON offer_lines
            WHEN (SELECT status FROM offers WHERE id = NEW.offer_id) <> 'draft'
            BEGIN SELECT RAISE(ABORT, 'only a draft offer''s lines change'); END;
        """

    /// The schema version this program writes.
    public static var latest: Int { all.last?.version ?? 0 }

    /// Applies the migrations the database lacks, each in its own transaction, up to `target`.
    public static func migrate(_ database: Database, upTo target: Int = latest, using migrations: [Migration] = all) throws(StoreError) {
        let current = try version(of: database)
        guard current <= (migrations.last?.version ?? 0) else {
            throw StoreError(operation: "open \(database.path)",
                             message: "the database has schema version \(current), newer than this program's \(latest); use a newer catalogue-cli",
                             code: 1, sql: nil)
        }
        for migration in migrations where migration.version > current && migration.version <= target {
            // SQLite ignores this pragma inside a transaction: it is switched before BEGIN.
            if migration.rebuildsTables { try database.execute("PRAGMA foreign_keys = OFF") }
            defer { if migration.rebuildsTables { try? database.execute("PRAGMA foreign_keys = ON") } }
            try database.transaction { () throws(StoreError) in
                // Read again inside the lock: another process may have migrated meanwhile.
                guard try version(of: database) < migration.version else { return }
                try database.execute(migration.sql)
                try migration.then?(database)
                if migration.rebuildsTables { try checkForeignKeys(database, migration: migration) }
                try database.execute("PRAGMA user_version = \(migration.version)")
            }
        }
    }

    /// Refuses (rolling the migration back) a rebuild after which a row refers to one that is gone.
    private static func checkForeignKeys(_ database: Database, migration: Migration) throws(StoreError) {
        let problems = try database.query("PRAGMA foreign_key_check")
        guard let first = problems.first else { return }
        let row = first.count > 1 ? first[1].integer.map(String.init) ?? "?" : "?"
        throw StoreError(operation: "migrate \(database.path) to schema version \(migration.version)",
                         message: "\(problems.count) row(s) refer to a row that does not exist, the first in \(first.first?.text ?? "?") row \(row); "
                            + "the database is left at its previous version", code: SQLITE_CONSTRAINT, sql: "PRAGMA foreign_key_check")
    }

    /// Refuses, without changing anything, a database that is not at this program's schema:
    /// empty, another program's, older (not migrated yet) or newer.
    public static func requireLatest(_ database: Database) throws(StoreError) {
        let current = try version(of: database)
        guard current != latest else { return }
        let objects = try database.query("SELECT COUNT(*) FROM sqlite_master").first?.first?.integer ?? 0
        let message = if current == 0 && objects == 0 {
            "the file is empty, not a catalogue database yet (the first command that writes makes one)"
        } else if current == 0 {
            "this is an SQLite database of another program (it has \(objects) tables or indexes and no catalogue schema); it is left as it is"
        } else if current > latest {
            "the database has schema version \(current), newer than this program's \(latest); use a newer catalogue-cli"
        } else {
            "the database has schema version \(current), older than this program's \(latest); 'catalogue-cli store migrate' upgrades it"
        }
        throw StoreError(operation: "open \(database.path)", message: message, code: 1, sql: nil)
    }

    /// The schema version recorded in the file.
    public static func version(of database: Database) throws(StoreError) -> Int {
        Int(try database.query("PRAGMA user_version").first?.first?.integer ?? 0)
    }
}
