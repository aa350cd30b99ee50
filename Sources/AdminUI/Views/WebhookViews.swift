import Bridge
import Domain

/// `/webhooks`: every endpoint and the form that registers one (issue 24, "Web UI").
struct WebhookListView {
    struct Row {
        var href: String
        var url: String
        var events: String
        var company: String
        var stateLabel: String
        var stateClass: String
        var disabledReason: String?
    }

    var chrome: Chrome
    var rows: [Row]
    var hasRows: Bool
    var companyOptions: [OptionView]
    var eventOptions: [OptionView]
    var formError: String?
    var url: String
    var description: String

    static func row(_ endpoint: WebhookEndpoint, companyNames: [String: String]) -> Row {
        Row(href: "/webhooks/\(endpoint.id.rawValue)", url: endpoint.url, events: endpoint.events.joined(separator: ", "),
            company: endpoint.companyID.map { companyNames[$0.rawValue] ?? $0.rawValue } ?? "Every company",
            stateLabel: endpoint.enabled ? "Enabled" : "Disabled", stateClass: endpoint.enabled ? "ok" : "attention",
            disabledReason: endpoint.disabledReason)
    }
}

/// `/webhooks/{id}`: one endpoint, its recent deliveries with their answers, and its actions.
struct WebhookView {
    struct Attempt {
        var at: String
        var result: String
        var duration: String
        var response: String?
    }

    struct Delivery {
        var id: String
        var eventID: String
        var type: String
        var status: String
        var created: String
        var next: String?
        var attempts: [Attempt]
        var attemptCount: Int
        var lastResult: String
        var replayHref: String
        var canReplay: Bool
    }

    var chrome: Chrome
    var href: String
    var url: String
    var events: String
    var company: String
    var description: String?
    var enabled: Bool
    var disabledReason: String?
    var failingSince: String?
    var rotationUntil: String?
    /// The secret, on the page that follows creation or rotation only.
    var secret: String?
    var deliveries: [Delivery]
    var hasDeliveries: Bool

    init(_ endpoint: WebhookEndpoint, deliveries: [WebhookDelivery], companyName: String?, secret: String?, chrome: Chrome) {
        self.chrome = chrome
        href = "/webhooks/\(endpoint.id.rawValue)"
        url = endpoint.url
        events = endpoint.events.joined(separator: ", ")
        company = endpoint.companyID == nil ? "Every company" : (companyName ?? endpoint.companyID?.rawValue ?? "")
        description = endpoint.description
        enabled = endpoint.enabled
        disabledReason = endpoint.disabledReason
        failingSince = endpoint.failingSince.map { UIFormat.timeAndAge($0) }
        rotationUntil = endpoint.previousSecretUntil.flatMap { $0 > .now ? UIFormat.time($0) : nil }
        self.secret = secret
        self.deliveries = deliveries.map { delivery in
            let attempts = delivery.attempts.map { attempt in
                Attempt(at: UIFormat.time(attempt.at), result: Self.result(attempt), duration: "\(attempt.durationMilliseconds) ms",
                        response: attempt.response)
            }
            return Delivery(
                id: delivery.id.rawValue, eventID: delivery.eventID.rawValue, type: delivery.type.rawValue, status: delivery.status.rawValue,
                created: UIFormat.timeAndAge(delivery.createdAt),
                next: delivery.status == .pending ? delivery.nextAttemptAt.map { UIFormat.time($0) } : nil,
                attempts: attempts, attemptCount: attempts.count, lastResult: attempts.last?.result ?? "not tried yet",
                replayHref: "/webhooks/\(endpoint.id.rawValue)/deliveries/\(delivery.id.rawValue)/replay",
                canReplay: delivery.status != .pending || delivery.roundAttempts > 0
            )
        }
        hasDeliveries = !deliveries.isEmpty
    }

    static func result(_ attempt: WebhookAttempt) -> String {
        if let code = attempt.statusCode { return "HTTP \(code)" }
        return attempt.error ?? "no answer"
    }
}

/// The dashboard's list of endpoints QBBridge turned off by itself (410, three days of failures).
struct DisabledWebhookView {
    var href: String
    var url: String
    var reason: String
}
