/// How a simulated Web Connector behaves; defaults are QBWC 2.3's, with the `NoOp` pause shortened
/// to zero so tests run fast.
public struct WebConnectorConfiguration: Sendable {
    /// The version sent to clientVersion.
    public var clientVersion: String
    /// How long to wait after getLastError answered `NoOp` (QBWC waits about 5 s).
    public var noOpWait: Duration
    /// How many `NoOp` waits in a row before giving up (a real QBWC would wait forever).
    public var maxNoOpWaits: Int
    /// Request documents per session before the session is stopped as a loop.
    public var maxRoundTrips: Int
    /// Attempts to open QuickBooks before giving up even when connectionError names a file.
    public var maxConnectionAttempts: Int
    /// Per-call HTTP timeout.
    public var requestTimeout: Duration
    /// The `.qwc` OwnerID: QBWC queries the company's data extensions under it for the HCP response.
    public var ownerID: String?
    /// The `.qwc` FileID: stamped into the company file under `ownerID` on the first session when the
    /// file carries none, as QBWC does when the application is added.
    public var fileID: String?
    /// Whether the first sendRequestXML carries the host report (`strHCPResponse`). The real Web Connector sends
    /// an empty one when its own host query failed; emulators and test doubles often never send one.
    public var sendsHostReport: Bool

    /// A configuration; every value has QBWC's default except the `NoOp` pause.
    public init(clientVersion: String = "2.3.0.215", noOpWait: Duration = .zero, maxNoOpWaits: Int = 10,
                maxRoundTrips: Int = 200, maxConnectionAttempts: Int = 3, requestTimeout: Duration = .seconds(30),
                ownerID: String? = nil, fileID: String? = nil, sendsHostReport: Bool = true) {
        self.clientVersion = clientVersion
        self.noOpWait = noOpWait
        self.maxNoOpWaits = maxNoOpWaits
        self.maxRoundTrips = maxRoundTrips
        self.maxConnectionAttempts = maxConnectionAttempts
        self.requestTimeout = requestTimeout
        self.ownerID = ownerID
        self.fileID = fileID
        self.sendsHostReport = sendsHostReport
    }
}
