import Domain
import SQLKit

/// Companies, Web Connector sessions, API tokens, login throttling and the activity log.
struct Migration001Initial: Migration {
    let version = 1
    let name = "companies, sessions, tokens, throttle, activity"

    func apply(on sql: any SQLDatabase) async throws {
        try await sql.create(table: "installation")
            .column("key", type: .text, .primaryKey(autoIncrement: false))
            .column("value", type: .text, .notNull)
            .run()

        try await sql.create(table: "companies")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("name", type: .text, .notNull)
            .column("username", type: .text, .notNull, .unique)
            .column("password_hash", type: .text, .notNull)
            .column("file_id", type: .text, .notNull, .unique)
            .column("run_every_minutes", type: .int, .notNull)
            .column("sync_start_date", type: .text)
            .column("read_only", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .column("qb_product", type: .text)
            .column("qb_version", type: .text)
            .column("qb_country", type: .text)
            .column("qb_file_mode", type: .text)
            .column("qbxml_supported", type: .text)
            .column("qbxml_version", type: .text)
            .column("company_file", type: .text)
            .column("qb_company_name", type: .text)
            .column("auto_apply_payments", type: .custom(SQLRaw("BOOLEAN")))
            .column("hcp_at", type: .bigint)
            .column("file_verified_at", type: .bigint)
            .column("last_session_at", type: .bigint)
            .column("last_sync_at", type: .bigint)
            .column("last_session_summary", type: .text)
            .column("connection_problem", type: .text)
            .run()

        try await sql.create(table: "sessions")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("ticket_hash", type: .text, .notNull, .unique)
            .column("company_id", type: .text, .notNull, .references("companies", "id"))
            .column("state", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("last_seen_at", type: .bigint, .notNull)
            .column("closed_at", type: .bigint)
            .column("qbxml_version", type: .text)
            .column("country", type: .text)
            .column("company_file", type: .text)
            .column("last_error", type: .text)
            .column("requests_sent", type: .int, .notNull)
            .column("responses_received", type: .int, .notNull)
            .column("summary", type: .text)
            .column("work", type: .text)
            .run()
        // At most one live session per company, enforced by the database itself so that two instances
        // racing to open one cannot both win.
        try await sql.raw("CREATE UNIQUE INDEX sessions_one_open_per_company ON sessions (company_id) WHERE state = 'open'").run()
        try await sql.create(index: "sessions_company_created").on("sessions").column("company_id").column("created_at").run()

        try await sql.create(table: "api_tokens")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("token_hash", type: .text, .notNull, .unique)
            .column("label", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("last_used_at", type: .bigint)
            .run()

        try await sql.create(table: "login_throttle")
            .column("key", type: .text, .primaryKey(autoIncrement: false))
            .column("failures", type: .int, .notNull)
            .column("window_start", type: .bigint, .notNull)
            .column("locked_until", type: .bigint)
            .run()

        try await sql.create(table: "activity")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("at", type: .bigint, .notNull)
            .column("actor", type: .text, .notNull)
            .column("company_id", type: .text)
            .column("subject", type: .text, .notNull)
            .column("subject_id", type: .text)
            .column("action", type: .text, .notNull)
            .column("detail", type: .text, .notNull)
            .run()
        try await sql.create(index: "activity_company_id").on("activity").column("company_id").column("id").run()
    }
}
