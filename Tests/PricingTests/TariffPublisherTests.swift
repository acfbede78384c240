import Support
import Catalogue
import Money
import Pricing
import Testing
import TestSupport

/// Publishing next year's book through the library, on scratch copies of the fixture 2025 book.
@Suite("TariffPublisher")
struct TariffPublisherTests {
    /// A scratch tariff folder holding the fixture 2025 book (with `replacements` applied).
    private func scratch(_ replacements: [(String, String)] = []) -> String {
        let directory = temporaryDirectory(prefix: "catalogue-publish")
        var text = book2025Text
        for (old, new) in replacements { text = text.replacing(old, with: new) }
        writeFile(directory + "/2025.json", text)
        return directory
    }

    private func publish(_ directory: String, wage: Int64, price: Int64 = 210, date: CalendarDate? = nil,
                         replace: Bool = false) throws(PublishError) -> PublishOutcome {
        try TariffPublisher.publish(from: 2025, directory: directory, wage: Percentage(hundredths: wage),
                                    price: Percentage(hundredths: price), date: date, replace: replace)
    }

    private func hash(_ text: String) -> String { "sha256:" + SHA256.hex(Array(text.utf8)) }

    @Test("a first publish writes the book; the same inputs again, on another date, are unchanged and write nothing")
    func unchanged() throws {
        let directory = scratch()
        guard case .written(let publication) = try publish(directory, wage: 375, date: CalendarDate(year: 2026, month: 11, day: 21)) else {
            Issue.record("the first publish did not write")
            return
        }
        #expect(publication.file == directory + "/2026.json")
        #expect(publication.sourceHash == hash(book2025Text))
        #expect(publication.replacedHash == nil)
        #expect(publication.book.year == 2026)
        let written = try #require(readFile(directory + "/2026.json"))
        #expect(written.contains("\"amount\": \"98160.00\""))
        guard case .unchanged(let file, let existingHash) = try publish(directory, wage: 375, date: CalendarDate(year: 2026, month: 11, day: 30)) else {
            Issue.record("the second publish was not unchanged")
            return
        }
        #expect(file == directory + "/2026.json")
        #expect(existingHash == hash(written))
        #expect(readFile(directory + "/2026.json") == written)
    }

    @Test("other percentages for a year that has a book are refused without replace; the book stays")
    func differsWithoutReplace() throws {
        let directory = scratch()
        _ = try publish(directory, wage: 375)
        let old = try #require(readFile(directory + "/2026.json"))
        #expect(throws: PublishError.existsAndDiffers(file: directory + "/2026.json", hash: hash(old),
                                                      holds: "indexed from 2025 with wage 3.75 % and price 2.1 %")) {
            try publish(directory, wage: 350)
        }
        #expect(readFile(directory + "/2026.json") == old)
    }

    @Test("replace writes the new book and records the replaced book's hash in it")
    func replaceRecordsHash() throws {
        let directory = scratch()
        _ = try publish(directory, wage: 375)
        let old = try #require(readFile(directory + "/2026.json"))
        guard case .written(let publication) = try publish(directory, wage: 350, replace: true) else {
            Issue.record("replace did not write")
            return
        }
        #expect(publication.replacedHash == hash(old))
        let new = try #require(readFile(directory + "/2026.json"))
        #expect(new.contains("\"replaces\": \"\(hash(old))\""))
        #expect(new.contains("\"wage\": \"3.5\""))
        // The replaced book again with the same inputs is unchanged: the recorded hash is no difference.
        guard case .unchanged = try publish(directory, wage: 350, replace: true) else {
            Issue.record("the same replace again wrote")
            return
        }
        #expect(readFile(directory + "/2026.json") == new)
    }

    @Test("a book that validate would reject is refused with its problems, and nothing is written")
    func validateBeforeWrite() throws {
        // 9 000 000 is inside the limit of 10 000 000; raised by 50 % it is not.
        let directory = scratch([(#""amount": "95116.00""#, #""amount": "9000000.00""#)])
        do {
            _ = try publish(directory, wage: 5_000, price: 5_000)
            Issue.record("the book was published")
        } catch {
            guard case .input(.invalid(let problems)) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(problems.first?.message == "a tariff is at most 10000000.00 euro, found 13500000.00")
            #expect(problems.last?.message == "not written: 'tariffs validate' would reject the indexed book for the problems above")
        }
        #expect(try FileSystem.contentsOfDirectory(directory) == ["2025.json"])
    }

    @Test("requests that cannot be published: a missing folder or source (cannot read), a percentage out of range")
    func badRequests() throws {
        let directory = scratch()
        #expect(throws: PublishError.input(.cannotRead(file: directory + "/missing", reason: "no such directory; indexing reads and writes the books of a tariff directory (--tariffs)"))) {
            try TariffPublisher.publish(from: 2025, directory: directory + "/missing", wage: Percentage(hundredths: 0), price: Percentage(hundredths: 0))
        }
        #expect(throws: PublishError.input(.cannotRead(file: directory + "/2024.json", reason: "no such file or directory"))) {
            try TariffPublisher.publish(from: 2024, directory: directory, wage: Percentage(hundredths: 0), price: Percentage(hundredths: 0))
        }
        #expect(throws: PublishError.parameters("the wage percentage -100 is outside the accepted range above -100 and up to 100")) {
            try publish(directory, wage: -10_000)
        }
        #expect(try FileSystem.contentsOfDirectory(directory) == ["2025.json"])
    }
}
