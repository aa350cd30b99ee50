/// Settings of the bridge's Web Connector and admin behaviour; one value built by `serve` and passed down.
public struct BridgeConfiguration: Sendable {
    /// The https URL the Web Connector reaches (`.qwc` AppURL is this plus `/qbwc`).
    public var publicURL: String
    /// What serverVersion answers.
    public var serverVersion: String
    /// Web Connector versions below this are refused with `O:<version>` (docs/web-connector-protocol.md, "Methods").
    public var minimumClientVersion: String?
    /// Versions below this proceed with a `W:` warning.
    public var recommendedClientVersion: String?
    /// A session with no call for this long may be replaced by a new one of the same company.
    public var sessionStaleAfterSeconds: Double
    /// A live session with a request outstanding with QuickBooks keeps its company this long after its last call;
    /// one with nothing outstanding is taken over by the next authenticate at once (docs/web-connector-protocol.md,
    /// "Abandoned sessions").
    public var sessionOutstandingGraceSeconds: Double
    /// Tickets idle for this long stop working (and are expired by the background sweep).
    public var ticketIdleTimeoutSeconds: Double
    /// Re-read the QuickBooks host facts and re-check the FileID stamp when older than this.
    public var hostInfoRefreshSeconds: Double
    /// bcrypt cost for new passwords.
    public var bcryptCost: Int
    /// Webhook delivery and its safety rules (docs/operations.md, "Webhooks").
    public var webhooks: WebhookConfiguration = WebhookConfiguration()

    /// Defaults suited to production.
    public init(
        publicURL: String = "http://localhost:8080",
        serverVersion: String = "QBBridge " + QBBridgeVersion.current,
        minimumClientVersion: String? = "2.1.0.30",
        recommendedClientVersion: String? = "2.2.0.71",
        sessionStaleAfterSeconds: Double = 15 * 60,
        sessionOutstandingGraceSeconds: Double = 5 * 60,
        ticketIdleTimeoutSeconds: Double = 30 * 60,
        hostInfoRefreshSeconds: Double = 7 * 24 * 3600,
        bcryptCost: Int = 11
    ) {
        self.publicURL = publicURL
        self.serverVersion = serverVersion
        self.minimumClientVersion = minimumClientVersion
        self.recommendedClientVersion = recommendedClientVersion
        self.sessionStaleAfterSeconds = sessionStaleAfterSeconds
        self.sessionOutstandingGraceSeconds = sessionOutstandingGraceSeconds
        self.ticketIdleTimeoutSeconds = ticketIdleTimeoutSeconds
        self.hostInfoRefreshSeconds = hostInfoRefreshSeconds
        self.bcryptCost = bcryptCost
    }
}

/// How webhooks are delivered; `serve` sets the first two from flags, tests shrink the times.
public struct WebhookConfiguration: Sendable {
    /// `--webhook-allow-insecure`: plain http to loopback, and private addresses, for development and tests.
    public var allowInsecure: Bool = false
    /// `--webhook-key-file`: the AES key that seals secrets. Nil means next to the SQLite file
    /// (`<database>.webhook-key`); PostgreSQL needs it set (every instance the same file).
    public var keyFile: String?
    /// Whether this instance sends deliveries (a test stops a bridge before it sends, as if it had been killed).
    public var deliver: Bool = true
    /// How often the outbox is polled when nothing was due.
    public var pollSeconds: Double = 0.25
    /// Multiplies the retry schedule and the three-day disable limit (1 in production).
    public var retryScale: Double = 1
    /// An earlier delivery of the same company and endpoint stops holding later ones back once it is this old.
    public var orderingBoundSeconds: Double = 3600
    /// Deliveries claimed, and sent at once, per round.
    public var batchSize: Int = 32
    /// How long a claim lasts: longer than an attempt (10 s), so a claim outlives only a dead instance.
    public var leaseSeconds: Double = 60
    /// The whole attempt's limit (connect, send, answer).
    public var timeoutSeconds: Double = 10

    /// Production defaults.
    public init() {}
}

/// The product version.
public enum QBBridgeVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
