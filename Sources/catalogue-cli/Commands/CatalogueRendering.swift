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

    /// A service as JSON: what `services --format json` lists, and more for `service`.
    static func json(_ service: Service, book: TariffBook, detailed: Bool) -> JSONValue {
        var object = JSONObject()
        object.set("code", .string(service.code))
        object.set("name", .string(service.name))
        object.set("tier", .string(service.tier.rawValue))
        object.set("wsob", .array(service.wsob.map { .number(JSONNumber(integer: Int64($0))) }))
        object.set("section", .string(service.section))
        object.set("programmeLine", service.programmeLine.map(JSONValue.string) ?? .null)
        object.set("components", .array(service.components.map { json($0) }))
        if detailed {
            object.set("targetGroup", .string(service.targetGroup))
            object.set("partners", .array(service.partners.map(JSONValue.string)))
            object.set("description", .string(service.description))
            if let funding = service.specialFunding { object.set("specialFunding", .string(funding)) }
            if let terms = service.schoolAgreement {
                object.set("schoolAgreement", .object(JSONObject([
                    .init(key: "initialYears", value: integer(terms.initialYears)),
                    .init(key: "renewalYears", value: integer(terms.renewalYears)),
                    .init(key: "noticeYears", value: integer(terms.noticeYears)),
                    .init(key: "tacitRenewal", value: .bool(terms.tacitRenewal)),
                ])))
            }
            object.set("serviceLevels", .array(service.serviceLevels.map(json)))
            object.set("constraints", .array(service.constraints.map { .string($0.englishDescription) }))
        }
        return .object(object)
    }

    private static func json(_ component: Component) -> JSONValue {
        var object = JSONObject()
        object.set("code", .string(component.code))
        object.set("name", .string(component.name))
        object.set("basis", .string(component.basis.rawValue))
        object.set("payer", .string(component.payer.rawValue))
        if let note = component.note { object.set("note", .string(note)) }
        switch component.pricing {
        case .customQuote:
            object.set("customQuote", .bool(true))
        case .single(let published):
            setShared(published, in: &object)
            setTariff(published.tariff, in: &object)
        case .table(let dimension, let published, let options):
            setShared(published, in: &object)
            object.set("by", .string(dimension.rawValue))
            object.set("options", .array(options.map { option in
                var optionObject = JSONObject()
                optionObject.set("key", .string(option.key))
                optionObject.set("name", .string(option.tariff.name))
                setTariff(option.tariff, in: &optionObject)
                if let activities = option.activities { optionObject.set("activities", integer(activities)) }
                return .object(optionObject)
            }))
        }
        if let scaling = component.scaledBy {
            var scalingObject = JSONObject()
            scalingObject.set("field", .string(scaling.field))
            scalingObject.set("default", .string(scaling.defaultValue.plainString))
            if let minimum = scaling.minimum { scalingObject.set("minimum", .string(minimum.plainString)) }
            object.set("scaledBy", .object(scalingObject))
        }
        if component.excludesVAT { object.set("excludesVat", .bool(true)) }
        return .object(object)
    }

    private static func setShared(_ published: PublishedTariff, in object: inout JSONObject) {
        object.set("recurrence", .string(published.recurrence.rawValue))
        object.set("indexClass", .string(published.tariff.indexClass.rawValue))
        object.set("precision", .string(published.tariff.precision.rawValue))
        object.set("indicative", .bool(published.indicative))
    }

    private static func setTariff(_ tariff: Tariff, in object: inout JSONObject) {
        object.set("tariff", .string(tariff.id))
        object.set("amount", .string(tariff.amount.jsonString))
        if case .formula(let formula) = tariff.value { object.set("formula", .string(formula.text)) }
    }

    private static func json(_ level: ServiceLevel) -> JSONValue {
        var object = JSONObject()
        object.set("code", .string(level.code))
        object.set("name", .string(level.name))
        object.set("input", .string(level.input))
        object.set("unit", .string(level.unit))
        switch level.rule {
        case .table(let rows):
            object.set("rows", .array(rows.map { row in
                var rowObject = JSONObject()
                rowObject.set("from", integer(row.from))
                rowObject.set("to", row.to.map(integer) ?? .null)
                rowObject.set("value", .string(row.value.plainString))
                if let note = row.note { rowObject.set("note", .string(note)) }
                return .object(rowObject)
            }))
        case .rate(let per, let value):
            object.set("rate", .object(JSONObject([
                .init(key: "per", value: integer(per)),
                .init(key: "value", value: .string(value.plainString)),
            ])))
        }
        return .object(object)
    }

    /// A unit of the book as JSON.
    static func unitJSON(_ unit: Tariff) -> JSONValue {
        var object = JSONObject()
        object.set("code", .string(unit.id))
        object.set("name", .string(unit.name))
        object.set("amount", .string(unit.amount.jsonString))
        object.set("indexClass", .string(unit.indexClass.rawValue))
        object.set("precision", .string(unit.precision.rawValue))
        if let note = unit.note { object.set("note", .string(note)) }
        return .object(object)
    }

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

