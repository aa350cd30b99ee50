public import Domain
import Foundation
import SQLKit

/// Facts about this QBBridge installation kept in the database, so that every instance sharing it agrees.
public struct Installation: Sendable {
    let database: Database

    /// The OwnerID GUID: one per installation, never per company or version (docs/web-connector-protocol.md, "The .qwc file").
    /// Created on first use; concurrent first uses agree on one value.
    public func ownerID() async throws -> String {
        try await value(for: "owner_id") { "{" + UUID().uuidString.uppercased() + "}" }
    }

    private func value(for key: String, default make: @Sendable () -> String) async throws -> String {
        if let known = database.settledValues.withLock({ $0[key] }) { return known }
        let value = try await database.transaction { sql in
            if let row = try await sql.select().column("value").from("installation").where("key", .equal, SQLBind(key)).first() {
                return try row.decode(column: "value", as: String.self)
            }
            try await sql.insert(into: "installation").columns("key", "value").values(SQLBind(key), SQLBind(make()))
                .ignoringConflicts(with: ["key"]).run()
            guard let row = try await sql.select().column("value").from("installation").where("key", .equal, SQLBind(key)).first() else {
                throw StoreError.corruptRow(table: "installation", detail: "\(key) missing after insert")
            }
            return try row.decode(column: "value", as: String.self)
        }
        database.settledValues.withLock { $0[key] = value }
        return value
    }

    // MARK: - The first admin user's set-up code

    /// Keeps a new one-time set-up code (only its hash, like tickets and tokens) and when it expires, replacing any
    /// earlier one: only the newest link printed works.
    public func replaceSetupCode(_ code: String, expiresAt: Timestamp) async throws {
        let value = SecretHash.hex(code) + "|" + String(expiresAt.milliseconds)
        try await database.transaction { sql in
            try await sql.delete(from: "installation").where("key", .equal, SQLBind(Self.setupCodeKey)).run()
            try await sql.insert(into: "installation").columns("key", "value").values(SQLBind(Self.setupCodeKey), SQLBind(value)).run()
        }
    }

    /// Whether the code is the current one and has not expired.
    public func setupCodeIsCurrent(_ code: String, now: Timestamp = .now) async throws -> Bool {
        try await database.read { sql in try await Self.setupCodeIsCurrent(code, on: sql, now: now) }
    }

    static let setupCodeKey = "setup_code"

    static func setupCodeIsCurrent(_ code: String, on sql: any SQLDatabase, now: Timestamp) async throws -> Bool {
        guard let row = try await sql.select().column("value").from("installation").where("key", .equal, SQLBind(setupCodeKey)).first() else {
            return false
        }
        let parts = try row.decode(column: "value", as: String.self).split(separator: "|")
        guard parts.count == 2, let expires = Int64(parts[1]) else { return false }
        return parts[0] == SecretHash.hex(code) && now.milliseconds < expires
    }
}
