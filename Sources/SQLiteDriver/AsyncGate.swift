import Synchronization

/// A FIFO async mutex: one holder at a time, waiters resumed in arrival order.
///
/// SQLite allows one writer; each write owns the writer connection through this gate, so statements of
/// two transactions never interleave on it. The holder releases it explicitly (`SQLiteConnections`
/// hands it on before a batch commits, see group commit there).
final class AsyncGate: Sendable {
    private struct State {
        var held = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Whether someone is waiting for the gate (asked by its holder).
    var hasWaiters: Bool { state.withLock { !$0.waiters.isEmpty } }

    func acquire() async {
        let acquired = state.withLock { state -> Bool in
            if state.held { return false }
            state.held = true
            return true
        }
        if acquired { return }
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state -> Bool in
                if state.held {
                    state.waiters.append(continuation)
                    return false
                }
                state.held = true
                return true
            }
            if resumeNow { continuation.resume() }
        }
    }

    func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiters.isEmpty {
                state.held = false
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume()
    }
}
