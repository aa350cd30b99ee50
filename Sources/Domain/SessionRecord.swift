/// The lifecycle of a Web Connector session.
public enum SessionState: String, Sendable, Codable {
    /// Between authenticate and closeConnection.
    case open
    /// closeConnection was called.
    case closed
    /// No call for longer than the inactivity limit.
    case expired
    /// A newer session of the same company replaced this stale one.
    case replaced
}

/// One Web Connector run, stored so that any instance can answer any call of it (docs/web-connector-protocol.md, "Tickets and session state").
public struct SessionRecord: Sendable, Equatable {
    /// Internal id (the ticket itself is never stored).
    public var id: String
    /// The company this ticket is bound to.
    public var companyID: CompanyID
    /// Where the run is.
    public var state: SessionState
    /// authenticate time.
    public var createdAt: Timestamp
    /// Last call seen.
    public var lastSeenAt: Timestamp
    /// The negotiated qbXML version, once the HCP response came.
    public var qbxmlVersion: String?
    /// `US`, `CA`, `UK`.
    public var country: String?
    /// The company file QuickBooks has open.
    public var companyFile: String?
    /// What getLastError will say (nil: `NoOp` if work may still come, else a generic text).
    public var lastError: String?
    /// Request documents handed out.
    public var requestsSent: Int
    /// Responses received.
    public var responsesReceived: Int
    /// The closing summary.
    public var summary: String?
    /// The bridge's run state (JSON), saved before each answer.
    public var work: String?

    /// Creates the value (Store reads it from a row; Bridge and the tests build it).
    public init(id: String, companyID: CompanyID, state: SessionState, createdAt: Timestamp, lastSeenAt: Timestamp, qbxmlVersion: String? = nil, country: String? = nil, companyFile: String? = nil, lastError: String? = nil, requestsSent: Int, responsesReceived: Int, summary: String? = nil, work: String? = nil) {
        self.id = id
        self.companyID = companyID
        self.state = state
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.qbxmlVersion = qbxmlVersion
        self.country = country
        self.companyFile = companyFile
        self.lastError = lastError
        self.requestsSent = requestsSent
        self.responsesReceived = responsesReceived
        self.summary = summary
        self.work = work
    }
}

/// The result of trying to open a session for a company.
public enum SessionOpenResult: Sendable, Equatable {
    /// Opened; `replaced` names a stale session it took over.
    case opened(SessionRecord, replaced: String?)
    /// Another live session holds the company.
    case busy(SessionRecord)
}
