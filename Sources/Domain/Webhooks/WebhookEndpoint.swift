import Foundation

/// A webhook endpoint's public id (UUID text).
public struct WebhookEndpointID: Identifier {
    /// The UUID text.
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}

/// A URL an upstream app registered to be told about events (issue 24, "Contract"). The signing secret is kept
/// only sealed (AES-GCM, see docs/operations.md, "Webhooks"): Store never sees it in clear.
public struct WebhookEndpoint: Sendable, Equatable {
    /// Public id.
    public var id: WebhookEndpointID
    /// Where deliveries are POSTed (https, or loopback http in development).
    public var url: String
    /// Subscribed event types, or `["*"]` for all.
    public var events: [String]
    /// Only events of this company, or every company when nil.
    public var companyID: CompanyID?
    /// A note for people.
    public var description: String?
    /// Whether deliveries are made.
    public var enabled: Bool
    /// Why the bridge disabled it (HTTP 410, failing for three days), nil when a person did or it is enabled.
    public var disabledReason: String?
    /// When the current run of failed attempts began (nil after a success).
    public var failingSince: Timestamp?
    /// The current secret, sealed.
    public var sealedSecret: String
    /// The secret before the last rotation, sealed, still signed with until `previousSecretUntil`.
    public var previousSealedSecret: String?
    /// When the previous secret stops being used.
    public var previousSecretUntil: Timestamp?
    /// Created.
    public var createdAt: Timestamp
    /// Last changed.
    public var updatedAt: Timestamp

    /// Creates an endpoint value.
    public init(id: WebhookEndpointID, url: String, events: [String], companyID: CompanyID?, description: String?, enabled: Bool,
                disabledReason: String?, failingSince: Timestamp?, sealedSecret: String, previousSealedSecret: String?,
                previousSecretUntil: Timestamp?, createdAt: Timestamp, updatedAt: Timestamp) {
        self.id = id
        self.url = url
        self.events = events
        self.companyID = companyID
        self.description = description
        self.enabled = enabled
        self.disabledReason = disabledReason
        self.failingSince = failingSince
        self.sealedSecret = sealedSecret
        self.previousSealedSecret = previousSealedSecret
        self.previousSecretUntil = previousSecretUntil
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Whether this endpoint wants an event of `type` about `company`.
    public func wants(_ type: WebhookEventType, companyID company: CompanyID?) -> Bool {
        if let companyID, companyID != company { return false }
        return events.contains(WebhookEventType.wildcard) || events.contains(type.rawValue)
    }
}

/// The changes a PATCH may make; nil leaves a field as it is.
public struct WebhookEndpointPatch: Sendable {
    public var url: String?
    public var events: [String]?
    public var enabled: Bool?
    public var description: String??

    /// Creates a patch.
    public init(url: String? = nil, events: [String]? = nil, enabled: Bool? = nil, description: String?? = nil) {
        self.url = url
        self.events = events
        self.enabled = enabled
        self.description = description
    }
}
