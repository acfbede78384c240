/// How the municipality pays: advances per quarter (the default), per month or once a year.
public enum PaymentSchedule: String, Sendable, CaseIterable {
    case quarterly
    case monthly
    case yearly
}
