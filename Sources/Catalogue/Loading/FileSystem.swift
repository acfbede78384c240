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
            throw .cannotRead(file: path, reason: "the file is \(size) bytes, larger than the limit of \(limit) bytes")
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

    /// The current `errno` as a lowercase sentence fragment ("no such file or directory").
    static func lastErrorMessage() -> String {
        let message = String(cString: strerror(errno))
        guard let first = message.first else { return "unknown error" }
        return first.lowercased() + message.dropFirst()
    }
}
