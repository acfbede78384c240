import Catalogue
import Money
import Pricing
import Testing
import TestSupport
import Support

/// Every rule of the engine, on amounts computed by hand from the catalogue.
@Suite("Pricing rules, computed by hand")
struct RulesTests {
    @Test("per branch by size class, per inhabitant (count on or before 1 January)")
    func robuusteBibliotheek() throws {
        let priced = try price(profile: testProfile, offer: testOffer(#"{"service": "robuuste-bibliotheek"}"#))
        // 95 116 + 71 337 + 35 669 + 11 890, one line per branch in id order: centrum, dorp, noord, punt.
        #expect(priced.amounts(2025, "robuuste-bibliotheek", "vestiging") == ["95116.00", "35669.00", "71337.00", "11890.00"])
        // 34 093 × 11,19 = 381 500,67 and 34 093 × 3,85 = 131 258,05 (the 2024-01-01 count).
        #expect(priced.amounts(2025, "robuuste-bibliotheek", "infrastructuur") == ["381500.67"])
        #expect(priced.amounts(2025, "robuuste-bibliotheek", "collectie") == ["131258.05"])
        #expect(priced.totals.municipality.jsonString == "726770.72")
        let line = try #require(priced.years[0].lines.first)
        #expect(line.explanation == "Bijdrage per vestiging (grote bibliotheek) voor Centrum: 1 vestiging × € 95.116,00 per vestiging = € 95.116,00; jaarlijks; tarief robuuste-bibliotheek/vestiging/large, tariefboek 2025.")
    }

    @Test("inhabitants per year: 2026 uses the count of 1 January 2026, never one dated later")
    func inhabitantsPerYear() throws {
        let priced = try price(profile: testProfile, offer: testOffer(years: 3, #"{"service": "ido"}"#))
        // 34 093 × 0,83 = 28 297,19; 34 500 × 0,83 = 28 635,00 (2026 and 2027: the 2026-07-01 count is after 1 January 2026 but before 2027).
        #expect(priced.amounts(2025, "ido", "inwoner") == ["28297.19"])
        #expect(priced.amounts(2026, "ido", "inwoner") == ["28635.00"])
        // 99 999 × 0,83 = 82 999,17.
        #expect(priced.amounts(2027, "ido", "inwoner") == ["82999.17"])
    }

    @Test("per pupil with the school contribution as its own line, paid by the school with VAT shown")
    func dbosPerPupil() throws {
        let priced = try price(profile: testProfile, offer: testOffer(#"{"service": "dbos-po"}"#))
        // po schools in id order: groot (501), klein (124), midden (125). 501 × 73,55 = 36 848,55; 124 × 73,55 = 9 120,20; 125 × 73,55 = 9 193,75.
        #expect(priced.amounts(2025, "dbos-po", "leerling") == ["36848.55", "9120.20", "9193.75"])
        // 17 per pupil: 8 517, 2 108, 2 125; VAT 9 %: 766,53, 189,72, 191,25.
        #expect(priced.amounts(2025, "dbos-po", "schoolbijdrage") == ["8517.00", "2108.00", "2125.00"])
        let school = priced.years[0].lines.filter { $0.component == "schoolbijdrage" }
        #expect(school.map { $0.vat?.amount.jsonString } == ["766.53", "189.72", "191.25"])
        #expect(school.allSatisfy { $0.payer == .school })
        #expect(priced.totals.municipality.jsonString == "55162.50")
        #expect(priced.totals.school.jsonString == "12750.00")
        #expect(priced.totals.schoolVAT.jsonString == "1147.50")
    }

    @Test("service levels: books per pupil and hours a week, 125 counting as a large school; Thuislezen's raised norm")
    func serviceLevels() throws {
        let priced = try price(profile: testProfile, offer: testOffer(#"{"service": "dbos-po"}"#, #"{"service": "thuislezen", "schools": ["klein", "midden"]}"#))
        let levels = priced.years[0].serviceLevels.map { "\($0.service) \($0.subject) \($0.level) \($0.value.plainString)" }
        #expect(levels == [
            "dbos-po groot boeken-per-leerling 5", "dbos-po groot uren-educatiemedewerker 4",
            "dbos-po klein boeken-per-leerling 4", "dbos-po klein uren-educatiemedewerker 2",
            "dbos-po midden boeken-per-leerling 5", "dbos-po midden uren-educatiemedewerker 2",
            "thuislezen klein boeken-per-leerling 6", "thuislezen midden boeken-per-leerling 7",
        ])
    }

    @Test("dBos VO: a custom quote, with one hour a week per 100 pupils promised")
    func dbosVO() throws {
        let priced = try price(profile: testProfile, offer: testOffer(#"{"service": "dbos-vo", "quote": {"amount": "9800.00", "recurrence": "annual", "description": "dBos VO Lyceum"}}"#))
        let line = try #require(priced.years[0].lines.first)
        #expect(line.isQuote && line.amount.jsonString == "9800.00" && line.tariff == nil)
        #expect(priced.years[0].serviceLevels.map { "\($0.subject) \($0.value.plainString) \($0.unit)" } == ["lyceum 4.5 uur per week"])
    }

    @Test("per location scaled by hours a week: BoekStartcoach 4 h × 2 378 = 9 512; pluspakket 2,5 h = 5 945")
    func hoursPerWeek() throws {
        let priced = try price(profile: testProfile, offer: testOffer(
            #"{"service": "boekstartcoach"}"#, #"{"service": "boekstart-pluspakket", "childcareLocations": ["ko-b"], "hoursPerWeek": 2.5}"#))
        #expect(priced.amounts(2025, "boekstartcoach", "coach") == ["9512.00"])
        #expect(priced.amounts(2025, "boekstart-pluspakket", "educatiemedewerker") == ["5945.00"])
    }

    @Test("packages: LLO pakket 1 by branch size (service points left out by default), pakket 2 by chosen size, with expected participant fees")
    func packages() throws {
        let priced = try price(profile: testProfile, offer: testOffer(
            #"{"service": "llo-pakket-1"}"#, #"{"service": "llo-pakket-2", "package": "middelgroot"}"#))
        // centrum (large) 26 363, dorp (small) 8 768, noord (medium) 17 553; no line for the service point.
        #expect(priced.amounts(2025, "llo-pakket-1", "pakket") == ["26363.00", "8768.00", "17553.00"])
        // Pakket 1 has no planning figure for participants, so no fee lines unless the offer gives one.
        #expect(priced.amounts(2025, "llo-pakket-1", "deelnemersbijdrage") == [])
        #expect(priced.amounts(2025, "llo-pakket-2", "pakket") == ["20610.00"])
        // 12 activities × 20 participants (planning figure) × 5 = 1 200, paid by participants.
        #expect(priced.amounts(2025, "llo-pakket-2", "deelnemersbijdrage") == ["1200.00"])
        #expect(priced.totals.participants.jsonString == "1200.00")
        #expect(priced.totals.municipality.jsonString == "73294.00")
    }

    @Test("Makersplaats: fees only from the offer's activities and participants")
    func makersplaats() throws {
        let priced = try price(profile: testProfile, offer: testOffer(#"{"service": "makersplaats", "activities": 40, "participantsPerActivity": 12}"#))
        #expect(priced.amounts(2025, "makersplaats", "deelnemersbijdrage") == ["2400.00"])
        #expect(priced.totals.municipality.jsonString == "74594.00")
    }

    @Test("hours × rate by level: 40 h hbo = 2 960; 2,5 h mbo = 142,50 (cent precision)")
    func maatwerk() throws {
        let priced = try price(profile: testProfile, offer: testOffer(
            #"{"service": "maatwerk", "level": "hbo", "hours": 40, "description": "Leesplan"}"#,
            #"{"service": "maatwerk", "level": "mbo", "hours": 2.5, "description": "Advies"}"#))
        // Sorted by description: Advies before Leesplan.
        #expect(priced.amounts(2025, "maatwerk", "uren") == ["142.50", "2960.00"])
    }

    @Test("derived formulas and one-off components: Leesklik 912 + 3 870 once, 4 756 + 582 every year")
    func leesklikOverThreeYears() throws {
        let priced = try price(profile: testProfile, offer: testOffer(years: 3, #"{"service": "leesklik", "childcareLocations": ["ko-a"]}"#))
        #expect(priced.amounts(2025, "leesklik", "implementatie") == ["912.00"])
        #expect(priced.amounts(2026, "leesklik", "implementatie") == [])
        #expect(priced.amounts(2025, "leesklik", "boekencollectie") == ["3870.00"])
        // 2026's book has mbo at 59: the derived implementation would be 944, but it is one-off.
        #expect(priced.amounts(2026, "leesklik", "educatiemedewerker") == ["4756.00"])
        #expect(priced.years.map(\.totals.municipality.jsonString) == ["10120.00", "5338.00", "5338.00"])
    }

    @Test("each year is priced with its own book: large branch 95 116, 98 000, 99 500")
    func bookPerYear() throws {
        let priced = try price(profile: testProfile, offer: testOffer(years: 3, #"{"service": "robuuste-bibliotheek", "branches": ["centrum"]}"#))
        #expect(priced.amounts(2025, "robuuste-bibliotheek", "vestiging") == ["95116.00"])
        #expect(priced.amounts(2026, "robuuste-bibliotheek", "vestiging") == ["98000.00"])
        #expect(priced.amounts(2027, "robuuste-bibliotheek", "vestiging") == ["99500.00"])
        #expect(priced.years.map(\.bookYear) == [2025, 2026, 2027])
    }

    @Test("Thuislezen: one-off in the first year (456 per school, 2 × 19,35 per pupil), 5,42 per pupil from the second year")
    func thuislezenYears() throws {
        let priced = try price(profile: testProfile, offer: testOffer(years: 3,
            #"{"service": "dbos-po", "schools": ["klein"]}"#, #"{"service": "thuislezen", "schools": ["klein"]}"#))
        #expect(priced.amounts(2025, "thuislezen", "implementatie") == ["456.00"])
        #expect(priced.amounts(2025, "thuislezen", "extra-boeken") == ["4798.80"])
        #expect(priced.amounts(2025, "thuislezen", "vervolgjaren") == [])
        #expect(priced.amounts(2026, "thuislezen", "vervolgjaren") == ["672.08"])
        #expect(priced.amounts(2027, "thuislezen", "vervolgjaren") == ["672.08"])
        #expect(priced.amounts(2026, "thuislezen", "implementatie") == [])
    }

    @Test("startYear: a service starting in the second year has its one-off costs then, priced with that year's book")
    func startYear() throws {
        let priced = try price(profile: testProfile, offer: testOffer(years: 3,
            #"{"service": "leesklik", "childcareLocations": ["ko-a"], "startYear": 2026}"#))
        #expect(priced.years[0].lines.isEmpty)
        // 16 × 59 (the 2026 mbo rate) = 944.
        #expect(priced.amounts(2026, "leesklik", "implementatie") == ["944.00"])
        #expect(priced.amounts(2027, "leesklik", "implementatie") == [])
        #expect(priced.amounts(2027, "leesklik", "educatiemedewerker") == ["4756.00"])
    }

    @Test("runningSince: a service already running has no one-off costs and its second-year tariffs at once")
    func runningSince() throws {
        let priced = try price(profile: testProfile, offer: testOffer(
            #"{"service": "dbos-po", "schools": ["klein"], "runningSince": 2019}"#,
            #"{"service": "thuislezen", "schools": ["klein"], "runningSince": 2022}"#))
        #expect(priced.amounts(2025, "thuislezen", "implementatie") == [])
        #expect(priced.amounts(2025, "thuislezen", "vervolgjaren") == ["672.08"])
    }

    @Test("custom quotes: amount and recurrence from the account manager, one-off in the line's first year")
    func quotes() throws {
        let priced = try price(profile: testProfile, offer: testOffer(years: 2,
            #"{"service": "gezinsaanpak", "quote": {"amount": "12500.00", "recurrence": "one-off", "description": "Uitvoering plan van aanpak"}}"#,
            #"{"service": "taalhuis", "quotes": [{"component": "werkgeverschap", "amount": "1500.00", "recurrence": "annual", "description": "Werkgeverschap vrijwilligers"}]}"#))
        // Gezinsaanpak: research 28 × 96 = 2 688 and the quote, both once.
        #expect(priced.amounts(2025, "gezinsaanpak", "onderzoek") == ["2688.00"])
        #expect(priced.amounts(2025, "gezinsaanpak", "uitvoering") == ["12500.00"])
        #expect(priced.amounts(2026, "gezinsaanpak", "uitvoering") == [])
        #expect(priced.amounts(2026, "taalhuis", "werkgeverschap") == ["1500.00"])
        #expect(priced.years.map(\.totals.municipality.jsonString) == ["19858.00", "4670.00"])
        let quote = try #require(priced.years[0].lines.first { $0.component == "uitvoering" })
        #expect(quote.isQuote)
        #expect(quote.explanation == "Uitvoering van het plan van aanpak: offerte van de accountmanager voor Uitvoering plan van aanpak, € 12.500,00 eenmalig; tariefboek 2025.")
    }

    @Test("indicative tariffs are marked: Open+ 25 800 once and 2 688 a year per branch")
    func indicative() throws {
        let priced = try price(profile: testProfile, offer: testOffer(years: 2, #"{"service": "open-plus", "branches": ["centrum"]}"#))
        #expect(priced.amounts(2025, "open-plus", "installatie") == ["25800.00"])
        #expect(priced.amounts(2026, "open-plus", "installatie") == [])
        #expect(priced.amounts(2026, "open-plus", "support") == ["2688.00"])
        #expect(priced.years.allSatisfy { $0.lines.allSatisfy(\.isIndicative) })
    }

    @Test("a total is always the sum of the lines above it")
    func totalsAreLineSums() throws {
        let profile = String(decoding: try FileSystem.readFile(repositoryRoot + "/seeds/municipalities/midden-drenthe.json"), as: UTF8.self)
        let offer = String(decoding: try FileSystem.readFile(repositoryRoot + "/seeds/offers/midden-drenthe-volledig.offer.json"), as: UTF8.self)
        let priced = try price(profile: profile, offer: offer)
        for year in priced.years {
            for payer in Payer.allCases {
                let sum = try Money.sum(year.lines.filter { $0.payer == payer }.map(\.amount))
                let total = switch payer {
                case .municipality: year.totals.municipality
                case .school: year.totals.school
                case .participants: year.totals.participants
                }
                #expect(sum == total)
            }
        }
        // By hand: the seeds README walks through this total.
        #expect(priced.totals.municipality.jsonString == "1288024.11")
    }
}
