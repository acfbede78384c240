import Catalogue
import JSON
import Money
import Support

/// Checks that an indexed book is exactly what its provenance says: the recorded source, indexed
/// with the recorded percentages. Catches a hand-edited amount and a source book that changed
/// after the indexation.
public enum IndexationAudit {
    /// The problems found; empty when the book checks out or was not indexed.
    /// `source` is the source book's file and bytes, when they can be found.
    public static func audit(_ book: TariffBook, file: String, source: (file: String, bytes: [UInt8])?) -> [Diagnostic] {
        guard let record = book.provenance.indexation else { return [] }
        let path = JSONPath.root.appending("provenance")
        guard let source else {
            return [Diagnostic(file: file, path: path.appending("source"),
                               message: "the source book \(record.sourceYear).json is not beside this book, so the indexation cannot be checked")]
        }
        let hash = "sha256:" + SHA256.hex(source.bytes)
        guard hash == record.sourceHash else {
            return [Diagnostic(file: file, path: path.appending("sourceHash"),
                               message: "\(source.file) has changed since this book was indexed from it (it is now \(hash)); index it again with --replace")]
        }
        let sourceBook: TariffBook
        let parameters: IndexationParameters
        let expected: TariffBook
        do {
            sourceBook = try TariffBookLoader.load(bytes: source.bytes, file: source.file, expectedYear: record.sourceYear)
            parameters = try IndexationParameters(wage: record.wage, price: record.price, weights: record.mixedWeights)
            expected = try TariffIndexer.index(sourceBook, with: parameters, sourceFile: book.provenance.source, sourceHash: hash,
                                               date: record.date, replacedHash: record.replacedHash)
        } catch {
            return [Diagnostic(file: file, path: path, message: "the indexation cannot be repeated: \(error)")]
        }
        var problems: [Diagnostic] = []
        let paths = book.tariffPaths
        let expectedByID = Dictionary(expected.allTariffs.map { ($0.id, $0.amount) }, uniquingKeysWith: { first, _ in first })
        for tariff in book.allTariffs {
            guard let amount = expectedByID[tariff.id] else {
                problems.append(Diagnostic(file: file, path: paths[tariff.id] ?? .root, message: "tariff \(tariff.id) is not in the source book \(record.sourceYear)"))
                continue
            }
            if amount != tariff.amount {
                problems.append(Diagnostic(file: file, path: paths[tariff.id] ?? .root,
                                           message: "tariff \(tariff.id) is \(tariff.amount.jsonString), but indexing \(record.sourceYear) with the recorded percentages gives \(amount.jsonString)"))
            }
        }
        if problems.isEmpty && TariffBookEncoder.encode(expected) != TariffBookEncoder.encode(book) {
            problems.append(Diagnostic(file: file, path: .root,
                                       message: "the book differs from indexing \(record.sourceYear) with the recorded percentages in something other than an amount"))
        }
        return problems
    }
}
