import Foundation

/// Runs blocking work (socket calls, waiting for a child process) on a thread of its own: the servers under
/// test run in this process, and blocking one of the few cooperative threads (two on a 2-core machine) can
/// starve them. A zeep check waiting on Python this way once held a thread long enough for a concurrent
/// test's HTTPS call to time out in CI.
public func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
