/// The QBWC SOAP operations the simulated Web Connector calls (docs/web-connector-protocol.md, "Methods"); named in
/// session reports and in fault injection.
public enum WebConnectorCall: String, Sendable, Hashable, CaseIterable {
    /// Asks the server's version (informational).
    case serverVersion
    /// Reports QBWC's version; the server may warn or refuse.
    case clientVersion
    /// Logs in; answers a ticket and a verdict (`""`, a path, `none`, `nvu`, `busy`).
    case authenticate
    /// Asks for the next request document (the first call carries the HCP response).
    case sendRequestXML
    /// Hands back QuickBooks' response (or an HRESULT); answers the progress.
    case receiveResponseXML
    /// Reports that QuickBooks could not be opened; answers `done` or a file to try.
    case connectionError
    /// Asks for the text to show after an empty request or a negative progress (`NoOp` = wait).
    case getLastError
    /// Ends the session; answers a status text.
    case closeConnection
}
