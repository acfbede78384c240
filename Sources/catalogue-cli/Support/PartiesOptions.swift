import Catalogue
import Contracts
import Pricing
import Support

/// The parties' data and the release of a document: `--organisation FILE` (the library's
/// details), `--concept` and `--allow-illustrative`, read once like `StoreSelection`.
///
/// The organisation's details come from `--organisation FILE`, else `$CATALOGUE_ORGANISATION`,
/// else `organisation.json` in the working directory, else nowhere (every detail missing).
struct PartiesSelection: Sendable {
    static let organisationOption = Option<PathArgument>(
        "--organisation", valueName: "file",
        help: "The library's details (name, address, KvK, VAT number, IBAN, signatory, court). Default: $CATALOGUE_ORGANISATION, else organisation.json in the working directory.")
    static let conceptFlag = Flag(
        "--concept", help: "Make a concept: CONCEPT on every page, no statement of acceptance; missing or illustrative data are allowed and shown.")
    static let allowIllustrativeFlag = Flag(
        "--allow-illustrative", help: "Make a final document although it rests on data marked illustrative; every such figure stays marked.")

    /// The options of `offer issue` and `offer accept`.
    static let releaseOptions: [OptionInfo] = [organisationOption.info, conceptFlag.info, allowIllustrativeFlag.info]
    /// The options of `demo`, which allows illustrative data (its seeds are examples).
    static let demoOptions: [OptionInfo] = [organisationOption.info, conceptFlag.info]
    /// The options of `quote` and `contract`: the organisation for a document made from files,
    /// and `--rekenbijlage`.
    static let documentOptions: [OptionInfo] = [organisationOption.info, CalculationOutput.flag.info]

    /// The environment variable naming the organisation's file.
    static let variable = "CATALOGUE_ORGANISATION"

    /// The file `--organisation` gave, if it was given.
    var given: String?
    /// Final (the default) or concept.
    var release: DocumentRelease

    /// Reads the options; `--concept` with `--allow-illustrative` is a usage error (exit 64).
    init(parsing arguments: ParsedArguments, command: CommandInfo, final: DocumentRelease = .final(allowIllustrative: false)) throws(CLIError) {
        given = try arguments.value(Self.organisationOption, command: command)?.path
        let concept = arguments.flag(Self.conceptFlag)
        let allow = arguments.flag(Self.allowIllustrativeFlag)
        if concept && allow {
            throw .usage("'--concept' and '--allow-illustrative' exclude each other: a concept may rest on anything, a final document is marked", command: command)
        }
        release = concept ? .concept : (allow ? .final(allowIllustrative: true) : final)
    }

    /// The organisation's details: `--organisation`, `$CATALOGUE_ORGANISATION`, `organisation.json`
    /// in the working directory, or none. A named file that cannot be read is exit 66; a file
    /// with problems is exit 65 with every problem and its field path.
    func organisation(_ context: CommandContext) throws(CLIError) -> OrganisationSource {
        var file = given
        if file == nil, let variable = context.environment.variables[Self.variable] {
            guard !variable.isEmpty else { throw .input(.cannotRead(file: "$\(Self.variable)", reason: "it is set but empty; name a file or unset it")) }
            file = variable
        }
        if file == nil, FileSystem.isFile(Organisation.defaultFileName) { file = Organisation.defaultFileName }
        guard let file else { return OrganisationSource() }
        do {
            return OrganisationSource(organisation: try OrganisationLoader.load(file: file), file: file)
        } catch {
            throw .input(error)
        }
    }

    /// The parties' data of a document made from files: the organisation and the profile.
    func parties(_ context: CommandContext, profile: MunicipalityProfile) throws(CLIError) -> DocumentParties {
        DocumentParties(organisation: try organisation(context), profile: profile)
    }
}

/// `--rekenbijlage`: the line-by-line calculation behind an offerte or agreement, written on
/// request instead of the document, in HTML, Markdown, JSON or PDF. It is never part of what is signed.
enum CalculationOutput {
    static let flag = Flag(
        "--rekenbijlage", help: "Write the rekenbijlage instead: every priced line with how its amount comes about (never part of what is signed).")

    /// Which document the rekenbijlage belongs to.
    enum Kind {
        case quote
        case agreement
    }

    /// What a `--rekenbijlage` run was given: the stored document's key (nil for the files'
    /// form) and the command's parsed groups.
    struct Request {
        var key: String?
        var kind: Kind
        var output: DocumentOutputSelection
        var stateless: StatelessDocumentSelection
        var parties: PartiesSelection
        var store: StoreSelection
        var books: BookSelection
        /// The command, for its usage in messages.
        var command: CommandInfo
    }

    /// Writes the rekenbijlage of the stored quote or agreement, or of the profile and offer files.
    static func write(_ request: Request, to out: OutputTarget, _ context: inout CommandContext) throws(CLIError) {
        let organisation = try request.parties.organisation(context)
        let document: CalculationDocument
        let date: CalendarDate
        if let key = request.key {
            (document, date) = try stored(key, kind: request.kind, store: request.store, context, organisation: organisation)
        } else {
            let (given, priced, offer) = try request.stateless.priced(books: request.books, context, command: request.command)
            date = given
            let belongsTo = "\(request.kind == .quote ? "offerte" : "uitvoeringsovereenkomst") \(request.stateless.reference)"
            do {
                document = try DocumentBuilder.calculation(priced, books: offer.books, belongsTo: belongsTo, date: date,
                                                           parties: DocumentParties(organisation: organisation, profile: offer.offer.profile))
            } catch {
                throw .internalError("the rekenbijlage's sums: \(error)")
            }
        }
        try DocumentOutput.write(RenderedDocuments(document), format: request.output.format, date: date, to: out, &context, what: "rekenbijlage")
    }

    /// The rekenbijlage of a stored quote (an offer number or quote reference) or agreement
    /// (its reference or the accepted offer's number), from the quote's frozen data.
    private static func stored(_ key: String, kind: Kind, store selection: StoreSelection, _ context: CommandContext,
                               organisation: OrganisationSource) throws(CLIError) -> (CalculationDocument, CalendarDate) {
        let store = try selection.open(context, .readOnly)
        do {
            var agreement: AgreementRecord?
            var quote: QuoteRecord?
            switch kind {
            case .agreement:
                agreement = try Lookup.acceptedAgreement(key, store: store)
                if let agreement { quote = try store.quote(id: agreement.quoteID) }
            case .quote:
                quote = try Lookup.issuedQuote(key, store: store)
            }
            guard let quote else { throw CLIError.refused("no \(kind == .quote ? "issued quote" : "agreement") for '\(key)'") }
            let belongsTo = agreement.map { "uitvoeringsovereenkomst \($0.reference)" } ?? "offerte \(quote.reference)"
            let date = agreement?.acceptedOn ?? quote.issuedOn
            return (try OfferLifecycle.calculation(quote, store: store, belongsTo: belongsTo, date: date, organisation: organisation), date)
        } catch let error as CLIError {
            throw error
        } catch let error as StoreError {
            throw .database(file: store.database.path, message: error.description)
        } catch let error as LifecycleError {
            throw StoreOptions.error(error, store: store)
        } catch {
            throw .internalError("\(error)")
        }
    }
}
