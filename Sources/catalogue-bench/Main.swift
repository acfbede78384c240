#if canImport(Glibc)
import Glibc
#endif
import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Support

/// `catalogue-bench`: how fast the engine prices, indexes and renders, compared with a floor of
/// plain `Int64` multiply-adds measured in the same run; and, by running the real tool, how fast
/// it starts compared with `sqlite3` and how much memory a large municipality takes.
///
/// Run in release from the repository root: `swift run -c release catalogue-bench [--json FILE]`.
@main
struct Bench {
    struct Row {
        var name: String
        var value: Double
        var unit: String
        var target: String
        var met: Bool?
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Runs `body` repeatedly for at least `seconds` and returns seconds per run (the best of
    /// three rounds, so a noisy neighbour on the machine counts less).
    static func measure(seconds: Double = 0.5, _ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            var runs = 0
            let start = now()
            repeat {
                try body()
                runs += 1
            } while now() - start < seconds / 3
            best = min(best, (now() - start) / Double(runs))
        }
        return best
    }

    /// The rows measured so far: each printed as it comes, all kept for `--json`.
    final class Table {
        var rows: [Row] = []

        /// Prints the header of the table.
        init() {
            print(pad("MEASURE", 58) + padLeft("VALUE", 14) + "  " + pad("UNIT", 22) + pad("TARGET", 20) + "RESULT")
        }

        /// Prints `row` and keeps it.
        func report(_ row: Row) {
            rows.append(row)
            let verdict = row.met.map { $0 ? "met" : "NOT met" } ?? ""
            print(pad(row.name, 58) + padLeft(format(row.value), 14) + "  " + pad(row.unit, 22) + pad(row.target, 20) + verdict)
        }
    }

    let table: Table
    let book: TariffBook
    let years = 10
    /// The latest book, copied for each of the ten years from 2025.
    let books: PricingBooks
    let seeds: [(profile: String, offer: String)]
    let largeProfileText: String
    let largeProfile: MunicipalityProfile
    let largeOffer: String

    /// Runs every section in order and writes the rows as JSON if `--json FILE` was given.
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "--probe" {
            try probe()
            return
        }
        var jsonFile: String?
        if let index = arguments.firstIndex(of: "--json"), index + 1 < arguments.count { jsonFile = arguments[index + 1] }
        let bench = try Bench(table: Table())
        try bench.pricingSeeds()
        let large = try bench.pricingLarge()
        bench.floor(count: large.lines, nanosecondsPerLine: large.nanosecondsPerLine)
        try bench.matrix()
        try bench.compose()
        try bench.indexation()
        try bench.rendering()
        try bench.wholeProcess()
        if let jsonFile { try bench.writeJSON(to: jsonFile) }
    }

    /// The shared setup: the library's latest book for ten years, an offer of every service for
    /// every seed municipality, and the large municipality with its ten-year offer.
    init(table: Table) throws {
        self.table = table
        let library = try TariffLibrary.open(directory: nil)
        book = try library.book(year: library.latestYear ?? 2025)
        books = PricingBooks(byYear: Dictionary(uniqueKeysWithValues: (2025..<(2025 + years)).map { [book] year in
            var copy = book
            copy.year = year
            return (year, YearBook(book: copy, status: .published, file: "bench"))
        }))
        var seeds: [(profile: String, offer: String)] = []
        if let names = try? FileSystem.contentsOfDirectory("seeds/municipalities") {
            for name in names where name.hasSuffix(".json") {
                let text = String(decoding: try FileSystem.readFile("seeds/municipalities/" + name), as: UTF8.self)
                let profile = try ProfileLoader.load(bytes: Array(text.utf8), file: name)
                seeds.append((text, Workloads.fullOffer(for: profile, book: book, firstYear: 2025, years: 3)))
            }
        }
        self.seeds = seeds
        largeProfileText = Workloads.largeProfile()
        largeProfile = try ProfileLoader.load(bytes: Array(largeProfileText.utf8), file: "large")
        largeOffer = Workloads.fullOffer(for: largeProfile, book: book, firstYear: 2025, years: years)
    }

    /// Prints and keeps `row`.
    func report(_ row: Row) {
        table.report(row)
    }

    /// Loads and validates a profile and an offer against the ten-year books.
    func request(_ profile: String, _ offer: String) throws -> PricingRequest {
        try PricingRequestLoader.load(profileBytes: Array(profile.utf8), profileFile: "profile", offerBytes: Array(offer.utf8),
                                      offerFile: "offer") { [books] (_) throws(InputError) -> PricingBooks in books }
    }

    /// Pricing every seed municipality with an offer of every service for three years.
    func pricingSeeds() throws {
        let seedRequests = try seeds.map { try request($0.profile, $0.offer) }
        var seedLines = 0, seedYears = 0
        for seedRequest in seedRequests {
            let priced = try PricingEngine.price(seedRequest.offer, books: books)
            seedLines += priced.years.reduce(0) { $0 + $1.lines.count }
            seedYears += priced.years.count
        }
        let seedTime = try Bench.measure { for seedRequest in seedRequests { _ = try PricingEngine.price(seedRequest.offer, books: books) } }
        report(Row(name: "pricing, \(seeds.count) seed municipalities × every service × 3 years", value: Double(seedYears) / seedTime,
                   unit: "offer-years/s", target: "", met: nil))
        report(Row(name: "pricing, seed municipalities: time per priced line", value: seedTime / Double(seedLines) * 1e9,
                   unit: "ns/line", target: "", met: nil))
    }

    /// Pricing the large municipality for ten years, and loading its input; returns its line
    /// count and the time per line for the floor to compare with.
    func pricingLarge() throws -> (lines: Int, nanosecondsPerLine: Double) {
        let largeRequest = try request(largeProfileText, largeOffer)
        let largePriced = try PricingEngine.price(largeRequest.offer, books: books)
        let largeLines = largePriced.years.reduce(0) { $0 + $1.lines.count }
        let largeTime = try Bench.measure(seconds: 1.5) { _ = try PricingEngine.price(largeRequest.offer, books: books) }
        let linesPerSecond = Double(largeLines) / largeTime
        report(Row(name: "pricing, large municipality (500 branches, 1 000 schools) × \(years) years", value: Double(years) / largeTime,
                   unit: "offer-years/s", target: "", met: nil))
        report(Row(name: "pricing, large municipality: \(largeLines) lines", value: linesPerSecond, unit: "lines/s",
                   target: "≥ 1 000 000", met: linesPerSecond >= 1_000_000))
        let nanosecondsPerLine = largeTime / Double(largeLines) * 1e9
        report(Row(name: "pricing, large municipality: time per priced line", value: nanosecondsPerLine, unit: "ns/line", target: "", met: nil))
        let validationTime = try Bench.measure(seconds: 1.5) { _ = try request(largeProfileText, largeOffer) }
        report(Row(name: "loading and validating the large profile and offer", value: validationTime * 1e3, unit: "ms", target: "", met: nil))
        return (largeLines, nanosecondsPerLine)
    }

    /// The floor: the same number of plain Int64 multiply-adds, and the engine's time against it.
    func floor(count: Int, nanosecondsPerLine: Double) {
        var prices = [Int64](repeating: 0, count: count), multipliers = [Int64](repeating: 0, count: count)
        for index in 0..<count {
            prices[index] = Int64(7_355 + index % 97)
            multipliers[index] = Int64(1 + index % 800)
        }
        var sink: Int64 = 0
        let floorTime = Bench.measure(seconds: 1.5) {
            var total: Int64 = 0
            for index in 0..<count { total = total &+ prices[index] &* multipliers[index] }
            sink = sink &+ total
        }
        let floorNanoseconds = floorTime / Double(count) * 1e9
        report(Row(name: "floor: \(count) plain Int64 multiply-adds", value: floorNanoseconds, unit: "ns/operation", target: "", met: nil))
        report(Row(name: "engine time / floor time (per line)", value: nanosecondsPerLine / floorNanoseconds, unit: "×", target: "", met: nil))
        if sink == 42 { print("") }
    }

    /// The matrix: every service × boundary quantities, priced from JSON like the test.
    func matrix() throws {
        let quantities = [0, 1, 124, 125, 126, 249, 250, 251, 499, 500, 501, 20_000]
        var matrixCases: [(String, String)] = []
        for quantity in quantities {
            let profile = """
            {"code": "m", "name": "M", "inhabitants": [{"date": "2024-01-01", "count": \(quantity)}],
             "branches": [{"id": "a", "name": "A", "size": "large"}, {"id": "b", "name": "B", "size": "small"}],
             "schools": [{"id": "p", "name": "P", "level": "po", "pupils": \(quantity)}, {"id": "v", "name": "V", "level": "vo", "pupils": \(quantity)}],
             "childcareLocations": [{"id": "k", "name": "K"}], "consultationBureaus": [{"id": "c", "name": "C"}]}
            """
            let parsed = try ProfileLoader.load(bytes: Array(profile.utf8), file: "m")
            let full = try JSONParser.parse(Workloads.fullOffer(for: parsed, book: book, firstYear: 2025, years: 3))
            let fullLines: [JSONValue] = full.objectValue?["lines"]?.arrayValue ?? []
            for line in fullLines {
                var lines = [line]
                if line.objectValue?["service"] == "thuislezen" { lines.insert(.object(JSONObject([.init(key: "service", value: "dbos-po")])), at: 0) }
                let offer = JSONObject([.init(key: "municipality", value: "m"), .init(key: "firstYear", value: 2025),
                                        .init(key: "years", value: 3), .init(key: "lines", value: .array(lines))])
                matrixCases.append((profile, JSONWriter.write(.object(offer))))
            }
        }
        let matrixTime = try Bench.measure {
            for (profile, offer) in matrixCases { _ = try PricingEngine.price(try request(profile, offer).offer, books: books) }
        }
        report(Row(name: "the test matrix (JSON in, validated, priced)", value: Double(matrixCases.count) / matrixTime, unit: "cases/s", target: "", met: nil))
    }

    /// The composer: every seed municipality, three years, at budgets from just above its
    /// Basis cost to everything, with the full catalogue. The target is under a second each.
    func compose() throws {
        var composeWorst = 0.0, composeCases = 0, composeCombinations = 0, composeEvaluated = 0
        for seed in seeds {
            let profile = try ProfileLoader.load(bytes: Array(seed.profile.utf8), file: "seed")
            let range = 2025...2027
            let generous = try Composer.compose(CompositionRequest(profile: profile, books: books, years: range,
                                                                   budget: try Money(parsing: "99999999.00"), alternatives: 0))
            var basis: Int64 = 0, everything: Int64 = 0
            for choice in generous.choices {
                let dearest = choice.options.map { $0.costs.max() ?? 0 }
                everything += dearest.max() ?? 0
                if choice.mandatory != nil { basis += dearest.min() ?? 0 }
            }
            for step in 0...4 {
                let budget = try Money(cents: basis + (everything - basis) * Int64(step) / 4)
                let request = CompositionRequest(profile: profile, books: books, years: range, budget: budget)
                var statistics: SearchStatistics?
                let time = try Bench.measure(seconds: 0.05) { statistics = try Composer.compose(request).statistics }
                composeWorst = max(composeWorst, time)
                composeCases += 1
                composeCombinations = max(composeCombinations, statistics?.combinations ?? 0)
                composeEvaluated = max(composeEvaluated, statistics?.evaluated ?? 0)
            }
        }
        report(Row(name: "compose, \(composeCases) seed cases (5 budgets each): slowest", value: composeWorst * 1e3, unit: "ms",
                   target: "< 1000", met: composeWorst < 1))
        report(Row(name: "compose: most combinations / most checked one by one", value: Double(composeCombinations), unit: "combinations",
                   target: "", met: nil))
        report(Row(name: "compose: most complete combinations checked", value: Double(composeEvaluated), unit: "combinations",
                   target: "", met: nil))
    }

    /// Indexation of the full book.
    func indexation() throws {
        let parameters = try IndexationParameters(wage: try Percentage(parsing: "3.75"), price: try Percentage(parsing: "2.1"), weights: book.mixedWeights)
        let indexTime = try Bench.measure {
            _ = try TariffIndexer.index(book, with: parameters, sourceFile: "2025.json", sourceHash: "sha256:" + String(repeating: "0", count: 64), date: nil)
        }
        report(Row(name: "indexation of the full 2025 book", value: indexTime * 1e3, unit: "ms", target: "", met: nil))
    }

    /// Rendering a three-year agreement for Midden-Drenthe's full offer, as HTML and as JSON.
    func rendering() throws {
        guard let midden = seeds.first(where: { $0.profile.contains("\"midden-drenthe\"") }) else { return }
        let priced = try PricingEngine.price(try request(midden.profile, midden.offer).offer, books: books)
        let date = CalendarDate(year: 2025, month: 11, day: 21)!
        let agreement = try DocumentBuilder.agreement(priced, books: books, reference: "UVO", quoteReference: "OFF", quoteDate: date, acceptedOn: date, date: date)
        let htmlTime = try Bench.measure {
            _ = HTMLRenderer.render(try DocumentBuilder.agreement(priced, books: books, reference: "UVO", quoteReference: "OFF", quoteDate: date, acceptedOn: date, date: date))
        }
        let jsonTime = Bench.measure { _ = DocumentJSON.encode(agreement) }
        report(Row(name: "three-year agreement, built and rendered as HTML", value: htmlTime * 1e3, unit: "ms", target: "< 5", met: htmlTime < 0.005))
        report(Row(name: "three-year agreement rendered as JSON", value: jsonTime * 1e3, unit: "ms", target: "< 5", met: jsonTime < 0.005))
    }

    /// The whole tool as a process: start-up against sqlite3, and peak memory.
    func wholeProcess() throws {
        guard let tool = Bench.siblingTool() else {
            print("(catalogue-cli not found beside the benchmark; build it to measure the whole process)")
            return
        }
        let directory = "/tmp/catalogue-bench-\(getpid())"
        mkdir(directory, 0o755)
        let profileFile = directory + "/profile.json", offerFile = directory + "/offer.json"
        try FileSystem.writeFileAtomically(profileFile, try FileSystem.readFile("seeds/municipalities/midden-drenthe.json"))
        try FileSystem.writeFileAtomically(offerFile, try FileSystem.readFile("seeds/offers/midden-drenthe-basis.offer.json"))
        let priceArguments = [tool, "price", "--profile", profileFile, "--offer", offerFile, "--format", "json"]
        // Interleaved, and the fastest run of each: other work on the machine only ever adds
        // time, so the minimum is the fairest estimate of what each command itself costs.
        var toolBest = Double.infinity, sqliteBest = Double.infinity
        for _ in 0..<60 {
            if let run = Bench.processTime(priceArguments, runs: 1) { toolBest = min(toolBest, run.seconds) }
            if let run = Bench.processTime(["/usr/bin/sqlite3", ":memory:", "select 1"], runs: 1) { sqliteBest = min(sqliteBest, run.seconds) }
        }
        if toolBest.isFinite, sqliteBest.isFinite {
            report(Row(name: "catalogue-cli price --format json, whole process (fastest of 60)", value: toolBest * 1e3, unit: "ms", target: "", met: nil))
            report(Row(name: "sqlite3 :memory: 'select 1', whole process (fastest of 60)", value: sqliteBest * 1e3, unit: "ms", target: "", met: nil))
            report(Row(name: "catalogue-cli price / sqlite3", value: toolBest / sqliteBest, unit: "×", target: "≤ 3", met: toolBest <= 3 * sqliteBest))
        }
        let largeProfileFile = directory + "/large.json", largeOfferFile = directory + "/large.offer.json"
        try FileSystem.writeFileAtomically(largeProfileFile, Array(largeProfileText.utf8))
        try FileSystem.writeFileAtomically(largeOfferFile, Array(Workloads.fullOffer(for: largeProfile, book: book, firstYear: 2025, years: years).utf8))
        // Ten years: 2025 is published, the rest projected, all in the one process.
        let memoryArguments = [tool, "price", "--profile", largeProfileFile, "--offer", largeOfferFile, "--format", "json",
                               "--assume-wage", "3.75", "--assume-price", "2.1"]
        if let probe = Bench.processTime([CommandLine.arguments[0], "--probe"], runs: 1) {
            let mebibytes = Double(probe.maximumResidentKilobytes) / 1024
            report(Row(name: "peak memory: pricing the large municipality for \(years) years", value: mebibytes, unit: "MiB", target: "< 64", met: mebibytes < 64))
        }
        if let memory = Bench.processTime(memoryArguments, runs: 1) {
            let mebibytes = Double(memory.maximumResidentKilobytes) / 1024
            report(Row(name: "peak memory: catalogue-cli price of it with JSON output", value: mebibytes, unit: "MiB", target: "", met: nil))
            report(Row(name: "the same, whole process time", value: memory.seconds * 1e3, unit: "ms", target: "", met: nil))
        }
        try Bench.issueLargest(tool: tool, directory: directory, book: book, books: books, report: table.report)
    }

    /// Writes every row to `file` as a JSON array of objects.
    func writeJSON(to file: String) throws {
        let object = JSONValue.array(table.rows.map { row in
            .object(JSONObject([
                .init(key: "name", value: .string(row.name)),
                .init(key: "value", value: .number(JSONNumber(validatedText: Bench.format(row.value, plain: true)))),
                .init(key: "unit", value: .string(row.unit)),
                .init(key: "target", value: .string(row.target)),
                .init(key: "met", value: row.met.map(JSONValue.bool) ?? .null),
            ]))
        })
        try FileSystem.writeFileAtomically(file, Array(JSONWriter.write(object).utf8))
        print("Wrote \(file).")
    }

    /// Prices the large municipality for ten years once, in this process, and prints the peak
    /// resident memory in KiB: the memory of pricing alone, without any output.
    static func probe() throws {
        let library = try TariffLibrary.open(directory: nil)
        let book = try library.book(year: library.latestYear ?? 2025)
        let profileText = Workloads.largeProfile()
        let profile = try ProfileLoader.load(bytes: Array(profileText.utf8), file: "large")
        let offer = Workloads.fullOffer(for: profile, book: book, firstYear: 2025, years: 10)
        let assumptions = ProjectionAssumptions(flags: .init(wage: try Percentage(parsing: "3.75"), price: try Percentage(parsing: "2.1")))
        let request = try PricingRequestLoader.load(profileBytes: Array(profileText.utf8), profileFile: "large",
                                                    offerBytes: Array(offer.utf8), offerFile: "offer") { (years) throws(InputError) -> PricingBooks in
            try BookProjector.books(for: years, library: library, assumptions: assumptions)
        }
        var before = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &before)
        let priced = try PricingEngine.price(request.offer, books: request.books)
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let levels = priced.years.reduce(0) { $0 + $1.serviceLevels.count }
        print("peak \(usage.ru_maxrss) KiB; before pricing \(before.ru_maxrss) KiB; \(priced.years.reduce(0) { $0 + $1.lines.count }) lines, \(levels) service levels; line \(MemoryLayout<PricedLine>.stride) B, level \(MemoryLayout<ServiceLevelStatement>.stride) B")
    }

    /// Issues the largest offer the limits admit with the real tool, in a new database: the
    /// largest profile, every service, over as many years as `InputLimits.documentLines` allows.
    /// Reports the time and peak memory of `offer issue`, which stores and renders every line.
    static func issueLargest(tool: String, directory: String, book: TariffBook, books: PricingBooks, report: (Row) -> Void) throws {
        let profileText = Workloads.largestProfile()
        let profile = try ProfileLoader.load(bytes: Array(profileText.utf8), file: "largest")
        // The most years whose priced lines stay within the bound (the count does not depend on the book's amounts).
        var years = 0, lines = 0
        for candidate in 1...books.byYear.count {
            let offer = Workloads.fullOffer(for: profile, book: book, firstYear: 2025, years: candidate)
            let request = try PricingRequestLoader.load(profileBytes: Array(profileText.utf8), profileFile: "largest", offerBytes: Array(offer.utf8),
                                                        offerFile: "offer") { (_) throws(InputError) -> PricingBooks in books }
            let count = try PricingEngine.price(request.offer, books: books).lineCount
            guard count <= InputLimits.documentLines else { break }
            (years, lines) = (candidate, count)
        }
        guard years > 0 else { return }
        let database = directory + "/largest.sqlite", profileFile = directory + "/largest.json", offerFile = directory + "/largest.offer.json"
        try FileSystem.writeFileAtomically(profileFile, Array(profileText.utf8))
        // Issued before its first year, with the years after the last book projected.
        try FileSystem.writeFileAtomically(offerFile, Array(Workloads.fullOffer(for: profile, book: book, firstYear: 2026, years: years).utf8))
        guard processTime([tool, "municipality", "import", profileFile, "--db", database], runs: 1) != nil,
              processTime([tool, "offer", "create", "--from", offerFile, "--db", database], runs: 1) != nil,
              // The synthetic profile has no parties' data: its quote is a concept.
              let issue = processTime([tool, "offer", "issue", "1", "--date", "2025-12-01", "--concept", "--db", database,
                                       "--assume-wage", "3.75", "--assume-price", "2.1"], runs: 1) else {
            print("(could not issue the largest offer: run catalogue-cli offer issue on \(offerFile) to see why)")
            return
        }
        let name = "offer issue, largest profile × \(years) years: \(lines) lines (bound \(InputLimits.documentLines))"
        report(Row(name: name, value: issue.seconds, unit: "s", target: "", met: nil))
        let mebibytes = Double(issue.maximumResidentKilobytes) / 1024
        report(Row(name: "peak memory: that offer issue", value: mebibytes, unit: "MiB", target: "< 1024", met: mebibytes < 1024))
    }

    /// The `catalogue-cli` built beside this benchmark, if any.
    static func siblingTool() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        var path = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        while let last = path.last, last != "/" { path.removeLast() }
        let tool = path + "catalogue-cli"
        return access(tool, X_OK) == 0 ? tool : nil
    }

    /// Runs a command `runs` times with output to /dev/null; the median wall time and the
    /// largest resident set any run reached.
    static func processTime(_ arguments: [String], runs: Int) -> (seconds: Double, maximumResidentKilobytes: Int)? {
        var times: [Double] = []
        var maximum = 0
        for _ in 0..<runs {
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            var pointers = arguments.map { strdup($0) } + [nil]
            var pid: pid_t = 0
            let start = now()
            let result = posix_spawn(&pid, arguments[0], &actions, nil, &pointers, environ)
            for pointer in pointers { free(pointer) }
            posix_spawn_file_actions_destroy(&actions)
            guard result == 0 else { return nil }
            var status: Int32 = 0
            var usage = rusage()
            wait4(pid, &status, 0, &usage)
            times.append(now() - start)
            maximum = max(maximum, usage.ru_maxrss)
            guard status == 0 else { return nil }
        }
        times.sort()
        return (times[times.count / 2], maximum)
    }

    static func format(_ value: Double, plain: Bool = false) -> String {
        let rounded = value >= 100 ? (value).rounded() : (value * 100).rounded() / 100
        var text = rounded >= 100 ? String(Int64(rounded)) : String(rounded)
        if !plain, rounded >= 1000 {
            var grouped = ""
            for (index, character) in text.reversed().enumerated() {
                if index > 0 && index % 3 == 0 { grouped.append(" ") }
                grouped.append(character)
            }
            text = String(grouped.reversed())
        }
        return text
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    static func padLeft(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
