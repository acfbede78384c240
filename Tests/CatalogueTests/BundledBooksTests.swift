#if canImport(Glibc)
import Glibc
#endif
@testable import Catalogue
import Testing
import TestSupport
import Support

/// The books finance publishes in `tariffs/`, whichever years they are: each is in canonical
/// form, and the copy the build compiles into the tool (the EmbedTariffBooks plugin) is
/// byte-identical to the files. These are the only tests that read `tariffs/`; the others use
/// the fixtures. `CANONICALIZE_TARIFFS=1 swift test --filter BundledBooks` rewrites a book that
/// was edited by hand into canonical form.
@Suite("Bundled and canonical books")
struct BundledBooksTests {
    private var updating: Bool { getenv("CANONICALIZE_TARIFFS") != nil }

    private func publishedYears() throws -> [Int] {
        try FileSystem.contentsOfDirectory(repositoryRoot + "/tariffs").compactMap { name in
            name.hasSuffix(".json") && name.count == 9 ? Int(name.dropLast(5)) : nil
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
            #expect(canonical == text, "tariffs/\(year).json is not canonical; run CANONICALIZE_TARIFFS=1 swift test --filter BundledBooks")
        }
    }

    @Test("the bundled books are byte-identical to tariffs/")
    func bundledBooksMatchTariffsDirectory() throws {
        let years = try publishedYears()
        #expect(years == BundledTariffBooks.books.keys.sorted())
        for year in years {
            let file = try FileSystem.readFile(repositoryRoot + "/tariffs/\(year).json")
            let bundled = BundledTariffBooks.books[year].map { Array($0.utf8) }
            #expect(bundled == file, "the bundled \(year) book differs from tariffs/\(year).json; swift build embeds tariffs/ again")
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
