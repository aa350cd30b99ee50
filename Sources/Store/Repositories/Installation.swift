import Domain
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
}
