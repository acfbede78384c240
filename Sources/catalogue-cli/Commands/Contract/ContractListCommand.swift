import Contracts
import JSON
import Money

/// `catalogue-cli contract list`: the agreements in the store, oldest first.
struct ContractListCommand: ParsableCommand {
    static let municipalityOption = Option<String>("--municipality", valueName: "code", help: "Only this municipality's agreements.")
    static let formats = FormatSelection([.table, .json])

    static let info = CommandInfo(
        path: ["contract", "list"],
        abstract: "List the agreements in the database: term, acceptance, payment, amendments and the agreed amount.",
        options: [municipalityOption.info, formats.info, StoreSelection.option.info])

    /// One agreement with what the listing shows of it.
    private struct Row {
        var agreement: AgreementRecord
        var amendments: Int
        var agreed: Money
    }

    /// Only this municipality's agreements, or nil for all.
    var municipality: String?
    var format: OutputFormat
    var store: StoreSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        municipality = try arguments.value(Self.municipalityOption, command: Self.info)
        format = try Self.formats.read(arguments, command: Self.info)
        store = try StoreSelection(parsing: arguments, command: Self.info)
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let store = try store.open(context, .readOnly)
        let rows = try Self.rows(store: store).filter { municipality == nil || $0.agreement.municipality == municipality }
        switch format {
        case .json:
            context.print(JSONWriter.write(.array(rows.map(Self.json))), terminator: true)
        case .table, .csv:
            guard !rows.isEmpty else {
                context.print("No agreements yet; an accepted offer becomes one ('catalogue-cli offer accept <offer> --date …').")
                return
            }
            var table = TextTable([.left, .left, .left, .left, .left, .right, .right, .left])
            table.add(["REFERENCE", "MUNICIPALITY", "YEARS", "ACCEPTED", "PAYMENT", "AMENDMENTS", "AGREED (MUNICIPALITY)", "STATUS"])
            for row in rows {
                let agreement = row.agreement
                table.add([agreement.reference, agreement.municipality, "\(agreement.firstYear)–\(agreement.lastYear)",
                           agreement.acceptedOn.description, agreement.payment.rawValue, String(row.amendments),
                           row.agreed.dutchString, agreement.status.rawValue])
            }
            for line in table.render() { context.print(line) }
        }
    }

    /// Every agreement with its number of amendments and the municipality's total of its quote.
    private static func rows(store: CatalogueStore) throws(CLIError) -> [Row] {
        do {
            var rows: [Row] = []
            for reference in try store.agreementReferences() {
                guard let agreement = try store.agreement(reference: reference) else { continue }
                guard let quote = try store.quote(id: agreement.quoteID) else {
                    throw CLIError.database(file: store.database.path, message: "agreement \(reference) has no quote \(agreement.quoteID); run 'catalogue-cli store check'")
                }
                rows.append(Row(agreement: agreement, amendments: try store.amendments(agreementID: agreement.id).count,
                                agreed: quote.totals.municipality))
            }
            return rows
        } catch let error as CLIError {
            throw error
        } catch let error as StoreError {
            throw .database(file: store.database.path, message: error.description)
        } catch {
            throw .internalError("\(error)")
        }
    }

    /// One row as a JSON object.
    private static func json(_ row: Row) -> JSONValue {
        let agreement = row.agreement
        var object = JSONObject()
        object.set("reference", .string(agreement.reference))
        object.set("municipality", .string(agreement.municipality))
        object.set("firstYear", .number(JSONNumber(integer: Int64(agreement.firstYear))))
        object.set("lastYear", .number(JSONNumber(integer: Int64(agreement.lastYear))))
        object.set("acceptedOn", .string(agreement.acceptedOn.description))
        object.set("payment", .string(agreement.payment.rawValue))
        object.set("amendments", .number(JSONNumber(integer: Int64(row.amendments))))
        object.set("agreedMunicipality", .string(row.agreed.jsonString))
        object.set("status", .string(agreement.status.rawValue))
        return .object(object)
    }
}
