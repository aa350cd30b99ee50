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

/// The product version.
public enum QBBridgeVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
