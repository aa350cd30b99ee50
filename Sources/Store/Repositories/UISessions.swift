public import Domain
import Foundation
import SQLKit

/// Web UI sessions. The browser holds a 256-bit random token; only its SHA-256 is stored, like API
/// tokens and Web Connector tickets (`SecretHash`).
public struct UISessions: Sendable {
    let database: Database

    /// Opens a session for a user; returns the cookie token (the only time it exists in clear) and the session.
    public func create(for user: AdminUser, lifetimeSeconds: Double, now: Timestamp = .now) async throws -> (token: String, session: UISession) {
        let token = Self.newToken()
        let session = UISession(id: SecretHash.hex(token), user: user, csrfToken: Self.newToken(), flash: nil,
                                expiresAt: now.adding(seconds: lifetimeSeconds))
        try await database.transaction { sql in
            try await sql.delete(from: "ui_sessions").where("expires_at", .lessThanOrEqual, SQLBind(now.milliseconds)).run()
            try await sql.insert(into: "ui_sessions").columns("id", "user_id", "csrf_token", "flash", "created_at", "expires_at")
                .values(SQLBind(session.id), SQLBind(user.id), SQLBind(session.csrfToken), SQLBind(nil as String?),
                        SQLBind(now.milliseconds), SQLBind(session.expiresAt.milliseconds)).run()
            try await ActivityLog.append(
                NewActivity(actor: "admin:" + user.username, companyID: nil, subject: "admin_user", subjectID: user.id, action: "admin_user.signed_in"),
                on: sql, at: now
            )
        }
        return (token, session)
    }

    /// The live session for a cookie token, or nil when unknown or expired.
    public func find(token: String, now: Timestamp = .now) async throws -> UISession? {
        guard token.utf8.count == 64, token.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else { return nil }
        return try await database.read { sql in
            guard let row = try await sql.raw("""
                SELECT s.id AS id, s.csrf_token AS csrf_token, s.flash AS flash, s.expires_at AS expires_at,
                       u.id AS user_id, u.username AS username, u.created_at AS user_created_at
                FROM ui_sessions s JOIN admin_users u ON u.id = s.user_id
                WHERE s.id = \(bind: SecretHash.hex(token)) AND s.expires_at > \(bind: now.milliseconds)
                """).first() else { return nil }
            let user = AdminUser(id: try row.decode(column: "user_id", as: String.self), username: try row.decode(column: "username", as: String.self),
                                 createdAt: Timestamp(milliseconds: try row.decode(column: "user_created_at", as: Int64.self)))
            return UISession(id: try row.decode(column: "id", as: String.self), user: user,
                             csrfToken: try row.decode(column: "csrf_token", as: String.self),
                             flash: try row.decode(column: "flash", as: String?.self),
                             expiresAt: Timestamp(milliseconds: try row.decode(column: "expires_at", as: Int64.self)))
        }
    }

    /// Sets (or clears, with nil) the message the next page shows.
    public func setFlash(_ session: UISession, _ message: String?) async throws {
        try await database.withConnection { sql in
            try await sql.update("ui_sessions").set("flash", to: SQLBind(message)).where("id", .equal, SQLBind(session.id)).run()
        }
    }

    /// Ends a session (logout): the cookie stops working at once, on every instance.
    public func delete(_ session: UISession) async throws {
        try await database.transaction { sql in
            try await sql.delete(from: "ui_sessions").where("id", .equal, SQLBind(session.id)).run()
            try await ActivityLog.append(
                NewActivity(actor: "admin:" + session.user.username, companyID: nil, subject: "admin_user", subjectID: session.user.id,
                            action: "admin_user.signed_out"),
                on: sql
            )
        }
    }

    /// 256 bits from the system's secure generator, as 64 lowercase hex digits (cookie- and form-safe).
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return Hex.encode((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
}
