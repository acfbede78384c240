import Catalogue
import Pricing
import Spreadsheets
import Testing
import TestSupport
import Workbook

/// The fixture library (the 2025 book only).
func fixtureLibrary() throws -> TariffLibrary {
    try TariffLibrary.open(directory: fixtureTariffsDirectory)
}

/// A seed offer for a seed profile, priced with the fixture books (years after 2025 projected
/// with 3,75 % and 2,1 %).
func pricedSeed(_ profile: String, _ offer: String) throws -> (PricedOffer, PricingRequest) {
    let rates = ProjectionAssumptions.Rates(wage: try .init(parsing: "3.75"), price: try .init(parsing: "2.1"))
    let request = try PricingRequestLoader.load(profileFile: repositoryRoot + "/seeds/municipalities/\(profile).json",
                                                offerFile: repositoryRoot + "/seeds/offers/\(offer).offer.json",
                                                library: fixtureLibrary(), assumptions: ProjectionAssumptions(flags: rates))
    return (try PricingEngine.price(request.offer, books: request.books), request)
}

/// The names of a workbook's sheets and the headers of each.
func layout(_ workbook: Workbook) -> [String: [String]] {
    Dictionary(uniqueKeysWithValues: workbook.sheets.map { ($0.name, $0.columns.map(\.header)) })
}
