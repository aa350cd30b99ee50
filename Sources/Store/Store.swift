import Domain
import Logging

/// The durable store: one implementation over SQLKit for SQLite and PostgreSQL (docs/architecture.md, "Storage").
/// Repositories are small value types sharing the database.
public struct Store: Sendable {
    /// The database connection.
    public let database: Database
    /// Company connections.
    public var companies: Companies { Companies(database: database) }
    /// The job queue.
    public var jobs: Jobs { Jobs(database: database) }
    /// Failure records.
    public var failures: Failures { Failures(database: database) }
    /// Web Connector sessions.
    public var sessions: Sessions { Sessions(database: database) }
    /// API tokens.
    public var tokens: APITokens { APITokens(database: database) }
    /// Failed-login throttling.
    public var throttle: LoginThrottle { LoginThrottle(database: database) }
    /// The audit log.
    public var activity: ActivityLog { ActivityLog(database: database) }
    /// Invoice and customer snapshots from pulls.
    public var snapshots: Snapshots { Snapshots(database: database) }
    /// Upstream customer ids mapped to QuickBooks ListIDs.
    public var customerMappings: CustomerMappings { CustomerMappings(database: database) }
    /// Web Connector logs attached to companies.
    public var qwcLogs: QWCLogAttachments { QWCLogAttachments(database: database) }
    /// Webhook endpoints, deliveries and attempts.
    public var webhooks: Webhooks { Webhooks(database: database) }
    /// Installation-wide facts (OwnerID).
    public var installation: Installation { Installation(database: database) }
    /// What `qbbridge doctor` asks of the database: schema version, a rolled-back write, the server's clock.
    public var diagnostics: Diagnostics { Diagnostics(database: database) }

    /// Wraps an opened database.
    public init(database: Database) {
        self.database = database
    }

    /// Applies pending migrations.
    @discardableResult
    public func migrate() async throws -> [Int] {
        try await Migrator(database: database).migrate()
    }
}
