#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process entry point: runs the command and writes its output in one piece.
@main
struct CatalogueCLIMain {
    static func main() {
        var variables: [String: String] = [:]
        for name in ["CATALOGUE_DB", "CATALOGUE_USER", "USER", "CATALOGUE_NOW"] {
            if let value = getenv(name) { variables[name] = String(cString: value) }
        }
        let result = CLI.run(arguments: Array(CommandLine.arguments.dropFirst()),
                             environment: CLIEnvironment(variables: variables))
        if !result.standardOutput.isEmpty {
            writeAll(result.standardOutput, to: STDOUT_FILENO)
        }
        if !result.standardError.isEmpty {
            writeAll(result.standardError, to: STDERR_FILENO)
        }
        exit(result.exitCode.rawValue)
    }

    private static func writeAll(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
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
