import Logging
import NIOCore
import NIOPosix
import SQLKit

/// SQLKit's surface over one `SQLiteHandle`: builders and SQL text serialize with `SQLiteSyntax`, and
/// the statement runs at once on the calling task (see `SQLiteLane`).
struct SQLiteDatabase: SQLDatabase {
    let handle: SQLiteHandle
    let logger: Logger
    let eventLoop: any EventLoop

    var dialect: any SQLDialect { SQLiteSyntax() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try run(query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        do {
            try run(query, onRow)
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    private func run(_ query: any SQLExpression, _ onRow: @Sendable (any SQLRow) -> ()) throws {
        let (sql, binds) = serialize(query)
        let values = try binds.map { try SQLiteValue(binding: $0) }
        for row in try handle.execute(sql, binds: values) { onRow(row) }
    }
}

/// How SQL is written for SQLite: double-quoted identifiers, numbered `?N` placeholders, `RETURNING` and
/// `ON CONFLICT … DO UPDATE` (the store requires SQLite 3.35, see `SQLiteHandle.minimumVersion`).
struct SQLiteSyntax: SQLDialect {
    var name: String { "sqlite" }
    var identifierQuote: any SQLExpression { SQLRaw("\"") }
    var literalStringQuote: any SQLExpression { SQLRaw("'") }
    func bindPlaceholder(at position: Int) -> any SQLExpression { SQLRaw("?\(position)") }
    func literalBoolean(_ value: Bool) -> any SQLExpression { SQLRaw(value ? "TRUE" : "FALSE") }
    var literalDefault: any SQLExpression { SQLLiteral.null }
    var supportsIfExists: Bool { true }
    var supportsDropBehavior: Bool { false }
    var supportsAutoIncrement: Bool { false }
    var autoIncrementClause: any SQLExpression { SQLRaw("AUTOINCREMENT") }
    var enumSyntax: SQLEnumSyntax { .unsupported }
    var alterTableSyntax: SQLAlterTableSyntax { .init(allowsBatch: false) }
    var upsertSyntax: SQLUpsertSyntax { .standard }
    var supportsReturning: Bool { true }
    var unionFeatures: SQLUnionFeatures { [.union, .unionAll, .intersect, .except] }

    /// SQLite's integer is 64-bit, and only `INTEGER PRIMARY KEY` is the row id.
    func customDataType(for dataType: SQLDataType) -> (any SQLExpression)? {
        if case .bigint = dataType { return SQLDataType.int }
        return nil
    }
}
