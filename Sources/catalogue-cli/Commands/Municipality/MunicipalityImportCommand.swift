import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Support

/// `catalogue-cli municipality import FILE…`.
struct MunicipalityImportCommand: ParsableCommand {
    static let info = CommandInfo(
        path: ["municipality", "import"],
        abstract: "Import or update municipality profiles in the database.",
        positionals: [Positional(name: "file", help: "One or more profile files, e.g. seeds/municipalities/*.json.", variadic: true)],
        options: [validFromOption.info, StoreSelection.option.info],
        discussion: "Every file is checked first; nothing is imported when one of them has a problem. With --valid-from the profile is also kept as a dated version; 'contract amend --profile-on DATE' prices an amendment with the version valid on that date.")

    static let validFromOption = Option<CalendarDate>(
        "--valid-from", valueName: "yyyy-mm-dd",
        help: "Record the profile as a dated version, valid from this date (e.g. the new school year's pupil counts).")

    /// The profile files, in the order given.
    var files: [String]
    var validFrom: CalendarDate?
    var store: StoreSelection

    init(parsing arguments: ParsedArguments) throws(CLIError) {
        var files: [String] = []
        for index in arguments.positionals.indices {
            if let file = try arguments.positional(index, as: PathArgument.self, name: "file", command: Self.info) { files.append(file.path) }
        }
        self.files = files
        validFrom = try arguments.value(Self.validFromOption, command: Self.info)
        store = try StoreSelection(parsing: arguments, command: Self.info)
    }

    func run(_ context: inout CommandContext) throws(CLIError) {
        let profiles = try Self.read(files)
        let store = try store.open(context, .readWrite)
        for entry in profiles {
            do {
                let changed = if let validFrom {
                    try store.importMunicipalityVersion(code: entry.profile.code, name: entry.profile.name, profile: entry.text, validFrom: validFrom)
                } else {
                    try store.importMunicipality(code: entry.profile.code, name: entry.profile.name, profile: entry.text)
                }
                let version = validFrom.map { ", version valid from \($0)" } ?? ""
                context.print("\(changed ? "imported" : "unchanged") \(entry.profile.code) (\(entry.profile.name)) from \(entry.file)\(version)")
            } catch {
                throw .database(file: store.database.path, message: error.description)
            }
        }
    }

    /// Every file's profile and its text; every problem of every file at once, before anything is imported.
    private static func read(_ files: [String]) throws(CLIError) -> [(file: String, profile: MunicipalityProfile, text: String)] {
        var profiles: [(file: String, profile: MunicipalityProfile, text: String)] = []
        var problems: [Diagnostic] = []
        for file in files {
            do {
                let bytes = try FileSystem.readFile(file, limit: FileSystem.maximumProfileOrOfferBytes)
                profiles.append((file, try ProfileLoader.load(bytes: bytes, file: file), String(decoding: bytes, as: UTF8.self)))
            } catch {
                guard case .invalid(let found) = error else { throw .input(error) }
                problems += found
            }
        }
        guard problems.isEmpty else { throw .input(.invalid(problems)) }
        return profiles
    }
}
