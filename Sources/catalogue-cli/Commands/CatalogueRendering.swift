import Catalogue
import JSON
import Money

/// How services and their tariffs are shown: rows for the table form, values for JSON.
/// Shared by `services` and `service` so both commands describe a tariff the same way.
enum CatalogueRendering {
    // MARK: Table rows

    /// One row per tariff of a component: name, basis, amount, recurrence, index class, notes.
    static func tariffRows(_ component: Component, book: TariffBook) -> [[String]] {
        let basis = component.basis.englishDescription
        switch component.pricing {
        case .customQuote:
            return [[component.name, basis, "on quote", "", "", notes(component, option: nil, value: nil, book: book)]]
        case .single(let published):
            return [[component.name, basis, published.tariff.amount.dutchString, published.recurrence.englishDescription,
                     published.tariff.indexClass.rawValue, notes(component, option: nil, value: published.tariff.value, book: book)]]
        case .table(_, let published, let options):
            return options.map { option in
                ["\(component.name): \(option.tariff.name)", basis, option.tariff.amount.dutchString,
                 published.recurrence.englishDescription, option.tariff.indexClass.rawValue,
                 notes(component, option: option, value: option.tariff.value, book: book)]
            }
        }
    }

    /// The remarks that make a tariff line explain itself.
    static func notes(_ component: Component, option: ComponentOption?, value: TariffValue?, book: TariffBook) -> String {
        var notes: [String] = []
        if case .formula(let formula)? = value {
            notes.append("= " + formula.text.replacing("*", with: "×"))
        }
        if component.isIndicative { notes.append("indicative") }
        if let activities = option?.activities { notes.append("\(activities) activities") }
        if let scaling = component.scaledBy {
            var text = "× \(scaling.field) (default \(scaling.defaultValue.plainString)"
            if let minimum = scaling.minimum { text += ", at least \(minimum.plainString)" }
            notes.append(text + ")")
        }
        switch component.payer {
        case .municipality: break
        case .school: notes.append("paid by the school")
        case .participants: notes.append("paid by participants")
        }
        if component.excludesVAT {
            notes.append("excl. \(book.schoolContributionVATRate.plainString)% VAT")
        }
        if let planning = component.planningParticipantsPerActivity {
            notes.append("planning: \(planning) participants per activity")
        }
        return notes.joined(separator: "; ")
    }

    /// "1, 3, 5", or "none".
    static func wsobList(_ numbers: [Int]) -> String {
        numbers.isEmpty ? "none" : numbers.map(String.init).joined(separator: ", ")
    }

    // MARK: JSON

    /// The `tariffBook` object every JSON output carries.
    static func bookJSON(_ book: TariffBook, file: String) -> JSONValue {
        .object(JSONObject([
            .init(key: "year", value: integer(book.year)),
            .init(key: "status", value: .string("published")),
            .init(key: "title", value: .string(book.title)),
            .init(key: "file", value: .string(file)),
        ]))
    }

    static func integer(_ value: Int) -> JSONValue {
        .number(JSONNumber(integer: Int64(value)))
    }
}

