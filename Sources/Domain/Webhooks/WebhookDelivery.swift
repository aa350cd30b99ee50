/// A delivery's public id (UUID text): one event to one endpoint.
public struct WebhookDeliveryID: Identifier {
    /// The UUID text.
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}

/// Where a delivery is; raw values are the API's `status` filter.
public enum WebhookDeliveryStatus: String, Sendable, Codable, CaseIterable {
    /// Waiting for its first or next attempt (or for an earlier event of its company, see the ordering bound).
    case pending
    /// A 2xx answer came back.
    case succeeded
    /// Given up: the retry schedule ran out, or the endpoint answered 410.
    case failed
}

/// One HTTP attempt of a delivery, kept for the deliveries list and the web UI.
public struct WebhookAttempt: Sendable, Equatable {
    /// 1 for the first attempt, counting across replays.
    public var number: Int
    /// When it was made.
    public var at: Timestamp
    /// The HTTP status, when an answer came.
    public var statusCode: Int?
    /// What went wrong when no answer came (timeout, refused address, connection error).
    public var error: String?
    /// How long it took.
    public var durationMilliseconds: Int
    /// The start of the receiver's answer (at most 1 KiB), to show why it refused.
    public var response: String?

    /// Creates an attempt.
    public init(number: Int, at: Timestamp, statusCode: Int?, error: String?, durationMilliseconds: Int, response: String?) {
        self.number = number
        self.at = at
        self.statusCode = statusCode
        self.error = error
        self.durationMilliseconds = durationMilliseconds
        self.response = response
    }

    /// Whether the receiver accepted it.
    public var succeeded: Bool { statusCode.map { (200..<300).contains($0) } ?? false }
}

/// One event on its way to one endpoint.
public struct WebhookDelivery: Sendable, Equatable {
    public var id: WebhookDeliveryID
    public var endpointID: WebhookEndpointID
    public var eventID: WebhookEventID
    public var type: WebhookEventType
    public var companyID: CompanyID?
    public var status: WebhookDeliveryStatus
    /// Attempts in the current round (since creation or the last replay): the position in the retry schedule.
    public var roundAttempts: Int
    /// When the next attempt is due (pending only).
    public var nextAttemptAt: Timestamp?
    /// The event's body, as signed.
    public var payload: String
    /// When the event was written.
    public var eventCreatedAt: Timestamp
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    /// The attempts, oldest first (filled by the listing, empty when claimed).
    public var attempts: [WebhookAttempt]

    /// Creates a delivery value.
    public init(id: WebhookDeliveryID, endpointID: WebhookEndpointID, eventID: WebhookEventID, type: WebhookEventType, companyID: CompanyID?,
                status: WebhookDeliveryStatus, roundAttempts: Int, nextAttemptAt: Timestamp?, payload: String, eventCreatedAt: Timestamp,
                createdAt: Timestamp, updatedAt: Timestamp, attempts: [WebhookAttempt] = []) {
        self.id = id
        self.endpointID = endpointID
        self.eventID = eventID
        self.type = type
        self.companyID = companyID
        self.status = status
        self.roundAttempts = roundAttempts
        self.nextAttemptAt = nextAttemptAt
        self.payload = payload
        self.eventCreatedAt = eventCreatedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.attempts = attempts
    }
}

/// What the delivery service decided after an attempt; Store writes it in one transaction.
public enum WebhookAttemptOutcome: Sendable, Equatable {
    /// 2xx: done.
    case succeeded
    /// Try again at this time.
    case retry(at: Timestamp)
    /// Give up on this delivery (schedule exhausted).
    case failed
    /// Give up and disable the endpoint, with the reason shown to people (410, failing for three days).
    case disableEndpoint(reason: String)
}
