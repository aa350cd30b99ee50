import Bridge
import Hummingbird
import Domain

/// `/webhooks` and `/webhooks/{id}` (issue 24, "Web UI"): endpoints, their recent deliveries with status and
/// answer, Replay, rotate secret, disable/enable, delete. A new secret is shown on the page the form answers
/// with, never stored for a later page (a flash message would keep it in the database).
extension UIRoutes {
    var webhooks: WebhookService { services.webhooks }

    func registerWebhooks(on pages: RouterGroup<UIRequestContext>) {
        pages.get("/webhooks") { _, context -> Response in
            page("webhooks", try await listView(context: context, error: nil, url: "", description: ""), context: context)
        }
        pages.post("/webhooks") { _, context -> Response in
            let form = context.form
            let url = form?.trimmed("url") ?? ""
            let description = form?.trimmed("description") ?? ""
            let events = (form?.trimmed("events") ?? "*").split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
            let companyID = form?.trimmed("companyId").flatMap(UIFormat.uuid).map(CompanyID.init)
            do {
                let created = try await webhooks.create(url: url, events: events, description: description, companyID: companyID, actor: context.actor)
                return try await endpointPage(created.endpoint.id, secret: created.secret, status: .created, context: context)
            } catch BridgeError.invalidInput(let fields) {
                let message = fields.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "; ")
                return page("webhooks", try await listView(context: context, error: message, url: url, description: description),
                            status: .unprocessableContent, context: context)
            }
        }
        pages.get("/webhooks/:id") { _, context -> Response in
            try await endpointPage(WebhookEndpointID(try id(context, "webhook", list: "webhooks")), secret: nil, status: .ok, context: context)
        }
        pages.post("/webhooks/:id/rotate-secret") { _, context -> Response in
            let endpointID = WebhookEndpointID(try id(context, "webhook", list: "webhooks"))
            let rotated = try await webhooks.rotateSecret(endpointID, actor: context.actor)
            return try await endpointPage(endpointID, secret: rotated.secret, status: .ok, context: context)
        }
        for (action, enabled) in [("enable", true), ("disable", false)] {
            pages.post("/webhooks/:id/\(action)") { _, context -> Response in
                let endpointID = WebhookEndpointID(try id(context, "webhook", list: "webhooks"))
                _ = try await webhooks.update(endpointID, WebhookEndpointPatch(enabled: enabled), actor: context.actor)
                return try await redirect("/webhooks/\(endpointID.rawValue)",
                                          flash: Flash(.success, enabled ? "Enabled: waiting deliveries go out now." : "Disabled: nothing is sent until it is enabled again."),
                                          context: context)
            }
        }
        pages.post("/webhooks/:id/delete") { _, context -> Response in
            let endpointID = WebhookEndpointID(try id(context, "webhook", list: "webhooks"))
            try await webhooks.delete(endpointID, actor: context.actor)
            return try await redirect("/webhooks", flash: Flash(.success, "Webhook deleted with its deliveries; it stays in the activity log."), context: context)
        }
        pages.post("/webhooks/:id/deliveries/:delivery/replay") { _, context -> Response in
            let endpointID = WebhookEndpointID(try id(context, "webhook", list: "webhooks"))
            guard let delivery = UIFormat.uuid(context.parameters.get("delivery")) else {
                throw UIError.notFound("That is not a delivery address. Pick the delivery from the webhook's page.")
            }
            do {
                _ = try await webhooks.replay(WebhookDeliveryID(delivery), of: endpointID, actor: context.actor)
                return try await redirect("/webhooks/\(endpointID.rawValue)", flash: Flash(.success, "Replay queued: it is sent again now, with the same webhook-id."),
                                          context: context)
            } catch BridgeError.conflict(let message) {
                return try await redirect("/webhooks/\(endpointID.rawValue)", flash: Flash(.error, message), context: context)
            }
        }
    }

    private func listView(context: UIRequestContext, error: String?, url: String, description: String) async throws -> WebhookListView {
        let names = Dictionary(uniqueKeysWithValues: try await records.companies().map { ($0.id.rawValue, $0.name) })
        let rows = try await webhooks.list().map { WebhookListView.row($0, companyNames: names) }
        return WebhookListView(
            chrome: try await chrome("Webhooks", .webhooks, context: context), rows: rows, hasRows: !rows.isEmpty,
            companyOptions: names.sorted { $0.value < $1.value }.map { OptionView(value: $0.key, label: $0.value, selected: false) },
            eventOptions: WebhookEventType.allCases.map { OptionView(value: $0.rawValue, label: $0.rawValue, selected: false) },
            formError: error, url: url, description: description
        )
    }

    private func endpointPage(_ endpointID: WebhookEndpointID, secret: String?, status: HTTPResponse.Status, context: UIRequestContext) async throws -> Response {
        let endpoint = try await webhooks.endpoint(endpointID)
        let deliveries = try await webhooks.deliveries(endpointID, status: nil, limit: 50)
        let companyName = try await endpoint.companyID.asyncMap { try await records.company($0)?.name } ?? nil
        let view = WebhookView(endpoint, deliveries: deliveries, companyName: companyName, secret: secret,
                               chrome: try await chrome("Webhook", .webhooks, context: context))
        var response = page("webhook", view, status: status, context: context)
        if secret != nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

extension Optional {
    /// `map` with an async transform.
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
