import Domain
import Foundation
import SQLKit

/// The outbox half of webhooks: an event is written inside the caller's transaction, with one delivery row per
/// enabled endpoint that wants it (fan-out when the event is written, so the delivery service only claims
/// rows, and an endpoint created later is not sent what happened before it existed). An event no endpoint
/// wants is not written at all: an installation without webhooks pays one small read per event.
/// See docs/architecture.md, "Webhooks".
enum WebhookOutbox {
    /// Writes `event` and its deliveries in the transaction `sql` is running.
    static func emit(_ event: NewWebhookEvent, on sql: any SQLDatabase, now: Timestamp) async throws {
        let endpoints = try await sql.raw("""
            SELECT id, events, company_id FROM webhook_endpoints WHERE enabled = \(bind: true)
            """).all()
        var targets: [String] = []
        for row in endpoints {
            let events = try row.decode(column: "events", as: String.self).split(separator: ",").map(String.init)
            let company = try row.decode(column: "company_id", as: String?.self)
            if let company, company != event.companyID?.rawValue { continue }
            guard events.contains(WebhookEventType.wildcard) || events.contains(event.type.rawValue) else { continue }
            targets.append(try row.decode(column: "id", as: String.self))
        }
        guard !targets.isEmpty else { return }
        let id = WebhookEventID.make()
        guard let inserted = try await sql.raw("""
            INSERT INTO webhook_events (id, type, company_id, payload, created_at)
            VALUES (\(bind: id.rawValue), \(bind: event.type.rawValue), \(bind: event.companyID?.rawValue), \(bind: event.body(at: now)),
            \(bind: now.milliseconds)) RETURNING seq
            """).first() else {
            throw StoreError.notFound(kind: "webhook event", id: id.rawValue)
        }
        let seq = try inserted.decode(column: "seq", as: Int64.self)
        for endpoint in targets {
            try await sql.raw("""
                INSERT INTO webhook_deliveries (id, seq, endpoint_id, event_id, company_key, status, round_attempts, total_attempts,
                next_attempt_at, lease_until, created_at, updated_at)
                VALUES (\(bind: WebhookDeliveryID.random().rawValue), \(bind: seq), \(bind: endpoint), \(bind: id.rawValue),
                \(bind: event.companyID?.rawValue ?? ""), 'pending', 0, 0, \(bind: now.milliseconds), NULL, \(bind: now.milliseconds),
                \(bind: now.milliseconds))
                """).run()
        }
    }

    /// Whether any endpoint is enabled: the session commit asks this once before it looks at old job statuses.
    static func isListening(on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw("SELECT COUNT(*) AS n FROM webhook_endpoints WHERE enabled = \(bind: true)")
            .first()?.decode(column: "n", as: Int.self) ?? 0 > 0
    }

    /// The events a session's job change reports, given the job's status before the change (a status that did not
    /// change reports nothing) and the failure record the change opened, if it opened one.
    static func events(for change: JobChange, previous: JobStatus?, failureID: FailureID?) -> [NewWebhookEvent] {
        let job = change.job
        guard previous != job.status else { return [] }
        var data = ["status": job.status.rawValue]
        switch job.kind {
        case .paymentPost:
            data["paymentId"] = job.id.rawValue
            data["externalId"] = job.externalID ?? ""
            if let amount = PaymentAmount.read(job.payload) { data["amount"] = amount }
            switch job.status {
            case .posted:
                data["txnId"] = job.txnID ?? ""
                return [NewWebhookEvent(.paymentPosted, companyID: job.companyID, data: data)]
            case .failed:
                // Only when a record opens: a re-check that finds the same problem again is no news.
                guard let failureID else { return [] }
                data["failureId"] = failureID.rawValue
                if case .open(let failure) = change.failure {
                    data["category"] = failure.category.rawValue
                    data["title"] = failure.title
                }
                return [NewWebhookEvent(.paymentFailed, companyID: job.companyID, data: data)]
            case .reversed:
                data["txnId"] = job.txnID ?? ""
                return [NewWebhookEvent(.paymentReversed, companyID: job.companyID, data: data)]
            default:
                return []
            }
        case .invoicePull, .customerPull:
            guard job.status == .posted || job.status == .failed else { return [] }
            data["pullId"] = job.id.rawValue
            data["kind"] = job.kind.rawValue
            return [NewWebhookEvent(.pullFinished, companyID: job.companyID, data: data)]
        case .rawRequest:
            guard job.status == .posted || job.status == .failed else { return [] }
            data["requestId"] = job.id.rawValue
            data["externalId"] = job.externalID ?? ""
            return [NewWebhookEvent(.requestAnswered, companyID: job.companyID, data: data)]
        case .paymentReverse:
            return []
        }
    }

    /// The payment's amount as its payload stores it (a decimal string). Store does not know the payload's
    /// type; it reads this one field.
    private struct PaymentAmount: Decodable {
        let amount: String?

        static func read(_ payload: String) -> String? {
            (try? JSONDecoder().decode(PaymentAmount.self, from: Data(payload.utf8)))?.amount
        }
    }
}
