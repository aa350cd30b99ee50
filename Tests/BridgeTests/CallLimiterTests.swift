import Synchronization
import Testing
@testable import Server
import QBBridgeTesting

@Suite("Call limiter: Web Connector calls worked on at once", .tagFilter)
struct CallLimiterTests {
    @Test("never more calls run at once than the limit, and every call finishes")
    func boundsConcurrency() async throws {
        let limiter = CallLimiter(limit: 3)
        let counts = Shared((running: 0, most: 0, finished: 0))
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<40 {
                group.addTask {
                    await limiter.run {
                        counts.value.withLock { $0.running += 1; $0.most = max($0.most, $0.running) }
                        try? await Task.sleep(for: .milliseconds(5))
                        counts.value.withLock { $0.running -= 1; $0.finished += 1 }
                    }
                }
            }
        }
        let final = counts.value.withLock { $0 }
        #expect(final.most == 3)
        #expect(final.finished == 40)
        #expect(final.running == 0)
        #expect(limiter.waiting == 0)
    }

    @Test("calls that wait are admitted in the order they arrived")
    func admitsInArrivalOrder() async throws {
        let limiter = CallLimiter(limit: 1)
        let order = Shared<[Int]>([])
        let (holding, release) = AsyncStream.makeStream(of: Void.self)
        let (started, startedSignal) = AsyncStream.makeStream(of: Void.self)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await limiter.run {
                    startedSignal.yield()
                    for await _ in holding { break }
                }
            }
            for await _ in started { break }
            for caller in 1...5 {
                group.addTask { await limiter.run { order.value.withLock { $0.append(caller) } } }
                // The next caller arrives only once this one is queued.
                while limiter.waiting < caller { await Task.yield() }
            }
            release.yield()
        }
        #expect(order.value.withLock { $0 } == [1, 2, 3, 4, 5])
        #expect(limiter.waiting == 0)
    }

    @Test("a call that throws gives its turn back")
    func throwingCallReleases() async throws {
        struct Refused: Error {}
        let limiter = CallLimiter(limit: 1)
        await #expect(throws: Refused.self) { try await limiter.run { throw Refused() } }
        let answer = await limiter.run { 42 }
        #expect(answer == 42)
    }
}

/// A value the test's tasks share.
private final class Shared<Value: Sendable>: Sendable {
    let value: Mutex<Value>
    init(_ initial: Value) { value = Mutex(initial) }
}
