import AsyncAlgorithms
import Bridge
import Logging
import Metrics
import Triage
import ServiceLifecycle
import Domain
import Store

/// Expires Web Connector sessions that went silent (the client crashed or never called closeConnection),
/// so that tickets die by age and the company can start a new session.
struct SessionSweeper: Service {
    let store: Store
    let idleSeconds: Double
    let intervalSeconds: Double
    let logger: Logger

    func run() async throws {
        for await _ in AsyncTimerSequence(interval: .milliseconds(Int64(intervalSeconds * 1000)), clock: .continuous)
            .cancelOnGracefulShutdown() {
            do {
                let expired = try await store.sessions.expireIdle(olderThanSeconds: idleSeconds)
                if expired > 0 { logger.info("expired idle sessions", metadata: ["count": "\(expired)"]) }
                let released = try await store.jobs.releaseAbandoned(leaseSeconds: idleSeconds)
                if released > 0 { logger.info("returned jobs of ended sessions to the queue", metadata: ["count": "\(released)"]) }
                try await HealthService(store: store).checkSchedules()
                try await publishGauges()
            } catch {
                logger.warning("session sweep failed", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Jobs by status and open failures by category, as Prometheus gauges (every status and category is
    /// published, zero included, so a dashboard sees a drop to zero).
    private func publishGauges() async throws {
        let jobs = try await store.jobs.countsByStatus()
        for status in JobStatus.allCases {
            Gauge(label: "qbbridge_jobs", dimensions: [("status", status.rawValue)]).record(jobs[status.rawValue] ?? 0)
        }
        let failures = try await store.failures.openCountsByCategory()
        for category in FailureCategory.allCases {
            Gauge(label: "qbbridge_open_failures", dimensions: [("category", category.rawValue)]).record(failures[category.rawValue] ?? 0)
        }
    }
}
