import Catalogue
import Contracts
import JSON
import Pricing
import Support

/// The formats a document is written in.
enum DocumentFormat: String, Sendable {
    case html
    case markdown
    case json
    /// Printed from the HTML by headless Chromium (A4, tagged).
    case pdf

    /// The format a file's extension asks for: `.json`, `.md`, `.pdf`, `.html` (or `.htm`), and
    /// HTML for a name without an extension (and standard output); nil for any other extension
    /// (`.xlsx`, `.txt`), which names a file the document would not be.
    static func fromExtension(of out: String) -> DocumentFormat? {
        let name = out.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? out
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return .html }
        switch name[name.index(after: dot)...].lowercased() {
        case "json": return .json
        case "md", "markdown": return .markdown
        case "pdf": return .pdf
        case "html", "htm": return .html
        default: return nil
        }
    }

    /// The document in this format. A PDF is printed from the HTML, dated `date` (its metadata
    /// carries that date, never the clock); without Chromium that is exit 69 with the install command.
    func render(_ documents: RenderedDocuments, date: CalendarDate, _ context: CommandContext) throws(CLIError) -> [UInt8] {
        switch self {
        case .html: return Array(documents.html.utf8)
        case .markdown: return Array(documents.markdown.utf8)
        case .json: return Array(documents.json.utf8)
        case .pdf:
            guard let printer = PDFPrinter.find(variables: context.environment.variables) else { throw .unavailable(PDFError.noBrowser.description) }
            do { return try printer.print(html: documents.html, date: date) } catch { throw .unavailable(error.description) }
        }
    }
}

/// Where `--out` asks a command to write: a file, or `-` for standard output; and the database the
/// command uses (or would use), which the file must never replace.
struct OutputTarget {
    var path: String
    var database: String

    var isStandardOutput: Bool { path == "-" }
}

/// Writing a document file, atomically, with exit 73 when it cannot be created.
enum DocumentOutput {
    /// `target` when it may be written: standard output, or a path that is a regular file or
    /// nothing yet, and not the database (exit 73 otherwise).
    static func checked(_ target: OutputTarget) throws(CLIError) -> OutputTarget {
        if target.isStandardOutput { return target }
        do {
            try FileSystem.checkOutputPath(target.path, protecting: FileIdentity.ofDatabase(target.database))
        } catch {
            throw .cannotCreateOutput(file: error.file, reason: error.reason)
        }
        return target
    }

    static func write(_ text: String, to target: OutputTarget, _ context: inout CommandContext, what: String) throws(CLIError) {
        try write(Array(text.utf8), to: target, &context, what: what)
    }

    /// Writes `bytes` to the target: standard output, or the file (see `writeFile`).
    static func write(_ bytes: [UInt8], to target: OutputTarget, _ context: inout CommandContext, what: String) throws(CLIError) {
        if target.isStandardOutput {
            context.print(String(decoding: bytes, as: UTF8.self), terminator: true)
            return
        }
        try writeFile(bytes, to: target)
        context.print("Wrote \(what) to \(target.path).")
    }

    /// Writes `documents` in `format` (see `DocumentFormat.render`).
    static func write(_ documents: RenderedDocuments, format: DocumentFormat, date: CalendarDate, to target: OutputTarget,
                      _ context: inout CommandContext, what: String) throws(CLIError) {
        try write(try format.render(documents, date: date, context), to: target, &context, what: what)
    }

    /// Writes a frozen document after checking its seals: a document edited in the store is
    /// refused (exit 65), never written.
    static func writeStored(_ entity: Seals.Entity, id: Int64, subject: String, _ documents: RenderedDocuments, format: DocumentFormat,
                            date: CalendarDate, to target: OutputTarget, store: CatalogueStore, _ context: inout CommandContext,
                            what: String) throws(CLIError) {
        try StoreOptions.verify(entity, id: id, subject: subject, store: store)
        try write(documents, format: format, date: date, to: target, &context, what: what)
    }

    static func writeFile(_ text: String, to target: OutputTarget) throws(CLIError) {
        try writeFile(Array(text.utf8), to: target)
    }

    /// Writes `bytes` to the target's file atomically, creating a missing folder (out/, the first
    /// time) as a user would expect; exit 73 when it cannot be created. The file replaces only a
    /// regular file, and never the database (see `FileSystem.writeFileAtomically`).
    static func writeFile(_ bytes: [UInt8], to target: OutputTarget) throws(CLIError) {
        let file = target.path
        do {
            if let slash = file.lastIndex(of: "/"), slash != file.startIndex {
                try FileSystem.createDirectories(String(file[..<slash]))
            }
            try FileSystem.writeFileAtomically(file, bytes, protecting: FileIdentity.ofDatabase(target.database))
        } catch {
            throw .cannotCreateOutput(file: error.file, reason: error.reason)
        }
    }

    /// Prices the offer file `offer` for the profile `profile` with the chosen books and
    /// assumptions; an offer too large for a document is refused (exit 65).
    static func price(profile: String, offer: String, books: BookSelection, _ context: CommandContext) throws(CLIError) -> (PricedOffer, PricingRequest) {
        let library = try books.library(context)
        let assumptions = try books.assumptions(library: library)
        let priced: (PricedOffer, PricingRequest)
        do {
            let request = try PricingRequestLoader.load(profileFile: profile, offerFile: offer, library: library, assumptions: assumptions)
            priced = (try PricingEngine.price(request.offer, books: request.books), request)
        } catch let error as InputError {
            throw .input(error)
        } catch {
            throw .internalError("\(error)")
        }
        if let problem = InputLimits.documentLinesProblem(priced.0.lineCount, offer: offer) { throw .refused(problem) }
        return priced
    }


    static let reference = Option<DocumentTextValue>(
        "--reference", valueName: "text", help: "Without a stored offer: the reference to print (default CONCEPT).")
}

/// `--out` given to a command, parsed once: a file name, or `-` for standard output; never empty.
struct OutputSelection: Sendable {
    /// What `--out` gave, if it was given.
    var path: String?

    /// Reads `option`; an empty name is a usage error.
    init(parsing arguments: ParsedArguments, _ option: Option<String>, command: CommandInfo) throws(CLIError) {
        path = try arguments.value(option, command: command)
        if path?.isEmpty == true {
            throw .usage("'\(option.name)' expects a file name, found an empty one", command: command)
        }
    }

    /// The target, nil when `--out` is not given. A path that names something that is not a
    /// regular file (a link, a folder, a device, a FIFO), or the database `store` chooses, is
    /// refused now (exit 73), before the command records or computes anything.
    func target(_ context: CommandContext, store: StoreSelection = StoreSelection(given: nil)) throws(CLIError) -> OutputTarget? {
        guard let path else { return nil }
        return try DocumentOutput.checked(OutputTarget(path: path, database: store.path(context)))
    }
}

/// `--out` and `--format` of a command that writes a document, parsed once. The format is
/// `--format`'s, else the one the file's extension asks for (`.json`, `.md`), else HTML.
struct DocumentOutputSelection: Sendable {
    static let outOption = Option<String>("--out", valueName: "file", help: "Where to write it ('-' for standard output).", required: true)
    static let formatOption = Option<DocumentFormat>(
        "--format", valueName: "format", help: "html, markdown, json or pdf (printed with Chromium). Default: from the file's extension (.md, .json, .pdf), else html.")
    /// The options for help and parsing, in the order help lists them.
    static let options: [OptionInfo] = [outOption.info, formatOption.info]

    /// Where to write.
    var out: OutputSelection
    /// The document's format.
    var format: DocumentFormat

    /// Reads `--out` (`out`, by default the required `--out <file>` of the document commands; a
    /// required one that is missing is a usage error) and `--format`.
    init(parsing arguments: ParsedArguments, command: CommandInfo, out option: Option<String> = outOption) throws(CLIError) {
        out = try OutputSelection(parsing: arguments, option, command: command)
        if out.path == nil, option.info.required {
            throw .usage("missing '\(option.name) <\(option.info.valueName ?? "file")>'", command: command)
        }
        if let given = try arguments.value(Self.formatOption, command: command) {
            format = given
        } else if let implied = DocumentFormat.fromExtension(of: out.path ?? "") {
            format = implied
        } else {
            throw .usage("'\(option.name) \(ArgumentText.shown(out.path ?? ""))' names a file that is not a document; a document is written as .html, .md, .json or .pdf "
                         + "(or say which with '--format'); spreadsheets come from 'price', 'compare', 'compose', 'contract show' and 'tariffs diff'",
                         command: command)
        }
        if format == .pdf, out.path == "-" {
            throw .usage("a PDF is written to a file, never to standard output; give '--out <file>.pdf'", command: command)
        }
    }

    /// The checked target of a required `--out` (see `OutputSelection.target`).
    func requiredTarget(_ context: CommandContext, store: StoreSelection, command: CommandInfo) throws(CLIError) -> OutputTarget {
        guard let target = try out.target(context, store: store) else { throw .usage("missing '--out <file>'", command: command) }
        return target
    }
}

/// The stateless form of a document command, parsed once: `--profile` and `--offer` to price,
/// `--date` and `--reference` to print. It is used when no stored offer or agreement is named.
struct StatelessDocumentSelection: Sendable {
    static let profileOption = Option<PathArgument>("--profile", valueName: "file", help: "Without a stored offer: the municipality profile.")
    static let offerOption = Option<PathArgument>("--offer", valueName: "file", help: "Without a stored offer: the offer file.")
    static let dateOption = Option<CalendarDate>(
        "--date", valueName: "yyyy-mm-dd", help: "Without a stored offer: the document's date (required).")
    /// The options for help and parsing, in the order help lists them.
    static let options: [OptionInfo] = [profileOption.info, offerOption.info, dateOption.info, DocumentOutput.reference.info]

    /// The municipality profile and the offer file to price.
    var profile: String?
    var offer: String?
    /// The document's date; the stateless form needs it.
    var date: CalendarDate?
    /// The reference the document prints: `--reference`, else CONCEPT.
    var reference: String

    init(parsing arguments: ParsedArguments, command: CommandInfo) throws(CLIError) {
        profile = try arguments.value(Self.profileOption, command: command)?.path
        offer = try arguments.value(Self.offerOption, command: command)?.path
        date = try arguments.value(Self.dateOption, command: command)
        reference = try arguments.value(DocumentOutput.reference, command: command)?.text ?? "CONCEPT"
    }

    /// What the stateless form needs, checked before anything is read: the date, then both files.
    func validate(command: CommandInfo) throws(CLIError) {
        guard date != nil else {
            throw .usage("missing '\(Self.dateOption.name) <yyyy-mm-dd>': documents carry the date you give, the tool never reads the clock", command: command)
        }
        guard profile != nil, offer != nil else {
            throw .usage("give a stored offer number, or both '--profile <file>' and '--offer <file>'", command: command)
        }
    }

    /// The document's date and the priced offer, with `books`; `validate(command:)` has checked
    /// that they are given.
    func priced(books: BookSelection, _ context: CommandContext, command: CommandInfo) throws(CLIError) -> (CalendarDate, PricedOffer, PricingRequest) {
        guard let date, let profile, let offer else {
            try validate(command: command)
            throw .internalError("the stateless form lacks its date or its files")
        }
        let (priced, request) = try DocumentOutput.price(profile: profile, offer: offer, books: books, context)
        return (date, priced, request)
    }
}
