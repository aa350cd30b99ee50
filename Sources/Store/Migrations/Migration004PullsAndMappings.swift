import Domain
import SQLKit

/// What QuickBooks told us about invoices and customers (the latest snapshot of each record), upstream
/// customer ids mapped to QuickBooks ListIDs, and the per-company settings for scheduled pulls and the
/// deposit report (issue "Pulls, raw requests and reconciliation").
///
/// Snapshots are keyed by (company, QuickBooks id) so a re-pull overwrites in place; `modified_key` is
/// TimeModified as sortable wall-clock text, the watermark of the next incremental pull. `pull_id` is the
/// last pull that saw the row, so a full pull can remove what QuickBooks no longer returns.
struct Migration004PullsAndMappings: Migration {
    let version = 4
    let name = "invoice and customer snapshots, customer mappings, pull settings"

    func apply(on sql: any SQLDatabase) async throws {
        try await sql.create(table: "invoice_snapshots")
            .column("company_id", type: .text, .notNull, .references("companies", "id"))
            .column("txn_id", type: .text, .notNull)
            .column("ref_number", type: .text)
            .column("customer_list_id", type: .text)
            .column("customer_name", type: .text)
            .column("txn_date", type: .text)
            .column("due_date", type: .text)
            .column("subtotal_cents", type: .bigint)
            .column("tax_cents", type: .bigint)
            .column("applied_cents", type: .bigint)
            .column("balance_cents", type: .bigint, .notNull)
            .column("is_paid", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("memo", type: .text)
            .column("edit_sequence", type: .text)
            .column("time_modified", type: .text)
            .column("modified_key", type: .text)
            .column("pull_id", type: .text, .notNull)
            .column("pulled_at", type: .bigint, .notNull)
            .primaryKey("company_id", "txn_id")
            .run()
        try await sql.create(index: "invoice_snapshots_customer").on("invoice_snapshots").column("company_id").column("customer_list_id").run()
        try await sql.create(index: "invoice_snapshots_modified").on("invoice_snapshots").column("company_id").column("modified_key").run()

        try await sql.create(table: "customer_snapshots")
            .column("company_id", type: .text, .notNull, .references("companies", "id"))
            .column("list_id", type: .text, .notNull)
            .column("name", type: .text)
            .column("full_name", type: .text)
            .column("company_name", type: .text)
            .column("email", type: .text)
            .column("phone", type: .text)
            .column("is_active", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("balance_cents", type: .bigint)
            .column("total_balance_cents", type: .bigint)
            .column("edit_sequence", type: .text)
            .column("time_modified", type: .text)
            .column("modified_key", type: .text)
            .column("pull_id", type: .text, .notNull)
            .column("pulled_at", type: .bigint, .notNull)
            .primaryKey("company_id", "list_id")
            .run()
        try await sql.create(index: "customer_snapshots_modified").on("customer_snapshots").column("company_id").column("modified_key").run()

        try await sql.create(table: "customer_mappings")
            .column("company_id", type: .text, .notNull, .references("companies", "id"))
            .column("external_id", type: .text, .notNull)
            .column("list_id", type: .text, .notNull)
            .column("full_name", type: .text)
            .column("source", type: .text, .notNull)
            .column("matched_by", type: .text)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .primaryKey("company_id", "external_id")
            .run()

        // A failure record that is about neither a job nor the connection (a customer-mapping conflict)
        // names what it is about, so each subject gets its own open record.
        try await sql.alter(table: "failures").column("subject", type: .text).run()
        try await sql.alter(table: "companies").column("pull_invoices_every_sync", type: .custom(SQLRaw("BOOLEAN NOT NULL DEFAULT FALSE"))).run()
        try await sql.alter(table: "companies").column("deposit_settings", type: .text).run()
    }
}
