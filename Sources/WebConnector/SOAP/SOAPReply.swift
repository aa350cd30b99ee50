import QBXML

/// What the endpoint answers to one call: a typed result or a SOAP 1.1 Fault (docs/web-connector-protocol.md, "Transport and SOAP").
public enum SOAPReply: Sendable, Equatable {
    /// An `xs:string` result.
    case string(QBWCOperation, String)
    /// An `ArrayOfString` result (authenticate).
    case strings(QBWCOperation, [String])
    /// An `xs:int` result (receiveResponseXML).
    case integer(QBWCOperation, Int)
    /// A SOAP 1.1 Fault; sent with HTTP 500.
    case fault(code: String, message: String)

    /// True for a fault, which the HTTP layer answers with status 500.
    public var isFault: Bool {
        if case .fault = self { return true }
        return false
    }

    private static let envelopeStart =
        #"<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>"#
    private static let envelopeEnd = "</soap:Body></soap:Envelope>"

    /// The response document, UTF-8. qbXML inside a result travels as escaped text, never as nested XML.
    public func rendered() -> String {
        var xml = Self.envelopeStart
        switch self {
        case .string(let operation, let value):
            open(operation, into: &xml)
            xml += "<\(operation.resultElement)>\(XMLEscaping.escapeText(value))</\(operation.resultElement)>"
            close(operation, into: &xml)
        case .strings(let operation, let values):
            open(operation, into: &xml)
            xml += "<\(operation.resultElement)>"
            for value in values {
                xml += "<string>\(XMLEscaping.escapeText(value))</string>"
            }
            xml += "</\(operation.resultElement)>"
            close(operation, into: &xml)
        case .integer(let operation, let value):
            open(operation, into: &xml)
            xml += "<\(operation.resultElement)>\(value)</\(operation.resultElement)>"
            close(operation, into: &xml)
        case .fault(let code, let message):
            xml += "<soap:Fault><faultcode>soap:\(code)</faultcode><faultstring>\(XMLEscaping.escapeText(message))</faultstring></soap:Fault>"
        }
        return xml + Self.envelopeEnd
    }

    private func open(_ operation: QBWCOperation, into xml: inout String) {
        xml += "<\(operation.responseElement) xmlns=\"\(QBWCOperation.namespace)\">"
    }

    private func close(_ operation: QBWCOperation, into xml: inout String) {
        xml += "</\(operation.responseElement)>"
    }
}
