/// The operations of the QuickBooks Web Connector SOAP contract (docs/web-connector-protocol.md, "Methods").
///
/// One table drives the dispatcher and the reply writer. The WSDL (`SOAP/QBWebConnectorSvc.wsdl`)
/// declares the same operations with their parameters and result types; a test checks that it names every
/// one of these, and a standard SOAP client calls the endpoint through it.
public enum QBWCOperation: String, Sendable, CaseIterable {
    case serverVersion
    case clientVersion
    case authenticate
    case sendRequestXML
    case receiveResponseXML
    case connectionError
    case getLastError
    case closeConnection
    case getInteractiveURL
    case interactiveDone
    case interactiveRejected

    /// The namespace of every wrapper element and of its children (`elementFormDefault="qualified"`).
    public static let namespace = "http://developer.intuit.com/"

    /// `<operation>Response`
    public var responseElement: String { rawValue + "Response" }
    /// `<operation>Result`
    public var resultElement: String { rawValue + "Result" }
    /// The SOAPAction the .NET client sends, unquoted.
    public var soapAction: String { Self.namespace + rawValue }

    /// Finds an operation by the body element's local name, accepting the aliases real clients and older
    /// samples use: Intuit's e-commerce sample calls `interactiveDone` `isInteractiveDone` (docs/web-connector-protocol.md, "Methods").
    public init?(elementName: String) {
        if let operation = QBWCOperation(rawValue: elementName) {
            self = operation
            return
        }
        switch elementName {
        case "isInteractiveDone": self = .interactiveDone
        case "getServerVersion": self = .serverVersion
        default: return nil
        }
    }

    /// Alternative spellings of parameter names that real clients or libraries use; the canonical name first.
    static let parameterAliases: [String: String] = [
        "strCompanyFilename": "strCompanyFileName",
        "ticket": "ticket",
    ]
}
