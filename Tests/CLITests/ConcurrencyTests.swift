#if canImport(Glibc)
import Glibc
#endif
@testable import catalogue_cli
import Testing

/// The built `catalogue-cli`, beside the test binary.
func toolPath() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    var path = String(decoding: buffer[0..<max(0, count)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    while let last = path.last, last != "/" { path.removeLast() }
    // The test binary may sit inside a bundle directory; walk up until the tool is found.
    var directory = path
    for _ in 0..<4 {
        if access(directory + "catalogue-cli", X_OK) == 0 { return directory + "catalogue-cli" }
        directory.removeLast()
        while let last = directory.last, last != "/" { directory.removeLast() }
    }
    return repositoryRoot + "/.build/debug/catalogue-cli"
}

/// Starts `/bin/sh -c script` and returns its process id.
func spawnShell(_ script: String) -> pid_t {
    var pid: pid_t = 0
    let arguments = ["/bin/sh", "-c", script]
    var pointers = arguments.map { strdup($0) } + [nil]
    defer { for pointer in pointers { free(pointer) } }
    _ = posix_spawn(&pid, "/bin/sh", nil, nil, &pointers, environ)
    return pid
}

@Suite("Processes sharing one database")
struct ConcurrencyTests {
    @Test("two processes adding offers at the same time both succeed; nothing is lost, the audit log is complete")
    func twoProcesses() throws {
        let tool = toolPath()
        let directory = temporaryDirectory()
        let database = directory + "/shared.sqlite"
        let setup = run(["municipality", "import", repositoryRoot + "/seeds/municipalities/midden-drenthe.json", "--db", database])
        #expect(setup.exitCode == .success)
        let perProcess = 12
        let script = { (name: String) in
            "for i in $(seq \(perProcess)); do CATALOGUE_USER=\(name) '\(tool)' offer create --municipality midden-drenthe --first-year 2026 --years 3 --db '\(database)' --tariffs '\(tariffsDirectory)' > /dev/null || echo failed >> '\(directory)/failures'; done"
        }
        let first = spawnShell(script("first"))
        let second = spawnShell(script("second"))
        var status: Int32 = 0
        waitpid(first, &status, 0)
        waitpid(second, &status, 0)
        #expect(readFile(directory + "/failures") == nil, "some commands failed")
        let list = run(["offer", "list", "--db", database])
        #expect(list.standardOutput.split(separator: "\n").count == 2 * perProcess + 1)
        let audit = try sqliteCount(database, "SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND entity = 'offer'")
        #expect(audit == 2 * perProcess)
        let writers = try sqliteCount(database, "SELECT COUNT(DISTINCT who) FROM audit_log WHERE entity = 'offer'")
        #expect(writers == 2)
    }

    /// Runs the tool's argument vectors at the same time, each in its own process; returns each
    /// one's exit status and standard error, in order.
    private func together(_ commands: [[String]], in directory: String) -> [(status: Int32, error: String)] {
        let tool = toolPath()
        let pids = commands.enumerated().map { index, arguments in
            let quoted = arguments.map { "'" + $0 + "'" }.joined(separator: " ")
            return spawnShell("'\(tool)' \(quoted) > /dev/null 2> '\(directory)/err.\(index)'; echo $? > '\(directory)/rc.\(index)'")
        }
        for pid in pids {
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        return commands.indices.map { index in
            let status = Int32((readFile(directory + "/rc.\(index)") ?? "").split(separator: "\n").first ?? "") ?? -1
            return (status, readFile(directory + "/err.\(index)") ?? "")
        }
    }

    /// A store with Midden-Drenthe and a draft offer with these services (2025, one year); the offer's id.
    private func draft(_ database: String, _ services: [String]) -> String {
        let db = ["--db", database, "--tariffs", tariffsDirectory]
        _ = run(["municipality", "import", repositoryRoot + "/seeds/municipalities/midden-drenthe.json", "--db", database])
        let created = run(["offer", "create", "--municipality", "midden-drenthe", "--first-year", "2025", "--years", "1"] + db)
        let id = created.standardOutput.split(separator: " ").dropFirst(2).first.map(String.init) ?? "?"
        for service in services { _ = run(["offer", "add", id, "--service", service] + db) }
        return id
    }

    @Test("8 processes accepting 8 different offers at once all succeed, with 8 different agreement numbers", arguments: 1...2)
    func concurrentAccepts(round: Int) throws {
        let directory = temporaryDirectory()
        let database = directory + "/shared.sqlite"
        let db = ["--db", database, "--tariffs", tariffsDirectory]
        var ids: [String] = []
        for _ in 0..<8 {
            let id = draft(database, ["ido"])
            #expect(run(["offer", "issue", id, "--allow-illustrative", "--date", "2024-12-10"] + db).exitCode == .success)
            ids.append(id)
        }
        let results = together(ids.map { ["offer", "accept", $0, "--allow-illustrative", "--date", "2025-01-20", "--db", database] }, in: directory)
        #expect(results.map(\.status) == Array(repeating: 0, count: 8), "\(results.map(\.error))")
        #expect(!results.contains { $0.error.contains("UNIQUE") })
        #expect(try sqliteCount(database, "SELECT COUNT(DISTINCT reference) FROM agreements") == 8)
        #expect(try sqliteCount(database, "SELECT COUNT(*) FROM agreements WHERE reference BETWEEN 'UVO-2025-001' AND 'UVO-2025-008'") == 8)
        #expect(try sqliteCount(database, "SELECT COUNT(*) FROM offers WHERE status = 'accepted'") == 8)
    }

    @Test("'offer issue' racing 'offer add': the new line is in the quote or in a new version, never lost; the quote can be accepted",
          arguments: 1...5)
    func issueRacingAdd(trial: Int) throws {
        let directory = temporaryDirectory()
        let database = directory + "/shared.sqlite"
        let id = draft(database, ["ido"])
        let results = together([["offer", "issue", id, "--allow-illustrative", "--date", "2024-12-10", "--db", database, "--tariffs", tariffsDirectory],
                                ["offer", "add", id, "--service", "kleintje-bieb", "--db", database, "--tariffs", tariffsDirectory]], in: directory)
        #expect(results.map(\.status) == [0, 0], "\(results.map(\.error))")
        let issuedLines = try sqliteCount(database, "SELECT COUNT(*) FROM offer_lines WHERE offer_id = \(id)")
        let versions = try sqliteCount(database, "SELECT COUNT(*) FROM offers")
        let newest = try sqliteCount(database, "SELECT COUNT(*) FROM offer_lines WHERE offer_id = (SELECT MAX(id) FROM offers)")
        // Either the add came first (one offer, two lines, both quoted) or the issue did (version 2 has both lines).
        #expect((issuedLines == 2 && versions == 1) || (issuedLines == 1 && versions == 2 && newest == 2))
        let quoted = try sqliteCount(database, "SELECT COUNT(DISTINCT service) FROM quote_lines")
        #expect(quoted == issuedLines)
        if versions == 1 {
            // The quote holds exactly the offer's lines, so it can be accepted (before, this exited 70).
            let accepted = run(["offer", "accept", id, "--allow-illustrative", "--date", "2025-01-20", "--db", database])
            #expect(accepted.exitCode == .success, "\(accepted.standardError)")
        } else {
            #expect(try sqliteCount(database, "SELECT COUNT(*) FROM offers WHERE id = \(id) AND status = 'superseded'") == 1)
        }
    }

    @Test("two processes removing line 2 of a 3-line offer: each success removes exactly one line", arguments: 1...4)
    func twoRemovals(trial: Int) throws {
        let directory = temporaryDirectory()
        let database = directory + "/shared.sqlite"
        let id = draft(database, ["ido", "kleintje-bieb", "robuuste-bibliotheek"])
        #expect(try sqliteCount(database, "SELECT COUNT(*) FROM offer_lines") == 3)
        let remove = ["offer", "remove", id, "--line", "2", "--db", database, "--tariffs", tariffsDirectory]
        let results = together([remove, remove], in: directory)
        let successes = Int64(results.filter { $0.status == 0 }.count)
        #expect(successes == 2, "\(results.map(\.error))")
        #expect(try sqliteCount(database, "SELECT COUNT(*) FROM offer_lines WHERE offer_id = \(id)") == 3 - successes)
        #expect(try sqliteCount(database, "SELECT COUNT(*) FROM audit_log WHERE action = 'edit'") == 3 + successes)
    }

    @Test("two processes adding the same service at once: the catalogue's once-per-municipality rule holds, one is refused", arguments: 1...4)
    func twoAddsOfOneService(trial: Int) throws {
        let directory = temporaryDirectory()
        let database = directory + "/shared.sqlite"
        let id = draft(database, ["ido"])
        let add = ["offer", "add", id, "--service", "kleintje-bieb", "--db", database, "--tariffs", tariffsDirectory]
        let results = together([add, add], in: directory)
        #expect(results.map(\.status).sorted() == [0, 65], "\(results.map(\.error))")
        #expect(results.contains { $0.error.contains("kleintje-bieb is already offered") })
        #expect(try sqliteCount(database, "SELECT COUNT(*) FROM offer_lines WHERE offer_id = \(id) AND line LIKE '%kleintje-bieb%'") == 1)
    }

    /// A store with an accepted one-year agreement UVO-2025-001 (ido).
    private func agreement(_ database: String) -> [String] {
        let id = draft(database, ["ido"])
        _ = run(["offer", "issue", id, "--allow-illustrative", "--date", "2024-12-10", "--db", database, "--tariffs", tariffsDirectory])
        _ = run(["offer", "accept", id, "--allow-illustrative", "--date", "2025-01-20", "--db", database])
        return ["--db", database]
    }

    @Test("two processes amending one agreement at once both succeed, as W1 and W2", arguments: 1...3)
    func concurrentAmendments(trial: Int) throws {
        let directory = temporaryDirectory()
        let db = agreement(directory + "/shared.sqlite")
        #expect(try sqliteCount(directory + "/shared.sqlite", "SELECT COUNT(*) FROM agreements") == 1)
        let amend = { (service: String) in ["contract", "amend", "UVO-2025-001", "--from", "2025", "--date", "2025-02-01", "--service", service] + db }
        let results = together([amend("kleintje-bieb"), amend("robuuste-bibliotheek")], in: directory)
        #expect(results.map(\.status) == [0, 0], "\(results.map(\.error))")
        #expect(try sqliteCount(directory + "/shared.sqlite",
                                "SELECT COUNT(*) FROM amendments WHERE reference IN ('UVO-2025-001-W1', 'UVO-2025-001-W2')") == 2)
    }

    @Test("an amendment whose document cannot be written is not recorded; the retry records W1, not W2")
    func amendmentWithUnwritableOutput() throws {
        let directory = temporaryDirectory()
        let database = directory + "/shared.sqlite"
        let db = agreement(database)
        let blocker = directory + "/not-a-folder"
        #expect(run(["contract", "UVO-2025-001", "--out", blocker] + db).exitCode == .success)
        let amend = ["contract", "amend", "UVO-2025-001", "--from", "2025", "--date", "2025-02-01", "--service", "kleintje-bieb"] + db
        let failed = run(amend + ["--out", blocker + "/w1.md"])
        #expect(failed.exitCode == .cannotCreateOutput, "\(failed.standardError)")
        #expect(try sqliteCount(database, "SELECT COUNT(*) FROM amendments") == 0)
        #expect(try sqliteCount(database, "SELECT COUNT(*) FROM audit_log WHERE action = 'amend'") == 0)
        let retried = run(amend + ["--out", directory + "/w1.md"])
        #expect(retried.exitCode == .success, "\(retried.standardError)")
        #expect(retried.standardOutput.contains("Recorded UVO-2025-001-W1"))
        #expect(readFile(directory + "/w1.md")?.contains("UVO-2025-001-W1") == true)
        #expect(try sqliteCount(database, "SELECT COUNT(*) FROM amendments") == 1)
    }
}

import Contracts
import TestSupport

/// One number from the database.
func sqliteCount(_ path: String, _ sql: String) throws -> Int64 {
    let database = try Database(path: path)
    return try database.query(sql).first?.first?.integer ?? -1
}
