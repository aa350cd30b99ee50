/// What happened in one simulated Web Connector session, for assertions: the verdicts, every call in
/// order, the request documents, progress values, getLastError texts and the closing text.
public struct SessionReport: Sendable {
    /// How the session ended.
    public var outcome: SessionOutcome = .failed
    /// Every SOAP call made, in order (injected failures included).
    public var calls: [WebConnectorCall] = []
    /// What serverVersion answered.
    public var serverVersion: String?
    /// What clientVersion answered: "" to proceed, `W:`, `E:` or `O:` (docs/web-connector-protocol.md, "Methods").
    public var clientVersionReply: String?
    /// authenticate's `ArrayOfString`, as received.
    public var authenticateResult: [String] = []
    /// The ticket (authenticate's first string).
    public var ticket: String? { authenticateResult.first.flatMap { $0.isEmpty ? nil : $0 } }
    /// authenticate's second string: "" or a company file path (proceed), `none`, `nvu`, `busy`.
    public var authenticateVerdict: String? { authenticateResult.count > 1 ? authenticateResult[1] : nil }
    /// What connectionError answered, once per failed attempt to open QuickBooks.
    public var connectionErrorReplies: [String] = []
    /// The request documents the server sent (non-empty sendRequestXML results).
    public var requestDocuments: [String] = []
    /// Request documents QuickBooks processed (= round trips).
    public var roundTrips: Int { requestDocuments.count }
    /// Every receiveResponseXML result, in order.
    public var progress: [Int] = []
    /// Every getLastError text, in order.
    public var lastErrors: [String] = []
    /// What closeConnection answered; nil when it was not called.
    public var closeConnection: String?
    /// How many times the session waited after `NoOp`.
    public var noOpWaits = 0
    /// Transport errors, SOAP faults, malformed replies, injected faults and exceeded limits.
    public var errors: [FakeWebConnectorError] = []

    /// An empty report.
    public init() {}
}

/// How a simulated Web Connector session ended.
public enum SessionOutcome: Sendable, Equatable {
    /// Progress reached 100 and closeConnection was called.
    case completed
    /// authenticate answered `none`: nothing to do.
    case noWork
    /// authenticate answered `nvu`: wrong user name or password.
    case invalidUser
    /// authenticate answered `busy`.
    case busy
    /// clientVersion answered `E:` or `O:`; the update was aborted.
    case clientVersionRejected(String)
    /// QuickBooks could not be opened and connectionError answered `done` (or the retries ran out).
    case connectionFailed(ProcessorError)
    /// A negative progress or an empty request (not `NoOp`): getLastError, then closeConnection.
    case endedWithError
    /// An injected crash (`dropResponse`, `stopAfter`): the session stopped without closeConnection.
    case interrupted
    /// A transport error, SOAP fault, malformed reply or exceeded limit ended the session.
    case failed
}
