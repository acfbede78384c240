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

    /// Reads a whole regular file of at most `limit` bytes.
    ///
    /// A symbolic link to a regular file is read like the file (links to shared inputs are
    /// common, and reading through one writes nothing). Anything else that is not a regular file,
    /// a FIFO or a device, is refused at once ("not a regular file", exit 66): it is checked before
    /// the file is opened, so a device is never opened, and again on the opened descriptor, so
    /// what is read is what was checked. The open is non-blocking, so a FIFO put in place between
    /// the two checks cannot make the tool wait for a writer.
    public static func readFile(_ path: String, limit: Int = maximumInputBytes) throws(InputError) -> [UInt8] {
        guard !path.utf8.contains(0) else { throw .cannotRead(file: path, reason: "the path contains a NUL character") }
        var status = stat()
        if stat(path, &status) == 0, let kind = notRegularFile(status.st_mode) {
            throw .cannotRead(file: path, reason: readProblem(kind))
        }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotRead(file: path, reason: lastErrorMessage()) }
        defer { close(descriptor) }
        guard fstat(descriptor, &status) == 0 else { throw .cannotRead(file: path, reason: lastErrorMessage()) }
        if let kind = notRegularFile(status.st_mode) { throw .cannotRead(file: path, reason: readProblem(kind)) }
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

    /// "is a directory", or "is a FIFO, not a regular file" and the like.
    private static func readProblem(_ kind: String) -> String {
        kind == "a directory" ? "is a directory" : "is \(kind), not a regular file"
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
    /// An empty path is refused rather than read as the current folder.
    public static func createDirectories(_ path: String) throws(OutputError) {
        guard !path.isEmpty else { throw OutputError(file: path, reason: "an empty path names no folder") }
        guard !path.utf8.contains(0) else { throw OutputError(file: path, reason: "the path contains a NUL character") }
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if isDirectory(current) { continue }
            if mkdir(current, 0o755) != 0 && !isDirectory(current) {
                let reason = errno == EEXIST ? "\(current.hasPrefix("./") ? String(current.dropFirst(2)) : current) exists and is not a folder"
                                             : lastErrorMessage()
                throw OutputError(file: path, reason: reason)
            }
        }
    }

    /// A new private folder under /tmp (`prefix` then random characters), created with mode 0700.
    public static func temporaryDirectory(prefix: String) throws(OutputError) -> String {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!) != nil }
        guard created else { throw OutputError(file: "/tmp/\(prefix)-XXXXXX", reason: lastErrorMessage()) }
        return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Removes `path` and, when it is a folder, everything in it. Links are removed, never
    /// followed. Best effort: what cannot be removed stays.
    public static func removeTree(_ path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            for name in (try? contentsOfDirectory(path)) ?? [] { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
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
    /// Whether the path holds, or came to hold while writing, another file than the write may
    /// replace (see `ExistingOutput`); nothing was written, and the caller may read it again.
    public var isConflict: Bool

    /// Creates the error.
    public init(file: String, reason: String, isConflict: Bool = false) {
        self.file = file
        self.reason = reason
        self.isConflict = isConflict
    }

    public var description: String { "cannot create \(file): \(reason)" }
}
