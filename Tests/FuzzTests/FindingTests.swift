@testable import catalogue_cli
import Catalogue
import JSON
import Pricing
import Testing
import TestSupport
import Support

/// The Midden-Drenthe seed profile, which every reproducer prices against.
let findingProfile: [UInt8] = SeedCorpus.shared.offerPairs.first { $0.profile.name.hasSuffix("midden-drenthe.json") }!.profile.bytes

/// A one-year 2025 offer for Midden-Drenthe with the given lines (the JSON text of the array's elements).
func findingOffer(_ lines: String) -> [UInt8] {
    Array("""
        {"municipality": "midden-drenthe", "firstYear": 2025, "years": 1, "lines": [\(lines)]}
        """.utf8)
}

/// Loads the Midden-Drenthe profile and an offer with the 2025 book; the diagnostics of a rejection, or [] when it validates.
func findingDiagnostics(offer: [UInt8]) -> [Diagnostic] {
    do {
        _ = try PricingRequestLoader.load(profileBytes: findingProfile, profileFile: FuzzFileName.profile,
                                          offerBytes: offer, offerFile: FuzzFileName.offer, books: relabelledBooks)
        return []
    } catch {
        guard case .invalid(let diagnostics) = error else { return [Diagnostic(file: "?", path: .root, message: error.description)] }
        return diagnostics
    }
}

/// Minimal reproducers of what the fuzz test found, kept as tests now that the engine is fixed; the fuzz
/// test avoids the input (or counts it as a known weakness) so that it keeps passing in the meantime.
@Suite("Findings of the fuzz test: minimal reproducers")
struct FindingTests {
    @Test
    func longUnknownFieldNameIsRefusedAtItsPath() {
        let name = String(repeating: "k", count: 100_000)
        let diagnostics = findingDiagnostics(offer: findingOffer(#"{"service": "ido", "\#(name)": true}"#))
        #expect(diagnostics.map(\.path.description) == [#"lines[0].\#(name)"#])
    }

    @Test
    func longUnknownServiceCodeIsRefusedWithAShortMessage() {
        let code = String(repeating: "a", count: 100_000)
        let diagnostics = findingDiagnostics(offer: findingOffer(#"{"service": "\#(code)"}"#))
        #expect(diagnostics.map(\.path.description) == ["lines[0].service"])
        #expect(diagnostics.allSatisfy { $0.message.utf8.count < 1_000 }, "a message of \(diagnostics.first?.message.utf8.count ?? 0) bytes")
    }

    @Test
    func oneElementQuotesArrayIsReportedAtItsOwnPath() {
        // taalhuis has two custom-quote components, so a quote without "component" is refused.
        let diagnostics = findingDiagnostics(offer: findingOffer("""
            {"service": "taalhuis", "quotes": [{"amount": "100.00", "recurrence": "annual", "description": "Inrichting"}]}
            """))
        #expect(diagnostics.map(\.path.description) == ["lines[0].quotes[0]"])
        let unknownComponent = findingDiagnostics(offer: findingOffer("""
            {"service": "taalhuis", "quotes": [{"component": "onbekend", "amount": "100.00", "recurrence": "annual", "description": "Inrichting"}]}
            """))
        #expect(unknownComponent.map(\.path.description) == ["lines[0].quotes[0].component"])
    }

    @Test
    func messagesDoNotCopyControlCharacters() {
        let offers = [
            findingOffer(#"{"service": "line\nbreak"}"#),
            findingOffer(#"{"service": "ido", "\u0000": 1}"#),
            findingOffer(#"{"service": "\u001b[31mido"}"#),
        ]
        for offer in offers {
            let diagnostics = findingDiagnostics(offer: offer)
            #expect(!diagnostics.isEmpty)
            for diagnostic in diagnostics {
                #expect(!diagnostic.message.unicodeScalars.contains(where: isControlCharacter), "\(excerpt(diagnostic.message))")
            }
        }
        // On the command line the first offer's message is split over two lines, the second not indented.
        let directory = temporaryDirectory()
        defer { removeDirectory(directory) }
        writeBytes(directory + "/profile.json", findingProfile)
        writeBytes(directory + "/offer.json", offers[0])
        let tariffsDirectory = makeTariffsDirectory()
        defer { removeDirectory(tariffsDirectory) }
        let result = runCommandLine(["price", "--profile", directory + "/profile.json", "--offer", directory + "/offer.json",
                                     "--format", "json", "--tariffs", tariffsDirectory], tariffsDirectory: tariffsDirectory)
        #expect(result.exitCode == .dataError)
        let lines = result.standardError.split(separator: "\n").dropFirst()
        #expect(lines.allSatisfy { $0.hasPrefix("  ") }, "\(excerpt(result.standardError))")
    }

    @Test
    func largestTariffIsRefusedBeforePricing() throws {
        // 999999999999.99 is a valid amount on its own; as a tariff it is refused when the book loads,
        // before any offer is priced with it.
        let text = String(decoding: SeedCorpus.shared.book.bytes, as: UTF8.self)
            .replacing(#""amount": "11.19""#, with: #""amount": "999999999999.99""#)
        #expect(throws: InputError.invalid([Diagnostic(file: FuzzFileName.book, path: JSONPath.root.appending("services").appending(index: 0)
                                                        .appending("components").appending(index: 1).appending("amount"),
                                                       message: "a tariff is at most 10000000.00 euro, found 999999999999.99")])) {
            try TariffBookLoader.load(bytes: Array(text.utf8), file: FuzzFileName.book, expectedYear: 2025)
        }
    }

    /// Found as a PricingError.overflow after validation; fixed since by a limit on quote amounts, and kept as a regression test.
    @Test("an offer with a custom quote of 999999999999.99 is refused, or priced, but never fails after validation")
    func largestQuoteIsRefusedBeforePricing() {
        // Each amount is valid on its own; the year's total of the two lines is not.
        let offer = findingOffer("""
            {"service": "robuuste-bibliotheek"},
            {"service": "gezinsaanpak", "quote": {"amount": "999999999999.99", "recurrence": "annual", "description": "Plan"}}
            """)
        do {
            let request = try PricingRequestLoader.load(profileBytes: findingProfile, profileFile: FuzzFileName.profile,
                                                        offerBytes: offer, offerFile: FuzzFileName.offer, books: relabelledBooks)
            // Validation passed, so pricing must not fail.
            #expect(throws: Never.self) { try PricingEngine.price(request.offer, books: request.books) }
        } catch {
            // Refusing the offer as bad input with a path is fine too.
            guard case .invalid(let diagnostics) = error else {
                Issue.record("expected InputError.invalid, found \(error)")
                return
            }
            #expect(!diagnostics.isEmpty)
        }
    }

    /// The 2025 book with the formula of leesklik/implementatie (`16 * uurtarief-mbo`) replaced.
    static func bookWithFormula(_ formula: String) -> [UInt8] {
        let text = String(decoding: SeedCorpus.shared.book.bytes, as: UTF8.self)
            .replacing(#""formula": "16 * uurtarief-mbo""#, with: #""formula": "\#(formula)""#)
        return Array(text.utf8)
    }

    /// Loads a book and returns the paths of its diagnostics, or [] when it loads.
    static func bookDiagnosticPaths(_ bytes: [UInt8]) -> [String] {
        do {
            _ = try TariffBookLoader.load(bytes: bytes, file: FuzzFileName.book, expectedYear: 2025)
            return []
        } catch {
            guard case .invalid(let diagnostics) = error else { return ["not invalid: \(error)"] }
            return diagnostics.map(\.path.description)
        }
    }

    @Test
    func deeplyNestedFormulaIsRefused() {
        // 6 001 characters; `catalogue-cli tariffs validate` on such a book dies with signal 11 in FormulaParser.parseFactor.
        let formula = String(repeating: "(", count: 3_000) + "1" + String(repeating: ")", count: 3_000)
        #expect(Self.bookDiagnosticPaths(Self.bookWithFormula(formula)) == ["services[12].components[0].formula"])
    }

    @Test
    func longFormulaIsRefusedOrEvaluated() {
        // 12 013 characters; the parser builds a 3 000-deep tree and FormulaExpression.evaluate recurses through it.
        let formula = String(repeating: "1 + ", count: 3_000) + "uurtarief-mbo"
        let paths = Self.bookDiagnosticPaths(Self.bookWithFormula(formula))
        #expect(paths.isEmpty || paths == ["services[12].components[0].formula"])
    }

    @Test
    func farFutureOfferIsRefusedAsBeyondTheProjections() {
        let directory = temporaryDirectory()
        defer { removeDirectory(directory) }
        let tariffsDirectory = makeTariffsDirectory()
        defer { removeDirectory(tariffsDirectory) }
        writeBytes(directory + "/profile.json", findingProfile)
        writeBytes(directory + "/offer.json", Array("""
            {"municipality": "midden-drenthe", "firstYear": 2999, "years": 1, "lines": [{"service": "robuuste-bibliotheek"}]}
            """.utf8))
        let result = runCommandLine(["price", "--profile", directory + "/profile.json", "--offer", directory + "/offer.json",
                                    "--format", "json", "--tariffs", tariffsDirectory], tariffsDirectory: tariffsDirectory)
        // 2999 is beyond how far projections reach: a year without a book (exit 66), said at once.
        #expect(result.exitCode == .cannotReadInput)
        #expect(result.standardError.contains("projections reach at most 20 years past the last published book (2025)"))
    }
}
