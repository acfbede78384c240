import Pricing

/// The English text form of a coverage report, shared by `compose` and `compare`.
enum CoverageText {
    /// A heading, then one line per aspect: Wsob functions, target groups, themes, Basis gaps,
    /// Basis services that do not apply, and each branch against its need.
    static func render(_ coverage: CoverageReport, heading: String, _ context: inout CommandContext) {
        context.print()
        context.print(heading)
        context.print("  Wsob functions: covered " + list(coverage.wsobCovered.map(String.init)) + "; missing " + list(coverage.wsobMissing.map(String.init)))
        context.print("  Target groups: covered " + list(coverage.targetGroupsCovered) + "; missing " + list(coverage.targetGroupsMissing))
        context.print("  Themes: covered " + list(coverage.themesCovered) + "; missing " + list(coverage.themesMissing))
        if coverage.basisGaps.isEmpty {
            context.print("  Basis gaps: none")
        } else {
            for gap in coverage.basisGaps {
                context.print("  Basis gap: \(gap.service), would cost " + costs(gap))
            }
        }
        for gap in coverage.basisNotApplicable {
            context.print("  Basis, not applicable: \(gap.service) (\(gap.notApplicableReason ?? ""))")
        }
        for branch in coverage.branches {
            context.print("  Branch \(branch.name) (\(branch.size.rawValue)): " + branchText(branch))
        }
    }

    /// "€ 3.255,00 in 2026, € 3.342,00 in 2027".
    static func costs(_ gap: BasisGap) -> String {
        gap.costs.map { "\($0.amount.dutchString) in \($0.year)" }.joined(separator: ", ")
    }

    /// "reaches 3 core functions (1, 3, 5), needs 5: BELOW its need".
    static func branchText(_ branch: BranchCoverage) -> String {
        let functions = branch.functions.isEmpty ? "" : " (\(list(branch.functions.map(String.init))))"
        return "reaches \(branch.functions.count) core functions\(functions), needs \(branch.need): "
            + (branch.meetsNeed ? "meets its need" : "BELOW its need")
    }

    /// The items joined with commas, or "none".
    static func list(_ items: [String]) -> String { items.isEmpty ? "none" : items.joined(separator: ", ") }
}
