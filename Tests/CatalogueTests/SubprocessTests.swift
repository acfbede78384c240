#if canImport(Glibc)
import Glibc
#endif
import Support
import Testing
import TestSupport

/// Running another program: its exit status or signal, a time limit that kills it with every
/// helper it started, and no helper left running after it ends.
@Suite("running a program bounded in time")
struct SubprocessTests {
    @Test("the exit status, a signal, and a program that cannot start")
    func outcomes() {
        #expect(Subprocess.run(["/bin/sh", "-c", "exit 3"], timeoutSeconds: 30) == .exited(3))
        #expect(Subprocess.run(["/bin/sh", "-c", "exit 0"], timeoutSeconds: 30) == .exited(0))
        #expect(Subprocess.run(["/bin/sh", "-c", "kill -9 $$"], timeoutSeconds: 30) == .signalled(9))
        #expect(Subprocess.run(["/nonexistent/program"], timeoutSeconds: 30) == nil)
        #expect(Subprocess.run([], timeoutSeconds: 30) == nil)
    }

    /// Whether the process `pid` still runs (a zombie waiting for its parent does not).
    private func running(_ pid: Int32) -> Bool {
        guard let stat = readFile("/proc/\(pid)/stat"), let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(close, offsetBy: 2)]
        return state != "Z" && state != "X"
    }

    @Test("a program over its time is killed with its helpers; a helper left behind by a finished program is killed too")
    func helpersDoNotOutliveIt() throws {
        let directory = temporaryDirectory()
        let slow = Subprocess.run(["/bin/sh", "-c", "sleep 30 & echo $! > \(directory)/slow; wait"], timeoutSeconds: 1)
        #expect(slow == .timedOut)
        let finished = Subprocess.run(["/bin/sh", "-c", "sleep 30 & echo $! > \(directory)/left; exit 0"], timeoutSeconds: 30)
        #expect(finished == .exited(0))
        for name in ["slow", "left"] {
            let text = try #require(readFile(directory + "/" + name))
            let pid = try #require(Int32(text.filter { $0 != "\n" }))
            var gone = false
            for _ in 0..<200 where !gone {
                gone = !running(pid)
                if !gone { usleep(10_000) }
            }
            #expect(gone, "the helper \(pid) (\(name)) still runs")
        }
    }

    @Test("an executable is found on the search path, or as a path")
    func find() {
        #expect(Subprocess.find("sh", searchPath: "/nonexistent:/bin") == "/bin/sh")
        #expect(Subprocess.find("/bin/sh", searchPath: nil) == "/bin/sh")
        #expect(Subprocess.find("no-such-program-here", searchPath: "/bin:/usr/bin") == nil)
        #expect(Subprocess.find("", searchPath: "/bin") == nil)
    }
}
