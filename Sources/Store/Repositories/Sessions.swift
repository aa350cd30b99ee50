import Foundation
import SQLKit

/// Web Connector sessions, looked up by the hash of their ticket.
public struct Sessions: Sendable {
    let database: Database

    /// Opens a session unless a live one holds the company; a session silent for `staleAfterSeconds`
    /// is replaced (the Web Connector died or never called closeConnection). `work` is the new session's
    /// run state, stored in the same transaction.
    public func open(companyID: CompanyID, ticket: String, staleAfterSeconds: Double, work: String? = nil,
                     now: Timestamp = .now) async throws -> SessionOpenResult {
        let id = UUID().uuidString.lowercased()
        let hash = SecretHash.hex(ticket)
        do {
            return try await database.transaction { sql in
                var replaced: String?
                if let row = try await sql.select().column(SQLLiteral.all).from("sessions")
                    .where("company_id", .equal, SQLBind(companyID.rawValue)).where("state", .equal, SQLBind(SessionState.open.rawValue))
                    .first() {
                    let existing = try Self.record(row)
                    if existing.lastSeenAt.adding(seconds: staleAfterSeconds) > now {
                        return .busy(existing)
                    }
                    try await sql.update("sessions").set("state", to: SQLBind(SessionState.replaced.rawValue))
                        .set("closed_at", to: SQLBind(now.milliseconds)).where("id", .equal, SQLBind(existing.id)).run()
                    try await ActivityLog.append(
                        NewActivity(actor: "web-connector", companyID: companyID, subject: "session", subjectID: existing.id,
                                    action: "session.replaced", detail: ["reason": "no call for \(Int(staleAfterSeconds)) s", "by": id]),
                        on: sql, at: now
                    )
                    replaced = existing.id
                }
                try await sql.insert(into: "sessions")
                    .columns("id", "ticket_hash", "company_id", "state", "created_at", "last_seen_at", "requests_sent", "responses_received", "work")
                    .values(SQLBind(id), SQLBind(hash), SQLBind(companyID.rawValue), SQLBind(SessionState.open.rawValue),
                            SQLBind(now.milliseconds), SQLBind(now.milliseconds), SQLBind(0), SQLBind(0), SQLBind(work))
                    .run()
                try await sql.update("companies").set("last_session_at", to: SQLBind(now.milliseconds))
                    .where("id", .equal, SQLBind(companyID.rawValue)).run()
                let released = try await Jobs.releaseCompany(companyID, except: id, on: sql, now: now)
                try await ActivityLog.append(
                    NewActivity(actor: "web-connector", companyID: companyID, subject: "session", subjectID: id, action: "session.opened",
                                detail: released > 0 ? ["releasedJobs": String(released)] : [:]),
                    on: sql, at: now
                )
                var record = SessionRecord(id: id, companyID: companyID, state: .open, createdAt: now, lastSeenAt: now,
                                           requestsSent: 0, responsesReceived: 0)
                record.work = work
                return .opened(record, replaced: replaced)
            }
        } catch let error where Database.isUniqueViolation(error) {
            // Another instance opened one between our check and our insert.
            guard let existing = try await openSession(companyID: companyID) else { throw error }
            return .busy(existing)
        }
    }

    /// The session a ticket belongs to, whatever its state.
    public func find(ticket: String) async throws -> SessionRecord? {
        let hash = SecretHash.hex(ticket)
        return try await database.read { sql in
            try await sql.select().column(SQLLiteral.all).from("sessions").where("ticket_hash", .equal, SQLBind(hash)).first().map(Self.record)
        }
    }

    /// The company's open session, if any.
    public func openSession(companyID: CompanyID) async throws -> SessionRecord? {
        try await database.read { sql in
            try await sql.select().column(SQLLiteral.all).from("sessions")
                .where("company_id", .equal, SQLBind(companyID.rawValue)).where("state", .equal, SQLBind(SessionState.open.rawValue))
                .first().map(Self.record)
        }
    }

    /// Saves a session's mutable fields (and bumps `last_seen_at`), optionally with an activity entry,
    /// in one transaction.
    public func save(_ session: SessionRecord, activity: NewActivity? = nil, now: Timestamp = .now) async throws {
        guard let activity else {
            // One UPDATE commits atomically on its own; no explicit transaction (and no extra round trips) needed.
            try await database.withConnection { sql in try await Self.save(session, on: sql, now: now) }
            return
        }
        try await database.transaction { sql in
            try await Self.save(session, on: sql, now: now)
            try await ActivityLog.append(activity, on: sql, at: now)
        }
    }

    /// Saves the session's state together with the job changes of the same SOAP call and the jobs whose
    /// requests are about to be handed out: one transaction, one fsync, before the call is answered.
    /// The job changes are written first, then the sent marks, then the session.
    public func save(_ session: SessionRecord, with commit: SessionCommit, now: Timestamp = .now) async throws {
        guard !commit.isEmpty else {
            try await save(session, now: now)
            return
        }
        try await database.transaction { sql in
            for change in commit.changes {
                try await Jobs.save(change.job, on: sql, now: now)
                if let activity = change.activity { try await ActivityLog.append(activity, on: sql, at: now) }
                try await Failures.apply(change.failure, jobID: change.job.id, companyID: change.job.companyID, on: sql, now: now)
            }
            try await Jobs.markSent(commit.sent, on: sql, now: now)
            try await Self.save(session, on: sql, now: now)
        }
    }

    static func save(_ session: SessionRecord, on sql: any SQLDatabase, now: Timestamp) async throws {
        var update = sql.update("sessions")
            .set("state", to: SQLBind(session.state.rawValue))
            .set("last_seen_at", to: SQLBind(now.milliseconds))
            .set("qbxml_version", to: SQLBind(session.qbxmlVersion))
            .set("country", to: SQLBind(session.country))
            .set("company_file", to: SQLBind(session.companyFile))
            .set("last_error", to: SQLBind(session.lastError))
            .set("requests_sent", to: SQLBind(session.requestsSent))
            .set("responses_received", to: SQLBind(session.responsesReceived))
            .set("summary", to: SQLBind(session.summary))
            .set("work", to: SQLBind(session.work))
        if session.state != .open {
            update = update.set("closed_at", to: SQLBind(now.milliseconds))
        }
        try await update.where("id", .equal, SQLBind(session.id)).run()
    }

    /// Closes a session and records its summary on the company; `synced` marks a run that exchanged data.
    public func close(_ session: SessionRecord, summary: String, synced: Bool, now: Timestamp = .now) async throws {
        var record = session
        record.state = .closed
        record.summary = summary
        let closed = record
        try await database.transaction { sql in
            try await Self.save(closed, on: sql, now: now)
            var update = sql.update("companies").set("last_session_summary", to: SQLBind(summary))
            if synced { update = update.set("last_sync_at", to: SQLBind(now.milliseconds)) }
            try await update.where("id", .equal, SQLBind(session.companyID.rawValue)).run()
            try await ActivityLog.append(
                NewActivity(actor: "web-connector", companyID: session.companyID, subject: "session", subjectID: session.id,
                            action: "session.closed", detail: ["summary": summary]),
                on: sql, at: now
            )
        }
    }

    /// Marks open sessions silent for longer than the limit as expired; returns how many.
    @discardableResult
    public func expireIdle(olderThanSeconds seconds: Double, now: Timestamp = .now) async throws -> Int {
        let cutoff = now.adding(seconds: -seconds).milliseconds
        return try await database.transaction { sql in
            let stale = try await sql.select().columns("id", "company_id").from("sessions")
                .where("state", .equal, SQLBind(SessionState.open.rawValue)).where("last_seen_at", .lessThan, SQLBind(cutoff)).all()
            for row in stale {
                let id = try row.decode(column: "id", as: String.self)
                let company = try row.decode(column: "company_id", as: String.self)
                try await sql.update("sessions").set("state", to: SQLBind(SessionState.expired.rawValue))
                    .set("closed_at", to: SQLBind(now.milliseconds)).where("id", .equal, SQLBind(id)).run()
                try await ActivityLog.append(
                    NewActivity(actor: "system", companyID: CompanyID(company), subject: "session", subjectID: id, action: "session.expired"),
                    on: sql, at: now
                )
            }
            return stale.count
        }
    }

    static func record(_ row: any SQLRow) throws -> SessionRecord {
        let stored = try row.decode(model: SessionRow.self)
        guard let state = SessionState(rawValue: stored.state) else {
            throw StoreError.corruptRow(table: "sessions", detail: "unknown state \(stored.state)")
        }
        return SessionRecord(
            id: stored.id, companyID: CompanyID(stored.companyId), state: state,
            createdAt: Timestamp(milliseconds: stored.createdAt), lastSeenAt: Timestamp(milliseconds: stored.lastSeenAt),
            qbxmlVersion: stored.qbxmlVersion, country: stored.country, companyFile: stored.companyFile,
            lastError: stored.lastError, requestsSent: stored.requestsSent, responsesReceived: stored.responsesReceived,
            summary: stored.summary, work: stored.work
        )
    }
}

private struct SessionRow: Decodable {
    var id: String
    var companyId: String
    var state: String
    var createdAt: Int64
    var lastSeenAt: Int64
    var qbxmlVersion: String?
    var country: String?
    var companyFile: String?
    var lastError: String?
    var requestsSent: Int
    var responsesReceived: Int
    var summary: String?
    var work: String?

    /// Column names spelled out: decoding with `.convertFromSnakeCase` converts every key on every row.
    enum CodingKeys: String, CodingKey {
        case id
        case companyId = "company_id"
        case state
        case createdAt = "created_at"
        case lastSeenAt = "last_seen_at"
        case qbxmlVersion = "qbxml_version"
        case country
        case companyFile = "company_file"
        case lastError = "last_error"
        case requestsSent = "requests_sent"
        case responsesReceived = "responses_received"
        case summary
        case work
    }
}
