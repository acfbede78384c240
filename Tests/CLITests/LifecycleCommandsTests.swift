@testable import catalogue_cli
import JSON
import Testing
import TestSupport

/// An account manager's way through the commands, on a scratch database.
@Suite("municipality, offer, quote and contract commands")
struct LifecycleCommandsTests {
    private func fixture() -> (database: String, directory: String) {
        let directory = temporaryDirectory()
        return (directory + "/catalogue.sqlite", directory)
    }

    @Test("from profile to agreement with commands alone")
    func wholeWay() throws {
        let (database, directory) = fixture()
        let db = ["--db", database]
        let imported = run(["municipality", "import", repositoryRoot + "/seeds/municipalities/midden-drenthe.json",
                            repositoryRoot + "/seeds/municipalities/meppel.json"] + db)
        #expect(imported.exitCode == .success)
        #expect(imported.standardOutput.hasPrefix("imported midden-drenthe (Midden-Drenthe) from "))
        #expect(run(["municipality", "list"] + db).standardOutput == "CODE            NAME\nmeppel          Meppel\nmidden-drenthe  Midden-Drenthe\n")

        let created = run(["offer", "create", "--municipality", "midden-drenthe", "--first-year", "2025", "--years", "2", "--title", "Voorstel"] + db)
        #expect(created.standardOutput == "Created offer 1 (OFF-2025-001 versie 1) for midden-drenthe, 2025–2026, 0 lines, draft.\n")
        #expect(run(["offer", "add", "1", "--service", "robuuste-bibliotheek"] + db).exitCode == .success)
        #expect(run(["offer", "add", "1", "--service", "maatwerk", "--level", "hbo", "--hours", "40", "--description", "Leesplan"] + db).exitCode == .success)
        #expect(run(["offer", "add", "1", "--line", #"{"service": "ido"}"#] + db).exitCode == .success)

        // A wrong line is refused with its path, and nothing is stored.
        let bad = run(["offer", "add", "1", "--service", "dbos-po", "--schools", "vo-beilen"] + db)
        #expect(bad.exitCode == .dataError)
        #expect(bad.standardError.contains("lines[3].schools[0]: dbos-po is only for po schools; \"vo-beilen\" is a vo school"))
        #expect(run(["offer", "remove", "1", "--line", "2"] + db).standardOutput == "Changed offer 1 (OFF-2025-001 versie 1) for midden-drenthe, 2025–2026, 2 lines, draft.\n")

        let show = run(["offer", "show", "1", "--format", "json"] + db)
        let offer = try #require(try JSONParser.parse(show.standardOutput).objectValue)
        #expect(offer["lines"] == .array([.object(JSONObject([.init(key: "service", value: "robuuste-bibliotheek")])),
                                          .object(JSONObject([.init(key: "service", value: "ido")]))]))

        // 2026 has no book: issuing needs assumptions, and the date is required.
        #expect(run(["offer", "issue", "1"] + db).exitCode == .usage)
        let noAssumption = run(["offer", "issue", "1", "--allow-illustrative", "--date", "2024-12-10"] + db)
        #expect(noAssumption.exitCode == .usage)
        #expect(noAssumption.standardError.hasPrefix("Error: 2026 has no published tariff book"))
        let issued = run(["offer", "issue", "1", "--allow-illustrative", "--date", "2024-12-10", "--assume-wage", "3.75", "--assume-price", "2.1"] + db)
        #expect(issued.exitCode == .success, "\(issued.standardError)")
        #expect(issued.standardOutput.hasPrefix("Issued offer 1 as quote OFF-2025-001-v1 on 2024-12-10, valid until 2025-02-08."))
        #expect(issued.standardOutput.contains("2026: municipality € "))
        #expect(issued.standardOutput.contains("(projected)"))

        let quoteFile = directory + "/out/nested/offerte.html"
        #expect(run(["quote", "1", "--out", quoteFile] + db).standardOutput == "Wrote offerte OFF-2025-001-v1 to \(quoteFile).\n")
        let html = try #require(readFile(quoteFile))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("OFF-2025-001-v1"))
        #expect(run(["quote", "OFF-2025-001-v1", "--out", directory + "/offerte.json"] + db).exitCode == .success)
        #expect(readFile(directory + "/offerte.json")?.contains("\"kind\": \"offerte\"") == true)

        // Accepting twice is refused; the second time the offer is no longer issued.
        let accepted = run(["offer", "accept", "1", "--allow-illustrative", "--date", "2025-02-01"] + db)
        #expect(accepted.exitCode == .success, "\(accepted.standardError)")
        #expect(accepted.standardOutput.hasPrefix("Accepted offer 1 on 2025-02-01: agreement UVO-2025-001 for 2025–2026."))
        let again = run(["offer", "accept", "1", "--allow-illustrative", "--date", "2025-02-02"] + db)
        #expect(again.exitCode == .dataError)
        #expect(again.standardError == "Error: offer 1 (OFF-2025-001 versie 1) is accepted; only an issued offer can be accepted\n")
        let contractFile = directory + "/uvo.md"
        #expect(run(["contract", "UVO-2025-001", "--out", contractFile] + db).exitCode == .success)
        #expect(readFile(contractFile)?.contains("UVO-2025-001") == true)
        #expect(run(["contract", "1", "--out", directory + "/uvo.html"] + db).exitCode == .success)

        let list = run(["offer", "list"] + db).standardOutput
        #expect(list.contains("OFF-2025-001") && list.contains("accepted"))
    }

    @Test("the stateless forms write documents from a profile and an offer file")
    func stateless() {
        let directory = temporaryDirectory()
        let arguments = ["--profile", repositoryRoot + "/seeds/municipalities/aa-en-hunze.json",
                         "--offer", repositoryRoot + "/seeds/offers/aa-en-hunze-leesbevordering.offer.json", "--date", "2025-03-01"]
        let quote = run(["quote", "--out", directory + "/q.md"] + arguments)
        #expect(quote.exitCode == .success, "\(quote.standardError)")
        #expect(readFile(directory + "/q.md")?.contains("CONCEPT") == true)
        #expect(run(["contract", "--out", directory + "/c.json"] + arguments).exitCode == .success)
        #expect(readFile(directory + "/c.json")?.contains("\"kind\": \"uitvoeringsovereenkomst\"") == true)
        let noDate = run(["quote", "--out", directory + "/q.html", "--profile", arguments[1], "--offer", arguments[3]])
        #expect(noDate.exitCode == .usage)
    }

    @Test("errors: unknown offer 64, a database that cannot be opened 74, an output that cannot be written 73")
    func errors() {
        let (database, directory) = fixture()
        #expect(run(["store", "migrate", "--db", database]).exitCode == .success)
        let unknown = run(["offer", "show", "7", "--db", database])
        #expect(unknown.exitCode == .usage)
        #expect(unknown.standardError.hasPrefix("Error: no offer 7 in the database"))
        let notADatabase = run(["offer", "list", "--db", directory])
        #expect(notADatabase.exitCode == .inputOutputError)
        #expect(notADatabase.standardError.hasPrefix("Error: database \(directory): "))
        let unwritable = run(["quote", "--out", "/proc/version/q.html", "--date", "2025-01-01",
                              "--profile", repositoryRoot + "/seeds/municipalities/aa-en-hunze.json",
                              "--offer", repositoryRoot + "/seeds/offers/aa-en-hunze-leesbevordering.offer.json"])
        #expect(unwritable.exitCode == .cannotCreateOutput)
        #expect(unwritable.standardError.hasPrefix("Error: cannot create /proc/version"))
    }
}
