import Catalogue
import Support

/// The exit codes of `../shared/spec/interface.md` (the BSD `sysexits` values).
enum ExitCode: Int32, Sendable {
    case success = 0
    case usage = 64
    case dataError = 65
    case cannotReadInput = 66
    case unavailable = 69
    case cannotCreateOutput = 73
    case inputOutputError = 74
    case internalError = 70
}

/// Everything a command can fail with; each case has its exit code and its message.
enum CLIError: Error {
    /// Wrong arguments: the message, and the command whose usage to show.
    case usage(String, command: CommandInfo)
    /// An input file that cannot be read, or whose content is wrong.
    case input(InputError)
    /// An output that cannot be created.
    case cannotCreateOutput(file: String, reason: String)
    /// A bug: something the program itself got wrong.
    case internalError(String)
    /// The database failed: the file and what went wrong.
    case database(file: String, message: String)
    /// A step refused because of the state of what it works on (an issued offer, an expired quote).
    case refused(String)
    /// An argument names nothing in the store (no offer 999, no municipality 'asen'); the message
    /// says where to look and suggests a close name.
    case notFound(String)
    /// The question has no answer (no offer fits the budget); the full explanation is already on
    /// standard output, and this message goes to standard error.
    case unsatisfiable(String)
    /// A program the command needs is not there or failed (Chromium, for PDF output).
    case unavailable(String)

    var exitCode: ExitCode {
        switch self {
        case .usage: .usage
        case .input(.cannotRead): .cannotReadInput
        case .input(.invalid): .dataError
        case .input(.missingAssumption): .usage
        case .cannotCreateOutput: .cannotCreateOutput
        case .internalError: .internalError
        case .database: .inputOutputError
        case .refused, .unsatisfiable: .dataError
        case .notFound: .usage
        case .unavailable: .unavailable
        }
    }

    /// "Error: 2 problems in tariffs/2025.json:" and one indented line per problem; when the
    /// problems span several files, each line names its file.
    private static func describe(_ diagnostics: [Diagnostic]) -> String {
        let count = diagnostics.count == 1 ? "1 problem" : "\(diagnostics.count) problems"
        let files = Set(diagnostics.map(\.file))
        if files.count == 1, let file = files.first {
            return "Error: \(count) in \(file):\n" + diagnostics.map { "  \($0.path): \($0.message)\n" }.joined()
        }
        return "Error: \(count):\n" + diagnostics.map { "  \($0)\n" }.joined()
    }

    /// The text for standard error, ending in a newline.
    var message: String {
        switch self {
        case .usage(let message, let command):
            "Error: \(message)\nUsage: \(command.usage)\nSee '\(command.helpCommand)'.\n"
        case .input(.cannotRead(let file, let reason)):
            "Error: cannot read \(file): \(reason)\n"
        case .input(.invalid(let diagnostics)):
            Self.describe(diagnostics)
        case .input(.missingAssumption(_, let message)):
            "Error: \(message)\nSee 'catalogue-cli price --help'.\n"
        case .cannotCreateOutput(let file, let reason):
            "Error: cannot create \(file): \(reason)\n"
        case .internalError(let message):
            "Error: internal error: \(message)\nThis is a bug in catalogue-cli; please report it with the command you ran.\n"
        case .database(let file, let message):
            "Error: database \(file): \(message)\n"
        case .refused(let message), .unsatisfiable(let message), .notFound(let message), .unavailable(let message):
            "Error: \(message)\n"
        }
    }
}
