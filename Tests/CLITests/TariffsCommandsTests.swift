@testable import catalogue_cli
import JSON
import Testing
import TestSupport

/// Finance's workflow on a scratch copy of the fixture books (`Tests/Fixtures/tariffs`).
@Suite("tariffs index, diff, show and projection")
struct TariffsCommandsTests {
    private func scratch() -> String {
        let directory = temporaryDirectory()
        writeFile(directory + "/2025.json", readFile(tariffsDirectory + "/2025.json")!)
        return directory
    }

    @Test("index writes next year's book; the same command again changes nothing, byte for byte")
    func indexAndRerun() throws {
        let directory = scratch()
        let arguments = ["tariffs", "index", "--from", "2025", "--wage", "3.75", "--price", "2.1", "--date", "2026-11-21", "--tariffs", directory]
        let first = run(arguments)
        #expect(first.exitCode == .success, "\(first.standardError)")
        #expect(first.standardOutput.hasPrefix("Wrote \(directory)/2026.json: tariff book 2026, indexed from \(directory)/2025.json (sha256:"))
        #expect(first.standardOutput.contains("wage +3,75 %, price +2,1 %, mixed (2/3 wage, 1/3 price) +3,2 %"))
        let written = try #require(readFile(directory + "/2026.json"))
        #expect(written.contains("\"date\": \"2026-11-21\""))
        #expect(written.contains("\"amount\": \"98160.00\""))
        let again = run(arguments)
        #expect(again.exitCode == .success)
        #expect(again.standardOutput.hasSuffix("; nothing changed.\n"))
        #expect(readFile(directory + "/2026.json") == written)
        // Another day, same percentages: still nothing to do.
        var otherDay = arguments
        otherDay[9] = "2026-11-30"
        #expect(run(otherDay).standardOutput.hasSuffix("; nothing changed.\n"))
        #expect(run(["tariffs", "validate", "--tariffs", directory]).exitCode == .success)
    }

    @Test("other percentages for a year that has a book are refused; --replace records the old hash")
    func refuseAndReplace() throws {
        let directory = scratch()
        #expect(run(["tariffs", "index", "--from", "2025", "--wage", "3.75", "--price", "2.1", "--tariffs", directory]).exitCode == .success)
        let old = try #require(readFile(directory + "/2026.json"))
        let refused = run(["tariffs", "index", "--from", "2025", "--wage", "3.5", "--price", "2.1", "--tariffs", directory])
        #expect(refused.exitCode == .cannotCreateOutput)
        #expect(refused.standardError.hasPrefix("Error: cannot create \(directory)/2026.json: it already exists and differs (indexed from 2025 with wage 3.75 % and price 2.1 %)"))
        #expect(readFile(directory + "/2026.json") == old)
        let replaced = run(["tariffs", "index", "--from", "2025", "--wage", "3.5", "--price", "2.1", "--replace", "--tariffs", directory])
        #expect(replaced.exitCode == .success)
        let book = try #require(readFile(directory + "/2026.json"))
        let oldHash = "sha256:" + SHA256Hex.of(old)
        #expect(book.contains("\"replaces\": \"\(oldHash)\""))
        #expect(replaced.standardOutput.contains("Replaced the previous book \(oldHash)."))
    }

    @Test("malformed or missing percentages are refused with exit 64", arguments: [
        (["--wage", "3,755", "--price", "2.1"], "Error: '--wage' expects a percentage with at most two decimals like 3.75 or 3,75 (no % sign), found '3,755'"),
        (["--wage", "3.75%", "--price", "2.1"], "Error: '--wage' expects a percentage with at most two decimals like 3.75 or 3,75 (no % sign), found '3.75%'"),
        (["--wage", "abc", "--price", "2.1"], "Error: '--wage' expects a percentage with at most two decimals like 3.75 or 3,75 (no % sign), found 'abc'"),
        (["--wage", "1e2", "--price", "2.1"], "Error: '--wage' expects a percentage with at most two decimals like 3.75 or 3,75 (no % sign), found '1e2'"),
        (["--wage", "3.755", "--price", "2.1"], "Error: '--wage' expects a percentage with at most two decimals like 3.75 or 3,75 (no % sign), found '3.755'"),
        (["--wage", "3.75"], "Error: missing '--price <percent>'"),
        (["--wage", "-100", "--price", "2"], "Error: the wage percentage -100 is outside the accepted range above -100 and up to 100"),
        (["--wage", "3", "--price", "2", "--mixed-wage-share", "3/2"], "Error: '--mixed-wage-share' expects a fraction from 0 to 1 like 2/3 or 0.5, found '3/2'"),
    ])
    func badPercentages(options: [String], message: String) {
        let directory = scratch()
        let result = run(["tariffs", "index", "--from", "2025", "--tariffs", directory] + options)
        #expect(result.exitCode == .usage)
        #expect(result.standardError.split(separator: "\n").first.map(String.init) == message)
        #expect(readFile(directory + "/2026.json") == nil)
    }

    @Test("a Dutch decimal comma gives the same book as a dot")
    func dutchDecimalComma() {
        let dot = scratch(), comma = scratch()
        #expect(run(["tariffs", "index", "--from", "2025", "--wage", "3.75", "--price", "2.1", "--tariffs", dot]).exitCode == .success)
        #expect(run(["tariffs", "index", "--from", "2025", "--wage", "3,75", "--price", "2,1", "--tariffs", comma]).exitCode == .success)
        #expect(readFile(dot + "/2026.json") != nil)
        #expect(readFile(dot + "/2026.json") == readFile(comma + "/2026.json"))
    }

    @Test("zero and negative percentages are accepted")
    func zeroAndNegative() throws {
        let directory = scratch()
        #expect(run(["tariffs", "index", "--from", "2025", "--wage", "0", "--price", "-1.25", "--tariffs", directory]).exitCode == .success)
        let diff = try JSONParser.parse(run(["tariffs", "diff", "2025", "2026", "--format", "json", "--tariffs", directory]).standardOutput)
        let rows = try #require(diff.objectValue?["tariffs"]?.arrayValue)?.compactMap { $0.objectValue } ?? []
        let mbo = try #require(rows.first { $0["tariff"] == "uurtarief-mbo" })
        #expect(mbo["change"] == "0.00")
        let book = try #require(rows.first { $0["tariff"] == "boekprijs" })
        // 19,35 × 0,9875 = 19,108125 → 19,11.
        #expect(book["new"] == "19.11")
        #expect(book["changePercent"] == "-1.24")
    }

    @Test("diff lists every tariff with old, new, change and change in percent, in JSON, CSV and a table")
    func diff() throws {
        let directory = scratch()
        _ = run(["tariffs", "index", "--from", "2025", "--wage", "3.75", "--price", "2.1", "--tariffs", directory])
        let json = try JSONParser.parse(run(["tariffs", "diff", "2025", "2026", "--format", "json", "--tariffs", directory]).standardOutput)
        let rows = try #require(json.objectValue?["tariffs"]?.arrayValue)?.compactMap { $0.objectValue } ?? []
        #expect(rows.count == 46)
        let mbo = try #require(rows.first)
        #expect(mbo["tariff"] == "uurtarief-mbo" && mbo["old"] == "57.00" && mbo["new"] == "59.00" && mbo["change"] == "2.00" && mbo["changePercent"] == "3.51")
        let large = try #require(rows.first { $0["tariff"] == "robuuste-bibliotheek/vestiging/large" })
        #expect(large["service"] == "robuuste-bibliotheek" && large["new"] == "98160.00" && large["changePercent"] == "3.2")
        let csv = run(["tariffs", "diff", "2025", "2026", "--format", "csv", "--tariffs", directory]).standardOutput
        #expect(csv.hasPrefix("service,tariff,name,index_class,old,new,change,change_percent\r\n,uurtarief-mbo,Uurtarief mbo,wage,57.00,59.00,2.00,3.51\r\n"))
        let table = run(["tariffs", "diff", "2025", "2026", "--tariffs", directory]).standardOutput
        #expect(table.contains("  robuuste-bibliotheek  De robuuste lokale bibliotheek\n"))
        #expect(table.contains("€ 95.116,00  € 98.160,00  € +3.044,00   +3,2 %"))
    }

    @Test("show gives the provenance and every tariff")
    func show() {
        let directory = scratch()
        _ = run(["tariffs", "index", "--from", "2025", "--wage", "3.75", "--price", "2.1", "--tariffs", directory])
        let result = run(["tariffs", "show", "2026", "--tariffs", directory])
        #expect(result.exitCode == .success)
        #expect(result.standardOutput.contains("Indexed from 2025 (sha256:"))
        #expect(result.standardOutput.contains("wage 3.75 %, price 2.1 %, mixed weights 2/3 wage and 1/3 price"))
        #expect(result.standardOutput.contains("leesklik/implementatie"))
        #expect(result.standardOutput.contains("€ 944,00"))
    }

    @Test("a hand-edited indexed book fails validation with exit 65")
    func tampered() throws {
        let directory = scratch()
        _ = run(["tariffs", "index", "--from", "2025", "--wage", "3.75", "--price", "2.1", "--tariffs", directory])
        let book = try #require(readFile(directory + "/2026.json"))
        writeFile(directory + "/2026.json", book.replacing("\"amount\": \"98160.00\"", with: "\"amount\": \"98200.00\""))
        let result = run(["tariffs", "validate", "--tariffs", directory])
        #expect(result.exitCode == .dataError)
        #expect(result.standardError.contains("services[0].components[0].options[0].amount: tariff robuuste-bibliotheek/vestiging/large is 98200.00, but indexing 2025 with the recorded percentages gives 98160.00"))
    }

    @Test("index refuses (65) to write a book that validate would reject: a tariff indexed past the largest allowed")
    func indexRefusesWhatValidateRejects() throws {
        let directory = scratch()
        let source = try #require(readFile(directory + "/2025.json"))
        // 9 000 000 is inside the limit of 10 000 000; raised by 50 % it is not.
        writeFile(directory + "/2025.json", source.replacing(#""amount": "95116.00""#, with: #""amount": "9000000.00""#))
        #expect(run(["tariffs", "validate", "--tariffs", directory]).exitCode == .success)
        let result = run(["tariffs", "index", "--from", "2025", "--wage", "50", "--price", "50", "--tariffs", directory])
        #expect(result.exitCode == .dataError)
        #expect(result.standardError.contains("services[0].components[0].options[0].amount: a tariff is at most 10000000.00 euro, found 13500000.00"))
        #expect(result.standardError.contains("not written: 'tariffs validate' would reject the indexed book for the problems above"))
        #expect(readFile(directory + "/2026.json") == nil)
    }

    @Test("validate reports a draft's amount error and its formula error in one run, each once")
    func validateReportsEveryProblemOfADraft() throws {
        let directory = scratch()
        let source = try #require(readFile(directory + "/2025.json"))
        writeFile(directory + "/2025.json", source
            .replacing(#""amount": "95116.00""#, with: #""amount": "95116,00""#)
            .replacing(#""formula": "8 * uurtarief-mbo""#, with: #""formula": "8 * uurtarief-vmbo""#))
        let result = run(["tariffs", "validate", "--tariffs", directory])
        #expect(result.exitCode == .dataError)
        let problems = result.standardError.split(separator: "\n").filter { $0.hasPrefix("  ") }
        #expect(problems.count == 2, "\(result.standardError)")
        #expect(problems.first?.contains(#"amount: expected an amount with a dot and exactly two decimals like "95116.00", found "95116,00""#) == true)
        #expect(problems.last?.contains(#"refers to "uurtarief-vmbo", which is not a tariff of this book"#) == true)
    }

    @Test("pricing beyond the last book: projected years say so; without assumptions the tool refuses")
    func projection() throws {
        let directory = scratch()
        let offer = temporaryDirectory() + "/offer.json"
        writeFile(offer, #"{"municipality": "midden-drenthe", "firstYear": 2025, "years": 3, "lines": [{"service": "kleintje-bieb"}, {"service": "ido"}]}"#)
        let profile = repositoryRoot + "/seeds/municipalities/midden-drenthe.json"
        // The offer's own problems come before a missing assumption.
        let badOffer = temporaryDirectory() + "/bad.json"
        writeFile(badOffer, #"{"municipality": "midden-drenthe", "firstYear": 2025, "years": 3, "lines": [{"service": "dbos-po", "schools": ["vo-beilen"]}]}"#)
        let bad = run(["price", "--profile", profile, "--offer", badOffer, "--tariffs", directory])
        #expect(bad.exitCode == .dataError)
        #expect(bad.standardError.contains("lines[0].schools[0]: dbos-po is only for po schools"))
        let refused = run(["price", "--profile", profile, "--offer", offer, "--tariffs", directory])
        #expect(refused.exitCode == .usage)
        #expect(refused.standardError.hasPrefix("Error: 2026 has no published tariff book, and pricing it needs an assumed wage and price percentage: give --assume-wage and --assume-price"))
        let priced = run(["price", "--profile", profile, "--offer", offer, "--tariffs", directory, "--assume-wage", "3.75", "--assume-price", "2.1", "--format", "json"])
        #expect(priced.exitCode == .success, "\(priced.standardError)")
        let years = try #require(try JSONParser.parse(priced.standardOutput).objectValue?["years"]?.arrayValue)?.compactMap { $0.objectValue } ?? []
        #expect(years.map { $0["tariffBook"]?.objectValue?["status"] } == ["published", "projected", "projected"])
        let assumptions = years[2]["tariffBook"]?.objectValue?["assumptions"]?.objectValue
        #expect(assumptions?["wage"] == "3.75" && assumptions?["price"] == "2.1")
        // Kleintje Bieb is mixed: 6 341 → 6 544 (× 1,032 = 6 543,91) → 6 753 (× 1,032 = 6 753,31).
        let amounts = years.map { $0["lines"]?.arrayValue?.first?.objectValue?["amount"] }
        #expect(amounts == ["6341.00", "6544.00", "6753.00"])
        #expect(years[1]["lines"]?.arrayValue?.first?.objectValue?["explanation"]?.stringValue?.contains("tariefboek 2026 (geprojecteerd)") == true)

        // The same from the assumptions file, per year.
        writeFile(directory + "/assumptions.json", #"{"default": {"wage": "3.75", "price": "2.1"}, "years": {"2027": {"wage": "0", "price": "0"}}}"#)
        let fromFile = run(["price", "--profile", profile, "--offer", offer, "--tariffs", directory, "--format", "json"])
        let fileYears = try #require(try JSONParser.parse(fromFile.standardOutput).objectValue?["years"]?.arrayValue)?.compactMap { $0.objectValue } ?? []
        #expect(fileYears.map { $0["lines"]?.arrayValue?.first?.objectValue?["amount"] } == ["6341.00", "6544.00", "6544.00"])
        let table = run(["price", "--profile", profile, "--offer", offer, "--tariffs", directory]).standardOutput
        #expect(table.contains("2027 · PROJECTED tariff book: 2025 indexed forward, assuming wage 0 % and price 0 % a year; the amounts are indicative"))
    }
}

/// SHA-256 of a string, through the tool's own implementation.
enum SHA256Hex {
    static func of(_ text: String) -> String {
        CatalogueSHA.hex(text)
    }
}
