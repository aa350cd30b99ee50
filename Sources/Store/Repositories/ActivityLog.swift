public import Domain
import Foundation
import SQLKit

/// The activity log. Entries are written inside the transaction of the change they describe, so the
/// log and the state never disagree.
public struct ActivityLog: Sendable {
    let database: Database

    /// Keys whose values are replaced by `***` whatever the caller passes.
    static let secretKeys: Set<String> = ["password", "token", "ticket", "secret", "passwordHash", "password_hash"]

    /// Appends an entry in its own transaction.
    public func append(_ entry: NewActivity) async throws {
        try await database.transaction { sql in try await Self.append(entry, on: sql) }
    }

    static func append(_ entry: NewActivity, on sql: any SQLDatabase, at time: Timestamp = .now) async throws {
        var detail = entry.detail
        for key in detail.keys where secretKeys.contains(key) {
            detail[key] = "***"
        }
        // SQL text rather than SQLKit's builder: an entry goes with nearly every change.
        try await sql.raw("""
            INSERT INTO activity (at, actor, company_id, subject, subject_id, action, detail)
            VALUES (\(bind: time.milliseconds), \(bind: entry.actor), \(bind: entry.companyID?.rawValue), \(bind: entry.subject),
            \(bind: entry.subjectID), \(bind: entry.action), \(bind: Self.jsonObject(detail)))
            """).run()
    }

    /// A JSON object of string values, keys sorted: the same text whatever the dictionary's order. Written
    /// by hand because JSONSerialization (boxing every value) was the costliest step of a job's enqueue.
    static func jsonObject(_ pairs: [String: String]) -> String {
        var text = "{"
        for (index, key) in pairs.keys.sorted().enumerated() {
            if index > 0 { text += "," }
            appendJSONString(key, to: &text)
            text += ":"
            appendJSONString(pairs[key] ?? "", to: &text)
        }
        return text + "}"
    }

    private static func appendJSONString(_ value: String, to text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }

    /// Entries newest first, optionally for one company, before a cursor id.
    public func list(companyID: CompanyID? = nil, before cursor: Int64? = nil, limit: Int = 100) async throws -> [ActivityEntry] {
        try await database.read { sql in
            var query = sql.select().columns("id", "at", "actor", "company_id", "subject", "subject_id", "action", "detail")
                .from("activity")
            if let companyID { query = query.where("company_id", .equal, SQLBind(companyID.rawValue)) }
            if let cursor { query = query.where("id", .lessThan, SQLBind(cursor)) }
            let rows = try await query.orderBy("id", .descending).limit(max(1, min(limit, 1000))).all()
            return try rows.map { row in
                let stored = try row.decode(model: ActivityRow.self)
                return ActivityEntry(
                    id: stored.id, at: Timestamp(milliseconds: stored.at), actor: stored.actor,
                    companyID: stored.companyId.map(CompanyID.init), subject: stored.subject,
                    subjectID: stored.subjectId, action: stored.action, detail: stored.detail
                )
            }
        }
    }
}

private struct ActivityRow: Decodable {
    var id: Int64
    var at: Int64
    var actor: String
    var companyId: String?
    var subject: String
    var subjectId: String?
    var action: String
    var detail: String

    /// Column names spelled out: decoding with `.convertFromSnakeCase` converts every key on every row.
    enum CodingKeys: String, CodingKey {
        case id
        case at
        case actor
        case companyId = "company_id"
        case subject
        case subjectId = "subject_id"
        case action
        case detail
    }
}
