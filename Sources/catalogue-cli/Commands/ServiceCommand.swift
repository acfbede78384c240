import Catalogue
import JSON
import Support

/// `catalogue-cli service CODE`: one service in full, with its rules and service levels.
struct ServiceCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["service"],
        abstract: "Show one service in full: tariffs, service levels, rules and partners.",
        positionals: [Positional(name: "code", help: "The service code, e.g. dbos-po (see 'catalogue-cli services').")],
        options: [yearOption.info, formats.info] + BookSelection.withoutAssumptions)

    static let yearOption = Option<Year>(SharedOptions.year())
    static let formats = FormatSelection([.table, .json])

    /// The code as given; an unknown one is answered with the nearest codes of the catalogue.
    var code: String
    /// The year given; the latest book's when nil.
    var year: Year?
    var format: OutputFormat
    /// The books (`--tariffs`); this command takes no assumptions.
    var books: BookSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        guard let code = try arguments.positional(0, as: String.self, name: "code", command: Self.info) else {
            throw .usage("missing argument <code>", command: Self.info)
        }
        self.code = code
        format = try Self.formats.read(arguments, command: Self.info)
        year = try arguments.value(Self.yearOption, command: Self.info)
        books = try BookSelection(parsing: arguments, command: Self.info)
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let library = try books.library(context)
        let year = try Year.given(year, orLatestIn: library)
        let book = try SharedOptions.book(year: year, library: library)
        guard let service = book.service(code) else {
            var message = "no service '\(code)' in the \(year) catalogue"
            if let hint = didYouMean(suggestions(for: code, among: book.services.map(\.code)), quote: "'") {
                message += "; " + hint
            } else {
                message += "; 'catalogue-cli services' lists them"
            }
            throw .usage(message, command: Self.info)
        }
        switch format {
        case .json:
            var object = TariffBookEncoder.serviceJSON(service, resolved: true).objectValue ?? JSONObject()
            object.set("tariffBook", CatalogueRendering.bookJSON(book, file: library.fileName(for: year)))
            context.print(JSONWriter.write(.object(object)), terminator: true)
        case .table, .csv:
            Self.render(service, book: book, file: library.fileName(for: year), &context)
        }
    }

    private static func render(_ service: Service, book: TariffBook, file: String, _ context: inout CommandContext) {
        context.print("\(service.name) (\(service.code))")
        var facts = TextTable([.left, .left])
        facts.add(["Tariff book", "\(book.year) (\(file)), section \(service.section)"])
        facts.add(["Tier", service.tier.dutchName])
        if let code = service.programmeLine {
            facts.add(["Programme line", book.programmeLine(code)?.name ?? code])
        }
        let wsob = service.wsob.map { number in
            "\(number) " + (book.wsobFunctions.first { $0.number == number }?.name ?? "")
        }
        facts.add(["Wsob functions", wsob.isEmpty ? "none" : wsob.joined(separator: "; ")])
        facts.add(["Target group", service.targetGroup])
        if !service.targetGroups.isEmpty {
            facts.add(["Target groups", service.targetGroups.joined(separator: ", ")])
        }
        if !service.themes.isEmpty { facts.add(["Themes", service.themes.joined(separator: ", ")]) }
        facts.add(["Partners", service.partners.isEmpty ? "none" : service.partners.joined(separator: ", ")])
        if let funding = service.specialFunding { facts.add(["Funding", funding]) }
        for line in facts.render(indent: "  ") { context.print(line) }
        context.print()
        for line in wrap(service.description, width: 96) { context.print("  " + line) }
        tariffs(service, book: book, &context)
        serviceLevels(service, &context)
        rules(service, &context)
    }

    /// Every tariff of every component.
    private static func tariffs(_ service: Service, book: TariffBook, _ context: inout CommandContext) {
        context.print()
        context.print("Tariffs (amounts in euros)")
        var tariffs = TextTable([.left, .left, .right, .left, .left, .left, .left])
        tariffs.add(["COMPONENT", "BASIS", "AMOUNT", "RECURRENCE", "INDEX", "PRECISION", "NOTES"])
        for component in service.components {
            let precision: String
            switch component.pricing {
            case .customQuote: precision = ""
            case .single(let published), .table(_, let published, _): precision = published.tariff.precision.rawValue
            }
            for row in CatalogueRendering.tariffRows(component, book: book) {
                tariffs.add(Array(row[0..<5]) + [precision, row[5]])
            }
            if let note = component.note {
                tariffs.add(["  " + note])
            }
        }
        for line in tariffs.render(indent: "  ") { context.print(line) }
    }

    /// The service-level tables promised in the agreement.
    private static func serviceLevels(_ service: Service, _ context: inout CommandContext) {
        if !service.serviceLevels.isEmpty {
            context.print()
            context.print("Service levels (promised in the agreement)")
            for level in service.serviceLevels {
                context.print("  \(level.name) (\(level.unit))")
                var rows = TextTable([.left, .right, .left])
                switch level.rule {
                case .table(let tableRows):
                    for row in tableRows {
                        let range = row.to.map { "\(row.from)–\($0) pupils" } ?? "\(row.from)+ pupils"
                        rows.add([range, row.value.dutchString, row.note ?? ""])
                    }
                case .rate(let per, let value):
                    rows.add(["per \(per) pupils", value.dutchString, "proportional"])
                }
                for line in rows.render(indent: "    ") { context.print(line) }
                if let note = level.note { context.print("    \(note)") }
            }
        }
    }

    /// The catalogue's rules for the service and its agreement with each school.
    private static func rules(_ service: Service, _ context: inout CommandContext) {
        if !service.constraints.isEmpty {
            context.print()
            context.print("Rules")
            for constraint in service.constraints {
                context.print("  - \(constraint.englishDescription)")
            }
        }
        if let terms = service.schoolAgreement {
            context.print()
            context.print("Agreement with each school")
            let renewal = terms.tacitRenewal
                ? "then renewed tacitly for \(count(terms.renewalYears, "year")) at a time, unless notice is given \(count(terms.noticeYears, "year")) before the end of a term"
                : "then it ends"
            context.print("  A first term of \(count(terms.initialYears, "year")), \(renewal)")
        }
    }
}
