import Catalogue
import JSON
import Testing
import Support

/// A small valid book that the reproducers below break one way each.
let minimalBook = #"""
{
  "formatVersion": 1,
  "year": 2025,
  "currency": "EUR",
  "title": "Testcatalogus",
  "publisher": "Test",
  "provenance": {"kind": "transcription", "source": "test"},
  "indexation": {"mixedWeights": {"wage": "2/3", "price": "1/3"}},
  "vat": {"schoolContributionRate": "9"},
  "wsobFunctions": [
    {"number": 1, "name": "Kennis en informatie"}, {"number": 2, "name": "Ontwikkeling en educatie"},
    {"number": 3, "name": "Lezen en literatuur"}, {"number": 4, "name": "Ontmoeting en debat"},
    {"number": 5, "name": "Kunst en cultuur"}
  ],
  "programmeLines": [{"code": "lezen", "name": "Lezen", "wsob": [1, 3]}],
  "units": [
    {"code": "uurtarief-mbo", "name": "Uurtarief mbo", "amount": "57.00", "indexClass": "wage", "precision": "euro", "source": "1"},
    {"code": "boekprijs", "name": "Boekprijs", "amount": "19.35", "indexClass": "price", "precision": "cent", "source": "1"}
  ],
  "services": [
    {
      "code": "vestigingen", "name": "Vestigingen", "section": "2", "programmeLine": "lezen", "tier": "basis",
      "wsob": [1, 3], "targetGroup": "iedereen", "partners": [], "description": "Per vestiging.",
      "components": [
        {"code": "vestiging", "name": "Per vestiging", "basis": "per-branch", "payer": "municipality", "source": "2",
         "recurrence": "annual", "precision": "euro", "indicative": false, "indexClass": "mixed", "by": "branch-size",
         "options": [
           {"key": "large", "name": "Groot", "amount": "95116.00"},
           {"key": "medium", "name": "Middel", "amount": "71337.00"},
           {"key": "small", "name": "Klein", "amount": "35669.00"},
           {"key": "service-point", "name": "Servicepunt", "amount": "11890.00"}
         ]}
      ],
      "serviceLevels": [], "constraints": []
    },
    {
      "code": "school", "name": "School", "section": "3", "programmeLine": "lezen", "tier": "basis-plus",
      "wsob": [2, 3], "targetGroup": "4 tot 12 jaar", "partners": ["Scholen"], "description": "Per leerling.",
      "components": [
        {"code": "leerling", "name": "Per leerling", "basis": "per-pupil", "payer": "municipality", "source": "3",
         "recurrence": "annual", "precision": "cent", "indicative": false, "indexClass": "mixed", "amount": "73.55"},
        {"code": "implementatie", "name": "Implementatie", "basis": "per-school", "payer": "municipality", "source": "3",
         "recurrence": "one-off", "precision": "euro", "indicative": false, "indexClass": "derived", "formula": "8 * uurtarief-mbo"}
      ],
      "serviceLevels": [
        {"code": "boeken", "name": "Boeken", "input": "pupils", "unit": "boeken per leerling",
         "rows": [{"from": 0, "to": 124, "value": 4}, {"from": 125, "value": 5}]}
      ],
      "constraints": [{"rule": "school-level", "level": "po"}]
    },
    {
      "code": "op-maat", "name": "Op maat", "section": "4", "tier": "basis-plus", "wsob": [], "targetGroup": "gemeente",
      "partners": [], "description": "Op offerte.",
      "components": [{"code": "offerte", "name": "Offerte", "basis": "custom-quote", "payer": "municipality", "source": "4"}],
      "serviceLevels": [], "constraints": []
    }
  ]
}
"""#

/// One way to break the book: the changes, and the one problem the loader must report.
struct BookError: Sendable, CustomTestStringConvertible {
    var name: String
    /// Path → replacement JSON text (nil removes the field).
    var changes: [(String, String?)]
    var path: String
    var message: String

    var testDescription: String { name }
}

let bookErrors: [BookError] = [
    .init(name: "unknown basis", changes: [("services[0].components[0].basis", #""per-moon""#)],
          path: "services[0].components[0].basis",
          message: #"unknown basis "per-moon"; expected one of "per-municipality", "per-branch", "per-inhabitant", "per-pupil", "per-school", "per-childcare-location", "per-consultation-bureau", "per-package", "per-hour", "per-participant", "custom-quote""#),
    .init(name: "unknown index class", changes: [("services[1].components[0].indexClass", #""wages""#)],
          path: "services[1].components[0].indexClass",
          message: #"unknown index class "wages"; expected one of "wage", "price", "mixed", "none", "derived""#),
    .init(name: "negative amount", changes: [("services[1].components[0].amount", #""-73.55""#)],
          path: "services[1].components[0].amount",
          message: #"expected an amount of zero or more, found the negative amount "-73.55""#),
    .init(name: "amount with a decimal comma", changes: [("services[1].components[0].amount", #""12,50""#)],
          path: "services[1].components[0].amount",
          message: #"expected an amount with a dot and exactly two decimals like "95116.00", found "12,50""#),
    .init(name: "amount with three decimals", changes: [("units[1].amount", #""19.355""#)],
          path: "units[1].amount",
          message: #"expected an amount with a dot and exactly two decimals like "95116.00", found "19.355""#),
    .init(name: "amount as a JSON number", changes: [("services[1].components[0].amount", "73.55")],
          path: "services[1].components[0].amount",
          message: #"expected an amount as a string with a dot and two decimals like "95116.00", found the number 73.55"#),
    .init(name: "amount out of range", changes: [("units[0].amount", #""1000000000000.00""#)],
          path: "units[0].amount",
          message: #"the amount "1000000000000.00" is outside the supported range of ±999999999999.99"#),
    .init(name: "cents on a tariff published in whole euros", changes: [("services[0].components[0].options[0].amount", #""95116.50""#)],
          path: "services[0].components[0].options[0].amount",
          message: #"the tariff is published in whole euros (precision "euro") but "95116.50" has cents"#),
    .init(name: "duplicate service code", changes: [("services[2].code", #""school""#)],
          path: "services[2].code",
          message: #"duplicate service code "school", first used at index 1"#),
    .init(name: "duplicate unit code", changes: [("units[1].code", #""uurtarief-mbo""#)],
          path: "units[1].code",
          message: #"duplicate unit code "uurtarief-mbo", first used at index 0"#),
    .init(name: "duplicate component code", changes: [("services[1].components[1].code", #""leerling""#)],
          path: "services[1].components[1].code",
          message: #"duplicate component code in school "leerling", first used at index 0"#),
    .init(name: "code that is not a code", changes: [("services[0].code", #""Vestigingen 2""#)],
          path: "services[0].code",
          message: #"expected a code of lowercase letters, digits and single hyphens like "robuuste-bibliotheek", found "Vestigingen 2""#),
    .init(name: "formula naming a tariff that does not exist", changes: [("services[1].components[1].formula", #""8 * uurtarief-mbx""#)],
          path: "services[1].components[1].formula",
          message: #"the formula "8 * uurtarief-mbx" refers to "uurtarief-mbx", which is not a tariff of this book"#),
    .init(name: "formula forming a cycle",
          changes: [("units[0].formula", #""3 * boekprijs""#), ("units[0].amount", nil), ("units[0].indexClass", #""derived""#),
                    ("units[1].formula", #""uurtarief-mbo""#), ("units[1].amount", nil), ("units[1].indexClass", #""derived""#)],
          path: "units[0].formula",
          message: "the formulas form a cycle: uurtarief-mbo → boekprijs → uurtarief-mbo"),
    .init(name: "formula that does not parse", changes: [("services[1].components[1].formula", #""8 * * uurtarief-mbo""#)],
          path: "services[1].components[1].formula",
          message: #"invalid formula "8 * * uurtarief-mbo": expected a number, a tariff or "(", found "*" at character 5"#),
    .init(name: "formula on a tariff that is not derived", changes: [("services[1].components[1].indexClass", #""wage""#)],
          path: "services[1].components[1].indexClass",
          message: #"a tariff with a formula is computed from other tariffs and must have indexClass "derived", found "wage""#),
    .init(name: "derived tariff without a formula", changes: [("services[1].components[0].indexClass", #""derived""#)],
          path: "services[1].components[0].indexClass",
          message: #"indexClass "derived" needs a formula over other tariffs instead of an amount"#),
    .init(name: "both amount and formula", changes: [("services[1].components[1].amount", #""456.00""#)],
          path: "services[1].components[1].formula",
          message: "a tariff has either an amount or a formula, not both"),
    .init(name: "service-level table with a gap (skips 125 to 129)", changes: [("services[1].serviceLevels[0].rows[1].from", "130")],
          path: "services[1].serviceLevels[0].rows[1].from",
          message: "gap: no row covers 125 to 129 (row 1 ends at 124, row 2 starts at 130)"),
    .init(name: "service-level table with an overlap (counts 125 twice)", changes: [("services[1].serviceLevels[0].rows[0].to", "125")],
          path: "services[1].serviceLevels[0].rows[1].from",
          message: "overlap: rows 1 and 2 both cover 125 to 125 (row 1 ends at 125, row 2 starts at 125)"),
    .init(name: "service-level table not starting at zero", changes: [("services[1].serviceLevels[0].rows[0].from", "1")],
          path: "services[1].serviceLevels[0].rows[0].from",
          message: "the table leaves 0 to 0 uncovered: the first row must start at 0"),
    .init(name: "service-level table with a closed last row", changes: [("services[1].serviceLevels[0].rows[1].to", "500")],
          path: "services[1].serviceLevels[0].rows[1].to",
          message: #"the table leaves everything above 500 uncovered: the last row must have no "to""#),
    .init(name: "branch-size table missing a size", changes: [("services[0].components[0].options[3]", nil)],
          path: "services[0].components[0].options",
          message: #"gap: no option for branch size "service-point"; add one, or exclude the size with a "branch-sizes" constraint"#),
    .init(name: "branch-size option excluded by the service's constraint",
          changes: [("services[0].constraints", #"[{"rule": "branch-sizes", "allowed": ["large", "medium", "small"]}]"#)],
          path: "services[0].components[0].options[3].key",
          message: #"an option for branch size "service-point", which the service's "branch-sizes" constraint excludes"#),
    .init(name: "unknown branch size", changes: [("services[0].components[0].options[3].key", #""kiosk""#), ("services[0].components[0].options[2].key", #""small""#)],
          path: "services[0].components[0].options[3].key",
          message: #"unknown branch size "kiosk"; expected one of "large", "medium", "small", "service-point""#),
    .init(name: "unknown field (a typo)", changes: [("services[1].components[0].amout", #""1.00""#)],
          path: "services[1].components[0].amout",
          message: #"unknown field "amout"; did you mean "amount"?"#),
    .init(name: "missing required field", changes: [("services[1].components[0].payer", nil)],
          path: "services[1].components[0]",
          message: #"missing required field "payer""#),
    .init(name: "unknown programme line", changes: [("services[0].programmeLine", #""leesbevordering""#)],
          path: "services[0].programmeLine",
          message: #"unknown programme line "leesbevordering"; expected one of "lezen""#),
    .init(name: "a target group the book does not list", changes: [("services[0].targetGroups", #"["jeugd"]"#)],
          path: "services[0].targetGroups[0]",
          message: #"unknown target group "jeugd"; the book lists no target groups under "targetGroups""#),
    .init(name: "a theme not in the book's themes", changes: [("themes", #"[{"code": "lezen", "name": "Lezen"}]"#), ("services[0].themes", #"["lezen", "digitaal"]"#)],
          path: "services[0].themes[1]",
          message: #"unknown theme "digitaal"; expected one of "lezen""#),
    .init(name: "a theme listed twice", changes: [("themes", #"[{"code": "lezen", "name": "Lezen"}]"#), ("services[0].themes", #"["lezen", "lezen"]"#)],
          path: "services[0].themes[1]",
          message: #"theme "lezen" is listed twice"#),
    .init(name: "a duplicate target group code", changes: [("targetGroups", #"[{"code": "jong", "name": "Jong"}, {"code": "jong", "name": "Jonger"}]"#)],
          path: "targetGroups[1].code",
          message: #"duplicate target group code "jong", first used at index 0"#),
    .init(name: "requirement on an unknown service",
          changes: [("services[1].constraints", #"[{"rule": "requires-service-on-school", "service": "dbos-po"}]"#)],
          path: "services[1].constraints[0].service",
          message: #"unknown service "dbos-po"; no service of this book has that code"#),
    .init(name: "mixed weights that do not add up to one", changes: [("indexation.mixedWeights.price", #""1/2""#)],
          path: "indexation.mixedWeights",
          message: "the weights of wage (2/3) and price (1/2) must be zero or more and add up to 1"),
    .init(name: "Wsob function out of range", changes: [("services[1].wsob", "[2, 6]")],
          path: "services[1].wsob[1]",
          message: "expected a whole number from 1 to 5, found 6"),
    .init(name: "custom quote with an amount", changes: [("services[2].components[0].amount", #""100.00""#)],
          path: "services[2].components[0].amount",
          message: #"a custom-quote component has no "amount": the account manager gives amount and recurrence in the offer"#),
    .init(name: "unsupported format version", changes: [("formatVersion", "2")],
          path: "formatVersion",
          message: "this program reads tariff books of format version 1, found version 2"),
]

@Suite("Tariff book errors: one reproducer each")
struct TariffBookErrorTests {
    private func base() throws -> JSONValue {
        try JSONParser.parse(minimalBook)
    }

    @Test("the minimal book itself is valid")
    func minimalBookLoads() throws {
        #expect(diagnostics(of: try base()) == [])
    }

    @Test("error", arguments: bookErrors)
    func error(_ row: BookError) throws {
        var value = try base()
        for (path, replacement) in row.changes {
            value = value.replacing(pathComponents(path), with: try replacement.map { try JSONParser.parse($0) })
        }
        let found = diagnostics(of: value)
        let match = found.first { $0.path.description == row.path }
        #expect(match?.message == row.message, "all diagnostics: \(found.map(\.description))")
        #expect(match?.file == "test.json")
    }

    @Test("every error is reported at once, in document order")
    func everyErrorAtOnce() throws {
        var value = try base()
        value = value.replacing(pathComponents("units[1].amount"), with: .string("19,35"))
        value = value.replacing(pathComponents("services[0].components[0].basis"), with: .string("per-moon"))
        value = value.replacing(pathComponents("services[1].serviceLevels[0].rows[1].from"), with: try JSONParser.parse("130"))
        value = value.replacing(pathComponents("services[1].components[1].formula"), with: .string("8 * uurtarief-hbo"))
        let found = diagnostics(of: value)
        // The formula error is found by the second pass, which runs on a half-read book too.
        #expect(found.map(\.path.description) == [
            "units[1].amount",
            "services[0].components[0].basis",
            "services[1].serviceLevels[0].rows[1].from",
            "services[1].components[1].formula",
        ])
    }

    @Test("a draft with an amount error and a formula error reports both, once each, in one pass")
    func amountAndFormulaInOnePass() throws {
        var value = try base()
        value = value.replacing(pathComponents("services[1].components[0].amount"), with: .string("20000000.00"))
        value = value.replacing(pathComponents("services[1].components[1].formula"), with: .string("8 * uurtarief-hbo"))
        let found = diagnostics(of: value)
        #expect(found.map(\.description) == [
            "test.json: services[1].components[0].amount: a tariff is at most 10000000.00 euro, found 20000000.00",
            #"test.json: services[1].components[1].formula: the formula "8 * uurtarief-hbo" refers to "uurtarief-hbo", which is not a tariff of this book"#,
        ])
    }

    @Test("a formula over a tariff whose amount is broken adds no second problem: the amount is reported at its place")
    func noNoiseAboutBrokenEntries() throws {
        var value = try base()
        value = value.replacing(pathComponents("units[0].amount"), with: .string("57,00"))
        value = value.replacing(pathComponents("services[0].components[0].basis"), with: .string("per-moon"))
        value = value.replacing(pathComponents("services[1].constraints"),
                                with: try JSONParser.parse(#"[{"rule": "requires-service-on-school", "service": "op-maat"}]"#))
        value = value.replacing(pathComponents("services[2].name"), with: nil)
        let found = diagnostics(of: value)
        // The formula 8 * uurtarief-mbo and the requirement of op-maat name entries that are
        // broken, not unknown: nothing more is said about them.
        #expect(found.map(\.description) == [
            #"test.json: units[0].amount: expected an amount with a dot and exactly two decimals like "95116.00", found "57,00""#,
            #"test.json: services[0].components[0].basis: unknown basis "per-moon"; expected one of "per-municipality", "per-branch", "per-inhabitant", "per-pupil", "per-school", "per-childcare-location", "per-consultation-bureau", "per-package", "per-hour", "per-participant", "custom-quote""#,
            #"test.json: services[2]: missing required field "name""#,
        ])
    }

    @Test("invalid JSON names line and column")
    func invalidJSON() {
        let text = "{\n  \"year\": 2025,\n  \"title\": \"x\"\n  \"currency\": \"EUR\"\n}\n"
        do {
            _ = try TariffBookLoader.load(bytes: Array(text.utf8), file: "broken.json")
            Issue.record("a broken file loaded")
        } catch {
            guard case .invalid(let found) = error, let first = found.first else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(found.count == 1)
            #expect(first.file == "broken.json")
            #expect(first.message.hasPrefix("invalid JSON at line 4, column 3:"))
        }
    }

    @Test("a book filed under another year is refused")
    func wrongYear() throws {
        let text = JSONWriter.write(try base())
        #expect(throws: InputError.invalid([Diagnostic(file: "tariffs/2026.json", path: JSONPath.root.appending("year"),
                                                        message: "the book says year 2025, but it is filed as the book for 2026")])) {
            try TariffBookLoader.load(bytes: Array(text.utf8), file: "tariffs/2026.json", expectedYear: 2026)
        }
    }

    @Test("a file that does not exist cannot be read")
    func missingFile() {
        #expect(throws: InputError.cannotRead(file: "/nonexistent/2025.json", reason: "no such file or directory")) {
            try TariffBookLoader.load(file: "/nonexistent/2025.json")
        }
    }
}
