import CSQLite

/// Contracts: offers, quotes and uitvoeringsovereenkomsten, their Dutch documents, and the
/// SQLite store that remembers every one of them.
///
/// Folders in the order the data flows (each uses only those before it):
/// 1. `Terms`: the rules of an agreement that are not prices (payment schedules, dBos notice).
/// 2. `Storage`: the SQLite store: migrations, strict rows, records, seals, `StoreCheck`.
/// 3. `Documents`: the offerte, the uitvoeringsovereenkomst, wijzigingen and comparisons, as a
///    model and in HTML, Markdown and JSON.
/// 4. `Lifecycle`: issuing, accepting, amending, renewing and withdrawing, each read, check and
///    write in one transaction; the date rules.
///
/// It is the only module that touches the database (through the system library `CSQLite`); it
/// never parses command-line arguments and never prints (front ends do).
public enum ContractsModule {
    /// The version of the SQLite library the tool is linked against, e.g. "3.40.1".
    public static var sqliteVersion: String {
        String(cString: sqlite3_libversion())
    }
}
