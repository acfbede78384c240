@testable import catalogue_cli
import JSON
import Pricing
import TestSupport

/// The tariff directory the command line prices with: the 2025 book, and assumptions so later years are projected, not refused.
func makeTariffsDirectory() -> String {
    let directory = temporaryDirectory()
    writeBytes(directory + "/2025.json", SeedCorpus.shared.book.bytes)
    writeBytes(directory + "/assumptions.json", Array("""
        {"default": {"wage": "3.75", "price": "2.10"}, "note": "Aannames voor de fuzztest"}

        """.utf8))
    return directory
}

/// Runs the tool in-process, as a user would from a shell, with `tariffsDirectory` as its default books.
func runCommandLine(_ arguments: [String], tariffsDirectory: String) -> CommandResult {
    CLI.run(arguments: arguments, environment: CLIEnvironment(defaultTariffsDirectory: tariffsDirectory))
}

/// Runs a case through the command line: `price` for a broken profile or offer, `tariffs validate` for a broken book.
/// The files go to `workDirectory`, which belongs to one worker.
func runCommandLineCase(_ fuzzCase: FuzzCase, workDirectory: String, tariffsDirectory: String) -> CaseReport {
    var problems: [String] = []
    let arguments: [String]
    var offerYears: ClosedRange<Int>?
    switch fuzzCase.kind {
    case .profile, .offer:
        let profilePath = workDirectory + "/" + FuzzFileName.profile
        let offerPath = workDirectory + "/" + FuzzFileName.offer
        writeBytes(profilePath, fuzzCase.profileBytes)
        writeBytes(offerPath, fuzzCase.offerBytes)
        arguments = ["price", "--profile", profilePath, "--offer", offerPath, "--format", "json", "--tariffs", tariffsDirectory]
        offerYears = parsedTree(fuzzCase.offerBytes).flatMap(OfferLoader.years)
    case .book:
        let bookPath = workDirectory + "/book.json"
        writeBytes(bookPath, fuzzCase.input.bytes)
        arguments = ["tariffs", "validate", bookPath]
    }
    let clock = ContinuousClock()
    let start = clock.now
    let result = runCommandLine(arguments, tariffsDirectory: tariffsDirectory)
    let elapsed = clock.now - start
    let limit = slowStepLimit(forBytes: fuzzCase.input.bytes.count)
    // A slow run is noted, never a failure (see `slowStepLimit`).
    let slow = elapsed > limit ? "the command line took \(elapsed.secondsText) (more than \(limit.secondsText))" : nil
    // Only a year before the first book may be refused as unreadable: there is no book to read for it.
    let yearBeforeFirstBook = offerYears.map { $0.lowerBound < 2025 } ?? false
    problems += commandLineProblems(result, expectsJSON: fuzzCase.kind != .book, allowsMissingBook: yearBeforeFirstBook)
    // For a one-year 2025 offer the command line and the library see the same book, so they must agree.
    if fuzzCase.kind != .book, offerYears == 2025...2025, problems.isEmpty {
        let library = runLibraryCase(fuzzCase)
        if library.accepted != (result.exitCode == .success) {
            problems.append("the library \(library.accepted ? "accepted" : "rejected") the case, the command line exited with \(result.exitCode.rawValue)")
        }
    }
    var report = CaseReport(accepted: result.exitCode == .success, problems: problems)
    report.observations[.slowStep] = slow
    // A control character copied from the input into a message garbles the one-problem-per-line listing.
    let errorLines = result.standardError.split(separator: "\n")
    if result.standardError.unicodeScalars.contains(where: { isControlCharacter($0) && $0 != "\n" })
        || errorLines.dropFirst().contains(where: { !$0.hasPrefix("  ") && !$0.hasPrefix("Usage") && !$0.hasPrefix("See ") }) {
        report.observations[.controlCharacterInMessage] = excerpt(result.standardError)
    }
    return report
}

/// What is wrong with a command's result: it must succeed, or exit 65 with nothing on standard output and an
/// `Error: ` message that lists each problem on a line `  <path>: <message>`.
func commandLineProblems(_ result: CommandResult, expectsJSON: Bool, allowsMissingBook: Bool) -> [String] {
    let errorLines = result.standardError.split(separator: "\n", omittingEmptySubsequences: false)
    let firstLines = errorLines.prefix(4).map { excerpt(String($0)) }.joined(separator: " / ")
    switch result.exitCode {
    case .success:
        var problems: [String] = []
        if !result.standardError.isEmpty { problems.append("exit 0 with standard error: \(firstLines)") }
        if expectsJSON, parsedTree(Array(result.standardOutput.utf8)) == nil {
            problems.append("exit 0, but standard output is not JSON: \(excerpt(result.standardOutput))")
        }
        return problems
    case .dataError:
        var problems: [String] = []
        if !result.standardOutput.isEmpty { problems.append("exit 65 with standard output: \(excerpt(result.standardOutput))") }
        if !result.standardError.hasPrefix("Error: ") { problems.append("exit 65 without 'Error: ' first: \(firstLines)") }
        if !errorLines.dropFirst().contains(where: isProblemLine) {
            problems.append("exit 65 without a line '  <path>: <message>': \(firstLines)")
        }
        return problems
    case .cannotReadInput where allowsMissingBook && result.standardError.contains("no tariff book for"):
        return []
    default:
        return ["exit \(result.exitCode.rawValue) (expected 0 or 65): \(firstLines)"]
    }
}

/// Whether a line of standard error is one problem: two spaces, a path (perhaps after the file), `: ` and a message.
func isProblemLine(_ line: Substring) -> Bool {
    guard line.hasPrefix("  "), let first = line.dropFirst(2).first, first != " " else { return false }
    guard let separator = line.firstRange(of: ": ") else { return false }
    return separator.lowerBound > line.index(line.startIndex, offsetBy: 2) && !line[separator.upperBound...].isEmpty
}
