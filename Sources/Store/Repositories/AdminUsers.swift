public import Domain
import Foundation
import SQLKit

/// Admin users of the web UI. Passwords arrive already bcrypt-hashed (Bridge's `PasswordHasher`):
/// Store never sees a password.
public struct AdminUsers: Sendable {
    let database: Database

    /// Creates a user; `.conflict` when the name is taken (case-insensitively, as people type it).
    public func create(username: String, passwordHash: String, actor: String) async throws -> AdminUser {
        let user = AdminUser(id: UUID().uuidString.lowercased(), username: username, createdAt: .now)
        do {
            try await database.transaction { sql in
                if try await Self.row(username: username, on: sql) != nil {
                    throw StoreError.conflict(field: "username", value: username)
                }
                try await sql.insert(into: "admin_users").columns("id", "username", "password_hash", "created_at")
                    .values(SQLBind(user.id), SQLBind(username), SQLBind(passwordHash), SQLBind(user.createdAt.milliseconds)).run()
                try await ActivityLog.append(
                    NewActivity(actor: actor, companyID: nil, subject: "admin_user", subjectID: user.id, action: "admin_user.created",
                                detail: ["username": username]),
                    on: sql, at: user.createdAt
                )
            }
        } catch let error as StoreError {
            throw error
        } catch where Database.isUniqueViolation(error) {
            throw StoreError.conflict(field: "username", value: username)
        }
        return user
    }

    /// What became of a set-up link's form.
    public enum FirstUserOutcome: Sendable, Equatable {
        /// The first admin user.
        case created(AdminUser)
        /// The code is not the current one, or it expired or was used.
        case codeNotCurrent
        /// An admin user exists already: set-up links are only for the first.
        case usersExist
    }

    /// Creates the first admin user with a one-time set-up code, in one transaction: the code must be current
    /// and no user may exist; the code is used up with it, so the link works once.
    public func createFirst(username: String, passwordHash: String, setupCode: String, now: Timestamp = .now) async throws -> FirstUserOutcome {
        let user = AdminUser(id: UUID().uuidString.lowercased(), username: username, createdAt: now)
        return try await database.transaction { sql in
            guard try await Installation.setupCodeIsCurrent(setupCode, on: sql, now: now) else { return .codeNotCurrent }
            let existing = try await sql.raw("SELECT COUNT(*) AS n FROM admin_users").first()?.decode(column: "n", as: Int.self) ?? 0
            guard existing == 0 else { return .usersExist }
            try await sql.delete(from: "installation").where("key", .equal, SQLBind(Installation.setupCodeKey)).run()
            try await sql.insert(into: "admin_users").columns("id", "username", "password_hash", "created_at")
                .values(SQLBind(user.id), SQLBind(username), SQLBind(passwordHash), SQLBind(now.milliseconds)).run()
            try await ActivityLog.append(
                NewActivity(actor: "setup-link", companyID: nil, subject: "admin_user", subjectID: user.id, action: "admin_user.created",
                            detail: ["username": username]),
                on: sql, at: now
            )
            return .created(user)
        }
    }

    /// Sets a new password and signs the user out everywhere (their sessions end with the old password).
    public func setPassword(username: String, passwordHash: String, actor: String) async throws {
        try await database.transaction { sql in
            guard let (user, _) = try await Self.row(username: username, on: sql) else {
                throw StoreError.notFound(kind: "admin user", id: username)
            }
            try await sql.update("admin_users").set("password_hash", to: SQLBind(passwordHash)).where("id", .equal, SQLBind(user.id)).run()
            try await sql.delete(from: "ui_sessions").where("user_id", .equal, SQLBind(user.id)).run()
            try await ActivityLog.append(
                NewActivity(actor: actor, companyID: nil, subject: "admin_user", subjectID: user.id, action: "admin_user.password_changed",
                            detail: ["username": user.username]),
                on: sql
            )
        }
    }

    /// Removes a user and their sessions; the activity log keeps what they did.
    public func remove(username: String, actor: String) async throws {
        try await database.transaction { sql in
            guard let (user, _) = try await Self.row(username: username, on: sql) else {
                throw StoreError.notFound(kind: "admin user", id: username)
            }
            try await sql.delete(from: "ui_sessions").where("user_id", .equal, SQLBind(user.id)).run()
            try await sql.delete(from: "admin_users").where("id", .equal, SQLBind(user.id)).run()
            try await ActivityLog.append(
                NewActivity(actor: actor, companyID: nil, subject: "admin_user", subjectID: user.id, action: "admin_user.removed",
                            detail: ["username": user.username]),
                on: sql
            )
        }
    }

    /// The user and its bcrypt hash for a login name, or nil.
    public func credentials(username: String) async throws -> (user: AdminUser, passwordHash: String)? {
        try await database.read { sql in try await Self.row(username: username, on: sql) }
    }

    /// One user by id.
    public func find(_ id: String) async throws -> AdminUser? {
        try await database.read { sql in
            try await sql.select().columns("id", "username", "password_hash", "created_at").from("admin_users")
                .where("id", .equal, SQLBind(id)).first().map { try Self.user($0).user }
        }
    }

    /// How many users exist (`serve` says how to create the first one).
    public func count() async throws -> Int {
        try await database.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM admin_users").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    private static func row(username: String, on sql: any SQLDatabase) async throws -> (user: AdminUser, passwordHash: String)? {
        try await sql.select().columns("id", "username", "password_hash", "created_at").from("admin_users")
            .where(SQLFunction("LOWER", args: SQLIdentifier("username")), .equal, SQLBind(username.lowercased())).first().map(user)
    }

    private static func user(_ row: any SQLRow) throws -> (user: AdminUser, passwordHash: String) {
        let user = AdminUser(id: try row.decode(column: "id", as: String.self), username: try row.decode(column: "username", as: String.self),
                             createdAt: Timestamp(milliseconds: try row.decode(column: "created_at", as: Int64.self)))
        return (user, try row.decode(column: "password_hash", as: String.self))
    }
}
