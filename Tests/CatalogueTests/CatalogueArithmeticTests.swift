import Catalogue
import Money
import Testing

/// The catalogue's own arithmetic (spec, "Observations that make good tests").
@Suite("The catalogue's arithmetic")
struct CatalogueArithmeticTests {
    private func amount(_ id: String) throws -> Money {
        try #require(book2025.tariff(id)).amount
    }

    @Test("branch tariffs are 8 : 6 : 3 : 1 × 11 889,50, rounded half away from zero to whole euros",
          arguments: [("large", 8), ("medium", 6), ("small", 3), ("service-point", 1)])
    func branchRatio(size: String, multiple: Int64) throws {
        let unit = try Money(parsing: "11889.50")
        let expected = try unit.multiplied(by: Quantity(multiple), rounding: .halfAwayFromZero, to: .euro)
        #expect(try amount("robuuste-bibliotheek/vestiging/\(size)") == expected)
    }

    @Test("2 378 is one hour a week for a year: BoekStartcoach 4 h = 9 512, Leesklik 2 h = 4 756")
    func weeklyHourUnit() throws {
        let unit = try amount("weekuur-educatiemedewerker")
        #expect(unit.jsonString == "2378.00")
        #expect(try amount("boekstartcoach/coach").multiplied(by: 4).jsonString == "9512.00")
        #expect(try amount("leesklik/educatiemedewerker") == unit.multiplied(by: 2))
        #expect(try amount("boekstart-pluspakket/educatiemedewerker") == unit)
        let coach = try #require(book2025.service("boekstartcoach")?.component("coach")?.scaledBy)
        #expect(coach.defaultValue == Quantity(4))
    }

    @Test("each derived tariff equals its formula, computed by hand", arguments: [
        ("leesklik/implementatie", "uurtarief-mbo", Int64(16), "912.00"),
        ("leskist-vo/educatiemedewerker", "uurtarief-mbo", 10, "570.00"),
        ("thuislezen/implementatie", "uurtarief-mbo", 8, "456.00"),
        ("leesklik/boekencollectie", "boekprijs", 200, "3870.00"),
        ("thuislezen/extra-boeken", "boekprijs", 2, "38.70"),
        ("gezinsaanpak/onderzoek", "uurtarief-wo", 28, "2688.00"),
        ("leesklik/educatiemedewerker", "weekuur-educatiemedewerker", 2, "4756.00"),
        ("maatwerk/uren/hbo", "uurtarief-hbo", 1, "74.00"),
    ])
    func derived(id: String, unit: String, multiple: Int64, expected: String) throws {
        let tariff = try #require(book2025.tariff(id))
        guard case .formula(let formula) = tariff.value else {
            Issue.record("\(id) is not written as a formula")
            return
        }
        #expect(formula.references == [unit])
        #expect(tariff.indexClass == .derived)
        #expect(try amount(unit).multiplied(by: multiple).jsonString == expected)
        #expect(tariff.amount.jsonString == expected)
    }

    @Test("no amount of the book is typed twice: every derived amount is a formula")
    func derivedAreFormulas() {
        for tariff in book2025.allTariffs {
            if case .formula = tariff.value {
                #expect(tariff.indexClass == .derived, "\(tariff.id)")
            } else {
                #expect(tariff.indexClass != .derived, "\(tariff.id)")
            }
        }
    }
}
