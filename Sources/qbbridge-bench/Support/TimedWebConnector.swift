import AsyncHTTPClient
import NIOCore
import QBSimulator
import QBXML

/// A Web Connector for the load benchmark: the same call sequence as QBSimulator's `FakeWebConnector`
/// (docs/web-connector-protocol.md, "Call sequence") against the same `FakeQuickBooks`, but it times every SOAP call on the
/// client side and can spread its calls over several server instances, as a load balancer without
/// stickiness would. `FakeWebConnector` has neither hook, and a benchmark must not change the
/// simulator the tests rely on.
struct TimedWebConnector: Sendable {
    let endpoints: [String]
    let company: BenchAPI.Company
    let quickBooks: FakeQuickBooks
    let client: HTTPClient
    let latencies: LatencyRecorder
    /// How long QuickBooks takes over each request document (real ones take seconds).
    var quickBooksDelay: Duration = .zero

    /// How one session ended.
    enum Outcome: Sendable, Equatable {
        /// Progress reached 100 and closeConnection answered.
        case completed
        /// authenticate answered `none`.
        case noWork
        /// Anything else: `busy`, `nvu`, a negative progress, an empty request that was not `NoOp`.
        case refused(String)
    }

    /// One session. `rotation` picks the instance of the first call; each later call goes to the next one.
    func runSession(rotation: Int) async throws -> Outcome {
        var calls = CallCounter(endpoints: endpoints, next: rotation)
        _ = try await call(.serverVersion, [], &calls)
        let version = try await call(.clientVersion, [("strVersion", "2.3.0.215")], &calls)
        guard version.text.isEmpty || version.text.hasPrefix("W:") else { return .refused("clientVersion: \(version.text)") }
        let auth = try await call(.authenticate, [("strUserName", company.username), ("strPassword", company.password)], &calls).strings
        guard auth.count >= 2 else { return .refused("authenticate: \(auth)") }
        switch auth[1] {
        case "none": return .noWork
        case "nvu", "busy": return .refused("authenticate: \(auth[1])")
        default: break
        }
        let ticket = auth[0]
        if let failure = await quickBooks.beginSession(companyFile: auth[1]) {
            return .refused("QuickBooks did not open: \(failure.message)")
        }
        do {
            let outcome = try await exchange(ticket: ticket, &calls)
            await quickBooks.endSession()
            return outcome
        } catch {
            await quickBooks.endSession()
            throw error
        }
    }

    /// The sendRequestXML / receiveResponseXML loop inside an open QuickBooks session.
    private func exchange(ticket: String, _ calls: inout CallCounter) async throws -> Outcome {
        if let owner = company.ownerID, let file = company.fileID, await quickBooks.dataExtension(ownerID: owner, name: "FileID") == nil {
            await quickBooks.stampDataExtension(ownerID: owner, name: "FileID", value: file)
        }
        let facts = await quickBooks.facts
        let newest = facts.supportedQBXMLVersions.last ?? facts.maxQBXMLVersion
        let number = newest.drop { $0.isLetter }.split(separator: ".")
        var hcp = await quickBooks.hcpResponse(ownerID: company.ownerID)
        for _ in 0..<500 {
            let request = try await call(.sendRequestXML, [
                ("ticket", ticket), ("strHCPResponse", hcp), ("strCompanyFileName", facts.companyFilePath), ("qbXMLCountry", facts.country),
                ("qbXMLMajorVers", number.first.map(String.init) ?? "13"), ("qbXMLMinorVers", number.count > 1 ? String(number[1]) : "0"),
            ], &calls).text
            hcp = ""
            if request.isEmpty {
                let lastError = try await call(.getLastError, [("ticket", ticket)], &calls).text
                if lastError == "NoOp" { continue }
                _ = try await call(.closeConnection, [("ticket", ticket)], &calls)
                return .refused("empty request: \(lastError)")
            }
            if quickBooksDelay > .zero { try await Task.sleep(for: quickBooksDelay) }
            let parameters: [(String, String)]
            switch await quickBooks.respond(to: request) {
            case .response(let xml): parameters = [("ticket", ticket), ("response", xml), ("hresult", ""), ("message", "")]
            case .processorError(let error): parameters = [("ticket", ticket), ("response", ""), ("hresult", error.hresult), ("message", error.message)]
            }
            let progress = Int(try await call(.receiveResponseXML, parameters, &calls).text) ?? -1
            if progress >= 100 {
                _ = try await call(.closeConnection, [("ticket", ticket)], &calls)
                return .completed
            }
            if progress < 0 {
                let lastError = try await call(.getLastError, [("ticket", ticket)], &calls).text
                _ = try await call(.closeConnection, [("ticket", ticket)], &calls)
                return .refused("progress \(progress): \(lastError)")
            }
        }
        return .refused("more than 500 round trips in one session")
    }

    private func call(_ operation: WebConnectorCall, _ parameters: [(String, String)], _ calls: inout CallCounter) async throws -> SOAPResult {
        let endpoint = calls.nextEndpoint()
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "text/xml; charset=utf-8")
        request.headers.add(name: "SOAPAction", value: "\"http://developer.intuit.com/\(operation.rawValue)\"")
        request.body = .bytes(ByteBuffer(string: SOAPResult.envelope(operation.rawValue, parameters)))
        let start = ContinuousClock.now
        let response = try await client.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 64 << 20)
        latencies.record(ContinuousClock.now - start, call: operation.rawValue)
        return try SOAPResult(Array(body.readableBytesView), status: Int(response.status.code), operation: operation.rawValue)
    }

    /// Round-robin over the instances, one step per call.
    private struct CallCounter {
        let endpoints: [String]
        var next: Int

        mutating func nextEndpoint() -> String {
            defer { next += 1 }
            return endpoints[next % endpoints.count]
        }
    }
}

/// A SOAP reply: the `…Result` text, or the `<string>` items of authenticate's `ArrayOfString`.
struct SOAPResult {
    var text = ""
    var strings: [String] = []

    init(_ bytes: [UInt8], status: Int, operation: String) throws {
        var fault: String?
        let reader = try XMLStreamReader(bytes: bytes, maxDepth: 32)
        while let kind = try reader.next() {
            guard kind == .startElement else { continue }
            switch reader.localName {
            case operation + "Result" where operation != "authenticate": text = try reader.readText()
            case "string": strings.append(try reader.readText())
            case "faultstring": fault = try reader.readText()
            default: continue
            }
        }
        if let fault { throw BenchError("\(operation) answered a SOAP Fault: \(fault)") }
        guard status == 200 else { throw BenchError("\(operation) answered HTTP \(status)") }
    }

    /// The request envelope as QBWC writes it.
    static func envelope(_ operation: String, _ parameters: [(String, String)]) -> String {
        var xml = #"<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>"#
        xml += "<\(operation) xmlns=\"http://developer.intuit.com/\">"
        for (name, value) in parameters {
            xml += value.isEmpty ? "<\(name) />" : "<\(name)>\(XMLEscaping.escapeText(value))</\(name)>"
        }
        return xml + "</\(operation)></soap:Body></soap:Envelope>"
    }
}
