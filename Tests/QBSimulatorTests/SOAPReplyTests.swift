@testable import QBSimulator
import Testing
import QBBridgeTesting

@Suite("Simulated Web Connector: SOAP on the wire", .tagFilter)
struct SOAPReplyTests {
    @Test("requests are .NET-style envelopes with the qbXML escaped inside string parameters")
    func envelope() {
        let xml = SOAPClient.envelope(.receiveResponseXML, [("ticket", "t-1"), ("response", "<QBXML a=\"1\">&</QBXML>"), ("hresult", "")])
        #expect(xml.hasPrefix(#"<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>"#))
        #expect(xml.contains(#"<receiveResponseXML xmlns="http://developer.intuit.com/"><ticket>t-1</ticket>"#))
        #expect(xml.contains("<response>&lt;QBXML a=\"1\"&gt;&amp;&lt;/QBXML&gt;</response><hresult />"))
    }

    @Test("an ArrayOfString reply yields every string, empty and nil ones included")
    func arrayOfString() throws {
        let body = """
        <?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>\
        <ns1:authenticateResponse xmlns:ns1="http://developer.intuit.com/"><ns1:authenticateResult><ns1:string>abc</ns1:string>\
        <ns1:string/><ns1:string xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></ns1:authenticateResult>\
        </ns1:authenticateResponse></soap:Body></soap:Envelope>
        """
        let reply = try SOAPClient.read(Array(body.utf8), status: 200, call: .authenticate)
        #expect(reply.strings == ["abc", "", ""])
    }

    @Test("a SOAP Fault becomes an error carrying the faultstring")
    func fault() {
        let body = """
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Client</faultcode>\
        <faultstring>qbXMLMajorVers is not an integer &amp; cannot be read</faultstring></soap:Fault></soap:Body></soap:Envelope>
        """
        #expect(throws: FakeWebConnectorError.soapFault(.sendRequestXML, faultString: "qbXMLMajorVers is not an integer & cannot be read")) {
            try SOAPClient.read(Array(body.utf8), status: 500, call: .sendRequestXML)
        }
    }

    @Test("an HTML error page becomes an HTTP status error; a missing int result is a malformed reply")
    func notSOAP() {
        #expect(throws: FakeWebConnectorError.httpStatus(.closeConnection, status: 502, body: "<html><body>Bad Gateway")) {
            try SOAPClient.read(Array("<html><body>Bad Gateway".utf8), status: 502, call: .closeConnection)
        }
        let empty = #"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body/></soap:Envelope>"#
        #expect(throws: FakeWebConnectorError.malformedReply(.receiveResponseXML, "no <receiveResponseXMLResult> element")) {
            try SOAPClient.read(Array(empty.utf8), status: 200, call: .receiveResponseXML)
        }
    }
}
