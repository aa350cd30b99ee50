/// Failures a test injects into a simulated Web Connector session, each one a way real sessions break
/// (docs/architecture.md, "Payment posting": a reply lost after QuickBooks applied it must not post twice).
public enum SessionFault: Sendable, Hashable {
    /// QuickBooks processes the n-th request document (1-based), then the Web Connector dies before
    /// `receiveResponseXML`: the server never learns the outcome, and no `closeConnection` follows.
    case dropResponse(roundTrip: Int)
    /// The n-th response is posted to `receiveResponseXML` twice (a retried HTTP request); the second
    /// answer drives the rest of the session.
    case duplicateResponse(roundTrip: Int)
    /// The Web Connector stops after the n-th `receiveResponseXML` (crash, machine asleep): no further
    /// call and no `closeConnection`. `roundTrip: 0` stops right after authenticate.
    case stopAfter(roundTrip: Int)
    /// The n-th call (1-based) of an operation fails at the HTTP level, either before the server sees
    /// it or after the server processed it (the reply is lost). The session then ends without
    /// `closeConnection`, as QBWC's does.
    case httpFailure(WebConnectorCall, occurrence: Int, timing: HTTPFailureTiming)

    /// When an injected HTTP failure happens.
    public enum HTTPFailureTiming: Sendable, Hashable {
        /// The request never reaches the server (connection refused).
        case beforeDelivery
        /// The server processes the request; its reply is lost (connection reset, proxy 502).
        case afterDelivery
    }
}
