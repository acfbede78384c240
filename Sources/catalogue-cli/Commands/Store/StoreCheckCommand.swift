import Contracts
import JSON

/// `catalogue-cli store check`: SQLite's integrity check, the tool's invariants and every stored hash.
struct StoreCheckCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["store", "check"],
        abstract: "Check the database: integrity, frozen quotes and agreements, and every stored SHA-256.",
        options: [formats.info, StoreSelection.option.info],
        discussion: """
            Runs SQLite's integrity check, then checks that every issued quote has its frozen lines, years, books and \
            documents, every agreement its quote, every status what exists, and recomputes every stored SHA-256 (books, \
            profiles, and the seals of quotes, agreements and amendments). Prints one line per problem and exits 65 when \
            there is one; exits 0 when the database is sound. Reads only.
            """)

    static let formats = FormatSelection([.table, .json])

    var format: OutputFormat
    var store: StoreSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        format = try Self.formats.read(arguments, command: Self.info)
        store = try StoreSelection(parsing: arguments, command: Self.info)
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let store = try store.open(context, .readOnly)
        let findings: [StoreFinding]
        do { findings = try StoreCheck.run(store) } catch { throw .database(file: store.database.path, message: error.description) }
        switch format {
        case .json:
            let items: [JSONValue] = findings.map { finding in
                ["kind": .string(finding.kind.rawValue), "subject": .string(finding.subject), "message": .string(finding.message)]
            }
            context.print(JSONWriter.write(["database": .string(store.database.path), "sound": .bool(findings.isEmpty),
                                            "findings": .array(items)]), terminator: true)
        case .table, .csv:
            if findings.isEmpty { context.print("\(store.database.path): sound; integrity, frozen quotes and agreements, and every stored SHA-256 check out.") }
            for finding in findings { context.print("\(finding.kind.rawValue): \(finding)") }
        }
        guard findings.isEmpty else {
            throw .unsatisfiable("store check found \(findings.count) problem\(findings.count == 1 ? "" : "s") in \(store.database.path)")
        }
    }
}
