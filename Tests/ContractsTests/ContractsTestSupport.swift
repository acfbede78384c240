#if canImport(Glibc)
import Glibc
#endif
import Catalogue
import Contracts
import Pricing
import Testing

/// The repository root, found from this file's path.
let repositoryRoot: String = {
    var path = #filePath
    for _ in 0..<3 {
        while let last = path.last, last != "/" { path.removeLast() }
        path.removeLast()
    }
    return path
}()

/// Prices a seed offer with the repository's books; years after 2025 are projected with
/// wage 3,75 % and price 2,1 %.
func pricedSeed(profile: String, offer: String) throws -> (PricedOffer, PricingBooks) {
    let library = try TariffLibrary.open(directory: repositoryRoot + "/tariffs")
    let assumptions = ProjectionAssumptions(flags: .init(wage: try .init(parsing: "3.75"), price: try .init(parsing: "2.1")))
    let request = try PricingRequestLoader.load(profileFile: repositoryRoot + "/seeds/municipalities/\(profile).json",
                                                offerFile: offer.hasPrefix("/") ? offer : repositoryRoot + "/seeds/offers/\(offer).offer.json",
                                                library: library, assumptions: assumptions)
    return (try PricingEngine.price(request.offer, books: request.books), request.books)
}

/// Compares `text` with `Golden/<name>`; with `RECORD_GOLDEN=1` it writes the file instead.
/// The repository's own path is written as `<repo>`.
func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let text = text.replacing(repositoryRoot, with: "<repo>")
    let path = repositoryRoot + "/Tests/ContractsTests/Golden/" + name
    if getenv("RECORD_GOLDEN") != nil {
        if let file = fopen(path, "w") {
            var copy = text
            copy.withUTF8 { buffer in _ = fwrite(buffer.baseAddress, 1, buffer.count, file) }
            fclose(file)
        }
        return
    }
    guard let bytes = try? FileSystem.readFile(path) else {
        Issue.record("missing golden file Golden/\(name); run RECORD_GOLDEN=1 swift test", sourceLocation: sourceLocation)
        return
    }
    #expect(text == String(decoding: bytes, as: UTF8.self), "output differs from Golden/\(name)", sourceLocation: sourceLocation)
}
