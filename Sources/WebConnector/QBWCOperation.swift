/// The operations of the QuickBooks Web Connector SOAP contract (docs/web-connector-protocol.md, "Methods").
///
/// One table drives the dispatcher, the reply writer and the WSDL, so the three can never disagree
/// about a parameter name or a result type.
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

    /// The shape of an operation's result element.
    public enum ResultType: Sendable {
        /// `xs:string`
        case string
        /// `ArrayOfString`: a sequence of `<string>` elements (authenticate).
        case stringArray
        /// `xs:int` (receiveResponseXML's percentage).
        case int
    }

    /// Request children in WSDL order. Every one is `xs:string` except those named in `integerParameters`.
    public var parameters: [String] {
        switch self {
        case .serverVersion: []
        case .clientVersion: ["strVersion"]
        case .authenticate: ["strUserName", "strPassword"]
        case .sendRequestXML:
            ["ticket", "strHCPResponse", "strCompanyFileName", "qbXMLCountry", "qbXMLMajorVers", "qbXMLMinorVers"]
        case .receiveResponseXML: ["ticket", "response", "hresult", "message"]
        case .connectionError: ["ticket", "hresult", "message"]
        case .getLastError, .closeConnection: ["ticket"]
        case .getInteractiveURL: ["wcTicket", "sessionID"]
        case .interactiveDone: ["wcTicket"]
        case .interactiveRejected: ["wcTicket", "reason"]
        }
    }

    /// Parameters typed `xs:int` in the contract (they must parse as integers).
    public var integerParameters: Set<String> {
        self == .sendRequestXML ? ["qbXMLMajorVers", "qbXMLMinorVers"] : []
    }

    /// The result element's type.
    public var resultType: ResultType {
        switch self {
        case .authenticate: .stringArray
        case .receiveResponseXML: .int
        default: .string
        }
    }

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
