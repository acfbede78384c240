import Catalogue
import Money
import Testing

/// Every service of the 2025 catalogue: code, tier, Wsob functions, section, programme line
/// and the bases of its components, as read in `../shared/spec/catalogue-2025.md`.
struct ServiceRow: Sendable, CustomTestStringConvertible {
    var code: String
    var section: String
    var tier: Tier
    var wsob: [Int]
    var programmeLine: String?
    var bases: [Basis]

    var testDescription: String { "\(code) (§\(section))" }
}

let catalogueServices: [ServiceRow] = [
    .init(code: "robuuste-bibliotheek", section: "2.2", tier: .basis, wsob: [1, 3, 5], programmeLine: "robuuste-bibliotheek", bases: [.perBranch, .perInhabitant, .perInhabitant]),
    .init(code: "open-plus", section: "2.3", tier: .basisPlus, wsob: [1, 2], programmeLine: "robuuste-bibliotheek", bases: [.perBranch, .perBranch]),
    .init(code: "llo-pakket-1", section: "3.3", tier: .basis, wsob: [1, 2, 3, 4, 5], programmeLine: "leven-lang-ontwikkelen", bases: [.perBranch, .perParticipant]),
    .init(code: "llo-pakket-2", section: "3.2", tier: .basisPlus, wsob: [1, 2, 4], programmeLine: "leven-lang-ontwikkelen", bases: [.perPackage, .perParticipant]),
    .init(code: "makersplaats", section: "3.3", tier: .basisPlus, wsob: [1, 2, 4], programmeLine: "leven-lang-ontwikkelen", bases: [.perMunicipality, .perMunicipality, .perParticipant]),
    .init(code: "kleintje-bieb", section: "4.2", tier: .basis, wsob: [1, 2, 3], programmeLine: "geletterde-samenleving", bases: [.perMunicipality]),
    .init(code: "boekstart-kinderopvang", section: "4.3", tier: .basis, wsob: [2, 3], programmeLine: "geletterde-samenleving", bases: [.perChildcareLocation]),
    .init(code: "boekstart-pluspakket", section: "4.5", tier: .basisPlus, wsob: [2, 3], programmeLine: "geletterde-samenleving", bases: [.perChildcareLocation]),
    .init(code: "boekstartcoach", section: "4.6", tier: .basisPlus, wsob: [2, 3], programmeLine: "geletterde-samenleving", bases: [.perConsultationBureau]),
    .init(code: "dbos-po", section: "4.4", tier: .basis, wsob: [1, 2, 3], programmeLine: "geletterde-samenleving", bases: [.perPupil, .perPupil]),
    .init(code: "thuislezen", section: "4.9", tier: .basisPlus, wsob: [2, 3], programmeLine: "geletterde-samenleving", bases: [.perSchool, .perPupil, .perPupil]),
    .init(code: "gezinsaanpak", section: "4.7", tier: .basisPlus, wsob: [2, 3], programmeLine: "geletterde-samenleving", bases: [.perMunicipality, .customQuote]),
    .init(code: "leesklik", section: "4.8", tier: .basisPlus, wsob: [2, 3], programmeLine: "geletterde-samenleving", bases: [.perChildcareLocation, .perChildcareLocation, .perChildcareLocation, .perChildcareLocation]),
    .init(code: "dbos-vo", section: "4.10", tier: .basisPlus, wsob: [1, 2, 3], programmeLine: "geletterde-samenleving", bases: [.customQuote]),
    .init(code: "cultuureducatie-vo", section: "4.11", tier: .basisPlus, wsob: [1, 2, 3], programmeLine: "geletterde-samenleving", bases: [.customQuote]),
    .init(code: "leskist-vo", section: "4.12", tier: .basisPlus, wsob: [1, 2, 3], programmeLine: "geletterde-samenleving", bases: [.perSchool, .perSchool]),
    .init(code: "taalhuis", section: "5.2", tier: .basis, wsob: [1, 2, 3, 4], programmeLine: "geletterde-samenleving", bases: [.perMunicipality, .customQuote, .customQuote]),
    .init(code: "meedoen", section: "6.2", tier: .basis, wsob: [1, 2, 3, 4], programmeLine: "participatie", bases: [.perMunicipality]),
    .init(code: "ido", section: "6.3", tier: .basis, wsob: [1, 2, 3, 4], programmeLine: "participatie", bases: [.perInhabitant]),
    .init(code: "verhalenbrink", section: "6.4", tier: .basisPlus, wsob: [1, 2, 4, 5], programmeLine: "participatie", bases: [.customQuote]),
    .init(code: "maatwerk", section: "1.3", tier: .basisPlus, wsob: [], programmeLine: nil, bases: [.perHour]),
]

@Suite("The 2025 services")
struct ServicesTests {
    @Test("service", arguments: catalogueServices)
    func service(_ row: ServiceRow) throws {
        let service = try #require(book2025.service(row.code))
        #expect(service.section == row.section)
        #expect(service.tier == row.tier)
        #expect(service.wsob == row.wsob)
        #expect(service.programmeLine == row.programmeLine)
        #expect(service.components.map(\.basis) == row.bases)
        #expect(!service.name.isEmpty && !service.targetGroup.isEmpty && !service.description.isEmpty)
    }

    @Test("the book has exactly the 21 services of the catalogue, in catalogue order")
    func allServices() {
        #expect(book2025.services.map(\.code) == catalogueServices.map(\.code))
        #expect(book2025.services.count == 21)
    }

    @Test("dBos PO service levels: books per pupil and education-worker hours, 125 counting as a large school")
    func dbosServiceLevels() throws {
        let service = try #require(book2025.service("dbos-po"))
        let books = try #require(service.serviceLevel("boeken-per-leerling"))
        let hours = try #require(service.serviceLevel("uren-educatiemedewerker"))
        let cases: [(pupils: Int, books: String, hours: String)] = [
            (0, "4", "2"), (1, "4", "2"), (124, "4", "2"), (125, "5", "2"), (126, "5", "2"),
            (249, "5", "2"), (250, "5", "3"), (500, "5", "3"), (501, "5", "4"), (2000, "5", "4"),
        ]
        for entry in cases {
            #expect(books.value(forPupils: entry.pupils)?.value.plainString == entry.books, "\(entry.pupils) pupils")
            #expect(hours.value(forPupils: entry.pupils)?.value.plainString == entry.hours, "\(entry.pupils) pupils")
        }
        #expect(books.value(forPupils: 80)?.note?.contains("dBosmobiel") == true)
        #expect(service.schoolAgreement == SchoolAgreementTerms(initialYears: 3, renewalYears: 1, noticeYears: 1, tacitRenewal: true))
        #expect(service.constraints == [.schoolLevel(.po)])
    }

    @Test("Thuislezen raises the norm to 6 and 7 books per pupil and needs dBos PO on the same school")
    func thuislezenRules() throws {
        let service = try #require(book2025.service("thuislezen"))
        let books = try #require(service.serviceLevel("boeken-per-leerling"))
        #expect(books.value(forPupils: 124)?.value.plainString == "6")
        #expect(books.value(forPupils: 125)?.value.plainString == "7")
        #expect(service.constraints.contains(.requiresServiceOnSchool(service: "dbos-po")))
    }

    @Test("dBos VO: one hour a week per 100 pupils, proportionally")
    func dbosVoRate() throws {
        let level = try #require(book2025.service("dbos-vo")?.serviceLevel("uren-educatiemedewerker"))
        #expect(level.value(forPupils: 100)?.value.plainString == "1")
        #expect(level.value(forPupils: 450)?.value.plainString == "4.5")
        #expect(level.value(forPupils: 1234)?.value.plainString == "12.34")
    }

    @Test("constraints as data: LLO pakket 1 not for service points, Makersplaats 10 participants and 100 activities, BiebFabriek is 7 activities")
    func constraints() throws {
        #expect(book2025.service("llo-pakket-1")?.constraints == [.branchSizes(allowed: [.large, .medium, .small])])
        #expect(book2025.service("makersplaats")?.constraints == [
            .range(field: "participantsPerActivity", minimum: Quantity(10), maximum: nil),
            .range(field: "activities", minimum: nil, maximum: Quantity(100)),
        ])
        #expect(book2025.service("llo-pakket-2")?.constraints == [
            .activityEquivalent(field: "biebFabriekSeries", name: "BiebFabriek-reeks", activities: 7),
        ])
        let packages = try #require(book2025.service("llo-pakket-2")?.component("pakket"))
        guard case .table(.package, _, let options) = packages.pricing else {
            Issue.record("pakket 2 is not a table by package")
            return
        }
        #expect(options.map(\.activities) == [24, 12, 6])
    }

    @Test("book-level facts: weights 2/3 and 1/3, VAT 9 %, five Wsob functions, four programme lines")
    func bookFacts() throws {
        #expect(book2025.year == 2025)
        #expect(book2025.mixedWeights.wage == (try Rational(parsingFraction: "2/3")))
        #expect(book2025.mixedWeights.price == (try Rational(parsingFraction: "1/3")))
        #expect(book2025.schoolContributionVATRate == (try Percentage(parsing: "9")))
        #expect(book2025.wsobFunctions.map(\.number) == [1, 2, 3, 4, 5])
        #expect(book2025.programmeLines.map(\.code) == ["robuuste-bibliotheek", "leven-lang-ontwikkelen", "geletterde-samenleving", "participatie"])
    }
}
