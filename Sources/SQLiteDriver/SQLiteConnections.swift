import Foundation
public import Logging
import NIOCore
import NIOPosix
public import SQLKit
import Synchronization

/// One SQLite connection, used by one task at a time (the writer gate, a reader lease).
///
/// Its statements run synchronously on the thread of the task using it, back to back with the code around
/// them. An earlier driver ran each statement on a thread pool and resumed the task afterwards: two thread
/// hand-offs per statement, and on two busy cores each hand-off waited for the other thread to be
/// scheduled, so that calls touching the database took five times as long as calls that did not.
struct SQLiteLane: Sendable {
    let handle: SQLiteHandle
    let logger: Logger
    let eventLoop: any EventLoop

    static func open(path: String, pragmas: [String], logger: Logger) async throws -> SQLiteLane {
        let lane = SQLiteLane(handle: try SQLiteHandle.open(path: path), logger: logger, eventLoop: MultiThreadedEventLoopGroup.singleton.any())
        do {
            try await lane.run { sql in
                for pragma in pragmas { try await sql.raw(SQLQueryString(stringLiteral: pragma)).run() }
            }
        } catch {
            lane.close()
            throw error
        }
        return lane
    }

    func run<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await body(SQLiteDatabase(handle: handle, logger: logger, eventLoop: eventLoop))
    }

    func close() {
        handle.close()
    }
}

/// The SQLite side of `Database`: one writer and a few read-only connections.
///
/// SQLite allows one writer at a time; every transaction and every statement that changes data takes
/// the writer through a FIFO gate, so statements of two transactions never interleave on it. In WAL
/// mode readers do not wait for the writer, nor the writer for them, so plain reads (a session by its
/// ticket, a company, a job list) go to the readers and never queue behind a commit. A reader sees
/// every transaction committed before its statement began, which is all a caller can have been told of.
///
/// Group commit: a transaction runs inside a savepoint of a batch transaction, on the writer's own thread
/// (`ConnectionThread`). When it ends and other writes are still to come, it does not commit: it hands the
/// writer on and waits; whoever ends with none to come (or fills the batch) commits the batch, one fsync
/// for all, and only then does any of them return. So nothing is answered before it is durable, a failed
/// transaction is rolled back to its savepoint without touching the others, and under load many
/// transactions share one commit. With no other write to come a transaction commits at once. Reads run
/// on the caller's thread: a read-only connection is leased only for the statements of one read.
public final class SQLiteConnections: Sendable {
    private let writer: SQLiteLane
    private let writerThread: ConnectionThread
    private let writerGate = AsyncGate()
    /// Writes begun and not yet past their own transaction body: those still to come. A finished
    /// transaction leaves the commit to the batch while this is above zero (the writers queued on the
    /// writer's thread cannot be seen at the gate until they run).
    private let writesToCome = Atomic<Int>(0)
    /// The open batch; touched only by the writer gate's holder.
    private let batch = Mutex(Batch())
    private let readers: [SQLiteLane]
    private let free: Mutex<FreeReaders>

    /// Transactions done inside the batch transaction, waiting for its commit.
    private struct Batch {
        var isOpen = false
        var waiting: [CheckedContinuation<Void, any Error>] = []
    }

    /// Most transactions in one commit: bounds how long the first of them waits.
    static let maximumBatch = 64

    private struct FreeReaders {
        var indices: [Int]
        var waiters: [CheckedContinuation<Int, Never>] = []
    }

    /// How many read-only connections to open: one per core, at least two.
    static var readerCount: Int { max(2, ProcessInfo.processInfo.activeProcessorCount) }

    private init(writer: SQLiteLane, writerThread: ConnectionThread, readers: [SQLiteLane]) {
        self.writer = writer
        self.writerThread = writerThread
        self.readers = readers
        free = Mutex(FreeReaders(indices: Array(readers.indices)))
    }

    /// Opens the writer (WAL, `synchronous=FULL`: a commit survives a power cut, not only a crash) and
    /// the readers (`query_only`, so a write sent to one by mistake fails instead of bypassing the gate).
    public static func open(path: String, logger: Logger) async throws -> SQLiteConnections {
        let writer = try await SQLiteLane.open(
            path: path,
            pragmas: ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 10000"],
            logger: logger
        )
        let writerThread = ConnectionThread(name: "sqlite-writer")
        var readers: [SQLiteLane] = []
        do {
            for _ in 0..<readerCount {
                readers.append(try await SQLiteLane.open(
                    path: path,
                    pragmas: ["PRAGMA query_only = ON", "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 10000"],
                    logger: logger
                ))
            }
        } catch {
            for reader in readers { reader.close() }
            writer.close()
            await writerThread.shutdown()
            throw error
        }
        return SQLiteConnections(writer: writer, writerThread: writerThread, readers: readers)
    }

    /// Runs `body` on the writer, alone, as one transaction: committed (durably) before this returns,
    /// rolled back when it throws.
    public func write<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        writesToCome.add(1, ordering: .sequentiallyConsistent)
        return try await withTaskExecutorPreference(writerThread) {
            await writerGate.acquire()
            let outcome: Result<R, any Error>
            do {
                outcome = .success(try await writer.run { sql in try await self.inSavepoint(sql, body) })
            } catch {
                outcome = .failure(error)
            }
            let othersToCome = writesToCome.subtract(1, ordering: .sequentiallyConsistent).newValue > 0
            if case .failure(let error) = outcome, error is BatchLost {
                // Nothing of the batch is left to commit: tell every waiting transaction so.
                let members = batch.withLock { batch in
                    defer { batch = Batch() }
                    return batch.waiting
                }
                _ = try? await writer.run { sql in try await sql.raw("ROLLBACK").run() }
                for member in members { member.resume(throwing: error) }
                writerGate.release()
                throw error
            }
            let (open, waitingCount) = batch.withLock { ($0.isOpen, $0.waiting.count) }
            if open, othersToCome || writerGate.hasWaiters, waitingCount + 1 < Self.maximumBatch {
                // Others will write next: leave the commit to the last of them.
                switch outcome {
                case .success(let value):
                    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                        batch.withLock { $0.waiting.append(continuation) }
                        writerGate.release()
                    }
                    return value
                case .failure(let error):
                    writerGate.release()
                    throw error
                }
            }
            let members = batch.withLock { batch in
                defer { batch.waiting = [] }
                return batch.waiting
            }
            var commitError: (any Error)?
            if open {
                do {
                    try await writer.run { sql in try await sql.raw("COMMIT").run() }
                } catch {
                    commitError = error
                    _ = try? await writer.run { sql in try await sql.raw("ROLLBACK").run() }
                }
                batch.withLock { $0.isOpen = false }
            }
            for member in members {
                if let commitError { member.resume(throwing: commitError) } else { member.resume() }
            }
            writerGate.release()
            if let commitError { throw commitError }
            return try outcome.get()
        }
    }

    /// Opens the batch transaction if needed and runs `body` in a savepoint of it.
    private func inSavepoint<R: Sendable>(_ sql: any SQLDatabase, _ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        if !batch.withLock({ $0.isOpen }) {
            try await sql.raw("BEGIN IMMEDIATE").run()
            batch.withLock { $0.isOpen = true }
        }
        try await sql.raw("SAVEPOINT member").run()
        do {
            let value = try await body(sql)
            try await sql.raw("RELEASE member").run()
            return value
        } catch {
            do {
                try await sql.raw("ROLLBACK TO member").run()
                try await sql.raw("RELEASE member").run()
            } catch {
                // SQLite rolled back the whole batch itself (it does on I/O errors and a full disk): the
                // savepoint is gone, and so is every change of the batch.
                throw BatchLost()
            }
            throw error
        }
    }

    /// The batch transaction was rolled back as a whole while a transaction of it failed.
    private struct BatchLost: Error, CustomStringConvertible {
        var description: String { "SQLite rolled back the open batch transaction after an error; nothing of it was committed" }
    }

    /// Runs `body` on a free reader, waiting for one if all are busy.
    public func read<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let index = await leaseReader()
        defer { returnReader(index) }
        return try await readers[index].run(body)
    }

    public func close() async {
        await writerGate.acquire()
        writer.close()
        writerGate.release()
        await writerThread.shutdown()
        // Each reader is closed once it is free; a closed one is never handed out again.
        for _ in readers.indices {
            readers[await leaseReader()].close()
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
