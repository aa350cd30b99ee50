import AsyncHTTPClient
import Domain
import Foundation
import Logging
import Metrics
import NIOCore
public import ServiceLifecycle
import Store

/// Sends the outbox's deliveries (issue 24, "Delivery rules"; docs/architecture.md, "Webhooks"): claims due
/// deliveries (one instance per attempt, like jobs), POSTs each event's stored body with Standard Webhooks
/// headers, and records the answer with what follows from it: 2xx succeeds; anything else, a timeout or a
/// refused address is retried on `WebhookRetrySchedule`, honouring `Retry-After`; 410 disables the endpoint;
/// an endpoint failing for three days is disabled. Redirects are not followed (a 3xx is a failure), and every
/// attempt has 10 s in all.
public struct WebhookDeliveryService: Service {
    let store: Store
    let box: WebhookSecretBox
    let policy: WebhookURLPolicy
    let configuration: WebhookConfiguration
    let logger: Logger

    /// The `user-agent` every delivery carries.
    public static let userAgent = "QBBridge/\(QBBridgeVersion.current) (webhooks; +https://www.standardwebhooks.com)"
    /// How much of a receiver's answer is kept to show why it refused.
    static let keptResponseBytes = 1024

    public func run() async throws {
        var clientConfiguration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(Int64(configuration.timeoutSeconds * 1000)),
                           read: .milliseconds(Int64(configuration.timeoutSeconds * 1000)))
        )
        clientConfiguration.decompression = .disabled
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                var claimed: [Webhooks.Claimed] = []
                do {
                    claimed = try await store.webhooks.claim(limit: configuration.batchSize, leaseSeconds: configuration.leaseSeconds,
                                                             orderingBoundSeconds: configuration.orderingBoundSeconds)
                } catch {
                    logger.warning("webhook claim failed", metadata: ["error": "\(error)"])
                }
                if claimed.isEmpty {
                    try? await Task.sleep(for: .milliseconds(Int64(configuration.pollSeconds * 1000)))
                    continue
                }
                await withTaskGroup(of: Void.self) { group in
                    for item in claimed {
                        group.addTask { await attempt(item, client: client) }
                    }
                }
            }
        }
        try? await client.shutdown()
    }

    /// One attempt of one claimed delivery, recorded whatever happens.
    func attempt(_ item: Webhooks.Claimed, client: HTTPClient) async {
        let started = ContinuousClock.now
        let at = Timestamp.now
        var statusCode: Int?
        var failure: String?
        var response: String?
        var retryAfter: Double?
        do {
            let url = try await policy.check(item.endpoint.url)
            let request = try makeRequest(item, url: url, at: at)
            let answer = try await client.execute(request, timeout: .milliseconds(Int64(configuration.timeoutSeconds * 1000)))
            statusCode = Int(answer.status.code)
            retryAfter = WebhookRetrySchedule.retryAfterSeconds(answer.headers.first(name: "retry-after"))
            var body = try await answer.body.collect(upTo: 1 << 20)
            if let text = body.readString(length: min(body.readableBytes, Self.keptResponseBytes)), !text.isEmpty { response = text }
        } catch let error as WebhookError {
            failure = error.description
        } catch {
            failure = Self.describe(error)
        }
        let elapsed = ContinuousClock.now - started
        let attempt = WebhookAttempt(
            number: 0, at: at, statusCode: statusCode, error: failure,
            durationMilliseconds: Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000), response: response
        )
        let outcome = decide(attempt, item: item, retryAfter: retryAfter, now: Timestamp.now)
        Counter(label: "qbbridge_webhook_attempts_total", dimensions: [("outcome", attempt.succeeded ? "succeeded" : "failed")]).increment()
        if !attempt.succeeded {
            logger.info("webhook attempt failed", metadata: [
                "endpoint": "\(item.endpoint.id)", "event": "\(item.delivery.eventID)", "status": "\(statusCode.map(String.init) ?? "-")",
                "error": "\(failure ?? "")",
            ])
        }
        do {
            try await store.webhooks.record(attempt, of: item.delivery, outcome: outcome)
        } catch {
            // The lease runs out and the delivery is tried again: at least once, never lost.
            logger.warning("webhook attempt could not be recorded", metadata: ["delivery": "\(item.delivery.id)", "error": "\(error)"])
        }
    }

    /// What an attempt means for its delivery and endpoint.
    func decide(_ attempt: WebhookAttempt, item: Webhooks.Claimed, retryAfter: Double?, now: Timestamp) -> WebhookAttemptOutcome {
        if attempt.succeeded { return .succeeded }
        if attempt.statusCode == 410 {
            return .disableEndpoint(reason: "The receiver answered 410 Gone on \(now.iso8601): it no longer wants these webhooks.")
        }
        let schedule = WebhookRetrySchedule(scale: configuration.retryScale)
        let since = item.endpoint.failingSince ?? now
        if Double(now.milliseconds - since.milliseconds) / 1000 >= schedule.disableAfterSeconds {
            return .disableEndpoint(reason: "Every attempt has failed since \(since.iso8601) (three days); fix the receiver, then enable the endpoint.")
        }
        guard let delay = schedule.delay(afterAttempts: item.delivery.roundAttempts + 1, retryAfter: retryAfter,
                                         jitter: Double.random(in: -1...1)) else {
            return .failed
        }
        return .retry(at: now.adding(seconds: delay))
    }

    /// The POST: the stored body and the Standard Webhooks headers, signed with the current secret and, during a
    /// rotation's overlap, the previous one too.
    func makeRequest(_ item: Webhooks.Claimed, url: URL, at: Timestamp) throws -> HTTPClientRequest {
        var secrets = [try box.open(item.endpoint.sealedSecret)]
        if let previous = item.endpoint.previousSealedSecret, let until = item.endpoint.previousSecretUntil, until > at {
            secrets.append(try box.open(previous))
        }
        let timestamp = at.milliseconds / 1000
        let body = item.delivery.payload
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        request.headers.add(name: "user-agent", value: Self.userAgent)
        request.headers.add(name: "webhook-id", value: item.delivery.eventID.rawValue)
        request.headers.add(name: "webhook-timestamp", value: String(timestamp))
        request.headers.add(name: "webhook-signature",
                            value: WebhookSignature.header(id: item.delivery.eventID.rawValue, timestamp: timestamp, body: body, secrets: secrets))
        request.body = .bytes(ByteBuffer(string: body))
        return request
    }

    /// A transport error in words a person can act on (no URL query, no header: nothing secret).
    static func describe(_ error: any Error) -> String {
        if let client = error as? HTTPClientError {
            if client == .deadlineExceeded || client == .readTimeout || client == .connectTimeout { return "no answer within 10 s" }
            return "HTTP client: \(client)"
        }
        return "\(error)"
    }
}

extension BridgeServices {
    /// The webhook sender, for the application's service group (nil when this instance does not deliver).
    public func webhookDeliveryService() -> (any Service)? {
        guard configuration.webhooks.deliver else { return nil }
        return WebhookDeliveryService(store: store, box: webhookSecrets, policy: WebhookURLPolicy(allowInsecure: configuration.webhooks.allowInsecure),
                                      configuration: configuration.webhooks, logger: logger)
    }
}
