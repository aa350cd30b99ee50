import Bridge
import Foundation
import Domain

/// The webhook operations (issue 24, "Contract"), calling Bridge's `WebhookService`.
extension APIHandler {
    private var webhooks: WebhookService { services.webhooks }

    func listWebhooks(_ input: Operations.ListWebhooks.Input) async throws -> Operations.ListWebhooks.Output {
        .ok(.init(body: .json(.init(webhooks: try await webhooks.list().map { Components.Schemas.Webhook($0, secret: nil) }))))
    }

    func createWebhook(_ input: Operations.CreateWebhook.Input) async throws -> Operations.CreateWebhook.Output {
        guard case .json(let body) = input.body else { throw APIError.unsupportedBody }
        let companyID = try body.companyId.map { text in
            guard UUID(uuidString: text) != nil else {
                throw APIError(.unprocessableContent, code: "validation_failed", message: "companyId names no company.",
                               fields: ["companyId": "names no company (\(text))"])
            }
            return CompanyID(text.lowercased())
        }
        let created = try await webhooks.create(url: body.url, events: body.events, description: body.description, companyID: companyID,
                                                actor: actor)
        return .created(.init(body: .json(.init(created.endpoint, secret: created.secret))))
    }

    func getWebhook(_ input: Operations.GetWebhook.Input) async throws -> Operations.GetWebhook.Output {
        .ok(.init(body: .json(.init(try await webhooks.endpoint(try Self.webhookID(input.path.id)), secret: nil))))
    }

    func updateWebhook(_ input: Operations.UpdateWebhook.Input) async throws -> Operations.UpdateWebhook.Output {
        guard case .json(let body) = input.body else { throw APIError.unsupportedBody }
        // An absent description leaves it; an empty one clears it.
        let patch = WebhookEndpointPatch(url: body.url, events: body.events, enabled: body.enabled,
                                         description: body.description.map { Optional($0) })
        let endpoint = try await webhooks.update(try Self.webhookID(input.path.id), patch, actor: actor)
        return .ok(.init(body: .json(.init(endpoint, secret: nil))))
    }

    func deleteWebhook(_ input: Operations.DeleteWebhook.Input) async throws -> Operations.DeleteWebhook.Output {
        try await webhooks.delete(try Self.webhookID(input.path.id), actor: actor)
        return .noContent(.init())
    }

    func rotateWebhookSecret(_ input: Operations.RotateWebhookSecret.Input) async throws -> Operations.RotateWebhookSecret.Output {
        let rotated = try await webhooks.rotateSecret(try Self.webhookID(input.path.id), actor: actor)
        return .ok(.init(body: .json(.init(rotated.endpoint, secret: rotated.secret))))
    }

    func listWebhookDeliveries(_ input: Operations.ListWebhookDeliveries.Input) async throws -> Operations.ListWebhookDeliveries.Output {
        let status = try input.query.status.map { try contractValue($0.rawValue, as: WebhookDeliveryStatus.self, what: "delivery status") }
        let deliveries = try await webhooks.deliveries(try Self.webhookID(input.path.id), status: status, limit: input.query.limit ?? 50)
        return .ok(.init(body: .json(.init(deliveries: try deliveries.map(Components.Schemas.WebhookDelivery.init)))))
    }

    func replayWebhookDelivery(_ input: Operations.ReplayWebhookDelivery.Input) async throws -> Operations.ReplayWebhookDelivery.Output {
        guard UUID(uuidString: input.path.deliveryId) != nil else {
            throw APIError(.notFound, code: "not_found", message: "No delivery with this id.")
        }
        let delivery = try await webhooks.replay(WebhookDeliveryID(input.path.deliveryId.lowercased()), of: try Self.webhookID(input.path.id),
                                                 actor: actor)
        return .accepted(.init(body: .json(try .init(delivery))))
    }

    static func webhookID(_ text: String) throws -> WebhookEndpointID {
        guard UUID(uuidString: text) != nil else { throw APIError(.notFound, code: "not_found", message: "No webhook with this id.") }
        return WebhookEndpointID(text.lowercased())
    }
}

extension Components.Schemas.Webhook {
    init(_ endpoint: WebhookEndpoint, secret: String?) {
        let overlap = endpoint.previousSecretUntil.flatMap { $0 > .now ? $0.date : nil }
        self.init(id: endpoint.id.rawValue, url: endpoint.url, events: endpoint.events, companyId: endpoint.companyID?.rawValue,
                  description: endpoint.description, enabled: endpoint.enabled, disabledReason: endpoint.disabledReason,
                  failingSince: endpoint.failingSince?.date, secret: secret, previousSecretExpiresAt: overlap,
                  createdAt: endpoint.createdAt.date, updatedAt: endpoint.updatedAt.date)
    }
}

extension Components.Schemas.WebhookDelivery {
    init(_ delivery: Domain.WebhookDelivery) throws {
        self.init(
            id: delivery.id.rawValue, eventId: delivery.eventID.rawValue,
            _type: try contractValue(delivery.type.rawValue, what: "webhook event type"), companyId: delivery.companyID?.rawValue,
            status: try contractValue(delivery.status.rawValue, what: "delivery status"),
            attempts: delivery.attempts.map {
                .init(at: $0.at.date, statusCode: $0.statusCode, error: $0.error, durationMs: $0.durationMilliseconds, response: $0.response)
            },
            nextAttemptAt: delivery.status == .pending ? delivery.nextAttemptAt?.date : nil, payload: delivery.payload,
            createdAt: delivery.createdAt.date
        )
    }
}
