import Catalogue
import JSON
import Pricing
import Support

/// The kind of file a case breaks.
enum InputKind: String, CaseIterable, Sendable {
    case profile
    case offer
    case book = "tariff book"
}

/// The file names the cases use in messages, so a diagnostic can be matched to its file.
enum FuzzFileName {
    /// The name of every profile in messages.
    static let profile = "profile.json"
    /// The name of every offer in messages.
    static let offer = "offer.json"
    /// The name of every tariff book in messages.
    static let book = "tariffs/2025.json"
}

/// One fuzz case: which file is broken, how, and the valid files it is priced with.
struct FuzzCase: Sendable {
    /// The case's number in the run; with the seed it reproduces the case.
    var index: Int
    /// The kind of file broken.
    var kind: InputKind
    /// How it is broken.
    var mutation: Mutation
    /// The profile and offer; one of them is the broken one unless a book is broken.
    var pair: SeedPair
    /// The broken file.
    var input: MutatedInput

    /// The name of the seed that was broken.
    var seedName: String {
        switch kind {
        case .profile: pair.profile.name
        case .offer: pair.offer.name
        case .book: FuzzFileName.book
        }
    }

    /// The case of an index: kind and mutation by turns, so every combination comes up evenly; the rest from the generator.
    static func make(index: Int, seed: UInt64, corpus: SeedCorpus = .shared) -> FuzzCase {
        var random = SplitMix64.forCase(seed: seed, index: index)
        let kinds = InputKind.allCases
        let mutations = Mutation.rotation
        let kind = kinds[index % kinds.count]
        let mutation = mutations[(index / kinds.count) % mutations.count]
        let pairs = kind == .profile ? corpus.profilePairs : corpus.offerPairs
        let pair = pairs.randomElement(using: &random)!
        var mutator = Mutator(random: random)
        let target: SeedFile
        switch kind {
        case .profile: target = pair.profile
        case .offer: target = pair.offer
        case .book: target = corpus.book
        }
        return FuzzCase(index: index, kind: kind, mutation: mutation, pair: pair, input: mutator.mutate(target, with: mutation))
    }

    /// The profile's bytes as priced: broken in a profile case, the seed otherwise.
    var profileBytes: [UInt8] { kind == .profile ? input.bytes : pair.profile.bytes }
    /// The offer's bytes as priced: broken in an offer case, the seed otherwise.
    var offerBytes: [UInt8] { kind == .offer ? input.bytes : pair.offer.bytes }
}

/// Something wrong with how the engine handled a case.
struct Finding: Sendable, CustomStringConvertible {
    /// The case's number.
    var caseIndex: Int
    /// The kind of file broken.
    var kind: InputKind
    /// How it was broken.
    var mutation: Mutation
    /// The seed file broken.
    var seedName: String
    /// The change made.
    var change: String
    /// What went wrong.
    var problem: String

    /// The case, its change and the problem in one line, for an issue.
    var description: String {
        "case \(caseIndex) (\(kind.rawValue), \(mutation.rawValue), from \(seedName): \(change)): \(problem)"
    }
}

/// A known weakness, counted in the summary rather than failing the run; each has a disabled reproducer in `FindingTests`.
enum Observation: String, CaseIterable, Sendable {
    case controlCharacterInMessage = "a message contains a raw control character (line break, tab, ESC, NUL, DEL) copied from the input"
    case longMessage = "a message is longer than 2 000 characters because it copies a long value from the input"
    case overflowAfterValidation = "a book or offer that validates, with an amount of 100 000 000 euro or more, makes pricing throw PricingError.overflow"
    case slowStep = "a step took longer than `slowStepLimit` (noted, never a failure: the machine may be loaded; speed is measured in catalogue-bench)"
    case singularQuotePath = "a problem in a one-element \"quotes\" array is reported at the path \"quote\", which the file does not have"
}

/// What one case came to: accepted or rejected, and any findings.
struct CaseReport: Sendable {
    /// Whether the inputs were accepted and priced (false: refused as bad input).
    var accepted: Bool
    /// What went wrong in handling the case.
    var problems: [String] = []
    /// Known weaknesses seen, with an example of each.
    var observations: [Observation: String] = [:]
}

/// A step slower than this is counted and printed as an observation, never a failure: timings on a shared,
/// loaded machine say nothing about the code (speed is measured in catalogue-bench), a hang is caught by
/// the suite never finishing, and every input is bounded in size. A second, and a tenth of a second more
/// for each megabyte of input.
func slowStepLimit(forBytes count: Int) -> Duration {
    .seconds(1) + .milliseconds(count / 10_000)
}

/// Runs one step and returns its value or its error; a step slower than `limit` is noted as an observation.
func timedStep<Value>(_ name: String, limit: Duration, observations: inout [Observation: String],
                      _ body: () throws(InputError) -> Value) -> Result<Value, InputError> {
    let clock = ContinuousClock()
    let start = clock.now
    let result: Result<Value, InputError>
    do {
        result = .success(try body())
    } catch {
        result = .failure(error)
    }
    let elapsed = clock.now - start
    if elapsed > limit {
        observations[.slowStep] = "\(name) took \(elapsed.secondsText) (more than \(limit.secondsText))"
    }
    return result
}

extension Duration {
    /// Seconds with three decimals, for reports.
    var secondsText: String {
        let milliseconds = components.seconds * 1_000 + components.attoseconds / 1_000_000_000_000_000
        return "\(milliseconds / 1_000).\(String(repeating: "0", count: 3 - String(milliseconds % 1_000).count))\(milliseconds % 1_000) s"
    }
}

/// The files of a case by name, parsed only when a diagnostic's path has to be checked against one,
/// because most cases are refused before their files would need a second parse.
final class CaseDocuments {
    /// The files not parsed yet, by name.
    private var sources: [String: [UInt8]] = [:]
    /// The files parsed so far, by name; nil for a file that is not JSON.
    private var trees: [String: JSONValue?] = [:]

    /// Adds a file by its bytes, to be parsed when needed.
    func add(_ name: String, bytes: [UInt8]) {
        sources[name] = bytes
    }

    /// Adds a file whose tree is known already.
    func add(_ name: String, tree: JSONValue) {
        trees[name] = .some(tree)
    }

    /// The tree of a file, or nil when the case has no such file or it is not JSON (a syntax error's path cannot be checked).
    func tree(_ name: String) -> JSONValue? {
        if let known = trees[name] { return known }
        guard let bytes = sources[name] else { return nil }
        let tree = parsedTree(bytes)
        trees[name] = .some(tree)
        return tree
    }
}

/// What is wrong with a rejection, as findings and as known weaknesses. A rejection must be `invalid`, with
/// diagnostics that each name a file and a path that exists in it, and say what is wrong.
func judgeRejection(_ error: InputError, step: String, documents: CaseDocuments,
                    booksClosureCouldNotRead: Bool) -> (problems: [String], observations: [Observation: String]) {
    switch error {
    case .invalid(let diagnostics):
        guard !diagnostics.isEmpty else { return (["\(step): rejected with no diagnostics at all"], [:]) }
        var problems: [String] = []
        var observations: [Observation: String] = [:]
        for diagnostic in diagnostics {
            let place = "\(diagnostic.file): \(diagnostic.path)"
            if diagnostic.message.isEmpty { problems.append("\(step): a diagnostic without a message at \(place)") }
            if diagnostic.file.isEmpty { problems.append("\(step): a diagnostic without a file: \(diagnostic.path): \(diagnostic.message)") }
            if let tree = documents.tree(diagnostic.file), !pathExists(diagnostic.path, in: tree) {
                if isSingularQuotePath(diagnostic.path, in: tree) {
                    observations[.singularQuotePath] = "\(place): \(excerpt(diagnostic.message))"
                } else {
                    problems.append("\(step): the path \(diagnostic.path) is not in \(diagnostic.file): \(excerpt(diagnostic.message))")
                }
            }
            if diagnostic.message.unicodeScalars.contains(where: isControlCharacter) {
                observations[.controlCharacterInMessage] = "\(place): \(excerpt(diagnostic.message))"
            }
            if diagnostic.message.utf8.count > 2_000 {
                observations[.longMessage] = "\(place): a message of \(diagnostic.message.utf8.count) bytes: \(excerpt(diagnostic.message))"
            }
        }
        return (problems, observations)
    case .cannotRead(let file, let reason):
        if booksClosureCouldNotRead { return ([], [:]) }
        return (["\(step): cannotRead that did not come from the books closure: \(file): \(reason)"], [:])
    case .missingAssumption(let year, let message):
        return (["\(step): missingAssumption for \(year), which the books closure never asks for: \(message)"], [:])
    }
}

/// Whether a path names `quote` where the file has a one-element `quotes` array: the known finding
/// `FindingTests.oneElementQuotesArrayIsReportedAtItsOwnPath`.
func isSingularQuotePath(_ path: JSONPath, in tree: JSONValue) -> Bool {
    guard let position = path.components.firstIndex(of: .key("quote")) else { return false }
    var corrected = path.components
    corrected.replaceSubrange(position...position, with: [.key("quotes"), .index(0)])
    return pathExists(JSONPath(corrected), in: tree)
}

/// Whether a file holds an amount of at least 100 000 000 euro: valid on its own, but able to overflow a line or a total.
func containsLargeAmount(_ bytes: [UInt8]) -> Bool {
    guard let tree = parsedTree(bytes) else { return false }
    return treeNodes(tree).contains { node in
        guard let text = node.value.stringValue, isAmountText(text) else { return false }
        return text.utf8.filter { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count >= 11
    }
}

/// Whether a path leads to a value of the tree (the root path always does).
func pathExists(_ path: JSONPath, in tree: JSONValue) -> Bool {
    var value = tree
    for component in path.components {
        switch (component, value) {
        case (.key(let key), .object(let object)):
            guard let child = object[key] else { return false }
            value = child
        case (.index(let index), .array(let elements)):
            guard elements.indices.contains(index) else { return false }
            value = elements[index]
        default:
            return false
        }
    }
    return true
}

/// Whether a scalar is a C0 or C1 control character (a line break, an escape, NUL), which must not reach a terminal raw.
func isControlCharacter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
}

/// A number in upper-case hexadecimal with at least four digits, as code points are written.
func hexadecimal(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

/// The first 200 characters of a message, with control characters made visible, for reports.
func excerpt(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars.prefix(200) {
        result += isControlCharacter(scalar) ? "\\u{\(hexadecimal(scalar.value))}" : String(scalar)
    }
    return text.unicodeScalars.count > 200 ? result + "… (\(text.utf8.count) bytes)" : result
}

/// The parsed tree of bytes, or nil when they are not JSON.
func parsedTree(_ bytes: [UInt8]) -> JSONValue? {
    try? JSONParser.parse(bytes)
}

extension CaseReport {
    /// Judges a rejection: its problems become findings, its known weaknesses observations.
    mutating func judge(_ error: InputError, step: String, documents: CaseDocuments, booksClosureCouldNotRead: Bool) {
        let judged = judgeRejection(error, step: step, documents: documents, booksClosureCouldNotRead: booksClosureCouldNotRead)
        problems += judged.problems
        observations.merge(judged.observations) { first, _ in first }
    }
}

/// Runs a case through the library: loading the broken file and pricing with it, judging every outcome.
func runLibraryCase(_ fuzzCase: FuzzCase) -> CaseReport {
    var report = CaseReport(accepted: false)
    let documents = CaseDocuments()
    let limit = slowStepLimit(forBytes: fuzzCase.input.bytes.count)
    switch fuzzCase.kind {
    case .profile:
        documents.add(FuzzFileName.profile, bytes: fuzzCase.input.bytes)
        let loaded = timedStep("ProfileLoader.load", limit: limit, observations: &report.observations) { () throws(InputError) -> MunicipalityProfile in
            try ProfileLoader.load(bytes: fuzzCase.input.bytes, file: FuzzFileName.profile)
        }
        if case .failure(let error) = loaded {
            report.judge(error, step: "ProfileLoader.load", documents: documents, booksClosureCouldNotRead: false)
        }
        documents.add(FuzzFileName.offer, tree: fuzzCase.pair.offer.tree)
        report.accepted = priceCase(fuzzCase, documents: documents, limit: limit, report: &report, books: relabelledBooks)
    case .offer:
        documents.add(FuzzFileName.profile, tree: fuzzCase.pair.profile.tree)
        documents.add(FuzzFileName.offer, bytes: fuzzCase.input.bytes)
        report.accepted = priceCase(fuzzCase, documents: documents, limit: limit, report: &report, books: relabelledBooks)
    case .book:
        documents.add(FuzzFileName.book, bytes: fuzzCase.input.bytes)
        let loaded = timedStep("TariffBookLoader.load", limit: limit, observations: &report.observations) { () throws(InputError) -> TariffBook in
            try TariffBookLoader.load(bytes: fuzzCase.input.bytes, file: FuzzFileName.book, expectedYear: 2025)
        }
        switch loaded {
        case .failure(let error):
            report.judge(error, step: "TariffBookLoader.load", documents: documents, booksClosureCouldNotRead: false)
        case .success(let book):
            documents.add(FuzzFileName.profile, tree: fuzzCase.pair.profile.tree)
            documents.add(FuzzFileName.offer, tree: fuzzCase.pair.offer.tree)
            // The broken book prices its own year; any other year is a year this closure has no book for.
            report.accepted = priceCase(fuzzCase, documents: documents, limit: limit, report: &report) {
                (years: ClosedRange<Int>) throws(InputError) -> PricingBooks in
                var byYear: [Int: YearBook] = [:]
                for year in years {
                    guard year == 2025 else { throw .cannotRead(file: "tariffs/\(year).json", reason: "no tariff book for \(year)") }
                    byYear[year] = YearBook(book: book, status: .published, file: FuzzFileName.book)
                }
                return PricingBooks(byYear: byYear)
            }
        }
    }
    return report
}

/// Loads and validates the case's profile and offer with `books`, then prices them; true when priced.
func priceCase(_ fuzzCase: FuzzCase, documents: CaseDocuments, limit: Duration, report: inout CaseReport,
               books: (ClosedRange<Int>) throws(InputError) -> PricingBooks) -> Bool {
    var booksClosureCouldNotRead = false
    let loaded = timedStep("PricingRequestLoader.load", limit: limit, observations: &report.observations) { () throws(InputError) -> PricingRequest in
        try PricingRequestLoader.load(
            profileBytes: fuzzCase.profileBytes, profileFile: FuzzFileName.profile,
            offerBytes: fuzzCase.offerBytes, offerFile: FuzzFileName.offer
        ) { (years: ClosedRange<Int>) throws(InputError) -> PricingBooks in
            do throws(InputError) {
                return try books(years)
            } catch {
                if case .cannotRead = error { booksClosureCouldNotRead = true }
                throw error
            }
        }
    }
    switch loaded {
    case .failure(let error):
        report.judge(error, step: "PricingRequestLoader.load", documents: documents, booksClosureCouldNotRead: booksClosureCouldNotRead)
        return false
    case .success(let request):
        let clock = ContinuousClock()
        let start = clock.now
        do throws(PricingError) {
            _ = try PricingEngine.price(request.offer, books: request.books)
        } catch {
            let text = "PricingEngine.price threw \(error) after the request validated (\(error.description))"
            if case .overflow = error, fuzzCase.kind != .profile, containsLargeAmount(fuzzCase.input.bytes) {
                report.observations[.overflowAfterValidation] = text
            } else {
                report.problems.append(text)
            }
            return false
        }
        let elapsed = clock.now - start
        if elapsed > limit {
            report.observations[.slowStep] = "PricingEngine.price took \(elapsed.secondsText) (more than \(limit.secondsText))"
        }
        return true
    }
}

/// The counts of one kind and mutation, and the findings.
struct FuzzTally: Sendable {
    /// Cases, accepted and rejected, by kind and mutation.
    var counts: [String: (cases: Int, accepted: Int, rejected: Int)] = [:]
    /// The time spent on the cases, by kind and mutation, to see where a run's time goes.
    var durations: [String: Duration] = [:]
    /// Everything that went wrong.
    var findings: [Finding] = []
    /// How often each known weakness was seen, and its example from the case with the lowest number, so reruns print the same.
    var observations: [Observation: (count: Int, exampleCase: Int, example: String)] = [:]

    /// Adds the report of a case.
    mutating func add(_ report: CaseReport, for fuzzCase: FuzzCase, duration: Duration = .zero) {
        let key = "\(fuzzCase.kind.rawValue)\t\(fuzzCase.mutation.rawValue)"
        durations[key, default: .zero] += duration
        var entry = counts[key] ?? (0, 0, 0)
        entry.cases += 1
        if report.accepted { entry.accepted += 1 } else { entry.rejected += 1 }
        counts[key] = entry
        for (observation, example) in report.observations {
            let described = "case \(fuzzCase.index) (\(fuzzCase.kind.rawValue), \(fuzzCase.input.description)): \(example)"
            add(observation, (count: 1, exampleCase: fuzzCase.index, example: described))
        }
        for problem in report.problems {
            findings.append(Finding(caseIndex: fuzzCase.index, kind: fuzzCase.kind, mutation: fuzzCase.mutation,
                                    seedName: fuzzCase.seedName, change: fuzzCase.input.description, problem: problem))
        }
    }

    /// Adds sightings of a known weakness, keeping the example of the lowest case.
    private mutating func add(_ observation: Observation, _ entry: (count: Int, exampleCase: Int, example: String)) {
        guard let mine = observations[observation] else {
            observations[observation] = entry
            return
        }
        let example = mine.exampleCase <= entry.exampleCase ? (mine.exampleCase, mine.example) : (entry.exampleCase, entry.example)
        observations[observation] = (mine.count + entry.count, example.0, example.1)
    }

    /// Adds another worker's tally.
    mutating func merge(_ other: FuzzTally) {
        for (key, entry) in other.counts {
            var mine = counts[key] ?? (0, 0, 0)
            mine.cases += entry.cases
            mine.accepted += entry.accepted
            mine.rejected += entry.rejected
            counts[key] = mine
        }
        for (key, duration) in other.durations { durations[key, default: .zero] += duration }
        findings += other.findings
        for (observation, entry) in other.observations {
            add(observation, entry)
        }
    }

    /// All cases, accepted and rejected.
    var totals: (cases: Int, accepted: Int, rejected: Int) {
        counts.values.reduce((0, 0, 0)) { ($0.0 + $1.cases, $0.1 + $1.accepted, $0.2 + $1.rejected) }
    }

    /// A table of the counts by kind and mutation, then by kind, then in total.
    func summary(title: String, elapsed: Duration) -> String {
        var lines = ["\(title): \(totals.cases) cases, \(totals.rejected) rejected, \(totals.accepted) succeeded, \(findings.count) findings, in \(elapsed.secondsText)"]
        for kind in InputKind.allCases {
            let rows = counts.filter { $0.key.hasPrefix(kind.rawValue + "\t") }
            guard !rows.isEmpty else { continue }
            let sum = rows.values.reduce((0, 0, 0)) { ($0.0 + $1.cases, $0.1 + $1.accepted, $0.2 + $1.rejected) }
            let kindDuration = durations.filter { $0.key.hasPrefix(kind.rawValue + "\t") }.values.reduce(Duration.zero, +)
            lines.append("  \(kind.rawValue): \(sum.0) cases, \(sum.2) rejected, \(sum.1) succeeded (\(kindDuration.secondsText) of work)")
            for mutation in Mutation.allCases {
                let key = "\(kind.rawValue)\t\(mutation.rawValue)"
                guard let entry = rows[key] else { continue }
                lines.append("    \(mutation.rawValue): \(entry.cases) cases, \(entry.rejected) rejected, \(entry.accepted) succeeded (\((durations[key] ?? .zero).secondsText))")
            }
        }
        for observation in Observation.allCases {
            guard let entry = observations[observation] else { continue }
            lines.append("  known weakness, \(entry.count) case\(entry.count == 1 ? "" : "s"): \(observation.rawValue); e.g. \(entry.example)")
        }
        return lines.joined(separator: "\n")
    }
}
