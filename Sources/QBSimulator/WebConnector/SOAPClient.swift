import AsyncHTTPClient
import Foundation
import NIOCore
import QBXML

/// The HTTP and SOAP 1.1 side of the simulated Web Connector: writes each call as the .NET client
/// does (docs/web-connector-protocol.md, "Transport and SOAP": POST, `text/xml; charset=utf-8`, quoted SOAPAction, `soap:` envelope with
/// xsi/xsd declarations, wrapper in the Intuit namespace, qbXML escaped inside string parameters)
/// and reads the reply with the hardened `XMLStreamReader`.
struct SOAPClient: Sendable {
    static let intuitNamespace = "http://developer.intuit.com/"
    /// What .NET 2.0's SOAP client sends as User-Agent, as QBWC does.
    static let userAgent = "Mozilla/4.0 (compatible; MSIE 6.0; MS Web Services Client Protocol 2.0.50727.9151)"

    let endpoint: String
    let httpClient: HTTPClient
    let timeout: TimeAmount
    let maximumReplyBytes = 64 * 1024 * 1024

    /// The reply of one call: the result element's text, or its `<string>` items for `ArrayOfString`.
    struct Reply: Sendable {
        var text: String
        var strings: [String]
    }

    /// The request envelope for an operation and its parameters (empty values written `<name />`).
    static func envelope(_ call: WebConnectorCall, _ parameters: [(String, String)]) -> String {
        var xml = #"<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>"#
        xml += "<\(call.rawValue) xmlns=\"\(intuitNamespace)\">"
        for (name, value) in parameters {
            xml += value.isEmpty ? "<\(name) />" : "<\(name)>\(XMLEscaping.escapeText(value))</\(name)>"
        }
        return xml + "</\(call.rawValue)></soap:Body></soap:Envelope>"
    }

    /// Posts one call. `loseReply` makes the exchange fail after the server processed it.
    func send(_ call: WebConnectorCall, _ parameters: [(String, String)], loseReply: Bool = false) async throws(FakeWebConnectorError) -> Reply {
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "text/xml; charset=utf-8")
        request.headers.add(name: "SOAPAction", value: "\"\(Self.intuitNamespace)\(call.rawValue)\"")
        request.headers.add(name: "User-Agent", value: Self.userAgent)
        request.body = .bytes(ByteBuffer(string: Self.envelope(call, parameters)))
        let status: UInt
        let body: ByteBuffer
        do {
            let response = try await httpClient.execute(request, timeout: timeout)
            status = response.status.code
            body = try await response.body.collect(upTo: maximumReplyBytes)
        } catch {
            throw .transport(call, "\(error)")
        }
        if loseReply { throw .injected(call, "the server processed the call but its reply was lost") }
        return try Self.read(Array(body.readableBytesView), status: Int(status), call: call)
    }

    /// Reads a reply: a SOAP Fault becomes `.soapFault`; a non-200 status without one `.httpStatus`.
    static func read(_ bytes: [UInt8], status: Int, call: WebConnectorCall) throws(FakeWebConnectorError) -> Reply {
        let resultName = call.rawValue + "Result"
        var text: String?
        var strings: [String] = []
        var faultString: String?
        var sawEnvelope = false
        do {
            let reader = try XMLStreamReader(bytes: bytes, maxDepth: 32)
            while let kind = try reader.next() {
                guard kind == .startElement else { continue }
                switch reader.localName {
                case "Envelope": sawEnvelope = true
                case "faultstring": faultString = try reader.readText()
                case resultName:
                    if call == .authenticate {
                        text = ""
                    } else {
                        text = try reader.readText()
                    }
                case "string" where call == .authenticate:
                    strings.append(try reader.readText())
                default: continue
                }
            }
        } catch {
            if status != 200 { throw .httpStatus(call, status: status, body: String(decoding: bytes.prefix(200), as: UTF8.self)) }
            throw .malformedReply(call, "\(error)")
        }
        if let faultString { throw .soapFault(call, faultString: faultString) }
        guard status == 200 else { throw .httpStatus(call, status: status, body: String(decoding: bytes.prefix(200), as: UTF8.self)) }
        guard sawEnvelope else { throw .malformedReply(call, "no SOAP Envelope") }
        guard let text else {
            // A missing string result is a null string to .NET; an int result is required.
            if call == .receiveResponseXML { throw .malformedReply(call, "no <\(resultName)> element") }
            return Reply(text: "", strings: [])
        }
        return Reply(text: text, strings: strings)
    }
}
