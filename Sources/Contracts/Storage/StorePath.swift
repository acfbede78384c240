import CSQLite
#if canImport(Glibc)
import Glibc
#endif

/// How a store is opened.
public enum StoreMode: Sendable {
    /// Reading only: nothing is created, migrated or converted (list, show, quote, store check).
    case readOnly
    /// Reading and writing: a missing file is created and migrated.
    case readWrite
}

/// What a database path must be: a regular file (or, for writing, nothing yet, to be created).
enum StorePath {
    static func refuse(_ path: String, _ message: String) -> StoreError {
        StoreError(operation: "open \(path.isEmpty ? "''" : path)", message: message, code: SQLITE_CANTOPEN, sql: nil)
    }

    /// Refuses what is not a database file, before SQLite opens (and perhaps creates) anything.
    static func check(_ path: String, mode: StoreMode) throws(StoreError) {
        if path.isEmpty {
            throw refuse(path, "an empty name is a temporary database whose changes are lost; name a database file")
        }
        if path == ":memory:" || path.hasPrefix("file:") {
            throw refuse(path, "'\(path)' is not a file (SQLite would keep the database in memory or read it as a URI); name a database file")
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = errno
            if reason == ENOENT && mode == .readWrite { return }
            if reason == ENOENT {
                throw refuse(path, "no such database; commands that only read never create one (the first command that writes does, e.g. 'catalogue-cli municipality import')")
            }
            throw refuse(path, String(cString: strerror(reason)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw refuse(path, "is a directory, not a database file")
        default: throw refuse(path, "is not a regular file (a device, FIFO or socket); name a database file")
        }
    }

    /// The URI that opens `path` read-only as immutable (for read-only media).
    static func immutableURI(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "%"), 0..<0x20, 0x7F...:
                let hex = Array("0123456789ABCDEF")
                encoded += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            default:
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return "file:" + encoded + "?immutable=1"
    }
}
