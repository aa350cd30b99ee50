import Domain
import SQLKit

/// `FOR UPDATE SKIP LOCKED` where the dialect can lock rows (PostgreSQL), nothing where it cannot (SQLite,
/// whose `BEGIN IMMEDIATE` already serializes writers). Asked of SQLKit's dialect, not by engine name
/// (docs/style.md, "Storage"), so two instances sharing PostgreSQL never claim the same job.
struct ClaimLock: SQLExpression {
    func serialize(to serializer: inout SQLSerializer) {
        guard let lock = serializer.dialect.exclusiveSelectLockExpression else { return }
        serializer.write(" ")
        lock.serialize(to: &serializer)
        serializer.write(" SKIP LOCKED")
    }
}

/// `FOR UPDATE` where the dialect can lock rows (PostgreSQL): a session row read with it cannot change under the
/// transaction, so a takeover and the old session's last save are serialized. SQLite's `BEGIN IMMEDIATE` already
/// serializes them.
struct RowLock: SQLExpression {
    func serialize(to serializer: inout SQLSerializer) {
        guard let lock = serializer.dialect.exclusiveSelectLockExpression else { return }
        serializer.write(" ")
        lock.serialize(to: &serializer)
    }
}
