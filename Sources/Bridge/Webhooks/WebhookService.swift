public import Domain
import Foundation
import Store

/// Webhook endpoints as upstream apps and the web UI manage them (issue 24, "Contract"): create (the secret is
/// shown in this answer only), list, change, delete, rotate the secret, list deliveries, replay one. The URL
/// is checked against `WebhookURLPolicy` whenever it is set. See docs/architecture.md, "Webhooks".
public struct WebhookService: Sendable {
    let store: Store
    let box: WebhookSecretBox
    let policy: WebhookURLPolicy

    /// How long the old secret keeps signing beside the new one after a rotation.
    public static let rotationOverlapSeconds: Double = 24 * 3600

    /// An endpoint with the secret in clear, as the create and rotate answers show it once.
    public struct Revealed: Sendable {
        public var endpoint: WebhookEndpoint
        public var secret: String
    }

    init(store: Store, box: WebhookSecretBox, policy: WebhookURLPolicy) {
        self.store = store
        self.box = box
        self.policy = policy
    }

    /// Registers an endpoint for these event types (`*` for all), optionally only for one company.
    public func create(url: String, events: [String], description: String?, companyID: CompanyID?, actor: String) async throws -> Revealed {
        try await checkURL(url)
        let events = try Self.checkEvents(events)
        if let companyID, try await store.companies.find(companyID) == nil {
            throw BridgeError.invalidInput(["companyId": "names no company (\(companyID.rawValue))"])
        }
        let secret = WebhookSignature.makeSecret()
        let sealed = try sealed(secret)
        let endpoint = try await store.webhooks.create(url: url, events: events, companyID: companyID, description: Self.clean(description),
                                                       sealedSecret: sealed, actor: actor)
        return Revealed(endpoint: endpoint, secret: secret)
    }

    /// Every endpoint.
    public func list() async throws -> [WebhookEndpoint] {
        try await store.webhooks.endpoints()
    }

    /// One endpoint or not-found.
    public func endpoint(_ id: WebhookEndpointID) async throws -> WebhookEndpoint {
        guard let endpoint = try await store.webhooks.endpoint(id) else { throw BridgeError.notFound("webhook", id.rawValue) }
        return endpoint
    }

    /// Changes url, events, enabled or description.
    public func update(_ id: WebhookEndpointID, _ patch: WebhookEndpointPatch, actor: String) async throws -> WebhookEndpoint {
        var patch = patch
        _ = try await endpoint(id)
        if let url = patch.url { try await checkURL(url) }
        if let events = patch.events { patch.events = try Self.checkEvents(events) }
        if let description = patch.description { patch.description = .some(Self.clean(description)) }
        return try await mapped { try await store.webhooks.update(id, patch, actor: actor) }
    }

    /// Deletes an endpoint and its deliveries.
    public func delete(_ id: WebhookEndpointID, actor: String) async throws {
        try await mapped { try await store.webhooks.delete(id, actor: actor) }
    }

    /// A new secret; for the next 24 hours deliveries are signed with both (the spec's space-separated list).
    public func rotateSecret(_ id: WebhookEndpointID, actor: String) async throws -> Revealed {
        _ = try await endpoint(id)
        let secret = WebhookSignature.makeSecret()
        let sealed = try sealed(secret)
        let endpoint = try await mapped {
            try await store.webhooks.rotate(id, sealedSecret: sealed, previousUntil: Timestamp.now.adding(seconds: Self.rotationOverlapSeconds), actor: actor)
        }
        return Revealed(endpoint: endpoint, secret: secret)
    }

    /// An endpoint's recent deliveries, newest first, with their attempts.
    public func deliveries(_ id: WebhookEndpointID, status: WebhookDeliveryStatus?, limit: Int = 50) async throws -> [WebhookDelivery] {
        _ = try await endpoint(id)
        return try await store.webhooks.deliveries(endpointID: id, status: status, limit: limit)
    }

    /// Sends a delivery again now, with the same `webhook-id` and body.
    public func replay(_ deliveryID: WebhookDeliveryID, of id: WebhookEndpointID, actor: String) async throws -> WebhookDelivery {
        _ = try await endpoint(id)
        do {
            return try await store.webhooks.replay(deliveryID, endpointID: id, actor: actor)
        } catch StoreError.notFound {
            throw BridgeError.notFound("delivery", deliveryID.rawValue)
        } catch StoreError.conflict {
            throw BridgeError.conflict("Delivery \(deliveryID.rawValue) is being sent right now; replay it once this attempt is recorded.")
        }
    }

    /// Endpoints the bridge turned off (410, failing for three days), for the dashboard.
    public func disabledByBridge() async throws -> [WebhookEndpoint] {
        try await list().filter { !$0.enabled && $0.disabledReason != nil }
    }

    private func checkURL(_ url: String) async throws {
        do {
            _ = try await policy.check(url)
        } catch {
            throw BridgeError.invalidInput(["url": error.description])
        }
    }

    private func sealed(_ secret: String) throws -> String {
        do {
            return try box.seal(secret)
        } catch {
            throw BridgeError.conflict(error.description)
        }
    }

    private func mapped<R>(_ body: () async throws -> R) async throws -> R {
        do {
            return try await body()
        } catch StoreError.notFound(let kind, let id) {
            throw BridgeError.notFound(kind, id)
        }
    }

    private static func clean(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }

    /// The subscription list: `*` alone, or known event types (each once).
    static func checkEvents(_ events: [String]) throws -> [String] {
        let trimmed = events.map { $0.trimmingCharacters(in: .whitespaces) }
        guard !trimmed.isEmpty else { throw BridgeError.invalidInput(["events": "is empty; list event types or [\"*\"]"]) }
        if trimmed.contains(WebhookEventType.wildcard) { return [WebhookEventType.wildcard] }
        let unknown = trimmed.filter { WebhookEventType(rawValue: $0) == nil }
        guard unknown.isEmpty else {
            throw BridgeError.invalidInput(["events": "has unknown types \(unknown.joined(separator: ", ")); known: \(WebhookEventType.allCases.map(\.rawValue).joined(separator: ", ")) or *"])
        }
        var seen: Set<String> = []
        return trimmed.filter { seen.insert($0).inserted }
    }
}
