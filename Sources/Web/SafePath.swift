#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Joining a download folder and a file name from a request so the result cannot leave the
/// folder: by `..`, an absolute path, a NUL byte, a backslash, percent-encoded text (which would
/// be decoded once more by someone), or a symbolic link pointing out of the folder.
public enum SafePath {
    /// Why a path was refused.
    public enum Refusal: Error, Equatable, Sendable {
        /// The root is not an absolute path to an existing directory.
        case badRoot
        /// The relative path is empty, or has an empty, `.` or `..` segment.
        case badSegment
        /// The relative path starts with `/`.
        case absolute
        /// The relative path holds a NUL byte, a control character, a backslash or a `%`.
        case forbiddenCharacter
        /// A segment does not exist under the root.
        case missing
        /// A symbolic link leads out of the root.
        case escapesRoot
    }

    /// The real path (symbolic links resolved) of `relative` under `root`, which exists and lies
    /// inside `root`'s real path. Every segment is looked at with `lstat` on the way down; a
    /// symbolic link is followed only when its target stays inside the root.
    public static func join(root: String, relative: String) throws(Refusal) -> String {
        guard root.hasPrefix("/"), !root.utf8.contains(0), let realRoot = realPath(root) else { throw .badRoot }
        let segments = try checkedSegments(relative)
        var path = realRoot == "/" ? "" : realRoot
        for segment in segments {
            path += "/" + segment
            var status = stat()
            guard lstat(path, &status) == 0 else { throw .missing }
            if status.st_mode & S_IFMT == S_IFLNK {
                guard let target = realPath(path), isInside(target, root: realRoot) else { throw .escapesRoot }
            }
        }
        guard let resolved = realPath(path) else { throw .missing }
        guard isInside(resolved, root: realRoot) else { throw .escapesRoot }
        return resolved
    }

    /// The segments of `relative`, refused when any is unsafe.
    static func checkedSegments(_ relative: String) throws(Refusal) -> [String] {
        guard !relative.isEmpty else { throw .badSegment }
        guard !relative.hasPrefix("/") else { throw .absolute }
        for byte in relative.utf8 where byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "%") {
            throw .forbiddenCharacter
        }
        let segments = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for segment in segments where segment.isEmpty || segment == "." || segment == ".." {
            throw .badSegment
        }
        return segments
    }

    /// Whether `path` is `root` or lies below it.
    private static func isInside(_ path: String, root: String) -> Bool {
        root == "/" || path == root || path.hasPrefix(root + "/")
    }

    /// `realpath(3)` of `path`, or nil when it cannot be resolved.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
