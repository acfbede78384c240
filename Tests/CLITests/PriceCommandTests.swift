@testable import catalogue_cli
import JSON
import Pricing
import Testing
import TestSupport

/// The example offers of `seeds/`, as a user runs them.
@Suite("price")
struct PriceCommandTests {
    static let examples = [
        ("midden-drenthe", "midden-drenthe-basis"),
        ("midden-drenthe", "midden-drenthe-volledig"),
        ("aa-en-hunze", "aa-en-hunze-leesbevordering"),
    ]

    private func arguments(_ profile: String, _ offer: String, _ format: String) -> [String] {
        ["price", "--profile", repositoryRoot + "/seeds/municipalities/\(profile).json",
         "--offer", repositoryRoot + "/seeds/offers/\(offer).offer.json", "--format", format]
    }

    @Test("golden table and JSON output of the example offers", arguments: examples)
    func golden(profile: String, offer: String) {
        for format in ["table", "json"] {
            let result = run(arguments(profile, offer, format))
            #expect(result.exitCode == .success, "\(result.standardError)")
            expectGolden(result.standardOutput, "price-\(offer).\(format == "json" ? "json" : "txt")")
        }
    }

    @Test("the JSON has the interface's fields, and a rerun is byte-identical")
    func json() throws {
        let result = run(arguments("midden-drenthe", "midden-drenthe-basis", "json"))
        let root = try #require(try JSONParser.parse(result.standardOutput).objectValue)
        #expect(root["municipality"] == "midden-drenthe")
        let year = try #require(root["years"]?.arrayValue?.first?.objectValue)
        #expect(year["year"] == .number(JSONNumber(integer: 2025)))
        #expect(year["tariffBook"]?.objectValue?["status"] == "published")
        let line = try #require(year["lines"]?.arrayValue?.first?.objectValue)
        for field in ["service", "component", "subject", "quantity", "unitPrice", "amount", "recurrence", "payer", "explanation"] {
            #expect(line[field] != nil, "missing \(field)")
        }
        #expect(line["amount"] == "95116.00")
        #expect(root["totals"]?.objectValue?["municipality"] == "1076045.31")
        #expect(run(arguments("midden-drenthe", "midden-drenthe-basis", "json")).standardOutput == result.standardOutput)
    }

    @Test("CSV: a header, one row per line and year, amounts in the JSON form")
    func csv() throws {
        let result = run(arguments("midden-drenthe", "midden-drenthe-basis", "csv"))
        #expect(result.exitCode == .success)
        let rows = result.standardOutput.split(separator: "\r\n").map(String.init)
        #expect(rows.first?.hasPrefix("municipality,year,tariff_book_year,tariff_book_status,service,component,tariff,subject") == true)
        // 4 branches + 2 per-inhabitant + 4 LLO + 1 + 4 childcare + 18 × 2 dBos + 1 + 1 + 1 IDO = 54 lines.
        #expect(rows.count == 55)
        #expect(rows[1].hasPrefix("midden-drenthe,2025,2025,published,robuuste-bibliotheek,vestiging,robuuste-bibliotheek/vestiging/large,beilen,Beilen,1,95116.00,95116.00,annual,municipality,false,false,,,,"))
    }

    @Test("text a spreadsheet would run as a formula is neutralised", arguments: [
        ("=SUM(A1)", "'=SUM(A1)"), ("+31 6", "'+31 6"), ("-12x", "'-12x"), ("@cmd", "'@cmd"),
        ("a,b", "\"a,b\""), ("zeg \"hoi\"", "\"zeg \"\"hoi\"\"\""), ("=1,2", "\"'=1,2\""), ("gewoon", "gewoon"),
        // A spreadsheet that splits on ";" must see one cell, not the formula =1+1 (issue 12).
        ("x;=1+1;y", "\"x;=1+1;y\""), ("=1;2", "\"'=1;2\""), ("a\nb", "\"a\nb\""),
        ("\tcmd", "'\tcmd"), ("\r=1", "\"'\r=1\""), ("-1+1", "'-1+1"), ("-", "'-"), ("-3.", "'-3."),
        // Plain numbers are numbers, not formulas: they stay as they are.
        ("-3.50", "-3.50"), ("-12", "-12"), ("7", "7"),
    ])
    func neutralised(input: String, expected: String) {
        #expect(PricedOfferCSV.text(input) == expected)
    }

    @Test("bad input exits 65 with every problem; a missing file exits 66; a missing option exits 64")
    func errors() {
        let directory = temporaryDirectory()
        writeFile(directory + "/offer.json", """
        {"municipality": "midden-drenthe", "firstYear": 2025, "years": 1,
         "lines": [{"service": "dbos-po", "schools": ["vo-beilen"]}, {"service": "maatwerk", "level": "phd", "hours": 4}]}
        """)
        let bad = run(["price", "--profile", repositoryRoot + "/seeds/municipalities/midden-drenthe.json", "--offer", directory + "/offer.json"])
        #expect(bad.exitCode == .dataError)
        #expect(bad.standardOutput == "")
        #expect(bad.standardError == """
        Error: 2 problems in \(directory)/offer.json:
          lines[0].schools[0]: dbos-po is only for po schools; "vo-beilen" is a vo school
          lines[1].level: unknown level "phd" for maatwerk; expected one of "mbo", "hbo", "wo"

        """)
        let missing = run(["price", "--profile", directory + "/nope.json", "--offer", directory + "/offer.json"])
        #expect(missing.exitCode == .cannotReadInput)
        #expect(missing.standardError == "Error: cannot read \(directory)/nope.json: no such file or directory\n")
        let usage = run(["price", "--offer", directory + "/offer.json"])
        #expect(usage.exitCode == .usage)
        #expect(usage.standardError.hasPrefix("Error: missing '--profile <file>'\n"))
    }

    @Test("a year before the first tariff book exits 66 and names the missing years")
    func missingYear() {
        let directory = temporaryDirectory()
        writeFile(directory + "/offer.json", #"{"municipality": "midden-drenthe", "firstYear": 2023, "years": 3, "lines": [{"service": "ido"}]}"#)
        let result = run(["price", "--profile", repositoryRoot + "/seeds/municipalities/midden-drenthe.json", "--offer", directory + "/offer.json"])
        #expect(result.exitCode == .cannotReadInput)
        #expect(result.standardError == "Error: cannot read \(tariffsDirectory)/2023.json: no tariff book for 2023, 2024 in \(tariffsDirectory) (available: 2025); the offer runs 2023 to 2025\n")
    }
}
