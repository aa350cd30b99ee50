/// What the SOAP layer needs from the rest of the bridge, one method per QBWC operation that carries state.
///
/// The WebConnector module knows the protocol's conventions (which strings mean what, which results are
/// integers); the implementation (Bridge) knows companies, sessions and work. Every method must have
/// stored its state change durably before it returns: the reply goes out right after.
public protocol WebConnectorBackend: Sendable {
    /// The version string shown in the Web Connector's log.
    func serverVersion() -> String
    /// Whether this Web Connector version may proceed.
    func clientVersion(_ version: String) async -> ClientVersionVerdict
    /// Checks credentials and decides whether a session starts.
    func authenticate(username: String, password: String) async -> AuthenticationOutcome
    /// The next qbXML request of a session.
    func sendRequestXML(_ request: SendRequestXML) async -> SendRequestOutcome
    /// Takes QuickBooks' response (or a processor HRESULT) and returns the session's progress.
    func receiveResponseXML(_ response: ReceiveResponseXML) async -> ReceiveResponseOutcome
    /// QuickBooks could not be opened for this session.
    func connectionError(ticket: String, hresult: String, message: String) async -> ConnectionErrorOutcome
    /// The text the Web Connector shows after a negative progress or an empty request.
    func lastError(ticket: String) async -> LastErrorOutcome
    /// The end of a run.
    func closeConnection(ticket: String) async -> String
}

/// The answer to clientVersion (docs/web-connector-protocol.md, "Methods").
public enum ClientVersionVerdict: Sendable, Equatable {
    /// Proceed: `""`.
    case proceed
    /// Show a warning the user may dismiss: `W:<text>`.
    case warn(String)
    /// Refuse the update: `E:<text>`.
    case refuse(String)
    /// Tell the user the minimum version required: `O:<version>`.
    case requireVersion(String)

    /// The wire form.
    public var wireValue: String {
        switch self {
        case .proceed: ""
        case .warn(let text): "W:" + text
        case .refuse(let text): "E:" + text
        case .requireVersion(let version): "O:" + version
        }
    }
}

/// The answer to authenticate (docs/web-connector-protocol.md, "Methods"): `[ticket, verdict, postpone?, minRunEvery?]`.
public enum AuthenticationOutcome: Sendable, Equatable {
    /// Valid with work to do; `companyFile` is `""` for the file QuickBooks has open.
    case session(ticket: String, companyFile: String)
    /// Valid, nothing to do now; optionally when to come back (seconds) and a lower bound on the schedule.
    case noWork(postponeSeconds: Int?, minimumRunEverySeconds: Int?)
    /// Not a valid user (also for throttled attempts: nothing tells a guesser which one it was).
    case invalidUser
    /// Another session of this company is live; try later.
    case busy(postponeSeconds: Int?)

    /// The wire form: an ArrayOfString. Intuit answers `""` as the ticket for `none` and `nvu`.
    public var wireValues: [String] {
        switch self {
        case .session(let ticket, let companyFile):
            [ticket, companyFile]
        case .noWork(let postpone, let minimum):
            Self.withOptionals(["", WebConnectorVerdict.noWork], postpone, minimum)
        case .invalidUser:
            ["", WebConnectorVerdict.invalidUser]
        case .busy(let postpone):
            Self.withOptionals(["", WebConnectorVerdict.busy], postpone, nil)
        }
    }

    private static func withOptionals(_ values: [String], _ postpone: Int?, _ minimum: Int?) -> [String] {
        var values = values
        if postpone != nil || minimum != nil { values.append(postpone.map(String.init) ?? "") }
        if let minimum { values.append(String(minimum)) }
        return values
    }
}

/// The protocol's reserved strings, named so that no one types them twice.
public enum WebConnectorVerdict {
    /// authenticate: valid user, nothing to do ("No data exchange required").
    public static let noWork = "none"
    /// authenticate: not a valid user.
    public static let invalidUser = "nvu"
    /// authenticate: the server is busy.
    public static let busy = "busy"
    /// getLastError: pause about five seconds and call sendRequestXML again.
    public static let noOp = "NoOp"
    /// connectionError: stop trying.
    public static let done = "done"
}

/// The parameters of sendRequestXML.
public struct SendRequestXML: Sendable, Equatable {
    /// The session ticket.
    public var ticket: String
    /// Host/company/preferences response, on the first call of a run only (docs/web-connector-protocol.md, "The host report and qbXML version negotiation").
    public var hcpResponse: String
    /// Path of the company file QuickBooks has open.
    public var companyFileName: String
    /// `US`, `CA` or `UK`.
    public var country: String
    /// Highest qbXML major version the QuickBooks install supports.
    public var majorVersion: Int
    /// Highest qbXML minor version the QuickBooks install supports.
    public var minorVersion: Int

    /// Creates the parameters.
    public init(ticket: String, hcpResponse: String, companyFileName: String, country: String, majorVersion: Int, minorVersion: Int) {
        self.ticket = ticket
        self.hcpResponse = hcpResponse
        self.companyFileName = companyFileName
        self.country = country
        self.majorVersion = majorVersion
        self.minorVersion = minorVersion
    }
}

/// The answer to sendRequestXML.
public enum SendRequestOutcome: Sendable, Equatable {
    /// A qbXML request document.
    case request(String)
    /// Nothing to send now, but the run should wait (`""`, then getLastError answers `NoOp`).
    case wait
    /// The session cannot continue (`""`, then getLastError answers with the reason).
    case failed
}

/// The parameters of receiveResponseXML.
public struct ReceiveResponseXML: Sendable, Equatable {
    /// The session ticket.
    public var ticket: String
    /// QuickBooks' qbXML response; empty when the whole request set failed.
    public var response: String
    /// The processor HRESULT when the whole set failed, e.g. `0x80040400`.
    public var hresult: String
    /// QuickBooks' text for the HRESULT.
    public var message: String

    /// Creates the parameters.
    public init(ticket: String, response: String, hresult: String, message: String) {
        self.ticket = ticket
        self.response = response
        self.hresult = hresult
        self.message = message
    }
}

/// The answer to receiveResponseXML: an integer percentage, never a decimal (docs/web-connector-protocol.md, "Methods").
public enum ReceiveResponseOutcome: Sendable, Equatable {
    /// 0…99: more work follows; 100: done.
    case progress(Int)
    /// Negative: the Web Connector calls getLastError, then closes.
    case failed

    /// The wire integer.
    public var wireValue: Int {
        switch self {
        case .progress(let percent): min(max(percent, 0), 100)
        case .failed: -1
        }
    }
}

/// The answer to connectionError.
public enum ConnectionErrorOutcome: Sendable, Equatable {
    /// Stop trying: `done`.
    case done
    /// Try again with this company file path (`""` = the file QuickBooks has open).
    case retry(companyFile: String)

    /// The wire form.
    public var wireValue: String {
        switch self {
        case .done: WebConnectorVerdict.done
        case .retry(let path): path
        }
    }
}

/// The answer to getLastError.
public enum LastErrorOutcome: Sendable, Equatable {
    /// Wait about five seconds and call sendRequestXML again.
    case noOp
    /// Show this text; the run ends.
    case message(String)

    /// The wire form.
    public var wireValue: String {
        switch self {
        case .noOp: WebConnectorVerdict.noOp
        case .message(let text): text
        }
    }
}
