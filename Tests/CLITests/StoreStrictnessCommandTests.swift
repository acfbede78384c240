#if canImport(Glibc)
import Glibc
#endif
@testable import catalogue_cli
import Catalogue
import Contracts
import JSON
import Testing
import TestSupport
import Support

@Suite("The strict store through the command line: bad rows exit 74, the audit log holds JSON")
struct StoreStrictnessCommandTests {
    @Test("a bad stored value exits 74 naming table, column and row, instead of printing a default")
    func badValue() throws {
        let path = temporaryDirectory() + "/catalogue.sqlite"
        let db = ["--db", path]
        #expect(run(["municipality", "import", repositoryRoot + "/seeds/municipalities/midden-drenthe.json"] + db).exitCode == .success)
        #expect(run(["offer", "create", "--municipality", "midden-drenthe", "--first-year", "2025", "--years", "1"] + db).exitCode == .success)
        try Database(path: path).execute("UPDATE offers SET first_year = 'abc' WHERE id = 1")
        for arguments in [["offer", "list"], ["offer", "show", "1"]] {
            let result = run(arguments + db)
            #expect(result.exitCode == .inputOutputError)
            #expect(result.standardOutput.isEmpty)
            #expect(result.standardError.contains("read offers row id 1: column first_year: expected an integer, found the text 'abc'"), "\(result.standardError)")
        }
        let checked = run(["store", "check"] + db)
        #expect(checked.exitCode == .dataError)
        #expect(checked.standardOutput.contains("value: offer 1: read offers row id 1: column first_year"))
    }

    @Test("a --tariffs folder whose name contains a quote writes valid JSON audit entries that name it")
    func quotedTariffsFolder() throws {
        let directory = temporaryDirectory()
        let tariffs = directory + "/boeken \"2025\""
        #expect(mkdir(tariffs, 0o755) == 0)
        try FileSystem.writeFileAtomically(tariffs + "/2025.json", try FileSystem.readFile(tariffsDirectory + "/2025.json"))
        let db = ["--db", directory + "/catalogue.sqlite", "--tariffs", tariffs]
        #expect(run(["municipality", "import", repositoryRoot + "/seeds/municipalities/midden-drenthe.json", "--db", directory + "/catalogue.sqlite"]).exitCode == .success)
        #expect(run(["offer", "create", "--municipality", "midden-drenthe", "--first-year", "2025", "--years", "1"] + db).exitCode == .success)
        #expect(run(["offer", "add", "1", "--service", "ido"] + db).exitCode == .success)
        let issued = run(["offer", "issue", "1", "--allow-illustrative", "--date", "2024-12-10"] + db)
        #expect(issued.exitCode == .success, "\(issued.standardError)")
        let database = try Database(path: directory + "/catalogue.sqlite")
        #expect(try database.query("SELECT COUNT(*) FROM audit_log WHERE NOT json_valid(COALESCE(before, 'null')) OR NOT json_valid(COALESCE(after, 'null'))")
            .first?.first?.integer == 0)
        let after = try #require(try database.query("SELECT after FROM audit_log WHERE entity = 'tariff_book'").first?.first?.text)
        #expect(try JSONParser.parse(after).objectValue?["source"] == .string(tariffs + "/2025.json"))
    }
}
