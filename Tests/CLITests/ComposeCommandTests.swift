import Catalogue
import JSON
import Money
@testable import catalogue_cli
import Testing
import TestSupport
import Support

@Suite("compose")
struct ComposeCommandTests {
    let profile = repositoryRoot + "/seeds/municipalities/midden-drenthe.json"
    let projection = ["--assume-wage", "3", "--assume-price", "2"]

    func compose(_ extra: [String], budget: String = "1300000") -> CommandResult {
        run(["compose", "--profile", profile, "--budget", budget, "--years", "2026-2028"] + projection + extra)
    }

    func object(_ text: String) throws -> JSONObject {
        try #require(try JSONParser.parse(text).objectValue)
    }

    @Test("golden table (with what 10 000 euros more would buy) and JSON for Midden-Drenthe")
    func golden() {
        let table = compose(["--more", "10000"])
        #expect(table.exitCode == .success, "\(table.standardError)")
        expectGolden(table.standardOutput, "compose-midden-drenthe.txt")
        let json = compose(["--format", "json", "--alternatives", "2"])
        #expect(json.exitCode == .success)
        expectGolden(json.standardOutput, "compose-midden-drenthe.json")
        #expect(compose(["--format", "json", "--alternatives", "2"]).standardOutput == json.standardOutput)
    }

    @Test("the best offer written with --out prices, with the ordinary price command, to the composer's cost per year")
    func outFileRoundTrip() throws {
        let directory = temporaryDirectory(prefix: "compose")
        let file = directory + "/best.offer.json"
        let result = compose(["--format", "json", "--out", file])
        #expect(result.exitCode == .success, "\(result.standardError)")
        let composed = try object(result.standardOutput)
        let best = try #require(composed["best"]?.objectValue)
        let years = try #require(best["years"]?.arrayValue).compactMap(\.objectValue)
        let priced = run(["price", "--profile", profile, "--offer", file, "--format", "json"] + projection)
        #expect(priced.exitCode == .success, "\(priced.standardError)")
        let pricedYears = try #require(try object(priced.standardOutput)["years"]?.arrayValue).compactMap(\.objectValue)
        #expect(years.count == 3 && pricedYears.count == 3)
        for (year, pricedYear) in zip(years, pricedYears) {
            let totals = try #require(pricedYear["totals"]?.objectValue)
            #expect(year["cost"]?.stringValue == totals["municipality"]?.stringValue)
            // Remaining = budget − cost, and it is never negative.
            let cost = try Money(parsing: try #require(year["cost"]?.stringValue))
            let remaining = try Money(parsing: try #require(year["remaining"]?.stringValue))
            #expect(try cost.adding(remaining) == (try Money(parsing: "1300000.00")))
            #expect(remaining >= .zero)
        }
        // The offer in the JSON is the file's offer.
        let written = String(decoding: try FileSystem.readFile(file), as: UTF8.self)
        #expect(written == JSONWriter.write(try #require(best["offer"])) + "\n")
    }

    @Test("a budget below the Basis services exits 65, explains the shortfall per year and writes no offer file")
    func infeasible() throws {
        let directory = temporaryDirectory(prefix: "compose-infeasible")
        let result = compose(["--out", directory + "/never.json"], budget: "800000")
        #expect(result.exitCode == .dataError)
        #expect(result.standardOutput.contains("No offer fits"))
        #expect(result.standardOutput.contains("Shortfall"))
        #expect(result.standardError == "Error: no offer fits a budget of € 800.000,00 a year: the services that must be taken need up to € 359.536,31 more\n")
        #expect(!FileSystem.isFile(directory + "/never.json"))
        let json = compose(["--format", "json"], budget: "800000")
        let infeasible = try #require(try object(json.standardOutput)["infeasible"]?.objectValue)
        let shortfalls = try #require(infeasible["years"]?.arrayValue).compactMap { $0.objectValue?["shortfall"]?.stringValue }
        #expect(shortfalls == ["303261.53", "331196.08", "359536.31"])
        #expect(try object(json.standardOutput)["feasible"] == .bool(false))
    }

    @Test("wrong arguments exit 64 with a clear message", arguments: [
        (["--budget", "abc"], "Error: '--budget' expects an amount of zero or more in euros like 1300000, 1300000.50 or 1.300.000,50, found 'abc'"),
        (["--years", "2028-2026"], "Error: '--years' expects a year like 2026 or a span like 2026-2028 of at most 20 years, from 2000 to 2999, found '2028-2026'"),
        (["--require", "dbos"], "Error: '--require': unknown service 'dbos' in the 2026 catalogue; did you mean 'dbos-po' or 'dbos-vo'?"),
        (["--require", "open-plus", "--exclude", "makersplaats,open-plus"], "Error: 'open-plus' is both required and excluded"),
        (["--alternatives", "50"], "Error: '--alternatives' expects a whole number of offers from 0 to 20, found '50'"),
    ])
    func usage(extra: [String], message: String) {
        var base = ["--budget", "1300000", "--years", "2026-2028"]
        if extra.first == "--budget" || extra.first == "--years" { base.removeSubrange(extra.first == "--budget" ? 0..<2 : 2..<4) }
        let result = run(["compose", "--profile", profile] + base + projection + extra)
        #expect(result.exitCode == .usage)
        #expect(result.standardError.hasPrefix(message + "\n"), "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }

    @Test("a required service the catalogue prices only on quote is refused with the reason; a missing weights file exits 66")
    func refusals() {
        let quote = compose(["--require", "dbos-vo"])
        #expect(quote.exitCode == .dataError)
        #expect(quote.standardError == "Error: dbos-vo is required but cannot be composed: priced on custom quote only; add it to the offer by hand with the quoted amount\n")
        let weights = compose(["--weights", "/nonexistent/weights.json"])
        #expect(weights.exitCode == .cannotReadInput)
    }

    @Test("--require and --exclude change the offer: Open+ required, Makersplaats excluded, a Basis service excluded becomes a gap with its cost")
    func requireExclude() throws {
        let result = compose(["--format", "json", "--require", "leesklik", "--exclude", "makersplaats", "--exclude", "taalhuis"],
                             budget: "1400000")
        #expect(result.exitCode == .success, "\(result.standardError)")
        let composed = try object(result.standardOutput)
        let services = try #require(composed["best"]?.objectValue?["services"]?.arrayValue).compactMap { $0.objectValue?["service"]?.stringValue }
        #expect(services.contains("leesklik"))
        #expect(!services.contains("makersplaats") && !services.contains("taalhuis"))
        let gaps = try #require(composed["coverage"]?.objectValue?["basisGaps"]?.arrayValue).compactMap(\.objectValue)
        #expect(gaps.map { $0["service"]?.stringValue } == ["taalhuis"])
        // Taalhuis: 3 170 in 2025, mixed class indexed 2/3 × 3 % + 1/3 × 2 % = 2,6667 % a year, whole euros.
        let costs = try #require(gaps.first?["costs"]?.arrayValue).compactMap { $0.objectValue?["amount"]?.stringValue }
        #expect(costs == ["3255.00", "3342.00", "3431.00"])
    }

    @Test("every seed municipality composes at a generous budget, and its offer checks out against the engine (speed is in catalogue-bench)", arguments: [
        "aa-en-hunze", "borger-odoorn", "coevorden", "de-wolden", "meppel", "midden-drenthe", "noordenveld", "tynaarlo", "westerveld",
    ])
    func everySeed(code: String) {
        let result = run(["compose", "--profile", repositoryRoot + "/seeds/municipalities/\(code).json", "--budget", "3000000",
                          "--years", "2026-2028", "--format", "json"] + projection)
        #expect(result.exitCode == .success, "\(code): \(result.standardError)")
        #expect(result.standardOutput.contains(#""feasible": true"#))
    }
}
