/// The tariff books available to a command: the files `<year>.json` in a directory, or, when
/// no directory is given and `tariffs/` does not exist, the books bundled with the tool.
public struct TariffLibrary: Sendable {
    /// Where the books come from.
    public enum Source: Sendable, Equatable {
        /// A directory of `<year>.json` files.
        case directory(String)
        /// The books compiled into the tool.
        case bundled
    }

    /// Where the books come from.
    public let source: Source
    /// The years with a book, ascending.
    public let years: [Int]

    /// The directory used when `--tariffs` is not given.
    public static let defaultDirectory = "tariffs"

    /// Opens `directory`, or the default: `defaultDirectory` if it exists, else the bundled
    /// books. A directory given explicitly must exist.
    public static func open(directory: String?, defaultDirectory: String = defaultDirectory) throws(InputError) -> TariffLibrary {
        if let directory {
            guard FileSystem.isDirectory(directory) else {
                throw .cannotRead(file: directory, reason: FileSystem.isFile(directory)
                                  ? "not a directory (--tariffs takes the directory that holds <year>.json files)"
                                  : "no such directory")
            }
            return try TariffLibrary(directory: directory)
        }
        if FileSystem.isDirectory(defaultDirectory) {
            return try TariffLibrary(directory: defaultDirectory)
        }
        return TariffLibrary(source: .bundled, years: BundledTariffBooks.books.keys.sorted())
    }

    private init(source: Source, years: [Int]) {
        self.source = source
        self.years = years
    }

    private init(directory: String) throws(InputError) {
        let names = try FileSystem.contentsOfDirectory(directory)
        let years = names.compactMap { name -> Int? in
            guard name.hasSuffix(".json") else { return nil }
            let stem = name.dropLast(5)
            guard stem.count == 4, stem.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(stem)
        }
        self.init(source: .directory(directory), years: years.sorted())
    }

    /// The most recent year with a book.
    public var latestYear: Int? { years.last }

    /// How the source is named in messages: the file of a year, or "(bundled)".
    public func fileName(for year: Int) -> String {
        switch source {
        case .directory(let directory): directory.hasSuffix("/") ? "\(directory)\(year).json" : "\(directory)/\(year).json"
        case .bundled: "(bundled)/\(year).json"
        }
    }

    /// A short description of the source for messages and listings.
    public var sourceDescription: String {
        switch source {
        case .directory(let directory): directory
        case .bundled: "the books bundled with the tool"
        }
    }

    /// The file bytes of the book of `year`, e.g. to fingerprint it.
    public func bytes(year: Int) throws(InputError) -> [UInt8] {
        guard years.contains(year) else {
            throw .cannotRead(file: fileName(for: year), reason: "no tariff book for \(year) in \(sourceDescription)")
        }
        switch source {
        case .directory: return try FileSystem.readFile(fileName(for: year), limit: FileSystem.maximumBookBytes)
        case .bundled: return Array((BundledTariffBooks.books[year] ?? "").utf8)
        }
    }

    /// Where the projection assumptions file is, when the books come from a directory.
    public var assumptionsFile: String? {
        guard case .directory(let directory) = source else { return nil }
        return directory.hasSuffix("/") ? "\(directory)assumptions.json" : "\(directory)/assumptions.json"
    }

    /// Loads the book of `year`.
    public func book(year: Int) throws(InputError) -> TariffBook {
        guard years.contains(year) else {
            let available = years.isEmpty ? "none" : years.map(String.init).joined(separator: ", ")
            throw .cannotRead(file: fileName(for: year), reason: "no tariff book for \(year) in \(sourceDescription) (available: \(available))")
        }
        switch source {
        case .directory:
            return try TariffBookLoader.load(file: fileName(for: year), expectedYear: year)
        case .bundled:
            let text = BundledTariffBooks.books[year] ?? ""
            return try TariffBookLoader.load(bytes: Array(text.utf8), file: fileName(for: year), expectedYear: year)
        }
    }
}
