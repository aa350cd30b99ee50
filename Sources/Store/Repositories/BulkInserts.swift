public import Domain
import SQLKit

/// Bulk writes for generated data sets (`qbbridge seed`, benchmarks and scale tests): 500 rows per statement,
/// 10,000 per transaction (`Database.inBulk`), and no activity entries or webhook events, which a real change
/// writes beside it.
extension Failures {
    /// One generated failure record: its content, status and when it was opened.
    public struct Generated: Sendable {
        public var failure: NewFailure
        public var status: FailureStatus
        public var createdAt: Timestamp

        public init(_ failure: NewFailure, status: FailureStatus, createdAt: Timestamp) {
            self.failure = failure
            self.status = status
            self.createdAt = createdAt
        }
    }

    /// Writes failure records as given, in batches.
    public func insertMany(_ records: [Generated]) async throws {
        try await database.inBulk(count: records.count) { range, sql in
            let batch = records[range]
            var insert = sql.insert(into: "failures")
                .columns("id", "company_id", "job_id", "category", "title", "summary", "evidence", "status_code", "status_message",
                         "hresult", "resolution", "actions", "auto_recheck", "is_connection", "status", "created_at", "updated_at", "subject")
            for record in batch {
                let new = record.failure
                insert = insert.values(
                    SQLBind(FailureID.random().rawValue), SQLBind(new.companyID.rawValue), SQLBind(new.jobID?.rawValue),
                    SQLBind(new.category.rawValue), SQLBind(new.title), SQLBind(new.summary), SQLBind(try jsonText(new.evidence)),
                    SQLBind(new.statusCode), SQLBind(new.statusMessage), SQLBind(new.hresult), SQLBind(try jsonText(new.resolution)),
                    SQLBind(try jsonText(new.actions.map(\.rawValue))), SQLBind(new.autoRecheck), SQLBind(new.isConnection),
                    SQLBind(record.status.rawValue), SQLBind(record.createdAt.milliseconds), SQLBind(record.createdAt.milliseconds),
                    SQLBind(new.subject))
            }
            try await insert.run()
        }
    }
}

extension ActivityLog {
    /// Writes activity entries as given (each with its own time), in batches.
    public func insertMany(_ entries: [(entry: NewActivity, at: Timestamp)]) async throws {
        try await database.inBulk(count: entries.count) { range, sql in
            let batch = entries[range]
            var insert = sql.insert(into: "activity").columns("at", "actor", "company_id", "subject", "subject_id", "action", "detail")
            for (entry, at) in batch {
                insert = insert.values(SQLBind(at.milliseconds), SQLBind(entry.actor), SQLBind(entry.companyID?.rawValue),
                                       SQLBind(entry.subject), SQLBind(entry.subjectID), SQLBind(entry.action),
                                       SQLBind(Self.jsonObject(entry.detail)))
            }
            try await insert.run()
        }
    }
}

extension Companies {
    /// Sets when a company last synced and last had a session (generated data sets: companies in every state).
    public func setSyncTimes(_ id: CompanyID, lastSyncAt: Timestamp?, lastSessionAt: Timestamp?) async throws {
        try await database.transaction { sql in
            try await sql.update("companies").set("last_sync_at", to: SQLBind(lastSyncAt?.milliseconds))
                .set("last_session_at", to: SQLBind(lastSessionAt?.milliseconds)).where("id", .equal, SQLBind(id.rawValue)).run()
        }
    }
}

extension Database {
    /// Runs `body` for consecutive ranges of 500 of `count` rows, 20 ranges to a transaction: a bulk write
    /// commits (and waits for the disk) once per 10,000 rows instead of once per statement.
    func inBulk(count: Int, _ body: @escaping @Sendable (Range<Int>, any SQLDatabase) async throws -> Void) async throws {
        let statementRows = 500
        let transactionRows = 10_000
        for start in stride(from: 0, to: count, by: transactionRows) {
            let end = min(start + transactionRows, count)
            try await transaction { sql in
                for statementStart in stride(from: start, to: end, by: statementRows) {
                    try await body(statementStart..<min(statementStart + statementRows, end), sql)
                }
            }
        }
    }
}
