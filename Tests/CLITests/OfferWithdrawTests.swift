@testable import catalogue_cli
import Contracts
import JSON
import Testing
import TestSupport

/// `offer withdraw`: drafts and issued quotes are withdrawn with a reason; nothing else is.
@Suite("offer withdraw")
struct OfferWithdrawTests {
    /// A database with Midden-Drenthe and offers 1 and 2 for 2025, each with one line, both drafts.
    private func fixture() -> [String] {
        let db = ["--db", temporaryDirectory() + "/catalogue.sqlite"]
        #expect(run(["municipality", "import", repositoryRoot + "/seeds/municipalities/midden-drenthe.json"] + db).exitCode == .success)
        for id in ["1", "2"] {
            #expect(run(["offer", "create", "--municipality", "midden-drenthe", "--first-year", "2025", "--years", "1"] + db).exitCode == .success)
            #expect(run(["offer", "add", id, "--service", "ido"] + db).exitCode == .success)
        }
        return db
    }

    /// What the database holds: `offer list` and the number of audit entries.
    private func state(_ db: [String]) throws -> (list: String, audit: Int) {
        let store = try CatalogueStore(path: db[1], mode: .readOnly, who: "t", now: "x")
        return (run(["offer", "list"] + db).standardOutput, try store.auditLog().count)
    }

    @Test("a draft is withdrawn; list and show say withdrawn; the audit entry has the date and reason")
    func draft() throws {
        let db = fixture()
        let withdrawn = run(["offer", "withdraw", "1", "--date", "2024-12-01", "--reason", "De gemeente kiest een ander aanbod"] + db)
        #expect(withdrawn.exitCode == .success, "\(withdrawn.standardError)")
        #expect(withdrawn.standardOutput == "Withdrew offer 1 (OFF-2025-001 versie 1) on 2024-12-01: De gemeente kiest een ander aanbod\n")
        #expect(run(["offer", "show", "1"] + db).standardOutput.hasPrefix("offer 1 (OFF-2025-001 versie 1) for midden-drenthe, 2025, 1 line, withdrawn\n"))
        let list = run(["offer", "list"] + db).standardOutput.split(separator: "\n")
        #expect(list.last?.hasSuffix("withdrawn") == true && list.last?.contains("OFF-2025-001") == true)
        let json = try #require(try JSONParser.parse(run(["offer", "show", "1", "--format", "json"] + db).standardOutput).objectValue)
        #expect(json["status"] == "withdrawn")
        let store = try CatalogueStore(path: db[1], mode: .readOnly, who: "t", now: "x")
        let entry = try #require(try store.auditLog().last)
        #expect(entry.action == "withdraw" && entry.entityID == "1")
        #expect(try JSONParser.parse(try #require(entry.after)) == ["date": "2024-12-01", "reason": "De gemeente kiest een ander aanbod", "status": "withdrawn"])
        // A withdrawn offer does not change and is not issued.
        #expect(run(["offer", "add", "1", "--service", "ido"] + db).exitCode == .dataError)
        let issue = run(["offer", "issue", "1", "--allow-illustrative", "--date", "2024-12-10"] + db)
        #expect(issue.exitCode == .dataError)
        #expect(issue.standardError == "Error: offer 1 (OFF-2025-001 versie 1) is withdrawn, not a draft; only a draft can be issued\n")
        #expect(run(["store", "check"] + db).exitCode == .success)
    }

    @Test("an issued quote is withdrawn, and accepting it afterwards is refused with 65")
    func issued() throws {
        let db = fixture()
        #expect(run(["offer", "issue", "2", "--allow-illustrative", "--date", "2024-12-10"] + db).exitCode == .success)
        let withdrawn = run(["offer", "withdraw", "2", "--date", "2024-12-20", "--reason", "Budget vervallen"] + db)
        #expect(withdrawn.exitCode == .success, "\(withdrawn.standardError)")
        #expect(withdrawn.standardOutput == """
            Withdrew offer 2 (OFF-2025-002 versie 1) on 2024-12-20: Budget vervallen
            Its quote OFF-2025-002-v1 can no longer be accepted.

            """)
        let before = try state(db)
        let accept = run(["offer", "accept", "2", "--allow-illustrative", "--date", "2024-12-21"] + db)
        #expect(accept.exitCode == .dataError)
        #expect(accept.standardError == "Error: offer 2 (OFF-2025-002 versie 1) is withdrawn; only an issued offer can be accepted\n")
        #expect(try state(db) == before)
        #expect(run(["contract", "list"] + db).standardOutput.contains("UVO-") == false)
        #expect(run(["store", "check"] + db).exitCode == .success)
    }

    @Test("accepted and withdrawn offers are refused with 65 and a message, and nothing changes")
    func refused() throws {
        let db = fixture()
        #expect(run(["offer", "issue", "2", "--allow-illustrative", "--date", "2024-12-10"] + db).exitCode == .success)
        #expect(run(["offer", "accept", "2", "--allow-illustrative", "--date", "2024-12-20"] + db).exitCode == .success)
        #expect(run(["offer", "withdraw", "1", "--date", "2024-12-20", "--reason", "eerste keer"] + db).exitCode == .success)
        let before = try state(db)
        let accepted = run(["offer", "withdraw", "2", "--date", "2024-12-21", "--reason", "te laat"] + db)
        #expect(accepted.exitCode == .dataError)
        #expect(accepted.standardError == "Error: offer 2 (OFF-2025-002 versie 1) is accepted and has an agreement; an accepted offer cannot be withdrawn\n")
        #expect(accepted.standardOutput.isEmpty)
        let again = run(["offer", "withdraw", "1", "--date", "2024-12-21", "--reason", "tweede keer"] + db)
        #expect(again.exitCode == .dataError)
        #expect(again.standardError == "Error: offer 1 (OFF-2025-001 versie 1) is withdrawn already\n")
        #expect(try state(db) == before)
        #expect(before.list.contains("accepted") && before.list.contains("withdrawn"))
    }

    @Test("a missing offer, a missing or empty --reason and a bad date are usage errors (64), changing nothing")
    func usage() throws {
        let db = fixture()
        let before = try state(db)
        let missing = run(["offer", "withdraw", "9", "--date", "2024-12-20", "--reason", "x"] + db)
        #expect(missing.exitCode == .usage)
        #expect(missing.standardError == "Error: no offer 9 in the database; 'catalogue-cli offer list' shows them\n")
        let noReason = run(["offer", "withdraw", "1", "--date", "2024-12-20"] + db)
        #expect(noReason.exitCode == .usage)
        #expect(noReason.standardError.hasPrefix("Error: missing '--reason <text>': a withdrawal is recorded with its reason\n"))
        let empty = run(["offer", "withdraw", "1", "--date", "2024-12-20", "--reason", " "] + db)
        #expect(empty.exitCode == .usage)
        #expect(empty.standardError.hasPrefix("Error: '--reason' is empty; say why the offer is withdrawn\n"))
        #expect(run(["offer", "withdraw", "1", "--date", "2024-12-20", "--reason", "a\u{0}b"] + db).exitCode == .usage)
        #expect(run(["offer", "withdraw", "1", "--reason", "x"] + db).exitCode == .usage)
        #expect(run(["offer", "withdraw", "1", "--date", "2024-13-01", "--reason", "x"] + db).exitCode == .usage)
        #expect(run(["offer", "withdraw", "-1", "--date", "2024-12-20", "--reason", "x"] + db).exitCode == .usage)
        #expect(try state(db) == before)
    }

    @Test("a withdrawal dated before the quote was issued is refused")
    func beforeIssue() throws {
        let db = fixture()
        #expect(run(["offer", "issue", "1", "--allow-illustrative", "--date", "2024-12-10"] + db).exitCode == .success)
        let early = run(["offer", "withdraw", "1", "--date", "2024-12-09", "--reason", "x"] + db)
        #expect(early.exitCode == .dataError)
        #expect(early.standardError == "Error: offer 1 (OFF-2025-001 versie 1) cannot be withdrawn: the withdrawal date 2024-12-09 is before the quote was issued (2024-12-10)\n")
    }
}
