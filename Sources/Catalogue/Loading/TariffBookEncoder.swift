import JSON
import Money

/// Writes a tariff book in its canonical JSON form: sorted keys, two-space indentation, one
/// field per line, amounts as strings. Every book the tool writes has this form, and the
/// published books are kept in it, so a diff between two years shows only what changed.
///
/// The same encoding serves listings: with `resolved: true`, every tariff also carries its
/// identifier (`tariff`) and its computed `amount`, formulas included.
public enum TariffBookEncoder {
    /// The canonical text of a book, ending in a newline.
    public static func encode(_ book: TariffBook) -> String {
        JSONWriter.write(json(book), keyOrder: .sorted, pretty: true)
    }

    /// The book as a JSON value.
    public static func json(_ book: TariffBook) -> JSONValue {
        var root = JSONObject()
        root.set("formatVersion", .number(JSONNumber(integer: Int64(book.formatVersion))))
        root.set("year", .number(JSONNumber(integer: Int64(book.year))))
        root.set("currency", .string(book.currency))
        root.set("title", .string(book.title))
        root.set("publisher", .string(book.publisher))
        var provenance = JSONObject()
        provenance.set("kind", .string(book.provenance.kind))
        provenance.set("source", .string(book.provenance.source))
        if let note = book.provenance.note { provenance.set("note", .string(note)) }
        if let record = book.provenance.indexation {
            provenance.set("sourceYear", integer(record.sourceYear))
            provenance.set("sourceHash", .string(record.sourceHash))
            provenance.set("percentages", .object(JSONObject([
                .init(key: "wage", value: .string(record.wage.plainString)),
                .init(key: "price", value: .string(record.price.plainString)),
            ])))
            provenance.set("mixedWeights", .object(JSONObject([
                .init(key: "wage", value: .string(record.mixedWeights.wage.description)),
                .init(key: "price", value: .string(record.mixedWeights.price.description)),
            ])))
            if let date = record.date { provenance.set("date", .string(date.description)) }
            provenance.set("summary", .string(record.summary))
            if let replaced = record.replacedHash { provenance.set("replaces", .string(replaced)) }
        }
        root.set("provenance", .object(provenance))
        root.set("indexation", .object(JSONObject([
            .init(key: "mixedWeights", value: .object(JSONObject([
                .init(key: "wage", value: .string(book.mixedWeights.wage.description)),
                .init(key: "price", value: .string(book.mixedWeights.price.description)),
            ]))),
        ])))
        root.set("vat", .object(JSONObject([
            .init(key: "schoolContributionRate", value: .string(book.schoolContributionVATRate.plainString)),
        ])))
        root.set("wsobFunctions", .array(book.wsobFunctions.map { function in
            .object(JSONObject([
                .init(key: "number", value: integer(function.number)),
                .init(key: "name", value: .string(function.name)),
            ]))
        }))
        root.set("programmeLines", .array(book.programmeLines.map { line in
            .object(JSONObject([
                .init(key: "code", value: .string(line.code)),
                .init(key: "name", value: .string(line.name)),
                .init(key: "wsob", value: .array(line.wsob.map(integer))),
            ]))
        }))
        if !book.targetGroups.isEmpty { root.set("targetGroups", termsJSON(book.targetGroups)) }
        if !book.themes.isEmpty { root.set("themes", termsJSON(book.themes)) }
        root.set("units", .array(book.units.map { unitJSON($0, resolved: false) }))
        root.set("services", .array(book.services.map { serviceJSON($0, resolved: false) }))
        return .object(root)
    }

    private static func termsJSON(_ terms: [Term]) -> JSONValue {
        .array(terms.map { term in
            .object(JSONObject([
                .init(key: "code", value: .string(term.code)),
                .init(key: "name", value: .string(term.name)),
            ]))
        })
    }

    /// A unit as JSON; `resolved` adds the computed amount of a formula.
    public static func unitJSON(_ unit: Tariff, resolved: Bool) -> JSONValue {
        var object = JSONObject()
        object.set("code", .string(unit.id))
        object.set("name", .string(unit.name))
        setValue(unit, resolved: resolved, in: &object)
        object.set("indexClass", .string(unit.indexClass.rawValue))
        object.set("precision", .string(unit.precision.rawValue))
        object.set("source", .string(unit.source))
        if let note = unit.note { object.set("note", .string(note)) }
        return .object(object)
    }

    /// A service as JSON; `resolved` adds each tariff's identifier and computed amount.
    public static func serviceJSON(_ service: Service, resolved: Bool) -> JSONValue {
        var object = JSONObject()
        object.set("code", .string(service.code))
        object.set("name", .string(service.name))
        object.set("section", .string(service.section))
        if let line = service.programmeLine { object.set("programmeLine", .string(line)) }
        object.set("tier", .string(service.tier.rawValue))
        object.set("wsob", .array(service.wsob.map(integer)))
        object.set("targetGroup", .string(service.targetGroup))
        if !service.targetGroups.isEmpty { object.set("targetGroups", .array(service.targetGroups.map(JSONValue.string))) }
        if !service.themes.isEmpty { object.set("themes", .array(service.themes.map(JSONValue.string))) }
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
        object.set("components", .array(service.components.map { component($0, resolved: resolved) }))
        object.set("serviceLevels", .array(service.serviceLevels.map(serviceLevel)))
        object.set("constraints", .array(service.constraints.map(constraint)))
        return .object(object)
    }

    private static func component(_ component: Component, resolved: Bool) -> JSONValue {
        var object = JSONObject()
        object.set("code", .string(component.code))
        object.set("name", .string(component.name))
        object.set("basis", .string(component.basis.rawValue))
        object.set("payer", .string(component.payer.rawValue))
        object.set("source", .string(component.source))
        if let note = component.note { object.set("note", .string(note)) }
        switch component.pricing {
        case .customQuote:
            return .object(object)
        case .single(let published):
            setPublished(published, in: &object)
            setValue(published.tariff, resolved: resolved, in: &object)
        case .table(let dimension, let published, let options):
            setPublished(published, in: &object)
            object.set("by", .string(dimension.rawValue))
            object.set("options", .array(options.map { option in
                var optionObject = JSONObject()
                optionObject.set("key", .string(option.key))
                optionObject.set("name", .string(option.tariff.name))
                setValue(option.tariff, resolved: resolved, in: &optionObject)
                if let activities = option.activities { optionObject.set("activities", integer(activities)) }
                return .object(optionObject)
            }))
        }
        if let scaling = component.scaledBy {
            var scalingObject = JSONObject()
            scalingObject.set("field", .string(scaling.field))
            scalingObject.set("default", quantity(scaling.defaultValue))
            if let minimum = scaling.minimum { scalingObject.set("minimum", quantity(minimum)) }
            object.set("scaledBy", .object(scalingObject))
        }
        if component.excludesVAT { object.set("excludesVat", .bool(true)) }
        if let planning = component.planningParticipantsPerActivity {
            object.set("planningParticipantsPerActivity", integer(planning))
        }
        return .object(object)
    }

    private static func setPublished(_ published: PublishedTariff, in object: inout JSONObject) {
        object.set("recurrence", .string(published.recurrence.rawValue))
        object.set("precision", .string(published.tariff.precision.rawValue))
        object.set("indicative", .bool(published.indicative))
        object.set("indexClass", .string(published.tariff.indexClass.rawValue))
    }

    private static func setValue(_ tariff: Tariff, resolved: Bool, in object: inout JSONObject) {
        switch tariff.value {
        case .amount(let money): object.set("amount", .string(money.jsonString))
        case .formula(let formula): object.set("formula", .string(formula.text))
        }
        if resolved {
            object.set("tariff", .string(tariff.id))
            object.set("amount", .string(tariff.amount.jsonString))
        }
    }

    private static func serviceLevel(_ level: ServiceLevel) -> JSONValue {
        var object = JSONObject()
        object.set("code", .string(level.code))
        object.set("name", .string(level.name))
        object.set("input", .string(level.input))
        object.set("unit", .string(level.unit))
        if let note = level.note { object.set("note", .string(note)) }
        switch level.rule {
        case .table(let rows):
            object.set("rows", .array(rows.map { row in
                var rowObject = JSONObject()
                rowObject.set("from", integer(row.from))
                if let to = row.to { rowObject.set("to", integer(to)) }
                rowObject.set("value", quantity(row.value))
                if let note = row.note { rowObject.set("note", .string(note)) }
                return .object(rowObject)
            }))
        case .rate(let per, let value):
            object.set("rate", .object(JSONObject([
                .init(key: "per", value: integer(per)),
                .init(key: "value", value: quantity(value)),
            ])))
        }
        return .object(object)
    }

    private static func constraint(_ constraint: ServiceConstraint) -> JSONValue {
        var object = JSONObject()
        switch constraint {
        case .branchSizes(let allowed):
            object.set("rule", .string(ConstraintRule.branchSizes.rawValue))
            object.set("allowed", .array(allowed.map { .string($0.rawValue) }))
        case .schoolLevel(let level):
            object.set("rule", .string(ConstraintRule.schoolLevel.rawValue))
            object.set("level", .string(level.rawValue))
        case .requiresServiceOnSchool(let service):
            object.set("rule", .string(ConstraintRule.requiresServiceOnSchool.rawValue))
            object.set("service", .string(service))
        case .range(let field, let minimum, let maximum):
            object.set("rule", .string(ConstraintRule.range.rawValue))
            object.set("field", .string(field))
            if let minimum { object.set("minimum", quantity(minimum)) }
            if let maximum { object.set("maximum", quantity(maximum)) }
        case .activityEquivalent(let field, let name, let activities):
            object.set("rule", .string(ConstraintRule.activityEquivalent.rawValue))
            object.set("field", .string(field))
            object.set("name", .string(name))
            object.set("activities", integer(activities))
        }
        return .object(object)
    }

    private static func integer(_ value: Int) -> JSONValue {
        .number(JSONNumber(integer: Int64(value)))
    }

    private static func quantity(_ value: Quantity) -> JSONValue {
        .number(JSONNumber(validatedText: value.plainString))
    }
}
