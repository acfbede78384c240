import JSON
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Small POSIX file helpers, so loading a book never pulls Foundation onto the start-up path.
public enum FileSystem {
    /// The largest input file the tool reads (64 MiB); anything larger is refused before reading.
    public static let maximumInputBytes = 64 * 1024 * 1024
    /// The largest tariff book (8 MiB; the 2025 book is 35 KiB).
    public static let maximumBookBytes = 8 * 1024 * 1024
    /// The largest profile or offer (16 MiB; a profile of 5 000 schools is under 1 MiB).
    public static let maximumProfileOrOfferBytes = 16 * 1024 * 1024

    /// Reads a whole regular file.
    public static func readFile(_ path: String, limit: Int = maximumInputBytes) throws(InputError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotRead(file: path, reason: lastErrorMessage()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .cannotRead(file: path, reason: lastErrorMessage()) }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw .cannotRead(file: path, reason: (status.st_mode & S_IFMT) == S_IFDIR ? "is a directory" : "not a regular file")
        }
        let size = Int(status.st_size)
        guard size <= limit else {
            // The file can be read; its size is what is wrong, so this is bad input data.
            throw .invalid([Diagnostic(file: path, path: .root,
                                       message: "the file is \(size) bytes, larger than the limit of \(limit) bytes for this kind of input")])
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + offset, size - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .cannotRead(file: path, reason: lastErrorMessage())
            }
            if count == 0 { break }
            offset += count
        }
        return offset == size ? bytes : Array(bytes[0..<offset])
    }

    /// Whether a directory exists at `path`.
    public static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether a regular file exists at `path`.
    public static func isFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// The names in a directory, sorted, without `.` and `..`.
    public static func contentsOfDirectory(_ path: String) throws(InputError) -> [String] {
        guard let directory = opendir(path) else { throw .cannotRead(file: path, reason: lastErrorMessage()) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Creates a directory and any missing parents, like `mkdir -p`.
    public static func createDirectories(_ path: String) throws(OutputError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if isDirectory(current) { continue }
            if mkdir(current, 0o755) != 0 && !isDirectory(current) {
                throw OutputError(file: path, reason: lastErrorMessage())
            }
        }
    }

    /// Writes a whole file so that a reader (or a crash) sees either the old file or the new
    /// one, never half of it: the bytes go to a temporary file beside it, are flushed to disk,
    /// and the temporary file is renamed over the target.
    public static func writeFileAtomically(_ path: String, _ bytes: [UInt8]) throws(OutputError) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = "\(directory.isEmpty ? "/" : directory)/.\(name).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(file: path, reason: lastErrorMessage()) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = lastErrorMessage()
                close(descriptor)
                unlink(temporary)
                throw OutputError(file: path, reason: reason)
            }
            offset += written
        }
        guard fsync(descriptor) == 0, close(descriptor) == 0 else {
            let reason = lastErrorMessage()
            unlink(temporary)
            throw OutputError(file: path, reason: reason)
        }
        guard rename(temporary, path) == 0 else {
            let reason = lastErrorMessage()
            unlink(temporary)
            throw OutputError(file: path, reason: reason)
        }
        // Flush the directory entry too, so the rename itself survives a power cut.
        let directoryDescriptor = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// The current `errno` as a lowercase sentence fragment ("no such file or directory").
    static func lastErrorMessage() -> String {
        let message = String(cString: strerror(errno))
        guard let first = message.first else { return "unknown error" }
        return first.lowercased() + message.dropFirst()
    }
}

/// An output that could not be written (exit code 73).
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// Why, e.g. "permission denied".
    public var reason: String

    /// Creates the error.
    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var description: String { "cannot create \(file): \(reason)" }
}
