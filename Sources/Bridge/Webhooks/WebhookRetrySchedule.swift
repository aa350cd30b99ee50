public import Foundation

/// When a failed delivery is tried again (issue 24, "Delivery rules"): immediately, then after 5 s, 5 min, 30 min,
/// 2 h, 5 h, 10 h, 14 h, 20 h and 24 h (ten attempts over about three days), each delay with ±10 % jitter so that
/// a receiver that comes back is not hit by every waiting delivery at once. A `Retry-After` longer than the
/// scheduled delay is honoured (up to 24 h). `scale` shrinks every duration for tests (1 in production).
public struct WebhookRetrySchedule: Sendable {
    /// Seconds to wait before attempt n+1 after n attempts; attempt 1 is immediate.
    public static let delays: [Double] = [0, 5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 14 * 3600, 20 * 3600, 24 * 3600]
    /// An endpoint whose attempts have failed for this long is disabled.
    public static let disableAfter: Double = 3 * 24 * 3600
    /// The longest wait a `Retry-After` can ask for.
    public static let longestRetryAfter: Double = 24 * 3600

    /// Multiplies every duration (tests run the schedule in milliseconds).
    public var scale: Double

    /// A schedule.
    public init(scale: Double = 1) {
        self.scale = scale
    }

    /// Seconds until the next attempt after `attempts` attempts of this round, or nil when the schedule is used up.
    /// `jitter` is a number in -1...1 (random in production).
    public func delay(afterAttempts attempts: Int, retryAfter: Double?, jitter: Double) -> Double? {
        guard attempts >= 1, attempts < Self.delays.count else { return nil }
        var seconds = Self.delays[attempts] * (1 + 0.1 * max(-1, min(1, jitter)))
        if let retryAfter, retryAfter > seconds { seconds = min(retryAfter, Self.longestRetryAfter) }
        return seconds * scale
    }

    /// How long an endpoint may fail before it is disabled, scaled.
    public var disableAfterSeconds: Double { Self.disableAfter * scale }

    /// A `Retry-After` value in seconds: delay-seconds or an HTTP date (RFC 9110, 10.2.3); nil when unreadable.
    public static func retryAfterSeconds(_ value: String?, now: Date = Date()) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value) { return seconds >= 0 ? Double(seconds) : nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
