#if canImport(Glibc)
import Glibc
#endif
@testable import catalogue_cli
import Contracts
import Testing
import TestSupport

@Suite("The store path: a real file, and read-only commands that change nothing")
struct StorePathTests {
    private let profile = repositoryRoot + "/seeds/municipalities/midden-drenthe.json"

    private func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    @Test("'--db' empty, ':memory:', a directory or a device is refused before anything happens (74)",
          arguments: [("", "'--db' is empty"), (":memory:", "is not a file"), ("/tmp", "is a directory"), ("/dev/null", "is not a regular file"),
                      ("file:x.sqlite?mode=memory", "is not a file")])
    func refusedPaths(path: String, message: String) {
        for arguments in [["municipality", "import", profile], ["offer", "list"], ["store", "check"]] {
            let result = run(arguments + ["--db", path])
            #expect(result.exitCode == .inputOutputError, "\(arguments)")
            #expect(result.standardError.contains(message), "\(result.standardError)")
        }
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test("an empty CATALOGUE_DB is refused, naming the variable")
    func emptyVariable() {
        var environment = CLIEnvironment(defaultTariffsDirectory: tariffsDirectory)
        environment.variables["CATALOGUE_DB"] = ""
        let result = CLI.run(arguments: ["municipality", "import", profile], environment: environment)
        #expect(result.exitCode == .inputOutputError)
        #expect(result.standardError.contains("CATALOGUE_DB is set but empty"))
    }

    @Test("read-only commands never create a database file", arguments: [
        ["offer", "list"], ["offer", "show", "1"], ["municipality", "list"], ["contract", "show", "UVO-2025-001"],
        ["contract", "notices", "--date", "2025-01-01"], ["quote", "1", "--out", "-"], ["store", "check"],
    ])
    func readOnlyCreatesNothing(arguments: [String]) {
        let path = temporaryDirectory() + "/missing.sqlite"
        let result = run(arguments + ["--db", path])
        #expect(result.exitCode == .inputOutputError, "\(result.standardError)")
        #expect(result.standardError.contains("no such database; commands that only read never create one"))
        #expect(!exists(path) && !exists(path + "-wal") && !exists(path + "-shm"))
    }

    @Test("another program's SQLite file is reported and left as it was, by reading and by writing commands")
    func foreignFile() throws {
        let path = temporaryDirectory() + "/other.sqlite"
        do {
            let database = try Database(path: path)
            try database.execute("PRAGMA journal_mode = DELETE; CREATE TABLE things (x INTEGER); INSERT INTO things VALUES (1)")
        }
        let before = readFile(path)
        for arguments in [["offer", "list"], ["store", "check"], ["municipality", "import", profile], ["store", "migrate"]] {
            let result = run(arguments + ["--db", path])
            #expect(result.exitCode == .inputOutputError, "\(arguments)")
            #expect(result.standardError.contains("an SQLite database of another program"), "\(result.standardError)")
        }
        #expect(readFile(path) == before)
        #expect(!exists(path + "-wal"))
        let database = try Database(path: path, mode: .readOnly)
        #expect(try database.query("PRAGMA journal_mode").first?.first?.text == "delete")
        #expect(try database.query("PRAGMA user_version").first?.first?.integer == 0)
    }

    @Test("an older store is reported by reading commands without migrating it; 'store migrate' upgrades it")
    func olderSchema() throws {
        let path = temporaryDirectory() + "/old.sqlite"
        do {
            let database = try Database(path: path)
            try Migrations.migrate(database, upTo: 5)
        }
        let listed = run(["offer", "list", "--db", path])
        #expect(listed.exitCode == .inputOutputError)
        #expect(listed.standardError.contains("schema version 5, older than this program's \(Migrations.latest); 'catalogue-cli store migrate' upgrades it"))
        #expect(try Migrations.version(of: try Database(path: path, mode: .readOnly)) == 5)
        #expect(run(["store", "migrate", "--db", path]).exitCode == .success)
        #expect(run(["offer", "list", "--db", path]).standardOutput.hasPrefix("No offers yet"))
    }

    @Test("a read-only open writes nothing: the file's bytes and its absent WAL stay as they were")
    func readOnlyWritesNothing() throws {
        let path = temporaryDirectory() + "/catalogue.sqlite"
        #expect(run(["municipality", "import", profile, "--db", path]).exitCode == .success)
        let before = readFile(path)
        #expect(!exists(path + "-wal"))
        let store = try CatalogueStore(path: path, mode: .readOnly, who: "t", now: "x")
        #expect(try store.municipalities().map(\.code) == ["midden-drenthe"])
        #expect(throws: StoreError.self) { try store.database.execute("DELETE FROM municipalities") }
        #expect(run(["municipality", "list", "--db", path]).exitCode == .success)
        #expect(readFile(path) == before)
    }

    /// Runs a command line through /bin/sh; whether it exited 0.
    private func shell(_ script: String) -> Bool {
        let pid = spawnShell(script)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return status == 0
    }

    /// Whether this machine lets the tests bind-mount a folder read-only (root with the right to mount).
    private static let canMount: Bool = {
        let directory = temporaryDirectory()
        let pid = spawnShell("mkdir '\(directory)/ro' && mount --bind '\(directory)' '\(directory)/ro' 2>/dev/null && umount '\(directory)/ro'")
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return status == 0
    }()

    @Test("a store on read-only media can still be read (SQLite alone cannot: its WAL index cannot be made there)",
          .enabled(if: canMount, "needs the right to bind-mount a folder read-only"))
    func readOnlyMedia() throws {
        let directory = temporaryDirectory()
        #expect(shell("mkdir '\(directory)/store' '\(directory)/media'"))
        #expect(run(["municipality", "import", profile, "--db", directory + "/store/catalogue.sqlite"]).exitCode == .success)
        #expect(shell("mount --bind '\(directory)/store' '\(directory)/media' && mount -o remount,bind,ro '\(directory)/media'"))
        defer { _ = shell("umount '\(directory)/media'") }
        let listed = run(["municipality", "list", "--db", directory + "/media/catalogue.sqlite"])
        #expect(listed.exitCode == .success, "\(listed.standardError)")
        #expect(listed.standardOutput == "CODE            NAME\nmidden-drenthe  Midden-Drenthe\n")
        #expect(run(["store", "check", "--db", directory + "/media/catalogue.sqlite"]).exitCode == .success)
        let written = run(["municipality", "import", profile, "--db", directory + "/media/catalogue.sqlite"])
        #expect(written.exitCode == .inputOutputError)
    }
}
