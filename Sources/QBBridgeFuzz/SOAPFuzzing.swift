import Dispatch
import QBXML
import WebConnector

/// Feeds one input to the SOAP endpoint's reader and dispatcher, then checks the one promise the
/// HTTP layer relies on: whatever came in, the reply is a well-formed SOAP envelope (a result or a
/// Fault), never a crash and never broken XML that the .NET client would choke on.
enum SOAPFuzzing {
    private static let service = WebConnectorService(backend: EchoBackend())

    static func run(_ bytes: [UInt8]) {
        let reply = Self.answer(bytes)
        let rendered = Array(reply.rendered().utf8)
        do {
            let reader = try XMLStreamReader(bytes: rendered, maxDepth: 16)
            while try reader.next() != nil {}
        } catch {
            fatalError("the reply to a fuzzed request is not well-formed XML (\(error)): \(String(decoding: rendered.prefix(400), as: UTF8.self))")
        }
    }

    /// `handle(body:)` is async; the harness is called synchronously by libFuzzer, so it waits here.
    /// The backend never suspends, so this costs one task hop per input.
    private static func answer(_ bytes: [UInt8]) -> SOAPReply {
        let done = DispatchSemaphore(value: 0)
        let box = ReplyBox()
        Task {
            box.reply = await service.handle(body: bytes)
            done.signal()
        }
        done.wait()
        return box.reply ?? .fault(code: "soap:Server", message: "no reply")
    }
}

/// Carries the reply out of the task; the semaphore orders the write before the read.
private final class ReplyBox: @unchecked Sendable {
    var reply: SOAPReply?
}

/// A backend that echoes every parameter it is given back into its answers, so that anything the
/// fuzzer puts into a parameter also goes through reply escaping.
private struct EchoBackend: WebConnectorBackend {
    func serverVersion() -> String { "fuzz" }
    func clientVersion(_ version: String) async -> ClientVersionVerdict { version.isEmpty ? .proceed : .warn(version) }
    func authenticate(username: String, password: String) async -> AuthenticationOutcome {
        username.isEmpty ? .invalidUser : .session(ticket: username, companyFile: password)
    }
    func sendRequestXML(_ request: SendRequestXML) async -> SendRequestOutcome {
        request.hcpResponse.isEmpty ? .wait : .request(request.hcpResponse + request.companyFileName)
    }
    func receiveResponseXML(_ response: ReceiveResponseXML) async -> ReceiveResponseOutcome {
        response.hresult.isEmpty ? .progress(response.response.utf8.count) : .failed
    }
    func connectionError(ticket: String, hresult: String, message: String) async -> ConnectionErrorOutcome {
        message.isEmpty ? .done : .retry(companyFile: message)
    }
    func lastError(ticket: String) async -> LastErrorOutcome { ticket.isEmpty ? .noOp : .message(ticket) }
    func closeConnection(ticket: String) async -> String { ticket }
}
