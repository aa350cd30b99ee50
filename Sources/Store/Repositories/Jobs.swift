public import Domain
import Foundation
import SQLKit

/// The durable job queue. Every change is committed (with its activity entry, and failure record where
/// there is one) before the caller answers anybody.
public struct Jobs: Sendable {
    let database: Database

        /// Enqueues a job; with an external id, the same key and body return the existing job and a different
    /// body is a conflict — also under concurrent identical requests (the unique index decides).
    public func enqueue(_ new: NewJob, actor: String, detail: [String: String] = [:]) async throws -> EnqueueResult {
        do {
            return try await database.transaction { sql in
                if let existing = try await Self.existing(new, on: sql) { return try Self.replay(existing, new) }
                let job = try await Self.insert(new, on: sql)
                var info = detail
                info["kind"] = new.kind.rawValue
                try await ActivityLog.append(
                    NewActivity(actor: actor, companyID: new.companyID, subject: "job", subjectID: job.id.rawValue, action: "job.queued", detail: info),
                    on: sql
                )
                return .created(job)
            }
        } catch let error where Database.isUniqueViolation(error) {
            let existing = try await database.read { sql in try await Self.existing(new, on: sql) }
            guard let existing else { throw error }
            return try Self.replay(existing, new)
        }
    }

    private static func replay(_ existing: Job, _ new: NewJob) throws -> EnqueueResult {
        guard existing.bodyHash == new.bodyHash else {
            throw StoreError.conflict(field: "externalId", value: new.externalID ?? "")
        }
        return .existing(existing)
    }

    private static func existing(_ new: NewJob, on sql: any SQLDatabase) async throws -> Job? {
        guard let externalID = new.externalID else { return nil }
        return try await sql.select().column(SQLLiteral.all).from("jobs")
            .where("company_id", .equal, SQLBind(new.companyID.rawValue)).where("kind", .equal, SQLBind(new.kind.rawValue))
            .where("external_id", .equal, SQLBind(externalID)).first().map(Self.job)
    }

    /// Writes many jobs at once (`Database.inBulk`: statements of 500 rows, 10,000 rows a transaction): for generated data
    /// sets (`qbbridge seed`: benchmarks at depth, the UI at scale), not for upstream work, which goes through
    /// `enqueue` and its idempotency check. A finished job carries `result` when given.
    @discardableResult
    public func insertMany(_ jobs: [NewJob], status: JobStatus, result: String? = nil, now: Timestamp = .now) async throws -> [JobID] {
        let ids = jobs.map { _ in JobID.random() }
        try await database.inBulk(count: jobs.count) { range, sql in
            var insert = sql.insert(into: "jobs")
                .columns("id", "company_id", "kind", "status", "priority", "external_id", "body_hash", "payload", "result", "attempts",
                         "depends_on", "created_at", "updated_at")
            for (id, new) in zip(ids[range], jobs[range]) {
                insert = insert.values(SQLBind(id.rawValue), SQLBind(new.companyID.rawValue), SQLBind(new.kind.rawValue),
                                       SQLBind(status.rawValue), SQLBind(new.priority), SQLBind(new.externalID), SQLBind(new.bodyHash),
                                       SQLBind(new.payload), SQLBind(result), SQLBind(0), SQLBind(new.dependsOn?.rawValue),
                                       SQLBind(now.milliseconds), SQLBind(now.milliseconds))
            }
            try await insert.run()
        }
        return ids
    }

    static func insert(_ new: NewJob, on sql: any SQLDatabase, now: Timestamp = .now) async throws -> Job {
        let id = JobID.random()
        // RETURNING gives the sequence number the database assigned; the rest is what was just written.
        guard let row = try await sql.insert(into: "jobs")
            .columns("id", "company_id", "kind", "status", "priority", "external_id", "body_hash", "payload", "attempts",
                     "depends_on", "created_at", "updated_at")
            .values(SQLBind(id.rawValue), SQLBind(new.companyID.rawValue), SQLBind(new.kind.rawValue), SQLBind(JobStatus.queued.rawValue),
                    SQLBind(new.priority), SQLBind(new.externalID), SQLBind(new.bodyHash), SQLBind(new.payload), SQLBind(0),
                    SQLBind(new.dependsOn?.rawValue), SQLBind(now.milliseconds), SQLBind(now.milliseconds))
            .returning("seq")
            .first()
        else {
            throw StoreError.notFound(kind: "job", id: id.rawValue)
        }
        return Job(
            id: id, sequence: try row.decode(column: "seq", as: Int64.self), companyID: new.companyID, kind: new.kind, status: .queued,
            priority: new.priority, externalID: new.externalID, bodyHash: new.bodyHash, payload: new.payload,
            state: nil, result: nil, txnID: nil, sessionID: nil, claimedAt: nil, sentAt: nil, attempts: 0, nextAttemptAt: nil,
            dependsOn: new.dependsOn, createdAt: now, updatedAt: now
        )
    }

    /// One job.
    public func find(_ id: JobID) async throws -> Job? {
        try await database.read { sql in
            try await sql.select().column(SQLLiteral.all).from("jobs").where("id", .equal, SQLBind(id.rawValue)).first().map(Self.job)
        }
    }

    /// Several jobs by id (missing ids are left out).
    public func find(_ ids: [JobID]) async throws -> [Job] {
        guard !ids.isEmpty else { return [] }
        return try await database.read { sql in
            try await sql.raw("SELECT * FROM jobs WHERE id IN \(SQLBind.group(ids.map(\.rawValue))) ORDER BY seq").all().map(Self.job)
        }
    }

    /// A filtered page of jobs, most recently changed last (so `updatedSince` polling walks forward), after
    /// `cursor` (see `listCursor(after:)`): one statement, a seek in `jobs_kind_updated` or
    /// `jobs_company_kind_updated` and a read of the page's rows.
    public func list(companyID: CompanyID? = nil, kinds: [JobKind] = [], statuses: [JobStatus] = [], updatedSince: Timestamp? = nil,
                     after cursor: PageCursor? = nil, limit: Int = 100) async throws -> [Job] {
        let position = try cursor.map(Self.listPosition)
        return try await database.read { sql in
            var query = sql.select().column(SQLLiteral.all).from("jobs")
            if let companyID { query = query.where("company_id", .equal, SQLBind(companyID.rawValue)) }
            if !kinds.isEmpty { query = query.where("kind", .in, SQLBind.group(kinds.map(\.rawValue))) }
            if !statuses.isEmpty { query = query.where("status", .in, SQLBind.group(statuses.map(\.rawValue))) }
            if let updatedSince { query = query.where("updated_at", .greaterThan, SQLBind(updatedSince.milliseconds)) }
            if let position {
                query = query.where(SQLQueryString("(updated_at, seq) > (\(bind: position.updatedAt), \(bind: position.sequence))"))
            }
            return try await query.orderBy("updated_at").orderBy("seq").limit(max(1, min(limit, 1000))).all().map(Self.job)
        }
    }

    /// The cursor of the page after `job` in `list`'s order.
    public static func listCursor(after job: Job) -> PageCursor {
        PageCursor(job.updatedAt.milliseconds, tieBreaker: String(job.sequence))
    }

    /// The `(updated_at, seq)` a `listCursor` holds; a cursor of another list is `StoreError.invalidCursor`.
    static func listPosition(_ cursor: PageCursor) throws(StoreError) -> (updatedAt: Int64, sequence: Int64) {
        guard let updatedAt = cursor.number, let sequence = Int64(cursor.tieBreaker) else { throw .invalidCursor }
        return (updatedAt, sequence)
    }

    /// The newest jobs of these kinds for a company, newest first (a company's latest pulls).
    public func latest(companyID: CompanyID, kinds: [JobKind], limit: Int) async throws -> [Job] {
        try await database.read { sql in
            try await sql.select().column(SQLLiteral.all).from("jobs").where("company_id", .equal, SQLBind(companyID.rawValue))
                .where("kind", .in, SQLBind.group(kinds.map(\.rawValue))).orderBy("seq", .descending)
                .limit(max(1, min(limit, 1000))).all().map(Self.job)
        }
    }

    /// Posted payments of a company changed since `since` (the deposit report's input), oldest first.
    public func postedPayments(companyID: CompanyID, changedSince since: Timestamp) async throws -> [Job] {
        try await database.read { sql in
            try await sql.select().column(SQLLiteral.all).from("jobs").where("company_id", .equal, SQLBind(companyID.rawValue))
                .where("kind", .equal, SQLBind(JobKind.paymentPost.rawValue)).where("status", .equal, SQLBind(JobStatus.posted.rawValue))
                .where("updated_at", .greaterThanOrEqual, SQLBind(since.milliseconds)).orderBy("seq").all().map(Self.job)
        }
    }

    /// Whether a company has a job of one of these kinds that is not finished (queued, in flight, …).
    public func hasUnfinished(companyID: CompanyID, kinds: [JobKind]) async throws -> Bool {
        try await database.read { sql in
            try await sql.raw("""
                SELECT COUNT(*) AS n FROM jobs WHERE company_id = \(bind: companyID.rawValue) AND kind IN \(SQLBind.group(kinds.map(\.rawValue)))
                AND status IN ('queued', 'in_flight', 'uncertain')
                """).first()?.decode(column: "n", as: Int.self) ?? 0 > 0
        }
    }

    /// How many jobs of the company a session could pick up now, counted up to `limit`: the answer is "at
    /// least `limit`" beyond it, which is all a caller needs (is there work; roughly how much is left for the
    /// progress figure), and reading stops there, so the cost does not grow with the depth of the queue.
    /// Jobs already tried in `excludingSession` are not counted (a session tries each job once).
    public func pendingCount(companyID: CompanyID, excludingSession: String? = nil, upTo limit: Int, now: Timestamp = .now) async throws -> Int {
        try await database.read { sql in
            let row = try await sql.raw("""
                SELECT COUNT(*) AS n FROM (SELECT 1 FROM jobs WHERE company_id = \(bind: companyID.rawValue) AND \(Self.claimable(now: now))
                AND (session_id IS NULL OR session_id <> \(bind: excludingSession ?? "")) LIMIT \(bind: limit)) AS waiting
                """).first()
            return try row?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// Jobs of a company held by sessions a new one may take over: not open any more, silent since `staleBefore`
    /// (the Web Connector or a server died), with no request outstanding with QuickBooks, or silent since
    /// `graceBefore` with one outstanding (docs/web-connector-protocol.md, "Abandoned sessions").
    public func abandonedCount(companyID: CompanyID, staleBefore: Timestamp, graceBefore: Timestamp? = nil) async throws -> Int {
        try await database.read { sql in
            let takeable: SQLQueryString = graceBefore.map { grace in
                " OR s.requests_sent <= s.responses_received OR s.last_seen_at < \(bind: grace.milliseconds)"
            } ?? ""
            return try await sql.raw("""
                SELECT COUNT(*) AS n FROM jobs j LEFT JOIN sessions s ON s.id = j.session_id
                WHERE j.company_id = \(bind: companyID.rawValue) AND j.status = 'in_flight'
                AND (s.id IS NULL OR s.state <> 'open' OR s.last_seen_at < \(bind: staleBefore.milliseconds)\(takeable))
                """).first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// Inside a new session's transaction: every job of the company still in flight belongs to a session
    /// that is gone (only one session per company is open), so it goes back to the queue — `uncertain`
    /// when its request may have reached QuickBooks.
    static func releaseCompany(_ companyID: CompanyID, except sessionID: String, on sql: any SQLDatabase, now: Timestamp) async throws -> Int {
        let rows = try await sql.raw("""
            SELECT COUNT(*) AS n FROM jobs WHERE company_id = \(bind: companyID.rawValue) AND status = 'in_flight'
            AND (session_id IS NULL OR session_id <> \(bind: sessionID))
            """).first()?.decode(column: "n", as: Int.self) ?? 0
        guard rows > 0 else { return 0 }
        try await sql.raw("""
            UPDATE jobs SET status = CASE WHEN sent_at IS NULL THEN 'queued' ELSE 'uncertain' END, session_id = NULL,
            claimed_at = NULL, updated_at = \(bind: now.milliseconds)
            WHERE company_id = \(bind: companyID.rawValue) AND status = 'in_flight' AND (session_id IS NULL OR session_id <> \(bind: sessionID))
            """).run()
        return rows
    }

    /// Jobs waiting (queued, uncertain or due for a re-check) — counted for progress. A job that depends on
    /// another (a reversal on its payment) waits until that one is finished; the check looks that one job up by
    /// its id. (`depends_on IN (SELECT id … finished)` listed every finished job of every company each time a
    /// company with a queued reversal was asked for work.) Used on a `FROM jobs` without an alias.
    static func claimable(now: Timestamp) -> SQLQueryString {
        """
        (status IN ('queued', 'uncertain') OR (status = 'failed' AND next_attempt_at IS NOT NULL))
        AND (next_attempt_at IS NULL OR next_attempt_at <= \(bind: now.milliseconds))
        AND (depends_on IS NULL OR EXISTS (SELECT 1 FROM jobs d WHERE d.id = jobs.depends_on
             AND d.status IN ('posted', 'failed', 'dismissed', 'reversing', 'reversed')))
        """
    }

    /// Atomically claims up to `limit` due jobs of a company for a session, in queue order; with PostgreSQL,
    /// rows another instance is claiming are skipped, never handed out twice.
    ///
    /// One look-up per kind: each walks `jobs_claimable` (company, kind, priority, seq) in order and stops at
    /// `limit`, so a claim reads O(limit × kinds) rows whatever the depth of the queue; the kinds' candidates are
    /// merged in queue order here. (Several kinds in one `IN` would make the engines read every claimable job of
    /// those kinds and sort them.)
    public func claim(companyID: CompanyID, sessionID: String, limit: Int, kinds: [JobKind] = JobKind.allCases,
                      now: Timestamp = .now) async throws -> [Job] {
        try await database.transaction { sql in
            var candidates: [(id: String, priority: Int, sequence: Int64)] = []
            for kind in kinds {
                let rows = try await sql.raw("""
                    SELECT id, priority, seq FROM jobs WHERE company_id = \(bind: companyID.rawValue) AND kind = \(bind: kind.rawValue)
                    AND \(Self.claimable(now: now))
                    AND (session_id IS NULL OR session_id <> \(bind: sessionID))
                    ORDER BY priority DESC, seq ASC LIMIT \(bind: limit)\(ClaimLock())
                    """).all()
                for row in rows {
                    candidates.append((try row.decode(column: "id", as: String.self), try row.decode(column: "priority", as: Int.self),
                                       try row.decode(column: "seq", as: Int64.self)))
                }
            }
            let ids = candidates.sorted { ($0.priority, -$0.sequence) > ($1.priority, -$1.sequence) }.prefix(limit).map(\.id)
            guard !ids.isEmpty else { return [] }
            // One statement that also reads the claimed rows back (both engines have RETURNING); its order is
            // unspecified, so the queue order is restored here.
            let claimed = try await sql.raw("""
                UPDATE jobs SET status = \(bind: JobStatus.inFlight.rawValue), session_id = \(bind: sessionID),
                claimed_at = \(bind: now.milliseconds), updated_at = \(bind: now.milliseconds)
                WHERE id IN \(SQLBind.group(Array(ids))) RETURNING *
                """).all().map(Self.job)
            return claimed.sorted { ($0.priority, -$0.sequence) > ($1.priority, -$1.sequence) }
        }
    }

    public func markSent(_ ids: [JobID], now: Timestamp = .now) async throws {
        guard !ids.isEmpty else { return }
        try await database.transaction { sql in try await Self.markSent(ids, on: sql, now: now) }
    }

    static func markSent(_ ids: [JobID], on sql: any SQLDatabase, now: Timestamp) async throws {
        guard !ids.isEmpty else { return }
        try await sql.raw("""
            UPDATE jobs SET sent_at = \(bind: now.milliseconds), attempts = attempts + 1, updated_at = \(bind: now.milliseconds)
            WHERE id IN \(SQLBind.group(ids.map(\.rawValue)))
            """).run()
    }

    /// Saves a job's state change, its activity entry and its failure-record change in one transaction.
    public func save(_ job: Job, activity: NewActivity?, failure: FailureChange = .none, now: Timestamp = .now) async throws {
        try await database.transaction { sql in
            try await Self.save(job, on: sql, now: now)
            if let activity { try await ActivityLog.append(activity, on: sql, at: now) }
            try await Failures.apply(failure, jobID: job.id, companyID: job.companyID, on: sql, now: now)
        }
    }

    /// The stored statuses of these jobs, read inside a commit before it changes them.
    static func statuses(_ ids: [JobID], on sql: any SQLDatabase) async throws -> [JobID: JobStatus] {
        guard !ids.isEmpty else { return [:] }
        var statuses: [JobID: JobStatus] = [:]
        for row in try await sql.raw("SELECT id, status FROM jobs WHERE id IN \(SQLBind.group(ids.map(\.rawValue)))").all() {
            statuses[JobID(try row.decode(column: "id", as: String.self))] = JobStatus(rawValue: try row.decode(column: "status", as: String.self))
        }
        return statuses
    }

    /// Written as SQL text: it runs for every payment a QuickBooks answer settles.
    static func save(_ job: Job, on sql: any SQLDatabase, now: Timestamp) async throws {
        try await sql.raw("""
            UPDATE jobs SET status = \(bind: job.status.rawValue), state = \(bind: job.state), result = \(bind: job.result),
            txn_id = \(bind: job.txnID), session_id = \(bind: job.sessionID), claimed_at = \(bind: job.claimedAt?.milliseconds),
            sent_at = \(bind: job.sentAt?.milliseconds), attempts = \(bind: job.attempts),
            next_attempt_at = \(bind: job.nextAttemptAt?.milliseconds), payload = \(bind: job.payload), updated_at = \(bind: now.milliseconds)
            WHERE id = \(bind: job.id.rawValue)
            """).run()
    }

    /// Returns a session's unfinished jobs to the queue: sent ones become `uncertain` (looked up next
    /// time), unsent ones `queued`. Called when a session closes, expires or is replaced.
    @discardableResult
    public func release(sessionID: String, now: Timestamp = .now) async throws -> Int {
        // Most sessions end with nothing held: answer that without opening a write transaction.
        let held = try await database.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM jobs WHERE session_id = \(bind: sessionID) AND status = 'in_flight'")
                .first()?.decode(column: "n", as: Int.self) ?? 0
        }
        guard held > 0 else { return 0 }
        return try await database.transaction { sql in try await Self.release(sessionID: sessionID, on: sql, now: now) }
    }

    /// `release(sessionID:)` inside a caller's transaction (a session save that gives its jobs back).
    @discardableResult
    static func release(sessionID: String, on sql: any SQLDatabase, now: Timestamp) async throws -> Int {
        let rows = try await sql.select().columns("id", "company_id", "sent_at").from("jobs")
            .where("session_id", .equal, SQLBind(sessionID)).where("status", .equal, SQLBind(JobStatus.inFlight.rawValue)).all()
        for row in rows {
            let id = try row.decode(column: "id", as: String.self)
            let company = try row.decode(column: "company_id", as: String.self)
            let sent = try row.decode(column: "sent_at", as: Int64?.self) != nil
            let status: JobStatus = sent ? .uncertain : .queued
            try await sql.update("jobs").set("status", to: SQLBind(status.rawValue)).set("session_id", to: SQLBind(nil as String?))
                .set("claimed_at", to: SQLBind(nil as Int64?)).set("updated_at", to: SQLBind(now.milliseconds))
                .where("id", .equal, SQLBind(id)).run()
            try await ActivityLog.append(
                NewActivity(actor: "system", companyID: CompanyID(company), subject: "job", subjectID: id,
                            action: sent ? "job.uncertain" : "job.requeued",
                            detail: ["reason": sent ? "the session ended before QuickBooks' answer arrived; it will be looked up before any re-send" : "the session ended before it was sent"]),
                on: sql, at: now
            )
        }
        return rows.count
    }

    /// Releases jobs held by sessions that are no longer open (closed, expired, replaced) or whose lease ran out.
    @discardableResult
    public func releaseAbandoned(leaseSeconds: Double, now: Timestamp = .now) async throws -> Int {
        let cutoff = now.adding(seconds: -leaseSeconds).milliseconds
        let sessions = try await database.read { sql in
            try await sql.raw("""
                SELECT DISTINCT j.session_id AS sid FROM jobs j LEFT JOIN sessions s ON s.id = j.session_id
                WHERE j.status = 'in_flight' AND (s.id IS NULL OR s.state <> 'open' OR j.claimed_at < \(bind: cutoff))
                """).all().compactMap { try $0.decode(column: "sid", as: String?.self) }
        }
        var released = 0
        for session in sessions { released += try await release(sessionID: session, now: now) }
        return released
    }

    /// A job from its row, column by column (a `Decodable` row model went through SQLKit's keyed
    /// decoder for every column of every row: a visible share of each Web Connector call).
    static func job(_ row: any SQLRow) throws -> Job {
        let kindText = try row.decode(column: "kind", as: String.self)
        let statusText = try row.decode(column: "status", as: String.self)
        guard let kind = JobKind(rawValue: kindText), let status = JobStatus(rawValue: statusText) else {
            throw StoreError.corruptRow(table: "jobs", detail: "kind \(kindText) status \(statusText)")
        }
        func time(_ column: String) throws -> Timestamp? {
            try row.decode(column: column, as: Int64?.self).map(Timestamp.init(milliseconds:))
        }
        return Job(
            id: JobID(try row.decode(column: "id", as: String.self)), sequence: try row.decode(column: "seq", as: Int64.self),
            companyID: CompanyID(try row.decode(column: "company_id", as: String.self)), kind: kind, status: status,
            priority: try row.decode(column: "priority", as: Int.self), externalID: try row.decode(column: "external_id", as: String?.self),
            bodyHash: try row.decode(column: "body_hash", as: String?.self), payload: try row.decode(column: "payload", as: String.self),
            state: try row.decode(column: "state", as: String?.self), result: try row.decode(column: "result", as: String?.self),
            txnID: try row.decode(column: "txn_id", as: String?.self), sessionID: try row.decode(column: "session_id", as: String?.self),
            claimedAt: try time("claimed_at"), sentAt: try time("sent_at"), attempts: try row.decode(column: "attempts", as: Int.self),
            nextAttemptAt: try time("next_attempt_at"), dependsOn: try row.decode(column: "depends_on", as: String?.self).map(JobID.init),
            createdAt: Timestamp(milliseconds: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Timestamp(milliseconds: try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}
