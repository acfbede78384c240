@testable import catalogue_cli
import Contracts
import JSON
import Testing
import TestSupport

@Suite("catalogue-cli store check, and commands that refuse tampered frozen material")
struct StoreCheckCommandTests {
    /// A database made the way a user would: a seed offer issued and accepted (UVO-2025-001), then amended.
    private func agreed() -> (db: [String], path: String) {
        let path = temporaryDirectory() + "/catalogue.sqlite"
        let db = ["--db", path]
        let assumptions = ["--assume-wage", "3.75", "--assume-price", "2.1"]
        #expect(run(["municipality", "import", repositoryRoot + "/seeds/municipalities/midden-drenthe.json"] + db).exitCode == .success)
        #expect(run(["offer", "create", "--from", repositoryRoot + "/seeds/offers/midden-drenthe-basis.offer.json"] + db).exitCode == .success)
        #expect(run(["offer", "issue", "1", "--allow-illustrative", "--date", "2024-11-21"] + assumptions + db).exitCode == .success)
        #expect(run(["offer", "accept", "1", "--allow-illustrative", "--date", "2024-12-05"] + db).exitCode == .success)
        let amended = run(["contract", "amend", "UVO-2025-001", "--from", "2025", "--date", "2025-12-20", "--remove", "2"] + db)
        #expect(amended.exitCode == .success, "\(amended.standardError)")
        return (db, path)
    }

    @Test("a store made by the tool is sound: exit 0, in both formats")
    func sound() throws {
        let (db, path) = agreed()
        let checked = run(["store", "check"] + db)
        #expect(checked.exitCode == .success, "\(checked.standardOutput)\(checked.standardError)")
        #expect(checked.standardOutput == "\(path): sound; integrity, frozen quotes and agreements, and every stored SHA-256 check out.\n")
        let json = run(["store", "check", "--format", "json"] + db)
        let object = try #require(try JSONParser.parse(json.standardOutput).objectValue)
        #expect(object["sound"] == .bool(true) && object["findings"] == .array([]))
    }

    @Test("a hand-edited frozen amount: store check exits 65 with one line per finding; contract show refuses, naming it")
    func frozenAmount() throws {
        let (db, path) = agreed()
        let shown = run(["contract", "show", "UVO-2025-001"] + db)
        #expect(shown.exitCode == .success)
        let database = try Database(path: path)
        try database.execute("DROP TRIGGER quote_lines_are_frozen; UPDATE quote_lines SET amount_cents = amount_cents + 300000000 WHERE position = 1")
        try database.execute("DROP TRIGGER agreements_are_frozen; UPDATE agreements SET document_json = '{}'")
        let checked = run(["store", "check"] + db)
        #expect(checked.exitCode == .dataError)
        #expect(checked.standardOutput.split(separator: "\n") == [
            "hash: quote OFF-2025-001-v1: the frozen lines and amounts (quote_lines): its SHA-256 does not match the one stored when it was frozen",
            "hash: agreement UVO-2025-001: the agreement's documents (agreements): its SHA-256 does not match the one stored when it was frozen",
        ])
        #expect(checked.standardError == "Error: store check found 2 problems in \(path)\n")
        let refused = run(["contract", "show", "UVO-2025-001"] + db)
        #expect(refused.exitCode == .dataError)
        #expect(refused.standardOutput.isEmpty)
        #expect(refused.standardError.contains("agreement UVO-2025-001: the agreement's documents (agreements)"))
    }

    @Test("offer accept refuses an issued quote whose frozen lines were edited")
    func acceptTampered() throws {
        let path = temporaryDirectory() + "/catalogue.sqlite"
        let db = ["--db", path]
        #expect(run(["municipality", "import", repositoryRoot + "/seeds/municipalities/midden-drenthe.json"] + db).exitCode == .success)
        #expect(run(["offer", "create", "--from", repositoryRoot + "/seeds/offers/midden-drenthe-basis.offer.json"] + db).exitCode == .success)
        #expect(run(["offer", "issue", "1", "--allow-illustrative", "--date", "2024-11-21", "--assume-wage", "3.75", "--assume-price", "2.1"] + db).exitCode == .success)
        let database = try Database(path: path)
        try database.execute("DROP TRIGGER quotes_are_frozen; UPDATE quotes SET municipality_cents = 1")
        let accepted = run(["offer", "accept", "1", "--allow-illustrative", "--date", "2024-12-05"] + db)
        #expect(accepted.exitCode == .dataError)
        #expect(accepted.standardError.contains("quote OFF-2025-001-v1: the totals and dates (quotes): its SHA-256 does not match"))
        #expect(try database.query("SELECT COUNT(*) FROM agreements").first?.first?.integer == 0)
    }

    @Test("writing a stored offerte, agreement or wijziging whose document was edited is refused (65), nothing written")
    func storedDocuments() throws {
        let (db, path) = agreed()
        let database = try Database(path: path)
        try database.execute("DROP TRIGGER quotes_are_frozen; UPDATE quotes SET document_markdown = 'vervalst'")
        try database.execute("DROP TRIGGER agreements_are_frozen; UPDATE agreements SET document_markdown = 'vervalst'")
        try database.execute("DROP TRIGGER amendments_are_frozen; UPDATE amendments SET document_markdown = 'vervalst'")
        for (arguments, subject) in [(["quote", "1"], "quote OFF-2025-001-v1: the offerte documents (quotes)"),
                                     (["contract", "UVO-2025-001"], "agreement UVO-2025-001: the agreement's documents (agreements)"),
                                     (["contract", "UVO-2025-001-W1"], "amendment UVO-2025-001-W1: the amendment's documents (amendments)")] {
            let written = run(arguments + ["--out", "-", "--format", "markdown"] + db)
            #expect(written.exitCode == .dataError, "\(arguments)")
            #expect(written.standardOutput.isEmpty)
            #expect(written.standardError.contains(subject), "\(written.standardError)")
        }
    }
}
