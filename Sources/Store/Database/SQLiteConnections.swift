import Foundation
import Logging
import NIOPosix
import SQLKit
import SQLiteKit
import Synchronization

/// One SQLite connection with its own thread (see `ConnectionThread`).
struct SQLiteLane: Sendable {
    let connection: SQLiteConnection
    let thread: ConnectionThread

    static func open(path: String, name: String, pragmas: [String], logger: Logger) async throws -> SQLiteLane {
        let thread = ConnectionThread(name: name)
        do {
            let connection = try await SQLiteConnection.open(
                storage: .file(path: path), threadPool: thread.pool, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any()
            )
            let lane = SQLiteLane(connection: connection, thread: thread)
            try await lane.run { sql in
                for pragma in pragmas { try await sql.raw(SQLQueryString(stringLiteral: pragma)).run() }
            }
            return lane
        } catch {
            await thread.shutdown()
            throw error
        }
    }

    /// Runs `body` with this lane's thread as the task executor.
    func run<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await withTaskExecutorPreference(thread) {
            try await body(connection.sql(queryLogLevel: nil))
        }
    }

    func close() async {
        try? await withTaskExecutorPreference(thread) { try await connection.close() }
        await thread.shutdown()
    }
}

/// The SQLite side of `Database`: one writer and a few read-only connections.
///
/// SQLite allows one writer at a time; every transaction and every statement that changes data takes
/// the writer through a FIFO gate, so statements of two transactions never interleave on it. In WAL
/// mode readers do not wait for the writer, nor the writer for them, so plain reads (a session by its
/// ticket, a company, a job list) go to the readers and never queue behind a commit. A reader sees
/// every transaction committed before its statement began, which is all a caller can have been told of.
final class SQLiteConnections: Sendable {
    private let writer: SQLiteLane
    private let writerGate = AsyncGate()
    private let readers: [SQLiteLane]
    private let free: Mutex<FreeReaders>

    private struct FreeReaders {
        var indices: [Int]
        var waiters: [CheckedContinuation<Int, Never>] = []
    }

    /// How many read-only connections to open: one per core, at least two.
    static var readerCount: Int { max(2, ProcessInfo.processInfo.activeProcessorCount) }

    private init(writer: SQLiteLane, readers: [SQLiteLane]) {
        self.writer = writer
        self.readers = readers
        free = Mutex(FreeReaders(indices: Array(readers.indices)))
    }

    /// Opens the writer (WAL, `synchronous=FULL`: a commit survives a power cut, not only a crash) and
    /// the readers (`query_only`, so a write sent to one by mistake fails instead of bypassing the gate).
    static func open(path: String, logger: Logger) async throws -> SQLiteConnections {
        let writer = try await SQLiteLane.open(
            path: path, name: "sqlite-writer",
            pragmas: ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 10000"],
            logger: logger
        )
        var readers: [SQLiteLane] = []
        do {
            for index in 0..<readerCount {
                readers.append(try await SQLiteLane.open(
                    path: path, name: "sqlite-reader-\(index)",
                    pragmas: ["PRAGMA query_only = ON", "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 10000"],
                    logger: logger
                ))
            }
        } catch {
            for reader in readers { await reader.close() }
            await writer.close()
            throw error
        }
        return SQLiteConnections(writer: writer, readers: readers)
    }

    /// Runs `body` on the writer, alone.
    func write<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await withTaskExecutorPreference(writer.thread) {
            try await writerGate.withHeld { try await writer.run(body) }
        }
    }

    /// Runs `body` on a free reader, waiting for one if all are busy.
    func read<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let index = await leaseReader()
        defer { returnReader(index) }
        return try await readers[index].run(body)
    }

    func close() async {
        _ = try? await writerGate.withHeld { await writer.close() }
        // Each reader is closed once it is free; a closed one is never handed out again.
        for _ in readers.indices {
            await readers[await leaseReader()].close()
        }
    }

    private func leaseReader() async -> Int {
        if let index = free.withLock({ $0.indices.popLast() }) { return index }
        return await withCheckedContinuation { continuation in
            let index = free.withLock { state -> Int? in
                if let index = state.indices.popLast() { return index }
                state.waiters.append(continuation)
                return nil
            }
            if let index { continuation.resume(returning: index) }
        }
    }

    private func returnReader(_ index: Int) {
        let waiter = free.withLock { state -> CheckedContinuation<Int, Never>? in
            if state.waiters.isEmpty {
                state.indices.append(index)
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.resume(returning: index)
    }
}
