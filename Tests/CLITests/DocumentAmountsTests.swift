@testable import catalogue_cli
import JSON
import Money
import Testing
import TestSupport

/// Every amount the demo's offerte and agreement print equals what pricing reports, to the cent:
/// the totals per year and payer, each service's amount per year, the tiers' subtotals and the
/// advances of the payment schedule.
@Suite("document amounts equal the priced JSON")
struct DocumentAmountsTests {
    private func money(_ value: JSONValue?) -> Money? {
        guard case .string(let text)? = value else { return nil }
        return try? Money(parsing: text)
    }

    private func object(_ file: String) throws -> JSONObject {
        let text = try #require(readFile(file))
        return try #require(try JSONParser.parse(text).objectValue)
    }

    /// The priced offer: per year the payer totals, and the municipality's amount per service.
    private func priced(_ db: [String]) throws -> (totals: [Int: JSONObject], services: [Int: [String: Int64]]) {
        let result = run(["offer", "price", "1", "--format", "json", "--assume-wage", "3.75", "--assume-price", "2.1"] + db)
        let root = try #require(try JSONParser.parse(result.standardOutput).objectValue)
        var totals: [Int: JSONObject] = [:], services: [Int: [String: Int64]] = [:]
        for case .object(let year) in try #require(root["years"]?.arrayValue) {
            let number = try #require(year["year"].flatMap { if case .number(let n) = $0 { Int(n.text) } else { nil } })
            totals[number] = try #require(year["totals"]?.objectValue)
            for case .object(let line) in try #require(year["lines"]?.arrayValue) where line["payer"] == .string("municipality") {
                guard case .string(let service)? = line["service"], let amount = money(line["amount"]) else { continue }
                services[number, default: [:]][service, default: 0] += amount.cents
            }
        }
        return (totals, services)
    }

    @Test("offerte and agreement: totals per year and payer, every service per year, the subtotals and the advances")
    func amounts() throws {
        let directory = temporaryDirectory()
        let demo = CLI.run(arguments: ["demo", "--out", directory], environment: CLIEnvironment(defaultTariffsDirectory: tariffsDirectory))
        try #require(demo.exitCode == .success, "\(demo.standardError)")
        let (totals, services) = try priced(["--db", directory + "/demo.sqlite"])
        #expect(totals.keys.sorted() == [2026, 2027, 2028])
        var compared = 0
        for name in ["offerte-midden-drenthe.json", "uitvoeringsovereenkomst-midden-drenthe.json"] {
            let document = try object(directory + "/" + name)
            for case .object(let year) in try #require(document["totals"]?.arrayValue) {
                guard case .number(let n)? = year["year"], let number = Int(n.text), let expected = totals[number] else { continue }
                for payer in ["municipality", "school", "schoolVat", "participants"] {
                    #expect(money(year[payer]) == money(expected[payer]), "\(name) \(number) \(payer)")
                    compared += 1
                }
            }
            for case .object(let tier) in try #require(document["tiers"]?.arrayValue) {
                for case .object(let line) in try #require(tier["programmeLines"]?.arrayValue) {
                    for case .object(let service) in try #require(line["services"]?.arrayValue) {
                        guard case .string(let code)? = service["code"] else { continue }
                        for case .object(let amount) in service["amounts"]?.objectValue?["byYear"]?.arrayValue ?? [] {
                            guard case .number(let n)? = amount["year"], let year = Int(n.text) else { continue }
                            #expect(money(amount["amount"])?.cents == services[year]?[code], "\(name) \(code) \(year)")
                            compared += 1
                        }
                    }
                }
            }
        }
        let agreement = try object(directory + "/uitvoeringsovereenkomst-midden-drenthe.json")
        var advances: [Int: Int64] = [:]
        for case .object(let instalment) in try #require(agreement["instalments"]?.arrayValue) {
            guard case .number(let n)? = instalment["year"], let year = Int(n.text), let amount = money(instalment["amount"]) else { continue }
            advances[year, default: 0] += amount.cents
        }
        for (year, expected) in totals { #expect(advances[year] == money(expected["municipality"])?.cents, "advances \(year)") }
        #expect(compared > 100, "\(compared) amounts compared")
    }
}
