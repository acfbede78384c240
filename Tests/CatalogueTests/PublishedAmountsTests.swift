import Catalogue
import Money
import Testing

/// Every published amount of the 2025 catalogue, one row each, with the section it is printed
/// in. The rows were typed from `../shared/seeds/activiteitencatalogus-bind-2025.txt`, not
/// copied from the book, so a typo in either shows up here.
struct PublishedAmount: Sendable, CustomTestStringConvertible {
    var tariff: String
    var amount: String
    var section: String
    var recurrence: Recurrence?
    var payer: Payer
    var indexClass: IndexClass
    var precision: Precision
    var indicative: Bool = false

    var testDescription: String { "\(tariff) = \(amount) (§\(section))" }
}

let publishedAmounts: [PublishedAmount] = [
    // 1.3 Uurtarieven 2025: "€ 57 voor mbo, € 74 voor hbo, € 96 voor hbo+/wo".
    .init(tariff: "uurtarief-mbo", amount: "57.00", section: "1.3", recurrence: nil, payer: .municipality, indexClass: .wage, precision: .euro),
    .init(tariff: "uurtarief-hbo", amount: "74.00", section: "1.3", recurrence: nil, payer: .municipality, indexClass: .wage, precision: .euro),
    .init(tariff: "uurtarief-wo", amount: "96.00", section: "1.3", recurrence: nil, payer: .municipality, indexClass: .wage, precision: .euro),
    // 4.5 "€ 2.378 per kinderopvanglocatie": one hour a week for a year.
    .init(tariff: "weekuur-educatiemedewerker", amount: "2378.00", section: "4.5", recurrence: nil, payer: .municipality, indexClass: .wage, precision: .euro),
    // 4.8 "€ 19,35 X 200".
    .init(tariff: "boekprijs", amount: "19.35", section: "4.8", recurrence: nil, payer: .municipality, indexClass: .price, precision: .cent),
    // 2.2 Bedrag per vestiging and per inwoner.
    .init(tariff: "robuuste-bibliotheek/vestiging/large", amount: "95116.00", section: "2.2", recurrence: .annual, payer: .municipality, indexClass: .mixed, precision: .euro),
    .init(tariff: "robuuste-bibliotheek/vestiging/medium", amount: "71337.00", section: "2.2", recurrence: .annual, payer: .municipality, indexClass: .mixed, precision: .euro),
    .init(tariff: "robuuste-bibliotheek/vestiging/small", amount: "35669.00", section: "2.2", recurrence: .annual, payer: .municipality, indexClass: .mixed, precision: .euro),
    .init(tariff: "robuuste-bibliotheek/vestiging/service-point", amount: "11890.00", section: "2.2", recurrence: .annual, payer: .municipality, indexClass: .mixed, precision: .euro),
    .init(tariff: "robuuste-bibliotheek/infrastructuur", amount: "11.19", section: "2.2", recurrence: .annual, payer: .municipality, indexClass: .mixed, precision: .cent),
    .init(tariff: "robuuste-bibliotheek/collectie", amount: "3.85", section: "2.2", recurrence: .annual, payer: .municipality, indexClass: .price, precision: .cent),
    // 2.3 Open+: guide prices "± € 25.800" one-off and "± € 2.688" a year.
    .init(tariff: "open-plus/installatie", amount: "25800.00", section: "2.3", recurrence: .oneOff, payer: .municipality, indexClass: .price, precision: .euro, indicative: true),
    .init(tariff: "open-plus/support", amount: "2688.00", section: "2.3", recurrence: .annual, payer: .municipality, indexClass: .price, precision: .euro, indicative: true),
    // 3.3 box, Tarief pakket 1.
    .init(tariff: "llo-pakket-1/pakket/large", amount: "26363.00", section: "3.3", recurrence: .annual, payer: .municipality, indexClass: .mixed, precision: .euro),
    .init(tariff: "llo-pakket-1/pakket/medium", amount: "17553.00", section: "3.3", recurrence: .annual, payer: .municipality, indexClass: .mixed, precision: .euro),
    .init(tariff: "llo-pakket-1/pakket/small", amount: "8768.00", section: "3.3", recurrence: .annual, payer: .municipality, indexClass: .mixed, precision: .euro),
    .init(tariff: "llo-pakket-1/deelnemersbijdrage", amount: "5.00", section: "3.3", recurrence: .annual, payer: .participants, indexClass: .none, precision: .euro),
    // 3.2 Tarief pakket 2.
    .init(tariff: "llo-pakket-2/pakket/groot", amount: "41221.00", section: "3.2", recurrence: .annual, payer: .municipality, indexClass: .mixed, precision: .euro),
    .init(tariff: "llo-pakket-2/pakket/middelgroot", amount: "20610.00", section: "3.2", recurrence: .annual, payer: .municipality, indexClass: .mixed, precision: .euro),
    .init(tariff: "llo-pakket-2/pakket/klein", amount: "10305.00", section: "3.2", recurrence: .annual, payer: .municipality, indexClass: .mixed, precision: .euro),
    .init(tariff: "llo-pakket-2/deelnemersbijdrage", amount: "5.00", section: "3.2", recurrence: .annual, payer: .participants, indexClass: .none, precision: .euro),
    // 3.3 Makersplaats.
    .init(tariff: "makersplaats/materiaal", amount: "59811.00", section: "3.3", recurrence: .annual, payer: .municipality, indexClass: .price, precision: .euro),
    .init(tariff: "makersplaats/programmering", amount: "14783.00", section: "3.3", recurrence: .annual, payer: .municipality, indexClass: .mixed, precision: .euro),
    .init(tariff: "makersplaats/deelnemersbijdrage", amount: "5.00", section: "3.3", recurrence: .annual, payer: .participants, indexClass: .none, precision: .euro),
    // 4.2 to 4.6.
    .init(tariff: "kleintje-bieb/gemeente", amount: "6341.00", section: "4.2", recurrence: .annual, payer: .municipality, indexClass: .mixed, precision: .euro),
    .init(tariff: "boekstart-kinderopvang/locatie", amount: "1135.00", section: "4.3", recurrence: .annual, payer: .municipality, indexClass: .mixed, precision: .euro),
    .init(tariff: "boekstart-pluspakket/educatiemedewerker", amount: "2378.00", section: "4.5", recurrence: .annual, payer: .municipality, indexClass: .derived, precision: .cent),
    .init(tariff: "boekstartcoach/coach", amount: "2378.00", section: "4.6", recurrence: .annual, payer: .municipality, indexClass: .derived, precision: .cent),
    // 4.4 dBos PO: "€ 73,55 per leerling", "Bijdrage van de school per leerling € 17 exclusief btw".
    .init(tariff: "dbos-po/leerling", amount: "73.55", section: "4.4", recurrence: .annual, payer: .municipality, indexClass: .mixed, precision: .cent),
    .init(tariff: "dbos-po/schoolbijdrage", amount: "17.00", section: "4.4", recurrence: .annual, payer: .school, indexClass: .none, precision: .euro),
    // 4.9 Thuislezen.
    .init(tariff: "thuislezen/implementatie", amount: "456.00", section: "4.9", recurrence: .oneOff, payer: .municipality, indexClass: .derived, precision: .euro),
    .init(tariff: "thuislezen/extra-boeken", amount: "38.70", section: "4.9", recurrence: .oneOff, payer: .municipality, indexClass: .derived, precision: .cent),
    .init(tariff: "thuislezen/vervolgjaren", amount: "5.42", section: "4.9", recurrence: .annualFromSecondYear, payer: .municipality, indexClass: .price, precision: .cent),
    // 4.7 Gezinsaanpak: "Onderzoek & een plan van aanpak: € 2.688".
    .init(tariff: "gezinsaanpak/onderzoek", amount: "2688.00", section: "4.7", recurrence: .oneOff, payer: .municipality, indexClass: .derived, precision: .euro),
    // 4.8 Leesklik.
    .init(tariff: "leesklik/implementatie", amount: "912.00", section: "4.8", recurrence: .oneOff, payer: .municipality, indexClass: .derived, precision: .euro),
    .init(tariff: "leesklik/boekencollectie", amount: "3870.00", section: "4.8", recurrence: .oneOff, payer: .municipality, indexClass: .derived, precision: .euro),
    .init(tariff: "leesklik/educatiemedewerker", amount: "4756.00", section: "4.8", recurrence: .annual, payer: .municipality, indexClass: .derived, precision: .euro),
    .init(tariff: "leesklik/vervangingsbudget", amount: "582.00", section: "4.8", recurrence: .annual, payer: .municipality, indexClass: .price, precision: .euro),
    // 4.12 Leskist VO Kansrijk.
    .init(tariff: "leskist-vo/leskist", amount: "4500.00", section: "4.12", recurrence: .oneOff, payer: .municipality, indexClass: .price, precision: .euro),
    .init(tariff: "leskist-vo/educatiemedewerker", amount: "570.00", section: "4.12", recurrence: .annual, payer: .municipality, indexClass: .derived, precision: .euro),
    // 5.2, 6.2, 6.3.
    .init(tariff: "taalhuis/taalnetwerk", amount: "3170.00", section: "5.2", recurrence: .annual, payer: .municipality, indexClass: .mixed, precision: .euro),
    .init(tariff: "meedoen/programma", amount: "6341.00", section: "6.2", recurrence: .annual, payer: .municipality, indexClass: .mixed, precision: .euro),
    .init(tariff: "ido/inwoner", amount: "0.83", section: "6.3", recurrence: .annual, payer: .municipality, indexClass: .none, precision: .cent),
    // 1.3 Maatwerk: hours at the hourly rate of the chosen level.
    .init(tariff: "maatwerk/uren/mbo", amount: "57.00", section: "1.3", recurrence: .oneOff, payer: .municipality, indexClass: .derived, precision: .cent),
    .init(tariff: "maatwerk/uren/hbo", amount: "74.00", section: "1.3", recurrence: .oneOff, payer: .municipality, indexClass: .derived, precision: .cent),
    .init(tariff: "maatwerk/uren/wo", amount: "96.00", section: "1.3", recurrence: .oneOff, payer: .municipality, indexClass: .derived, precision: .cent),
]

@Suite("The 2025 book against the published catalogue")
struct PublishedAmountsTests {
    @Test("published amount", arguments: publishedAmounts)
    func publishedAmount(_ row: PublishedAmount) throws {
        let tariff = try #require(book2025.tariff(row.tariff), "no tariff \(row.tariff) in tariffs/2025.json")
        #expect(tariff.amount.jsonString == row.amount)
        #expect(tariff.source == row.section)
        #expect(tariff.indexClass == row.indexClass)
        #expect(tariff.precision == row.precision)
        let parts = row.tariff.split(separator: "/").map(String.init)
        guard parts.count > 1 else { return }
        let component = try #require(book2025.service(parts[0])?.component(parts[1]))
        #expect(component.recurrence == row.recurrence)
        #expect(component.payer == row.payer)
        #expect(component.isIndicative == row.indicative)
    }

    @Test("every tariff of the book has a row above, and no row is missing from the book")
    func coverage() {
        let inBook = Set(book2025.allTariffs.map(\.id))
        let inTable = Set(publishedAmounts.map(\.tariff))
        #expect(inBook.subtracting(inTable).sorted() == [])
        #expect(inTable.subtracting(inBook).sorted() == [])
        #expect(book2025.allTariffs.count == 46)
    }
}
