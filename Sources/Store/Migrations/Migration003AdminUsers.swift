import Domain
import SQLKit

/// Admin users of the web UI and their browser sessions (docs/architecture.md, "Security": the admin UI is behind a login
/// and its forms are CSRF-protected).
///
/// `ui_sessions.id` is the SHA-256 of the 256-bit cookie token, never the token itself, so a copy of the
/// database hands out no working session. The CSRF token lives next to it (one per session) and `flash`
/// holds the one message shown after the next redirect.
struct Migration003AdminUsers: Migration {
    let version = 3
    let name = "admin users and web UI sessions"

    func apply(on sql: any SQLDatabase) async throws {
        try await sql.create(table: "admin_users")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("username", type: .text, .notNull, .unique)
            .column("password_hash", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()

        try await sql.create(table: "ui_sessions")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("user_id", type: .text, .notNull, .references("admin_users", "id"))
            .column("csrf_token", type: .text, .notNull)
            .column("flash", type: .text)
            .column("created_at", type: .bigint, .notNull)
            .column("expires_at", type: .bigint, .notNull)
            .run()
        try await sql.create(index: "ui_sessions_expires").on("ui_sessions").column("expires_at").run()
    }
}
