import Foundation
import Logging
import Domain
import Store
import Testing

/// The engines every store behaviour runs on: SQLite always, PostgreSQL when `QBBRIDGE_TEST_POSTGRES_URL`
/// is set (CI always sets it; locally the PostgreSQL cases are skipped with a message).
enum TestDatabase: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["QBBRIDGE_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether this engine is available here.
    var isAvailable: Bool {
        self == .sqlite || Self.postgresURL != nil
    }

    static let logger: Logger = {
        var logger = Logger(label: "qbbridge-tests")
        logger.logLevel = .warning
        return logger
    }()

    /// Opens a fresh, migrated store on this engine for the duration of `body`. PostgreSQL gets its own
    /// schema-free database per call by dropping every table first.
    func withStore<R: Sendable>(_ body: @Sendable (Store) async throws -> R) async throws -> R? {
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
            guard let url = Self.postgresURL else {
                print("PostgreSQL store tests skipped: set QBBRIDGE_TEST_POSTGRES_URL (CI always does).")
                return nil
            }
            return try await PostgresTestLock.shared.run {
                try await Database.withOpened(try DatabaseLocation(url), logger: Self.logger) { database in
                    try await TestSupportSQL.dropAll(database)
                    let store = Store(database: database)
                    try await store.migrate()
                    return try await body(store)
                }
            }
        }
    }
}

/// PostgreSQL tests share one database, so they take turns.
actor PostgresTestLock {
    static let shared = PostgresTestLock()
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func run<R: Sendable>(_ body: @Sendable () async throws -> R) async throws -> R {
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
