import CSQLite

/// Contracts: offers, quotes and uitvoeringsovereenkomsten, their Dutch documents, and the
/// SQLite store that remembers every one of them.
///
/// It is the only module that touches the database (through the system library `CSQLite`).
public enum ContractsModule {
    /// The version of the SQLite library the tool is linked against, e.g. "3.40.1".
    public static var sqliteVersion: String {
        String(cString: sqlite3_libversion())
    }
}
