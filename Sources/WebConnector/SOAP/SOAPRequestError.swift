public import QBXML

/// Why a request body could not be read as a Web Connector call. Each case becomes a SOAP 1.1 Fault with
/// HTTP 500 (docs/web-connector-protocol.md, "Transport and SOAP"): the .NET client shows a fault's text only then.
public enum SOAPRequestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The body is not well-formed XML, or uses a forbidden construct (DOCTYPE, entities).
    case notXML(XMLReadError)
    /// The body's root element is not a SOAP envelope.
    case notAnEnvelope(root: String)
    /// A SOAP 1.2 envelope: the Web Connector speaks SOAP 1.1 only.
    case soap12Envelope
    /// The envelope has no Body element.
    case missingBody
    /// The Body has no operation element.
    case emptyBody
    /// The Body has more than one operation element.
    case multipleOperations([String])
    /// The operation element is in a namespace other than `http://developer.intuit.com/`.
    case wrongNamespace(element: String, namespace: String)
    /// The operation element names no QBWC operation.
    case unknownOperation(String)
    /// A required parameter (`ticket`, an `xs:int`) is absent.
    case missingParameter(operation: QBWCOperation, name: String)
    /// An `xs:int` parameter does not hold an integer.
    case notAnInteger(operation: QBWCOperation, name: String, value: String)
    /// The body is larger than the server accepts.
    case bodyTooLarge(limit: Int)

    /// The SOAP 1.1 fault code: `Client` for the caller's mistakes, `VersionMismatch` for SOAP 1.2.
    public var faultCode: String {
        self == .soap12Envelope ? "VersionMismatch" : "Client"
    }

    public var description: String {
        switch self {
        case .notXML(let error):
            "The request body is not acceptable XML: \(error)"
        case .notAnEnvelope(let root):
            "The request body's root element is <\(root)>, not a SOAP 1.1 <Envelope> in http://schemas.xmlsoap.org/soap/envelope/."
        case .soap12Envelope:
            "SOAP 1.2 envelopes are not supported: send SOAP 1.1 (namespace http://schemas.xmlsoap.org/soap/envelope/, Content-Type text/xml) as the QuickBooks Web Connector does."
        case .missingBody:
            "The SOAP envelope has no <Body> element."
        case .emptyBody:
            "The SOAP <Body> holds no operation element; expected one of: \(QBWCOperation.allCases.map(\.rawValue).joined(separator: ", "))."
        case .multipleOperations(let names):
            "The SOAP <Body> holds \(names.count) operation elements (\(names.joined(separator: ", "))); send exactly one per request."
        case .wrongNamespace(let element, let namespace):
            "The operation <\(element)> is in namespace \"\(namespace)\"; QBWC operations live in \(QBWCOperation.namespace)."
        case .unknownOperation(let name):
            "Unknown Web Connector operation \"\(name)\"; expected one of: \(QBWCOperation.allCases.map(\.rawValue).joined(separator: ", "))."
        case .missingParameter(let operation, let name):
            "\(operation.rawValue) requires the element <\(name)>."
        case .notAnInteger(let operation, let name, let value):
            "\(operation.rawValue): <\(name)> must be an integer (xs:int), got \"\(value)\"."
        case .bodyTooLarge(let limit):
            "The request body exceeds the limit of \(limit) bytes."
        }
    }
}
