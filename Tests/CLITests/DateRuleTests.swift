@testable import catalogue_cli
import Testing
import TestSupport

/// Dates in order: a quote is issued before its term begins (or late, with a reason the offerte
/// states), accepted on or after its issue date and no later than its last valid day.
@Suite("the order of dates")
struct DateRuleTests {
    private func draft() -> [String] {
        let directory = temporaryDirectory()
        let db = ["--db", directory + "/catalogue.sqlite"]
        #expect(run(["municipality", "import", repositoryRoot + "/seeds/municipalities/midden-drenthe.json"] + db).exitCode == .success)
        #expect(run(["offer", "create", "--municipality", "midden-drenthe", "--first-year", "2025", "--years", "1"] + db).exitCode == .success)
        #expect(run(["offer", "add", "1", "--service", "ido"] + db).exitCode == .success)
        return db
    }

    @Test("a quote issued on or after the start of its term is refused, and nothing is frozen")
    func lateIssue() {
        let db = draft()
        let late = run(["offer", "issue", "1", "--allow-illustrative", "--date", "2025-01-01"] + db)
        #expect(late.exitCode == .dataError)
        #expect(late.standardError == "Error: the quote's date 2025-01-01 is on or after the start of its term (2025-01-01); issue it before the term begins, or give '--late <reason>' to issue it late with the reason printed in the offerte\n")
        #expect(run(["offer", "show", "1"] + db).standardOutput.hasPrefix("offer 1 (OFF-2025-001 versie 1) for midden-drenthe, 2025, 1 line, draft"))
        #expect(run(["offer", "issue", "1", "--allow-illustrative", "--date", "2025-03-01", "--late", "   "] + db).exitCode == .dataError)
    }

    @Test("with --late the quote is issued and the offerte states the reason")
    func lateWithReason() throws {
        let db = draft()
        let issued = run(["offer", "issue", "1", "--allow-illustrative", "--date", "2025-03-01", "--late", "Raadsbesluit pas in februari genomen"] + db)
        #expect(issued.exitCode == .success, "\(issued.standardError)")
        let out = temporaryDirectory() + "/offerte.md"
        #expect(run(["quote", "1", "--out", out] + db).exitCode == .success)
        let markdown = try #require(readFile(out))
        #expect(markdown.contains("Deze offerte is uitgebracht op 1 maart 2025, na de aanvang van de looptijd op 1 januari 2025. Reden: Raadsbesluit pas in februari genomen"))
    }

    @Test("acceptance before the issue date or after the last valid day is refused; on both edges it is accepted", arguments: [
        ("2024-11-30", "Error: offer 1 (OFF-2025-001 versie 1) cannot be accepted: the acceptance date 2024-11-30 is before the quote was issued (2024-12-01)\n"),
        ("2024-12-31", "Error: offer 1 (OFF-2025-001 versie 1) cannot be accepted: the quote was valid until 2024-12-30 and has expired on 2024-12-31; it can no longer be accepted (a changed offer is issued as a new version)\n"),
    ])
    func acceptance(date: String, message: String) {
        let db = draft()
        #expect(run(["offer", "issue", "1", "--allow-illustrative", "--date", "2024-12-01", "--valid-days", "29"] + db).exitCode == .success)
        let refused = run(["offer", "accept", "1", "--allow-illustrative", "--date", date] + db)
        #expect(refused.exitCode == .dataError)
        #expect(refused.standardError == message)
        #expect(run(["contract", "list"] + db).standardOutput.hasPrefix("No agreements yet"))
    }

    @Test("acceptance on the issue date and on the last valid day", arguments: ["2024-12-01", "2024-12-30"])
    func acceptanceEdges(date: String) {
        let db = draft()
        #expect(run(["offer", "issue", "1", "--allow-illustrative", "--date", "2024-12-01", "--valid-days", "29"] + db).exitCode == .success)
        #expect(run(["offer", "accept", "1", "--allow-illustrative", "--date", date] + db).exitCode == .success)
    }
}
