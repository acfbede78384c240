import Catalogue
import Contracts
import JSON
import Money
import Pricing

// MARK: Municipalities

/// `catalogue-cli municipality import FILE…`.
enum MunicipalityImportCommand: CLICommand {
    static let info = CommandInfo(
        path: ["municipality", "import"],
        abstract: "Import or update municipality profiles in the database.",
        positionals: [Positional(name: "file", help: "One or more profile files, e.g. seeds/municipalities/*.json.", variadic: true)],
        options: [OptionInfo(name: "--valid-from", valueName: "yyyy-mm-dd", help: "Record the profile as a dated version, valid from this date (e.g. the new school year's pupil counts)."),
                  StoreOptions.database],
        discussion: "Every file is checked first; nothing is imported when one of them has a problem. With --valid-from the profile is also kept as a dated version; 'contract amend --profile-on DATE' prices an amendment with the version valid on that date.")

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        var profiles: [(file: String, profile: MunicipalityProfile, text: String)] = []
        var problems: [Diagnostic] = []
        for file in arguments.positionals {
            do {
                let bytes = try FileSystem.readFile(file, limit: FileSystem.maximumProfileOrOfferBytes)
                profiles.append((file, try ProfileLoader.load(bytes: bytes, file: file), String(decoding: bytes, as: UTF8.self)))
            } catch {
                guard case .invalid(let found) = error else { throw .input(error) }
                problems += found
            }
        }
        guard problems.isEmpty else { throw .input(.invalid(problems)) }
        var validFrom: CalendarDate?
        if let text = arguments.value("--valid-from") {
            guard let date = CalendarDate(parsing: text) else { throw .usage("'--valid-from' expects a date like 2027-08-01, found '\(text)'", command: info) }
            validFrom = date
        }
        let store = try StoreOptions.open(arguments, context, .readWrite)
        for entry in profiles {
            do {
                let changed = if let validFrom {
                    try store.importMunicipalityVersion(code: entry.profile.code, name: entry.profile.name, profile: entry.text, validFrom: validFrom)
                } else {
                    try store.importMunicipality(code: entry.profile.code, name: entry.profile.name, profile: entry.text)
                }
                let version = validFrom.map { ", version valid from \($0)" } ?? ""
                context.print("\(changed ? "imported" : "unchanged") \(entry.profile.code) (\(entry.profile.name)) from \(entry.file)\(version)")
            } catch {
                throw .database(file: store.database.path, message: error.description)
            }
        }
    }
}

/// `catalogue-cli municipality list`.
enum MunicipalityListCommand: CLICommand {
    static let info = CommandInfo(path: ["municipality", "list"], abstract: "List the municipalities in the database.",
                                  options: [StoreOptions.database])

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let store = try StoreOptions.open(arguments, context, .readOnly)
        let list: [(code: String, name: String)]
        do { list = try store.municipalities() } catch { throw .database(file: store.database.path, message: error.description) }
        if list.isEmpty {
            context.print("No municipalities yet; import profiles with 'catalogue-cli municipality import seeds/municipalities/*.json'.")
            return
        }
        var table = TextTable([.left, .left])
        table.add(["CODE", "NAME"])
        for entry in list { table.add([entry.code, entry.name]) }
        for line in table.render() { context.print(line) }
    }
}

/// `catalogue-cli municipality show CODE`.
enum MunicipalityShowCommand: CLICommand {
    static let info = CommandInfo(path: ["municipality", "show"], abstract: "Print a municipality's stored profile (JSON).",
                                  positionals: [Positional(name: "code", help: "The municipality code, e.g. midden-drenthe.")],
                                  options: [StoreOptions.database])

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let store = try StoreOptions.open(arguments, context, .readOnly)
        let code = arguments.positionals[0]
        let profile: String?
        do { profile = try store.profile(code: code) } catch { throw .database(file: store.database.path, message: error.description) }
        guard let profile else {
            let codes = (try? store.municipalities().map(\.code)) ?? []
            var message = "no municipality '\(code)' in the database"
            if let hint = didYouMean(suggestions(for: code, among: codes), quote: "'") { message += "; " + hint }
            throw .usage(message, command: info)
        }
        context.print(profile, terminator: true)
    }
}

// MARK: Offers

/// Shared checks of the offer commands.
enum OfferSupport {
    /// Checks a stored offer's lines against its municipality and the books; the problems, or [].
    static func problems(_ offer: OfferRecord, store: CatalogueStore, library: TariffLibrary) throws(CLIError) -> [Diagnostic] {
        let profile: String?
        do { profile = try store.profile(code: offer.municipality) } catch { throw .database(file: store.database.path, message: error.description) }
        guard let profile else {
            throw .refused("municipality \(offer.municipality) is not in the database; import it with 'catalogue-cli municipality import FILE'")
        }
        do {
            _ = try PricingRequestLoader.load(
                profileBytes: Array(profile.utf8), profileFile: "municipality \(offer.municipality)",
                offerBytes: Array(JSONWriter.write(offer.offerJSON).utf8), offerFile: "offer \(offer.id)") {
                    (years) throws(InputError) -> PricingBooks in try BookProjector.validationBooks(for: years, library: library)
                }
            return []
        } catch {
            switch error {
            case .invalid(let diagnostics): return diagnostics
            default: throw .input(error)
            }
        }
    }

    static func record(_ id: Int64, store: CatalogueStore, command: CommandInfo) throws(CLIError) -> OfferRecord {
        let record: OfferRecord?
        do { record = try store.offer(id) } catch { throw .database(file: store.database.path, message: error.description) }
        guard let record else { throw .usage("no offer \(id) in the database; 'catalogue-cli offer list' shows them", command: command) }
        return record
    }

    static func describe(_ offer: OfferRecord) -> String {
        let span = offer.years == 1 ? "\(offer.firstYear)" : "\(offer.firstYear)–\(offer.firstYear + offer.years - 1)"
        return "offer \(offer.id) (\(offer.label)) for \(offer.municipality), \(span), \(offer.lines.count) line\(offer.lines.count == 1 ? "" : "s"), \(offer.status)"
    }
}

/// `catalogue-cli offer create`.
enum OfferCreateCommand: CLICommand {
    static let info = CommandInfo(
        path: ["offer", "create"],
        abstract: "Create a draft offer, empty or from an offer file.",
        options: [
            OptionInfo(name: "--municipality", valueName: "code", help: "The municipality (imported first)."),
            OptionInfo(name: "--first-year", valueName: "year", help: "The first year of the offer."),
            OptionInfo(name: "--years", valueName: "count", help: "How many years it runs (default 3)."),
            OptionInfo(name: "--title", valueName: "text", help: "A title, e.g. \"Voorstel 2026-2028\"."),
            OptionInfo(name: "--from", valueName: "file", help: "An offer file (*.offer.json) to take everything from."),
            StoreOptions.database, SharedOptions.tariffs,
        ],
        discussion: "Give either --from, or --municipality and --first-year. The offer is checked against the profile and the books.")

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        var municipality = arguments.value("--municipality")
        var firstYear = arguments.value("--first-year").flatMap { Int($0) }
        var years = arguments.value("--years").flatMap { Int($0) } ?? 3
        var title = arguments.value("--title")
        var lines: [JSONValue] = []
        if let text = arguments.value("--first-year"), firstYear == nil {
            throw .usage("'--first-year' expects a year like 2026, found '\(text)'", command: info)
        }
        if let text = arguments.value("--years"), Int(text) == nil {
            throw .usage("'--years' expects a number of years like 3, found '\(text)'", command: info)
        }
        if let file = arguments.value("--from") {
            let offer: Offer
            let json: JSONValue
            do {
                json = try OfferLoader.parse(bytes: try FileSystem.readFile(file, limit: FileSystem.maximumProfileOrOfferBytes), file: file)
                offer = try OfferLoader.load(json: json, file: file, lineNumberFields: OfferLoader.builtInNumberFields)
            } catch {
                throw .input(error)
            }
            municipality = offer.municipality
            firstYear = offer.firstYear
            years = offer.years
            title = title ?? offer.title
            lines = json.objectValue?["lines"]?.arrayValue ?? []
        }
        guard let municipality else { throw .usage("missing '--municipality <code>' (or '--from <file>')", command: info) }
        guard let firstYear else { throw .usage("missing '--first-year <year>' (or '--from <file>')", command: info) }
        guard InputLimits.offerYears.contains(years) else { throw .usage("'--years' expects 1 to 20, found \(years)", command: info) }
        let store = try StoreOptions.open(arguments, context, .readWrite)
        let library = try SharedOptions.library(arguments, context)
        let draft = OfferRecord(id: 0, reference: "", version: 1, supersedes: nil, municipality: municipality, firstYear: firstYear,
                                years: years, title: title, status: .draft, lines: lines)
        if !lines.isEmpty {
            let found = try OfferSupport.problems(draft, store: store, library: library)
            guard found.isEmpty else { throw .input(.invalid(found)) }
        } else if (try? store.profile(code: municipality)) == nil {
            throw .refused("municipality \(municipality) is not in the database; import it with 'catalogue-cli municipality import FILE'")
        }
        let record: OfferRecord
        do {
            record = try store.createOffer(municipality: municipality, firstYear: firstYear, years: years, title: title, lines: lines)
        } catch {
            throw .database(file: store.database.path, message: error.description)
        }
        context.print("Created \(OfferSupport.describe(record)).")
    }
}

/// `catalogue-cli offer add ID`.
enum OfferAddCommand: CLICommand {
    static let info = CommandInfo(
        path: ["offer", "add"],
        abstract: "Add a line to an offer (an issued offer gets a new version).",
        positionals: [Positional(name: "offer", help: "The offer number.")],
        options: lineOptions + [StoreOptions.database, SharedOptions.tariffs])

    /// The options that describe one line, shared with 'contract amend'.
    static let lineOptions: [OptionInfo] = [
        OptionInfo(name: "--line", valueName: "json", help: "The whole line as JSON, as in an offer file."),
        OptionInfo(name: "--service", valueName: "code", help: "The service, e.g. dbos-po."),
        OptionInfo(name: "--branches", valueName: "ids", help: "Comma-separated branch ids (default: every matching branch)."),
        OptionInfo(name: "--schools", valueName: "ids", help: "Comma-separated school ids."),
        OptionInfo(name: "--childcare-locations", valueName: "ids", help: "Comma-separated childcare location ids."),
        OptionInfo(name: "--consultation-bureaus", valueName: "ids", help: "Comma-separated consultation bureau ids."),
        OptionInfo(name: "--package", valueName: "name", help: "LLO pakket 2: groot, middelgroot or klein."),
        OptionInfo(name: "--level", valueName: "level", help: "Maatwerk: mbo, hbo or wo."),
        OptionInfo(name: "--hours", valueName: "hours", help: "Maatwerk hours."),
        OptionInfo(name: "--hours-per-week", valueName: "hours", help: "BoekStartcoach or pluspakket hours a week."),
        OptionInfo(name: "--start-year", valueName: "year", help: "A later start than the offer's first year."),
        OptionInfo(name: "--running-since", valueName: "year", help: "The service already runs since this year."),
        OptionInfo(name: "--description", valueName: "text", help: "A description of the line."),
        OptionInfo(name: "--quote-amount", valueName: "amount", help: "A custom quote's amount, e.g. 12500.00."),
        OptionInfo(name: "--quote-recurrence", valueName: "recurrence", help: "annual or one-off."),
        OptionInfo(name: "--quote-description", valueName: "text", help: "What the custom quote covers."),
        OptionInfo(name: "--quote-component", valueName: "code", help: "The custom-quote component, when the service has several."),
    ]

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let id = try StoreOptions.offerID(arguments.positionals[0], command: info)
        let line = try lineJSON(arguments)
        let store = try StoreOptions.open(arguments, context, .readWrite)
        let library = try SharedOptions.library(arguments, context)
        try OfferEditing.edit(id, store: store, library: library, command: info, &context) { lines in lines.append(line) }
    }

    static func lineJSON(_ arguments: ParsedArguments, command: CommandInfo = info) throws(CLIError) -> JSONValue {
        if let text = arguments.value("--line") {
            guard let value = try? JSONParser.parse(text), case .object = value else {
                throw .usage("'--line' expects a JSON object like {\"service\": \"ido\"}", command: command)
            }
            return value
        }
        guard let service = arguments.value("--service") else { throw .usage("give '--service <code>' or '--line <json>'", command: command) }
        var line = JSONObject([.init(key: "service", value: .string(service))])
        for (option, field) in [("--branches", "branches"), ("--schools", "schools"), ("--childcare-locations", "childcareLocations"),
                                ("--consultation-bureaus", "consultationBureaus")] {
            if let text = arguments.value(option) {
                line.set(field, .array(text.split(separator: ",").map { .string(String($0).trimmingCharacters(in: " ")) }))
            }
        }
        for (option, field) in [("--package", "package"), ("--level", "level"), ("--description", "description")] {
            if let text = arguments.value(option) { line.set(field, .string(text)) }
        }
        for (option, field) in [("--hours", "hours"), ("--hours-per-week", "hoursPerWeek"), ("--start-year", "startYear"),
                                ("--running-since", "runningSince")] {
            guard let text = arguments.value(option) else { continue }
            guard let number = JSONNumber(text: text) else { throw .usage("'\(option)' expects a number, found '\(text)'", command: command) }
            line.set(field, .number(number))
        }
        if let amount = arguments.value("--quote-amount") {
            var quote = JSONObject([.init(key: "amount", value: .string(amount))])
            quote.set("recurrence", .string(arguments.value("--quote-recurrence") ?? ""))
            quote.set("description", .string(arguments.value("--quote-description") ?? ""))
            if let component = arguments.value("--quote-component") { quote.set("component", .string(component)) }
            line.set("quote", .object(quote))
        }
        return .object(line)
    }
}

extension String {
    /// The string without `character` at either end.
    func trimmingCharacters(in character: Character) -> String {
        var text = Substring(self)
        while text.first == character { text.removeFirst() }
        while text.last == character { text.removeLast() }
        return String(text)
    }
}

/// `catalogue-cli offer remove ID --line N`.
enum OfferRemoveCommand: CLICommand {
    static let info = CommandInfo(
        path: ["offer", "remove"],
        abstract: "Remove a line from an offer (an issued offer gets a new version).",
        positionals: [Positional(name: "offer", help: "The offer number.")],
        options: [OptionInfo(name: "--line", valueName: "number", help: "The line to remove, counting from 1 ('offer show' numbers them).", required: true),
                  StoreOptions.database, SharedOptions.tariffs])

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let id = try StoreOptions.offerID(arguments.positionals[0], command: info)
        guard let text = arguments.value("--line"), let position = Int(text), position > 0 else {
            throw .usage("'--line' expects a line number like 2", command: info)
        }
        let store = try StoreOptions.open(arguments, context, .readWrite)
        let library = try SharedOptions.library(arguments, context)
        try OfferEditing.edit(id, store: store, library: library, command: info, &context) { (lines: inout [JSONValue]) throws(StoreRefusal) -> Void in
            guard position <= lines.count else {
                throw StoreRefusal(message: "offer \(id) has \(lines.count) line\(lines.count == 1 ? "" : "s"); there is no line \(position)")
            }
            lines.remove(at: position - 1)
        }
    }
}

/// Changes an offer's lines after checking the result against its profile and the books.
enum OfferEditing {
    static func edit(_ id: Int64, store: CatalogueStore, library: TariffLibrary, command: CommandInfo, _ context: inout CommandContext,
                     _ change: @escaping (inout [JSONValue]) throws(StoreRefusal) -> Void) throws(CLIError) {
        // One immediate transaction: the lines checked are the lines changed.
        let updated = try store.database.transaction(mapping: { CLIError.database(file: store.database.path, message: $0.description) }) {
            () throws(CLIError) -> OfferRecord in
            let current = try OfferSupport.record(id, store: store, command: command)
            var candidate = current
            do throws(StoreRefusal) { try change(&candidate.lines) } catch { throw .refused(error.message) }
            let found = try OfferSupport.problems(candidate, store: store, library: library)
            guard found.isEmpty else { throw .input(.invalid(found)) }
            do {
                return try store.editOffer(id, change)
            } catch let error as StoreRefusal {
                throw .refused(error.message)
            } catch let error as StoreError {
                throw .database(file: store.database.path, message: error.description)
            } catch {
                throw .internalError("\(error)")
            }
        }
        if updated.id != id {
            context.print("Offer \(id) was issued, so the change is a new version: \(OfferSupport.describe(updated)), superseding offer \(id).")
        } else {
            context.print("Changed \(OfferSupport.describe(updated)).")
        }
    }
}

/// `catalogue-cli offer show ID`.
enum OfferShowCommand: CLICommand {
    static let info = CommandInfo(path: ["offer", "show"], abstract: "Show an offer: its state and its lines.",
                                  positionals: [Positional(name: "offer", help: "The offer number.")],
                                  options: [SharedOptions.format([.table, .json]), StoreOptions.database])

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let id = try StoreOptions.offerID(arguments.positionals[0], command: info)
        let format = try SharedOptions.format(arguments, allowed: [.table, .json], command: info)
        let store = try StoreOptions.open(arguments, context, .readOnly)
        let offer = try OfferSupport.record(id, store: store, command: info)
        let quote: QuoteRecord?
        do { quote = try store.quote(offerID: id) } catch { throw .database(file: store.database.path, message: error.description) }
        switch format {
        case .json:
            var object = offer.offerJSON.objectValue ?? JSONObject()
            object.set("id", .number(JSONNumber(integer: offer.id)))
            object.set("reference", .string(offer.reference))
            object.set("version", .number(JSONNumber(integer: Int64(offer.version))))
            object.set("status", .string(offer.status.rawValue))
            object.set("supersedes", offer.supersedes.map { .number(JSONNumber(integer: $0)) } ?? .null)
            object.set("quote", quote.map { .string($0.reference) } ?? .null)
            context.print(JSONWriter.write(.object(object)), terminator: true)
        case .table, .csv:
            context.print(OfferSupport.describe(offer))
            if let title = offer.title { context.print("  \(title)") }
            if let supersedes = offer.supersedes { context.print("  supersedes offer \(supersedes)") }
            if let quote {
                context.print("  quote \(quote.reference), issued \(quote.issuedOn), valid until \(quote.validUntil): municipality \(quote.totals.municipality.dutchString)")
            }
            for (index, line) in offer.lines.enumerated() {
                context.print("  \(index + 1). " + JSONWriter.write(line, pretty: false))
            }
        }
    }
}

/// `catalogue-cli offer list`.
enum OfferListCommand: CLICommand {
    static let info = CommandInfo(path: ["offer", "list"], abstract: "List the offers in the database, newest first.",
                                  options: [OptionInfo(name: "--municipality", valueName: "code", help: "Only this municipality's offers."),
                                            StoreOptions.database])

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let store = try StoreOptions.open(arguments, context, .readOnly)
        let offers: [OfferRecord]
        do { offers = try store.offers(municipality: arguments.value("--municipality")) } catch {
            throw .database(file: store.database.path, message: error.description)
        }
        if offers.isEmpty {
            context.print("No offers yet; create one with 'catalogue-cli offer create'.")
            return
        }
        var table = TextTable([.right, .left, .right, .left, .left, .right, .left])
        table.add(["ID", "REFERENCE", "VERSION", "MUNICIPALITY", "YEARS", "LINES", "STATUS"])
        for offer in offers {
            let span = offer.years == 1 ? "\(offer.firstYear)" : "\(offer.firstYear)–\(offer.firstYear + offer.years - 1)"
            table.add([String(offer.id), offer.reference, String(offer.version), offer.municipality, span, String(offer.lines.count), offer.status.rawValue])
        }
        for line in table.render() { context.print(line) }
    }
}

/// `catalogue-cli offer price ID`.
enum OfferPriceCommand: CLICommand {
    static let info = CommandInfo(path: ["offer", "price"], abstract: "Price a stored offer with the current books.",
                                  positionals: [Positional(name: "offer", help: "The offer number.")],
                                  options: [SharedOptions.format([.table, .json, .csv]), StoreOptions.database, SharedOptions.tariffs]
                                      + StoreOptions.assumptionOptions)

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let id = try StoreOptions.offerID(arguments.positionals[0], command: info)
        let format = try SharedOptions.format(arguments, allowed: [.table, .json, .csv], command: info)
        let store = try StoreOptions.open(arguments, context, .readOnly)
        let library = try SharedOptions.library(arguments, context)
        let assumptions = try SharedOptions.assumptions(arguments, library: library, command: info)
        let offer = try OfferSupport.record(id, store: store, command: info)
        let priced: PricedOffer
        let request: PricingRequest
        do {
            (priced, request) = try OfferLifecycle.price(offer, store: store, library: library, assumptions: assumptions)
        } catch {
            throw StoreOptions.error(error, store: store)
        }
        switch format {
        case .json: context.print(PricedOfferJSON.encode(priced), terminator: true)
        case .csv: context.output += PricedOfferCSV.encode(priced)
        case .table: PriceTable.render(priced, request: request, &context)
        }
    }
}

/// `catalogue-cli offer issue ID --date D`.
enum OfferIssueCommand: CLICommand {
    static let info = CommandInfo(
        path: ["offer", "issue"],
        abstract: "Issue a draft offer as a quote: its lines, amounts, books and documents are frozen.",
        positionals: [Positional(name: "offer", help: "The offer number.")],
        options: [StoreOptions.date, OptionInfo(name: "--valid-days", valueName: "days", help: "How long the quote can be accepted (default 60)."),
                  StoreOptions.database, SharedOptions.tariffs] + StoreOptions.assumptionOptions)

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let id = try StoreOptions.offerID(arguments.positionals[0], command: info)
        let date = try StoreOptions.date(arguments, command: info)
        var validDays = 60
        if let text = arguments.value("--valid-days") {
            guard let days = Int(text), (1...365).contains(days) else { throw .usage("'--valid-days' expects 1 to 365, found '\(text)'", command: info) }
            validDays = days
        }
        let store = try StoreOptions.open(arguments, context, .readWrite)
        let library = try SharedOptions.library(arguments, context)
        let assumptions = try SharedOptions.assumptions(arguments, library: library, command: info)
        let quote: QuoteRecord
        do {
            quote = try OfferLifecycle.issue(id, store: store, library: library, assumptions: assumptions, date: date, validDays: validDays)
        } catch {
            throw StoreOptions.error(error, store: store)
        }
        context.print("Issued offer \(id) as quote \(quote.reference) on \(quote.issuedOn), valid until \(quote.validUntil).")
        for year in quote.years {
            context.print("  \(year.year): municipality \(year.totals.municipality.dutchString)" + (year.status == .projected ? " (projected)" : ""))
        }
        context.print("  total: municipality \(quote.totals.municipality.dutchString)")
        context.print("Write the offerte with: catalogue-cli quote \(id) --out out/offerte.html")
    }
}

/// `catalogue-cli offer accept ID --date D`.
enum OfferAcceptCommand: CLICommand {
    static let info = CommandInfo(
        path: ["offer", "accept"],
        abstract: "Record that the municipality accepted an issued quote, and make the agreement.",
        positionals: [Positional(name: "offer", help: "The offer number.")],
        options: [StoreOptions.date,
                  OptionInfo(name: "--payment", valueName: "schedule", help: "quarterly (default), monthly or yearly advances."),
                  StoreOptions.database])

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let id = try StoreOptions.offerID(arguments.positionals[0], command: info)
        let date = try StoreOptions.date(arguments, command: info)
        let payment = try StoreOptions.payment(arguments, command: info)
        let store = try StoreOptions.open(arguments, context, .readWrite)
        let agreement: AgreementRecord
        do {
            agreement = try OfferLifecycle.accept(id, store: store, date: date, payment: payment)
        } catch {
            throw StoreOptions.error(error, store: store)
        }
        context.print("Accepted offer \(id) on \(agreement.acceptedOn): agreement \(agreement.reference) for \(agreement.firstYear)–\(agreement.lastYear).")
        context.print("Write it with: catalogue-cli contract \(agreement.reference) --out out/uitvoeringsovereenkomst.html")
    }
}
