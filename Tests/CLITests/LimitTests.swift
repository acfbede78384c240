@testable import catalogue_cli
import Pricing
import Testing
import TestSupport

/// The limits agree with each other: a profile within them is admitted, one over them is refused
/// naming the list, and an offer whose priced lines exceed `InputLimits.documentLines` is refused
/// before anything is rendered or stored. (Issuing the largest admitted offer is measured in
/// catalogue-bench, not here: it takes seconds.)
@Suite("limits that agree with each other")
struct LimitTests {
    /// A profile with `count` entries in `list` (and one of each other kind).
    private static func profile(_ list: String, count: Int) -> String {
        func entries(_ prefix: String, _ count: Int, extra: String = "") -> String {
            (0..<count).map { "{\"id\": \"\(prefix)\($0)\", \"name\": \"\(prefix) \($0)\"\(extra)}" }.joined(separator: ", ")
        }
        let counts = ["branches": 1, "schools": 1, "childcareLocations": 1, "consultationBureaus": 1].merging([list: count]) { $1 }
        return """
        {"code": "grens", "name": "Grens", "inhabitants": [{"date": "2024-01-01", "count": 1000}],
         "branches": [\(entries("b", counts["branches"]!, extra: ", \"size\": \"small\""))],
         "schools": [\(entries("s", counts["schools"]!, extra: ", \"level\": \"po\", \"pupils\": 100"))],
         "childcareLocations": [\(entries("ko", counts["childcareLocations"]!))],
         "consultationBureaus": [\(entries("cb", counts["consultationBureaus"]!))]}
        """
    }

    @Test("a profile at each list's limit is imported; one more is refused with the list's path and exit 65", arguments: [
        ("branches", InputLimits.branches, "branches"), ("schools", InputLimits.schools, "schools"),
        ("childcareLocations", InputLimits.locations, "childcare locations"),
        ("consultationBureaus", InputLimits.locations, "consultation bureaus"),
    ])
    func profileListLimit(list: String, limit: Int, noun: String) {
        let directory = temporaryDirectory()
        let db = ["--db", directory + "/catalogue.sqlite"]
        writeFile(directory + "/at.json", Self.profile(list, count: limit))
        writeFile(directory + "/over.json", Self.profile(list, count: limit + 1))
        let over = run(["municipality", "import", directory + "/over.json"] + db)
        #expect(over.exitCode == .dataError)
        #expect(over.standardError == "Error: 1 problem in \(directory)/over.json:\n  \(list): a profile has at most \(limit) \(noun), found \(limit + 1)\n")
        let at = run(["municipality", "import", directory + "/at.json"] + db)
        #expect(at.exitCode == .success, "\(at.standardError)")
    }

    @Test("the documented limits are the ones decided for issue 12")
    func documentedLimits() {
        #expect(InputLimits.schools == 1_000)
        #expect(InputLimits.locations == 2_000)
        #expect(InputLimits.documentLines == 50_000)
        let readme = readFile(repositoryRoot + "/README.md") ?? ""
        #expect(readme.contains("| branches / schools / childcare locations / consultation bureaus per profile | 1 000 / 1 000 / 2 000 / 2 000 |"))
        #expect(readme.contains("in an issued quote, `quote` or `contract` | 50 000 |"))
    }

    /// 2 000 childcare locations with leesklik over 20 years: two one-off and two annual lines a
    /// location in the first year, two a year after: 2 000 × (4 + 2 × 19) = 84 000 priced lines.
    private static func overBound(_ directory: String) -> (profile: String, offer: String) {
        writeFile(directory + "/profile.json", profile("childcareLocations", count: InputLimits.locations))
        writeFile(directory + "/offer.json", """
            {"municipality": "grens", "firstYear": 2026, "years": 20, "lines": [{"service": "leesklik"}]}
            """)
        return (directory + "/profile.json", directory + "/offer.json")
    }

    private static let assume = ["--assume-wage", "3", "--assume-price", "2"]

    @Test("an offer over the bound on priced lines is refused at issue with the count and the limit, and nothing is stored")
    func issueOverTheLineBound() {
        let directory = temporaryDirectory()
        let db = ["--db", directory + "/catalogue.sqlite"]
        let files = Self.overBound(directory)
        #expect(run(["municipality", "import", files.profile] + db).exitCode == .success)
        #expect(run(["offer", "create", "--from", files.offer] + db).exitCode == .success)
        let refused = run(["offer", "issue", "1", "--allow-illustrative", "--date", "2025-12-01"] + Self.assume + db)
        #expect(refused.exitCode == .dataError)
        #expect(refused.standardError == "Error: offer 1 (OFF-2026-001 versie 1) has 84000 priced lines (one per service, component, "
                + "subject and year); an offerte or agreement holds at most 50000: split it into offers of fewer years or subjects\n")
        #expect(run(["offer", "show", "1"] + db).standardOutput.hasPrefix("offer 1 (OFF-2026-001 versie 1) for grens, 2026–2045, 1 line, draft"))
        #expect(run(["quote", "1", "--out", directory + "/offerte.html"] + db).exitCode != .success)
        #expect(readFile(directory + "/offerte.html") == nil)
        #expect(run(["store", "check"] + db).exitCode == .success)
    }

    @Test("quote and contract from files refuse an offer over the bound, and write nothing", arguments: ["quote", "contract"])
    func statelessOverTheLineBound(command: String) {
        let directory = temporaryDirectory()
        let files = Self.overBound(directory)
        let out = directory + "/document.html"
        let refused = run([command, "--profile", files.profile, "--offer", files.offer, "--date", "2025-12-01", "--out", out] + Self.assume)
        #expect(refused.exitCode == .dataError)
        #expect(refused.standardError == "Error: \(files.offer) has 84000 priced lines (one per service, component, "
                + "subject and year); an offerte or agreement holds at most 50000: split it into offers of fewer years or subjects\n")
        #expect(readFile(out) == nil)
    }
}
