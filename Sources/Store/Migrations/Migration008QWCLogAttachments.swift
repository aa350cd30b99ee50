import Domain
import SQLKit

/// Web Connector logs a support person attached to a company (issue 23, the log reader): the uploaded
/// `QWCLog.txt` with every line that held a ticket or a password removed, kept beside the company's activity.
/// Version 8: version 7 is taken by a change made alongside this one.
struct Migration008QWCLogAttachments: Migration {
    let version = 8
    let name = "Web Connector logs attached to a company"

    func apply(on sql: any SQLDatabase) async throws {
        try await sql.create(table: "qwc_log_attachments")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("company_id", type: .text, .notNull, .references("companies", "id"))
            .column("attached_at", type: .bigint, .notNull)
            .column("actor", type: .text, .notNull)
            .column("file_name", type: .text, .notNull)
            .column("byte_count", type: .bigint, .notNull)
            .column("summary", type: .text, .notNull)
            .column("content", type: .text, .notNull)
            .run()
        try await sql.create(index: "qwc_log_attachments_company").on("qwc_log_attachments").column("company_id").column("attached_at").run()
    }
}
