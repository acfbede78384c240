import Catalogue
import Money
import Support

/// The composer's answer disagreed with the ordinary engine: a bug, never a user's mistake.
public struct CompositionCheckFailure: Error, Sendable, CustomStringConvertible {
    public var description: String
}

extension Composer {
    /// Prices the best offer as any offer is priced, checks the composer's yearly costs against
    /// the engine's totals, and returns the offer's coverage. Every front end that shows a
    /// composition calls this before showing it.
    public static func verify(_ best: ComposedOffer, request: CompositionRequest) throws(CompositionCheckFailure) -> CoverageReport {
        let collector = DiagnosticCollector(file: "composed offer")
        guard let validated = OfferValidator.validate(best.offer, profile: request.profile, books: request.books,
                                                      collector: collector) else {
            throw CompositionCheckFailure(description: "the composed offer does not validate: "
                                          + collector.diagnostics.map(\.description).joined(separator: "; "))
        }
        let priced: PricedOffer
        do { priced = try PricingEngine.price(validated, books: request.books) } catch {
            throw CompositionCheckFailure(description: "the composed offer cannot be priced: \(error)")
        }
        for (index, year) in priced.years.enumerated() where index >= best.costs.count || year.totals.municipality != best.costs[index] {
            let composed = index < best.costs.count ? best.costs[index].jsonString : "nothing"
            throw CompositionCheckFailure(description: "the composer's \(year.year) cost \(composed) differs from the priced total \(year.totals.municipality.jsonString)")
        }
        return CoverageAnalyzer.coverage(of: validated, books: request.books, needs: request.priorities.branchNeeds)
    }
}
