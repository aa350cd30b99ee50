import SQLKit

/// Indexes that serve the lists of the JSON API and the web UI in their own order, so a page is a seek and a
/// read of the page's rows, with a million rows as with a thousand (issue 26; docs/operations.md, "Lists at scale").
///
/// - payments (and every job list) oldest change first, overall and per company: `(kind, updated_at, seq)` and
///   `(company_id, kind, updated_at, seq)`;
/// - failure records newest first, overall, per status and per company: `(created_at, id)`,
///   `(status, created_at, id)`, `(company_id, created_at, id)`;
/// - companies by name: `(name, id)`.
///
/// Activity needs none: it pages by its primary key, and per company by `activity_company_id`.
struct Migration010ListIndexes: Migration {
    let version = 10
    let name = "list indexes in list order"

    func apply(on sql: any SQLDatabase) async throws {
        try await sql.create(index: "jobs_kind_updated").on("jobs").column("kind").column("updated_at").column("seq").run()
        try await sql.create(index: "jobs_company_kind_updated").on("jobs")
            .column("company_id").column("kind").column("updated_at").column("seq").run()
        try await sql.create(index: "failures_created").on("failures").column("created_at").column("id").run()
        try await sql.create(index: "failures_status_created").on("failures").column("status").column("created_at").column("id").run()
        try await sql.create(index: "failures_company_created").on("failures").column("company_id").column("created_at").column("id").run()
        try await sql.create(index: "companies_name").on("companies").column("name").column("id").run()
    }
}
