import Domain
import SQLKit

/// Signed webhooks (issue 24; docs/architecture.md, "Webhooks"): the endpoints upstream apps register, the
/// outbox of events written in the same transaction as the change each reports, one delivery per event and
/// endpoint (fanned out when the event is written), and every HTTP attempt of a delivery.
///
/// `webhook_deliveries.seq` is the event's outbox order; with `company_key` (the company id, or '' for none)
/// and the endpoint it is what keeps one company's events in order per endpoint, so the claim's
/// "no earlier pending delivery" test has an index of its own. `lease_until` is the claim: a row with a lease
/// in the future belongs to the instance that set it.
struct Migration007Webhooks: Migration {
    let version = 7
    let name = "webhook endpoints, event outbox, deliveries and attempts"

    func apply(on sql: any SQLDatabase) async throws {
        try await sql.create(table: "webhook_endpoints")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("url", type: .text, .notNull)
            .column("events", type: .text, .notNull)
            .column("company_id", type: .text, .references("companies", "id"))
            .column("description", type: .text)
            .column("enabled", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("disabled_reason", type: .text)
            .column("failing_since", type: .bigint)
            .column("secret", type: .text, .notNull)
            .column("previous_secret", type: .text)
            .column("previous_secret_until", type: .bigint)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()

        try await sql.create(table: "webhook_events")
            .column("seq", type: .bigint, .primaryKey(autoIncrement: true))
            .column("id", type: .text, .notNull, .unique)
            .column("type", type: .text, .notNull)
            .column("company_id", type: .text)
            .column("payload", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()

        try await sql.create(table: "webhook_deliveries")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("seq", type: .bigint, .notNull)
            .column("endpoint_id", type: .text, .notNull, .references("webhook_endpoints", "id", onDelete: .cascade))
            .column("event_id", type: .text, .notNull, .references("webhook_events", "id"))
            .column("company_key", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("round_attempts", type: .int, .notNull)
            .column("total_attempts", type: .int, .notNull)
            .column("next_attempt_at", type: .bigint)
            .column("lease_until", type: .bigint)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await sql.create(index: "webhook_deliveries_due").on("webhook_deliveries").column("status").column("next_attempt_at").run()
        try await sql.create(index: "webhook_deliveries_order").on("webhook_deliveries")
            .column("endpoint_id").column("company_key").column("status").column("seq").run()
        try await sql.create(index: "webhook_deliveries_endpoint").on("webhook_deliveries").column("endpoint_id").column("created_at").run()

        try await sql.create(table: "webhook_attempts")
            .column("delivery_id", type: .text, .notNull, .references("webhook_deliveries", "id", onDelete: .cascade))
            .column("number", type: .int, .notNull)
            .column("at", type: .bigint, .notNull)
            .column("status_code", type: .int)
            .column("error", type: .text)
            .column("duration_ms", type: .int, .notNull)
            .column("response", type: .text)
            .primaryKey("delivery_id", "number")
            .run()
    }
}
