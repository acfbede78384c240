#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Catalogue
import TestSupport
import JSON
import Pricing
import Synchronization
import Support

/// A small deterministic random generator (SplitMix64), so a seed always gives the same cases.
struct SplitMix64: RandomNumberGenerator {
    /// The state, advanced by every number drawn.
    var state: UInt64

    /// Advances the state by the golden-ratio increment and scrambles it.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// The generator of one case, so a case can be rerun alone from the seed and its index.
    static func forCase(seed: UInt64, index: Int) -> SplitMix64 {
        var mixer = SplitMix64(state: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        return SplitMix64(state: mixer.next())
    }
}

/// The settings of a run, from the environment, so a long run needs no code change.
struct FuzzConfiguration: Sendable {
    /// How many library cases to run (`FUZZ_CASES`).
    var caseCount: Int
    /// The seed of every generator (`FUZZ_SEED`).
    var seed: UInt64
    /// When set, only this case runs (`FUZZ_CASE`), to reproduce a finding.
    var onlyCase: Int?
    /// Whether each case is announced on standard error before it runs (`FUZZ_TRACE=1`), so a crash names its case.
    var traces: Bool

    /// The default number of library cases in an ordinary `swift test`.
    static let defaultCaseCount = 10_000
    /// The default seed: the date the fuzz suite was written.
    static let defaultSeed: UInt64 = 20_251_121

    /// Reads the settings from the environment.
    static let current: FuzzConfiguration = {
        FuzzConfiguration(
            caseCount: environmentValue("FUZZ_CASES").flatMap { Int($0) } ?? defaultCaseCount,
            seed: environmentValue("FUZZ_SEED").flatMap { UInt64($0) } ?? defaultSeed,
            onlyCase: environmentValue("FUZZ_CASE").flatMap { Int($0) },
            traces: environmentValue("FUZZ_TRACE") == "1")
    }()
}

/// The value of an environment variable, or nil when it is not set.
func environmentValue(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return String(cString: value)
}

/// Writes a line to standard error at once, so it is visible even when the next case crashes the process.
func traceLine(_ text: String) {
    var line = text + "\n"
    line.withUTF8 { buffer in _ = write(STDERR_FILENO, buffer.baseAddress, buffer.count) }
}

/// The number of processors online, which bounds how many workers run cases side by side.
func processorCount() -> Int {
    max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}

/// A fresh temporary directory for fuzz files.
func temporaryDirectory() -> String {
    TestSupport.temporaryDirectory(prefix: "catalogue-fuzz")
}

/// Creates a directory; false when it cannot be created.
func makeDirectory(_ path: String) -> Bool {
    mkdir(path, 0o755) == 0
}

/// Writes bytes to a file, replacing it; the fuzz inputs are bytes, not text, because many are not valid UTF-8.
func writeBytes(_ path: String, _ bytes: [UInt8]) {
    guard let file = fopen(path, "w") else {
        preconditionFailure("cannot create \(path)")
    }
    defer { fclose(file) }
    let written = bytes.withUnsafeBufferPointer { buffer in fwrite(buffer.baseAddress, 1, buffer.count, file) }
    precondition(written == bytes.count, "short write to \(path)")
}

/// Removes a file and ignores a missing one, since cleaning up is best effort.
func removeFile(_ path: String) {
    unlink(path)
}

/// Removes a directory and the files directly inside it; the fuzz directories have no subdirectories.
func removeDirectory(_ path: String) {
    if let names = try? FileSystem.contentsOfDirectory(path) {
        for name in names { unlink(path + "/" + name) }
    }
    rmdir(path)
}

/// One valid input file the mutations start from.
struct SeedFile: Sendable {
    /// The name used in messages and reports, relative to the repository.
    var name: String
    /// The bytes as they are on disk.
    var bytes: [UInt8]
    /// The parsed tree.
    var tree: JSONValue

    /// Reads and parses a file of the repository; the seeds are part of the checkout, so a failure means a broken checkout.
    init(repositoryPath: String) {
        let bytes = try! FileSystem.readFile(repositoryRoot + "/" + repositoryPath)
        self.init(name: repositoryPath, bytes: bytes)
    }

    /// Parses bytes that are known to be valid JSON.
    init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        self.tree = try! JSONParser.parse(bytes)
    }
}

/// A profile with an offer for it: the pair priced together.
struct SeedPair: Sendable {
    /// The municipality's profile.
    var profile: SeedFile
    /// An offer for that municipality.
    var offer: SeedFile
}

/// Every valid starting point: the seed profiles, the seed offers and the 2025 tariff book.
struct SeedCorpus: Sendable {
    /// Every profile with one offer for it; profiles without a seed offer get the basis offer renamed to them.
    var profilePairs: [SeedPair]
    /// Every seed offer with its own profile.
    var offerPairs: [SeedPair]
    /// The 2025 tariff book as it is on disk.
    var book: SeedFile
    /// The 2025 book, loaded.
    var loadedBook: TariffBook

    /// The corpus of the repository, read once.
    static let shared = SeedCorpus()

    /// Reads every seed from the repository.
    init() {
        let profileNames = (try! FileSystem.contentsOfDirectory(repositoryRoot + "/seeds/municipalities")).filter { $0.hasSuffix(".json") }
        let offerNames = (try! FileSystem.contentsOfDirectory(repositoryRoot + "/seeds/offers")).filter { $0.hasSuffix(".offer.json") }
        let profiles = profileNames.map { SeedFile(repositoryPath: "seeds/municipalities/" + $0) }
        let offers = offerNames.map { SeedFile(repositoryPath: "seeds/offers/" + $0) }
        precondition(!profiles.isEmpty && !offers.isEmpty, "no seed profiles or offers in \(repositoryRoot)/seeds")

        /// The string of a top-level field, such as a profile's code or an offer's municipality.
        func code(_ seed: SeedFile, _ field: String) -> String? {
            seed.tree.objectValue?[field]?.stringValue
        }
        offerPairs = offers.compactMap { offer in
            guard let profile = profiles.first(where: { code($0, "code") == code(offer, "municipality") }) else { return nil }
            return SeedPair(profile: profile, offer: offer)
        }
        // The basis offer names no subjects, so it fits any profile once its municipality is changed.
        let general = offers.first { $0.name.hasSuffix("midden-drenthe-basis.offer.json") } ?? offers[0]
        profilePairs = profiles.map { profile in
            if let own = offers.first(where: { code($0, "municipality") == code(profile, "code") }) {
                return SeedPair(profile: profile, offer: own)
            }
            var tree = general.tree.objectValue!
            tree.set("municipality", .string(code(profile, "code") ?? ""))
            let bytes = Array(JSONWriter.write(.object(tree), keyOrder: .asGiven).utf8)
            return SeedPair(profile: profile, offer: SeedFile(name: general.name + " (for \(code(profile, "code") ?? "?"))", bytes: bytes))
        }
        book = SeedFile(repositoryPath: "Tests/Fixtures/tariffs/2025.json")
        loadedBook = try! TariffBookLoader.load(bytes: book.bytes, file: "tariffs/2025.json", expectedYear: 2025)
    }
}

/// The 2025 book relabelled for other years, loaded once per year, so an offer for any year can be priced.
private let relabelledBooks = Mutex<[Int: TariffBook]>([:])

/// The book a year is priced with: the 2025 book, with its year changed for other years.
func relabelledBook(year: Int) throws(InputError) -> TariffBook {
    let corpus = SeedCorpus.shared
    if year == 2025 { return corpus.loadedBook }
    if let cached = relabelledBooks.withLock({ $0[year] }) { return cached }
    let text = String(decoding: corpus.book.bytes, as: UTF8.self).replacing("\"year\": 2025", with: "\"year\": \(year)")
    let book = try TariffBookLoader.load(bytes: Array(text.utf8), file: "tariffs/\(year).json", expectedYear: year)
    relabelledBooks.withLock { $0[year] = book }
    return book
}

/// The books of a run of years, each the relabelled 2025 book, in the shape `PricingRequestLoader` asks for.
func relabelledBooks(for years: ClosedRange<Int>) throws(InputError) -> PricingBooks {
    var byYear: [Int: YearBook] = [:]
    for year in years {
        byYear[year] = YearBook(book: try relabelledBook(year: year), status: .published, file: "tariffs/\(year).json")
    }
    return PricingBooks(byYear: byYear)
}
