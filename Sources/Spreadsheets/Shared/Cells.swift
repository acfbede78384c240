import Catalogue
import Money
import Pricing
import Support
import Workbook

// Turning the catalogue's exact values into typed cells, and its codes into Dutch words.

extension Cell {
    /// An amount of euros, exact to the cent.
    static func money(_ money: Money) -> Cell { .amount(cents: money.cents) }

    /// An amount, or an empty cell when there is none.
    static func money(_ money: Money?) -> Cell { money.map { .amount(cents: $0.cents) } ?? .empty }

    /// A year, shown without a thousands separator.
    static func year(_ year: Int) -> Cell { .integer(Int64(year)) }

    /// A whole number.
    static func count(_ value: Int) -> Cell { .integer(Int64(value)) }

    /// A percentage with two decimals (3,75 %).
    static func percent(_ percentage: Percentage) -> Cell { .percentage(units: percentage.hundredths, scale: 2) }

    /// An exact decimal quantity (34.093 inhabitants, 40,5 hours).
    static func quantity(_ quantity: Quantity) -> Cell { .decimal(units: quantity.units, scale: quantity.scale) }

    /// A calendar day; the catalogue's dates lie in the years 2000 to 2999, which a workbook shows.
    static func day(_ date: CalendarDate) throws(SpreadsheetError) -> Cell {
        do {
            return .date(try CalendarDay(year: date.year, month: date.month, day: date.day))
        } catch {
            throw .workbook(error)
        }
    }

    /// Text, or an empty cell when there is none.
    static func text(_ text: String?) -> Cell { text.map { .text($0) } ?? .empty }
}

/// The Dutch words a workbook uses for the catalogue's codes.
enum Dutch {
    /// "gepubliceerd" or "geprojecteerd".
    static func status(_ status: BookStatus) -> String {
        switch status {
        case .published: "gepubliceerd"
        case .projected: "geprojecteerd"
        }
    }

    /// Who pays: "gemeente", "school", "deelnemers".
    static func payer(_ payer: Payer) -> String {
        switch payer {
        case .municipality: "gemeente"
        case .school: "school"
        case .participants: "deelnemers"
        }
    }

    /// "jaarlijks", "eenmalig", "jaarlijks vanaf het tweede jaar".
    static func recurrence(_ recurrence: Recurrence) -> String {
        switch recurrence {
        case .annual: "jaarlijks"
        case .oneOff: "eenmalig"
        case .annualFromSecondYear: "jaarlijks vanaf het tweede jaar"
        }
    }

    /// How a tariff is indexed: "loon", "prijs", "gemengd", "niet", "afgeleid".
    static func indexClass(_ indexClass: IndexClass) -> String {
        switch indexClass {
        case .wage: "loon"
        case .price: "prijs"
        case .mixed: "gemengd (loon en prijs)"
        case .none: "niet geïndexeerd"
        case .derived: "afgeleid (formule)"
        }
    }

    /// "2026" or "2026–2028".
    static func span(_ years: [Int]) -> String {
        guard let first = years.min(), let last = years.max() else { return "" }
        return first == last ? "\(first)" : "\(first)–\(last)"
    }

    /// The name of a service in the book of `year`, else in any book, else its code.
    static func serviceName(_ code: String, year: Int, books: PricingBooks) -> String {
        if let name = books[year]?.book.service(code)?.name { return name }
        for year in books.byYear.keys.sorted() {
            if let name = books[year]?.book.service(code)?.name { return name }
        }
        return code
    }
}
