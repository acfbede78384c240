import JSON
import Money
import Pricing

/// The options that describe one offer line, declared once with their types and shared by
/// `offer add` and `contract amend`. They are read into a typed `OfferLine` by the offer file's
/// own line decoder, so a line given here is checked like a line read from a file, and a problem
/// is reported against the option that gave it.
enum LineOptions {
    static let line = Option<String>("--line", valueName: "json", help: "The whole line as JSON, as in an offer file.")
    static let service = Option<String>("--service", valueName: "code", help: "The service, e.g. dbos-po.")
    static let branches = Option<String>("--branches", valueName: "ids", help: "Comma-separated branch ids (default: every matching branch).")
    static let schools = Option<String>("--schools", valueName: "ids", help: "Comma-separated school ids.")
    static let childcareLocations = Option<String>("--childcare-locations", valueName: "ids", help: "Comma-separated childcare location ids.")
    static let consultationBureaus = Option<String>("--consultation-bureaus", valueName: "ids", help: "Comma-separated consultation bureau ids.")
    static let package = Option<String>("--package", valueName: "name", help: "LLO pakket 2: groot, middelgroot or klein.")
    static let level = Option<String>("--level", valueName: "level", help: "Maatwerk: mbo, hbo or wo.")
    static let hours = Option<Quantity>("--hours", valueName: "hours", help: "Maatwerk hours.")
    static let hoursPerWeek = Option<Quantity>("--hours-per-week", valueName: "hours", help: "BoekStartcoach or pluspakket hours a week.")
    static let startYear = Option<Year>("--start-year", valueName: "year", help: "A later start than the offer's first year.")
    static let runningSince = Option<Year>("--running-since", valueName: "year", help: "The service already runs since this year.")
    static let description = Option<String>("--description", valueName: "text", help: "A description of the line.")
    static let quoteAmount = Option<Money>("--quote-amount", valueName: "amount", help: "A custom quote's amount, e.g. 12500.00 or 12.500,00.")
    static let quoteRecurrence = Option<String>("--quote-recurrence", valueName: "recurrence", help: "annual or one-off.")
    static let quoteDescription = Option<String>("--quote-description", valueName: "text", help: "What the custom quote covers.")
    static let quoteComponent = Option<String>("--quote-component", valueName: "code", help: "The custom-quote component, when the service has several.")

    /// Every line option, in the order help lists them.
    static let all: [OptionInfo] = [
        line.info, service.info, branches.info, schools.info, childcareLocations.info, consultationBureaus.info, package.info,
        level.info, hours.info, hoursPerWeek.info, startYear.info, runningSince.info, description.info, quoteAmount.info,
        quoteRecurrence.info, quoteDescription.info, quoteComponent.info,
    ]

    /// The line the options describe, or nil when they describe none (neither `--line` nor
    /// `--service` is given). Which number fields the books name, and which subjects the profile
    /// has, are checked when the offer is priced.
    static func parse(_ arguments: ParsedArguments, command: CommandInfo) throws(CLIError) -> OfferLine? {
        if let text = try arguments.value(line, command: command) {
            if arguments.isGiven(service.info) {
                throw .usage("give '--line <json>' or '--service <code>' with its options, not both", command: command)
            }
            guard let value = try? JSONParser.parse(text), case .object = value else {
                throw .usage("'--line' expects a JSON object like {\"service\": \"ido\"}", command: command)
            }
            do { return try OfferLoader.line(json: value, file: "--line") } catch { throw .input(error) }
        }
        guard let object = try object(arguments, command: command) else {
            let others = all.dropFirst(2).filter(arguments.isGiven).map(\.name)
            if let first = others.first { throw .usage("'\(first)' describes a line: give '--service <code>' with it", command: command) }
            return nil
        }
        do {
            return try OfferLoader.line(json: object, file: command.fullName)
        } catch {
            guard case .invalid(let diagnostics) = error else { throw .input(error) }
            let messages = diagnostics.map { "'\(optionName(at: $0.path))': \($0.message)" }
            throw .usage(messages.joined(separator: "; "), command: command)
        }
    }

    /// The option that gave the field at `path` of the line built from the options.
    private static func optionName(at path: JSONPath) -> String {
        let keys = path.components.compactMap { component -> String? in
            if case .key(let key) = component { return key }
            return nil
        }
        let fields: [String: Option<String>] = ["branches": branches, "schools": schools, "childcareLocations": childcareLocations,
                                                "consultationBureaus": consultationBureaus, "package": package, "level": level,
                                                "description": description, "service": service]
        switch keys.first {
        case "quote": return ["recurrence": quoteRecurrence.name, "description": quoteDescription.name,
                              "component": quoteComponent.name][keys.dropFirst().first ?? ""] ?? quoteAmount.name
        case "hours": return hours.name
        case "hoursPerWeek": return hoursPerWeek.name
        case "startYear": return startYear.name
        case "runningSince": return runningSince.name
        case let key?: return fields[key]?.name ?? service.name
        case nil: return service.name
        }
    }

    /// The line object `--service` and the rest describe, as in an offer file; nil without `--service`.
    private static func object(_ arguments: ParsedArguments, command: CommandInfo) throws(CLIError) -> JSONValue? {
        guard let code = try arguments.value(service, command: command) else { return nil }
        var object = JSONObject([.init(key: "service", value: .string(code))])
        for (option, field) in [(branches, "branches"), (schools, "schools"), (childcareLocations, "childcareLocations"),
                                (consultationBureaus, "consultationBureaus")] {
            guard let text = try arguments.value(option, command: command) else { continue }
            object.set(field, .array(text.split(separator: ",").map { .string(String($0).trimmingCharacters(in: " ")) }))
        }
        for (option, field) in [(package, "package"), (level, "level"), (description, "description")] {
            if let text = try arguments.value(option, command: command) { object.set(field, .string(text)) }
        }
        for (option, field) in [(hours, "hours"), (hoursPerWeek, "hoursPerWeek")] {
            if let value = try arguments.value(option, command: command) { object.set(field, .number(JSONNumber(validatedText: value.plainString))) }
        }
        for (option, field) in [(startYear, "startYear"), (runningSince, "runningSince")] {
            if let year = try arguments.value(option, command: command) { object.set(field, .number(JSONNumber(integer: Int64(year.value)))) }
        }
        if let quote = try quoteObject(arguments, command: command) { object.set("quote", .object(quote)) }
        return .object(object)
    }

    /// The custom quote of `--quote-amount` and its companions; nil without an amount.
    private static func quoteObject(_ arguments: ParsedArguments, command: CommandInfo) throws(CLIError) -> JSONObject? {
        let companions = [quoteRecurrence.info, quoteDescription.info, quoteComponent.info].filter(arguments.isGiven).map(\.name)
        guard let amount = try arguments.value(quoteAmount, command: command) else {
            if let first = companions.first { throw .usage("'\(first)' needs '--quote-amount <amount>'", command: command) }
            return nil
        }
        guard let recurrence = try arguments.value(quoteRecurrence, command: command), ["annual", "one-off"].contains(recurrence) else {
            throw .usage("'--quote-amount' needs '--quote-recurrence annual' or '--quote-recurrence one-off'", command: command)
        }
        var quote = JSONObject([.init(key: "amount", value: .string(amount.jsonString))])
        quote.set("recurrence", .string(recurrence))
        quote.set("description", .string(try arguments.value(quoteDescription, command: command) ?? ""))
        if let component = try arguments.value(quoteComponent, command: command) { quote.set("component", .string(component)) }
        return quote
    }
}
