@testable import catalogue_cli
import Catalogue
import JSON
import Pricing
import Testing
import TestSupport

/// Runs cases on every processor, each worker taking every n-th case, and adds up what they found.
/// Each case has its own generator, so the outcome does not depend on the number of workers.
func runCases(_ indices: [Int], seed: UInt64, traces: Bool, setUpWorker: @escaping @Sendable (Int) -> String = { _ in "" },
              _ run: @escaping @Sendable (FuzzCase, String) -> CaseReport) async -> FuzzTally {
    let workers = max(1, min(processorCount(), indices.count))
    return await withTaskGroup(of: FuzzTally.self) { group in
        for worker in 0..<workers {
            group.addTask {
                let workDirectory = setUpWorker(worker)
                var tally = FuzzTally()
                for position in stride(from: worker, to: indices.count, by: workers) {
                    let fuzzCase = FuzzCase.make(index: indices[position], seed: seed)
                    if traces {
                        traceLine("fuzz case \(fuzzCase.index): \(fuzzCase.kind.rawValue), \(fuzzCase.mutation.rawValue), from \(fuzzCase.seedName): \(fuzzCase.input.description)")
                    }
                    let clock = ContinuousClock()
                    let start = clock.now
                    let report = run(fuzzCase, workDirectory)
                    tally.add(report, for: fuzzCase, duration: clock.now - start)
                }
                return tally
            }
        }
        var total = FuzzTally()
        for await tally in group { total.merge(tally) }
        return total
    }
}

/// Records every finding as an issue (the first 30 in full), so the run fails and names the cases to reproduce.
func recordFindings(_ findings: [Finding], seed: UInt64) {
    let sorted = findings.sorted { $0.caseIndex < $1.caseIndex }
    for finding in sorted.prefix(30) {
        Issue.record("\(finding) — reproduce with FUZZ_SEED=\(seed) FUZZ_CASE=\(finding.caseIndex) FUZZ_TRACE=1")
    }
    if sorted.count > 30 {
        Issue.record("\(sorted.count - 30) more findings")
    }
}

/// Mutated seeds through the library and the command line; `FUZZ_CASES`, `FUZZ_SEED`, `FUZZ_CASE` and `FUZZ_TRACE` steer a run.
@Suite("Fuzzing: broken inputs are refused with exit code 65 and a field path, never with a crash or a hang")
struct FuzzTests {
    /// The cases of this run: every case up to `FUZZ_CASES`, or the one `FUZZ_CASE` names.
    static func caseIndices(count: Int) -> [Int] {
        if let only = FuzzConfiguration.current.onlyCase { return [only] }
        return Array(0..<count)
    }

    @Test("every seed loads and prices, so each rejection below comes from its mutation")
    func seedsAreValid() throws {
        let corpus = SeedCorpus.shared
        #expect(corpus.profilePairs.count >= 9)
        #expect(corpus.offerPairs.count >= 3)
        for pair in corpus.profilePairs + corpus.offerPairs {
            let request = try PricingRequestLoader.load(
                profileBytes: pair.profile.bytes, profileFile: pair.profile.name,
                offerBytes: pair.offer.bytes, offerFile: pair.offer.name, books: relabelledBooks)
            let priced = try PricingEngine.price(request.offer, books: request.books)
            #expect(!priced.years.isEmpty, "\(pair.offer.name) for \(pair.profile.name)")
        }
    }

    @Test("the library: mutated profiles, offers and tariff books are priced or refused with a path")
    func library() async {
        let configuration = FuzzConfiguration.current
        let indices = Self.caseIndices(count: configuration.caseCount)
        let clock = ContinuousClock()
        let start = clock.now
        let tally = await runCases(indices, seed: configuration.seed, traces: configuration.traces) { fuzzCase, _ in
            runLibraryCase(fuzzCase)
        }
        print(tally.summary(title: "Fuzz (library, seed \(configuration.seed))", elapsed: clock.now - start))
        #expect(tally.totals.cases == indices.count)
        recordFindings(tally.findings, seed: configuration.seed)
    }

    @Test("the command line: `price` and `tariffs validate` exit with 0 or 65, and 65 lists the paths")
    func commandLine() async {
        let configuration = FuzzConfiguration.current
        // Six cases for each kind and mutation, or a thirtieth of a long run.
        let count = max(6 * InputKind.allCases.count * Mutation.rotation.count, configuration.caseCount / 30)
        let indices = Self.caseIndices(count: count)
        let tariffsDirectory = makeTariffsDirectory()
        let workRoot = temporaryDirectory()
        let clock = ContinuousClock()
        let start = clock.now
        let tally = await runCases(indices, seed: configuration.seed, traces: configuration.traces, setUpWorker: { worker in
            let directory = workRoot + "/worker-\(worker)"
            precondition(makeDirectory(directory), "cannot create \(directory)")
            return directory
        }) { fuzzCase, workDirectory in
            runCommandLineCase(fuzzCase, workDirectory: workDirectory, tariffsDirectory: tariffsDirectory)
        }
        print(tally.summary(title: "Fuzz (command line, seed \(configuration.seed))", elapsed: clock.now - start))
        #expect(tally.totals.cases == indices.count)
        recordFindings(tally.findings, seed: configuration.seed)
        for worker in 0..<processorCount() { removeDirectory(workRoot + "/worker-\(worker)") }
        removeDirectory(workRoot)
        removeDirectory(tariffsDirectory)
    }

    @Test("a 50 MB file: the library reads it, the command line refuses it by its size with 65, neither crashes nor hangs")
    func fiftyMegabyteFile() {
        let directory = temporaryDirectory()
        let tariffsDirectory = makeTariffsDirectory()
        let largePath = directory + "/large.json"
        let pair = SeedCorpus.shared.offerPairs[0]
        let clock = ContinuousClock()
        let start = clock.now
        var tally = FuzzTally()
        do {
            // Made once and shared by the library cases: the array is copied on write, and nothing writes to it.
            var mutator = Mutator(random: SplitMix64(state: FuzzConfiguration.current.seed))
            let large = mutator.mutate(pair.profile, with: .largeFile)
            writeBytes(largePath, large.bytes)
            for kind in InputKind.allCases {
                let fuzzCase = FuzzCase(index: -1, kind: kind, mutation: .largeFile, pair: pair, input: large)
                let caseStart = clock.now
                let report = runLibraryCase(fuzzCase)
                tally.add(report, for: fuzzCase, duration: clock.now - caseStart)
            }
        }
        let profilePath = directory + "/profile.json"
        let offerPath = directory + "/offer.json"
        writeBytes(profilePath, pair.profile.bytes)
        writeBytes(offerPath, pair.offer.bytes)
        let commands: [(InputKind, [String])] = [
            (.profile, ["price", "--profile", largePath, "--offer", offerPath, "--format", "json", "--tariffs", tariffsDirectory]),
            (.offer, ["price", "--profile", profilePath, "--offer", largePath, "--format", "json", "--tariffs", tariffsDirectory]),
            (.book, ["tariffs", "validate", largePath]),
        ]
        for (kind, arguments) in commands {
            let caseStart = clock.now
            let result = runCommandLine(arguments, tariffsDirectory: tariffsDirectory)
            let elapsed = clock.now - caseStart
            // The tool refuses a file above its size limit before reading it, naming the whole file.
            var problems = commandLineProblems(result, expectsJSON: true, allowsMissingBook: false)
            if result.exitCode != .dataError || !result.standardError.contains("  $: ") {
                problems.append("expected exit 65 naming the path $ for a file over the size limit, found \(result.exitCode.rawValue): \(excerpt(result.standardError))")
            }
            let fuzzCase = FuzzCase(index: -2, kind: kind, mutation: .largeFile, pair: pair,
                                    input: MutatedInput(bytes: [], description: "the 50 MB file through the command line"))
            var report = CaseReport(accepted: result.exitCode == .success, problems: problems)
            if elapsed > slowStepLimit(forBytes: 0) {
                report.observations[.slowStep] = "the command line took \(elapsed.secondsText) to refuse a file by its size"
            }
            tally.add(report, for: fuzzCase, duration: elapsed)
        }
        print(tally.summary(title: "Fuzz (50 MB file, library and command line)", elapsed: clock.now - start))
        recordFindings(tally.findings, seed: FuzzConfiguration.current.seed)
        removeDirectory(directory)
        removeDirectory(tariffsDirectory)
    }
}
