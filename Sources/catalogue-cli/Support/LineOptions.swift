import JSON
import Money

/// The options that describe one offer line, declared once with their types and shared by
/// `offer add` and `contract amend`. The line they build is the offer file's line object, so the
/// offer's own validator checks it like a line read from a file.
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

    /// Whether the arguments describe a line at all.
    static func given(_ arguments: ParsedArguments) -> Bool {
        arguments.values[line.name] != nil || arguments.values[service.name] != nil
    }

    /// The line object the options describe: `--line` as it is, or one built from `--service` and the rest.
    static func object(_ arguments: ParsedArguments, command: CommandInfo) throws(CLIError) -> JSONValue {
        if let text = try arguments.value(line, command: command) {
            guard let value = try? JSONParser.parse(text), case .object = value else {
                throw .usage("'--line' expects a JSON object like {\"service\": \"ido\"}", command: command)
            }
            return value
        }
        guard let code = try arguments.value(service, command: command) else {
            throw .usage("give '--service <code>' or '--line <json>'", command: command)
        }
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
        let companions = [quoteRecurrence.name, quoteDescription.name, quoteComponent.name].filter { arguments.values[$0] != nil }
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
