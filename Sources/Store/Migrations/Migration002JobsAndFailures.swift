import Domain
import SQLKit

/// The durable job queue and the failure records (docs/architecture.md, "The durable job queue"; docs/failure-catalogue.md, "The record").
struct Migration002JobsAndFailures: Migration {
    let version = 2
    let name = "jobs and failure records"

    func apply(on sql: any SQLDatabase) async throws {
        try await sql.create(table: "jobs")
            // `seq` orders the queue (FIFO per company within a priority); `id` is the public id.
            .column("seq", type: .bigint, .primaryKey(autoIncrement: true))
            .column("id", type: .text, .notNull, .unique)
            .column("company_id", type: .text, .notNull, .references("companies", "id"))
            .column("kind", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("priority", type: .int, .notNull)
            .column("external_id", type: .text)
            .column("body_hash", type: .text)
            .column("payload", type: .text, .notNull)
            .column("state", type: .text)
            .column("result", type: .text)
            .column("txn_id", type: .text)
            .column("session_id", type: .text)
            .column("claimed_at", type: .bigint)
            .column("sent_at", type: .bigint)
            .column("attempts", type: .int, .notNull)
            .column("next_attempt_at", type: .bigint)
            .column("depends_on", type: .text)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        // The idempotency key: one job per (company, external id) and kind.
        try await sql.raw("CREATE UNIQUE INDEX jobs_external_id ON jobs (company_id, kind, external_id) WHERE external_id IS NOT NULL").run()
        try await sql.create(index: "jobs_queue").on("jobs").column("company_id").column("status").column("priority").column("seq").run()
        try await sql.create(index: "jobs_updated").on("jobs").column("updated_at").run()

        try await sql.create(table: "failures")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("company_id", type: .text, .notNull, .references("companies", "id"))
            .column("job_id", type: .text)
            .column("category", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("summary", type: .text, .notNull)
            .column("evidence", type: .text, .notNull)
            .column("status_code", type: .int)
            .column("status_message", type: .text)
            .column("hresult", type: .text)
            .column("resolution", type: .text, .notNull)
            .column("actions", type: .text, .notNull)
            .column("auto_recheck", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("is_connection", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("status", type: .text, .notNull)
            .column("reason", type: .text)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .column("closed_at", type: .bigint)
            .run()
        try await sql.create(index: "failures_company_status").on("failures").column("company_id").column("status").column("created_at").run()
        try await sql.create(index: "failures_job").on("failures").column("job_id").run()
    }
}
