public import Domain
import Foundation
import SQLKit

/// Web Connector sessions, looked up by the hash of their ticket.
public struct Sessions: Sendable {
    let database: Database

    /// Opens a session unless a live one holds the company; a session silent for `staleAfterSeconds`
    /// is replaced (the Web Connector died or never called closeConnection). `work` is the new session's
    /// run state, stored in the same transaction.
    ///
    /// With `outstandingGraceSeconds` (issue 26; docs/web-connector-protocol.md, "Abandoned sessions"), a live
    /// session is taken over at once when it has no request outstanding with QuickBooks (its last answer was not
    /// a request document awaiting receiveResponseXML): nothing can be in flight, and a Web Connector that was
    /// closed or crashed mid-session comes back to work instead of `busy`. With a request outstanding, the
    /// session keeps the company until it has been silent that long. The open session's row is locked
    /// (PostgreSQL) so a takeover and the old session's own save never interleave; the old session's next save
    /// finds it replaced and saves nothing (`StoreError.sessionEnded`).
    public func open(companyID: CompanyID, ticket: String, staleAfterSeconds: Double, outstandingGraceSeconds: Double? = nil,
                     work: String? = nil, now: Timestamp = .now) async throws -> SessionOpenResult {
        let id = UUID().uuidString.lowercased()
        let hash = SecretHash.hex(ticket)
        do {
            return try await database.transaction { sql in
                var replaced: String?
                if let row = try await sql.raw("""
                    SELECT * FROM sessions WHERE company_id = \(bind: companyID.rawValue) AND state = \(bind: SessionState.open.rawValue)\(RowLock())
                    """).first() {
                    let existing = try Self.record(row)
                    let silent = now.milliseconds - existing.lastSeenAt.milliseconds
                    let outstanding = existing.requestsSent > existing.responsesReceived
                    let reason: String
                    if existing.lastSeenAt.adding(seconds: staleAfterSeconds) <= now {
                        reason = "no call for \(Int(staleAfterSeconds)) s"
                    } else if outstandingGraceSeconds != nil, !outstanding {
                        reason = "nothing was outstanding with QuickBooks (last call \(silent / 1000) s ago)"
                    } else if let grace = outstandingGraceSeconds, existing.lastSeenAt.adding(seconds: grace) <= now {
                        reason = "no answer to its request for \(Int(grace)) s"
                    } else {
                        return .busy(existing)
                    }
                    try await sql.update("sessions").set("state", to: SQLBind(SessionState.replaced.rawValue))
                        .set("closed_at", to: SQLBind(now.milliseconds)).where("id", .equal, SQLBind(existing.id)).run()
                    try await ActivityLog.append(
                        NewActivity(actor: "web-connector", companyID: companyID, subject: "session", subjectID: existing.id,
                                    action: "session.replaced", detail: ["reason": reason, "by": id]),
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
            try await sql.raw("SELECT * FROM sessions WHERE ticket_hash = \(bind: hash)").first().map(Self.record)
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
            // It changes nothing when the session was taken over meanwhile (`AND state = 'open'`).
            try await database.withConnection { sql in try await Self.save(session, on: sql, now: now) }
            return
        }
        try await database.transaction { sql in
            try await Self.requireOpen(session.id, on: sql)
            try await Self.save(session, on: sql, now: now)
            try await ActivityLog.append(activity, on: sql, at: now)
        }
    }

    /// Inside a transaction that saves a session's work: the session must still be open (not taken over by a
    /// newer one since the call began), else the call's changes are rolled back. Its row stays locked until the
    /// transaction ends (PostgreSQL), so a takeover waits for this save or this save sees the takeover.
    static func requireOpen(_ id: String, on sql: any SQLDatabase) async throws {
        let state = try await sql.raw("SELECT state FROM sessions WHERE id = \(bind: id)\(RowLock())").first()?
            .decode(column: "state", as: String.self)
        guard state == SessionState.open.rawValue else { throw StoreError.sessionEnded(id: id) }
    }

    /// Saves the session's state together with the job changes of the same SOAP call and the jobs whose
    /// requests are about to be handed out: one transaction, one fsync, before the call is answered.
    /// The job changes are written first, then the pull pages, the sent marks, the release of held jobs,
    /// the company facts and the call's activity entries, then the session.
    public func save(_ session: SessionRecord, with commit: SessionCommit, now: Timestamp = .now) async throws {
        guard !commit.isEmpty else {
            try await save(session, now: now)
            return
        }
        try await database.transaction { sql in
            try await Self.requireOpen(session.id, on: sql)
            // The jobs' statuses before this commit, read only when an endpoint listens: events report changes
            // of status, written in this same transaction (docs/architecture.md, "Webhooks").
            var previous: [JobID: JobStatus]?
            if !commit.changes.isEmpty || !commit.pages.isEmpty, try await WebhookOutbox.isListening(on: sql) {
                previous = try await Jobs.statuses(commit.changes.map(\.job.id), on: sql)
            }
            for change in commit.changes {
                try await Jobs.save(change.job, on: sql, now: now)
                if let activity = change.activity { try await ActivityLog.append(activity, on: sql, at: now) }
                let failureID = try await Failures.apply(change.failure, jobID: change.job.id, companyID: change.job.companyID, on: sql, now: now)
                if let previous {
                    for event in WebhookOutbox.events(for: change, previous: previous[change.job.id], failureID: failureID) {
                        try await WebhookOutbox.emit(event, on: sql, now: now)
                    }
                }
            }
            for page in commit.pages {
                try await Snapshots.write(page, on: sql, now: now)
                // A pull's last page finishes its job in the same write: that is its `pull.finished`.
                if previous != nil, page.job.status == .posted || page.job.status == .failed {
                    for event in WebhookOutbox.events(for: JobChange(page.job, activity: nil), previous: nil, failureID: nil) {
                        try await WebhookOutbox.emit(event, on: sql, now: now)
                    }
                }
            }
            try await Jobs.markSent(commit.sent, on: sql, now: now)
            if commit.releaseHeldJobs { try await Jobs.release(sessionID: session.id, on: sql, now: now) }
            for write in commit.company { try await Companies.apply(write, to: session.companyID, on: sql, now: now) }
            for activity in commit.activities { try await ActivityLog.append(activity, on: sql, at: now) }
            try await Self.save(session, on: sql, now: now)
        }
    }

    /// Written as SQL text: this runs on every Web Connector call, and building it with SQLKit's
    /// builders (quoting every identifier) cost more than SQLite executing it.
    static func save(_ session: SessionRecord, on sql: any SQLDatabase, now: Timestamp) async throws {
        let closedAt = session.state == .open ? nil : now.milliseconds
        try await sql.raw("""
            UPDATE sessions SET state = \(bind: session.state.rawValue), last_seen_at = \(bind: now.milliseconds),
            qbxml_version = \(bind: session.qbxmlVersion), country = \(bind: session.country), company_file = \(bind: session.companyFile),
            last_error = \(bind: session.lastError), requests_sent = \(bind: session.requestsSent),
            responses_received = \(bind: session.responsesReceived), summary = \(bind: session.summary), work = \(bind: session.work),
            closed_at = COALESCE(\(bind: closedAt), closed_at)
            WHERE id = \(bind: session.id) AND state = 'open'
            """).run()
    }

    /// Closes a session and records its summary on the company; `synced` marks a run that exchanged data, which
    /// also clears the company's connection problem (QuickBooks evidently opened).
    public func close(_ session: SessionRecord, summary: String, synced: Bool, now: Timestamp = .now) async throws {
        var record = session
        record.state = .closed
        record.summary = summary
        let closed = record
        try await database.transaction { sql in
            try await Self.save(closed, on: sql, now: now)
            if synced {
                try await sql.raw("""
                    UPDATE companies SET last_session_summary = \(bind: summary), last_sync_at = \(bind: now.milliseconds), connection_problem = NULL
                    WHERE id = \(bind: session.companyID.rawValue)
                    """).run()
            } else {
                try await sql.raw("UPDATE companies SET last_session_summary = \(bind: summary) WHERE id = \(bind: session.companyID.rawValue)").run()
            }
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

    /// A session from its row, column by column (cheaper than a `Decodable` row model; read on every call).
    static func record(_ row: any SQLRow) throws -> SessionRecord {
        let stateText = try row.decode(column: "state", as: String.self)
        guard let state = SessionState(rawValue: stateText) else {
            throw StoreError.corruptRow(table: "sessions", detail: "unknown state \(stateText)")
        }
        return SessionRecord(
            id: try row.decode(column: "id", as: String.self), companyID: CompanyID(try row.decode(column: "company_id", as: String.self)),
            state: state, createdAt: Timestamp(milliseconds: try row.decode(column: "created_at", as: Int64.self)),
            lastSeenAt: Timestamp(milliseconds: try row.decode(column: "last_seen_at", as: Int64.self)),
            qbxmlVersion: try row.decode(column: "qbxml_version", as: String?.self), country: try row.decode(column: "country", as: String?.self),
            companyFile: try row.decode(column: "company_file", as: String?.self), lastError: try row.decode(column: "last_error", as: String?.self),
            requestsSent: try row.decode(column: "requests_sent", as: Int.self),
            responsesReceived: try row.decode(column: "responses_received", as: Int.self),
            summary: try row.decode(column: "summary", as: String?.self), work: try row.decode(column: "work", as: String?.self)
        )
    }
}
