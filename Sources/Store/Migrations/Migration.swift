import Domain
import SQLKit

/// One versioned schema change. Each migration lives in its own file and runs inside one transaction.
protocol Migration: Sendable {
    /// Strictly increasing, starting at 1.
    var version: Int { get }
    /// A short description kept in `schema_migrations`.
    var name: String { get }
    /// Applies the change.
    func apply(on sql: any SQLDatabase) async throws
}
