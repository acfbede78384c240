@testable import catalogue_cli
import JSON
import Money
import Testing
import TestSupport

/// `compare`: offers side by side, checked against `price` run on each offer alone.
@Suite("compare")
struct CompareCommandTests {
    static let profile = repositoryRoot + "/seeds/municipalities/midden-drenthe.json"
    static let basis = repositoryRoot + "/seeds/offers/midden-drenthe-basis.offer.json"
    static let volledig = repositoryRoot + "/seeds/offers/midden-drenthe-volledig.offer.json"

    /// The eight Basis services of the basis offer, with room for changes.
    static func offer(firstYear: Int = 2025, years: Int = 1, title: String? = nil, without: Set<String> = [], extra: [String] = []) -> String {
        let basis = ["robuuste-bibliotheek", "llo-pakket-1", "kleintje-bieb", "boekstart-kinderopvang", "dbos-po", "taalhuis", "meedoen", "ido"]
        let lines = basis.filter { !without.contains($0) }.map { "{\"service\": \"\($0)\"}" } + extra
        let titleField = title.map { "\"title\": \"\($0)\", " } ?? ""
        return "{\"municipality\": \"midden-drenthe\", \(titleField)\"firstYear\": \(firstYear), \"years\": \(years), \"lines\": [\(lines.joined(separator: ", "))]}"
    }

    private func compare(_ offers: [String], _ extra: [String] = []) -> CommandResult {
        run(["compare"] + offers + ["--profile", Self.profile] + extra)
    }

    private func json(_ result: CommandResult, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONObject {
        #expect(result.exitCode == .success, "\(result.standardError)", sourceLocation: sourceLocation)
        return try #require(try JSONParser.parse(result.standardOutput).objectValue, sourceLocation: sourceLocation)
    }

    private func money(_ value: JSONValue?, sourceLocation: SourceLocation = #_sourceLocation) throws -> Money {
        let text = try #require(value?.stringValue, "expected an amount, found \(String(describing: value))", sourceLocation: sourceLocation)
        return try Money(parsing: text)
    }

    /// What `price --format json` reports for one offer alone: the municipality's total per
    /// year, and per year the municipality's amount per service.
    private func priced(_ offer: String, _ extra: [String] = []) throws -> (totals: [Int: Money], services: [Int: [String: Money]]) {
        let root = try json(run(["price", "--profile", Self.profile, "--offer", offer, "--format", "json"] + extra))
        var totals: [Int: Money] = [:]
        var services: [Int: [String: Money]] = [:]
        for year in try #require(root["years"]?.arrayValue) {
            let object = try #require(year.objectValue)
            let text = try #require(object["year"]?.numberValue?.text)
            let number = try #require(Int(text))
            totals[number] = try money(object["totals"]?.objectValue?["municipality"])
            var perService: [String: Money] = [:]
            for line in try #require(object["lines"]?.arrayValue) {
                let line = try #require(line.objectValue)
                guard line["payer"] == "municipality" else { continue }
                let service = try #require(line["service"]?.stringValue)
                perService[service] = try (perService[service] ?? .zero).adding(try money(line["amount"]))
            }
            services[number] = perService
        }
        return (totals, services)
    }

    /// The entry of `year` in a `years` array of the comparison.
    private func entry(_ years: JSONValue?, _ year: Int) throws -> JSONObject {
        let match = try #require(years?.arrayValue).first { $0.objectValue?["year"] == .number(JSONNumber(integer: Int64(year))) }
        return try #require(match?.objectValue, "no entry for \(year)")
    }

    @Test("golden table, JSON and HTML of the two Midden-Drenthe examples")
    func golden() {
        for (format, name) in [("table", "compare-midden-drenthe.txt"), ("json", "compare-midden-drenthe.json"), ("html", "compare-midden-drenthe.html")] {
            let result = compare([Self.basis, Self.volledig], ["--format", format])
            #expect(result.exitCode == .success, "\(result.standardError)")
            #expect(result.standardError == "")
            expectGolden(result.standardOutput, name)
        }
    }

    @Test("each offer's yearly total is what 'price' reports for it alone, each difference is B − A, per service too")
    func totalsMatchPrice() throws {
        let root = try json(compare([Self.basis, Self.volledig], ["--format", "json"]))
        let a = try priced(Self.basis)
        let b = try priced(Self.volledig)
        #expect(a.totals.keys.sorted() == [2025] && b.totals.keys.sorted() == [2025])
        let municipality = try #require(root["totals"]?.objectValue?["municipality"]?.objectValue)
        let year = try entry(municipality["years"], 2025)
        let amounts = try #require(year["amounts"]?.objectValue)
        #expect(try money(amounts["A"]) == a.totals[2025])
        #expect(try money(amounts["B"]) == b.totals[2025])
        // The published totals, as the price golden files state them.
        #expect(amounts["A"] == "1076045.31")
        #expect(amounts["B"] == "1288024.11")
        let difference = try money(year["differences"]?.objectValue?["B"])
        let totalA = try #require(a.totals[2025])
        let totalB = try #require(b.totals[2025])
        #expect(try difference == totalB.subtracting(totalA))
        #expect(year["differences"]?.objectValue?["B"] == "211978.80")
        #expect(year["differences"]?.objectValue?["A"] == nil, "the base has no difference from itself")
        let term = try #require(municipality["term"]?.objectValue)
        #expect(term["differences"]?.objectValue?["B"] == "211978.80")

        // Every service row: the amounts are the sums of 'price's municipality lines; an offer
        // without the service pays 0.00; the difference is B − A.
        var sums = ["A": Money.zero, "B": Money.zero]
        for service in try #require(root["services"]?.arrayValue) {
            let service = try #require(service.objectValue)
            let code = try #require(service["service"]?.stringValue)
            let row = try entry(service["years"], 2025)
            let rowAmounts = try #require(row["amounts"]?.objectValue)
            let amountA = try money(rowAmounts["A"])
            let amountB = try money(rowAmounts["B"])
            #expect(amountA == a.services[2025]?[code] ?? .zero, "\(code) in A")
            #expect(amountB == b.services[2025]?[code] ?? .zero, "\(code) in B")
            #expect(try money(row["differences"]?.objectValue?["B"]) == amountB.subtracting(amountA), "\(code)")
            sums["A"] = try sums["A"]!.adding(amountA)
            sums["B"] = try sums["B"]!.adding(amountB)
        }
        #expect(sums["A"] == a.totals[2025])
        #expect(sums["B"] == b.totals[2025])
    }

    @Test("the services only in B are the Basis Plus services of the full example, in catalogue order")
    func servicesOnlyInB() throws {
        // Read from the two offer files: B has every service of A plus these.
        let codes = { (file: String) throws -> [String] in
            let text = try #require(readFile(file))
            let root = try #require(try JSONParser.parse(text).objectValue)
            return try #require(root["lines"]?.arrayValue).compactMap { $0.objectValue?["service"]?.stringValue }
        }
        let inA = try codes(Self.basis)
        let inB = try codes(Self.volledig)
        #expect(Set(inA).isSubset(of: Set(inB)))
        let expected = ["open-plus", "llo-pakket-2", "makersplaats", "boekstart-pluspakket", "boekstartcoach", "thuislezen",
                        "gezinsaanpak", "leesklik", "dbos-vo", "cultuureducatie-vo", "leskist-vo", "verhalenbrink", "maatwerk"]
        #expect(Set(expected) == Set(inB).subtracting(inA))

        let root = try json(compare([Self.basis, Self.volledig], ["--format", "json"]))
        let onlyB = try #require(root["services"]?.arrayValue).compactMap { service -> String? in
            guard let object = service.objectValue, object["offers"] == ["B"] else { return nil }
            return object["service"]?.stringValue
        }
        #expect(onlyB == expected)
        let offers = try #require(root["offers"]?.arrayValue)
        let changes = try #require(offers[1].objectValue?["changes"]?.objectValue)
        let gained = try #require(changes["services"]?.objectValue?["gained"]?.arrayValue).compactMap { $0.objectValue?["service"]?.stringValue }
        #expect(gained == expected)
        #expect(changes["services"]?.objectValue?["lost"] == [])
        #expect(offers[0].objectValue?["changes"] == nil)

        let table = compare([Self.basis, Self.volledig]).standardOutput
        #expect(table.contains("  Services gained: " + expected.joined(separator: ", ") + "\n"))
        #expect(table.contains("    open-plus                                    —     € 28.488,00   € +28.488,00\n"))
    }

    @Test("an offer without Basis services shows them as gaps with their cost, and the Wsob function it loses")
    func gapsAndLostFunction() throws {
        let directory = temporaryDirectory()
        let offer = directory + "/zonder-vestigingen.offer.json"
        writeFile(offer, Self.offer(title: "Zonder vestigingswerk", without: ["robuuste-bibliotheek", "llo-pakket-1"]))
        let a = try priced(Self.basis)

        let root = try json(compare([Self.basis, offer], ["--format", "json"]))
        let b = try #require(root["offers"]?.arrayValue?[1].objectValue)
        let changes = try #require(b["changes"]?.objectValue)
        // Kunst en cultuur (5) comes only from the robuuste bibliotheek and LLO pakket 1.
        #expect(changes["wsob"]?.objectValue?["lost"] == [5])
        #expect(changes["wsob"]?.objectValue?["gained"] == [])
        let added = try #require(changes["basisGaps"]?.objectValue?["added"]?.arrayValue).compactMap(\.objectValue)
        #expect(added.map { $0["service"] } == ["robuuste-bibliotheek", "llo-pakket-1"])
        // A gap costs what the service costs in offer A, which has it with the same defaults.
        for gap in added {
            let code = try #require(gap["service"]?.stringValue)
            let cost = try entry(gap["costs"], 2025)
            #expect(try money(cost["amount"]) == a.services[2025]?[code], "\(code)")
        }
        #expect(b["coverage"]?.objectValue?["wsob"]?.objectValue?["missing"] == [5])
        let below = try #require(changes["branches"]?.objectValue?["belowNeed"]?.arrayValue).compactMap { $0.objectValue?["branch"]?.stringValue }
        #expect(below == ["beilen", "bovensmilde", "smilde", "westerbork"])

        let table = compare([Self.basis, offer]).standardOutput
        #expect(table.contains("  Services lost: robuuste-bibliotheek, llo-pakket-1\n"))
        #expect(table.contains("  Wsob functions lost: 5\n"))
        #expect(table.contains("  Basis gap added: robuuste-bibliotheek, would cost € 750.549,72 in 2025\n"))
        #expect(table.contains("  Basis gap added: llo-pakket-1, would cost € 61.452,00 in 2025\n"))
        #expect(table.contains("  Branches falling below their need: Beilen (0 of 5), Bovensmilde (0 of 3), Smilde (0 of 3), Westerbork (0 of 3)\n"))

        let html = compare([Self.basis, offer], ["--format", "html"]).standardOutput
        #expect(html.contains("<li>Kernfuncties (Wsob) die niet meer worden gedekt: 5 Kunst en cultuur.</li>"))
        #expect(html.contains("<li>Nieuwe ontbrekende basisdiensten: De robuuste lokale bibliotheek: €\u{00A0}750.549,72 per jaar (2025); "))
        #expect(html.contains("<td>De robuuste lokale bibliotheek: €\u{00A0}750.549,72 per jaar (2025); Leven lang ontwikkelen, pakket 1: landelijke campagnes en evenementen: €\u{00A0}61.452,00 per jaar (2025)</td>"))
    }

    @Test("offers over different years: the union of years, null where an offer does not run, totals as 'price' projects them")
    func differentYears() throws {
        let directory = temporaryDirectory()
        let early = directory + "/early.offer.json"
        let late = directory + "/late.offer.json"
        writeFile(early, Self.offer(firstYear: 2025, years: 2))
        writeFile(late, Self.offer(firstYear: 2026, years: 2, without: ["taalhuis"],
                                   extra: [#"{"service": "open-plus", "branches": ["beilen"], "startYear": 2027}"#]))
        let assume = ["--assume-wage", "3", "--assume-price", "2"]
        let root = try json(compare([early, late], ["--format", "json"] + assume))
        #expect(root["years"]?.arrayValue?.compactMap { $0.objectValue?["year"] } == [2025, 2026, 2027])
        #expect(try entry(root["years"], 2027)["tariffBook"]?.objectValue?["status"] == "projected")

        let a = try priced(early, assume)
        let b = try priced(late, assume)
        let municipality = try #require(root["totals"]?.objectValue?["municipality"]?.objectValue)
        for year in 2025...2027 {
            let row = try entry(municipality["years"], year)
            let amounts = try #require(row["amounts"]?.objectValue)
            if let total = a.totals[year] { #expect(try money(amounts["A"]) == total) } else { #expect(amounts["A"] == .null) }
            if let total = b.totals[year] { #expect(try money(amounts["B"]) == total) } else { #expect(amounts["B"] == .null) }
            let difference = row["differences"]?.objectValue?["B"]
            if let totalA = a.totals[year], let totalB = b.totals[year] {
                #expect(try money(difference) == totalB.subtracting(totalA))
            } else {
                #expect(difference == .null, "\(year) is not in both offers")
            }
        }
        let term = try #require(municipality["term"]?.objectValue)
        let termA = try Money.sum(a.totals.values)
        let termB = try Money.sum(b.totals.values)
        #expect(try money(term["amounts"]?.objectValue?["A"]) == termA)
        #expect(try money(term["differences"]?.objectValue?["B"]) == termB.subtracting(termA))

        // A service B takes from 2027 costs 0.00 in 2026; a service B lacks is 0.00 where B runs.
        let services = try #require(root["services"]?.arrayValue).compactMap(\.objectValue)
        let openPlus = try #require(services.first { $0["service"] == "open-plus" })
        #expect(try entry(openPlus["years"], 2026)["amounts"]?.objectValue?["B"] == "0.00")
        #expect(try entry(openPlus["years"], 2026)["amounts"]?.objectValue?["A"] == "0.00")
        #expect(try entry(openPlus["years"], 2025)["amounts"]?.objectValue?["B"] == .null)
        let taalhuis = try #require(services.first { $0["service"] == "taalhuis" })
        #expect(taalhuis["offers"] == ["A"])

        let table = compare([early, late], assume).standardOutput
        #expect(table.contains("2027 · PROJECTED tariff book: 2025 indexed forward, assuming wage 3 % and price 2 % a year; the amounts are indicative\n"))
        #expect(table.contains("  Municipality 2025           € 1.076.045,31               —             —\n"))
        let html = compare([early, late], ["--format", "html"] + assume).standardOutput
        #expect(html.contains("<h3>2027*</h3>"))
        #expect(html.contains("<p class=\"footnote\">* 2027: geprojecteerd vanuit tariefboek 2025 met lonen +3 % en prijzen +2 % per jaar; de bedragen zijn indicatief.</p>"))
        #expect(html.contains("<td>2026 tot en met 2027</td>"))

        // Without the assumptions the projected years cannot be priced.
        let missing = compare([early, late])
        #expect(missing.exitCode == .usage)
        #expect(missing.standardOutput == "")
    }

    @Test("HTML escapes every text: a title with <script> and & shows as written")
    func htmlEscaping() {
        let directory = temporaryDirectory()
        let offer = directory + "/escape.offer.json"
        writeFile(offer, Self.offer(title: #"Plan <script>alert('x')</script> & \"meer\""#))
        let result = compare([Self.basis, offer], ["--format", "html"])
        #expect(result.exitCode == .success, "\(result.standardError)")
        let html = result.standardOutput
        #expect(!html.contains("<script"))
        #expect(html.contains("<td>Plan &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;meer&quot;</td>"))
        #expect(html.contains("<h3>Voorstel B: Plan &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;meer&quot;</h3>"))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        #expect(html.contains("<title>Vergelijking van voorstellen voor gemeente Midden-Drenthe</title>"))
        #expect(html.contains("<h2>Wat verandert er ten opzichte van voorstel A</h2>"))
    }

    @Test("--out writes the file, with the format from its extension; an output that cannot be created exits 73")
    func out() throws {
        let directory = temporaryDirectory()
        let result = compare([Self.basis, Self.volledig], ["--out", directory + "/out/vergelijking.html"])
        #expect(result.exitCode == .success, "\(result.standardError)")
        #expect(result.standardOutput == "Wrote the comparison to \(directory)/out/vergelijking.html.\n")
        #expect(readFile(directory + "/out/vergelijking.html") == compare([Self.basis, Self.volledig], ["--format", "html"]).standardOutput)

        _ = compare([Self.basis, Self.volledig], ["--out", directory + "/vergelijking.json"])
        let written = try #require(readFile(directory + "/vergelijking.json"))
        #expect(written == compare([Self.basis, Self.volledig], ["--format", "json"]).standardOutput)

        _ = compare([Self.basis, Self.volledig], ["--out", directory + "/vergelijking.txt"])
        #expect(readFile(directory + "/vergelijking.txt") == compare([Self.basis, Self.volledig]).standardOutput)

        writeFile(directory + "/file", "")
        let blocked = compare([Self.basis, Self.volledig], ["--out", directory + "/file/vergelijking.html"])
        #expect(blocked.exitCode == .cannotCreateOutput)
        #expect(blocked.standardOutput == "")
        #expect(blocked.standardError.hasPrefix("Error: cannot create \(directory)/file"))
    }

    @Test("usage and input errors: one offer exits 64, an unreadable offer 66, another municipality's offer 65")
    func errors() {
        let one = compare([Self.basis])
        #expect(one.exitCode == .usage)
        #expect(one.standardOutput == "")
        #expect(one.standardError.hasPrefix("Error: compare needs at least two offer files, found 1\nUsage: catalogue-cli compare <offer> ... --profile <file>"))

        let none = run(["compare", "--profile", Self.profile])
        #expect(none.exitCode == .usage)

        let noProfile = run(["compare", Self.basis, Self.volledig])
        #expect(noProfile.exitCode == .usage)
        #expect(noProfile.standardError.hasPrefix("Error: missing '--profile <file>'\n"))

        let format = compare([Self.basis, Self.volledig], ["--format", "csv"])
        #expect(format.exitCode == .usage)
        #expect(format.standardError.hasPrefix("Error: '--format' expects 'table', 'json', 'html' or 'xlsx', found 'csv'\n"))

        let directory = temporaryDirectory()
        let unreadable = compare([Self.basis, directory + "/missing.offer.json"])
        #expect(unreadable.exitCode == .cannotReadInput)
        #expect(unreadable.standardOutput == "")
        #expect(unreadable.standardError == "Error: cannot read \(directory)/missing.offer.json: no such file or directory\n")

        let other = compare([Self.basis, repositoryRoot + "/seeds/offers/aa-en-hunze-leesbevordering.offer.json"])
        #expect(other.exitCode == .dataError)
        #expect(other.standardOutput == "")
        #expect(other.standardError.contains("aa-en-hunze-leesbevordering.offer.json"))
        #expect(other.standardError.contains("municipality: the offer is for \"aa-en-hunze\", but the profile is for \"midden-drenthe\""))

        // Every bad offer is named at once, each problem with its field path.
        writeFile(directory + "/bad1.offer.json", #"{"municipality": "midden-drenthe", "firstYear": 2025, "years": 1, "lines": [{"service": "nope"}]}"#)
        writeFile(directory + "/bad2.offer.json", #"{"municipality": "midden-drenthe", "firstYear": 2025, "years": 1, "lines": [{"service": "maatwerk", "level": "phd", "hours": 4}]}"#)
        let bad = compare([directory + "/bad1.offer.json", directory + "/bad2.offer.json"])
        #expect(bad.exitCode == .dataError)
        #expect(bad.standardError.hasPrefix("Error: 2 problems:\n"))
        #expect(bad.standardError.contains("\(directory)/bad1.offer.json: lines[0].service: "))
        #expect(bad.standardError.contains("\(directory)/bad2.offer.json: lines[0].level: "))
    }
}
