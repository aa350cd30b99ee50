import Foundation
import HummingbirdTesting
import NIOCore
import Testing
import QBBridgeTesting

@Suite("Bad SOAP input gets a Fault and the server keeps serving", .tagFilter)
struct SOAPBadInputTests {
    static let envelopeStart = #"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>"#
    static let envelopeEnd = "</soap:Body></soap:Envelope>"

    static let cases: [(String, String)] = [
        ("not XML", "hello, this is not xml"),
        ("empty body", ""),
        ("truncated", envelopeStart + #"<authenticate xmlns="http://developer.intuit.com/"><strUserName>acme</strUserName>"#),
        ("no Body", #"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header/></soap:Envelope>"#),
        ("empty Body", envelopeStart + envelopeEnd),
        ("wrong namespace", envelopeStart + #"<authenticate xmlns="http://example.com/"><strUserName>a</strUserName></authenticate>"# + envelopeEnd),
        ("unknown method", envelopeStart + #"<dropTables xmlns="http://developer.intuit.com/"/>"# + envelopeEnd),
        ("two methods", envelopeStart + #"<serverVersion xmlns="http://developer.intuit.com/"/><closeConnection xmlns="http://developer.intuit.com/"><ticket>x</ticket></closeConnection>"# + envelopeEnd),
        ("SOAP 1.2 envelope", #"<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><serverVersion xmlns="http://developer.intuit.com/"/></env:Body></env:Envelope>"#),
        ("missing xs:int elements", envelopeStart + #"<sendRequestXML xmlns="http://developer.intuit.com/"><ticket>x</ticket></sendRequestXML>"# + envelopeEnd),
        ("non-integer version", envelopeStart + #"<sendRequestXML xmlns="http://developer.intuit.com/"><ticket>x</ticket><qbXMLMajorVers>thirteen</qbXMLMajorVers><qbXMLMinorVers>0</qbXMLMinorVers></sendRequestXML>"# + envelopeEnd),
        ("external entity reading a file", #"<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>"# + envelopeStart + #"<authenticate xmlns="http://developer.intuit.com/"><strUserName>&xxe;</strUserName></authenticate>"# + envelopeEnd),
        ("external DTD", #"<?xml version="1.0"?><!DOCTYPE foo SYSTEM "http://127.0.0.1:1/evil.dtd">"# + envelopeStart + #"<serverVersion xmlns="http://developer.intuit.com/"/>"# + envelopeEnd),
        ("parameter entity", #"<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY % pe SYSTEM "file:///etc/hostname"> %pe;]>"# + envelopeStart + #"<serverVersion xmlns="http://developer.intuit.com/"/>"# + envelopeEnd),
        ("billion laughs", #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>"# + envelopeStart + #"<authenticate xmlns="http://developer.intuit.com/"><strUserName>&lol4;</strUserName></authenticate>"# + envelopeEnd),
        ("undeclared entity", envelopeStart + #"<authenticate xmlns="http://developer.intuit.com/"><strUserName>&nope;</strUserName></authenticate>"# + envelopeEnd),
    ]

    @Test("each malformed or hostile body gets a SOAP 1.1 Fault with HTTP 500", arguments: cases.map(\.0))
    func fault(name: String) async throws {
        let body = try #require(Self.cases.first { $0.0 == name }?.1)
        try await withRunningBridge { bridge async throws in
            let response = try await bridge.soap(body)
            let text = String(buffer: response.body)
            #expect(response.status == .internalServerError)
            #expect(response.headers[.contentType]?.hasPrefix("text/xml") == true)
            #expect(text.contains("<soap:Fault><faultcode>soap:"))
            #expect(!text.contains("root:"), "no file content may ever appear")
            #expect(!text.contains("lollollol"), "no entity may ever be expanded")
            let health = try await bridge.client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
        }
    }

    @Test("SOAP 1.2 is refused with a VersionMismatch fault")
    func soap12() async throws {
        try await withRunningBridge { bridge async throws in
            let body = #"<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><serverVersion xmlns="http://developer.intuit.com/"/></env:Body></env:Envelope>"#
            let response = try await bridge.soap(body, contentType: "application/soap+xml; charset=utf-8")
            #expect(String(buffer: response.body).contains("soap:VersionMismatch"))
        }
    }

    @Test("a 50 MB body is refused without being read into memory, and the next call works", .tags(.slow))
    func oversizedBody() async throws {
        try await withRunningBridge(configure: { $0.maximumSOAPBodyBytes = 8 * 1024 * 1024 }) { bridge async throws in
            let padding = String(repeating: "A", count: 50 * 1024 * 1024)
            let body = SOAPText.envelope("authenticate", [("strUserName", padding), ("strPassword", "x")])
            let response = try await bridge.soap(body)
            #expect(response.status == .internalServerError)
            #expect(String(buffer: response.body).contains("exceeds the limit"))
            let next = try await bridge.call("serverVersion")
            #expect(next.status == .ok)
        }
    }
}
