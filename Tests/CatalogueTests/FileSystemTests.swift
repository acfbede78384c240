#if canImport(Glibc)
import Glibc
#endif
import Catalogue
import Testing
import TestSupport
import Support

/// The names in `directory`, sorted, without `.` and `..`.
private func names(in directory: String) -> [String] {
    (try? FileSystem.contentsOfDirectory(directory)) ?? []
}

/// What `lstat` says about `path`: the file type bits, the inode and the size; nil when nothing is there.
private func entry(_ path: String) -> [Int]? {
    var status = stat()
    guard lstat(path, &status) == 0 else { return nil }
    return [Int(status.st_mode & S_IFMT), Int(status.st_ino), Int(status.st_size)]
}

@Suite("FileSystem: writing outputs and reading inputs")
struct FileSystemTests {
    @Test("a new file is written, a regular file replaced; nothing else is left in the folder")
    func writesRegularFiles() throws {
        let directory = temporaryDirectory()
        let path = directory + "/out.txt"
        try FileSystem.writeFileAtomically(path, Array("one\n".utf8))
        #expect(readFile(path) == "one\n")
        try FileSystem.writeFileAtomically(path, Array("two\n".utf8))
        #expect(readFile(path) == "two\n")
        #expect(names(in: directory) == ["out.txt"])
    }

    @Test("a link, a dangling link, a FIFO, a folder, a device or a protected file is refused and left as it is")
    func refusesWhatIsNotARegularFile() throws {
        let directory = temporaryDirectory()
        writeFile(directory + "/victim.txt", "victim\n")
        symlink("victim.txt", directory + "/link")
        symlink("nowhere", directory + "/dangling")
        mkfifo(directory + "/fifo", 0o644)
        mkdir(directory + "/folder", 0o755)
        writeFile(directory + "/database", "SQLite format 3\n")
        var cases: [(String, String)] = [("link", "is a symbolic link"), ("dangling", "is a symbolic link"),
                                         ("fifo", "is a FIFO, not a regular file"), ("folder", "is a directory, not a regular file"),
                                         ("database", "is the database this command uses; write the document to another file")]
        if mknod(directory + "/null", S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0 {  // a copy of /dev/null, as root
            cases.append(("null", "is a character device, not a regular file"))
        }
        let protected = FileIdentity.ofDatabase(directory + "/database")
        #expect(protected.count == 1)
        let before = names(in: directory).map { entry(directory + "/" + $0) }
        for (name, reason) in cases {
            let path = directory + "/" + name
            #expect(throws: OutputError(file: path, reason: reason)) {
                try FileSystem.writeFileAtomically(path, Array("new\n".utf8), protecting: protected)
            }
            #expect(throws: OutputError(file: path, reason: reason)) { try FileSystem.checkOutputPath(path, protecting: protected) }
        }
        #expect(names(in: directory).map { entry(directory + "/" + $0) } == before)
        #expect(readFile(directory + "/victim.txt") == "victim\n")
        #expect(entry(directory + "/nowhere") == nil)
    }

    @Test("an empty path, one ending in '/', naming '.' or '..', or holding a NUL is refused before anything is made")
    func refusesPathsThatNameNoFile() {
        let directory = temporaryDirectory()
        let cases: [(String, String)] = [
            ("", "an empty path names no file"),
            (directory + "/new/", "the path ends in '/', so it names a folder, not a file"),
            (directory + "/.", "the path names a folder, not a file"),
            (directory + "/..", "the path names a folder, not a file"),
            (directory + "/a\u{0}b", "the path contains a NUL character"),
        ]
        for (path, reason) in cases {
            #expect(throws: OutputError(file: path, reason: reason)) { try FileSystem.writeFileAtomically(path, [1]) }
        }
        #expect(throws: OutputError(file: "", reason: "an empty path names no folder")) { try FileSystem.createDirectories("") }
        #expect(names(in: directory) == [])
    }

    @Test("a folder that is a file, or is missing, is named in the error; a missing one passes the check (the writer makes it)")
    func folders() throws {
        let directory = temporaryDirectory()
        writeFile(directory + "/plain", "")
        #expect(throws: OutputError(file: directory + "/plain/out.txt", reason: "\(directory)/plain is not a folder")) {
            try FileSystem.writeFileAtomically(directory + "/plain/out.txt", [1])
        }
        #expect(throws: OutputError(file: directory + "/missing/out.txt", reason: "its folder \(directory)/missing: no such file or directory")) {
            try FileSystem.writeFileAtomically(directory + "/missing/out.txt", [1])
        }
        try FileSystem.checkOutputPath(directory + "/missing/out.txt")
        #expect(throws: OutputError(file: directory + "/plain/sub", reason: "\(directory)/plain exists and is not a folder")) {
            try FileSystem.createDirectories(directory + "/plain/sub")
        }
    }

    @Test("temporary files in the way (a killed run's, this process's own id) are stepped over; a dead process's are removed")
    func temporaryNames() throws {
        let directory = temporaryDirectory()
        let own = ".out.txt.\(getpid()).0.tmp"
        let dead = [".out.txt.2147483646.0.tmp", ".out.txt.2147483646.tmp"]
        let unrelated = [".out.txt.abc.tmp", ".other.txt.2147483646.0.tmp"]
        for name in [own] + dead + unrelated { writeFile(directory + "/" + name, "left") }
        try FileSystem.writeFileAtomically(directory + "/out.txt", Array("new\n".utf8))
        #expect(readFile(directory + "/out.txt") == "new\n")
        #expect(names(in: directory) == ([own, "out.txt"] + unrelated).sorted())
        #expect(readFile(directory + "/" + own) == "left")
    }

    @Test("a long file name still gets a temporary name within NAME_MAX")
    func longName() throws {
        let directory = temporaryDirectory()
        let name = String(repeating: "é", count: 127)  // 254 bytes
        try FileSystem.writeFileAtomically(directory + "/" + name, [65])
        #expect(readFile(directory + "/" + name) == "A")
        #expect(names(in: directory) == [name])
    }

    @Test("removeRegularFile removes a regular file, passes over a missing one, refuses a link and leaves it")
    func removeRegularFile() throws {
        let directory = temporaryDirectory()
        writeFile(directory + "/old.sqlite", "old")
        symlink("old.sqlite", directory + "/link.sqlite")
        #expect(throws: OutputError(file: directory + "/link.sqlite", reason: "is a symbolic link")) {
            try FileSystem.removeRegularFile(directory + "/link.sqlite")
        }
        try FileSystem.removeRegularFile(directory + "/old.sqlite")
        try FileSystem.removeRegularFile(directory + "/old.sqlite")
        try FileSystem.removeRegularFile(directory + "/missing/old.sqlite")
        #expect(names(in: directory) == ["link.sqlite"])
    }

    @Test("an input that is a FIFO or a device is refused as not a regular file; a link to a regular file is read")
    func inputs() throws {
        let directory = temporaryDirectory()
        let fifo = directory + "/fifo.json"
        mkfifo(fifo, 0o644)
        // Held open for reading and writing here, so that even a blocking open in a regression
        // returns (and fails this test) instead of waiting for a writer forever.
        let holder = open(fifo, O_RDWR | O_NONBLOCK)
        defer { close(holder) }
        #expect(throws: InputError.cannotRead(file: fifo, reason: "is a FIFO, not a regular file")) { try FileSystem.readFile(fifo) }
        if mknod(directory + "/zero", S_IFCHR | 0o666, dev_t((1 << 8) | 5)) == 0 {  // a copy of /dev/zero, as root
            #expect(throws: InputError.cannotRead(file: directory + "/zero", reason: "is a character device, not a regular file")) {
                try FileSystem.readFile(directory + "/zero")
            }
        }
        #expect(throws: InputError.cannotRead(file: directory, reason: "is a directory")) { try FileSystem.readFile(directory) }
        writeFile(directory + "/real.json", "{}")
        symlink("real.json", directory + "/linked.json")
        #expect(try FileSystem.readFile(directory + "/linked.json") == Array("{}".utf8))
        #expect(throws: InputError.cannotRead(file: "a\u{0}b", reason: "the path contains a NUL character")) { try FileSystem.readFile("a\u{0}b") }
    }
}
