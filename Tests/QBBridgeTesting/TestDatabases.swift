import Foundation
public import Logging
import Domain
public import Store
public import Testing

/// The engines a store behaviour runs on. SQLite is always here; a PostgreSQL test declares
/// `.requires(.postgres)`, so without `QBBRIDGE_TEST_POSTGRES_URL` it is listed as skipped, never counted as
/// passed.
public enum TestDatabase: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    public var testDescription: String { rawValue }

    public static let logger: Logger = {
        var logger = Logger(label: "qbbridge-tests")
        logger.logLevel = .warning
        return logger
    }()

    /// What a test reached without its engine: a `.requires(.postgres)` missing from its declaration.
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String { "the test runs on PostgreSQL but does not declare .requires(.postgres): \(Requirement.postgres.whatIsMissing)" }
    }

    /// Opens a fresh, migrated store on this engine for the duration of `body`. PostgreSQL tests share one
    /// database: they take turns, and each starts by dropping every table.
    public func withStore<R: Sendable>(_ body: @Sendable (Store) async throws -> R) async throws -> R {
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qbbridge-test-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let location = DatabaseLocation.sqlite(path: directory.appendingPathComponent("test.sqlite").path)
            return try await Database.withOpened(location, logger: Self.logger) { database in
                let store = Store(database: database)
                try await store.migrate()
                return try await body(store)
            }
        case .postgres:
            guard let url = TestEnvironment.postgresURL else { throw Unavailable() }
            return try await PostgresTestLock.shared.run {
                try await Database.withOpened(try DatabaseLocation(url), logger: Self.logger) { database in
                    try await database.dropEverythingForTests()
                    let store = Store(database: database)
                    try await store.migrate()
                    return try await body(store)
                }
            }
        }
    }
}

/// PostgreSQL tests share one database, so they take turns.
public actor PostgresTestLock {
    public static let shared = PostgresTestLock()
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public func run<R: Sendable>(_ body: @Sendable () async throws -> R) async throws -> R {
        if busy {
            await withCheckedContinuation { waiters.append($0) }
        } else {
            busy = true
        }
        defer {
            if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
        }
        return try await body()
    }
}
