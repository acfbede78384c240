#if canImport(Glibc)
import Glibc
#endif
import Catalogue
import Contracts
import Pricing
import Testing
import TestSupport

/// Prices a seed offer with the repository's books; years after 2025 are projected with
/// wage 3,75 % and price 2,1 %.
func pricedSeed(profile: String, offer: String) throws -> (PricedOffer, PricingBooks) {
    let library = try TariffLibrary.open(directory: fixtureTariffsDirectory)
    let assumptions = ProjectionAssumptions(flags: .init(wage: try .init(parsing: "3.75"), price: try .init(parsing: "2.1")))
    let request = try PricingRequestLoader.load(profileFile: repositoryRoot + "/seeds/municipalities/\(profile).json",
                                                offerFile: offer.hasPrefix("/") ? offer : repositoryRoot + "/seeds/offers/\(offer).offer.json",
                                                library: library, assumptions: assumptions)
    return (try PricingEngine.price(request.offer, books: request.books), request.books)
}

/// Compares `text` with `Tests/ContractsTests/Golden/<name>`; with `RECORD_GOLDEN=1` it writes the file instead.
func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    TestSupport.expectGolden(text, name, in: "Tests/ContractsTests/Golden", sourceLocation: sourceLocation)
}
