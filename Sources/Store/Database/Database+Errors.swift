import Domain
import SQLiteDriver
import PostgresKit

extension Database {
    /// Whether an error is a unique-constraint violation, asked of each driver's error type rather than
    /// guessed from text (PostgreSQL SQLSTATE 23505; SQLite `SQLITE_CONSTRAINT_UNIQUE`).
    static func isUniqueViolation(_ error: any Error) -> Bool {
        if let error = error as? PSQLError {
            return error.serverInfo?[.sqlState] == PostgresError.Code.uniqueViolation.raw
        }
        if let error = error as? SQLiteFailure {
            return error.isUniqueViolation
        }
        return false
    }
}
