public import Domain
import Foundation
import SQLKit

/// What `qbbridge doctor` asks of the database (docs/operations.md, "qbbridge doctor"): the schema version, a write
/// that is rolled back, and the database server's clock. Nothing here changes the schema or keeps a row.
public struct Diagnostics: Sendable {
    let database: Database

    /// The highest migration recorded; 0 when the database has no schema yet (no `schema_migrations` table), so that
    /// a check can say "never migrated" instead of failing on a missing table.
    public func schemaVersion() async throws -> Int {
        let postgres = if case .postgres = database.location { true } else { false }
        let hasTable = try await database.read { sql in
            switch postgres {
            case true:
                let row = try await sql.raw("SELECT to_regclass('schema_migrations') IS NOT NULL AS present").first()
                return try row?.decode(column: "present", as: Bool.self) ?? false
            case false:
                let row = try await sql.raw("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").first()
                return try (row?.decode(column: "n", as: Int.self) ?? 0) > 0
            }
        }
        guard hasTable else { return 0 }
        return try await Migrator(database: database).currentVersion()
    }

    /// Writes a row and takes it back in one transaction: fails as the server's first write would on a read-only file,
    /// a full disk or a role without write rights. Needs the schema (the `installation` table).
    public func probeWrite() async throws {
        try await database.transaction { sql in
            let key = "doctor_probe_" + UUID().uuidString.lowercased()
            try await sql.insert(into: "installation").columns("key", "value").values(SQLBind(key), SQLBind("1")).run()
            try await sql.delete(from: "installation").where("key", .equal, SQLBind(key)).run()
        }
    }

    /// The database server's own clock, where it has one apart from this machine's (PostgreSQL); nil for SQLite, which
    /// reads this machine's clock.
    public func serverClock() async throws -> Timestamp? {
        guard case .postgres = database.location else { return nil }
        return try await database.read { sql in
            let row = try await sql.raw("SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT) AS ms").first()
            guard let milliseconds = try row?.decode(column: "ms", as: Int64.self) else {
                throw StoreError.corruptRow(table: "clock_timestamp()", detail: "no value")
            }
            return Timestamp(milliseconds: milliseconds)
        }
    }
}
