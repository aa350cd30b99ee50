import QBXML

/// Our WSDL for the Web Connector service: document/literal, wrapped, in `http://developer.intuit.com/`
/// (docs/web-connector-protocol.md, "Transport and SOAP"). Written from the same operation table the dispatcher uses, so a standard SOAP
/// client (zeep, .NET's wsdl.exe) sees exactly what the endpoint accepts. `xsd/QBWebConnectorSvc.wsdl`
/// is this document for the example address, checked by a test.
public enum WSDL {
    /// The address used in the copy kept in the repository.
    public static let exampleEndpoint = "https://qbbridge.example.com/qbwc"

    /// The WSDL with `endpoint` as the service address.
    public static func document(endpoint: String) -> String {
        var out: [String] = []
        out.append(#"<?xml version="1.0" encoding="utf-8"?>"#)
        out.append(#"<!-- QBBridge: QuickBooks Web Connector service (SOAP 1.1, document/literal). -->"#)
        out.append(#"<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:s="http://www.w3.org/2001/XMLSchema" xmlns:tns="http://developer.intuit.com/" targetNamespace="http://developer.intuit.com/">"#)
        out.append("  <wsdl:types>")
        out.append(#"    <s:schema elementFormDefault="qualified" targetNamespace="http://developer.intuit.com/">"#)
        out.append(#"      <s:complexType name="ArrayOfString">"#)
        out.append("        <s:sequence>")
        out.append(#"          <s:element minOccurs="0" maxOccurs="unbounded" name="string" nillable="true" type="s:string"/>"#)
        out.append("        </s:sequence>")
        out.append("      </s:complexType>")
        for operation in QBWCOperation.allCases {
            out.append(#"      <s:element name="\#(operation.rawValue)">"#)
            out.append("        <s:complexType>")
            if operation.parameters.isEmpty {
                out.append("          <s:sequence/>")
            } else {
                out.append("          <s:sequence>")
                for parameter in operation.parameters {
                    if operation.integerParameters.contains(parameter) {
                        out.append(#"            <s:element minOccurs="1" maxOccurs="1" name="\#(parameter)" type="s:int"/>"#)
                    } else {
                        out.append(#"            <s:element minOccurs="0" maxOccurs="1" name="\#(parameter)" type="s:string"/>"#)
                    }
                }
                out.append("          </s:sequence>")
            }
            out.append("        </s:complexType>")
            out.append("      </s:element>")
            out.append(#"      <s:element name="\#(operation.responseElement)">"#)
            out.append("        <s:complexType>")
            out.append("          <s:sequence>")
            switch operation.resultType {
            case .string:
                out.append(#"            <s:element minOccurs="0" maxOccurs="1" name="\#(operation.resultElement)" type="s:string"/>"#)
            case .stringArray:
                out.append(#"            <s:element minOccurs="0" maxOccurs="1" name="\#(operation.resultElement)" type="tns:ArrayOfString"/>"#)
            case .int:
                out.append(#"            <s:element minOccurs="1" maxOccurs="1" name="\#(operation.resultElement)" type="s:int"/>"#)
            }
            out.append("          </s:sequence>")
            out.append("        </s:complexType>")
            out.append("      </s:element>")
        }
        out.append("    </s:schema>")
        out.append("  </wsdl:types>")
        for operation in QBWCOperation.allCases {
            out.append(#"  <wsdl:message name="\#(operation.rawValue)SoapIn">"#)
            out.append(#"    <wsdl:part name="parameters" element="tns:\#(operation.rawValue)"/>"#)
            out.append("  </wsdl:message>")
            out.append(#"  <wsdl:message name="\#(operation.rawValue)SoapOut">"#)
            out.append(#"    <wsdl:part name="parameters" element="tns:\#(operation.responseElement)"/>"#)
            out.append("  </wsdl:message>")
        }
        out.append(#"  <wsdl:portType name="QBWebConnectorSvcSoap">"#)
        for operation in QBWCOperation.allCases {
            out.append(#"    <wsdl:operation name="\#(operation.rawValue)">"#)
            out.append(#"      <wsdl:input message="tns:\#(operation.rawValue)SoapIn"/>"#)
            out.append(#"      <wsdl:output message="tns:\#(operation.rawValue)SoapOut"/>"#)
            out.append("    </wsdl:operation>")
        }
        out.append("  </wsdl:portType>")
        out.append(#"  <wsdl:binding name="QBWebConnectorSvcSoap" type="tns:QBWebConnectorSvcSoap">"#)
        out.append(#"    <soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="document"/>"#)
        for operation in QBWCOperation.allCases {
            out.append(#"    <wsdl:operation name="\#(operation.rawValue)">"#)
            out.append(#"      <soap:operation soapAction="\#(operation.soapAction)" style="document"/>"#)
            out.append(#"      <wsdl:input><soap:body use="literal"/></wsdl:input>"#)
            out.append(#"      <wsdl:output><soap:body use="literal"/></wsdl:output>"#)
            out.append("    </wsdl:operation>")
        }
        out.append("  </wsdl:binding>")
        out.append(#"  <wsdl:service name="QBWebConnectorSvc">"#)
        out.append(#"    <wsdl:port name="QBWebConnectorSvcSoap" binding="tns:QBWebConnectorSvcSoap">"#)
        out.append(#"      <soap:address location="\#(XMLEscaping.escapeAttribute(endpoint))"/>"#)
        out.append("    </wsdl:port>")
        out.append("  </wsdl:service>")
        out.append("</wsdl:definitions>")
        return out.joined(separator: "\n") + "\n"
    }
}

