#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Running another program and waiting for it, bounded in time: for the one place the tool needs
/// one (printing a document to PDF with a browser). Without Foundation, so start-up stays small.
public enum Subprocess {
    /// How a program ended.
    public enum Outcome: Sendable, Equatable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it.
        case signalled(Int32)
        /// It ran longer than allowed and was killed, with everything it started.
        case timedOut
    }

    /// The executable `name` names: itself when it contains a slash, else the first match in the
    /// directories of `searchPath` (a `PATH` value). Nil when there is none.
    public static func find(_ name: String, searchPath: String?) -> String? {
        guard !name.isEmpty, !name.utf8.contains(0) else { return nil }
        if name.contains("/") { return access(name, X_OK) == 0 && FileSystem.isFile(name) ? name : nil }
        for directory in (searchPath ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = directory + "/" + name
            if FileSystem.isFile(candidate), access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// Runs `arguments` (the first is the executable's path) with standard input, output and
    /// error on /dev/null, in a process group of its own, and waits at most `timeoutSeconds`.
    /// The whole group is killed when it takes longer, and after it ends, so no helper process
    /// it started outlives it. Nil when the program could not be started.
    public static func run(_ arguments: [String], timeoutSeconds: Int) -> Outcome? {
        guard let executable = arguments.first, !arguments.contains(where: { $0.utf8.contains(0) }) else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var pointers: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        var pid = pid_t()
        guard posix_spawn(&pid, executable, &actions, &attributes, &pointers, environ) == 0 else { return nil }
        return wait(for: pid, timeoutSeconds: timeoutSeconds)
    }

    /// Waits for `pid`, polling, and kills its group when it has ended (helpers it left behind)
    /// or when the time is up. The group is killed while its leader is still unreaped, so its id
    /// cannot yet belong to another process group.
    private static func wait(for pid: pid_t, timeoutSeconds: Int) -> Outcome {
        let deadline = monotonicMilliseconds() + Int64(timeoutSeconds) * 1000
        var status: Int32 = 0
        while true {
            var info = siginfo_t()
            let result = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
            if result == 0, info.si_signo == SIGCHLD {
                kill(-pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                break
            }
            if result == -1 && errno != EINTR { return .exited(-1) }
            if monotonicMilliseconds() >= deadline {
                kill(-pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                return .timedOut
            }
            var pause = timespec(tv_sec: 0, tv_nsec: 20_000_000)
            nanosleep(&pause, nil)
        }
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    private static func monotonicMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}
