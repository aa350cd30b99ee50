/// The QBWC dispatcher: `handle(SOAPCall) async -> SOAPReply`, with no HTTP in it.
///
/// It turns each call into a backend method with typed parameters and turns the backend's answer into
/// the wire conventions of docs/web-connector-protocol.md ("Methods"). Interactive mode is never requested by QBBridge, so its
/// three calls get the answers that end it cleanly.
public struct WebConnectorService: Sendable {
    private let backend: any WebConnectorBackend

    /// Creates a dispatcher over a backend.
    public init(backend: any WebConnectorBackend) {
        self.backend = backend
    }

    /// Reads a body and answers it; malformed input becomes a SOAP Fault, never a crash.
    public func handle(body: [UInt8]) async -> SOAPReply {
        do {
            let call = try SOAPEnvelopeReader.read(body)
            return await handle(call)
        } catch {
            return .fault(code: error.faultCode, message: error.description)
        }
    }

    /// Answers one decoded call.
    public func handle(_ call: SOAPCall) async -> SOAPReply {
        do {
            return try await dispatch(call)
        } catch {
            return .fault(code: error.faultCode, message: error.description)
        }
    }

    private func dispatch(_ call: SOAPCall) async throws(SOAPRequestError) -> SOAPReply {
        let operation = call.operation
        switch operation {
        case .serverVersion:
            return .string(operation, backend.serverVersion())
        case .clientVersion:
            return .string(operation, await backend.clientVersion(call["strVersion"]).wireValue)
        case .authenticate:
            let outcome = await backend.authenticate(username: call["strUserName"], password: call["strPassword"])
            return .strings(operation, outcome.wireValues)
        case .sendRequestXML:
            let request = SendRequestXML(
                ticket: call["ticket"],
                hcpResponse: call["strHCPResponse"],
                companyFileName: call["strCompanyFileName"],
                country: call["qbXMLCountry"],
                majorVersion: try call.integer("qbXMLMajorVers"),
                minorVersion: try call.integer("qbXMLMinorVers")
            )
            switch await backend.sendRequestXML(request) {
            case .request(let xml): return .string(operation, xml)
            case .wait, .failed: return .string(operation, "")
            }
        case .receiveResponseXML:
            let response = ReceiveResponseXML(
                ticket: call["ticket"], response: call["response"], hresult: call["hresult"], message: call["message"]
            )
            return .integer(operation, await backend.receiveResponseXML(response).wireValue)
        case .connectionError:
            let outcome = await backend.connectionError(ticket: call["ticket"], hresult: call["hresult"], message: call["message"])
            return .string(operation, outcome.wireValue)
        case .getLastError:
            return .string(operation, await backend.lastError(ticket: call["ticket"]).wireValue)
        case .closeConnection:
            return .string(operation, await backend.closeConnection(ticket: call["ticket"]))
        case .getInteractiveURL:
            // QBBridge never asks for interactive mode; an empty URL tells the client there is none.
            return .string(operation, "")
        case .interactiveDone:
            // "DONE" ends the interactive wait and the Web Connector closes the run.
            return .string(operation, "DONE")
        case .interactiveRejected:
            return .string(operation, "Interactive mode is not used by QBBridge; the run ends.")
        }
    }
}
