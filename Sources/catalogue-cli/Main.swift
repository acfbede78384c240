#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process entry point: runs the command and writes its output in one piece. A failure to
/// write standard output (a full disk, a closed pipe: SIGPIPE is ignored so that it arrives as
/// EPIPE) is reported on standard error and exits 74, never 0.
@main
struct CatalogueCLIMain {
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        var variables: [String: String] = [:]
        for name in ["CATALOGUE_DB", "CATALOGUE_USER", "USER", "CATALOGUE_NOW", "CATALOGUE_CHROMIUM", "PATH"] {
            if let value = getenv(name) { variables[name] = String(cString: value) }
        }
        let result = CLI.run(arguments: Array(CommandLine.arguments.dropFirst()),
                             environment: CLIEnvironment(variables: variables))
        var exitCode = result.exitCode.rawValue
        var standardError = result.standardError
        if let failure = writeAll(result.standardOutput, to: STDOUT_FILENO) {
            standardError += "Error: cannot write standard output: \(failure)\n"
            // The command's own failure, if any, keeps its exit code; a success becomes 74.
            if exitCode == ExitCode.success.rawValue { exitCode = ExitCode.inputOutputError.rawValue }
        }
        if writeAll(standardError, to: STDERR_FILENO) != nil, exitCode == ExitCode.success.rawValue {
            exitCode = ExitCode.inputOutputError.rawValue
        }
        exit(exitCode)
    }

    /// Writes all of `text`; nil when done, else why not ("no space left on device").
    static func writeAll(_ text: String, to descriptor: Int32) -> String? {
        var text = text
        return text.withUTF8 { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    let message = String(cString: strerror(errno))
                    return (message.first?.lowercased() ?? "") + message.dropFirst()
                }
                offset += written
            }
            return nil
        }
    }
}

/// The current moment as `2026-11-21T23:40:12Z`, read from the system clock.
func systemTimestamp() -> String {
    var seconds = time(nil)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
}
