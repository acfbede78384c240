import Catalogue
import JSON
import Money
import Pricing
import Testing
import TestSupport
import Support

let book2025Text: String = String(decoding: try! FileSystem.readFile(fixtureTariffsDirectory + "/2025.json"), as: UTF8.self)

/// The 2025 book of the fixtures (`Tests/Fixtures/tariffs/2025.json`).
let book2025: TariffBook = try! TariffBookLoader.load(bytes: Array(book2025Text.utf8), file: "tariffs/2025.json", expectedYear: 2025)

/// Fixture books for later years: the 2025 book with other amounts, so a test can tell which
/// year's book priced a line. 2026 raises the hourly rates and the large-branch tariff; 2027
/// raises the per-pupil tariff too.
let fixtureBooks: [Int: TariffBook] = {
    func make(_ year: Int, _ replacements: [(String, String)]) -> TariffBook {
        var text = book2025Text.replacing("\"year\": 2025", with: "\"year\": \(year)")
        for (old, new) in replacements { text = text.replacing(old, with: new) }
        return try! TariffBookLoader.load(bytes: Array(text.utf8), file: "fixture/\(year).json", expectedYear: year)
    }
    return [
        2025: book2025,
        2026: make(2026, [("\"amount\": \"57.00\"", "\"amount\": \"59.00\""), ("\"amount\": \"95116.00\"", "\"amount\": \"98000.00\"")]),
        2027: make(2027, [("\"amount\": \"57.00\"", "\"amount\": \"61.00\""), ("\"amount\": \"95116.00\"", "\"amount\": \"99500.00\""),
                          ("\"amount\": \"73.55\"", "\"amount\": \"75.10\"")]),
    ]
}()

/// The fixture books for a run of years; an error names a year without one.
func booksFor(_ years: ClosedRange<Int>) throws(InputError) -> PricingBooks {
    var byYear: [Int: YearBook] = [:]
    for year in years {
        guard let book = fixtureBooks[year] else {
            throw .cannotRead(file: "fixture/\(year).json", reason: "no tariff book for \(year)")
        }
        byYear[year] = YearBook(book: book, status: .published, file: "fixture/\(year).json")
    }
    return PricingBooks(byYear: byYear)
}

/// Loads and validates a profile and an offer given as JSON text.
func request(profile: String, offer: String) throws(InputError) -> PricingRequest {
    try PricingRequestLoader.load(profileBytes: Array(profile.utf8), profileFile: "profile.json",
                                  offerBytes: Array(offer.utf8), offerFile: "offer.json", books: booksFor)
}

/// Prices a profile and an offer given as JSON text.
func price(profile: String, offer: String) throws -> PricedOffer {
    let loaded = try request(profile: profile, offer: offer)
    return try PricingEngine.price(loaded.offer, books: loaded.books)
}

/// Prices JSON values.
func price(profile: JSONValue, offer: JSONValue) throws -> PricedOffer {
    try price(profile: JSONWriter.write(profile), offer: JSONWriter.write(offer))
}

/// The diagnostics of an invalid input, or [] when it prices.
func problems(profile: String, offer: String) -> [Diagnostic] {
    do {
        _ = try request(profile: profile, offer: offer)
        return []
    } catch {
        switch error {
        case .invalid(let diagnostics): return diagnostics
        case .cannotRead(let file, let reason): return [Diagnostic(file: file, path: .root, message: reason)]
        case .missingAssumption(_, let message): return [Diagnostic(file: "(assumptions)", path: .root, message: message)]
        }
    }
}

/// A small profile used by the hand-computed tests.
let testProfile = """
{
  "code": "testgemeente",
  "name": "Testgemeente",
  "inhabitants": [
    {"date": "2024-01-01", "count": 34093},
    {"date": "2026-01-01", "count": 34500},
    {"date": "2026-07-01", "count": 99999}
  ],
  "branches": [
    {"id": "centrum", "name": "Centrum", "size": "large"},
    {"id": "noord", "name": "Noord", "size": "medium"},
    {"id": "dorp", "name": "Dorp", "size": "small"},
    {"id": "punt", "name": "Punt", "size": "service-point"}
  ],
  "schools": [
    {"id": "klein", "name": "De Kleine School", "level": "po", "pupils": 124},
    {"id": "midden", "name": "De Middenschool", "level": "po", "pupils": 125},
    {"id": "groot", "name": "De Grote School", "level": "po", "pupils": 501},
    {"id": "lyceum", "name": "Het Lyceum", "level": "vo", "pupils": 450}
  ],
  "childcareLocations": [
    {"id": "ko-a", "name": "Kinderopvang A"},
    {"id": "ko-b", "name": "Kinderopvang B"}
  ],
  "consultationBureaus": [
    {"id": "cb-a", "name": "Consultatiebureau A"}
  ]
}
"""

/// An offer over the test profile with the given lines (JSON text of the array's elements).
func testOffer(firstYear: Int = 2025, years: Int = 1, _ lines: String...) -> String {
    """
    {"municipality": "testgemeente", "firstYear": \(firstYear), "years": \(years), "lines": [\(lines.joined(separator: ","))]}
    """
}

extension PricedOffer {
    /// The amounts of the lines of `service`/`component` in `year`, as JSON strings.
    func amounts(_ year: Int, _ service: String, _ component: String) -> [String] {
        years.first { $0.year == year }?.lines.filter { $0.service == service && $0.component == component }
            .map(\.amount.jsonString) ?? []
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// The process id, to keep temporary directories of parallel test runs apart.
func getpidValue() -> Int32 { getpid() }

enum FileSystemTestSupport {
    /// Creates a directory (and does nothing if it exists).
    static func makeDirectory(_ path: String) -> Bool {
        mkdir(path, 0o755) == 0
    }
}
