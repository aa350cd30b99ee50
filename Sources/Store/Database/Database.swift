public import Domain
import SQLiteDriver
import Foundation
public import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import Synchronization

/// The connection to the store's database, SQLite or PostgreSQL, behind one SQLKit surface.
///
/// SQLite: one writer connection (WAL journal, `synchronous=FULL`: a committed change survives a power
/// cut, not only a crash) whose transactions take turns, and read-only connections for plain reads
/// (`SQLiteConnections`). PostgreSQL: a pooled `PostgresClient`,
/// whose `run()` must be going while the store is used (the server runs it as a service;
/// `Database.withOpened` runs it for one-shot commands).
public final class Database: Sendable {
    private enum Backend: Sendable {
        case sqlite(SQLiteConnections)
        case postgres(PostgresClient)
    }

    private let backend: Backend
    /// Installation facts that never change once stored (the OwnerID), kept after the first read.
    let settledValues = Mutex<[String: String]>([:])
    /// Where the data lives.
    public let location: DatabaseLocation
    let logger: Logger
    /// Every statement sent, counted (and recorded while a test asks).
    let statements = StatementLog()

    private init(backend: Backend, location: DatabaseLocation, logger: Logger) {
        self.backend = backend
        self.location = location
        self.logger = logger
    }

    /// PostgreSQL connections per instance, all kept open.
    static let postgresConnections = 16

    /// Opens the database (for PostgreSQL: prepares the pool; call `run()` before using it).
    public static func open(_ location: DatabaseLocation, logger: Logger) async throws(StoreError) -> Database {
        switch location {
        case .sqlite(let path):
            do {
                let url = URL(fileURLWithPath: path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                let connections = try await SQLiteConnections.open(path: path, logger: logger)
                return Database(backend: .sqlite(connections), location: location, logger: logger)
            } catch {
                throw .cannotOpen(location.description, reason: "\(error)")
            }
        case .postgres(let target):
            let tls: PostgresClient.Configuration.TLS
            switch target.tlsMode {
            case "disable":
                tls = .disable
            case "require", "verify-ca", "verify-full":
                tls = .require(.makeClientConfiguration())
            default:
                tls = .prefer(.makeClientConfiguration())
            }
            var configuration = PostgresClient.Configuration(
                host: target.host, port: target.port, username: target.username,
                password: target.password, database: target.database, tls: tls
            )
            // A fixed set of connections and no keep-alive pings: the pool otherwise starts an idle timer and a
            // keep-alive timer each time a connection goes back to it, and a cancelled timer's sleep stays
            // allocated until its deadline (30 s, 60 s). At a few thousand queries per second that held
            // 70 MiB, and pinned the heap so it could not be trimmed. Connections the server closes are
            // noticed and replaced by the pool without pings.
            configuration.options.minimumConnections = Self.postgresConnections
            configuration.options.maximumConnections = Self.postgresConnections
            configuration.options.keepAliveBehavior = nil
            let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
            return Database(backend: .postgres(client), location: location, logger: logger)
        }
    }

    /// Opens the database, runs its background work for the duration of `body`, and closes it.
    public static func withOpened<R: Sendable>(
        _ location: DatabaseLocation, logger: Logger, _ body: @Sendable (Database) async throws -> R
    ) async throws -> R {
        let database = try await open(location, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await database.run() }
            if case .postgres = location {
                // Let the pool's run loop start before the first lease (PostgresNIO warns otherwise).
                try await Task.sleep(for: .milliseconds(20))
            }
            do {
                let result = try await body(database)
                group.cancelAll()
                await database.close()
                return result
            } catch {
                group.cancelAll()
                await database.close()
                throw error
            }
        }
    }

    /// Runs the connection pool until the task is cancelled.
    public func run() async {
        switch backend {
        case .postgres(let client):
            await client.run()
        case .sqlite:
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(3600))
            }
        }
    }

    /// Closes the SQLite connections (a PostgreSQL pool closes when its `run()` task is cancelled).
    public func close() async {
        if case .sqlite(let connections) = backend {
            await connections.close()
        }
    }

    /// Runs `body` on one connection that may write (SQLite: the writer, as a transaction of its own).
    func withConnection<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        switch backend {
        case .sqlite(let connections):
            return try await connections.write { try await body(LoggedSQLDatabase(base: $0, log: statements)) }
        case .postgres(let client):
            return try await client.withConnection { connection in
                try await body(LoggedSQLDatabase(base: connection.sql(queryLogLevel: nil), log: statements))
            }
        }
    }

    /// Runs `body`, which only reads, on one connection (SQLite: a read-only one, beside the writer).
    /// It sees every change committed before it began; use `transaction` to read what you are about to change.
    func read<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        switch backend {
        case .sqlite(let connections):
            return try await connections.read { try await body(LoggedSQLDatabase(base: $0, log: statements)) }
        case .postgres(let client):
            return try await client.withConnection { connection in
                try await body(LoggedSQLDatabase(base: connection.sql(queryLogLevel: nil), log: statements))
            }
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    /// Every state change the bridge answers for goes through here, so it is durable before the answer.
    func transaction<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        switch backend {
        case .sqlite(let connections):
            // Every write on SQLite is a transaction of its own (with group commit).
            return try await connections.write { try await body(LoggedSQLDatabase(base: $0, log: statements)) }
        case .postgres:
            return try await withConnection { sql in
                try await sql.raw("BEGIN").run()
                do {
                    let result = try await body(sql)
                    try await sql.raw("COMMIT").run()
                    return result
                } catch {
                    try? await sql.raw("ROLLBACK").run()
                    throw error
                }
            }
        }
    }
}

extension Database {
    /// Drops every table in the current schema. Only the test suites call this, to give each PostgreSQL
    /// test a clean database; it refuses to touch SQLite files (tests use fresh files there).
    public func dropEverythingForTests() async throws {
        guard case .postgres = location else { return }
        try await withConnection { sql in
            try await sql.raw("DROP SCHEMA public CASCADE").run()
            try await sql.raw("CREATE SCHEMA public").run()
        }
    }
}
