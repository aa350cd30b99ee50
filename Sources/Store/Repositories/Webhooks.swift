public import Domain
import Foundation
import SQLKit

/// Webhook endpoints, their deliveries and attempts (docs/architecture.md, "Webhooks"). Events themselves are
/// written by `WebhookOutbox` inside the transactions of the changes they report.
public struct Webhooks: Sendable {
    let database: Database

    /// A delivery claimed for one attempt, with what the sender needs: the endpoint (URL, sealed secrets).
    public struct Claimed: Sendable {
        public var delivery: WebhookDelivery
        public var endpoint: WebhookEndpoint
    }

    // MARK: Endpoints

    /// Stores a new endpoint (enabled) with its activity entry.
    public func create(url: String, events: [String], companyID: CompanyID?, description: String?, sealedSecret: String,
                       actor: String, now: Timestamp = .now) async throws -> WebhookEndpoint {
        let endpoint = WebhookEndpoint(id: .random(), url: url, events: events, companyID: companyID, description: description, enabled: true,
                                       disabledReason: nil, failingSince: nil, sealedSecret: sealedSecret, previousSealedSecret: nil,
                                       previousSecretUntil: nil, createdAt: now, updatedAt: now)
        try await database.transaction { sql in
            try await sql.insert(into: "webhook_endpoints")
                .columns("id", "url", "events", "company_id", "description", "enabled", "secret", "created_at", "updated_at")
                .values(SQLBind(endpoint.id.rawValue), SQLBind(url), SQLBind(events.joined(separator: ",")), SQLBind(companyID?.rawValue),
                        SQLBind(description), SQLBind(true), SQLBind(sealedSecret), SQLBind(now.milliseconds), SQLBind(now.milliseconds))
                .run()
            try await ActivityLog.append(
                NewActivity(actor: actor, companyID: companyID, subject: "webhook", subjectID: endpoint.id.rawValue, action: "webhook.created",
                            detail: ["url": url, "events": events.joined(separator: ",")]),
                on: sql, at: now
            )
        }
        return endpoint
    }

    /// Every endpoint, oldest first.
    public func endpoints() async throws -> [WebhookEndpoint] {
        try await database.read { sql in
            try await sql.raw("SELECT * FROM webhook_endpoints ORDER BY created_at, id").all().map(Self.endpoint)
        }
    }

    /// One endpoint.
    public func endpoint(_ id: WebhookEndpointID) async throws -> WebhookEndpoint? {
        try await database.read { sql in
            try await sql.raw("SELECT * FROM webhook_endpoints WHERE id = \(bind: id.rawValue)").first().map(Self.endpoint)
        }
    }

    /// Applies a patch; enabling clears the reason the bridge disabled it and the failing streak.
    public func update(_ id: WebhookEndpointID, _ patch: WebhookEndpointPatch, actor: String, now: Timestamp = .now) async throws -> WebhookEndpoint {
        try await database.transaction { sql in
            guard try await sql.raw("SELECT id FROM webhook_endpoints WHERE id = \(bind: id.rawValue)").first() != nil else {
                throw StoreError.notFound(kind: "webhook", id: id.rawValue)
            }
            var update = sql.update("webhook_endpoints").set("updated_at", to: SQLBind(now.milliseconds))
            var detail: [String: String] = [:]
            if let url = patch.url { update = update.set("url", to: SQLBind(url)); detail["url"] = url }
            if let events = patch.events { update = update.set("events", to: SQLBind(events.joined(separator: ","))); detail["events"] = events.joined(separator: ",") }
            if let description = patch.description { update = update.set("description", to: SQLBind(description)); detail["description"] = description ?? "" }
            if let enabled = patch.enabled {
                update = update.set("enabled", to: SQLBind(enabled)).set("disabled_reason", to: SQLLiteral.null)
                if enabled { update = update.set("failing_since", to: SQLLiteral.null) }
                detail["enabled"] = String(enabled)
            }
            try await update.where("id", .equal, SQLBind(id.rawValue)).run()
            guard let row = try await sql.raw("SELECT * FROM webhook_endpoints WHERE id = \(bind: id.rawValue)").first() else {
                throw StoreError.notFound(kind: "webhook", id: id.rawValue)
            }
            let endpoint = try Self.endpoint(row)
            try await ActivityLog.append(
                NewActivity(actor: actor, companyID: endpoint.companyID, subject: "webhook", subjectID: id.rawValue, action: "webhook.updated", detail: detail),
                on: sql, at: now
            )
            return endpoint
        }
    }

    /// Deletes an endpoint with its deliveries and attempts (the events stay: other endpoints may share them).
    public func delete(_ id: WebhookEndpointID, actor: String, now: Timestamp = .now) async throws {
        try await database.transaction { sql in
            guard let row = try await sql.raw("SELECT * FROM webhook_endpoints WHERE id = \(bind: id.rawValue)").first() else {
                throw StoreError.notFound(kind: "webhook", id: id.rawValue)
            }
            let endpoint = try Self.endpoint(row)
            try await sql.raw("""
                DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE endpoint_id = \(bind: id.rawValue))
                """).run()
            try await sql.raw("DELETE FROM webhook_deliveries WHERE endpoint_id = \(bind: id.rawValue)").run()
            try await sql.raw("DELETE FROM webhook_endpoints WHERE id = \(bind: id.rawValue)").run()
            try await ActivityLog.append(
                NewActivity(actor: actor, companyID: endpoint.companyID, subject: "webhook", subjectID: id.rawValue, action: "webhook.deleted",
                            detail: ["url": endpoint.url]),
                on: sql, at: now
            )
        }
    }

    /// Replaces the secret; the old one keeps signing beside it until `previousUntil` (the rotation overlap).
    public func rotate(_ id: WebhookEndpointID, sealedSecret: String, previousUntil: Timestamp, actor: String,
                       now: Timestamp = .now) async throws -> WebhookEndpoint {
        try await database.transaction { sql in
            guard let row = try await sql.raw("SELECT * FROM webhook_endpoints WHERE id = \(bind: id.rawValue)").first() else {
                throw StoreError.notFound(kind: "webhook", id: id.rawValue)
            }
            var endpoint = try Self.endpoint(row)
            try await sql.raw("""
                UPDATE webhook_endpoints SET previous_secret = secret, previous_secret_until = \(bind: previousUntil.milliseconds),
                secret = \(bind: sealedSecret), updated_at = \(bind: now.milliseconds) WHERE id = \(bind: id.rawValue)
                """).run()
            try await ActivityLog.append(
                NewActivity(actor: actor, companyID: endpoint.companyID, subject: "webhook", subjectID: id.rawValue, action: "webhook.secret_rotated",
                            detail: ["previousUntil": previousUntil.iso8601]),
                on: sql, at: now
            )
            endpoint.previousSealedSecret = endpoint.sealedSecret
            endpoint.previousSecretUntil = previousUntil
            endpoint.sealedSecret = sealedSecret
            endpoint.updatedAt = now
            return endpoint
        }
    }

    // MARK: Deliveries

    /// An endpoint's deliveries, newest first, each with its attempts.
    public func deliveries(endpointID: WebhookEndpointID, status: WebhookDeliveryStatus? = nil, limit: Int = 50) async throws -> [WebhookDelivery] {
        try await database.read { sql in
            let statusFilter: SQLQueryString = status.map { "AND d.status = \(bind: $0.rawValue)" } ?? ""
            var deliveries = try await sql.raw("""
                SELECT d.*, e.type AS event_type, e.company_id AS event_company, e.payload AS event_payload, e.created_at AS event_created_at
                FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
                WHERE d.endpoint_id = \(bind: endpointID.rawValue) \(statusFilter)
                ORDER BY d.seq DESC LIMIT \(bind: max(1, min(limit, 500)))
                """).all().map(Self.delivery)
            guard !deliveries.isEmpty else { return [] }
            let attempts = try await sql.raw("""
                SELECT * FROM webhook_attempts WHERE delivery_id IN \(SQLBind.group(deliveries.map(\.id.rawValue))) ORDER BY number
                """).all()
            var byDelivery: [String: [WebhookAttempt]] = [:]
            for row in attempts {
                byDelivery[try row.decode(column: "delivery_id", as: String.self), default: []].append(try Self.attempt(row))
            }
            for index in deliveries.indices { deliveries[index].attempts = byDelivery[deliveries[index].id.rawValue] ?? [] }
            return deliveries
        }
    }

    /// Sends a delivery again, now, with the event's id and body unchanged: a new round of the retry schedule.
    /// A delivery being sent right now cannot be replayed (it would be sent twice at once).
    public func replay(_ id: WebhookDeliveryID, endpointID: WebhookEndpointID, actor: String, now: Timestamp = .now) async throws -> WebhookDelivery {
        try await database.transaction { sql in
            guard let row = try await sql.raw("""
                SELECT status, lease_until FROM webhook_deliveries WHERE id = \(bind: id.rawValue) AND endpoint_id = \(bind: endpointID.rawValue)
                """).first() else {
                throw StoreError.notFound(kind: "delivery", id: id.rawValue)
            }
            if let lease = try row.decode(column: "lease_until", as: Int64?.self), lease > now.milliseconds {
                throw StoreError.conflict(field: "delivery", value: id.rawValue)
            }
            try await sql.raw("""
                UPDATE webhook_deliveries SET status = 'pending', round_attempts = 0, next_attempt_at = \(bind: now.milliseconds),
                lease_until = NULL, updated_at = \(bind: now.milliseconds) WHERE id = \(bind: id.rawValue)
                """).run()
            try await ActivityLog.append(
                NewActivity(actor: actor, companyID: nil, subject: "webhook", subjectID: endpointID.rawValue, action: "webhook.replayed",
                            detail: ["delivery": id.rawValue]),
                on: sql, at: now
            )
            guard let updated = try await sql.raw("""
                SELECT d.*, e.type AS event_type, e.company_id AS event_company, e.payload AS event_payload, e.created_at AS event_created_at
                FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id WHERE d.id = \(bind: id.rawValue)
                """).first() else {
                throw StoreError.notFound(kind: "delivery", id: id.rawValue)
            }
            return try Self.delivery(updated)
        }
    }

    /// Claims up to `limit` due deliveries for one attempt each, leasing them for `leaseSeconds` so that no other
    /// instance claims them meanwhile (on PostgreSQL the select also skips rows another instance is claiming).
    /// Only the oldest pending delivery of each (endpoint, company) is due: a later event waits while an earlier
    /// one is retried, unless the earlier one was written more than `orderingBoundSeconds` ago (then it stops
    /// blocking; see docs/architecture.md, "Webhooks"). SQL text: it runs every poll.
    public func claim(limit: Int, leaseSeconds: Double, orderingBoundSeconds: Double, now: Timestamp = .now) async throws -> [Claimed] {
        try await database.transaction { sql in
            let cutoff = now.adding(seconds: -orderingBoundSeconds).milliseconds
            let ids = try await sql.raw("""
                SELECT d.id FROM webhook_deliveries d
                WHERE d.status = 'pending' AND d.next_attempt_at <= \(bind: now.milliseconds)
                AND (d.lease_until IS NULL OR d.lease_until < \(bind: now.milliseconds))
                AND d.endpoint_id IN (SELECT id FROM webhook_endpoints WHERE enabled = \(bind: true))
                AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p WHERE p.endpoint_id = d.endpoint_id AND p.company_key = d.company_key
                    AND p.status = 'pending' AND p.seq < d.seq AND p.created_at > \(bind: cutoff))
                ORDER BY d.seq LIMIT \(bind: limit)\(ClaimLock())
                """).all().map { try $0.decode(column: "id", as: String.self) }
            guard !ids.isEmpty else { return [] }
            try await sql.raw("""
                UPDATE webhook_deliveries SET lease_until = \(bind: now.adding(seconds: leaseSeconds).milliseconds)
                WHERE id IN \(SQLBind.group(ids))
                """).run()
            let rows = try await sql.raw("""
                SELECT d.*, e.type AS event_type, e.company_id AS event_company, e.payload AS event_payload, e.created_at AS event_created_at
                FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id WHERE d.id IN \(SQLBind.group(ids)) ORDER BY d.seq
                """).all()
            let deliveries = try rows.map(Self.delivery)
            let endpointIDs = Array(Set(deliveries.map(\.endpointID.rawValue)))
            let endpoints = try await sql.raw("SELECT * FROM webhook_endpoints WHERE id IN \(SQLBind.group(endpointIDs))").all().map(Self.endpoint)
            let byID = Dictionary(uniqueKeysWithValues: endpoints.map { ($0.id, $0) })
            return deliveries.compactMap { delivery in byID[delivery.endpointID].map { Claimed(delivery: delivery, endpoint: $0) } }
        }
    }

    /// Records one attempt and what follows from it, in one transaction: the delivery's new status or next
    /// attempt, the endpoint's failing streak, and disabling the endpoint when the outcome says so.
    public func record(_ attempt: WebhookAttempt, of delivery: WebhookDelivery, outcome: WebhookAttemptOutcome, now: Timestamp = .now) async throws {
        try await database.transaction { sql in
            try await sql.raw("""
                INSERT INTO webhook_attempts (delivery_id, number, at, status_code, error, duration_ms, response)
                VALUES (\(bind: delivery.id.rawValue), (SELECT total_attempts + 1 FROM webhook_deliveries WHERE id = \(bind: delivery.id.rawValue)),
                \(bind: attempt.at.milliseconds), \(bind: attempt.statusCode), \(bind: attempt.error), \(bind: attempt.durationMilliseconds),
                \(bind: attempt.response))
                """).run()
            let status: WebhookDeliveryStatus
            var next: Int64?
            switch outcome {
            case .succeeded: status = .succeeded
            case .retry(let at): status = .pending; next = at.milliseconds
            case .failed, .disableEndpoint: status = .failed
            }
            try await sql.raw("""
                UPDATE webhook_deliveries SET status = \(bind: status.rawValue), round_attempts = round_attempts + 1,
                total_attempts = total_attempts + 1, next_attempt_at = \(bind: next), lease_until = NULL, updated_at = \(bind: now.milliseconds)
                WHERE id = \(bind: delivery.id.rawValue)
                """).run()
            let endpoint = delivery.endpointID.rawValue
            switch outcome {
            case .succeeded:
                try await sql.raw("UPDATE webhook_endpoints SET failing_since = NULL WHERE id = \(bind: endpoint) AND failing_since IS NOT NULL").run()
            case .retry, .failed:
                try await sql.raw("""
                    UPDATE webhook_endpoints SET failing_since = \(bind: now.milliseconds) WHERE id = \(bind: endpoint) AND failing_since IS NULL
                    """).run()
            case .disableEndpoint(let reason):
                try await sql.raw("""
                    UPDATE webhook_endpoints SET enabled = \(bind: false), disabled_reason = \(bind: reason), updated_at = \(bind: now.milliseconds)
                    WHERE id = \(bind: endpoint)
                    """).run()
                try await ActivityLog.append(
                    NewActivity(actor: "system", companyID: nil, subject: "webhook", subjectID: endpoint, action: "webhook.disabled",
                                detail: ["reason": reason]),
                    on: sql, at: now
                )
            }
        }
    }

    /// Deliveries by status across all endpoints (the dashboard's and the benchmark's count).
    public func countsByStatus() async throws -> [WebhookDeliveryStatus: Int] {
        try await database.read { sql in
            var counts: [WebhookDeliveryStatus: Int] = [:]
            for row in try await sql.raw("SELECT status, COUNT(*) AS n FROM webhook_deliveries GROUP BY status").all() {
                if let status = WebhookDeliveryStatus(rawValue: try row.decode(column: "status", as: String.self)) {
                    counts[status] = try row.decode(column: "n", as: Int.self)
                }
            }
            return counts
        }
    }

    // MARK: Rows

    static func endpoint(_ row: any SQLRow) throws -> WebhookEndpoint {
        func time(_ column: String) throws -> Timestamp? {
            try row.decode(column: column, as: Int64?.self).map(Timestamp.init(milliseconds:))
        }
        return WebhookEndpoint(
            id: WebhookEndpointID(try row.decode(column: "id", as: String.self)), url: try row.decode(column: "url", as: String.self),
            events: try row.decode(column: "events", as: String.self).split(separator: ",").map(String.init),
            companyID: try row.decode(column: "company_id", as: String?.self).map(CompanyID.init),
            description: try row.decode(column: "description", as: String?.self), enabled: try row.decode(column: "enabled", as: Bool.self),
            disabledReason: try row.decode(column: "disabled_reason", as: String?.self), failingSince: try time("failing_since"),
            sealedSecret: try row.decode(column: "secret", as: String.self),
            previousSealedSecret: try row.decode(column: "previous_secret", as: String?.self), previousSecretUntil: try time("previous_secret_until"),
            createdAt: Timestamp(milliseconds: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Timestamp(milliseconds: try row.decode(column: "updated_at", as: Int64.self))
        )
    }

    static func delivery(_ row: any SQLRow) throws -> WebhookDelivery {
        let typeText = try row.decode(column: "event_type", as: String.self)
        let statusText = try row.decode(column: "status", as: String.self)
        guard let type = WebhookEventType(rawValue: typeText), let status = WebhookDeliveryStatus(rawValue: statusText) else {
            throw StoreError.corruptRow(table: "webhook_deliveries", detail: "type \(typeText) status \(statusText)")
        }
        return WebhookDelivery(
            id: WebhookDeliveryID(try row.decode(column: "id", as: String.self)),
            endpointID: WebhookEndpointID(try row.decode(column: "endpoint_id", as: String.self)),
            eventID: WebhookEventID(try row.decode(column: "event_id", as: String.self)), type: type,
            companyID: try row.decode(column: "event_company", as: String?.self).map(CompanyID.init), status: status,
            roundAttempts: try row.decode(column: "round_attempts", as: Int.self),
            nextAttemptAt: try row.decode(column: "next_attempt_at", as: Int64?.self).map(Timestamp.init(milliseconds:)),
            payload: try row.decode(column: "event_payload", as: String.self),
            eventCreatedAt: Timestamp(milliseconds: try row.decode(column: "event_created_at", as: Int64.self)),
            createdAt: Timestamp(milliseconds: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Timestamp(milliseconds: try row.decode(column: "updated_at", as: Int64.self))
        )
    }

    static func attempt(_ row: any SQLRow) throws -> WebhookAttempt {
        WebhookAttempt(
            number: try row.decode(column: "number", as: Int.self), at: Timestamp(milliseconds: try row.decode(column: "at", as: Int64.self)),
            statusCode: try row.decode(column: "status_code", as: Int?.self), error: try row.decode(column: "error", as: String?.self),
            durationMilliseconds: try row.decode(column: "duration_ms", as: Int.self), response: try row.decode(column: "response", as: String?.self)
        )
    }
}
