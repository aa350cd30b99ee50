public import Domain
import SQLKit

/// The web UI's view of the store (issue 8): its own repositories, and the few read queries its pages
/// need that the JSON API does not (counts per status, payment search, a record's history).
extension Store {
    /// Admin users of the web UI.
    public var adminUsers: AdminUsers { AdminUsers(database: database) }
    /// Signed-in browsers.
    public var uiSessions: UISessions { UISessions(database: database) }
}

extension Jobs {
    /// A company's jobs per status (of one kind, or all), optionally only those changed since a time (the
    /// dashboard's queue depth and "posted today") — one query, not a page of rows.
    public func statusCounts(companyID: CompanyID, kind: JobKind? = nil, updatedSince: Timestamp? = nil) async throws -> [JobStatus: Int] {
        try await database.read { sql in
            var query = sql.select().column("status").column(SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("n")))
                .from("jobs").where("company_id", .equal, SQLBind(companyID.rawValue))
            if let kind { query = query.where("kind", .equal, SQLBind(kind.rawValue)) }
            if let updatedSince { query = query.where("updated_at", .greaterThanOrEqual, SQLBind(updatedSince.milliseconds)) }
            var counts: [JobStatus: Int] = [:]
            for row in try await query.groupBy("status").all() {
                guard let status = JobStatus(rawValue: try row.decode(column: "status", as: String.self)) else { continue }
                counts[status] = try row.decode(column: "n", as: Int.self)
            }
            return counts
        }
    }

    /// Jobs of a kind, most recently changed first, filtered by company, status and a case-insensitive part of the
    /// upstream app's external id, before a cursor (`Jobs.listCursor(after:)`): without a text, a walk backwards
    /// through `jobs_kind_updated` or `jobs_company_kind_updated`.
    public func search(kind: JobKind, companyID: CompanyID? = nil, status: JobStatus? = nil, externalIDContaining text: String? = nil,
                       before cursor: PageCursor? = nil, limit: Int = 50) async throws -> [Job] {
        let position = try cursor.map(Jobs.listPosition)
        return try await database.read { sql in
            var query = sql.select().column(SQLLiteral.all).from("jobs").where("kind", .equal, SQLBind(kind.rawValue))
            if let companyID { query = query.where("company_id", .equal, SQLBind(companyID.rawValue)) }
            if let status { query = query.where("status", .equal, SQLBind(status.rawValue)) }
            if let text, !text.isEmpty {
                let pattern: SQLQueryString = "\(bind: LikePattern.containing(text)) ESCAPE '\\'"
                query = query.where(SQLBinaryExpression(SQLFunction("LOWER", args: SQLIdentifier("external_id")), .like, pattern))
            }
            if let position {
                query = query.where(SQLQueryString("(updated_at, seq) < (\(bind: position.updatedAt), \(bind: position.sequence))"))
            }
            return try await query.orderBy("updated_at", .descending).orderBy("seq", .descending).limit(max(1, min(limit, 1000))).all().map(Self.job)
        }
    }
}

extension ActivityLog {
    /// The history of some records (a payment's job and its failure records), oldest first.
    public func history(subjectIDs: [String], limit: Int = 200) async throws -> [ActivityEntry] {
        guard !subjectIDs.isEmpty else { return [] }
        return try await database.read { sql in
            try await sql.select().columns("id", "at", "actor", "company_id", "subject", "subject_id", "action", "detail")
                .from("activity").where("subject_id", .in, SQLBind.group(subjectIDs))
                .orderBy("id", .descending).limit(max(1, min(limit, 1000))).all()
                .map { row in
                    ActivityEntry(
                        id: try row.decode(column: "id", as: Int64.self),
                        at: Timestamp(milliseconds: try row.decode(column: "at", as: Int64.self)),
                        actor: try row.decode(column: "actor", as: String.self),
                        companyID: try row.decode(column: "company_id", as: String?.self).map(CompanyID.init),
                        subject: try row.decode(column: "subject", as: String.self),
                        subjectID: try row.decode(column: "subject_id", as: String?.self),
                        action: try row.decode(column: "action", as: String.self),
                        detail: try row.decode(column: "detail", as: String.self)
                    )
                }
                .reversed()
        }
    }
}
