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

    /// The format from `--format`, else from the file's extension, else HTML.
    static func from(_ arguments: ParsedArguments, out: String, command: CommandInfo) throws(CLIError) -> DocumentFormat {
        if let text = arguments.value("--format") {
            guard let format = DocumentFormat(rawValue: text) else {
                throw .usage("'--format' expects 'html', 'markdown' or 'json', found '\(text)'", command: command)
            }
            return format
        }
        if out.hasSuffix(".json") { return .json }
        if out.hasSuffix(".md") { return .markdown }
        return .html
    }

    func pick(_ documents: RenderedDocuments) -> String {
        switch self {
        case .html: documents.html
        case .markdown: documents.markdown
        case .json: documents.json
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
    /// The target of `--out`, nil when it is not given. An empty path is a usage error; a path that
    /// names something that is not a regular file (a link, a folder, a device, a FIFO) or the database
    /// is refused now (exit 73), before the command records or computes anything.
    static func target(_ arguments: ParsedArguments, _ context: CommandContext, command: CommandInfo) throws(CLIError) -> OutputTarget? {
        guard let path = arguments.value("--out") else { return nil }
        guard !path.isEmpty else { throw .usage("'--out' expects a file name, found an empty one", command: command) }
        let target = OutputTarget(path: path, database: StoreOptions.path(arguments, context))
        if target.isStandardOutput { return target }
        do {
            try FileSystem.checkOutputPath(path, protecting: FileIdentity.ofDatabase(target.database))
        } catch {
            throw .cannotCreateOutput(file: error.file, reason: error.reason)
        }
        return target
    }

    static func write(_ text: String, to target: OutputTarget, _ context: inout CommandContext, what: String) throws(CLIError) {
        if target.isStandardOutput {
            context.print(text, terminator: true)
            return
        }
        try writeFile(text, to: target)
        context.print("Wrote \(what) to \(target.path).")
    }

    /// Writes `text` to the target's file atomically, creating a missing folder (out/, the first
    /// time) as a user would expect; exit 73 when it cannot be created. The file replaces only a
    /// regular file, and never the database (see `FileSystem.writeFileAtomically`).
    /// Writes a frozen document after checking its seals: a document edited in the store is
    /// refused (exit 65), never written.
    static func writeStored(_ entity: Seals.Entity, id: Int64, subject: String, _ documents: RenderedDocuments, format: DocumentFormat,
                            to target: OutputTarget, store: CatalogueStore, _ context: inout CommandContext, what: String) throws(CLIError) {
        try StoreOptions.verify(entity, id: id, subject: subject, store: store)
        try write(format.pick(documents), to: target, &context, what: what)
    }

    static func writeFile(_ text: String, to target: OutputTarget) throws(CLIError) {
        let file = target.path
        do {
            if let slash = file.lastIndex(of: "/"), slash != file.startIndex {
                try FileSystem.createDirectories(String(file[..<slash]))
            }
            try FileSystem.writeFileAtomically(file, Array(text.utf8), protecting: FileIdentity.ofDatabase(target.database))
        } catch {
            throw .cannotCreateOutput(file: error.file, reason: error.reason)
        }
    }

    static let options: [OptionInfo] = [
        OptionInfo(name: "--out", valueName: "file", help: "Where to write it ('-' for standard output).", required: true),
        OptionInfo(name: "--format", valueName: "format", help: "html, markdown or json. Default: from the file's extension, else html."),
    ]

    /// Prices the stateless `--profile/--offer` form.
    static func priced(_ arguments: ParsedArguments, _ context: CommandContext, command: CommandInfo) throws(CLIError) -> (PricedOffer, PricingRequest) {
        guard let profile = arguments.value("--profile"), let offer = arguments.value("--offer") else {
            throw .usage("give a stored offer number, or both '--profile <file>' and '--offer <file>'", command: command)
        }
        let library = try SharedOptions.library(arguments, context)
        let assumptions = try SharedOptions.assumptions(arguments, library: library, command: command)
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

    static let statelessOptions: [OptionInfo] = [
        OptionInfo(name: "--profile", valueName: "file", help: "Without a stored offer: the municipality profile."),
        OptionInfo(name: "--offer", valueName: "file", help: "Without a stored offer: the offer file."),
        OptionInfo(name: "--date", valueName: "yyyy-mm-dd", help: "Without a stored offer: the document's date (required)."),
        reference.info,
    ]

    static let reference = Option<DocumentTextValue>(
        "--reference", valueName: "text", help: "Without a stored offer: the reference to print (default CONCEPT).")
}
