import Foundation
import TestSupport

// Running the tools that read the archives back (unzip, python3) as subprocesses.

/// What a finished subprocess left: its exit status and everything it wrote to standard output
/// and standard error.
struct ToolResult {
    /// The exit status; 0 for success.
    let status: Int32
    /// Standard output and standard error, interleaved.
    let output: String
}

/// The full path of an executable found on `PATH`, or nil when there is none.
func executableOnPath(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
        let candidate = "\(directory)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}

/// Runs an executable with arguments, and with `environment` added to this process's, and waits
/// for it; nil when it cannot be started.
func runTool(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) -> ToolResult? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    do { try process.run() } catch { return nil }
    // Read before waiting, so a large output cannot fill the pipe and block the tool.
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ToolResult(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
}

/// Writes bytes to a new file in a fresh temporary directory and returns its path.
func writeTemporaryFile(_ bytes: [UInt8], named name: String) throws -> String {
    let path = temporaryDirectory(prefix: "workbook-test") + "/" + name
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}
