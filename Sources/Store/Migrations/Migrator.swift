import Domain
import Foundation
import Logging
import SQLKit

/// Applies the versioned migrations in order, each in its own transaction, recording them in
/// `schema_migrations`. Safe to run on every start and from several instances at once: a version
/// already recorded is skipped, and the primary key stops two instances applying the same one.
public struct Migrator: Sendable {
    static let all: [any Migration] = [Migration001Initial(), Migration002JobsAndFailures(), Migration003AdminUsers(), Migration004PullsAndMappings(),
                                        Migration005LookupIndexes(),
                                        Migration006FileUnstamped(), Migration007Webhooks(), Migration008QWCLogAttachments(),
                                        Migration009ClaimIndex(), Migration010ListIndexes()]

    /// The newest schema version this build knows.
    public static var latestVersion: Int { all.map(\.version).max() ?? 0 }

    private let database: Database

    /// Creates a migrator for a database.
    public init(database: Database) {
        self.database = database
    }

    /// Brings the schema up to date; returns the versions applied now.
    @discardableResult
    public func migrate() async throws -> [Int] {
        try await database.withConnection { sql in
            try await sql.create(table: "schema_migrations")
                .ifNotExists()
                .column("version", type: .int, .primaryKey(autoIncrement: false))
                .column("name", type: .text, .notNull)
                .column("applied_at", type: .bigint, .notNull)
                .run()
        }
        let current = try await currentVersion()
        guard current <= Self.latestVersion else {
            throw StoreError.schemaTooNew(found: current, known: Self.latestVersion)
        }
        var applied: [Int] = []
        for migration in Self.all where migration.version > current {
            try await database.transaction { sql in
                try await migration.apply(on: sql)
                try await sql.insert(into: "schema_migrations")
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(Timestamp.now.milliseconds))
                    .run()
            }
            database.logger.info("applied migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
            applied.append(migration.version)
        }
        return applied
    }

    /// The highest version recorded, 0 for an empty database.
    public func currentVersion() async throws -> Int {
        try await database.withConnection { sql in
            let row = try await sql.raw("SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations").first()
            return try row?.decode(column: "v", as: Int.self) ?? 0
        }
    }
}
