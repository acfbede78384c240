@testable import catalogue_cli
import Support
import Testing
import TestSupport

/// The rules every workbook command follows: a workbook is never written to standard output, a
/// `.xlsx` `--out` asks for one, and a run that fails writes nothing.
@Suite("Workbooks: never to standard output, nothing written on failure")
struct WorkbookUsageTests {
    private static let profile = repositoryRoot + "/seeds/municipalities/midden-drenthe.json"
    private static let basis = repositoryRoot + "/seeds/offers/midden-drenthe-basis.offer.json"
    private static let full = repositoryRoot + "/seeds/offers/midden-drenthe-volledig.offer.json"

    /// Each command's arguments up to the output options; all valid.
    static let commands: [[String]] = [
        ["price", "--profile", profile, "--offer", basis],
        ["compare", basis, full, "--profile", profile],
        ["compose", "--profile", profile, "--budget", "1300000", "--years", "2025"],
        ["contract", "show", "UVO-2026-001", "--db", "/nonexistent/catalogue.sqlite"],
        ["tariffs", "diff", "2025", "2025"],
    ]

    @Test("--format xlsx without --out, or with --out -, is a usage error that says why, and prints nothing", arguments: commands)
    func neverToStandardOutput(command: [String]) {
        for output in [["--format", "xlsx"], ["--format", "xlsx", "--out", "-"]] {
            let result = run(command + output)
            #expect(result.exitCode == .usage, "\(command[0]) \(output)")
            #expect(result.standardError.hasPrefix("Error: a workbook is written to a file, never to standard output; give '--out <file>.xlsx'\n"))
            #expect(result.standardOutput.isEmpty)
        }
    }

    @Test("an --out ending in .xlsx (any case) asks for a workbook", arguments: commands.filter { $0[0] != "contract" })
    func extensionImpliesWorkbook(command: [String]) throws {
        let directory = temporaryDirectory()
        let result = run(command + ["--out", directory + "/Werkmap.XLSX"])
        #expect(result.exitCode == .success, "\(result.standardError)")
        #expect(result.standardOutput == "Wrote the workbook to \(directory)/Werkmap.XLSX.\n")
        #expect(try FileSystem.readFile(directory + "/Werkmap.XLSX").starts(with: Array("PK\u{3}\u{4}".utf8)), "a ZIP archive")
    }

    @Test("price, contract show and tariffs diff write only workbooks to --out; other formats go to standard output",
          arguments: [commands[0], commands[3], commands[4]])
    func outIsForWorkbooks(command: [String]) {
        let directory = temporaryDirectory()
        for output in [["--out", directory + "/x.json"], ["--format", "json", "--out", directory + "/x.xlsx"]] {
            let result = run(command + output)
            #expect(result.exitCode == .usage)
            #expect(result.standardError.hasPrefix("Error: '--out' writes a workbook: give a file ending in .xlsx or '--format xlsx'; the other formats go to standard output\n"))
        }
        #expect((try? FileSystem.contentsOfDirectory(directory)) == [])
    }

    @Test("a format the command does not offer names the ones it does, xlsx among them")
    func unknownFormat() {
        #expect(run(Self.commands[0] + ["--format", "xls"]).standardError.hasPrefix("Error: '--format' expects 'table' or 'json' or 'csv' or 'xlsx', found 'xls'\n"))
        #expect(run(Self.commands[1] + ["--format", "xls"]).standardError.hasPrefix("Error: '--format' expects 'table', 'json', 'html' or 'xlsx', found 'xls'\n"))
        #expect(run(Self.commands[3] + ["--format", "xls"]).standardError.hasPrefix("Error: '--format' expects 'text', 'json' or 'xlsx', found 'xls'\n"))
    }

    @Test("a failing run writes no workbook and leaves no temporary file", arguments: [
        (["price", "--profile", profile, "--offer", repositoryRoot + "/seeds/municipalities/aa-en-hunze.json"], ExitCode.dataError),
        (["compare", basis, repositoryRoot + "/seeds/offers/aa-en-hunze-leesbevordering.offer.json", "--profile", profile], .dataError),
        (["compose", "--profile", profile, "--budget", "1000", "--years", "2025"], .dataError),
        (["tariffs", "diff", "2025", "2031"], .cannotReadInput),
        (["price", "--profile", profile, "--offer", full.replacing("volledig", with: "missing")], .cannotReadInput),
    ])
    func failureWritesNothing(command: [String], code: ExitCode) throws {
        let directory = temporaryDirectory()
        let result = run(command + ["--format", "xlsx", "--out", directory + "/werkmap.xlsx"])
        #expect(result.exitCode == code, "\(result.standardError)")
        #expect(try FileSystem.contentsOfDirectory(directory) == [])
    }

    @Test("contract show of an unknown agreement, or with a database that does not open, writes nothing")
    func contractFailureWritesNothing() throws {
        let directory = temporaryDirectory()
        let db = ["--db", directory + "/catalogue.sqlite"]
        #expect(run(["municipality", "import", Self.profile] + db).exitCode == .success)
        let unknown = run(["contract", "show", "UVO-2026-001", "--out", directory + "/werkmap.xlsx"] + db)
        #expect(unknown.exitCode == .usage && unknown.standardError.hasPrefix("Error: no agreement"), "\(unknown.standardError)")
        let missing = run(["contract", "show", "UVO-2026-001", "--out", directory + "/werkmap.xlsx", "--db", directory + "/none.sqlite"])
        #expect(missing.exitCode != .success)
        #expect(try FileSystem.contentsOfDirectory(directory).filter { $0.hasSuffix(".xlsx") || $0.hasSuffix(".tmp") } == [])
    }

    @Test("--out naming a folder or the database is refused with exit 73 before anything is computed")
    func unwritableOutput() throws {
        let directory = temporaryDirectory()
        let folder = run(Self.commands[0] + ["--format", "xlsx", "--out", directory])
        #expect(folder.exitCode == .cannotCreateOutput)
        let db = directory + "/catalogue.sqlite"
        #expect(run(["municipality", "import", Self.profile, "--db", db]).exitCode == .success)
        let database = run(["contract", "show", "UVO-2026-001", "--format", "xlsx", "--out", db, "--db", db])
        #expect(database.exitCode == .cannotCreateOutput, "\(database.standardError)")
    }
}
