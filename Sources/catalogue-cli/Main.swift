#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process entry point: runs the command and writes its output in one piece.
@main
struct CatalogueCLIMain {
    static func main() {
        let result = CLI.run(arguments: Array(CommandLine.arguments.dropFirst()))
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
