import Foundation

/// An event's public id: the `webhook-id` header, the same for every attempt and replay of its deliveries.
public struct WebhookEventID: Identifier {
    /// `msg_` and 32 hex digits.
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// A new id in the `msg_` form the Standard Webhooks examples use.
    public static func make() -> WebhookEventID {
        WebhookEventID(rawValue: "msg_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())
    }
}

/// A change to report, written into the outbox inside the transaction that makes the change (docs/architecture.md,
/// "Webhooks"). Data is thin, as the issue asks: ids, status and the few fields a receiver acts on, all as strings
/// (money as a decimal string, like the JSON API).
public struct NewWebhookEvent: Sendable, Equatable {
    public var type: WebhookEventType
    public var companyID: CompanyID?
    public var data: [String: String]

    /// Creates an event; `companyId` is added to the data when there is a company.
    public init(_ type: WebhookEventType, companyID: CompanyID?, data: [String: String]) {
        self.type = type
        self.companyID = companyID
        var data = data
        if let companyID { data["companyId"] = companyID.rawValue }
        self.data = data
    }

    /// The body every delivery of this event sends: `{"type", "timestamp", "data"}`, keys sorted, fixed when the
    /// event is written so that retries and replays send the very bytes that were signed the first time.
    public func body(at time: Timestamp) -> String {
        struct Body: Encodable {
            let type: String
            let timestamp: String
            let data: [String: String]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let encoded = (try? encoder.encode(Body(type: type.rawValue, timestamp: time.iso8601, data: data))) ?? Data("{}".utf8)
        return String(decoding: encoded, as: UTF8.self)
    }
}
