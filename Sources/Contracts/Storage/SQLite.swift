import CSQLite
#if canImport(Glibc)
import Glibc
#endif

/// A database error: what failed, SQLite's message and code, and the SQL it ran.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What the tool was doing, e.g. "open catalogue.sqlite".
    public var operation: String
    /// SQLite's message.
    public var message: String
    /// SQLite's primary result code.
    public var code: Int32
    /// The statement, when one was running.
    public var sql: String?
    /// For a stored value that does not decode: the table, column and row (e.g. "id 3").
    public var table: String?
    public var column: String?
    public var row: String?

    /// Creates an error.
    public init(operation: String, message: String, code: Int32, sql: String?, table: String? = nil, column: String? = nil, row: String? = nil) {
        self.operation = operation
        self.message = message
        self.code = code
        self.sql = sql
        self.table = table
        self.column = column
        self.row = row
    }

    /// A stored value that is not what the schema promises: never replaced by a default.
    public static func badValue(table: String, column: String, row: String, _ message: String) -> StoreError {
        StoreError(operation: "read \(table) row \(row)", message: "column \(column): \(message)", code: SQLITE_MISMATCH, sql: nil,
                   table: table, column: column, row: row)
    }

    public var description: String {
        var text = "\(operation): \(message)"
        if let sql { text += " (while running: \(sql.split(separator: "\n").map { $0.trimmingSpaces }.joined(separator: " ")))" }
        return text
    }

    /// Whether another connection held the lock past the busy timeout.
    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }
}

extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}

/// A value bound to, or read from, a statement. Money is always `.integer` (cents).
public enum SQLValue: Sendable, Equatable {
    case integer(Int64)
    case text(String)
    case null
}

/// One SQLite connection: WAL, foreign keys, a busy timeout, full synchronous writes.
///
/// Every multi-row change goes through `transaction`, which starts with `BEGIN IMMEDIATE` (so a
/// writer waits for the lock up front instead of failing half-way), commits when the body
/// returns and rolls back when it throws, rethrowing the first error.
public final class Database {
    /// The file, as the user named it.
    public let path: String
    private var handle: OpaquePointer?

    /// How long a statement waits for another process's lock before giving up.
    public static let busyTimeoutMilliseconds: Int32 = 10_000

    /// Opens the database file. `.readWrite` creates a missing file and switches on WAL;
    /// `.readOnly` never creates, converts or writes anything, and falls back to reading the file
    /// as immutable when it sits on read-only media. Either way the path must name a regular file
    /// (or, for writing, nothing yet): an empty path, `:memory:`, a directory or a device is refused
    /// before anything happens, and so is another program's SQLite file.
    public init(path: String, mode: StoreMode = .readWrite) throws(StoreError) {
        self.path = path
        self.mode = mode
        try StorePath.check(path, mode: mode)
        switch mode {
        case .readWrite:
            handle = try Self.connect(path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX)
            try execute("PRAGMA foreign_keys = ON")
            try refuseForeign()
            try retryingWhenBusy { () throws(StoreError) in try execute("PRAGMA journal_mode = WAL") }
            try execute("PRAGMA synchronous = FULL")
        case .readOnly:
            handle = try Self.connect(path, flags: SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX)
            do {
                _ = try query("SELECT COUNT(*) FROM sqlite_master")
            } catch where error.code == SQLITE_CANTOPEN || error.code == SQLITE_READONLY || error.code == SQLITE_IOERR {
                // A WAL database on read-only media: its -shm file cannot be made. Nobody can be
                // writing it there, so read it as immutable.
                sqlite3_close_v2(handle)
                handle = try Self.connect(StorePath.immutableURI(path), flags: SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI)
                _ = try query("SELECT COUNT(*) FROM sqlite_master")
            }
            try execute("PRAGMA foreign_keys = ON")
        }
    }

    /// How the file was opened.
    public let mode: StoreMode

    private static func connect(_ name: String, flags: Int32) throws(StoreError) -> OpaquePointer {
        var connection: OpaquePointer?
        let result = sqlite3_open_v2(name, &connection, flags, nil)
        guard result == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(connection)
            throw StoreError(operation: "open \(name)", message: message, code: result, sql: nil)
        }
        sqlite3_busy_timeout(connection, Self.busyTimeoutMilliseconds)
        sqlite3_extended_result_codes(connection, 0)
        return connection
    }

    /// Refuses an SQLite file of another program: tables, but no catalogue schema version.
    private func refuseForeign() throws(StoreError) {
        let version = try query("PRAGMA user_version").first?.first?.integer ?? 0
        let objects = try query("SELECT COUNT(*) FROM sqlite_master").first?.first?.integer ?? 0
        guard version == 0 && objects > 0 else { return }
        throw StoreError(operation: "open \(path)",
                         message: "this is an SQLite database of another program (it has \(objects) tables or indexes and no catalogue schema); it is left as it is",
                         code: SQLITE_MISMATCH, sql: nil)
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements without results.
    public func execute(_ sql: String) throws(StoreError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let result = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if result != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(errorMessage)
            throw StoreError(operation: "run a statement", message: message, code: result, sql: sql)
        }
    }

    /// Runs a statement with bound values and returns every row.
    @discardableResult
    public func query(_ sql: String, _ values: [SQLValue] = []) throws(StoreError) -> [[SQLValue]] {
        let statement = try Statement(database: self, sql: sql)
        try statement.bind(values)
        var rows: [[SQLValue]] = []
        while let row = try statement.step() {
            rows.append(row)
        }
        return rows
    }

    /// Runs a query over one table and returns its rows by column name. `key` names the columns
    /// that identify a row, for errors ("id 3"; "offer_id 3, position 2").
    public func rows(_ sql: String, _ values: [SQLValue] = [], table: String, key: [String] = ["id"]) throws(StoreError) -> [Row] {
        let statement = try Statement(database: self, sql: sql)
        try statement.bind(values)
        let names = statement.columnNames
        var index: [String: Int] = [:]
        for (offset, name) in names.enumerated() where index[name] == nil { index[name] = offset }
        var rows: [Row] = []
        while let row = try statement.stepTyped() {
            rows.append(Row(table: table, key: key, index: index, values: row.values, kinds: row.kinds))
        }
        return rows
    }

    /// The id of the last inserted row.
    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Whether a transaction is open on this connection.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    public func transaction<Result>(_ body: () throws(StoreError) -> Result) throws(StoreError) -> Result {
        try transaction(mapping: { $0 }, body)
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction, so everything it reads stays true until it
    /// commits: committed when it returns, rolled back when it throws, the database's own failures
    /// turned into `Failure` by `mapping`. Inside a transaction already open on this connection,
    /// `body` simply joins it (the outer one commits or rolls back).
    public func transaction<Result, Failure: Error>(mapping: (StoreError) -> Failure,
                                                    _ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        if isInTransaction { return try body() }
        do { try retryingWhenBusy { () throws(StoreError) in try execute("BEGIN IMMEDIATE") } } catch { throw mapping(error) }
        let result: Result
        do {
            result = try body()
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
        do {
            try retryingWhenBusy { () throws(StoreError) in try execute("COMMIT") }
        } catch {
            try? execute("ROLLBACK")
            throw mapping(error)
        }
        return result
    }

    /// Retries an operation that found the database locked past the busy timeout, a few times
    /// with a growing pause, so concurrent writers queue instead of failing.
    func retryingWhenBusy(_ operation: () throws(StoreError) -> Void) throws(StoreError) {
        var attempt = 0
        while true {
            do {
                try operation()
                return
            } catch {
                guard error.isBusy, attempt < 5 else { throw error }
                attempt += 1
                usleep(UInt32(20_000 * attempt))
            }
        }
    }

    fileprivate var connection: OpaquePointer? { handle }

    fileprivate func error(_ operation: String, _ result: Int32, sql: String) -> StoreError {
        StoreError(operation: operation, message: String(cString: sqlite3_errmsg(handle)), code: result, sql: sql)
    }
}

/// A prepared statement; finalized when it goes away.
final class Statement {
    private let database: Database
    private let sql: String
    private var handle: OpaquePointer?

    init(database: Database, sql: String) throws(StoreError) {
        self.database = database
        self.sql = sql
        let result = sqlite3_prepare_v2(database.connection, sql, -1, &handle, nil)
        guard result == SQLITE_OK else { throw database.error("prepare a statement", result, sql: sql) }
    }

    deinit {
        sqlite3_finalize(handle)
    }

    func bind(_ values: [SQLValue]) throws(StoreError) {
        // SQLite copies the text during the bind call (SQLITE_TRANSIENT), so the Swift string
        // may go away afterwards.
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let result: Int32
            switch value {
            case .integer(let number): result = sqlite3_bind_int64(handle, index, number)
            case .text(let text): result = sqlite3_bind_text(handle, index, text, -1, transient)
            case .null: result = sqlite3_bind_null(handle, index)
            }
            guard result == SQLITE_OK else { throw database.error("bind a value", result, sql: sql) }
        }
    }

    func step() throws(StoreError) -> [SQLValue]? {
        try stepTyped()?.values
    }

    /// The column names of the result.
    var columnNames: [String] {
        (0..<sqlite3_column_count(handle)).map { String(cString: sqlite3_column_name(handle, $0)) }
    }

    /// The next row's values with SQLite's storage class of each (SQLITE_INTEGER, SQLITE_FLOAT, …).
    func stepTyped() throws(StoreError) -> (values: [SQLValue], kinds: [Int32])? {
        let result = sqlite3_step(handle)
        switch result {
        case SQLITE_ROW:
            let count = sqlite3_column_count(handle)
            var values: [SQLValue] = []
            var kinds: [Int32] = []
            for column in 0..<count {
                let kind = sqlite3_column_type(handle, column)
                kinds.append(kind)
                switch kind {
                case SQLITE_INTEGER: values.append(.integer(sqlite3_column_int64(handle, column)))
                case SQLITE_NULL: values.append(.null)
                default:
                    // Text, and the text of a real number or a blob, so a mistyped value can be shown.
                    let bytes = sqlite3_column_text(handle, column)
                    let length = Int(sqlite3_column_bytes(handle, column))
                    values.append(bytes.map { .text(String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)) } ?? .null)
                }
            }
            return (values, kinds)
        case SQLITE_DONE:
            return nil
        default:
            throw database.error("run a statement", result, sql: sql)
        }
    }
}

extension SQLValue {
    /// The integer, or nil.
    public var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The text, or nil.
    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }
}
