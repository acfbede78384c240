#if canImport(Glibc)
import Glibc
#endif
@testable import Catalogue
import Testing
import TestSupport

/// The books in `tariffs/` are kept in canonical form, and the tool carries a copy of each so
/// it works from any directory. Both are golden files: regenerate them with
/// `UPDATE_BUNDLED_TARIFFS=1 swift test --filter BundledBooks`, never by hand.
@Suite("Bundled and canonical books")
struct BundledBooksTests {
    private var updating: Bool { getenv("UPDATE_BUNDLED_TARIFFS") != nil }

    private func publishedYears() throws -> [Int] {
        try FileSystem.contentsOfDirectory(repositoryRoot + "/tariffs").compactMap { name in
            name.hasSuffix(".json") ? Int(name.dropLast(5)) : nil
        }.sorted()
    }

    @Test("every book in tariffs/ is in canonical form (sorted keys, two-space indent)")
    func canonicalForm() throws {
        for year in try publishedYears() {
            let file = repositoryRoot + "/tariffs/\(year).json"
            let text = String(decoding: try FileSystem.readFile(file), as: UTF8.self)
            let book = try TariffBookLoader.load(file: file, expectedYear: year)
            let canonical = TariffBookEncoder.encode(book)
            if updating && canonical != text {
                try write(canonical, to: file)
                continue
            }
            #expect(canonical == text, "tariffs/\(year).json is not canonical; run UPDATE_BUNDLED_TARIFFS=1 swift test --filter BundledBooks")
        }
    }

    @Test("the bundled books are byte-identical to tariffs/")
    func bundledBooksMatchTariffsDirectory() throws {
        var books: [Int: String] = [:]
        for year in try publishedYears() {
            books[year] = String(decoding: try FileSystem.readFile(repositoryRoot + "/tariffs/\(year).json"), as: UTF8.self)
        }
        if updating && books != BundledTariffBooks.books {
            var source = """
            // Generated from tariffs/*.json by the test `bundledBooksMatchTariffsDirectory`
            // (run `UPDATE_BUNDLED_TARIFFS=1 swift test --filter BundledBooks` after changing a book).
            // Do not edit by hand.

            /// The tariff books compiled into the tool, by year, as their JSON text.
            enum BundledTariffBooks {
                static let books: [Int: String] = [

            """
            for year in books.keys.sorted() {
                source += "        \(year): #\"\"\"\n\(books[year]!)\n\"\"\"#,\n"
            }
            source += "    ]\n}\n"
            try write(source, to: repositoryRoot + "/Sources/Catalogue/Loading/BundledTariffBooks.swift")
            return
        }
        #expect(books.keys.sorted() == BundledTariffBooks.books.keys.sorted())
        for (year, text) in books {
            #expect(BundledTariffBooks.books[year] == text, "the bundled \(year) book differs from tariffs/\(year).json")
        }
    }

    private func write(_ text: String, to path: String) throws {
        guard let file = fopen(path, "w") else {
            Issue.record("cannot write \(path)")
            return
        }
        defer { fclose(file) }
        var text = text
        text.withUTF8 { buffer in _ = fwrite(buffer.baseAddress, 1, buffer.count, file) }
    }
}
