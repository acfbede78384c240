/// Login attempts limited per key (an account name, a client address): at most `limit` failed
/// attempts within a sliding `window`; a successful login clears the key. Time comes from the
/// given clock, so tests move time on instead of sleeping.
///
/// A value type: the server keeps one in an actor (or behind a lock) and calls it per login.
public struct LoginRateLimiter: Sendable {
    /// The number of failed attempts allowed within the window.
    public let limit: Int
    /// The window's length in seconds.
    public let window: Double
    /// The most keys kept; past this, keys whose failures have all aged out are forgotten first,
    /// so a flood of made-up names cannot grow the table without bound.
    public let maximumKeys: Int

    private let now: @Sendable () -> Double
    private var failures: [String: [Double]] = [:]

    /// A limiter of `limit` failures per `window` seconds (5 per 15 minutes by default), reading
    /// the time in seconds from `clock`.
    public init(limit: Int = 5, window: Double = 15 * 60, maximumKeys: Int = 10_000, clock: @escaping @Sendable () -> Double) {
        precondition(limit >= 1 && window > 0 && maximumKeys >= 1)
        self.limit = limit
        self.window = window
        self.maximumKeys = maximumKeys
        now = clock
    }

    /// Whether `key` may try to log in now.
    public func allows(_ key: String) -> Bool {
        recentFailures(key, at: now()).count < limit
    }

    /// Seconds until `key` may try again; 0 when it may now.
    public func retryAfter(_ key: String) -> Double {
        let time = now()
        let recent = recentFailures(key, at: time)
        guard recent.count >= limit else { return 0 }
        return max(0, recent[recent.count - limit] + window - time)
    }

    /// Records a failed attempt of `key`.
    public mutating func recordFailure(_ key: String) {
        let time = now()
        if failures[key] == nil, failures.count >= maximumKeys { prune(at: time) }
        if failures[key] == nil, failures.count >= maximumKeys, let oldest = oldestKey() { failures[oldest] = nil }
        var recent = recentFailures(key, at: time)
        recent.append(time)
        failures[key] = Array(recent.suffix(limit))
    }

    /// Records a successful login of `key`: its failures are forgotten.
    public mutating func recordSuccess(_ key: String) {
        failures[key] = nil
    }

    /// The number of keys with failures kept.
    public var trackedKeys: Int { failures.count }

    private func recentFailures(_ key: String, at time: Double) -> [Double] {
        (failures[key] ?? []).filter { $0 > time - window }
    }

    private mutating func prune(at time: Double) {
        failures = failures.filter { _, times in times.contains { $0 > time - window } }
    }

    private func oldestKey() -> String? {
        failures.min { ($0.value.last ?? 0) < ($1.value.last ?? 0) }?.key
    }
}
