#if canImport(Glibc)
import Glibc
#endif
@testable import catalogue_cli
import JSON
import Support
import Testing
import TestSupport

/// Every kind of document the tool writes for people passes WCAG 2.1 A and AA as axe-core measures
/// it in a real browser (Chromium through Selenium and chromedriver; `scripts/axe-check.py`).
@Suite("accessibility: axe-core finds nothing in any document kind")
struct AccessibilityTests {
    /// The demo's offerte, agreement and rekenbijlage (final, and the offerte and agreement as
    /// concepts), a wijziging and a comparison page, written to `directory`.
    private func documents(in directory: String) -> [String] {
        let db = ["--db", directory + "/demo.sqlite"]
        let environment = CLIEnvironment(defaultTariffsDirectory: tariffsDirectory)
        let demo = CLI.run(arguments: ["demo", "--out", directory], environment: environment)
        #expect(demo.exitCode == .success, "\(demo.standardError)")
        let amend = run(["contract", "amend", "UVO-2026-001", "--from", "2027", "--date", "2026-09-01", "--service", "boekstartcoach",
                         "--consultation-bureaus", "cb-westerbork", "--hours-per-week", "2", "--out", directory + "/wijziging.html"] + db)
        #expect(amend.exitCode == .success, "\(amend.standardError)")
        let compare = run(["compare", repositoryRoot + "/seeds/offers/midden-drenthe-basis.offer.json",
                           repositoryRoot + "/seeds/offers/midden-drenthe-volledig.offer.json",
                           "--profile", repositoryRoot + "/seeds/municipalities/midden-drenthe.json",
                           "--out", directory + "/vergelijking.html"])
        #expect(compare.exitCode == .success, "\(compare.standardError)")
        let concept = CLI.run(arguments: ["demo", "--out", directory + "/concept", "--concept"], environment: environment)
        #expect(concept.exitCode == .success, "\(concept.standardError)")
        return ["offerte-midden-drenthe.html", "uitvoeringsovereenkomst-midden-drenthe.html", "rekenbijlage-midden-drenthe.html",
                "wijziging.html", "vergelijking.html", "concept/offerte-midden-drenthe.html", "concept/uitvoeringsovereenkomst-midden-drenthe.html"]
            .map { directory + "/" + $0 }
    }

    @Test("offerte, uitvoeringsovereenkomst, rekenbijlage, wijziging, vergelijking and the concepts: 0 violations")
    func noViolations() throws {
        let directory = temporaryDirectory()
        let files = documents(in: directory)
        for file in files { #expect(FileSystem.isFile(file), "\(file) was not written") }
        let result = directory + "/axe.json"
        let outcome = Subprocess.run(["/usr/bin/env", "python3", repositoryRoot + "/scripts/axe-check.py", result] + files, timeoutSeconds: 300)
        guard outcome == .exited(0) else {
            if getenv("CATALOGUE_SKIP_CHROMIUM") == nil {
                Issue.record("scripts/axe-check.py did not run (\(String(describing: outcome))): it needs chromium, chromium-driver, python3-selenium and axe-core-python; set CATALOGUE_SKIP_CHROMIUM=1 to skip")
            }
            return
        }
        let text = try #require(readFile(result))
        let report = try #require(try JSONParser.parse(text).objectValue)
        #expect(report.members.count == files.count)
        for file in files {
            let violations = report[file]?.arrayValue
            #expect(violations == [], "\(file): \(violations.map { JSONWriter.write(.array($0)) } ?? "not checked")")
        }
    }
}
