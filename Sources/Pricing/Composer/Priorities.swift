import Catalogue
import JSON
import Support

/// A municipality's priorities for the composer: a weight per Wsob core function, target group
/// and theme, and how many core functions each branch size should reach.
///
/// Every criterion weighs 1 unless the priorities say otherwise; 0 ignores it. Weights are whole
/// numbers from 0 to 100, so every value the composer computes is an exact integer.
public struct Priorities: Sendable, Equatable {
    /// Weight per Wsob function number (1–5).
    public var wsob: [Int: Int]
    /// Weight per target group code.
    public var targetGroups: [String: Int]
    /// Weight per theme code.
    public var themes: [String: Int]
    /// The core functions each branch size should reach.
    public var branchNeeds: BranchNeeds
    /// Where they were read from, for reports; nil for the defaults.
    public var file: String?

    /// The largest weight a criterion can have.
    public static let maximumWeight = 100

    /// Creates priorities; criteria left out weigh 1.
    public init(wsob: [Int: Int] = [:], targetGroups: [String: Int] = [:], themes: [String: Int] = [:],
                branchNeeds: BranchNeeds = .standard, file: String? = nil) {
        self.wsob = wsob
        self.targetGroups = targetGroups
        self.themes = themes
        self.branchNeeds = branchNeeds
        self.file = file
    }

    /// The weight of a Wsob function.
    public func weight(wsob number: Int) -> Int { wsob[number] ?? 1 }
    /// The weight of a target group.
    public func weight(targetGroup code: String) -> Int { targetGroups[code] ?? 1 }
    /// The weight of a theme.
    public func weight(theme code: String) -> Int { themes[code] ?? 1 }

    /// The summed weight of everything a service serves: its Wsob functions, target groups and
    /// themes.
    public func weight(of service: Service) -> Int {
        service.wsob.reduce(0) { $0 + weight(wsob: $1) }
            + service.targetGroups.reduce(0) { $0 + weight(targetGroup: $1) }
            + service.themes.reduce(0) { $0 + weight(theme: $1) }
    }
}

/// Reads a priorities (weights) file:
///
/// ```json
/// { "wsob": { "2": 2, "3": 3 },
///   "targetGroups": { "jonge-kinderen": 3 },
///   "themes": { "laaggeletterdheid": 3, "digitale-inclusie": 2 },
///   "branchNeeds": { "large": 5, "medium": 4 } }
/// ```
///
/// Every section is optional. Target group and theme codes must be the book's.
public enum PrioritiesLoader {
    /// Loads `file`, checking codes against `book`.
    public static func load(file: String, book: TariffBook) throws(InputError) -> Priorities {
        let bytes = try FileSystem.readFile(file, limit: FileSystem.maximumProfileOrOfferBytes)
        return try load(bytes: bytes, file: file, book: book)
    }

    /// Loads from bytes; `file` names them in messages.
    public static func load(bytes: [UInt8], file: String, book: TariffBook) throws(InputError) -> Priorities {
        let root = try parseInputJSON(bytes, file: file)
        let collector = DiagnosticCollector(file: file)
        var priorities = Priorities(file: file)
        if let reader = ObjectReader(root, at: .root, collector: collector) {
            if let section = reader.object("wsob", required: false) {
                let numbers = book.wsobFunctions.isEmpty ? (1...5).map(String.init) : book.wsobFunctions.map { String($0.number) }
                for (key, weight) in weights(section, allowed: numbers, noun: "Wsob function", collector: collector) {
                    priorities.wsob[Int(key)!] = weight
                }
            }
            if let section = reader.object("targetGroups", required: false) {
                priorities.targetGroups = weights(section, allowed: book.targetGroups.map(\.code), noun: "target group",
                                                  collector: collector)
            }
            if let section = reader.object("themes", required: false) {
                priorities.themes = weights(section, allowed: book.themes.map(\.code), noun: "theme", collector: collector)
            }
            if let section = reader.object("branchNeeds", required: false) {
                var needs = BranchNeeds.standard
                for member in section.object.members {
                    let path = section.path.appending(member.key)
                    guard let size = BranchSize(rawValue: member.key) else {
                        collector.report(path, "unknown branch size \(quoted(member.key)); expected one of "
                                         + BranchSize.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
                        continue
                    }
                    if let need = collector.integer(member.value, in: 0...5, at: path) { needs.bySize[size] = need }
                }
                priorities.branchNeeds = needs
            }
            reader.finish()
        }
        try collector.throwIfAny()
        return priorities
    }

    private static func weights(_ section: ObjectReader, allowed: [String], noun: String,
                                collector: DiagnosticCollector) -> [String: Int] {
        var result: [String: Int] = [:]
        for member in section.object.members {
            let path = section.path.appending(member.key)
            guard allowed.contains(member.key) else {
                var message = "unknown \(noun) \(quoted(member.key)); expected one of "
                    + allowed.map { "\"\($0)\"" }.joined(separator: ", ")
                if allowed.isEmpty { message = "unknown \(noun) \(quoted(member.key)); the tariff book lists none" }
                if member.key.count > 2, let hint = didYouMean(suggestions(for: member.key, among: allowed)) { message += "; " + hint }
                collector.report(path, message)
                continue
            }
            if let weight = collector.integer(member.value, in: 0...Priorities.maximumWeight, at: path) {
                result[member.key] = weight
            }
        }
        return result
    }
}
