#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What makes two paths the same file: its device and inode.
public struct FileIdentity: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64

    /// The file `path` names, following symbolic links; nil when there is none.
    public init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(status)
    }

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    /// The files of an SQLite database at `path` that exist: the database and its `-wal`, `-shm`
    /// and `-journal` companions.
    public static func ofDatabase(_ path: String) -> Set<FileIdentity> {
        Set(["", "-wal", "-shm", "-journal"].compactMap { FileIdentity(path: path + $0) })
    }
}

/// Which file already at an output path a write may replace.
public enum ExistingOutput: Sendable, Equatable {
    /// The regular file there, if there is one.
    case replace
    /// None: the file is made only when nothing is at the path, also at the moment it is put in place.
    case keep
    /// Only this file, the one the caller read and checked; none there, or another, is a conflict.
    case replaceOnly(FileIdentity)

    /// Throws a conflict when `identity` (what is at `path` now, nil for nothing) may not be replaced.
    func check(_ identity: FileIdentity?, path: String) throws(OutputError) {
        switch self {
        case .replace: return
        case .keep:
            guard identity != nil else { return }
            throw OutputError(file: path, reason: "it already exists", isConflict: true)
        case .replaceOnly(let expected):
            guard identity != expected else { return }
            throw OutputError(file: path, reason: identity == nil ? "it was removed by another program" : "it was replaced by another program",
                              isConflict: true)
        }
    }
}

/// Writing output files safely. An output path names either nothing yet (a new file is made) or
/// a regular file (it is replaced). A symbolic link, a directory, a device, a FIFO, a socket or a
/// file the caller protects (the open database) is refused and left as it is.
///
/// The bytes go to a new temporary file beside the target (created with `O_EXCL | O_NOFOLLOW`
/// under a name no other write uses), are flushed to disk, and the temporary file is renamed over
/// the target, so a reader or a crash sees the old file or the new one, never half of one. Every
/// step works relative to the folder opened once, and `rename` never follows a link or writes
/// into what it replaces: a target swapped for something else between the check and the rename
/// can only be replaced (in a folder the swapper can write to anyway), never written through.
///
/// `existing` says which file at the path the write may replace. With `.keep` the temporary file
/// is put in place with `link(2)` instead of `rename(2)`: the kernel refuses it when anything
/// appeared at the path meanwhile, so of two programs writing a new file at once exactly one
/// writes it and the other gets a conflict. With `.replaceOnly` the file there must still be the
/// one the caller read and checked; the last check and the rename are made holding the folder's
/// advisory lock (`flock`), so two such writers cannot both pass the check before either renames
/// (a program that writes the path without the lock, an editor say, is only seen by the check).
extension FileSystem {
    /// Writes `bytes` to `path` as described above; `protected` are files that must not be
    /// replaced. A target that is not what `existing` allows is a conflict
    /// (`OutputError.isConflict`): nothing is written, and the caller may read the path again.
    public static func writeFileAtomically(_ path: String, _ bytes: [UInt8], protecting protected: Set<FileIdentity> = [],
                                           existing allowed: ExistingOutput = .replace) throws(OutputError) {
        let (folder, name) = try splitOutputPath(path)
        let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { throw OutputError(file: path, reason: folderProblem(folder)) }
        defer { close(directory) }
        let existing = try checkTarget(directory, name, path: path, protecting: protected)
        try allowed.check(existing.map(FileIdentity.init), path: path)
        let temporary = try createTemporary(in: directory, for: name, path: path)
        var isOpen = true
        do throws(OutputError) {
            if let existing { _ = fchmod(temporary.descriptor, existing.st_mode & 0o777) }
            try writeAll(temporary.descriptor, bytes, path: path)
            guard fsync(temporary.descriptor) == 0 else { throw OutputError(file: path, reason: lastErrorMessage()) }
            isOpen = false
            guard close(temporary.descriptor) == 0 else { throw OutputError(file: path, reason: lastErrorMessage()) }
            // Writers that must not replace unseen check and rename one at a time in this folder.
            let locked = allowed != .replace && lockFolder(directory)
            defer { if locked { _ = flock(directory, LOCK_UN) } }
            let now = try checkTarget(directory, name, path: path, protecting: protected)
            guard now.map(FileIdentity.init) == existing.map(FileIdentity.init) else {
                let change = existing == nil ? "made" : now == nil ? "removed" : "replaced"
                throw OutputError(file: path, reason: "it was \(change) by another program while this one was writing it", isConflict: true)
            }
            try putInPlace(temporary.name, as: name, in: directory, path: path, keeping: allowed == .keep)
        } catch {
            if isOpen { close(temporary.descriptor) }
            unlinkat(directory, temporary.name, 0)
            throw error
        }
        // Flush the folder too, so the rename itself survives a power cut.
        _ = fsync(directory)
        removeStaleTemporaries(in: directory, for: name)
    }

    /// Takes the folder's advisory lock (`flock`), waiting for another writer's last check and
    /// rename; false when the file system has no such locks, and the check is then unguarded.
    private static func lockFolder(_ directory: Int32) -> Bool {
        while flock(directory, LOCK_EX) != 0 {
            guard errno == EINTR else { return false }
        }
        return true
    }

    /// Renames the written temporary file to `name`, or with `keeping` links it there, which
    /// fails when anything is at `name`. A file system without hard links is left with the
    /// rename after the check just made.
    private static func putInPlace(_ temporary: String, as name: String, in directory: Int32, path: String,
                                   keeping: Bool) throws(OutputError) {
        if keeping {
            if linkat(directory, temporary, directory, name, 0) == 0 {
                unlinkat(directory, temporary, 0)
                return
            }
            if errno == EEXIST {
                throw OutputError(file: path, reason: "it was made by another program while this one was writing it", isConflict: true)
            }
            guard errno == EPERM || errno == EOPNOTSUPP else { throw OutputError(file: path, reason: lastErrorMessage()) }
        }
        guard renameat(directory, temporary, directory, name) == 0 else {
            throw OutputError(file: path, reason: lastErrorMessage())
        }
    }

    /// Checks, without writing anything, that `path` may be written: it names nothing yet or a
    /// regular file that is not protected, in a folder that exists and can be written to, or that
    /// can be made (its nearest existing ancestor is a folder that can be written to). Commands
    /// call this before they record anything, so an output that would be refused is refused first.
    public static func checkOutputPath(_ path: String, protecting protected: Set<FileIdentity> = []) throws(OutputError) {
        let (folder, name) = try splitOutputPath(path)
        let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else {
            guard errno == ENOENT else { throw OutputError(file: path, reason: folderProblem(folder)) }
            // Made by the writer, like `mkdir -p`, in the nearest folder that exists.
            var ancestor = folder
            while !isDirectory(ancestor) {
                guard let slash = ancestor.lastIndex(of: "/") else { ancestor = "."; break }
                ancestor = slash == ancestor.startIndex ? "/" : String(ancestor[..<slash])
            }
            guard access(ancestor, W_OK | X_OK) == 0 else { throw OutputError(file: path, reason: folderProblem(ancestor)) }
            return
        }
        defer { close(directory) }
        _ = try checkTarget(directory, name, path: path, protecting: protected)
        // A folder the temporary file cannot be made in (no permission, read-only media).
        guard access(folder, W_OK | X_OK) == 0 else { throw OutputError(file: path, reason: folderProblem(folder)) }
    }

    /// Removes the regular file at `path`, if there is one (a missing folder holds none); anything
    /// else there (a link, a folder, a device, a FIFO) is refused and left as it is.
    public static func removeRegularFile(_ path: String) throws(OutputError) {
        let (folder, name) = try splitOutputPath(path)
        let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else {
            if errno == ENOENT { return }
            throw OutputError(file: path, reason: folderProblem(folder))
        }
        defer { close(directory) }
        guard try checkTarget(directory, name, path: path, protecting: []) != nil else { return }
        guard unlinkat(directory, name, 0) == 0 || errno == ENOENT else { throw OutputError(file: path, reason: lastErrorMessage()) }
    }

    /// The folder and the file name of an output path; an empty path, or one that names a folder, is refused.
    static func splitOutputPath(_ path: String) throws(OutputError) -> (folder: String, name: String) {
        guard !path.isEmpty else { throw OutputError(file: path, reason: "an empty path names no file") }
        guard !path.utf8.contains(0) else { throw OutputError(file: path, reason: "the path contains a NUL character") }
        guard !path.hasSuffix("/") else {
            throw OutputError(file: path, reason: "the path ends in '/', so it names a folder, not a file")
        }
        let slash = path.lastIndex(of: "/")
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard name != ".", name != ".." else { throw OutputError(file: path, reason: "the path names a folder, not a file") }
        guard let slash else { return (".", name) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, name)
    }

    /// Why the folder of an output cannot be opened, from `errno`.
    private static func folderProblem(_ folder: String) -> String {
        errno == ENOTDIR ? "\(folder) is not a folder" : "its folder \(folder): " + lastErrorMessage()
    }

    /// What `name` in `directory` is now: nil when nothing, its status when a regular file that may
    /// be replaced; anything else is refused.
    private static func checkTarget(_ directory: Int32, _ name: String, path: String,
                                    protecting protected: Set<FileIdentity>) throws(OutputError) -> stat? {
        var status = stat()
        guard fstatat(directory, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else {
            if errno == ENOENT { return nil }
            throw OutputError(file: path, reason: lastErrorMessage())
        }
        if let kind = notRegularFile(status.st_mode) {
            throw OutputError(file: path, reason: kind == "a symbolic link" ? "is a symbolic link" : "is \(kind), not a regular file")
        }
        if protected.contains(FileIdentity(status)) {
            throw OutputError(file: path, reason: "is the database this command uses; write the document to another file")
        }
        return status
    }

    /// "a directory", "a FIFO", … for what is not a regular file; nil for a regular file.
    static func notRegularFile(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a directory"
        case S_IFLNK: "a symbolic link"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "not a regular file"
        }
    }

    /// A new, empty temporary file beside the target: `.NAME.PID.N.tmp`, with the first N that no
    /// other file has (a file left by a killed earlier run with the same process id is skipped).
    private static func createTemporary(in directory: Int32, for name: String,
                                        path: String) throws(OutputError) -> (name: String, descriptor: Int32) {
        let short = temporaryStem(name)
        for attempt in 0..<10_000 {
            let temporary = ".\(short).\(getpid()).\(attempt).tmp"
            let descriptor = openat(directory, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if descriptor >= 0 { return (temporary, descriptor) }
            if errno != EEXIST { throw OutputError(file: path, reason: lastErrorMessage()) }
        }
        throw OutputError(file: path, reason: "10 000 temporary files named .\(short).\(getpid()).*.tmp are in the way")
    }

    /// The target's name, shortened so that the temporary name stays within NAME_MAX.
    private static func temporaryStem(_ name: String) -> String {
        var short = ""
        for character in name where short.utf8.count + character.utf8.count <= 200 { short.append(character) }
        return short
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(OutputError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError(file: path, reason: lastErrorMessage())
            }
            offset += written
        }
    }

    /// Removes the temporary files of earlier writes of `name` whose process no longer runs
    /// (killed while writing): `.NAME.PID.N.tmp`, and `.NAME.PID.tmp` of older versions. Only
    /// regular files are removed, and only when no process with that id exists.
    private static func removeStaleTemporaries(in directory: Int32, for name: String) {
        let prefix = "." + temporaryStem(name) + "."
        let copy = dup(directory)
        guard copy >= 0 else { return }
        guard let listing = fdopendir(copy) else { close(copy); return }
        defer { closedir(listing) }
        while let entry = readdir(listing) {
            let entryName = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard entryName.hasPrefix(prefix), entryName.hasSuffix(".tmp") else { continue }
            let middle = entryName.dropFirst(prefix.count).dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
            guard (1...2).contains(middle.count), middle.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                  let pid = pid_t(middle[0]), pid > 0 else { continue }
            guard kill(pid, 0) != 0, errno == ESRCH else { continue }
            var status = stat()
            guard fstatat(directory, entryName, &status, AT_SYMLINK_NOFOLLOW) == 0, (status.st_mode & S_IFMT) == S_IFREG else { continue }
            unlinkat(directory, entryName, 0)
        }
    }
}
