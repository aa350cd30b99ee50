import QBXML

/// Our WSDL for the Web Connector service: document/literal, wrapped, in `http://developer.intuit.com/`
/// (docs/web-connector-protocol.md, "Transport and SOAP"), so a standard SOAP client (zeep, .NET's
/// wsdl.exe) sees exactly what the endpoint accepts.
///
/// The document is the file `QBWebConnectorSvc.wsdl` beside this one, compiled into the binary
/// (`.embedInCode` in Package.swift). Its service address is the placeholder `{{endpoint}}`, which
/// `document(endpoint:)` fills in with the address the Web Connector reaches.
public enum WSDL {
    /// What the file has in place of the service address.
    static let endpointPlaceholder = "{{endpoint}}"

    /// The file's text before and after the placeholder.
    private static let parts: (head: String, tail: String) = {
        let text = String(decoding: PackageResources.QBWebConnectorSvc_wsdl, as: UTF8.self)
        guard let range = text.firstRange(of: endpointPlaceholder) else {
            preconditionFailure("QBWebConnectorSvc.wsdl has no \(endpointPlaceholder) for the service address")
        }
        return (String(text[..<range.lowerBound]), String(text[range.upperBound...]))
    }()

    /// The WSDL with `endpoint` as the service address.
    public static func document(endpoint: String) -> String {
        parts.head + XMLEscaping.escapeAttribute(endpoint) + parts.tail
    }
}
