/// Why a simulated Web Connector session ended abnormally, recorded in `SessionReport.errors`.
/// Each case says which call failed and what the server or network did.
public enum FakeWebConnectorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The HTTP exchange failed (connection refused, reset, timeout).
    case transport(WebConnectorCall, String)
    /// The server answered with an HTTP status other than 200 and no SOAP Fault.
    case httpStatus(WebConnectorCall, status: Int, body: String)
    /// The server answered with a SOAP Fault.
    case soapFault(WebConnectorCall, faultString: String)
    /// The reply is not the SOAP document the operation defines.
    case malformedReply(WebConnectorCall, String)
    /// A fault the test injected (`SessionFault.httpFailure`).
    case injected(WebConnectorCall, String)
    /// The session made more round trips than `maxRoundTrips`: the server is probably looping.
    case roundTripLimit(Int)
    /// The server answered `NoOp` more times than `maxNoOpWaits`.
    case noOpLimit(Int)

    /// A sentence for test failure messages.
    public var description: String {
        switch self {
        case .transport(let call, let reason):
            return "\(call.rawValue): the HTTP request failed: \(reason). Is the server running at the base URL?"
        case .httpStatus(let call, let status, let body):
            return "\(call.rawValue): HTTP \(status) without a SOAP Fault; the Web Connector would show QBWC1012/QBWC1042. Body starts: \(body)"
        case .soapFault(let call, let faultString):
            return "\(call.rawValue): SOAP Fault \"\(faultString)\""
        case .malformedReply(let call, let reason):
            return "\(call.rawValue): the reply is not what QBWC expects: \(reason)"
        case .injected(let call, let reason):
            return "\(call.rawValue): injected fault: \(reason)"
        case .roundTripLimit(let limit):
            return "the session exceeded \(limit) round trips; the server keeps sending requests (a loop?)"
        case .noOpLimit(let limit):
            return "the server answered NoOp more than \(limit) times in a row"
        }
    }
}
