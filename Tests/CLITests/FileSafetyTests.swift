#if canImport(Glibc)
import Glibc
#endif
@testable import catalogue_cli
import Testing
import TestSupport

// Output and input files (issue 12, item 8): every writer is tried against a matrix of hostile
// targets, every reader against FIFOs and devices, and standard output against a full device and
// a closed pipe. The tests run as root in CI, so a device node made with mknod stands in for
// /dev/full; never a real system file.

/// What is at a path, without following a link.
struct PathState: Equatable, CustomStringConvertible {
    var mode: UInt32
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int
    var linkTarget: String?
    var contents: [UInt8]?

    var description: String { "mode \(String(mode, radix: 8)), inode \(inode), size \(size), link \(linkTarget ?? "-")" }
}

/// The state of `path` (nil when nothing is there); a regular file's contents are read without
/// following links and without blocking.
func pathState(_ path: String) -> PathState? {
    var status = stat()
    guard lstat(path, &status) == 0 else { return nil }
    var state = PathState(mode: UInt32(status.st_mode), device: UInt64(status.st_dev), inode: UInt64(status.st_ino),
                          size: Int64(status.st_size), modified: Int(status.st_mtim.tv_nsec) + Int(status.st_mtim.tv_sec) * 1_000_000_000)
    switch status.st_mode & S_IFMT {
    case S_IFLNK:
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink(path, &buffer, buffer.count - 1)
        state.linkTarget = String(decoding: buffer[0..<max(0, count)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    case S_IFREG:
        state.contents = Array((readFile(path) ?? "").utf8)
    default:
        break
    }
    return state
}

/// The names in `directory` that look like temporary files of a write (`.….tmp`).
func temporaryLeftovers(in directory: String) -> [String] {
    guard let listing = opendir(directory) else { return [] }
    defer { closedir(listing) }
    var names: [String] = []
    while let entry = readdir(listing) {
        let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
            pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
        }
        if name.hasPrefix("."), name.hasSuffix(".tmp") { names.append(name) }
    }
    return names.sorted()
}

/// The device number of a Linux character device (`makedev`, for the small numbers of /dev/null,
/// /dev/zero and /dev/full).
func deviceNumber(_ major: UInt64, _ minor: UInt64) -> dev_t {
    dev_t((major << 8) | minor)
}

/// A target `--out` must refuse, made in a scratch folder.
enum HostileTarget: String, CaseIterable, CustomTestStringConvertible {
    case symlink, danglingSymlink, fifo, directory, device, readOnlyFolder, missingFolderInReadOnlyFolder, folderIsAFile, trailingSlash, empty

    var testDescription: String { rawValue }

    /// Makes the target named `name` in `directory`: its path, the exit code and the reason in the
    /// message; nil when it cannot be made here (a device needs root, a read-only folder for root
    /// needs chattr on ext4).
    func make(named name: String, in directory: String) -> (path: String, exit: ExitCode, reason: String)? {
        let path = directory + "/" + name
        switch self {
        case .symlink:
            writeFile(directory + "/victim.txt", "the file the link points to\n")
            Glibc.symlink("victim.txt", path)
            return (path, .cannotCreateOutput, "is a symbolic link")
        case .danglingSymlink:
            Glibc.symlink("nowhere.txt", path)
            return (path, .cannotCreateOutput, "is a symbolic link")
        case .fifo:
            mkfifo(path, 0o644)
            return (path, .cannotCreateOutput, "is a FIFO, not a regular file")
        case .directory:
            mkdir(path, 0o755)
            return (path, .cannotCreateOutput, "is a directory, not a regular file")
        case .device:
            // A copy of /dev/full (major 1, minor 7): writing into it would fail, replacing it would remove it.
            guard mknod(path, S_IFCHR | 0o666, deviceNumber(1, 7)) == 0 else { return nil }
            return (path, .cannotCreateOutput, "is a character device, not a regular file")
        case .readOnlyFolder, .missingFolderInReadOnlyFolder:
            let locked = directory + "/locked"
            mkdir(locked, 0o555)
            let target = self == .readOnlyFolder ? locked + "/" + name : locked + "/new/" + name
            guard geteuid() == 0 else { return (target, .cannotCreateOutput, "its folder \(locked): permission denied") }
            // Root writes into any folder; an immutable one (ext4's chattr +i) refuses it too.
            // `release` takes the flag off again.
            guard shell("chattr +i \(shellQuoted(locked)) 2> /dev/null") == 0 else { return nil }
            return (target, .cannotCreateOutput, "its folder \(locked): operation not permitted")
        case .folderIsAFile:
            writeFile(directory + "/plain", "a file where a folder is expected\n")
            return (directory + "/plain/" + name, .cannotCreateOutput, directory + "/plain is not a folder")
        case .trailingSlash:
            return (path + "/", .cannotCreateOutput, "the path ends in '/', so it names a folder, not a file")
        case .empty:
            return ("", .usage, "")
        }
    }
}

extension HostileTarget {
    /// Takes the immutable flag off a folder `make` locked in `directory`, so that it can be removed.
    static func release(_ directory: String) {
        var status = stat()
        if geteuid() == 0, lstat(directory + "/locked", &status) == 0 {
            _ = shell("chattr -i \(shellQuoted(directory + "/locked")) 2> /dev/null")
        }
    }
}

/// Runs `script` with /bin/sh and returns its exit code.
func shell(_ script: String) -> Int32 {
    let pid = spawnShell(script)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return (status >> 8) & 0xFF
}

/// A scratch folder with a copy of the 2025 book, a profile and two offers.
struct FileScratch {
    let directory = temporaryDirectory(prefix: "file-safety")
    var tariffs: String { directory + "/tariffs" }
    var profile: String { directory + "/profile.json" }
    var offer: String { directory + "/basis.offer.json" }
    var otherOffer: String { directory + "/volledig.offer.json" }
    var database: String { directory + "/catalogue.sqlite" }
    var outputs: String { directory + "/out" }

    init() {
        mkdir(tariffs, 0o755)
        mkdir(outputs, 0o755)
        writeFile(tariffs + "/2025.json", readFile(tariffsDirectory + "/2025.json")!)
        writeFile(profile, readFile(repositoryRoot + "/seeds/municipalities/midden-drenthe.json")!)
        writeFile(offer, readFile(repositoryRoot + "/seeds/offers/midden-drenthe-basis.offer.json")!)
        writeFile(otherOffer, readFile(repositoryRoot + "/seeds/offers/midden-drenthe-volledig.offer.json")!)
    }

    var common: [String] { ["--tariffs", tariffs, "--assume-wage", "3.75", "--assume-price", "2.1", "--db", database] }
}

/// A command that writes `--out`, run in-process.
struct Writer: Sendable, CustomTestStringConvertible {
    var name: String
    /// The file name the target gets (its extension picks the format).
    var fileName: String
    var arguments: @Sendable (FileScratch, String) -> [String]

    var testDescription: String { name }

    static let all: [Writer] = [
        Writer(name: "quote", fileName: "offerte.html") { scratch, out in
            ["quote", "--profile", scratch.profile, "--offer", scratch.offer, "--date", "2025-11-21", "--out", out] + scratch.common
        },
        Writer(name: "contract", fileName: "overeenkomst.md") { scratch, out in
            ["contract", "--profile", scratch.profile, "--offer", scratch.offer, "--date", "2025-11-21", "--out", out] + scratch.common
        },
        Writer(name: "compare", fileName: "vergelijking.html") { scratch, out in
            ["compare", scratch.offer, scratch.otherOffer, "--profile", scratch.profile, "--out", out,
             "--tariffs", scratch.tariffs, "--assume-wage", "3.75", "--assume-price", "2.1"]
        },
        Writer(name: "compose", fileName: "beste.offer.json") { scratch, out in
            ["compose", "--profile", scratch.profile, "--budget", "1300000", "--years", "2025-2026", "--out", out,
             "--tariffs", scratch.tariffs, "--assume-wage", "3.75", "--assume-price", "2.1"]
        },
    ]
}

@Suite("Output and input files")
struct FileSafetyTests {
    @Test("--out refuses every hostile target: exit code, message, the target unchanged, no temporary files",
          arguments: Writer.all, HostileTarget.allCases)
    func hostileTargets(writer: Writer, target: HostileTarget) throws {
        let scratch = FileScratch()
        defer { HostileTarget.release(scratch.outputs) }
        guard let (path, exit, reason) = target.make(named: writer.fileName, in: scratch.outputs) else { return }
        let before = pathState(path)
        let victim = pathState(scratch.outputs + "/victim.txt")
        let result = run(writer.arguments(scratch, path))
        #expect(result.exitCode == exit, "\(result.standardError)")
        if exit == .usage {
            #expect(result.standardError.hasPrefix("Error: '--out' expects a file name, found an empty one\nUsage: catalogue-cli \(writer.name)"))
        } else {
            #expect(result.standardError.hasPrefix("Error: cannot create \(path): "), "\(result.standardError)")
            #expect(result.standardError.contains(reason), "\(result.standardError)")
        }
        #expect(result.standardOutput == "", "nothing is reported done")
        #expect(pathState(path) == before)
        #expect(pathState(scratch.outputs + "/victim.txt") == victim)
        #expect(pathState(scratch.outputs + "/nowhere.txt") == nil, "a dangling link's target is never created")
        #expect(temporaryLeftovers(in: scratch.outputs) == [])
        #expect(temporaryLeftovers(in: scratch.outputs + "/locked") == [])
    }

    @Test("each writer writes a new file and replaces a regular one, keeping its permissions; nothing else is left")
    func regularTargets() throws {
        for writer in Writer.all {
            let scratch = FileScratch()
            let path = scratch.outputs + "/" + writer.fileName
            let created = run(writer.arguments(scratch, path))
            #expect(created.exitCode == .success, "\(writer.name): \(created.standardError)")
            let written = try #require(pathState(path))
            #expect(written.size > 100)
            writeFile(path, "old\n")
            chmod(path, 0o600)
            let replaced = run(writer.arguments(scratch, path))
            #expect(replaced.exitCode == .success, "\(writer.name): \(replaced.standardError)")
            let now = try #require(pathState(path))
            #expect(now.contents == written.contents, "\(writer.name)")
            #expect(now.mode & 0o777 == 0o600, "\(writer.name)")
            #expect(temporaryLeftovers(in: scratch.outputs) == [])
        }
    }

    @Test("a leftover temporary file of a killed run does not block the write; a dead process's is removed, a running one's kept")
    func leftoverTemporaryFiles() throws {
        let scratch = FileScratch()
        let path = scratch.outputs + "/offerte.html"
        // Process ids above the kernel's largest never run; this test's own process does.
        let dead = [".offerte.html.2147483646.0.tmp", ".offerte.html.2147483645.tmp"]
        let running = ".offerte.html.\(getpid()).0.tmp"
        for name in dead + [running] { writeFile(scratch.outputs + "/" + name, "half a document") }
        let result = run(Writer.all[0].arguments(scratch, path))
        #expect(result.exitCode == .success, "\(result.standardError)")
        #expect(readFile(path)?.hasPrefix("<!DOCTYPE html>") == true)
        #expect(temporaryLeftovers(in: scratch.outputs) == [running])
        #expect(readFile(scratch.outputs + "/" + running) == "half a document")
    }

    @Test("--out never replaces the database: by its path, through a link to it, or by a hard link to it")
    func database() throws {
        let scratch = FileScratch()
        #expect(run(["municipality", "import", scratch.profile, "--db", scratch.database]).exitCode == .success)
        symlink(scratch.database, scratch.directory + "/link.sqlite")
        link(scratch.database, scratch.directory + "/hard.sqlite")
        let before = pathState(scratch.database)
        // A .sqlite name is not a document's name (exit 64); with --format the database guard itself answers.
        #expect(run(["quote", "--profile", scratch.profile, "--offer", scratch.offer, "--date", "2025-11-21", "--out", scratch.database,
                     "--db", scratch.database]).exitCode == .usage)
        let stateless = ["quote", "--profile", scratch.profile, "--offer", scratch.offer, "--date", "2025-11-21", "--format", "html",
                         "--tariffs", scratch.tariffs, "--assume-wage", "3.75", "--assume-price", "2.1"]
        for (out, db) in [(scratch.database, scratch.database), (scratch.database, scratch.directory + "/link.sqlite"),
                          (scratch.directory + "/hard.sqlite", scratch.database)] {
            let result = run(stateless + ["--out", out, "--db", db])
            #expect(result.exitCode == .cannotCreateOutput)
            #expect(result.standardError == "Error: cannot create \(out): is the database this command uses; write the document to another file\n")
        }
        // Without --db, $CATALOGUE_DB names the database.
        let environment = CLIEnvironment(defaultTariffsDirectory: tariffsDirectory, variables: ["CATALOGUE_DB": scratch.database])
        let fromEnvironment = CLI.run(arguments: stateless + ["--out", scratch.database], environment: environment)
        #expect(fromEnvironment.exitCode == .cannotCreateOutput)
        #expect(pathState(scratch.database) == before)
        #expect(run(["municipality", "list", "--db", scratch.database]).standardOutput.contains("midden-drenthe"))
    }

    /// A scratch database with agreement UVO-2026-001 (an issued quote for offer 1, accepted).
    private func agreement(_ scratch: FileScratch) throws -> [String] {
        let db = ["--db", scratch.database]
        let books = ["--tariffs", scratch.tariffs]
        let assumptions = ["--assume-wage", "3.75", "--assume-price", "2.1"]
        let steps: [[String]] = [
            ["municipality", "import", scratch.profile] + db,
            ["offer", "create", "--municipality", "midden-drenthe", "--first-year", "2026", "--years", "3"] + db + books,
            ["offer", "add", "1", "--line", #"{"service": "robuuste-bibliotheek"}"#] + db + books,
            ["offer", "issue", "1", "--allow-illustrative", "--date", "2025-11-21"] + assumptions + db + books,
            ["offer", "accept", "1", "--allow-illustrative", "--date", "2025-12-05"] + db,
        ]
        for step in steps {
            let result = run(step)
            try #require(result.exitCode == .success, "\(step): \(result.standardError)")
        }
        return db
    }

    @Test("the stored forms (quote, contract, contract amend) refuse every hostile target; amend records nothing then",
          arguments: HostileTarget.allCases)
    func storedWriters(target: HostileTarget) throws {
        let scratch = FileScratch()
        let db = try agreement(scratch)
        let amend = ["contract", "amend", "UVO-2026-001", "--from", "2027", "--date", "2026-09-01", "--service", "meedoen"]
        for (name, arguments) in [("quote", ["quote", "1"]), ("contract", ["contract", "UVO-2026-001"]), ("contract amend", amend)] {
            let directory = scratch.outputs + "/" + name.replacing(" ", with: "-")
            mkdir(directory, 0o755)
            defer { HostileTarget.release(directory) }
            guard let (path, exit, reason) = target.make(named: "document.html", in: directory) else { return }
            let before = pathState(path)
            let result = run(arguments + db + ["--out", path])
            #expect(result.exitCode == exit, "\(name): \(result.standardError)")
            #expect(result.standardError.contains(exit == .usage ? "'--out' expects a file name" : "cannot create \(path): \(reason)"),
                    "\(name): \(result.standardError)")
            #expect(result.standardOutput == "", "\(name)")
            #expect(pathState(path) == before, "\(name)")
            #expect(temporaryLeftovers(in: directory) == [], "\(name)")
        }
        #expect(try sqliteCount(scratch.database, "SELECT COUNT(*) FROM amendments") == 0, "a refused --out records no amendment")
    }

    @Test("tariffs index writes the next book only as a regular file", arguments: [HostileTarget.symlink, .danglingSymlink, .fifo, .directory, .device])
    func tariffsIndex(target: HostileTarget) throws {
        let scratch = FileScratch()
        guard let (path, exit, reason) = target.make(named: "2026.json", in: scratch.tariffs) else { return }
        let before = pathState(path)
        let result = run(["tariffs", "index", "--from", "2025", "--wage", "3.75", "--price", "2.1", "--tariffs", scratch.tariffs])
        #expect(result.exitCode == exit, "\(result.standardError)")
        #expect(result.standardError.hasPrefix("Error: cannot create \(path): \(reason)"), "\(result.standardError)")
        #expect(pathState(path) == before)
        if target == .symlink {
            #expect(readFile(scratch.tariffs + "/victim.txt") == "the file the link points to\n")
        }
        #expect(temporaryLeftovers(in: scratch.tariffs) == [])
    }
}

// MARK: - The built tool as a process

/// `text` quoted for `/bin/sh`.
func shellQuoted(_ text: String) -> String { "'" + text.replacing("'", with: #"'\''"#) + "'" }

/// Runs the built tool in `directory` with `arguments`, after the shell commands `setup`, standard
/// output to `output` (a path) and standard error captured; returns the exit code and standard error. A watchdog (`timeout 120`)
/// turns a hang into exit 124, a failure instead of a suite that never ends; no result depends on
/// how long the tool takes.
func runTool(_ arguments: [String], in directory: String, output: String = "/dev/null",
             setup: String = ":") -> (exit: Int32, standardError: String) {
    let errors = temporaryDirectory(prefix: "tool-stderr") + "/stderr"
    let command = (["timeout", "120", toolPath()] + arguments).map(shellQuoted).joined(separator: " ")
    let pid = spawnShell("cd \(shellQuoted(directory)) && \(setup) && \(command) > \(shellQuoted(output)) 2> \(shellQuoted(errors)) < /dev/null")
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return ((status >> 8) & 0xFF, readFile(errors) ?? "")
}

@Suite("Output and input files, through the built tool")
struct FileSafetyProcessTests {
    @Test("an input that is a FIFO or a device is refused at once with exit 66, never read or waited on",
          arguments: ["fifo", "device"])
    func specialInputs(kind: String) throws {
        let scratch = FileScratch()
        let special = scratch.directory + "/special.json"
        if kind == "fifo" {
            #expect(mkfifo(special, 0o644) == 0)
        } else if mknod(special, S_IFCHR | 0o666, deviceNumber(1, 5)) != 0 {
            return  // a copy of /dev/zero needs root
        }
        let assumptions = ["--assume-wage", "3.75", "--assume-price", "2.1"]
        let commands: [[String]] = [
            ["price", "--profile", special, "--offer", scratch.offer, "--tariffs", scratch.tariffs] + assumptions,
            ["price", "--profile", scratch.profile, "--offer", special, "--tariffs", scratch.tariffs] + assumptions,
            ["compose", "--profile", scratch.profile, "--budget", "1300000", "--years", "2025", "--weights", special, "--tariffs", scratch.tariffs],
            ["compare", scratch.offer, special, "--profile", scratch.profile, "--tariffs", scratch.tariffs] + assumptions,
            ["municipality", "import", special, "--db", scratch.database],
            ["offer", "create", "--from", special, "--db", scratch.database, "--tariffs", scratch.tariffs],
            ["tariffs", "validate", special],
        ]
        for arguments in commands {
            let (exit, errors) = runTool(arguments, in: scratch.directory)
            #expect(exit == 66, "\(arguments): \(errors)")
            #expect(errors.contains("Error: cannot read \(special): is a \(kind == "fifo" ? "FIFO" : "character device"), not a regular file"),
                    "\(arguments): \(errors)")
        }
        // A tariff book that is a FIFO, in a --tariffs folder.
        let books = scratch.directory + "/books"
        mkdir(books, 0o755)
        #expect(mkfifo(books + "/2025.json", 0o644) == 0)
        let (exit, errors) = runTool(["price", "--profile", scratch.profile, "--offer", scratch.offer, "--tariffs", books] + assumptions,
                                     in: scratch.directory)
        #expect(exit == 66, "\(errors)")
        #expect(errors.contains("Error: cannot read \(books)/2025.json: is a FIFO, not a regular file"), "\(errors)")
    }

    @Test("a write that fails midway (past the file size limit) keeps the old file, leaves no temporary file and exits 73")
    func failedWrite() throws {
        let scratch = FileScratch()
        let path = scratch.outputs + "/offerte.html"
        writeFile(path, "old\n")
        // The limit is 1 block (512 or 1024 bytes); the offerte is tens of kilobytes. With SIGXFSZ
        // ignored, the write past the limit fails with EFBIG instead of killing the tool.
        let (exit, errors) = runTool(["quote", "--profile", scratch.profile, "--offer", scratch.offer, "--date", "2025-11-21",
                                      "--out", path, "--tariffs", scratch.tariffs], in: scratch.directory, setup: "trap '' XFSZ && ulimit -f 1")
        #expect(exit == 73, "\(errors)")
        #expect(errors == "Error: cannot create \(path): file too large\n")
        #expect(readFile(path) == "old\n")
        #expect(temporaryLeftovers(in: scratch.outputs) == [])
    }

    @Test("an input that is a symbolic link to a regular file is read like the file")
    func linkedInput() throws {
        let scratch = FileScratch()
        symlink(scratch.profile, scratch.directory + "/linked.json")
        let (exit, errors) = runTool(["price", "--profile", scratch.directory + "/linked.json", "--offer", scratch.offer,
                                      "--tariffs", scratch.tariffs], in: scratch.directory)
        #expect(exit == 0, "\(errors)")
    }

    @Test("standard output that cannot be written (a full device) exits 74 with the reason on standard error")
    func fullStandardOutput() throws {
        let scratch = FileScratch()
        let full = scratch.directory + "/full"
        guard mknod(full, S_IFCHR | 0o666, deviceNumber(1, 7)) == 0 else { return }  // a copy of /dev/full needs root
        let (exit, errors) = runTool(["services", "--tariffs", scratch.tariffs], in: scratch.directory, output: full)
        #expect(exit == 74)
        #expect(errors == "Error: cannot write standard output: no space left on device\n")
        // A command that fails keeps its own exit code; the output error is reported as well.
        let (failed, failure) = runTool(["price", "--profile", scratch.directory + "/none.json", "--offer", scratch.offer,
                                         "--tariffs", scratch.tariffs], in: scratch.directory, output: full)
        #expect(failed == 66)
        #expect(failure.hasPrefix("Error: cannot read \(scratch.directory)/none.json: no such file or directory\n"))
    }

    @Test("standard output into a closed pipe exits 74 with 'broken pipe', not killed by SIGPIPE and not 0")
    func closedPipe() throws {
        let scratch = FileScratch()
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        close(ends[0])
        defer { close(ends[1]) }
        let errors = scratch.directory + "/stderr"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let arguments = [toolPath(), "services", "--tariffs", scratch.tariffs]
        var pointers = arguments.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        var pid: pid_t = 0
        #expect(posix_spawn(&pid, arguments[0], &actions, nil, &pointers, environ) == 0)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        #expect(status & 0x7F == 0, "not killed by a signal")
        #expect((status >> 8) & 0xFF == 74)
        #expect(readFile(errors) == "Error: cannot write standard output: broken pipe\n")
    }

    @Test("demo: an empty --out is a usage error; a link or device in place of a document or the database is refused before anything is made",
          arguments: ["empty", "document-link", "document-fifo", "database-link", "database-device", "out-is-a-file"])
    func demo(kind: String) throws {
        let scratch = FileScratch()
        let folder = scratch.outputs + "/demo"
        mkdir(folder, 0o755)
        writeFile(scratch.directory + "/victim.txt", "kept\n")
        var out = folder
        var expected = (Int32(73), "")
        switch kind {
        case "empty":
            out = ""
            expected = (64, "Error: '--out' expects a folder name, found an empty one\n")
        case "document-link":
            symlink(scratch.directory + "/victim.txt", folder + "/offerte-midden-drenthe.md")
            expected.1 = "Error: cannot create \(folder)/offerte-midden-drenthe.md: is a symbolic link\n"
        case "document-fifo":
            mkfifo(folder + "/uitvoeringsovereenkomst-midden-drenthe.json", 0o644)
            expected.1 = "Error: cannot create \(folder)/uitvoeringsovereenkomst-midden-drenthe.json: is a FIFO, not a regular file\n"
        case "database-link":
            symlink(scratch.directory + "/victim.txt", folder + "/demo.sqlite")
            expected.1 = "Error: cannot create \(folder)/demo.sqlite: is a symbolic link\n"
        case "database-device":
            guard mknod(folder + "/demo.sqlite-wal", S_IFCHR | 0o666, deviceNumber(1, 7)) == 0 else { return }
            expected.1 = "Error: cannot create \(folder)/demo.sqlite-wal: is a character device, not a regular file\n"
        default:
            out = scratch.directory + "/victim.txt"
            expected.1 = "Error: cannot create \(out)/offerte-midden-drenthe.html: \(out) is not a folder\n"
        }
        // The empty case runs where there is no seeds/ folder: before the fix it failed there (66) without writing into /.
        let (exit, errors) = runTool(["demo", "--out", out, "--tariffs", scratch.tariffs], in: kind == "empty" ? scratch.directory : repositoryRoot)
        #expect(exit == expected.0, "\(errors)")
        #expect(kind == "empty" ? errors.hasPrefix(expected.1) : errors == expected.1, "\(errors)")
        #expect(readFile(scratch.directory + "/victim.txt") == "kept\n")
        let database = pathState(folder + "/demo.sqlite")
        if kind == "database-link" {
            #expect(database?.linkTarget == scratch.directory + "/victim.txt")
        } else {
            #expect(database == nil, "no database is made")
        }
        #expect(temporaryLeftovers(in: folder) == [])
    }
}
