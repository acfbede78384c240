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
}

import Contracts
import TestSupport

/// One number from the database.
func sqliteCount(_ path: String, _ sql: String) throws -> Int64 {
    let database = try Database(path: path)
    return try database.query(sql).first?.first?.integer ?? -1
}
