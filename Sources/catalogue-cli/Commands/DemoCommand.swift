#if canImport(Glibc)
import Glibc
#endif
import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Support

/// `catalogue-cli demo`: the whole way from profile to agreement, on a fresh demo database.
struct DemoCommand: ParsableCommand {
    static let outOption = Option<String>(
        "--out", valueName: "directory", help: "Where the documents and the demo database go (default out).")
    static let dateOption = Option<CalendarDate>(
        "--date", valueName: "yyyy-mm-dd", help: "The quote's date (default 2025-11-21); the agreement is dated two weeks later.")
    static let wageOption = Option<Percentage>(
        "--assume-wage", valueName: "percent", help: "Wage percentage for the projected years (default 3.75).")
    static let priceOption = Option<Percentage>(
        "--assume-price", valueName: "percent", help: "Price percentage for the projected years (default 2.1).")

    /// The public orientation figures the demo assumes unless told otherwise: CAO 3.75 %, CPB price 2.1 %.
    static let defaultWage = Percentage(hundredths: 375)
    static let defaultPrice = Percentage(hundredths: 210)
    /// The quote's date unless `--date` is given.
    static let defaultDate = CalendarDate(year: 2025, month: 11, day: 21)!

    static let info = CommandInfo(
        path: ["demo"],
        abstract: "Run the whole flow once: database, books, profiles, an offer for Midden-Drenthe, quote, agreement, documents.",
        options: [outOption.info, dateOption.info, wageOption.info, priceOption.info, BookSelection.directoryOption.info]
            + PartiesSelection.demoOptions,
        discussion: """
        The demo reads seeds/municipalities from the working directory (run it from the repository)
        and writes a new database, out/demo.sqlite, each time; it never touches catalogue.sqlite.
        Years after the last published book are projected with the assumed percentages (by default
        the public orientation figures: CAO 3.75 %, CPB price 2.1 %) and the documents say so.
        """)

    static let seedDirectory = "seeds/municipalities"

    /// The documents the demo writes into its folder: the quote's, then the agreement's, each in
    /// HTML, Markdown and JSON.
    static let documentNames = ["offerte-midden-drenthe.html", "offerte-midden-drenthe.md", "offerte-midden-drenthe.json",
                                "uitvoeringsovereenkomst-midden-drenthe.html", "uitvoeringsovereenkomst-midden-drenthe.md",
                                "uitvoeringsovereenkomst-midden-drenthe.json",
                                "rekenbijlage-midden-drenthe.html", "rekenbijlage-midden-drenthe.md", "rekenbijlage-midden-drenthe.json"]

    /// The offer the demo composes: what Midden-Drenthe's library vision asks for.
    static let lines: [String] = [
        #"{"service": "robuuste-bibliotheek"}"#,
        #"{"service": "open-plus", "branches": ["beilen"], "runningSince": 2023}"#,
        #"{"service": "llo-pakket-1"}"#,
        #"{"service": "llo-pakket-2", "package": "middelgroot", "biebFabriekSeries": 1}"#,
        #"{"service": "kleintje-bieb"}"#,
        #"{"service": "boekstart-kinderopvang"}"#,
        #"{"service": "boekstartcoach", "consultationBureaus": ["cb-beilen"], "hoursPerWeek": 4}"#,
        #"{"service": "dbos-po", "runningSince": 2016}"#,
        #"{"service": "thuislezen", "schools": ["po-smilde-c", "po-westerbork-c", "po-nieuw-balinge-a"], "startYear": 2027}"#,
        #"{"service": "taalhuis"}"#,
        #"{"service": "meedoen"}"#,
        #"{"service": "ido"}"#,
        #"{"service": "verhalenbrink", "quote": {"amount": "7500.00", "recurrence": "annual", "description": "Verhalenbrink Westerbork"}}"#,
        #"{"service": "maatwerk", "level": "hbo", "hours": 40, "description": "Leesplan gemeente 2026-2028"}"#,
    ]

    /// The folder for the documents and the demo database; never empty.
    var directory: String
    /// The quote's date.
    var date: CalendarDate
    /// The books (`--tariffs`) and the assumed percentages, the demo's defaults where none are given.
    var books: BookSelection
    /// The library's details and the documents' release: final with illustrative figures marked
    /// (the seeds are examples), or a concept with `--concept`.
    var parties: PartiesSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        parties = try PartiesSelection(parsing: arguments, command: Self.info, final: .final(allowIllustrative: true))
        directory = try arguments.value(Self.outOption, command: Self.info) ?? "out"
        guard !directory.isEmpty else { throw .usage("'--out' expects a folder name, found an empty one", command: Self.info) }
        date = try arguments.value(Self.dateOption, command: Self.info) ?? Self.defaultDate
        let rates = ProjectionAssumptions.Rates(wage: try arguments.value(Self.wageOption, command: Self.info) ?? Self.defaultWage,
                                                price: try arguments.value(Self.priceOption, command: Self.info) ?? Self.defaultPrice)
        books = BookSelection(directory: try arguments.value(BookSelection.directoryOption, command: Self.info), rates: rates)
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let organisation = try parties.organisation(context)
        let library = try books.library(context)
        let assumptions = try books.assumptions(library: library)
        guard FileSystem.isDirectory(Self.seedDirectory) else {
            throw .input(.cannotRead(file: Self.seedDirectory, reason: "no such directory; run the demo from the repository's root, which has seeds/"))
        }
        let databasePath = try Self.prepare(directory)
        let store = try StoreSelection(given: databasePath).open(context, .readWrite)
        context.print("1. Created the database \(databasePath) (schema version \(Migrations.latest)).")
        try Self.importBooks(library, into: store, &context)
        try Self.importProfiles(into: store, &context)
        let offer = try Self.compose(store: store, library: library, &context)
        try Self.report(offer, store: store, library: library, assumptions: assumptions, &context)
        let quote: QuoteRecord
        let agreement: AgreementRecord
        let calculation: CalculationDocument
        do {
            quote = try OfferLifecycle.issue(offer.id, store: store, library: library, assumptions: assumptions, date: date,
                                             organisation: organisation, release: parties.release)
            context.print("6. Issued quote \(quote.reference) on \(date.dutchString), valid until \(quote.validUntil.dutchString): \(quote.totals.municipality.dutchString) over three years.")
            agreement = try OfferLifecycle.accept(offer.id, store: store, date: Self.acceptance(date), organisation: organisation,
                                                  release: parties.release)
            calculation = try OfferLifecycle.calculation(quote, store: store, belongsTo: "offerte \(quote.reference)", date: date,
                                                         organisation: organisation)
            context.print("7. Accepted on \(agreement.acceptedOn.dutchString): agreement \(agreement.reference) for \(agreement.firstYear)–\(agreement.lastYear), paid in quarterly advances.")
        } catch {
            throw StoreOptions.error(error, store: store)
        }
        let rekenbijlage = RenderedDocuments(calculation)
        try Self.write([quote.html, quote.markdown, quote.json, agreement.html, agreement.markdown, agreement.json,
                        rekenbijlage.html, rekenbijlage.markdown, rekenbijlage.json], to: directory, database: databasePath, &context)
        Self.printManualSteps(date: date, agreement: agreement.reference, release: parties.release, &context)
    }

    /// Checks every document's path and removes an earlier demo database, before anything is
    /// made: a demo that cannot write its documents stops before it creates a database. Only
    /// regular files are removed; a link, a device or a folder of that name is refused.
    private static func prepare(_ directory: String) throws(CLIError) -> String {
        let databasePath = directory + "/demo.sqlite"
        do {
            for name in documentNames { try FileSystem.checkOutputPath(directory + "/" + name) }
            for suffix in ["", "-wal", "-shm", "-journal"] { try FileSystem.removeRegularFile(databasePath + suffix) }
            try FileSystem.createDirectories(directory)
        } catch {
            throw .cannotCreateOutput(file: error.file, reason: error.reason)
        }
        return databasePath
    }

    /// Step 2: every book of the library, stored by hash.
    private static func importBooks(_ library: TariffLibrary, into store: CatalogueStore, _ context: inout CommandContext) throws(CLIError) {
        for year in library.years {
            do {
                let content = String(decoding: try library.bytes(year: year), as: UTF8.self)
                let (hash, _) = try store.importBook(content: content, year: year, source: library.fileName(for: year))
                context.print("2. Imported tariff book \(year) from \(library.fileName(for: year)) (\(hash.prefix(19))…).")
            } catch let error as InputError {
                throw .input(error)
            } catch let error as StoreError {
                throw .database(file: store.database.path, message: error.description)
            } catch {
                throw .internalError("\(error)")
            }
        }
    }

    /// Step 3: the seed profiles.
    private static func importProfiles(into store: CatalogueStore, _ context: inout CommandContext) throws(CLIError) {
        var imported = 0
        do {
            for name in try FileSystem.contentsOfDirectory(seedDirectory) where name.hasSuffix(".json") {
                let file = seedDirectory + "/" + name
                let bytes = try FileSystem.readFile(file, limit: FileSystem.maximumProfileOrOfferBytes)
                let profile = try ProfileLoader.load(bytes: bytes, file: file)
                _ = try store.importMunicipality(code: profile.code, name: profile.name, profile: String(decoding: bytes, as: UTF8.self))
                imported += 1
            }
        } catch let error as InputError {
            throw .input(error)
        } catch let error as StoreError {
            throw .database(file: store.database.path, message: error.description)
        } catch {
            throw .internalError("\(error)")
        }
        context.print("3. Imported \(imported) municipality profiles from \(seedDirectory).")
    }

    /// Step 4: the demo's offer for Midden-Drenthe, checked like any offer.
    private static func compose(store: CatalogueStore, library: TariffLibrary, _ context: inout CommandContext) throws(CLIError) -> OfferRecord {
        var lineValues: [OfferLine] = []
        for text in lines {
            guard let value = try? JSONParser.parse(text), let line = try? OfferLoader.line(json: value, file: "demo") else {
                throw .internalError("the demo's line \(text) is not an offer line")
            }
            lineValues.append(line)
        }
        let draft = OfferRecord(id: 0, reference: "", version: 1, supersedes: nil, municipality: "midden-drenthe", firstYear: 2026,
                                years: 3, title: "Bibliotheekwerk Midden-Drenthe 2026-2028", status: .draft, lines: lineValues)
        let problems = try OfferSupport.problems(draft, store: store, library: library)
        guard problems.isEmpty else { throw .input(.invalid(problems)) }
        let offer: OfferRecord
        do throws(StoreError) {
            offer = try store.createOffer(municipality: draft.municipality, firstYear: draft.firstYear, years: draft.years,
                                          title: draft.title, lines: lineValues)
        } catch {
            throw .database(file: store.database.path, message: error.description)
        }
        context.print("4. Composed \(OfferSupport.describe(offer)).")
        return offer
    }

    /// Step 5: the price per year, and what the projected years assume.
    private static func report(_ offer: OfferRecord, store: CatalogueStore, library: TariffLibrary, assumptions: ProjectionAssumptions,
                               _ context: inout CommandContext) throws(CLIError) {
        let priced: PricedOffer
        do {
            (priced, _) = try OfferLifecycle.price(offer, store: store, library: library, assumptions: assumptions)
        } catch {
            throw StoreOptions.error(error, store: store)
        }
        let perYear = priced.years.map { "\($0.year) \($0.totals.municipality.dutchString)\($0.status == .projected ? " (projected)" : "")" }
        context.print("5. Priced three years for the municipality: " + perYear.joined(separator: ", ") + ".")
        if let projected = priced.years.first(where: { $0.status == .projected }), let from = projected.projectedFrom, let rates = projected.assumptions {
            context.print("   Years after \(from) are projected from the \(from) book with wage \(rates.wage.plainString) % and price \(rates.price.plainString) % a year.")
        }
    }

    /// Step 8: the six documents, never over the database.
    private static func write(_ texts: [String], to directory: String, database: String, _ context: inout CommandContext) throws(CLIError) {
        let files = Array(zip(documentNames, texts))
        for (name, text) in files {
            do {
                try FileSystem.writeFileAtomically(directory + "/" + name, Array(text.utf8), protecting: FileIdentity.ofDatabase(database))
            } catch {
                throw .cannotCreateOutput(file: error.file, reason: error.reason)
            }
        }
        context.print("8. Wrote the documents:")
        for (name, _) in files { context.print("     \(directory)/\(name)") }
    }

    private static func printManualSteps(date: CalendarDate, agreement: String, release: DocumentRelease, _ context: inout CommandContext) {
        // The seed profiles' parties are placeholders: by hand, say so, as the demo itself does.
        let marking = release.isConcept ? " --concept" : " --allow-illustrative"
        context.print("")
        context.print("The same by hand (with your own database, --db or $CATALOGUE_DB):")
        context.print("  catalogue-cli municipality import seeds/municipalities/*.json")
        context.print("  catalogue-cli offer create --municipality midden-drenthe --first-year 2026 --years 3")
        context.print("  catalogue-cli offer add 1 --service robuuste-bibliotheek        (and the other lines)")
        context.print("  catalogue-cli offer price 1 --assume-wage 3.75 --assume-price 2.1")
        context.print("  catalogue-cli offer issue 1 --date \(date) --assume-wage 3.75 --assume-price 2.1" + marking)
        context.print("  catalogue-cli offer accept 1 --date \(acceptance(date))" + marking)
        context.print("  catalogue-cli quote 1 --out out/offerte.html        (or .pdf, printed with Chromium)")
        context.print("  catalogue-cli contract \(agreement) --out out/uitvoeringsovereenkomst.html")
        context.print("  catalogue-cli quote 1 --rekenbijlage --out out/rekenbijlage.html")
    }

    /// The agreement's date in the demo: two weeks after the quote (a date option ends in 2999,
    /// so the two weeks stay in the calendar).
    private static func acceptance(_ date: CalendarDate) -> CalendarDate {
        date.adding(days: 14) ?? date
    }
}
