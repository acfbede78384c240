@testable import catalogue_cli
import Contracts
import JSON
import Money
import Testing
import TestSupport

/// Amending an agreement: `contract amend` and `contract show`, on a scratch database with a
/// three-year agreement for Midden-Drenthe (2026–2028, accepted 5 December 2025).
@Suite("contract amend and contract show")
struct AmendmentCommandsTests {
    private static let assumptions = ["--assume-wage", "3.75", "--assume-price", "2.1"]

    /// The original lines of the agreement.
    private static let lines: [String] = [
        #"{"service": "robuuste-bibliotheek"}"#,
        #"{"service": "boekstartcoach", "consultationBureaus": ["cb-beilen"], "hoursPerWeek": 4}"#,
        #"{"service": "meedoen"}"#,
        #"{"service": "ido"}"#,
    ]

    /// A database holding agreement UVO-2026-001; returns its `--db` arguments and directory.
    private func agreement(_ lines: [String] = lines) throws -> (db: [String], directory: String) {
        let directory = temporaryDirectory()
        let db = ["--db", directory + "/catalogue.sqlite"]
        #expect(run(["municipality", "import", repositoryRoot + "/seeds/municipalities/midden-drenthe.json"] + db).exitCode == .success)
        #expect(run(["offer", "create", "--municipality", "midden-drenthe", "--first-year", "2026", "--years", "3"] + db).exitCode == .success)
        for line in lines {
            let added = run(["offer", "add", "1", "--line", line] + db)
            #expect(added.exitCode == .success, "\(added.standardError)")
        }
        #expect(run(["offer", "issue", "1", "--allow-illustrative", "--date", "2025-11-21"] + Self.assumptions + db).exitCode == .success)
        let accepted = run(["offer", "accept", "1", "--allow-illustrative", "--date", "2025-12-05"] + db)
        try #require(accepted.exitCode == .success, "\(accepted.standardError)")
        return (db, directory)
    }

    /// What the municipality pays per year for an offer of `lines` priced from files (the oracle:
    /// the ordinary price command, which knows nothing of amendments).
    private func municipalityPerYear(_ lines: [String], directory: String) throws -> [String] {
        let offer = directory + "/oracle.offer.json"
        writeFile(offer, #"{"municipality": "midden-drenthe", "firstYear": 2026, "years": 3, "lines": ["# + lines.joined(separator: ", ") + "]}")
        let priced = run(["price", "--profile", repositoryRoot + "/seeds/municipalities/midden-drenthe.json", "--offer", offer,
                          "--format", "json"] + Self.assumptions)
        try #require(priced.exitCode == .success, "\(priced.standardError)")
        let years = try #require(try JSONParser.parse(priced.standardOutput).objectValue?["years"]?.arrayValue)
        return years.compactMap { $0.objectValue?["totals"]?.objectValue?["municipality"]?.stringValue }
    }

    private func amendmentJSON(_ reference: String, db: [String]) throws -> JSONObject {
        let written = run(["contract", reference, "--out", "-", "--format", "json"] + db)
        try #require(written.exitCode == .success, "\(written.standardError)")
        return try #require(try JSONParser.parse(written.standardOutput).objectValue)
    }

    @Test("an amendment in year two of three: before, change and after per year, priced as the same lines would be")
    func yearTwoOfThree() throws {
        let (db, directory) = try agreement()
        let amended = run(["contract", "amend", "UVO-2026-001", "--from", "2027", "--date", "2026-09-01",
                           "--service", "boekstartcoach", "--consultation-bureaus", "cb-westerbork", "--hours-per-week", "2",
                           "--out", directory + "/w1.md"] + db)
        #expect(amended.exitCode == .success, "\(amended.standardError)")
        expectGolden(amended.standardOutput.replacing(directory, with: "<dir>"), "amend-year-two.txt")
        expectGolden(try #require(readFile(directory + "/w1.md")), "amend-year-two.md")

        let document = try amendmentJSON("UVO-2026-001-W1", db: db)
        expectGolden(JSONWriter.write(.object(document)), "amend-year-two.json")
        let html = run(["contract", "UVO-2026-001-W1", "--out", "-", "--format", "html"] + db)
        expectGolden(html.standardOutput, "amend-year-two.html")
        #expect(html.standardOutput.contains("<th scope=\"row\">2027 (raming)</th><td class=\"amount\">€\u{00A0}841.644,68</td><td class=\"amount\">€\u{00A0}+5.120,00</td>"))
        // The change names the service and the consultation bureau as the agreement does: no code, no line number.
        #expect(html.standardOutput.contains("Toegevoegd vanaf 2027: BoekStartcoach voor Consultatiebureau Westerbork, 2 uur per week."))
        #expect(!html.standardOutput.contains("cb-westerbork") && !html.standardOutput.contains("(boekstartcoach)"))
        // The one signature block of every document, with the parties as the agreement names them.
        #expect(html.standardOutput.contains("<p class=\"party\">Stichting Proefbibliotheek</p>"))
        #expect(html.standardOutput.ranges(of: "<span class=\"label\">Handtekening:</span>").count == 2)
        let years = try #require(document["years"]?.arrayValue).compactMap(\.objectValue)
        #expect(years.map { $0["year"]?.numberValue?.text } == ["2027", "2028"])

        let before = try municipalityPerYear(Self.lines, directory: directory)
        let after = try municipalityPerYear(Self.lines + [#"{"service": "boekstartcoach", "consultationBureaus": ["cb-westerbork"], "hoursPerWeek": 2, "startYear": 2027}"#],
                                            directory: directory)
        for (index, year) in years.enumerated() {
            let municipality = try #require(year["municipality"]?.objectValue)
            #expect(municipality["before"]?.stringValue == before[index + 1])
            #expect(municipality["after"]?.stringValue == after[index + 1])
        }
        // 2026 is untouched, and the original agreement document is unchanged.
        let show = run(["contract", "show", "UVO-2026-001", "--format", "json"] + db)
        #expect(show.exitCode == .success, "\(show.standardError)")
        let shown = try #require(try JSONParser.parse(show.standardOutput).objectValue?["years"]?.arrayValue)
        #expect(shown.compactMap { $0.objectValue?["totals"]?.objectValue?["municipality"]?.stringValue } == [before[0], after[1], after[2]])
        #expect(shown.compactMap { $0.objectValue?["linesFrom"]?.stringValue } == ["UVO-2026-001", "UVO-2026-001-W1", "UVO-2026-001-W1"])
        let state = run(["contract", "show", "UVO-2026-001"] + db)
        #expect(state.exitCode == .success)
        #expect(row(state.standardOutput, "2026").contains(try dutch(before[0])))
        #expect(row(state.standardOutput, "2027").contains(try dutch(after[1])))
        #expect(state.standardOutput.contains("Lines 2027–2028 (UVO-2026-001-W1):"))
    }

    @Test("two amendments in a row; the state on any date is reproduced")
    func twoInARow() throws {
        let (db, directory) = try agreement()
        let first = run(["contract", "amend", "UVO-2026-001", "--from", "2027", "--date", "2026-09-01", "--replace", "2",
                         "--line", #"{"service": "boekstartcoach", "consultationBureaus": ["cb-beilen"], "hoursPerWeek": 6}"#] + db)
        #expect(first.exitCode == .success, "\(first.standardError)")
        let second = run(["contract", "amend", "UVO-2026-001", "--from", "2028", "--date", "2027-10-01", "--remove", "3,4",
                          "--out", directory + "/w2.md"] + db)
        #expect(second.exitCode == .success, "\(second.standardError)")
        expectGolden(second.standardOutput.replacing(directory, with: "<dir>"), "amend-second.txt")
        expectGolden(try #require(readFile(directory + "/w2.md")), "amend-second.md")

        // W2's "before" is the state after W1, not the original.
        let w1 = try amendmentJSON("UVO-2026-001-W1", db: db)
        let w2 = try amendmentJSON("UVO-2026-001-W2", db: db)
        let w1Years = try #require(w1["years"]?.arrayValue).compactMap(\.objectValue)
        let w2Years = try #require(w2["years"]?.arrayValue).compactMap(\.objectValue)
        #expect(w2Years.count == 1)
        #expect(w2Years[0]["municipality"]?.objectValue?["before"] == w1Years[1]["municipality"]?.objectValue?["after"])

        let sixHours = #"{"service": "boekstartcoach", "consultationBureaus": ["cb-beilen"], "hoursPerWeek": 6}"#
        let original = try municipalityPerYear(Self.lines, directory: directory)
        let afterW1 = try municipalityPerYear([Self.lines[0], sixHours, Self.lines[2], Self.lines[3]], directory: directory)
        let afterW2 = try municipalityPerYear([Self.lines[0], sixHours], directory: directory)
        #expect(w2Years[0]["municipality"]?.objectValue?["after"]?.stringValue == afterW2[2])

        func amounts(on date: String?) -> String {
            run(["contract", "show", "UVO-2026-001"] + (date.map { ["--on", $0] } ?? []) + db).standardOutput
        }
        let beforeAny = amounts(on: "2026-01-01")
        #expect(beforeAny.contains("State on 2026-01-01: 0 amendments."))
        for (index, amount) in original.enumerated() { #expect(row(beforeAny, "\(2026 + index)").contains(try dutch(amount))) }
        let betweenThem = amounts(on: "2027-06-30")
        #expect(betweenThem.contains("State on 2027-06-30: 1 amendment."))
        #expect(row(betweenThem, "2028").contains(try dutch(afterW1[2])))
        let now = amounts(on: nil)
        #expect(row(now, "2026").contains(try dutch(original[0])))
        #expect(row(now, "2027").contains(try dutch(afterW1[1])))
        #expect(row(now, "2028").contains(try dutch(afterW2[2])))
        expectGolden(now, "contract-show-two-amendments.txt")
        #expect(run(["contract", "show", "UVO-2026-001", "--on", "2025-12-01"] + db).exitCode == .dataError)
    }

    @Test("refusals: not active, outside the term, out of order, nothing to change, no such line; nothing is stored")
    func refusals() throws {
        let (db, directory) = try agreement()
        func amend(_ arguments: [String]) -> CommandResult { run(["contract", "amend", "UVO-2026-001"] + arguments + db) }
        let cases: [([String], String)] = [
            (["--from", "2029", "--date", "2026-09-01", "--remove", "3"],
             "Error: '--from' 2029 is outside agreement UVO-2026-001, which runs 2026–2028; amendments are co-terminous with the agreement (renew it to go beyond 2028)\n"),
            (["--from", "2026", "--date", "2027-02-01", "--remove", "3"],
             "Error: 2026 has ended by 2027-02-01; an amendment dated 2027-02-01 can take effect from 2027 at the earliest\n"),
            (["--from", "2027", "--date", "2026-09-01"],
             "Error: the amendment changes nothing; give a line to add, replace or remove, or a changed profile\n"),
            (["--from", "2027", "--date", "2026-09-01", "--remove", "5"],
             "Error: there is no line 5 in effect in 2027; the agreement has lines 1–4 then ('catalogue-cli contract show' lists them)\n"),
            (["--from", "2027", "--date", "2026-09-01", "--remove", "3,3"],
             "Error: line 3 is changed twice in one amendment; give one change per line\n"),
        ]
        for (arguments, message) in cases {
            let result = amend(arguments)
            #expect(result.exitCode == .dataError, "\(arguments)")
            #expect(result.standardError == message)
        }
        #expect(amend(["--from", "next", "--date", "2026-09-01", "--remove", "3"]).exitCode == .usage)
        #expect(amend(["--from", "2027", "--date", "2026-09-01", "--replace", "2"]).exitCode == .usage)
        let invalid = amend(["--from", "2027", "--date", "2026-09-01", "--service", "boekstartcoach", "--consultation-bureaus", "cb-nergens"])
        #expect(invalid.exitCode == .dataError)
        #expect(invalid.standardError.contains("no consultation bureau \"cb-nergens\" in the profile of midden-drenthe"))
        let unknown = run(["contract", "amend", "UVO-2026-009", "--from", "2027", "--date", "2026-09-01", "--remove", "1"] + db)
        #expect(unknown.exitCode == .usage)
        #expect(unknown.standardError == "Error: no agreement 'UVO-2026-009' in the database; did you mean 'UVO-2026-001'?\n")

        // A dry run shows the effect and records nothing.
        let dry = amend(["--from", "2028", "--date", "2027-09-01", "--remove", "3", "--dry-run"])
        #expect(dry.exitCode == .success)
        #expect(dry.standardOutput.contains("Not recorded (--dry-run)."))
        // Out of order: after an amendment from 2028, one from 2027 is refused.
        #expect(amend(["--from", "2028", "--date", "2027-09-01", "--remove", "3"]).exitCode == .success)
        let earlier = amend(["--from", "2027", "--date", "2027-09-02", "--remove", "2"])
        #expect(earlier.standardError == "Error: UVO-2026-001-W1 already changes the lines from 2028; a later amendment must take effect from 2028 or later\n")
        let backdated = amend(["--from", "2028", "--date", "2027-08-01", "--remove", "2"])
        #expect(backdated.standardError == "Error: the amendment's date 2027-08-01 is before UVO-2026-001-W1 of 2027-09-01; amendments follow each other in time\n")

        // An agreement that is no longer active is not amended.
        let store = try CatalogueStore(path: directory + "/catalogue.sqlite", who: "test", now: "2027-10-01T00:00:00Z")
        try store.database.execute("UPDATE agreements SET status = 'terminated'")
        let terminated = amend(["--from", "2028", "--date", "2027-10-01", "--remove", "2"])
        #expect(terminated.exitCode == .dataError)
        #expect(terminated.standardError == "Error: agreement UVO-2026-001 is terminated; only an active agreement can be amended\n")
        expectGolden(terminated.standardError, "amend-not-active.txt")
        // Exactly one amendment was recorded, and it cannot be edited or deleted.
        let agreementID = try #require(try store.agreement(reference: "UVO-2026-001")).id
        #expect(try store.amendments(agreementID: agreementID).map(\.reference) == ["UVO-2026-001-W1"])
        #expect(throws: StoreError.self) { try store.database.execute("UPDATE amendments SET from_year = 2027") }
        #expect(throws: StoreError.self) { try store.database.execute("DELETE FROM amendments") }
        #expect(try store.auditLog().filter { $0.action == "amend" }.map(\.entityID) == ["UVO-2026-001"])
    }

    @Test("an amendment from a profile change: the new count of inhabitants priced from its year, shown before it is recorded")
    func profileChange() throws {
        let (db, directory) = try agreement()
        let original = try #require(readFile(repositoryRoot + "/seeds/municipalities/midden-drenthe.json"))
        var profile = try #require(try JSONParser.parse(original).objectValue)
        var counts = try #require(profile["inhabitants"]?.arrayValue)
        counts.append(.object(["count": .number(JSONNumber(integer: 36000)), "date": "2027-01-01", "source": "gemeente, prognose"]))
        profile.set("inhabitants", .array(counts))
        let changed = directory + "/midden-drenthe-2027.json"
        writeFile(changed, JSONWriter.write(.object(profile)))

        let proposed = run(["contract", "amend", "UVO-2026-001", "--from", "2028", "--date", "2027-11-01", "--profile", changed, "--dry-run"] + db)
        #expect(proposed.exitCode == .success, "\(proposed.standardError)")
        #expect(proposed.standardOutput.contains("Het gemeenteprofiel is bijgewerkt"))
        #expect(proposed.standardOutput.contains("Not recorded (--dry-run)."))
        #expect(run(["contract", "show", "UVO-2026-001"] + db).standardOutput.contains("No amendments."))

        // The oracle: the same lines priced from files with the changed profile.
        let offer = directory + "/oracle.offer.json"
        writeFile(offer, #"{"municipality": "midden-drenthe", "firstYear": 2026, "years": 3, "lines": ["# + Self.lines.joined(separator: ", ") + "]}")
        let priced = run(["price", "--profile", changed, "--offer", offer, "--format", "json"] + Self.assumptions)
        let years = try #require(try JSONParser.parse(priced.standardOutput).objectValue?["years"]?.arrayValue)
        let expected = try #require(years[2].objectValue?["totals"]?.objectValue?["municipality"]?.stringValue)
        let before = try municipalityPerYear(Self.lines, directory: directory)
        #expect(expected != before[2])
        #expect(row(proposed.standardOutput, "2028").contains(try dutch(before[2])))
        #expect(row(proposed.standardOutput, "2028").hasSuffix(try dutch(expected)))

        // The same change kept as a dated version in the store, and used by date.
        let noVersion = run(["contract", "amend", "UVO-2026-001", "--from", "2028", "--date", "2027-11-01", "--profile-on", "2027-09-01", "--dry-run"] + db)
        #expect(noVersion.exitCode == .dataError)
        #expect(noVersion.standardError.contains("record one with 'catalogue-cli municipality import <file> --valid-from <date>'"))
        let imported = run(["municipality", "import", changed, "--valid-from", "2027-08-01"] + db)
        #expect(imported.standardOutput == "imported midden-drenthe (Midden-Drenthe) from \(changed), version valid from 2027-08-01\n")
        #expect(run(["municipality", "import", changed, "--valid-from", "2027-08-01"] + db).standardOutput.hasPrefix("unchanged"))
        let tooEarly = run(["contract", "amend", "UVO-2026-001", "--from", "2028", "--date", "2027-11-01", "--profile-on", "2027-07-31", "--dry-run"] + db)
        #expect(tooEarly.standardError == "Error: no profile version of midden-drenthe is valid on 2027-07-31; versions: 2027-08-01\n")
        let byVersion = run(["contract", "amend", "UVO-2026-001", "--from", "2028", "--date", "2027-11-01", "--profile-on", "2027-09-01", "--dry-run"] + db)
        #expect(byVersion.exitCode == .success, "\(byVersion.standardError)")
        #expect(row(byVersion.standardOutput, "2028") == row(proposed.standardOutput, "2028"))

        // Another municipality's profile is refused.
        let other = run(["contract", "amend", "UVO-2026-001", "--from", "2028", "--date", "2027-11-01",
                         "--profile", repositoryRoot + "/seeds/municipalities/meppel.json"] + db)
        #expect(other.exitCode == .dataError)
        #expect(other.standardError.contains("is the profile of meppel, but UVO-2026-001 is an agreement with midden-drenthe"))
    }

    @Test("a removal with notice: dBos leaves a school only at the end of a period for which notice is still in time")
    func removalWithNotice() throws {
        let (db, directory) = try agreement([
            #"{"service": "robuuste-bibliotheek"}"#,
            #"{"service": "dbos-po", "schools": ["po-beilen-a", "po-beilen-b"]}"#,
            #"{"service": "dbos-po", "schools": ["po-smilde-a"], "runningSince": 2016}"#,
        ])
        // Beilen A and B start in 2026: three years, so they cannot leave during this agreement.
        let tooEarly = run(["contract", "amend", "UVO-2026-001", "--from", "2028", "--date", "2026-06-01", "--replace", "2",
                            "--line", #"{"service": "dbos-po", "schools": ["po-beilen-a"]}"#] + db)
        #expect(tooEarly.exitCode == .dataError)
        #expect(tooEarly.standardError == "Error: dbos-po at po-beilen-b (Basisschool Beilen B) started in 2026; with notice given on 2026-06-01 its cooperation agreement ends on 31 December 2028 at the earliest (three years, then a year at a time, notice a year ahead by 2027-12-31); it runs beyond this agreement (to 2028); it can end with the agreement's renewal\n")
        // Smilde A runs since 2016 and renews yearly: leaving from 2027 needed notice by the end of 2025.
        let late = run(["contract", "amend", "UVO-2026-001", "--from", "2027", "--date", "2026-06-01", "--remove", "3"] + db)
        #expect(late.exitCode == .dataError)
        #expect(late.standardError.hasSuffix("ends on 31 December 2027 at the earliest (three years, then a year at a time, notice a year ahead by 2026-12-31); take it out from 2028\n"))

        let notices = run(["contract", "notices", "--date", "2026-06-01", "--months", "12"] + db)
        expectGolden(notices.standardOutput, "contract-notices.txt")
        #expect(notices.standardOutput.contains("2026-12-31  UVO-2026-001  Midden-Drenthe  notice dbos-po at Basisschool Smilde A (since 2016), else renews a year  2027-12-31"))
        #expect(!notices.standardOutput.contains("Beilen A"))
        let later = run(["contract", "notices", "--date", "2027-01-15", "--months", "24", "--format", "json"] + db)
        let items = try #require(try JSONParser.parse(later.standardOutput).objectValue?["notices"]?.arrayValue).compactMap(\.objectValue)
        #expect(items.map { $0["date"]?.stringValue ?? "" } == ["2027-12-31", "2027-12-31", "2027-12-31", "2028-12-31"])
        #expect(items.map { $0["kind"]?.stringValue ?? "" } == ["dbos-notice", "dbos-notice", "dbos-notice", "term-end"])

        let removed = run(["contract", "amend", "UVO-2026-001", "--from", "2028", "--date", "2026-06-01", "--remove", "3",
                           "--out", directory + "/w1.md"] + db)
        #expect(removed.exitCode == .success, "\(removed.standardError)")
        expectGolden(removed.standardOutput.replacing(directory, with: "<dir>"), "amend-removal-with-notice.txt")
        expectGolden(try #require(readFile(directory + "/w1.md")), "amend-removal-with-notice.md")
        #expect(removed.standardOutput.contains("Opzegging dBos PO op Basisschool Smilde A: de samenwerkingsovereenkomst (sinds 2016) wordt opgezegd per 31 december 2027; uiterlijke opzegdatum 31 december 2026."))
        // Once notice is given by the amendment, Smilde A has no notice date left; Beilen A and B still have.
        let after = run(["contract", "notices", "--date", "2027-01-15", "--months", "24"] + db).standardOutput
        #expect(!after.contains("Basisschool Smilde A"))
        #expect(after.contains("notice dbos-po at Basisschool Beilen B (since 2026)"))
    }

    @Test("a renewal crossing from published into projected years: the same services, running since they started")
    func renewal() throws {
        let directory = temporaryDirectory()
        let tariffs = temporaryDirectory()
        writeFile(tariffs + "/2025.json", try #require(readFile(fixtureTariffsDirectory + "/2025.json")))
        let books = ["--tariffs", tariffs]
        #expect(run(["tariffs", "index", "--from", "2025", "--wage", "3.75", "--price", "2.1"] + books).exitCode == .success)
        let db = ["--db", directory + "/catalogue.sqlite"]
        #expect(run(["municipality", "import", repositoryRoot + "/seeds/municipalities/midden-drenthe.json"] + db).exitCode == .success)
        #expect(run(["offer", "create", "--municipality", "midden-drenthe", "--first-year", "2025", "--years", "1"] + db).exitCode == .success)
        let lines = [
            #"{"service": "robuuste-bibliotheek"}"#,
            #"{"service": "dbos-po", "schools": ["po-beilen-a", "po-smilde-a"], "runningSince": 2016}"#,
            #"{"service": "boekstartcoach", "consultationBureaus": ["cb-beilen"], "hoursPerWeek": 4}"#,
            #"{"service": "gezinsaanpak", "quote": {"amount": "12500.00", "recurrence": "one-off", "description": "Plan van aanpak"}}"#,
        ]
        for line in lines { #expect(run(["offer", "add", "1", "--line", line] + db + books).exitCode == .success) }
        #expect(run(["offer", "issue", "1", "--allow-illustrative", "--date", "2024-11-01"] + db + books).exitCode == .success)
        #expect(run(["offer", "accept", "1", "--allow-illustrative", "--date", "2024-12-01"] + db).exitCode == .success)

        let assume = ["--assume-wage", "3", "--assume-price", "2"]
        let dry = run(["contract", "renew", "UVO-2025-001", "--date", "2025-10-01", "--years", "2", "--dry-run"] + assume + db + books)
        #expect(dry.exitCode == .success, "\(dry.standardError)")
        expectGolden(dry.standardOutput, "contract-renew.txt")
        #expect(dry.standardOutput.contains("Not carried over: line 4, a one-off custom quote of the previous term."))
        #expect(row(dry.standardOutput, "2026").contains("published 2026"))
        #expect(row(dry.standardOutput, "2027").contains("projected from 2026"))
        #expect(run(["offer", "list"] + db).standardOutput.split(separator: "\n").count == 2)

        // The oracle: the carried-over lines priced from files with the same books and assumptions.
        let offer = directory + "/renewal.offer.json"
        writeFile(offer, #"{"municipality": "midden-drenthe", "firstYear": 2026, "years": 2, "lines": [{"service": "robuuste-bibliotheek", "runningSince": 2025}, {"service": "dbos-po", "schools": ["po-beilen-a", "po-smilde-a"], "runningSince": 2016}, {"service": "boekstartcoach", "consultationBureaus": ["cb-beilen"], "hoursPerWeek": 4, "runningSince": 2025}]}"#)
        let priced = run(["price", "--profile", repositoryRoot + "/seeds/municipalities/midden-drenthe.json", "--offer", offer, "--format", "json"]
                         + assume + books)
        let years = try #require(try JSONParser.parse(priced.standardOutput).objectValue?["years"]?.arrayValue)
        for (index, year) in years.enumerated() {
            let amount = try #require(year.objectValue?["totals"]?.objectValue?["municipality"]?.stringValue)
            #expect(row(dry.standardOutput, String(2026 + index)).contains(try dutch(amount)))
        }

        let stored = run(["contract", "renew", "UVO-2025-001", "--date", "2025-10-01", "--years", "2"] + assume + db + books)
        #expect(stored.standardOutput.hasSuffix("Stored as draft offer 2 (OFF-2026-002 versie 1); change it with 'offer add/remove 2', then 'offer issue 2 --date …'.\n"))
        let show = try #require(try JSONParser.parse(run(["offer", "show", "2", "--format", "json"] + db).standardOutput).objectValue)
        #expect(show["lines"]?.arrayValue?.count == 3)
        #expect(show["firstYear"]?.numberValue?.text == "2026")
    }

    @Test("a renewal does not carry over what was charged once: maatwerk hours, one-off-only services and one-off quotes")
    func renewalLeavesOneOffCostsBehind() throws {
        let directory = temporaryDirectory()
        let tariffs = temporaryDirectory()
        writeFile(tariffs + "/2025.json", try #require(readFile(repositoryRoot + "/tariffs/2025.json")))
        let books = ["--tariffs", tariffs]
        #expect(run(["tariffs", "index", "--from", "2025", "--wage", "3.75", "--price", "2.1"] + books).exitCode == .success)
        let db = ["--db", directory + "/catalogue.sqlite"]
        #expect(run(["municipality", "import", repositoryRoot + "/seeds/municipalities/midden-drenthe.json"] + db).exitCode == .success)
        #expect(run(["offer", "create", "--municipality", "midden-drenthe", "--first-year", "2025", "--years", "1"] + db).exitCode == .success)
        let lines = [
            #"{"service": "robuuste-bibliotheek"}"#,
            #"{"service": "maatwerk", "level": "hbo", "hours": 40, "description": "Advies"}"#,
            #"{"service": "taalhuis", "quotes": [{"component": "inrichting", "amount": "5000.00", "recurrence": "one-off", "description": "Inrichting"}, {"component": "werkgeverschap", "amount": "1000.00", "recurrence": "annual", "description": "Vrijwilligers"}]}"#,
            #"{"service": "gezinsaanpak"}"#,
            #"{"service": "open-plus", "branches": ["beilen"]}"#,
        ]
        for line in lines { #expect(run(["offer", "add", "1", "--line", line] + db + books).exitCode == .success) }
        #expect(run(["offer", "issue", "1", "--allow-illustrative", "--date", "2024-11-01"] + db + books).exitCode == .success)
        #expect(run(["offer", "accept", "1", "--allow-illustrative", "--date", "2024-12-01"] + db).exitCode == .success)

        let renewed = run(["contract", "renew", "UVO-2025-001", "--date", "2025-10-01", "--years", "1"] + db + books)
        #expect(renewed.exitCode == .success, "\(renewed.standardError)")
        #expect(renewed.standardOutput.contains("3 lines carried over"))
        #expect(renewed.standardOutput.contains("Not carried over: line 2, maatwerk hours are charged once, for the assignment agreed in the previous term."))
        #expect(renewed.standardOutput.contains("Not carried over: line 4, gezinsaanpak has only one-off costs, charged in the previous term."))
        let show = try #require(try JSONParser.parse(run(["offer", "show", "2", "--format", "json"] + db).standardOutput).objectValue)
        let carried = try #require(show["lines"]?.arrayValue?.compactMap { $0.objectValue })
        #expect(carried.map { $0["service"]?.stringValue } == ["robuuste-bibliotheek", "taalhuis", "open-plus"])
        // The Taalhuis keeps its annual quote; the one-off fitting-out quote was charged in 2025.
        let quotes = try #require(carried[1]["quotes"]?.arrayValue?.compactMap { $0.objectValue })
        #expect(quotes.map { $0["component"]?.stringValue } == ["werkgeverschap"])
        // Open+ recurs (support) and runs since 2025, so its one-off installation is not charged again.
        #expect(carried[2]["runningSince"]?.numberValue?.text == "2025")
    }

    /// The table row of a year in 'contract show' output.
    private func row(_ output: String, _ year: String) -> String {
        output.split(separator: "\n").first { $0.hasPrefix("  \(year) ") }.map(String.init) ?? "(no row for \(year))"
    }

    /// "1193756.68" → "€ 1.193.756,68", by the Money type the tool prints with.
    private func dutch(_ json: String) throws -> String {
        try Money(parsing: json).dutchString
    }
}
