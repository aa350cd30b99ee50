public import Domain
import Foundation
import Triage
import SQLKit

/// Failure records: written with the job change that caused them, changed by people through the
/// lifecycle actions, all in the activity log.
public struct Failures: Sendable {
    let database: Database

    /// Returns the record `.open` opened, or nil when it refreshed one already open (a `payment.failed` event is
    /// sent for a record that opens, not each time a re-check finds the same problem).
    @discardableResult
    static func apply(_ change: FailureChange, jobID: JobID?, companyID: CompanyID, on sql: any SQLDatabase, now: Timestamp) async throws -> FailureID? {
        switch change {
        case .none:
            return nil
        case .open(let new):
            let (id, created) = try await upsertReporting(new, on: sql, now: now)
            return created ? id : nil
        case .resolve(let reason):
            guard let jobID else { return nil }
            // SQL text: every posted payment asks this, nearly always to find nothing.
            let open = try await sql.raw(
                "SELECT id FROM failures WHERE job_id = \(bind: jobID.rawValue) AND status = \(bind: FailureStatus.open.rawValue)"
            ).all()
            for row in open {
                let id = try row.decode(column: "id", as: String.self)
                try await close(FailureID(id), to: .resolved, reason: reason, actor: "system", companyID: companyID, on: sql, now: now)
            }
            return nil
        }
    }

    /// Opens a record or refreshes the matching open one: for a job, its open record; for a connection
    /// failure, the company's open connection record of the same category.
    @discardableResult
    static func upsert(_ new: NewFailure, on sql: any SQLDatabase, now: Timestamp) async throws -> FailureID {
        try await upsertReporting(new, on: sql, now: now).id
    }

    /// `upsert`, also saying whether the record is new.
    static func upsertReporting(_ new: NewFailure, on sql: any SQLDatabase, now: Timestamp) async throws -> (id: FailureID, created: Bool) {
        var query = sql.select().column("id").from("failures").where("status", .equal, SQLBind(FailureStatus.open.rawValue))
        if let jobID = new.jobID {
            query = query.where("job_id", .equal, SQLBind(jobID.rawValue))
        } else if let subject = new.subject {
            query = query.where("company_id", .equal, SQLBind(new.companyID.rawValue)).where("subject", .equal, SQLBind(subject))
        } else {
            query = query.where("company_id", .equal, SQLBind(new.companyID.rawValue)).where("job_id", .is, SQLLiteral.null)
                .where("subject", .is, SQLLiteral.null).where("category", .equal, SQLBind(new.category.rawValue))
        }
        if let row = try await query.first() {
            let id = try row.decode(column: "id", as: String.self)
            try await sql.update("failures")
                .set("category", to: SQLBind(new.category.rawValue)).set("title", to: SQLBind(new.title)).set("summary", to: SQLBind(new.summary))
                .set("evidence", to: SQLBind(try jsonText(new.evidence))).set("status_code", to: SQLBind(new.statusCode))
                .set("status_message", to: SQLBind(new.statusMessage)).set("hresult", to: SQLBind(new.hresult))
                .set("resolution", to: SQLBind(try jsonText(new.resolution))).set("actions", to: SQLBind(try jsonText(new.actions.map(\.rawValue))))
                .set("auto_recheck", to: SQLBind(new.autoRecheck)).set("updated_at", to: SQLBind(now.milliseconds))
                .where("id", .equal, SQLBind(id)).run()
            return (FailureID(id), false)
        }
        let id = UUID().uuidString.lowercased()
        try await sql.insert(into: "failures")
            .columns("id", "company_id", "job_id", "category", "title", "summary", "evidence", "status_code", "status_message",
                     "hresult", "resolution", "actions", "auto_recheck", "is_connection", "status", "created_at", "updated_at", "subject")
            .values(SQLBind(id), SQLBind(new.companyID.rawValue), SQLBind(new.jobID?.rawValue), SQLBind(new.category.rawValue), SQLBind(new.title),
                    SQLBind(new.summary), SQLBind(try jsonText(new.evidence)), SQLBind(new.statusCode), SQLBind(new.statusMessage), SQLBind(new.hresult),
                    SQLBind(try jsonText(new.resolution)), SQLBind(try jsonText(new.actions.map(\.rawValue))), SQLBind(new.autoRecheck), SQLBind(new.isConnection),
                    SQLBind(FailureStatus.open.rawValue), SQLBind(now.milliseconds), SQLBind(now.milliseconds), SQLBind(new.subject))
            .run()
        try await ActivityLog.append(
            NewActivity(actor: "system", companyID: new.companyID, subject: "failure", subjectID: id, action: "failure.opened",
                        detail: ["category": new.category.rawValue, "job": new.jobID?.rawValue ?? "", "title": new.title]),
            on: sql, at: now
        )
        // A new connection record is a new connection problem (a refreshed one is the same problem, still there).
        if new.isConnection, new.jobID == nil, new.subject == nil {
            try await WebhookOutbox.emit(
                NewWebhookEvent(.connectionProblem, companyID: new.companyID,
                                data: ["failureId": id, "category": new.category.rawValue, "title": new.title, "since": now.iso8601]),
                on: sql, now: now
            )
        }
        return (FailureID(id), true)
    }

    static func close(_ id: FailureID, to status: FailureStatus, reason: String?, actor: String, companyID: CompanyID,
                      on sql: any SQLDatabase, now: Timestamp) async throws {
        try await sql.update("failures").set("status", to: SQLBind(status.rawValue)).set("reason", to: SQLBind(reason))
            .set("updated_at", to: SQLBind(now.milliseconds)).set("closed_at", to: SQLBind(now.milliseconds))
            .where("id", .equal, SQLBind(id.rawValue)).run()
        try await ActivityLog.append(
            NewActivity(actor: actor, companyID: companyID, subject: "failure", subjectID: id.rawValue, action: "failure.\(status.rawValue)",
                        detail: ["reason": reason ?? ""]),
            on: sql, at: now
        )
        try await emitClosed(id, to: status, companyID: companyID, on: sql, now: now)
    }

    /// The event a closed record reports: a connection record resolved is `connection.restored`, any other
    /// resolution `failure.resolved`, a dismissal `failure.dismissed` (a deletion reports nothing).
    private static func emitClosed(_ id: FailureID, to status: FailureStatus, companyID: CompanyID, on sql: any SQLDatabase,
                                   now: Timestamp) async throws {
        guard status == .resolved || status == .dismissed else { return }
        guard let row = try await sql.raw("SELECT job_id, category, title, is_connection, subject, created_at FROM failures WHERE id = \(bind: id.rawValue)").first()
        else { return }
        let jobID = try row.decode(column: "job_id", as: String?.self)
        let category = try row.decode(column: "category", as: String.self)
        var data = ["failureId": id.rawValue, "category": category, "title": try row.decode(column: "title", as: String.self)]
        if let jobID { data["jobId"] = jobID }
        let isConnection = try row.decode(column: "is_connection", as: Bool.self) && jobID == nil
            && (try row.decode(column: "subject", as: String?.self)) == nil
        let type: WebhookEventType
        if status == .dismissed {
            type = .failureDismissed
        } else if isConnection {
            type = .connectionRestored
            data["since"] = Timestamp(milliseconds: try row.decode(column: "created_at", as: Int64.self)).iso8601
        } else {
            type = .failureResolved
        }
        try await WebhookOutbox.emit(NewWebhookEvent(type, companyID: companyID, data: data), on: sql, now: now)
    }

    /// Opens or refreshes a connection failure (no job) for a company.
    @discardableResult
    public func recordConnection(_ new: NewFailure, now: Timestamp = .now) async throws -> FailureID {
        try await database.transaction { sql in try await Self.upsert(new, on: sql, now: now) }
    }

    /// Resolves every open connection failure of a company (QuickBooks opened again).
    public func resolveConnection(companyID: CompanyID, reason: String, now: Timestamp = .now) async throws {
        let open = try await database.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM failures WHERE company_id = \(bind: companyID.rawValue) AND job_id IS NULL AND status = 'open'")
                .first()?.decode(column: "n", as: Int.self) ?? 0
        }
        guard open > 0 else { return }
        try await database.transaction { sql in
            let open = try await sql.select().column("id").from("failures").where("company_id", .equal, SQLBind(companyID.rawValue))
                .where("job_id", .is, SQLLiteral.null).where("status", .equal, SQLBind(FailureStatus.open.rawValue)).all()
            for row in open {
                try await Self.close(FailureID(try row.decode(column: "id", as: String.self)), to: .resolved, reason: reason,
                                     actor: "system", companyID: companyID, on: sql, now: now)
            }
        }
    }

    /// Moves a record to a new status with who and why; the job change (if any) goes in the same transaction.
    public func transition(_ id: FailureID, to status: FailureStatus, reason: String?, actor: String, job: Job?, now: Timestamp = .now) async throws {
        guard let record = try await find(id) else { throw StoreError.notFound(kind: "failure", id: id.rawValue) }
        try await database.transaction { sql in
            if status == .open {
                try await sql.update("failures").set("status", to: SQLBind(status.rawValue)).set("updated_at", to: SQLBind(now.milliseconds))
                    .where("id", .equal, SQLBind(id.rawValue)).run()
            } else {
                try await Self.close(id, to: status, reason: reason, actor: actor, companyID: record.companyID, on: sql, now: now)
            }
            if let job {
                try await Jobs.save(job, on: sql, now: now)
                try await ActivityLog.append(
                    NewActivity(actor: actor, companyID: job.companyID, subject: "job", subjectID: job.id.rawValue, action: "job.\(job.status.rawValue)",
                                detail: ["failure": id.rawValue, "reason": reason ?? ""]),
                    on: sql, at: now
                )
            }
        }
    }

    /// One record.
    public func find(_ id: FailureID) async throws -> FailureRecord? {
        try await database.read { sql in
            try await sql.select().column(SQLLiteral.all).from("failures").where("id", .equal, SQLBind(id.rawValue)).first().map(Self.record)
        }
    }

    /// Opens (or refreshes) a record about a subject that is neither a job nor the connection.
    @discardableResult
    public func recordSubject(_ new: NewFailure, now: Timestamp = .now) async throws -> FailureID {
        try await database.transaction { sql in try await Self.upsert(new, on: sql, now: now) }
    }

    /// Resolves the open record of a subject (the problem went away), if there is one.
    static func resolveSubject(_ subject: String, companyID: CompanyID, reason: String, on sql: any SQLDatabase, now: Timestamp) async throws {
        let open = try await sql.select().column("id").from("failures").where("company_id", .equal, SQLBind(companyID.rawValue))
            .where("subject", .equal, SQLBind(subject)).where("status", .equal, SQLBind(FailureStatus.open.rawValue)).all()
        for row in open {
            try await close(FailureID(try row.decode(column: "id", as: String.self)), to: .resolved, reason: reason, actor: "system",
                            companyID: companyID, on: sql, now: now)
        }
    }

    /// The open record of a job.
    public func open(forJob jobID: JobID) async throws -> FailureRecord? {
        try await database.read { sql in
            try await sql.select().column(SQLLiteral.all).from("failures").where("job_id", .equal, SQLBind(jobID.rawValue))
                .where("status", .equal, SQLBind(FailureStatus.open.rawValue)).first().map(Self.record)
        }
    }

    /// Every record of one job, newest first, deleted ones included (a payment's page), through `failures_job`.
    public func all(forJob jobID: JobID) async throws -> [FailureRecord] {
        try await database.read { sql in
            try await sql.select().column(SQLLiteral.all).from("failures").where("job_id", .equal, SQLBind(jobID.rawValue))
                .orderBy("created_at", .descending).orderBy("id", .descending).all().map(Self.record)
        }
    }

    /// The open records of several jobs, by job, in one statement (a page of payments shows each one's).
    public func open(forJobs jobIDs: [JobID]) async throws -> [JobID: FailureRecord] {
        guard !jobIDs.isEmpty else { return [:] }
        return try await database.read { sql in
            // Every record of these jobs (a few each, through `failures_job`), the open ones kept here: with the
            // status in the statement, SQLite preferred `failures_status_created` and read every open record.
            let rows = try await sql.select().column(SQLLiteral.all).from("failures")
                .where("job_id", .in, SQLBind.group(jobIDs.map(\.rawValue))).all()
            var byJob: [JobID: FailureRecord] = [:]
            for row in rows {
                let record = try Self.record(row)
                if record.status == .open, let job = record.jobID { byJob[job] = record }
            }
            return byJob
        }
    }

    /// Records filtered by company, status and category, newest first. Without a status, every status but
    /// `deleted` unless `includeDeleted`.
    ///
    /// Pages after `cursor` (see `listCursor(after:)`): one statement, a seek in `failures_created`,
    /// `failures_status_created` or `failures_company_created` and a read of the page's rows.
    public func list(companyID: CompanyID? = nil, statuses: [FailureStatus] = [], category: String? = nil, includeDeleted: Bool = false,
                     connectionOnly: Bool? = nil, since: Timestamp? = nil, before cursor: PageCursor? = nil,
                     limit: Int = 100) async throws -> [FailureRecord] {
        let position = try cursor.map { cursor throws(StoreError) -> (createdAt: Int64, id: String) in
            guard let createdAt = cursor.number else { throw .invalidCursor }
            return (createdAt, cursor.tieBreaker)
        }
        return try await database.read { sql in
            var query = sql.select().column(SQLLiteral.all).from("failures")
            if let companyID { query = query.where("company_id", .equal, SQLBind(companyID.rawValue)) }
            if !statuses.isEmpty {
                query = query.where("status", .in, SQLBind.group(statuses.map(\.rawValue)))
            } else if !includeDeleted {
                query = query.where("status", .notEqual, SQLBind(FailureStatus.deleted.rawValue))
            }
            if let category { query = query.where("category", .equal, SQLBind(category)) }
            if let connectionOnly { query = query.where("is_connection", .equal, SQLBind(connectionOnly)) }
            if let since { query = query.where("created_at", .greaterThanOrEqual, SQLBind(since.milliseconds)) }
            if let position {
                query = query.where(SQLQueryString("(created_at, id) < (\(bind: position.createdAt), \(bind: position.id))"))
            }
            return try await query.orderBy("created_at", .descending).orderBy("id", .descending)
                .limit(max(1, min(limit, 1000))).all().map(Self.record)
        }
    }

    /// The cursor of the page after `record` in `list`'s order.
    public static func listCursor(after record: FailureRecord) -> PageCursor {
        PageCursor(record.createdAt.milliseconds, tieBreaker: record.id.rawValue)
    }

    static func record(_ row: any SQLRow) throws -> FailureRecord {
        let stored = try row.decode(model: FailureRow.self)
        guard let status = FailureStatus(rawValue: stored.status) else {
            throw StoreError.corruptRow(table: "failures", detail: "status \(stored.status)")
        }
        return FailureRecord(
            id: FailureID(stored.id), companyID: CompanyID(stored.companyId), jobID: stored.jobId.map(JobID.init),
            category: try column("category", of: stored.id) { FailureCategory(rawValue: stored.category) },
            title: stored.title, summary: stored.summary,
            evidence: try column("evidence", of: stored.id) { try JSONDecoder().decode(FailureEvidence.self, from: Data(stored.evidence.utf8)) },
            statusCode: stored.statusCode, statusMessage: stored.statusMessage, hresult: stored.hresult,
            resolution: try column("resolution", of: stored.id) { try JSONDecoder().decode([String].self, from: Data(stored.resolution.utf8)) },
            actions: try column("actions", of: stored.id) { try JSONDecoder().decode([FailureAction].self, from: Data(stored.actions.utf8)) },
            autoRecheck: stored.autoRecheck, isConnection: stored.isConnection,
            status: status, reason: stored.reason, createdAt: Timestamp(milliseconds: stored.createdAt),
            updatedAt: Timestamp(milliseconds: stored.updatedAt), closedAt: stored.closedAt.map(Timestamp.init(milliseconds:))
        )
    }
}

/// A column's typed value, or an error that names the table, the column and the row.
private func column<Value>(_ name: String, of id: String, _ read: () throws -> Value?) throws -> Value {
    let value: Value?
    do {
        value = try read()
    } catch {
        throw StoreError.undecodable(table: "failures", column: name, id: id, reason: "\(error)")
    }
    guard let value else { throw StoreError.undecodable(table: "failures", column: name, id: id, reason: "not a known value") }
    return value
}

/// The JSON text a structured column holds.
func jsonText(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

private struct FailureRow: Decodable {
    var id: String
    var companyId: String
    var jobId: String?
    var category: String
    var title: String
    var summary: String
    var evidence: String
    var statusCode: Int?
    var statusMessage: String?
    var hresult: String?
    var resolution: String
    var actions: String
    var autoRecheck: Bool
    var isConnection: Bool
    var status: String
    var reason: String?
    var createdAt: Int64
    var updatedAt: Int64
    var closedAt: Int64?

    /// Column names spelled out: decoding with `.convertFromSnakeCase` converts every key on every row.
    enum CodingKeys: String, CodingKey {
        case id
        case companyId = "company_id"
        case jobId = "job_id"
        case category
        case title
        case summary
        case evidence
        case statusCode = "status_code"
        case statusMessage = "status_message"
        case hresult
        case resolution
        case actions
        case autoRecheck = "auto_recheck"
        case isConnection = "is_connection"
        case status
        case reason
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case closedAt = "closed_at"
    }
}
