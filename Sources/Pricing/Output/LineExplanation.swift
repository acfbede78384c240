import Catalogue
import Money
import Support

/// Why a line costs what it does, kept as data while pricing and written out as one Dutch
/// sentence only when output asks for it: pricing a large municipality produces hundreds of
/// thousands of lines, and most callers (totals, comparisons, documents' overviews) never read
/// the sentence.
public struct LineExplanation: Sendable, Equatable {
    /// How the quantity is described.
    public enum QuantityPhrase: Sendable, Equatable {
        /// "1 vestiging", "1 school", or a bare number.
        case count(Quantity, unit: String?)
        /// "4 uur per week".
        case hoursPerWeek(Quantity)
        /// "2 × childPlaces", for a scaling field other than hours a week.
        case scaled(Quantity, field: String)
        /// "34.093 inwoners (stand 1 januari 2024)".
        case inhabitants(Quantity, date: CalendarDate)
        /// "212 leerlingen".
        case pupils(Int)
        /// "1 pakket (groot pakket, 24 activiteiten)".
        case package(name: String, activities: Int?)
        /// "40 uur hbo".
        case hours(Quantity, level: String)
        /// "24 activiteiten × 20 deelnemers (planningscijfer)".
        case participants(activities: Int, participants: Quantity, planning: Bool)
    }

    /// What kind of line it is.
    public enum Kind: Sendable, Equatable {
        /// Priced from a published tariff.
        case tariff(id: String, formula: String?, recurrence: Recurrence, serviceFirstYear: Int)
        /// A custom quote given by the account manager.
        case quote(description: String, oneOff: Bool)
    }

    /// What all lines of one component in one year share, held once and referenced by each line.
    public final class Shared: Sendable, Equatable {
        /// The service code.
        public let service: String
        /// The component code.
        public let component: String
        /// What kind of line it is.
        public let kind: Kind
        /// The component's Dutch name.
        public let componentName: String
        /// The price of one unit.
        public let unitPrice: Money
        /// The Dutch unit of the price ("per vestiging", "per uur per week").
        public let unitText: String
        /// `annual` or `one-off`, as the line reports it.
        public let recurrence: Recurrence
        /// Who pays.
        public let payer: Payer
        /// Whether the tariff is a guide price.
        public let indicative: Bool
        /// The year of the book.
        public let bookYear: Int
        /// Whether the book is projected.
        public let projected: Bool

        /// Creates the shared part.
        public init(service: String, component: String, kind: Kind, componentName: String, unitPrice: Money, unitText: String,
                    recurrence: Recurrence, payer: Payer, indicative: Bool, bookYear: Int, projected: Bool) {
            self.service = service
            self.component = component
            self.kind = kind
            self.componentName = componentName
            self.unitPrice = unitPrice
            self.unitText = unitText
            self.recurrence = recurrence
            self.payer = payer
            self.indicative = indicative
            self.bookYear = bookYear
            self.projected = projected
        }

        public static func == (lhs: Shared, rhs: Shared) -> Bool {
            lhs === rhs || (lhs.service == rhs.service && lhs.component == rhs.component && lhs.kind == rhs.kind
                            && lhs.componentName == rhs.componentName && lhs.unitPrice == rhs.unitPrice
                            && lhs.unitText == rhs.unitText && lhs.recurrence == rhs.recurrence && lhs.payer == rhs.payer
                            && lhs.indicative == rhs.indicative && lhs.bookYear == rhs.bookYear && lhs.projected == rhs.projected)
        }
    }

    /// The component's part.
    public var shared: Shared
    /// The option's Dutch name for a branch-size table ("Grote bibliotheek").
    public var optionName: String?
    /// The quantity.
    public var quantity: QuantityPhrase

    /// The sentence for `line`, which carries the amounts, subject, payer and VAT. With `codes`
    /// false it names no tariff id, formula or field, for documents read by people.
    func text(for line: PricedLine, codes: Bool = true) -> String {
        let book = shared.projected ? "\(shared.bookYear) (geprojecteerd)" : "\(shared.bookYear)"
        switch shared.kind {
        case .quote(let description, let oneOff):
            return "\(shared.componentName): offerte van de accountmanager voor \(description), \(line.amount.dutchString) \(oneOff ? "eenmalig" : "jaarlijks"); tariefboek \(book)."
        case .tariff(let id, let formula, let recurrence, let serviceFirstYear):
            var sentence = shared.componentName
            if let optionName { sentence += " (\(optionName.lowercased()))" }
            if let subjectName = line.subjectName { sentence += " voor \(subjectName)" }
            sentence += ": \(quantityText(codes: codes)) × \(line.unitPrice.dutchString) \(shared.unitText) = \(line.amount.dutchString)"
            var clauses: [String] = []
            switch recurrence {
            case .annual: clauses.append("jaarlijks")
            case .oneOff: clauses.append("eenmalig in het eerste jaar van de dienst")
            case .annualFromSecondYear: clauses.append("jaarlijks vanaf het tweede jaar van de dienst (gestart in \(serviceFirstYear))")
            }
            switch line.payer {
            case .municipality: break
            case .school:
                if let vat = line.vat {
                    clauses.append("betaald door de school, exclusief \(vat.rate.plainString.replacing(".", with: ","))% btw (\(vat.amount.dutchString))")
                } else {
                    clauses.append("betaald door de school")
                }
            case .participants:
                clauses.append("verwachte bijdrage van deelnemers, niet in het totaal van de gemeente")
            }
            if line.isIndicative { clauses.append("richtprijs") }
            if codes {
                var tariffClause = "tarief \(id)"
                if let formula { tariffClause += " = \(formula.replacing("*", with: "×"))" }
                clauses.append("\(tariffClause), tariefboek \(book)")
            } else {
                clauses.append("tariefboek \(book)")
            }
            return sentence + "; " + clauses.joined(separator: "; ") + "."
        }
    }

    private func quantityText(codes: Bool) -> String {
        switch quantity {
        case .count(let value, let unit): unit.map { "\(value.dutchString) \($0)" } ?? value.dutchString
        case .hoursPerWeek(let value): "\(value.dutchString) uur per week"
        case .scaled(let value, let field): codes ? "\(value.dutchString) × \(field)" : value.dutchString
        case .inhabitants(let value, let date): "\(value.dutchString) inwoners (stand \(date.dutchString))"
        case .pupils(let count): "\(Quantity(Int64(count)).dutchString) leerlingen"
        case .package(let name, let activities): "1 pakket (\(name.lowercased())\(activities.map { ", \($0) activiteiten" } ?? ""))"
        case .hours(let value, let level): "\(value.dutchString) uur \(level.lowercased())"
        case .participants(let activities, let participants, let planning):
            "\(activities) activiteiten × \(participants.dutchString) deelnemers\(planning ? " (planningscijfer)" : "")"
        }
    }
}
