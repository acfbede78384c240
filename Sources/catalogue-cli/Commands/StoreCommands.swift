import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Support

// MARK: Municipalities

/// `catalogue-cli municipality import FILE…`.
enum MunicipalityImportCommand: CLICommand {
    static let info = CommandInfo(
        path: ["municipality", "import"],
        abstract: "Import or update municipality profiles in the database.",
        positionals: [Positional(name: "file", help: "One or more profile files, e.g. seeds/municipalities/*.json.", variadic: true)],
        options: [validFromOption.info, StoreOptions.database],
        discussion: "Every file is checked first; nothing is imported when one of them has a problem. With --valid-from the profile is also kept as a dated version; 'contract amend --profile-on DATE' prices an amendment with the version valid on that date.")

    static let validFromOption = Option<CalendarDate>(
        "--valid-from", valueName: "yyyy-mm-dd",
        help: "Record the profile as a dated version, valid from this date (e.g. the new school year's pupil counts).")

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
        let validFrom = try arguments.value(validFromOption, command: info)
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
        let profile = try Lookup.profile(arguments.positionals[0], store: store)
        context.print(profile, terminator: true)
    }
}

// MARK: Offers

/// Shared checks of the offer commands.
enum OfferSupport {
    /// Checks a stored offer's lines against its municipality and the books; the problems, or [].
    static func problems(_ offer: OfferRecord, store: CatalogueStore, library: TariffLibrary) throws(CLIError) -> [Diagnostic] {
        let profile = try Lookup.profile(offer.municipality, store: store)
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
        try Lookup.offer(id, store: store)
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
        options: [municipality.info, firstYear.info, years.info, title.info, from.info, StoreOptions.database, SharedOptions.tariffs],
        discussion: "Give either --from, or --municipality and --first-year. The offer is checked against the profile and the books.")

    static let municipality = Option<String>("--municipality", valueName: "code", help: "The municipality (imported first).")
    static let firstYear = Option<Year>("--first-year", valueName: "year", help: "The first year of the offer.")
    static let years = Option<Count<OfferYearCount>>("--years", valueName: "count", help: "How many years it runs (default 3).")
    static let title = Option<String>("--title", valueName: "text", help: "A title, e.g. \"Voorstel 2026-2028\".")
    static let from = Option<String>("--from", valueName: "file", help: "An offer file (*.offer.json) to take everything from.")

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        var municipality = try arguments.value(Self.municipality, command: info)
        var firstYear = try arguments.value(Self.firstYear, command: info)?.value
        var years = try arguments.value(Self.years, command: info)?.value ?? 3
        var title = try arguments.value(Self.title, command: info)
        var lines: [JSONValue] = []
        if let file = try arguments.value(from, command: info) {
            if municipality != nil || firstYear != nil || arguments.values[Self.years.name] != nil {
                throw .usage("'--from <file>' takes the municipality and the years from the file; leave out '--municipality', '--first-year' and '--years'", command: info)
            }
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
        guard firstYear + years - 1 <= InputLimits.calendarYears.upperBound else {
            throw .usage("an offer from \(firstYear) for \(years) years ends after \(InputLimits.calendarYears.upperBound), the last year the tool prices", command: info)
        }
        let store = try StoreOptions.open(arguments, context, .readWrite)
        let library = try SharedOptions.library(arguments, context)
        let draft = OfferRecord(id: 0, reference: "", version: 1, supersedes: nil, municipality: municipality, firstYear: firstYear,
                                years: years, title: title, status: .draft, lines: lines)
        if !lines.isEmpty {
            let found = try OfferSupport.problems(draft, store: store, library: library)
            guard found.isEmpty else { throw .input(.invalid(found)) }
        } else {
            _ = try Lookup.profile(municipality, store: store)
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
        options: LineOptions.all + [StoreOptions.database, SharedOptions.tariffs])

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let id = try StoreOptions.offerID(arguments.positionals[0], command: info)
        let line = try LineOptions.object(arguments, command: info)
        let store = try StoreOptions.open(arguments, context, .readWrite)
        let library = try SharedOptions.library(arguments, context)
        try OfferEditing.edit(id, store: store, library: library, command: info, &context) { lines in lines.append(line) }
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
        options: [lineOption.info, StoreOptions.database, SharedOptions.tariffs])

    static let lineOption = Option<Count<LineNumbers>>(
        "--line", valueName: "number", help: "The line to remove, counting from 1 ('offer show' numbers them).", required: true)

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let id = try StoreOptions.offerID(arguments.positionals[0], command: info)
        let position = try arguments.required(lineOption, command: info).value
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
                                  options: [SharedOptions.format([.table, .json]), StoreOptions.database, SharedOptions.tariffs]
                                      + StoreOptions.assumptionOptions,
                                  discussion: "A draft is priced with the current books (later years projected with the assumptions); an issued offer with the books frozen in its quote.")

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
            try lines(offer, quote: quote ?? nil, arguments, store: store, &context)
        }
    }
}

extension OfferShowCommand {
    /// The lines as a table with their amounts per year; when the offer cannot be priced (no
    /// book or assumptions for a year, a line the books refuse) the lines alone, and why.
    static func lines(_ offer: OfferRecord, quote: QuoteRecord?, _ arguments: ParsedArguments, store: CatalogueStore,
                      _ context: inout CommandContext) throws(CLIError) {
        guard !offer.lines.isEmpty else {
            context.print("  No lines yet; add one with '\(Hint.command(["offer", "add", String(offer.id), "--service", "<code>"], from: arguments))'.")
            return
        }
        let summaries: [LineSummary]
        do {
            if let quote {
                let frozen = try OfferLifecycle.frozenBooks(quote, store: store)
                summaries = try OfferLifecycle.summaries(offer, profile: quote.profile) { (_) throws(InputError) -> PricingBooks in frozen }
            } else {
                let library = try SharedOptions.library(arguments, context)
                let assumptions = try SharedOptions.assumptions(arguments, library: library, command: info)
                let profile = try Lookup.profile(offer.municipality, store: store)
                summaries = try OfferLifecycle.summaries(offer, profile: profile) { (years) throws(InputError) -> PricingBooks in
                    try BookProjector.books(for: years, library: library, assumptions: assumptions)
                }
            }
        } catch let error as LifecycleError {
            switch error {
            case .input, .refused: break
            case .store, .internalError, .tampered: throw StoreOptions.error(error, store: store)
            }
            context.print("  Not priced: \(error.description.split(separator: "\n").first.map(String.init) ?? "")")
            for (index, line) in offer.lines.enumerated() { context.print("  \(index + 1). " + JSONWriter.write(line, pretty: false)) }
            return
        } catch let error as CLIError {
            throw error
        } catch {
            throw .internalError("\(error)")
        }
        try LineTable.render(summaries, &context)
    }
}

/// `catalogue-cli offer list`.
enum OfferListCommand: CLICommand {
    static let info = CommandInfo(path: ["offer", "list"], abstract: "List the offers in the database, newest first.",
                                  options: [municipalityOption.info, StoreOptions.database])

    static let municipalityOption = Option<String>("--municipality", valueName: "code", help: "Only this municipality's offers.")

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let store = try StoreOptions.open(arguments, context, .readOnly)
        let municipality = try arguments.value(municipalityOption, command: info)
        let offers: [OfferRecord]
        do { offers = try store.offers(municipality: municipality) } catch {
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
        case .table: try PriceTable.render(priced, request: request, &context)
        }
    }
}

/// `catalogue-cli offer issue ID --date D`.
enum OfferIssueCommand: CLICommand {
    static let info = CommandInfo(
        path: ["offer", "issue"],
        abstract: "Issue a draft offer as a quote: its lines, amounts, books and documents are frozen.",
        positionals: [Positional(name: "offer", help: "The offer number.")],
        options: [StoreOptions.date, validDaysOption.info, lateOption.info, StoreOptions.database, SharedOptions.tariffs] + StoreOptions.assumptionOptions,
        discussion: "A quote is issued before its term begins (1 January of the offer's first year); one issued later needs --late with the reason, which the offerte states.")

    static let lateOption = Option<String>(
        "--late", valueName: "reason", help: "Issue on or after the start of the term, for this reason (printed in the offerte).")

    static let validDaysOption = Option<Count<ValidityDays>>(
        "--valid-days", valueName: "days", help: "How long the quote can be accepted (default 60).")

    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CLIError) {
        let id = try StoreOptions.offerID(arguments.positionals[0], command: info)
        let date = try StoreOptions.date(arguments, command: info)
        let validDays = try arguments.value(validDaysOption, command: info)?.value ?? 60
        let late = try arguments.value(lateOption, command: info)
        let store = try StoreOptions.open(arguments, context, .readWrite)
        let library = try SharedOptions.library(arguments, context)
        let assumptions = try SharedOptions.assumptions(arguments, library: library, command: info)
        _ = try Lookup.offer(id, store: store)
        let quote: QuoteRecord
        do {
            quote = try OfferLifecycle.issue(id, store: store, library: library, assumptions: assumptions, date: date, validDays: validDays,
                                             lateReason: late)
        } catch {
            throw StoreOptions.error(error, store: store)
        }
        context.print("Issued offer \(id) as quote \(quote.reference) on \(quote.issuedOn), valid until \(quote.validUntil).")
        for year in quote.years {
            context.print("  \(year.year): municipality \(year.totals.municipality.dutchString)" + (year.status == .projected ? " (projected)" : ""))
        }
        context.print("  total: municipality \(quote.totals.municipality.dutchString)")
        context.print("Write the offerte with: " + Hint.command(["quote", String(id), "--out", "out/offerte.html"], carrying: ["--db"], from: arguments))
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
        _ = try Lookup.offer(id, store: store)
        let agreement: AgreementRecord
        do {
            agreement = try OfferLifecycle.accept(id, store: store, date: date, payment: payment)
        } catch {
            throw StoreOptions.error(error, store: store)
        }
        context.print("Accepted offer \(id) on \(agreement.acceptedOn): agreement \(agreement.reference) for \(agreement.firstYear)–\(agreement.lastYear).")
        context.print("Write it with: " + Hint.command(["contract", agreement.reference, "--out", "out/uitvoeringsovereenkomst.html"], carrying: ["--db"], from: arguments))
    }
}
