import Domain
import Store

/// Test-only database helpers.
enum TestSupportSQL {
    /// Drops every QBBridge table so a PostgreSQL test starts from nothing.
    static func dropAll(_ database: Database) async throws {
        try await database.dropEverythingForTests()
    }
}
