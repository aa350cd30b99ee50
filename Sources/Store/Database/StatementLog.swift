import Logging
import NIOCore
import SQLKit
import Synchronization

/// Every statement the store sends, counted; and, while a test asks for it, written down.
///
/// Lists must cost a fixed number of statements per page whatever the page's length (no query per row), and
/// each of those statements must walk an index: tests check both on the statements the repositories really
/// send, not on copies of them. Counting is one atomic increment; the text is only kept while recording.
final class StatementLog: Sendable {
    private let recorded = Mutex<[String]?>(nil)
    private let count = Atomic<Int>(0)

    /// Statements sent since the database was opened.
    var total: Int { count.load(ordering: .relaxed) }

    /// Runs `body` and returns the SQL of every statement sent meanwhile, in order.
    func recording(_ body: () async throws -> Void) async rethrows -> [String] {
        recorded.withLock { $0 = [] }
        defer { recorded.withLock { $0 = nil } }
        try await body()
        return recorded.withLock { $0 ?? [] }
    }

    fileprivate func note(_ query: any SQLExpression, on database: any SQLDatabase) {
        count.add(1, ordering: .relaxed)
        recorded.withLock { log in
            guard log != nil else { return }
            log?.append(database.serialize(query).sql)
        }
    }
}

/// An `SQLDatabase` that notes each statement in a `StatementLog` and forwards it unchanged.
struct LoggedSQLDatabase: SQLDatabase {
    let base: any SQLDatabase
    let log: StatementLog

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        log.note(query, on: base)
        return base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        log.note(query, on: base)
        try await base.execute(sql: query, onRow)
    }
}
