import Synchronization

/// Lets at most `limit` Web Connector calls be worked on at once; the others wait their turn, in arrival
/// order, holding nothing but their request body.
///
/// When hundreds of Web Connectors call at the same instant, every call in progress holds its parsed
/// request, its async frames and its place in the database's queue: 500 at once grew the server by
/// 70 MiB, and the few objects each open connection kept afterwards pinned that heap so it could not be
/// given back. The database takes one writer at a time (SQLite) or a fixed pool of connections
/// (PostgreSQL), so working on more calls than that at once adds memory, not throughput.
final class CallLimiter: Sendable {
    private struct State {
        var running = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
        /// Index of the longest-waiting entry of `waiters` (kept instead of removing from the front).
        var head = 0

        var waiting: Int { waiters.count - head }
    }

    let limit: Int
    private let state = Mutex(State())

    init(limit: Int) {
        precondition(limit > 0, "a call limit must be positive")
        self.limit = limit
    }

    /// Calls waiting for a turn now.
    var waiting: Int { state.withLock { $0.waiting } }

    /// Runs `body` once fewer than `limit` calls are running.
    func run<T>(_ body: () async throws -> T) async rethrows -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        let admitted = state.withLock { state -> Bool in
            guard state.running < limit, state.waiting == 0 else { return false }
            state.running += 1
            return true
        }
        if admitted { return }
        await withCheckedContinuation { continuation in
            let admitNow = state.withLock { state -> Bool in
                if state.running < limit, state.waiting == 0 {
                    state.running += 1
                    return true
                }
                state.waiters.append(continuation)
                return false
            }
            if admitNow { continuation.resume() }
        }
    }

    private func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.waiting > 0 else {
                state.running -= 1
                return nil
            }
            // The turn passes straight to the longest waiter: `running` stays as it is.
            let next = state.waiters[state.head]
            state.head += 1
            if state.head == state.waiters.count {
                state.waiters.removeAll(keepingCapacity: false)
                state.head = 0
            } else if state.head >= 64, state.head * 2 >= state.waiters.count {
                state.waiters.removeFirst(state.head)
                state.head = 0
            }
            return next
        }
        next?.resume()
    }
}
