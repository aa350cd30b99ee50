public import Domain
import Foundation
import SQLKit

/// Web Connector logs attached to a company (issue 23). Attaching writes the log and its activity entry in
/// one transaction, so the activity never names a log that is not there.
public struct QWCLogAttachments: Sendable {
    let database: Database

    /// Keeps `attachment` and records `qwc_log.attached` in the company's activity.
    public func attach(_ attachment: QWCLogAttachment) async throws {
        try await database.transaction { sql in
            try await sql.insert(into: "qwc_log_attachments")
                .columns("id", "company_id", "attached_at", "actor", "file_name", "byte_count", "summary", "content")
                .values(SQLBind(attachment.id), SQLBind(attachment.companyID.rawValue), SQLBind(attachment.attachedAt.milliseconds),
                        SQLBind(attachment.actor), SQLBind(attachment.fileName), SQLBind(attachment.byteCount), SQLBind(attachment.summary),
                        SQLBind(attachment.content))
                .run()
            try await ActivityLog.append(
                NewActivity(actor: attachment.actor, companyID: attachment.companyID, subject: "qwc_log", subjectID: attachment.id,
                            action: "qwc_log.attached",
                            detail: ["fileName": attachment.fileName, "bytes": String(attachment.byteCount), "summary": attachment.summary]),
                on: sql, at: attachment.attachedAt)
        }
    }

    /// A company's attached logs, newest first, without their text.
    public func list(companyID: CompanyID, limit: Int = 50) async throws -> [QWCLogAttachment] {
        try await database.read { sql in
            let rows = try await sql.select()
                .columns("id", "company_id", "attached_at", "actor", "file_name", "byte_count", "summary")
                .from("qwc_log_attachments")
                .where("company_id", .equal, SQLBind(companyID.rawValue))
                .orderBy("attached_at", .descending)
                .limit(max(1, min(limit, 500)))
                .all()
            return try rows.map { try Self.attachment($0, content: "") }
        }
    }

    /// One attached log with its text, or nil.
    public func find(companyID: CompanyID, id: String) async throws -> QWCLogAttachment? {
        try await database.read { sql in
            let row = try await sql.select()
                .columns("id", "company_id", "attached_at", "actor", "file_name", "byte_count", "summary", "content")
                .from("qwc_log_attachments")
                .where("company_id", .equal, SQLBind(companyID.rawValue))
                .where("id", .equal, SQLBind(id))
                .first()
            return try row.map { try Self.attachment($0, content: try $0.decode(column: "content", as: String.self)) }
        }
    }

    private static func attachment(_ row: any SQLRow, content: String) throws -> QWCLogAttachment {
        QWCLogAttachment(
            id: try row.decode(column: "id", as: String.self),
            companyID: CompanyID(rawValue: try row.decode(column: "company_id", as: String.self)),
            attachedAt: Timestamp(milliseconds: try row.decode(column: "attached_at", as: Int64.self)),
            actor: try row.decode(column: "actor", as: String.self),
            fileName: try row.decode(column: "file_name", as: String.self),
            byteCount: try row.decode(column: "byte_count", as: Int.self),
            summary: try row.decode(column: "summary", as: String.self),
            content: content)
    }
}
