public import Domain
import SQLKit

/// Durable rate limiting of failed logins (Web Connector and UI), shared by every instance.
///
/// After `maximumFailures` failures within `window`, the key is locked for `lockout`; a success clears it.
public struct LoginThrottle: Sendable {
    let database: Database
    /// Failures allowed in a window before the lock.
    public var maximumFailures = 5
    /// The counting window, seconds.
    public var windowSeconds: Double = 15 * 60
    /// How long a lock lasts, seconds.
    public var lockoutSeconds: Double = 15 * 60

    /// Whether the key is locked now.
    public func isLocked(_ key: String, now: Timestamp = .now) async throws -> Bool {
        try await state(key, now: now).locked
    }

    /// Whether the key is locked, and whether it has failures on record at all (a success then clears them).
    public func state(_ key: String, now: Timestamp = .now) async throws -> (locked: Bool, hasFailures: Bool) {
        try await database.read { sql in
            guard let row = try await sql.select().column("locked_until").from("login_throttle").where("key", .equal, SQLBind(key)).first() else {
                return (false, false)
            }
            let until = try row.decode(column: "locked_until", as: Int64?.self)
            return ((until ?? 0) > now.milliseconds, true)
        }
    }

    /// Counts a failure; returns true when the key is now locked.
    @discardableResult
    public func recordFailure(_ key: String, now: Timestamp = .now) async throws -> Bool {
        let window = Int64(windowSeconds * 1000)
        let maximum = maximumFailures
        let lockUntil = now.adding(seconds: lockoutSeconds).milliseconds
        return try await database.transaction { sql in
            var failures = 1
            var windowStart = now.milliseconds
            if let row = try await sql.select().columns("failures", "window_start").from("login_throttle")
                .where("key", .equal, SQLBind(key)).first() {
                let start = try row.decode(column: "window_start", as: Int64.self)
                if now.milliseconds - start < window {
                    failures = try row.decode(column: "failures", as: Int.self) + 1
                    windowStart = start
                }
                try await sql.delete(from: "login_throttle").where("key", .equal, SQLBind(key)).run()
            }
            let locked = failures >= maximum
            try await sql.insert(into: "login_throttle").columns("key", "failures", "window_start", "locked_until")
                .values(SQLBind(key), SQLBind(failures), SQLBind(windowStart), SQLBind(locked ? lockUntil : nil as Int64?)).run()
            return locked
        }
    }

    /// Clears the key after a success.
    public func recordSuccess(_ key: String) async throws {
        try await database.withConnection { sql in
            try await sql.delete(from: "login_throttle").where("key", .equal, SQLBind(key)).run()
        }
    }
}
