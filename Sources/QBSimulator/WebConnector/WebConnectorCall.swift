/// The QBWC SOAP operations the simulated Web Connector calls (qbwc-protocol.md §1.1); named in
/// session reports and in fault injection.
public enum WebConnectorCall: String, Sendable, Hashable, CaseIterable {
    case serverVersion
    case clientVersion
    case authenticate
    case sendRequestXML
    case receiveResponseXML
    case connectionError
    case getLastError
    case closeConnection
}
