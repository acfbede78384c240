/// How a value exactly halfway between two results is settled; every other value goes to the nearer result.
public enum RoundingMode: String, Sendable, CaseIterable {
    /// Halves move away from zero (2.5 → 3, -2.5 → -3), the rule tariffs are published with by default.
    case halfAwayFromZero = "half-away-from-zero"
    /// Halves move to the even neighbour (2.5 → 2, 3.5 → 4), which avoids a systematic bias over many roundings.
    case halfToEven = "half-to-even"
}

/// The smallest step a tariff is published in.
public enum Precision: String, Sendable, CaseIterable {
    /// Whole cents, the finest precision money has.
    case cent
    /// Whole euros, for tariffs published without cents.
    case euro

    /// How many cents one step of this precision is worth: 1 for cents, 100 for whole euros.
    public var centsPerUnit: Int64 {
        switch self {
        case .cent: 1
        case .euro: 100
        }
    }
}

/// Where the discarded part of a division lies relative to half a step.
private enum Discarded {
    case lessThanHalf
    case exactlyHalf
    case moreThanHalf
}

extension RoundingMode {
    /// Divides `numerator` (cents) by a positive `denominator` and rounds once, returning whole steps of `precision`.
    ///
    /// This is the single rounding step behind every rounded result in the module. The half case is
    /// decided exactly, by comparing remainders rather than doubling them, so that no intermediate value
    /// can overflow; the result is at most one step further from zero than the truncated quotient.
    @inline(__always)
    func roundedQuotient<Integer: FixedWidthInteger & SignedInteger>(
        _ numerator: Integer, dividedBy denominator: Integer, inStepsOf precision: Precision
    ) -> Integer {
        let step = Integer(precision.centsPerUnit)
        // Truncating division keeps both remainders on the sign of the numerator (or zero).
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        let wholeSteps = quotient / step
        let centsIntoStep = quotient % step
        if remainder == 0 && centsIntoStep == 0 { return wholeSteps }

        let discarded: Discarded
        if step == 1 {
            // Only the fraction remainder / denominator is discarded; compare it with its complement.
            let kept = remainder.magnitude
            let complement = denominator.magnitude - kept
            discarded = kept < complement ? .lessThanHalf : (kept == complement ? .exactlyHalf : .moreThanHalf)
        } else {
            // The discarded part is centsIntoStep + remainder / denominator cents, where the second term lies
            // in 0..<1; half a step is a whole number of cents, so the whole cents decide unless they equal it.
            let halfStep = (step / 2).magnitude
            let wholeCents = centsIntoStep.magnitude
            if wholeCents < halfStep {
                discarded = .lessThanHalf
            } else if wholeCents > halfStep || remainder != 0 {
                discarded = .moreThanHalf
            } else {
                discarded = .exactlyHalf
            }
        }

        // At least one of denominator and step exceeds 1 here, so moving one step away from zero cannot overflow.
        let awayFromZero: Integer = numerator < 0 ? wholeSteps - 1 : wholeSteps + 1
        switch discarded {
        case .lessThanHalf:
            return wholeSteps
        case .moreThanHalf:
            return awayFromZero
        case .exactlyHalf:
            switch self {
            case .halfAwayFromZero:
                return awayFromZero
            case .halfToEven:
                return wholeSteps.isMultiple(of: 2) ? wholeSteps : awayFromZero
            }
        }
    }
}
