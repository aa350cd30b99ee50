import AsyncAlgorithms
import Domain
import Logging
import Metrics
public import ServiceLifecycle
import Store
import Triage

/// One background loop: runs `work` every `interval` until graceful shutdown. A failed round is logged
/// and the next one runs as planned: a database that is briefly away must not stop the sweeps for good.
struct RepeatingService: Service {
    let name: String
    let interval: Duration
    let logger: Logger
    let work: @Sendable () async throws -> Void

    func run() async throws {
        for await _ in AsyncTimerSequence(interval: interval, clock: .continuous).cancelOnGracefulShutdown() {
            do {
                try await work()
            } catch {
                logger.warning("\(name) failed", metadata: ["error": "\(error)"])
            }
        }
    }
}

extension BridgeServices {
    /// The loops that keep the queue honest, one `Service` each, for the application's service group:
    /// - the session sweep expires Web Connector sessions that went silent and returns their jobs to the queue;
    /// - the schedule check opens a `not_syncing` record for a company whose Web Connector stopped calling;
    /// - the queue gauges publish jobs by status and open failures by category for Prometheus;
    /// - the webhook sender delivers the outbox (unless this instance is configured not to).
    public func backgroundServices(intervalSeconds: Double) -> [any Service] {
        let interval = Duration.milliseconds(Int64(intervalSeconds * 1000))
        let store = self.store
        let idleSeconds = configuration.ticketIdleTimeoutSeconds
        let logger = self.logger
        let webhooks = webhookDeliveryService().map { [$0] } ?? []
        return webhooks + [
            RepeatingService(name: "session sweep", interval: interval, logger: logger) {
                let expired = try await store.sessions.expireIdle(olderThanSeconds: idleSeconds)
                if expired > 0 { logger.info("expired idle sessions", metadata: ["count": "\(expired)"]) }
                let released = try await store.jobs.releaseAbandoned(leaseSeconds: idleSeconds)
                if released > 0 { logger.info("returned jobs of ended sessions to the queue", metadata: ["count": "\(released)"]) }
            },
            RepeatingService(name: "schedule check", interval: interval, logger: logger) { [health] in
                try await health.checkSchedules()
            },
            RepeatingService(name: "queue gauges", interval: interval, logger: logger) {
                // Every status and category is published, zero included, so a dashboard sees a drop to zero.
                let jobs = try await store.jobs.countsByStatus()
                for status in JobStatus.allCases {
                    Gauge(label: "qbbridge_jobs", dimensions: [("status", status.rawValue)]).record(jobs[status.rawValue] ?? 0)
                }
                let failures = try await store.failures.openCountsByCategory()
                for category in FailureCategory.allCases {
                    Gauge(label: "qbbridge_open_failures", dimensions: [("category", category.rawValue)]).record(failures[category.rawValue] ?? 0)
                }
            },
        ]
    }
}
