#if canImport(Glibc)
import Glibc
#endif
@testable import catalogue_cli
import Testing
import TestSupport

/// Processes of the built tool publishing the same year into one tariff folder at once. Before,
/// each checked that no 2026 book was there and then renamed its own over the path, so two
/// runs with different percentages both wrote and both exited 0: the first book was silently
/// overwritten. Now a new book is put in place with link(2), which only one of them can do.
@Suite("tariffs index: processes publishing the same year at once", .serialized)
struct TariffsPublishRaceTests {
    /// A scratch tariff folder with a copy of the fixture 2025 book.
    private func scratch() -> String {
        let directory = temporaryDirectory(prefix: "catalogue-race")
        writeFile(directory + "/2025.json", readFile(tariffsDirectory + "/2025.json")!)
        return directory
    }

    /// `tariffs index --from 2025` with `wage` into `directory`.
    private func index(wage: String, into directory: String) -> [String] {
        ["tariffs", "index", "--from", "2025", "--wage", wage, "--price", "2.1", "--tariffs", directory]
    }

    /// Starts every command as its own process, each waiting for one start signal so they run
    /// together; returns each one's exit status, output and error, in order.
    private func together(_ commands: [[String]]) -> [(status: Int32, output: String, error: String)] {
        let tool = toolPath()
        let logs = temporaryDirectory(prefix: "catalogue-race-logs")
        let pids = commands.enumerated().map { index, arguments in
            let quoted = arguments.map(shellQuoted).joined(separator: " ")
            let log = "'\(logs)/\(index)"
            return spawnShell("while [ ! -e '\(logs)/go' ]; do sleep 0.005; done; "
                              + "'\(tool)' \(quoted) > \(log).out' 2> \(log).err'; echo $? > \(log).rc'")
        }
        writeFile(logs + "/go", "")
        for pid in pids {
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        return commands.indices.map { index in
            let status = Int32((readFile("\(logs)/\(index).rc") ?? "").split(separator: "\n").first ?? "") ?? -1
            return (status, readFile("\(logs)/\(index).out") ?? "", readFile("\(logs)/\(index).err") ?? "")
        }
    }

    /// The 2026 book `tariffs index` writes with `wage` into a folder of its own, run alone.
    private func bookAlone(wage: String) throws -> String {
        let directory = scratch()
        let result = run(index(wage: wage, into: directory))
        try #require(result.exitCode == .success, "\(result.standardError)")
        return try #require(readFile(directory + "/2026.json"))
    }

    @Test("different percentages at once: exactly one writes, the others refuse with 73, and the file is the winner's book",
          arguments: [2, 3, 4, 2, 3])
    func differentPercentages(processes: Int) throws {
        let directory = scratch()
        let wages = Array(["3.75", "3.5", "4", "2.25"].prefix(processes))
        let results = together(wages.map { index(wage: $0, into: directory) })
        let winners = results.indices.filter { results[$0].status == 0 }
        #expect(winners.count == 1, "\(results.map(\.status)) \(results.map(\.error))")
        #expect(results.filter { $0.status == 73 }.count == processes - 1, "\(results.map(\.status))")
        guard winners.count == 1, let winner = winners.first else { return }
        #expect(results[winner].output.hasPrefix("Wrote \(directory)/2026.json: tariff book 2026"))
        for (position, result) in results.enumerated() where position != winner {
            #expect(result.error.hasPrefix("Error: cannot create \(directory)/2026.json: it already exists and differs (indexed from 2025 with wage \(wages[winner]) %"),
                    "\(result.error)")
        }
        #expect(readFile(directory + "/2026.json") == (try bookAlone(wage: wages[winner])))
        #expect(temporaryLeftovers(in: directory) == [])
    }

    @Test("the same percentages at once: every process exits 0, one writes the book and the others find it unchanged",
          arguments: [3, 2, 4])
    func samePercentages(processes: Int) throws {
        let directory = scratch()
        let results = together(Array(repeating: index(wage: "3.75", into: directory), count: processes))
        #expect(results.map(\.status) == Array(repeating: 0, count: processes), "\(results.map(\.error))")
        #expect(results.filter { $0.output.hasPrefix("Wrote ") }.count == 1, "\(results.map(\.output))")
        #expect(results.filter { $0.output.hasSuffix("; nothing changed.\n") }.count == processes - 1, "\(results.map(\.output))")
        #expect(readFile(directory + "/2026.json") == (try bookAlone(wage: "3.75")))
        #expect(temporaryLeftovers(in: directory) == [])
    }

    @Test("two --replace runs at once: each replaces the book it read, so the last one records the other's hash and no book is lost unseen",
          arguments: 1...3)
    func concurrentReplaces(trial: Int) throws {
        let directory = scratch()
        #expect(run(index(wage: "3.75", into: directory)).exitCode == .success)
        let original = try #require(readFile(directory + "/2026.json"))
        let wages = ["3.5", "4"]
        let results = together(wages.map { index(wage: $0, into: directory) + ["--replace"] })
        #expect(results.map(\.status) == [0, 0], "\(results.map(\.error))")
        let final = try #require(readFile(directory + "/2026.json"))
        let last = final.contains("\"wage\": \"3.5\"") ? 0 : 1
        // What the other run wrote: its book replacing the original.
        let other = scratch()
        writeFile(other + "/2026.json", original)
        #expect(run(index(wage: wages[1 - last], into: other) + ["--replace"]).exitCode == .success)
        let overwritten = try #require(readFile(other + "/2026.json"))
        #expect(final.contains("\"replaces\": \"sha256:\(CatalogueSHA.hex(overwritten))\""), "\(final)")
        #expect(temporaryLeftovers(in: directory) == [])
    }
}
