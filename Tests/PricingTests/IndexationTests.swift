import Catalogue
import JSON
import Money
import Pricing
import Testing
import Support

/// A small book with one tariff of every index class at both precisions, and two derived ones.
let indexationBook = #"""
{
  "formatVersion": 1, "year": 2025, "currency": "EUR", "title": "Testcatalogus 2025", "publisher": "Test",
  "provenance": {"kind": "transcription", "source": "test"},
  "indexation": {"mixedWeights": {"wage": "2/3", "price": "1/3"}},
  "vat": {"schoolContributionRate": "9"},
  "wsobFunctions": [{"number": 1, "name": "a"}, {"number": 2, "name": "b"}, {"number": 3, "name": "c"}, {"number": 4, "name": "d"}, {"number": 5, "name": "e"}],
  "programmeLines": [],
  "units": [
    {"code": "uurtarief-mbo", "name": "Uurtarief mbo", "amount": "57.00", "indexClass": "wage", "precision": "euro", "source": "1"},
    {"code": "boekprijs", "name": "Boekprijs", "amount": "19.35", "indexClass": "price", "precision": "cent", "source": "1"},
    {"code": "halverwege", "name": "Halverwege", "amount": "25.00", "indexClass": "price", "precision": "euro", "source": "1"}
  ],
  "services": [{
    "code": "dienst", "name": "Dienst", "section": "1", "tier": "basis", "wsob": [1], "targetGroup": "iedereen", "partners": [], "description": "Test.",
    "components": [
      {"code": "vestiging", "name": "Vestiging", "basis": "per-municipality", "payer": "municipality", "source": "1", "recurrence": "annual", "precision": "euro", "indicative": false, "indexClass": "mixed", "amount": "95116.00"},
      {"code": "leerling", "name": "Leerling", "basis": "per-pupil", "payer": "municipality", "source": "1", "recurrence": "annual", "precision": "cent", "indicative": false, "indexClass": "mixed", "amount": "73.55"},
      {"code": "school", "name": "School", "basis": "per-pupil", "payer": "school", "source": "1", "recurrence": "annual", "precision": "euro", "indicative": false, "indexClass": "none", "amount": "17.00"},
      {"code": "implementatie", "name": "Implementatie", "basis": "per-school", "payer": "municipality", "source": "1", "recurrence": "one-off", "precision": "euro", "indicative": false, "indexClass": "derived", "formula": "8 * uurtarief-mbo"},
      {"code": "boeken", "name": "Boeken", "basis": "per-pupil", "payer": "municipality", "source": "1", "recurrence": "one-off", "precision": "cent", "indicative": false, "indexClass": "derived", "formula": "2 * boekprijs"}
    ],
    "serviceLevels": [], "constraints": []
  }]
}
"""#

func parameters(_ wage: String, _ price: String, share: String = "2/3") throws -> IndexationParameters {
    let wageShare = try Rational(parsingFraction: share)
    return try IndexationParameters(wage: try Percentage(parsing: wage), price: try Percentage(parsing: price),
                                    weights: MixedWeights(wage: wageShare, price: try Rational.one.subtracting(wageShare)))
}

func indexed(_ book: TariffBook, _ wage: String, _ price: String, share: String = "2/3") throws -> TariffBook {
    try TariffIndexer.index(book, with: try parameters(wage, price, share: share), sourceFile: "\(book.year).json",
                            sourceHash: "sha256:" + String(repeating: "0", count: 64), date: nil)
}

func amounts(_ book: TariffBook) -> [String: String] {
    Dictionary(uniqueKeysWithValues: book.allTariffs.map { ($0.id, $0.amount.jsonString) })
}

/// 2025 → 2026 of the full catalogue, every tariff.
let full2026: [(String, String)] = [
    // Computed with Python decimals from tariffs/2025.json (ROUND_HALF_UP, the same as half away
    // from zero for positive amounts): wage 3,75 %, price 2,1 %, mixed 2/3 × 3,75 + 1/3 × 2,1 = 3,2 %.
    ("uurtarief-mbo", "59.00"),
    ("uurtarief-hbo", "77.00"),
    ("uurtarief-wo", "100.00"),
    ("weekuur-educatiemedewerker", "2467.00"),
    ("boekprijs", "19.76"),
    ("robuuste-bibliotheek/vestiging/large", "98160.00"),
    ("robuuste-bibliotheek/vestiging/medium", "73620.00"),
    ("robuuste-bibliotheek/vestiging/small", "36810.00"),
    ("robuuste-bibliotheek/vestiging/service-point", "12270.00"),
    ("robuuste-bibliotheek/infrastructuur", "11.55"),
    ("robuuste-bibliotheek/collectie", "3.93"),
    ("open-plus/installatie", "26342.00"),
    ("open-plus/support", "2744.00"),
    ("llo-pakket-1/pakket/large", "27207.00"),
    ("llo-pakket-1/pakket/medium", "18115.00"),
    ("llo-pakket-1/pakket/small", "9049.00"),
    ("llo-pakket-1/deelnemersbijdrage", "5.00"),
    ("llo-pakket-2/pakket/groot", "42540.00"),
    ("llo-pakket-2/pakket/middelgroot", "21270.00"),
    ("llo-pakket-2/pakket/klein", "10635.00"),
    ("llo-pakket-2/deelnemersbijdrage", "5.00"),
    ("makersplaats/materiaal", "61067.00"),
    ("makersplaats/programmering", "15256.00"),
    ("makersplaats/deelnemersbijdrage", "5.00"),
    ("kleintje-bieb/gemeente", "6544.00"),
    ("boekstart-kinderopvang/locatie", "1171.00"),
    ("boekstart-pluspakket/educatiemedewerker", "2467.00"),
    ("boekstartcoach/coach", "2467.00"),
    ("dbos-po/leerling", "75.90"),
    ("dbos-po/schoolbijdrage", "17.00"),
    ("thuislezen/implementatie", "472.00"),
    ("thuislezen/extra-boeken", "39.52"),
    ("thuislezen/vervolgjaren", "5.53"),
    ("gezinsaanpak/onderzoek", "2800.00"),
    ("leesklik/implementatie", "944.00"),
    ("leesklik/boekencollectie", "3952.00"),
    ("leesklik/educatiemedewerker", "4934.00"),
    ("leesklik/vervangingsbudget", "594.00"),
    ("leskist-vo/leskist", "4595.00"),
    ("leskist-vo/educatiemedewerker", "590.00"),
    ("taalhuis/taalnetwerk", "3271.00"),
    ("meedoen/programma", "6544.00"),
    ("ido/inwoner", "0.83"),
    ("maatwerk/uren/mbo", "59.00"),
    ("maatwerk/uren/hbo", "77.00"),
    ("maatwerk/uren/wo", "100.00"),
]

@Suite("Indexation")
struct IndexationTests {
    let small = try! TariffBookLoader.load(bytes: Array(indexationBook.utf8), file: "small.json", expectedYear: 2025)

    @Test("every class and both precisions, by hand: 57 × 1,0375 = 59,1375 → 59; 19,35 × 1,021 = 19,75635 → 19,76; mixed 3,2 %")
    func smallBook() throws {
        let book = try indexed(small, "3.75", "2.1")
        #expect(book.year == 2026)
        #expect(book.title == "Testcatalogus 2026")
        #expect(amounts(book) == [
            "uurtarief-mbo": "59.00",          // wage, euro
            "boekprijs": "19.76",              // price, cent
            "halverwege": "26.00",             // 25 × 1,021 = 25,525 → 26
            "dienst/vestiging": "98160.00",    // mixed, euro: 95 116 × 1,032 = 98 159,712
            "dienst/leerling": "75.90",        // mixed, cent: 73,55 × 1,032 = 75,9036
            "dienst/school": "17.00",          // none
            "dienst/implementatie": "472.00",  // derived: 8 × 59, not 456 × 1,0375
            "dienst/boeken": "39.52",          // derived: 2 × 19,76
        ])
    }

    @Test("the mixed class at 2/3 × 3,75 % + 1/3 × 2,1 % is exactly 3,2 %")
    func mixedRate() throws {
        #expect(try parameters("3.75", "2.1").mixedRate == Rational(numerator: 32, denominator: 1000))
        #expect(TariffIndexer.percentText(try parameters("3.75", "2.1").mixedRate) == "+3,2 %")
        #expect(TariffIndexer.percentText(try parameters("3.74", "2.1").mixedRate) == "≈ +3,1933 %")
    }

    @Test("a half cent or half euro is rounded away from zero, also under a price fall")
    func halves() throws {
        // 25 × 1,02 = 25,50 → 26; 25 × 0,98 = 24,50 → 25.
        #expect(amounts(try indexed(small, "0", "2"))["halverwege"] == "26.00")
        #expect(amounts(try indexed(small, "0", "-2"))["halverwege"] == "25.00")
    }

    @Test("zero percentages change nothing; negative ones lower the amounts")
    func zeroAndNegative() throws {
        #expect(amounts(try indexed(small, "0", "0")) == amounts(small))
        let fall = amounts(try indexed(small, "-1.5", "-0.25"))
        #expect(fall["uurtarief-mbo"] == "56.00")      // 57 × 0,985 = 56,145
        #expect(fall["boekprijs"] == "19.30")          // 19,35 × 0,9975 = 19,3016
        #expect(fall["dienst/vestiging"] == "94086.00") // 95 116 × (1 − 0,010833…) = 94 085,59
        #expect(fall["dienst/school"] == "17.00")
    }

    @Test("a different mixed wage share moves only the mixed class")
    func share() throws {
        let half = amounts(try indexed(small, "4", "2", share: "1/2"))
        #expect(half["dienst/vestiging"] == "97969.00")  // 95 116 × 1,03 = 97 969,48
        #expect(half["uurtarief-mbo"] == "59.00")        // 57 × 1,04 = 59,28
    }

    @Test("percentages of −100 % or less, or above 100 %, are refused")
    func limits() {
        #expect(throws: IndexationError.percentageOutOfRange(name: "wage", value: Percentage(hundredths: -10_000))) {
            try parameters("-100", "2")
        }
        #expect(throws: IndexationError.percentageOutOfRange(name: "price", value: Percentage(hundredths: 10_001))) {
            try parameters("2", "100.01")
        }
    }

    @Test("the full 2025 book to 2026, every tariff against an independent computation")
    func fullBook() throws {
        let book = try indexed(book2025, "3.75", "2.1")
        let actual = amounts(book)
        #expect(actual.count == full2026.count)
        for (id, expected) in full2026 {
            #expect(actual[id] == expected, "\(id)")
        }
        let record = try #require(book.provenance.indexation)
        #expect(record.sourceYear == 2025 && record.wage.plainString == "3.75" && record.price.plainString == "2.1")
        #expect(record.summary.contains("lonen +3,75 %, prijzen +2,1 %, gemengd (2/3 loon, 1/3 prijs) +3,2 %"))
        #expect(record.summary.contains("29 tarieven geïndexeerd"))
    }

    @Test("indexing is compounded: 2027 from the 2026 book, and a projection of 2027 from 2025 gives the same amounts")
    func chainAndProjection() throws {
        let directory = "/tmp/catalogue-projection-\(getpidValue())"
        _ = FileSystemTestSupport.makeDirectory(directory)
        try FileSystem.writeFileAtomically(directory + "/2025.json", Array(book2025Text.utf8))
        let chained = try indexed(try indexed(book2025, "3.75", "2.1"), "3.75", "2.1")
        let library = try TariffLibrary.open(directory: directory)
        let assumptions = ProjectionAssumptions(flags: .init(wage: try Percentage(parsing: "3.75"), price: try Percentage(parsing: "2.1")))
        let books = try BookProjector.books(for: 2025...2027, library: library, assumptions: assumptions)
        #expect(books[2025]?.status == .published)
        #expect(books[2026]?.status == .projected && books[2027]?.status == .projected)
        #expect(books[2027]?.projectedFrom == 2025)
        #expect(amounts(try #require(books[2027]?.book)) == amounts(chained))
        // Compounded from each year's rounded book, not from the base year: hbo+/wo 96 → 100 → 103,75 → 104,
        // where 96 × 1,0375² = 103,35 would give 103.
        #expect(amounts(chained)["uurtarief-wo"] == "104.00")
        #expect(amounts(chained)["uurtarief-mbo"] == "61.00")  // 59 × 1,0375 = 61,21
        #expect(amounts(chained)["boekprijs"] == "20.17")      // 19,76 × 1,021 = 20,17496
    }

    @Test("a missing assumption is an error, never a silent 0 %")
    func missingAssumption() throws {
        let directory = "/tmp/catalogue-projection-missing-\(getpidValue())"
        _ = FileSystemTestSupport.makeDirectory(directory)
        try FileSystem.writeFileAtomically(directory + "/2025.json", Array(book2025Text.utf8))
        let library = try TariffLibrary.open(directory: directory)
        let onlyWage = ProjectionAssumptions(flags: .init(wage: try Percentage(parsing: "3")))
        #expect(throws: InputError.missingAssumption(year: 2026, message: "2026 has no published tariff book, and pricing it needs an assumed price percentage: give --assume-price, or put them in assumptions.json beside the tariff books")) {
            try BookProjector.books(for: 2025...2026, library: library, assumptions: onlyWage)
        }
    }

    @Test("the audit accepts an indexed book and finds a changed amount or a changed source")
    func audit() throws {
        let sourceBytes = Array(indexationBook.utf8)
        let hash = "sha256:" + SHA256.hex(sourceBytes)
        let book = try TariffIndexer.index(small, with: try parameters("3.75", "2.1"), sourceFile: "2025.json", sourceHash: hash, date: nil)
        #expect(IndexationAudit.audit(book, file: "2026.json", source: ("2025.json", sourceBytes)) == [])
        let changed = try Money(parsing: "19.80")
        let tampered = try book.replacingAmounts { (tariff) throws(MoneyError) -> Money in tariff.id == "boekprijs" ? changed : tariff.amount }.recomputingDerived()
        #expect(IndexationAudit.audit(tampered, file: "2026.json", source: ("2025.json", sourceBytes)).map(\.message) == [
            "tariff boekprijs is 19.80, but indexing 2025 with the recorded percentages gives 19.76",
            "tariff dienst/boeken is 39.60, but indexing 2025 with the recorded percentages gives 39.52",
        ])
        let changedSource = Array(indexationBook.replacing("19.35", with: "19.36").utf8)
        #expect(IndexationAudit.audit(book, file: "2026.json", source: ("2025.json", changedSource)).first?.path.description == "provenance.sourceHash")
    }
}
